// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — right-hand side evaluation through scs::evaluateDerivatives.
#include "analysis/DerivativeEvaluator.h"

#include "analysis/AnalysisSupport.h"
#include "ode/Derivatives.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace scs {

DerivativeEvaluator::DerivativeEvaluator(const NeuronModel& model, const SimulationSettings& base)
    : model_(model), overrides_(base.parameterOverrides) {
    for (const auto& [name, value] : overrides_) requireParameter(model, name, "parameter override");
    if (base.protocol && model.parameterIndex(base.drive)) {
        ProtocolSignal signal(*base.protocol, base.dt > 0 ? base.dt : 1e-4);
        signal.advance(0);
        overrides_.emplace_back(base.drive, signal.at(0.0));
    }
}

bool DerivativeEvaluator::evaluate(const std::vector<double>& state, std::vector<double>& out) const {
    try {
        out = evaluateDerivatives(model_, state, overrides_, 0.0);
    } catch (const std::invalid_argument&) {
        out.assign(model_.states().size(), std::numeric_limits<double>::quiet_NaN());
        return false;
    }
    for (double v : out)
        if (!std::isfinite(v)) return false;
    return true;
}

} // namespace scs
