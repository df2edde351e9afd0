// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — symbolic linearity analysis for the exact and exponential-Euler methods.
#pragma once

#include "expr/Ast.h"

#include <map>
#include <optional>
#include <string>

namespace scs {

/// f = a + b*x with a and b free of x. Null members mean zero.
struct LinearParts {
    ExprPtr a;
    ExprPtr b;
};

/// Splits `f` as a + b*x, or returns nothing when f is not linear in x (x inside a function, in a
/// denominator, multiplied by itself). `f` must have its subexpressions substituted already.
std::optional<LinearParts> splitLinear(const ExprPtr& f, const std::string& x);

/// `e` with every subexpression name replaced by its definition (recursively).
ExprPtr substitute(const ExprPtr& e, const std::map<std::string, ExprPtr>& definitions);

/// Whether `e` calls rand() or randn().
bool usesRandomness(const Expr& e);

} // namespace scs
