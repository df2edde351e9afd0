// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a checked neuron model lowered to fixed-point code (FixedProgram.h).
#pragma once

#include "FixedProgram.h"

#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <string>
#include <utility>
#include <vector>

namespace scs::fixed {

struct FixedCompileOptions {
    FixedContract contract;
    double dt = 0.1e-3;      // SI seconds: one clock-enabled step
    std::string drive = "I"; // the parameter that becomes the input port; ignored if the model lacks it
    std::vector<std::pair<std::string, double>> parameterOverrides; // SI, as in SimulationSettings
    std::vector<std::pair<std::string, double>> initialOverrides;   // SI
    int lutSegments = 256;                                          // at most this many segments per lookup table
};

/// The options a run with `settings` implies: its dt, drive and overrides.
FixedCompileOptions compileOptionsFor(const SimulationSettings& settings, const FixedContract& contract,
                                      int lutSegments = 256);

/// Lowers `model` to forward-Euler fixed-point code in the contract's format. Every quantity is
/// counted in the fixed-point units of UnitScaling.h; constant subexpressions are folded in double
/// precision first and quantised once (to nearest), and constant factors (dt, 1/tau, ...) are
/// pushed down to the terms they scale, where they become constant multiplications kept with up
/// to W extra fraction bits. Throws ModelError, each diagnostic naming the field, line and column
/// of the construct it cannot compile and why (rand(), t, x % y, a non-integer power, a
/// parameter or constant outside the format's range, ...).
FixedModelProgram compileFixed(const NeuronModel& model, const FixedCompileOptions& options);

} // namespace scs::fixed
