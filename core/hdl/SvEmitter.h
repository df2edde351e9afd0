// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a fixed-point program printed as one synthesisable SystemVerilog module
// that steps bit for bit like fixed::FixedStepper.
#pragma once

#include "fixed/FixedProgram.h"

#include <string>
#include <vector>

namespace scs::hdl {

/// How to print.
struct SvOptions {
    std::string moduleName; // "" = legalIdentifier(program.name), "neuron" when that is empty too
    /// Pipeline registers cutting the step's datapath (0..kMaxPipelineStages, see SvPipeline.h):
    /// with S stages a step takes S + 1 enabled cycles and the longest path is about 1/(S+1) as long.
    int pipelineStages = 0;
};

/// The module's name and ports as printed, for testbenches and harnesses. The fixed ports are
/// clk, rst, en, spike and trap; user names never displace them.
struct SvInterface {
    std::string module;
    std::string clock = "clk", reset = "rst", enable = "en", spike = "spike", trap = "trap";
    std::string input;               // "in_<drive>" ("" when the program has no input)
    std::vector<std::string> states; // [state] "<state>_q"
    int width = 16;
    bool isSigned = true;
    int latency = 1; // enabled clock cycles per step (pipeline stages + 1)
};

/// The names emitSystemVerilog gives the module and its ports. Throws what emitSystemVerilog throws.
SvInterface svInterface(const fixed::FixedModelProgram& program, const SvOptions& options = {});

/// The module's text, documented in its header comment. Deterministic: the same program and
/// options give the same text. Throws std::runtime_error for a program FixedStepper could not run
/// either (see checkProgram).
///
/// Behaviour, per rising clk edge: rst (synchronous, active high) loads the initial states, clears
/// the refractory counter, the spike and trap outputs and seeds the LFSR with 0xACE1. Otherwise,
/// when en is high and trap is low, one forward-Euler step runs as FixedModelProgram describes;
/// `spike` is registered (high in the cycle after a step that spiked) and `<state>_q` hold the
/// states. With pipeline stages a step takes `latency` cycles in which en is high (cycles with en
/// low pause it); `in_<drive>` is read in the step's first cycle, and the states, spike and trap
/// change only at the end of its last one. Under Overflow::Trap a step in which any operation overflows updates nothing
/// and sets the sticky `trap` output instead (and calls $fatal in simulation unless SCS_NO_TRAP_FATAL is defined); the
/// module then holds until reset.
std::string emitSystemVerilog(const fixed::FixedModelProgram& program, const SvOptions& options = {});

} // namespace scs::hdl
