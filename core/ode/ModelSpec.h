// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a neuron model as the user writes it (text), before checking.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scs {

/// Everything a playground document or catalogue entry says about one neuron model, as text with
/// units, exactly as typed. NeuronModel::compile turns it into something that runs.
struct ModelSpec {
    std::string name;        // shown to the user; also the default file/module name
    std::string equations;   // Brian2 syntax, one equation per line
    std::string threshold;   // condition, e.g. "v > -50*mV"; empty: never spikes
    std::string reset;       // statements, one per line; empty: none
    std::string refractory;  // duration ("2*ms"), condition ("v > -20*mV") or empty
    /// Constants referenced by the equations, and values for declared parameters:
    /// name -> value expression with units ("-65*mV", "10*Mohm", "0.02"). Order is kept for display.
    std::vector<std::pair<std::string, std::string>> parameters;
    /// Initial values of state variables (name -> expression with units). Missing ones start at 0.
    std::vector<std::pair<std::string, std::string>> initialValues;
    std::string method;      // "", "euler", "rk2", "rk4", "exponential_euler", "exact"; "" = default

    std::optional<std::string> parameter(const std::string& name) const;
    void setParameter(const std::string& name, const std::string& value);
    std::optional<std::string> initialValue(const std::string& name) const;
    void setInitialValue(const std::string& name, const std::string& value);

    bool operator==(const ModelSpec&) const = default;
};

} // namespace scs
