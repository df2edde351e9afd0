// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Brian2-style model descriptions: equation lines and reset statements.
#pragma once

#include "expr/Ast.h"

#include <string>
#include <string_view>
#include <vector>

namespace scs {

/// One line of a model description, as written:
///   `dv/dt = (El - v)/tau : volt (unless refractory)`  Differential
///   `m = 1/(1 + exp(-v/mV)) : 1`                       Subexpression
///   `I : amp`                                           Parameter
struct EquationLine {
    enum class Kind { Differential, Subexpression, Parameter };
    Kind kind = Kind::Parameter;
    std::string name;
    ExprPtr rhs;      // null for Parameter
    ExprPtr unit;     // the unit expression after ':' ("volt", "1", "siemens/meter**2")
    std::vector<std::string> flags; // "unless refractory", "constant", "shared", ...
    SourcePos namePos;
    SourcePos unitPos;
};

/// Parses every non-empty, non-comment line of `text`. Throws ModelError with all line errors.
std::vector<EquationLine> parseEquations(std::string_view text, const std::string& field = "equations");

/// A reset statement: `v = Vr`, `w += b` (also -=, *=, /=).
struct Statement {
    enum class Kind { Assign, AddAssign, SubAssign, MulAssign, DivAssign };
    Kind kind = Kind::Assign;
    std::string target;
    ExprPtr value;
    SourcePos targetPos;
};

/// Parses statements separated by new lines or ';'. Empty text gives no statements.
std::vector<Statement> parseStatements(std::string_view text, const std::string& field = "reset");

/// True when `text` holds only white space and comments.
bool isBlank(std::string_view text);

} // namespace scs
