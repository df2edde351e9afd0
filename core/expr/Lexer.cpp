// SPDX-License-Identifier: MIT
#include "expr/Lexer.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace scs {

std::vector<Token> tokenize(std::string_view text, const std::string& field, SourcePos origin) {
    std::vector<Token> out;
    int line = origin.line;
    int col = origin.column;
    std::size_t i = 0;
    auto at = [&](int length) { return SourcePos{line, col, length}; };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            col = 1;
            ++i;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            ++col;
            continue;
        }
        if (c == '#') { // comment to end of line
            while (i < text.size() && text[i] != '\n') ++i;
            continue;
        }
        Token t;
        std::size_t start = i;
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
            while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
            if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
                std::size_t j = i + 1;
                if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
                if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
                    i = j;
                    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
                }
            }
            t.kind = TokenKind::Number;
            t.text = std::string(text.substr(start, i - start));
            char* end = nullptr;
            t.number = std::strtod(t.text.c_str(), &end);
            if (end != t.text.c_str() + t.text.size())
                throw ModelError(field, at(static_cast<int>(t.text.size())), "malformed number '" + t.text + "'");
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
            t.text = std::string(text.substr(start, i - start));
            const bool word = t.text == "and" || t.text == "or" || t.text == "not";
            t.kind = word ? TokenKind::Operator : TokenKind::Identifier;
        } else if (c == '(') {
            t.kind = TokenKind::LParen, t.text = "(", ++i;
        } else if (c == ')') {
            t.kind = TokenKind::RParen, t.text = ")", ++i;
        } else if (c == ',') {
            t.kind = TokenKind::Comma, t.text = ",", ++i;
        } else {
            static constexpr std::string_view two[] = {"**", "<=", ">=", "==", "!=", "//"};
            t.kind = TokenKind::Operator;
            for (auto op : two)
                if (text.substr(i, 2) == op) t.text = std::string(op);
            if (t.text.empty()) {
                if (std::string_view("+-*/%<>").find(c) == std::string_view::npos)
                    throw ModelError(field, at(1), std::string("unexpected character '") + c + "'");
                t.text = std::string(1, c);
            }
            i += t.text.size();
        }
        t.pos = at(static_cast<int>(i - start));
        col += static_cast<int>(i - start);
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = TokenKind::End;
    end.pos = at(1);
    out.push_back(end);
    return out;
}

} // namespace scs
