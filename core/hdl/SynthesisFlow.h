// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the tool commands of each synthesis target, in one place so the runner and
// an exported bundle's scripts use the same flow.
#pragma once

#include "hdl/SynthesisReport.h"

#include <string>
#include <vector>

namespace scs::hdl {

/// The Yosys command that synthesises `top` for `target` (the whole design flattened, so
/// statistics are for one netlist): "synth_ice40 -top lif", "synth_ecp5 -top lif",
/// "synth_xilinx -flatten -top lif" (7 series is synth_xilinx' default family), "synth -flatten -top lif".
std::string yosysSynthCommand(SynthesisTarget target, const std::string& top);

/// A Yosys script: read `sources` as SystemVerilog, synthesise, write the netlist as JSON to
/// `netlistJson` and the statistics (`stat -json`) to `statJson`. File names are written as
/// given, relative to Yosys' working directory; they must not contain spaces or quotes.
std::string yosysScript(SynthesisTarget target, const std::string& top, const std::vector<std::string>& sources,
                        const std::string& netlistJson, const std::string& statJson);

/// About how many "Executing" steps Yosys logs for a small module on `target`, for progress.
int yosysExpectedSteps(SynthesisTarget target);

/// The nextpnr target device: an iCE40UP5K in the SG48 package (the UPduino and iCEBreaker part).
inline constexpr const char* kIce40Device = "--up5k";
inline constexpr const char* kIce40Package = "sg48";
/// The I/O pins nextpnr can place in that package, the clock included (measured with nextpnr 0.4).
inline constexpr int kIce40PackagePins = 39;

/// nextpnr-ice40's arguments (after the program name): place and route `netlistJson`, pins left
/// unconstrained, aiming at `clockMHz` without failing when timing is missed (we want fmax, not a
/// verdict), writing its JSON report to `reportJson`. `seed` makes runs repeatable.
std::vector<std::string> nextpnrIce40Arguments(const std::string& netlistJson, const std::string& reportJson,
                                               double clockMHz, int seed);

} // namespace scs::hdl
