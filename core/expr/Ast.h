// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — expression trees for equations, conditions and reset statements.
#pragma once

#include "expr/SourceError.h"

#include <memory>
#include <string>
#include <vector>

namespace scs {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

enum class ExprKind { Number, Name, Unary, Binary, Call };

enum class Op {
    Add, Sub, Mul, Div, Pow, Mod,              // arithmetic
    Lt, Le, Gt, Ge, Eq, Ne,                    // comparisons (result 0 or 1)
    And, Or, Not, Neg, Pos                     // logic and signs
};

/// One immutable node. Trees are shared freely between models (copy is cheap).
struct Expr {
    ExprKind kind = ExprKind::Number;
    double number = 0.0;       // Number
    std::string name;          // Name, Call (function name)
    Op op = Op::Add;           // Unary, Binary
    std::vector<ExprPtr> args; // Unary: 1, Binary: 2, Call: any
    SourcePos pos;

    static ExprPtr makeNumber(double v, SourcePos p);
    static ExprPtr makeName(std::string n, SourcePos p);
    static ExprPtr makeUnary(Op o, ExprPtr a, SourcePos p);
    static ExprPtr makeBinary(Op o, ExprPtr a, ExprPtr b, SourcePos p);
    static ExprPtr makeCall(std::string f, std::vector<ExprPtr> a, SourcePos p);

    /// Whether `variable` occurs anywhere in the tree.
    bool mentions(const std::string& variable) const;
    /// Readable infix text, fully parenthesised where needed (for generated code and messages).
    std::string toString() const;
};

const char* opSymbol(Op op);

} // namespace scs
