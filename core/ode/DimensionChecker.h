// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — unit checking of expressions (Brian2's rules).
#pragma once

#include "expr/Ast.h"
#include "units/Dimension.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace scs {

/// Computes the dimension of an expression, or throws ModelError (with `field` and the position of
/// the offending node) on a mismatch. Names resolve through `lookup` first (the model's own
/// variables shadow units, so a gating variable called `m` is not the metre), then unit names.
class DimensionChecker {
public:
    using Lookup = std::function<std::optional<Dimension>(const std::string&)>;
    DimensionChecker(Lookup lookup, std::string field);

    Dimension check(const Expr& e) const;
    /// Whether `e` is a pure number once units are folded (for exponents); its value if so.
    static std::optional<double> constantValue(const Expr& e);

private:
    Dimension checkCall(const Expr& e) const;
    [[noreturn]] void fail(const Expr& at, const std::string& message) const;
    Lookup lookup_;
    std::string field_;
};

/// "did you mean 'tau'?" for an unknown name, or "" when nothing is close.
std::string suggestName(const std::string& unknown, const std::vector<std::string>& known);

} // namespace scs
