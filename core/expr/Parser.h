// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — recursive-descent parser for expressions (Python precedence, as Brian2).
#pragma once

#include "expr/Ast.h"

#include <string>
#include <string_view>

namespace scs {

/// Parses one expression: `or` < `and` < `not` < comparisons < `+ -` < `* / %` < unary `- +` < `**`
/// (right-associative, binds tighter than a unary minus on its left, as in Python).
/// Throws ModelError naming `field` and the position of the first error.
ExprPtr parseExpression(std::string_view text, const std::string& field, SourcePos origin = {});

} // namespace scs
