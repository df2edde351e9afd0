// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a self-checking SystemVerilog testbench for an emitted neuron module, and
// the data it checks against: the drive codes of a protocol and FixedStepper's spikes.
#pragma once

#include "SvEmitter.h"

#include "fixed/FixedProgram.h"
#include "ode/Protocol.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scs::hdl {

/// What the testbench feeds the module and expects back, from the C++ reference.
struct TestbenchData {
    std::vector<std::int64_t> stimulus;    // [cycle] the raw input code
    std::vector<std::int64_t> spikeCycles; // steps that spiked, ascending
    std::vector<std::int64_t> finalStates; // [state] raw codes after the last step (or at the trap)
    std::optional<std::int64_t> trapCycle; // Overflow::Trap: the step FixedStepper threw at; the run ends there
};

/// Runs FixedStepper over `stimulus` and records what the RTL must do.
TestbenchData expectedRun(const fixed::FixedModelProgram& program, std::vector<std::int64_t> stimulus);

/// `cycles` steps of `protocol` (nullopt: the drive held at its parameter value) sampled at the
/// program's dt and quantised to the input format (fixed::driveCodes), then expectedRun.
TestbenchData protocolRun(const fixed::FixedModelProgram& program, const std::optional<Protocol>& protocol,
                          std::int64_t cycles);

struct TestbenchOptions {
    SvOptions module;                          // names the module under test
    std::string stimulusFile = "stimulus.hex"; // read with $readmemh, relative to the run folder
    std::string expectedFile = "expected_spikes.hex";
    std::string vcdFile; // "" = tb_<module>.vcd; dumped unless SCS_NO_VCD is defined
};

/// `stimulus` as $readmemh text: one code per line, W bits in hex (two's complement).
std::string stimulusHex(const fixed::FixedModelProgram& program, const TestbenchData& data);
/// The spike steps as $readmemh text: one 32-bit hex number per line, then an all-ones sentinel.
std::string expectedSpikesHex(const TestbenchData& data);

/// The testbench module `tb_<module>`: clocks the module through reset and data.stimulus.size()
/// steps (#5 half periods), compares `spike` after every step with the expected file, checks
/// `trap` (and that it rises at data.trapCycle) and the final states, prints "PASS: ..." and calls
/// $finish, or prints the first mismatches, "FAIL: ..." and calls $fatal. Runs under
/// `iverilog -g2012` + `vvp` and `verilator --binary`. When a trap is expected compile with
/// -DSCS_NO_TRAP_FATAL so the module reports it on `trap` instead of stopping the simulation.
std::string emitTestbench(const fixed::FixedModelProgram& program, const TestbenchData& data,
                          const TestbenchOptions& options = {});

} // namespace scs::hdl
