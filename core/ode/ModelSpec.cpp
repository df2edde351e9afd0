// SPDX-License-Identifier: MIT
#include "ode/ModelSpec.h"

namespace scs {
namespace {
using Pairs = std::vector<std::pair<std::string, std::string>>;

std::optional<std::string> lookup(const Pairs& pairs, const std::string& name) {
    for (const auto& [k, v] : pairs)
        if (k == name) return v;
    return std::nullopt;
}

void assign(Pairs& pairs, const std::string& name, const std::string& value) {
    for (auto& [k, v] : pairs)
        if (k == name) {
            v = value;
            return;
        }
    pairs.emplace_back(name, value);
}
} // namespace

std::optional<std::string> ModelSpec::parameter(const std::string& name) const { return lookup(parameters, name); }
void ModelSpec::setParameter(const std::string& name, const std::string& value) { assign(parameters, name, value); }
std::optional<std::string> ModelSpec::initialValue(const std::string& name) const { return lookup(initialValues, name); }
void ModelSpec::setInitialValue(const std::string& name, const std::string& value) {
    assign(initialValues, name, value);
}

} // namespace scs
