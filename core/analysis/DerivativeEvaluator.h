// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — dx/dt of a neuron model at any state, with a run's parameters and drive.
#pragma once

#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <string>
#include <utility>
#include <vector>

namespace scs {

/// Evaluates the right-hand side f(x) of dx/dt = f(x) at arbitrary states, for phase planes and
/// fixed points, with the parameters a run with `base` would use: its overrides, and the drive
/// parameter set to the protocol's value at t = 0 (when a protocol is given and the model has the
/// drive). The neuron is taken as not refractory. Stochastic terms give one fixed sample.
/// Immutable after construction; evaluate() is safe from several threads at once.
class DerivativeEvaluator {
public:
    /// Throws AnalysisError when an override names no parameter of the model.
    DerivativeEvaluator(const NeuronModel& model, const SimulationSettings& base);

    /// f(state) in SI per second, in states() order. `state` has one value per state variable.
    /// Returns false (and leaves the non-finite values in `out`) when f is not finite there.
    bool evaluate(const std::vector<double>& state, std::vector<double>& out) const;

    /// The parameter values (SI) used, overrides then drive.
    const std::vector<std::pair<std::string, double>>& parameterOverrides() const { return overrides_; }

private:
    NeuronModel model_;
    std::vector<std::pair<std::string, double>> overrides_;
};

} // namespace scs
