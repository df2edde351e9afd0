// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — splits one step's datapath into pipeline stages separated by registers.
//
// A neuron's step feeds the next step (the states), so two steps of one neuron can never be in
// flight together: with S pipeline stages a step takes S + 1 enabled clock cycles and the
// combinational path between registers is about 1/(S + 1) as long, which is what lets a large model
// (Hodgkin-Huxley, with divisions and tables) meet a faster clock. Values crossing a stage boundary
// are captured once, in the cycle their stage runs, and held to the end of the step. States, the
// refractory counter and the LFSR only change in the step's last cycle, so the datapath reads them
// directly in every stage.
#pragma once

#include "ProgramCheck.h"

#include "fixed/FixedProgram.h"

#include <vector>

namespace scs::hdl {

struct PipelinePlan {
    int stages = 0;               // registers between stages; a step takes stages + 1 cycles
    std::vector<int> stage;       // [value] the stage (cycle of the step, 0..stages) that computes it
    std::vector<bool> stable;     // [value] constant during a step (constants, state reads): never registered
    std::vector<bool> registered; // [value] read in a later stage than its own: captured in a register
    double depth = 0;             // the estimated combinational depth of the whole step (LUT levels)
    double longestStage = 0;      // the deepest stage after the split, same units
    int latency() const { return stages + 1; }
};

/// The most pipeline stages a step can be given (a step then takes 9 cycles).
inline constexpr int kMaxPipelineStages = 8;

/// Assigns every value to a stage so that the estimated depth of each stage is about depth / (S+1),
/// in program order and never before its operands. The step's outputs (next and reset states, the
/// threshold, the refractory condition) are read in the last stage. `stages` is clamped to
/// [0, kMaxPipelineStages]; 0 gives every value stage 0 and registers nothing.
PipelinePlan planPipeline(const fixed::FixedModelProgram& program, int stages);

/// The estimated combinational depth of one value's operation, in LUT levels (for planning only).
double operationDepth(const fixed::FixedModelProgram& program, const fixed::FixedInstr& instruction);

} // namespace scs::hdl
