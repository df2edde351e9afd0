// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the right-hand side of a model at an arbitrary state (phase planes, Jacobians).
#pragma once

#include "ode/NeuronModel.h"

#include <string>
#include <utility>
#include <vector>

namespace scs {

/// d(state)/dt for every state variable (SI per second), at `state` (SI, in states() order) and time
/// `t`, with parameter overrides (SI) applied and the neuron not refractory. Throws
/// std::invalid_argument when `state` has the wrong size or a parameter is unknown.
std::vector<double> evaluateDerivatives(const NeuronModel& model, const std::vector<double>& state,
                                        const std::vector<std::pair<std::string, double>>& parameterOverrides = {},
                                        double t = 0.0);

} // namespace scs
