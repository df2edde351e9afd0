// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a checked, compiled neuron model ready to simulate.
#pragma once

#include "expr/SourceError.h"
#include "ode/ModelSpec.h"
#include "units/Dimension.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scs {

struct CompiledModel; // internal: programs for derivatives, threshold, reset, refractoriness

struct VariableInfo {
    std::string name;
    Dimension dimension;
    std::string displayUnit; // "mV"; "" when dimensionless
    double displayScale = 1; // SI per display unit
    bool unlessRefractory = false;
};

struct ParameterInfo {
    std::string name;
    Dimension dimension;
    double value = 0;        // SI
    std::string displayUnit;
    double displayScale = 1;
    bool declared = false;   // declared in the equations ("I : amp") rather than a constant
};

/// Immutable once compiled; cheap to copy (shares its compiled programs); safe to simulate from
/// several threads at once.
class NeuronModel {
public:
    /// Parses, resolves names and checks units. Throws ModelError with every problem found, each
    /// with its field ("equations", "threshold", ...) and position.
    static NeuronModel compile(const ModelSpec& spec);
    /// The same checks without throwing: empty when the model is valid. For editors.
    static std::vector<Diagnostic> diagnose(const ModelSpec& spec);

    const ModelSpec& spec() const;
    const std::vector<VariableInfo>& states() const;
    const std::vector<VariableInfo>& subexpressions() const;
    const std::vector<ParameterInfo>& parameters() const;
    std::optional<std::size_t> stateIndex(const std::string& name) const;
    std::optional<std::size_t> parameterIndex(const std::string& name) const;
    std::vector<double> initialState() const; // SI, in states() order

    bool hasThreshold() const;
    bool hasReset() const;
    bool hasRefractory() const;

    /// Brian2's default when no method is named: "exact" for linear systems with constant
    /// coefficients, else "euler".
    std::string defaultMethod() const;
    /// The method a simulation uses: the spec's, else the default.
    std::string effectiveMethod() const;
    /// Whether `method` can integrate this model; if not, `why` says why.
    bool supportsMethod(const std::string& method, std::string* why = nullptr) const;

    const CompiledModel& compiled() const { return *compiled_; }

private:
    std::shared_ptr<const CompiledModel> compiled_;
};

/// The integration methods, in the order shown to users.
const std::vector<std::string>& integrationMethods();

/// Names an expression may use besides the model's own: functions and reserved variables.
const std::vector<std::string>& builtinFunctionNames();
const std::vector<std::string>& reservedVariableNames(); // t, dt, not_refractory, lastspike, i, N

} // namespace scs
