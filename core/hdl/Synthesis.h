// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — synthesising a SystemVerilog module with Yosys (and, for iCE40, placing and
// routing it with nextpnr) and reading what it costs.
#pragma once

#include "hdl/SynthesisReport.h"

#include <filesystem>
#include <string>

namespace scs {
class JobContext;
}

namespace scs::hdl {

struct SynthesisOptions {
    /// A PATH-style list (dirs separated by ':') searched for yosys and nextpnr-ice40 instead of
    /// $PATH, e.g. an OSS CAD Suite's bin folder; empty: $PATH.
    std::string toolPath;
    bool placeAndRoute = true;     // iCE40: run nextpnr-ice40 for fmax and placed utilisation
    double clockMHz = 12;          // nextpnr's timing target (the UP5K boards' 12 MHz oscillator)
    std::string clockPort = "clk"; // the module's clock input, for the I/O wrapper (PnrWrapper.h)
    int seed = 1;                  // nextpnr's placer seed: the same input gives the same fmax
    double timeoutSeconds = 900;   // each tool run; 0: no limit
    /// Where the tools run and leave their files (design.sv, synth.ys, netlist.json, stat.json,
    /// pnr-report.json). Empty: a fresh temporary folder, removed afterwards.
    std::filesystem::path workDir;
};

/// Synthesises `topModule` from `svSource` for `target`. Never throws for a failed run: a missing
/// tool, a syntax error, a tool crash or timeout give ok = false, a one-line `error`
/// ("yosys: design.sv:2: ERROR: syntax error, unexpected ';'", "yosys is not installed (not found
/// on PATH)") and whatever log there is. Only cancellation through `job` (may be null) throws
/// JobCancelled, after the running tool has been killed. Progress goes from 0 to 1 through
/// `job`. On iCE40 a design with more port bits than the SG48 package has pins is placed through
/// a serial I/O wrapper (PnrWrapper.h), and one that needs more LUTs, flip-flops, BRAM or DSP
/// than the UP5K has is not placed (no fmax); notes say so and the run is still ok. Blocking:
/// call it from a job's thread.
SynthesisReport synthesise(const std::string& svSource, const std::string& topModule, SynthesisTarget target,
                           const SynthesisOptions& options = {}, JobContext* job = nullptr);

} // namespace scs::hdl
