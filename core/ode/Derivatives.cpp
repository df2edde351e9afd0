// SPDX-License-Identifier: MIT
#include "ode/Derivatives.h"

#include "ode/CompiledModel.h"

#include <stdexcept>

namespace scs {

std::vector<double> evaluateDerivatives(const NeuronModel& model, const std::vector<double>& state,
                                        const std::vector<std::pair<std::string, double>>& parameterOverrides,
                                        double t) {
    const CompiledModel& m = model.compiled();
    if (state.size() != m.states.size())
        throw std::invalid_argument("expected " + std::to_string(m.states.size()) + " state values, got " +
                                    std::to_string(state.size()));
    std::vector<double> slots = m.initialSlots;
    for (const auto& [name, value] : parameterOverrides) {
        auto index = model.parameterIndex(name);
        if (!index) throw std::invalid_argument("the model has no parameter '" + name + "'");
        slots[m.parameterSlots[*index]] = value;
    }
    for (std::size_t k = 0; k < state.size(); ++k) slots[m.stateSlots[k]] = state[k];
    slots[m.tSlot] = t;
    Random rng(1);
    runScalar(m.derivatives, slots.data(), &rng);
    std::vector<double> out(state.size());
    for (std::size_t k = 0; k < state.size(); ++k) out[k] = slots[m.derivativeSlots[k]];
    return out;
}

} // namespace scs
