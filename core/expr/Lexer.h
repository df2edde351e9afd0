// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — tokens of the Brian2-style expression language.
#pragma once

#include "expr/SourceError.h"

#include <string>
#include <string_view>
#include <vector>

namespace scs {

enum class TokenKind {
    Number, Identifier, Operator, LParen, RParen, Comma, End
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // identifiers and operators as written ("**", "<=", "and")
    double number = 0; // Number
    SourcePos pos;
};

/// Splits one expression into tokens. `origin` is where the text starts in its field, so that
/// positions refer to the user's text even when the expression is a slice of a longer line.
/// Throws ModelError (with `field`) on characters that cannot start a token.
std::vector<Token> tokenize(std::string_view text, const std::string& field, SourcePos origin = {});

} // namespace scs
