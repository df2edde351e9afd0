// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — co-simulation: the emitted RTL run under Verilator against FixedStepper on
// the same inputs, every spike and every state bit compared cycle by cycle. Many programs share
// one Verilator build (one top holding every module), so hundreds of models cost one compile.
#pragma once

#include "CosimTop.h"

#include "fixed/FixedProgram.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace scs {
class JobContext;
}

namespace scs::hdl {

struct CosimOptions {
    /// Where sources, the build and data go (kept). "" = a temporary folder, removed afterwards,
    /// or a new folder under $SCS_COSIM_KEEP when that is set (kept, for debugging).
    std::filesystem::path workDir;
    int jobs = 2;                // parallel C++ compiles of the Verilator model
    double timeoutSeconds = 900; // for the Verilator build and for the run, each
    /// Compile the generated model with -O1 instead of -O0: about twice the build time for a
    /// several times faster run; worth it from some 10^6 module-cycles on.
    bool optimize = false;
    /// Pipeline stages of every emitted module (SvOptions::pipelineStages): a step then takes
    /// stages + 1 cycles, and every cycle is compared (states hold until the step's last one).
    int pipelineStages = 0;
    /// Per program, in order, instead of pipelineStages (empty: pipelineStages for all).
    std::vector<int> stagesPerProgram;
};

/// The first difference found in one program's run.
struct CosimMismatch {
    std::int64_t cycle = 0;    // the clock cycle, 0 = the first enabled cycle after reset
    std::int64_t step = 0;     // the step that cycle belongs to (the cycle itself without pipelining)
    std::string signal;        // "spike", "trap" or the state's name
    std::int64_t expected = 0; // FixedStepper's raw code (0 or 1 for spike and trap)
    std::int64_t got = 0;      // the RTL's
};

struct CosimResult {
    std::string id;
    std::int64_t cycles = 0;               // clock cycles compared
    std::int64_t steps = 0;                // steps completed in those cycles
    int latency = 1;                       // cycles per step
    std::int64_t spikes = 0;               // spikes in those cycles (equal in both)
    std::optional<std::int64_t> trapCycle; // Overflow::Trap: the cycle both stopped at
    std::string trapWhat;                  // what FixedStepper said overflowed
    std::optional<CosimMismatch> mismatch;
    bool matched() const { return !mismatch.has_value(); }
    /// "lif: match, 10000 cycles, 42 spikes, every state bit equal" or "lif: MISMATCH at cycle 17:
    /// v expected 1234 got 1235".
    std::string summary() const;
};

/// The emitted modules built into one Verilator model, ready to run many times.
class CosimModel {
public:
    /// Prints every program (module names made unique: "c<k>_<name>"), writes the top and the
    /// harness, and builds them with Verilator (and make and the C++ compiler it calls). Throws
    /// ToolMissing naming a missing tool, std::runtime_error with the end of the build log when
    /// the build fails, and what emitSystemVerilog throws.
    CosimModel(std::vector<fixed::FixedModelProgram> programs, const CosimOptions& options = {},
               JobContext* job = nullptr);
    ~CosimModel();
    CosimModel(const CosimModel&) = delete;
    CosimModel& operator=(const CosimModel&) = delete;

    /// Runs every program on its inputs (raw codes, one per step, held for the step's cycles; the
    /// longest sets the run) and compares with FixedStepper in every clock cycle. `ids` names the results (default: the
    /// program names).
    std::vector<CosimResult> run(const std::vector<std::vector<std::int64_t>>& inputs,
                                 const std::vector<std::string>& ids = {}, JobContext* job = nullptr) const;

    const std::vector<fixed::FixedModelProgram>& programs() const { return programs_; }
    const CosimLayout& layout() const { return layout_; }
    const std::filesystem::path& directory() const { return dir_; }
    double buildSeconds() const { return buildSeconds_; }
    /// The last run's harness time (simulation and file traffic, without the comparison).
    double lastRunSeconds() const { return runSeconds_; }

private:
    std::vector<fixed::FixedModelProgram> programs_;
    CosimOptions options_;
    CosimLayout layout_;
    std::filesystem::path dir_;
    bool temporary_ = false;
    double buildSeconds_ = 0;
    mutable double runSeconds_ = 0;
};

/// One program, one input sequence: build, run, compare.
CosimResult cosimulate(const fixed::FixedModelProgram& program, const std::vector<std::int64_t>& input,
                       const CosimOptions& options = {}, JobContext* job = nullptr);

} // namespace scs::hdl
