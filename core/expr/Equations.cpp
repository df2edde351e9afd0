// SPDX-License-Identifier: MIT
#include "expr/Equations.h"

#include "expr/Parser.h"

#include <cctype>
#include <regex>

namespace scs {
namespace {

std::string_view stripComment(std::string_view line) {
    const auto hash = line.find('#');
    return hash == std::string_view::npos ? line : line.substr(0, hash);
}

// Index of the first character of `s` at or after `from` that is not a blank.
std::size_t skipBlanks(std::string_view s, std::size_t from) {
    while (from < s.size() && std::isspace(static_cast<unsigned char>(s[from]))) ++from;
    return from;
}

// Calls f(line, lineNumber) for every line of `text` with its comment removed (1-based numbers).
template <class F>
void forEachLine(std::string_view text, F&& f) {
    int lineNo = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        f(stripComment(text.substr(start, end - start)), ++lineNo);
        start = end + 1;
    }
}

std::size_t trimEnd(std::string_view s, std::size_t end) {
    while (end > 0 && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
    return end;
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

// Position of a top-level `ch` (outside parentheses), or npos. A surplus ')' does not hide the
// separator: the expression's own parser reports it with its position.
std::size_t findTopLevel(std::string_view s, char ch) {
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') ++depth;
        else if (s[i] == ')') depth = depth > 0 ? depth - 1 : 0;
        else if (s[i] == ch && depth == 0) return i;
    }
    return std::string_view::npos;
}

// Compiled once: building a std::regex costs more than parsing a whole model line.
const std::regex kEdgeBlanks("^\\s+|\\s+$");
const std::regex kInnerBlanks("\\s+");
const std::regex kFlagList("[A-Za-z_ ,]+");
const std::regex kDerivative("d([A-Za-z_][A-Za-z0-9_]*)/dt");

const std::vector<std::string>& knownFlags() {
    static const std::vector<std::string> flags = {"unless refractory", "constant", "shared",
                                                   "constant over dt", "linked"};
    return flags;
}

EquationLine parseLine(std::string_view line, int lineNo, const std::string& field) {
    auto pos = [&](std::size_t col, std::size_t len) {
        return SourcePos{lineNo, static_cast<int>(col) + 1, static_cast<int>(std::max<std::size_t>(len, 1))};
    };
    EquationLine eq;
    const std::size_t colon = findTopLevel(line, ':');
    if (colon == std::string_view::npos)
        throw ModelError(field, pos(skipBlanks(line, 0), trimEnd(line, line.size()) - skipBlanks(line, 0)),
                         "missing ': unit' (write ': 1' for a dimensionless quantity)");

    // Unit part, with optional trailing "(flag, flag)".
    std::string_view unitPart = line.substr(colon + 1);
    std::size_t unitStart = colon + 1 + skipBlanks(unitPart, 0);
    std::size_t unitEnd = colon + 1 + trimEnd(unitPart, unitPart.size());
    if (unitEnd > unitStart && line[unitEnd - 1] == ')') {
        const std::size_t open = line.rfind('(', unitEnd - 1);
        if (open != std::string_view::npos && open > unitStart) {
            std::string inner(line.substr(open + 1, unitEnd - open - 2));
            std::vector<std::string> flags;
            bool allFlags = true;
            std::size_t start = 0;
            while (start <= inner.size()) {
                std::size_t comma = inner.find(',', start);
                if (comma == std::string::npos) comma = inner.size();
                std::string flag = inner.substr(start, comma - start);
                flag = std::regex_replace(flag, kEdgeBlanks, "");
                flag = std::regex_replace(flag, kInnerBlanks, " ");
                if (std::find(knownFlags().begin(), knownFlags().end(), flag) == knownFlags().end()) allFlags = false;
                flags.push_back(flag);
                start = comma + 1;
            }
            const bool looksLikeFlags = std::regex_match(inner, kFlagList);
            if (looksLikeFlags && !allFlags)
                throw ModelError(field, pos(open + 1, unitEnd - open - 2),
                                 "unknown flag '" + inner + "' (known: unless refractory, constant, shared)");
            if (allFlags) {
                eq.flags = std::move(flags);
                unitEnd = trimEnd(line, open);
            }
        }
    }
    if (unitEnd <= unitStart) throw ModelError(field, pos(colon, 1), "missing unit after ':'");
    eq.unitPos = pos(unitStart, unitEnd - unitStart);
    eq.unit = parseExpression(line.substr(unitStart, unitEnd - unitStart), field, eq.unitPos);

    // Left part: "dx/dt = rhs", "x = rhs" or "x".
    std::string_view left = line.substr(0, colon);
    const std::size_t eqSign = findTopLevel(left, '=');
    const std::size_t nameStart = skipBlanks(left, 0);
    if (eqSign == std::string_view::npos) {
        const std::size_t nameEnd = trimEnd(left, left.size());
        std::string_view name = left.substr(nameStart, nameEnd - nameStart);
        eq.namePos = pos(nameStart, name.size());
        if (!isIdentifier(name)) throw ModelError(field, eq.namePos, "expected a parameter name before ':'");
        eq.kind = EquationLine::Kind::Parameter;
        eq.name = std::string(name);
        return eq;
    }
    const std::size_t lhsEnd = trimEnd(left, eqSign);
    std::string lhs(left.substr(nameStart, lhsEnd - nameStart));
    lhs.erase(std::remove_if(lhs.begin(), lhs.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
              lhs.end());
    eq.namePos = pos(nameStart, lhsEnd - nameStart);
    std::smatch m;
    if (std::regex_match(lhs, m, kDerivative)) {
        eq.kind = EquationLine::Kind::Differential;
        eq.name = m[1];
    } else if (isIdentifier(lhs)) {
        eq.kind = EquationLine::Kind::Subexpression;
        eq.name = lhs;
    } else {
        throw ModelError(field, eq.namePos, "expected 'dx/dt' or a name before '='");
    }
    const std::size_t rhsStart = eqSign + 1 + skipBlanks(left.substr(eqSign + 1), 0);
    const std::size_t rhsEnd = trimEnd(left, left.size());
    if (rhsEnd <= rhsStart) throw ModelError(field, pos(eqSign, 1), "missing expression after '='");
    eq.rhs = parseExpression(left.substr(rhsStart, rhsEnd - rhsStart), field, pos(rhsStart, 1));
    return eq;
}

} // namespace

bool isBlank(std::string_view text) {
    bool blank = true;
    forEachLine(text, [&](std::string_view line, int) { blank = blank && skipBlanks(line, 0) >= line.size(); });
    return blank;
}

std::vector<EquationLine> parseEquations(std::string_view text, const std::string& field) {
    std::vector<EquationLine> out;
    std::vector<Diagnostic> errors;
    forEachLine(text, [&](std::string_view line, int lineNo) {
        if (skipBlanks(line, 0) >= line.size()) return;
        try {
            out.push_back(parseLine(line, lineNo, field));
        } catch (const ModelError& e) {
            errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    });
    if (!errors.empty()) throw ModelError(std::move(errors));
    return out;
}

std::vector<Statement> parseStatements(std::string_view text, const std::string& field) {
    std::vector<Statement> out;
    std::vector<Diagnostic> errors;
    forEachLine(text, [&](std::string_view line, int lineNo) {
        std::size_t pieceStart = 0;
        while (pieceStart <= line.size()) {
            std::size_t semi = line.find(';', pieceStart);
            if (semi == std::string_view::npos) semi = line.size();
            std::string_view piece = line.substr(0, semi);
            const std::size_t b = skipBlanks(piece, pieceStart);
            const std::size_t e = trimEnd(piece, piece.size());
            pieceStart = semi + 1;
            if (b >= e) continue;
            try {
                std::size_t nameEnd = b;
                while (nameEnd < e && (std::isalnum(static_cast<unsigned char>(line[nameEnd])) || line[nameEnd] == '_'))
                    ++nameEnd;
                Statement s;
                s.target = std::string(line.substr(b, nameEnd - b));
                s.targetPos = SourcePos{lineNo, static_cast<int>(b) + 1, static_cast<int>(std::max<std::size_t>(nameEnd - b, 1))};
                if (!isIdentifier(s.target))
                    throw ModelError(field, s.targetPos, "expected a variable name at the start of the statement");
                std::size_t opPos = skipBlanks(line, nameEnd);
                static const std::pair<const char*, Statement::Kind> ops[] = {
                    {"+=", Statement::Kind::AddAssign}, {"-=", Statement::Kind::SubAssign},
                    {"*=", Statement::Kind::MulAssign}, {"/=", Statement::Kind::DivAssign},
                    {"=", Statement::Kind::Assign}};
                std::size_t opLen = 0;
                for (const auto& [sym, kind] : ops) {
                    const std::size_t len = std::char_traits<char>::length(sym);
                    if (line.substr(opPos, len) == sym && line.substr(opPos, 2) != "==") {
                        s.kind = kind;
                        opLen = len;
                        break;
                    }
                }
                if (opLen == 0)
                    throw ModelError(field, SourcePos{lineNo, static_cast<int>(opPos) + 1, 1},
                                     "expected '=', '+=', '-=', '*=' or '/=' after '" + s.target + "'");
                const std::size_t valueStart = skipBlanks(line, opPos + opLen);
                if (valueStart >= e)
                    throw ModelError(field, SourcePos{lineNo, static_cast<int>(opPos) + 1, static_cast<int>(opLen)},
                                     "missing value after the assignment");
                s.value = parseExpression(line.substr(valueStart, e - valueStart), field,
                                          SourcePos{lineNo, static_cast<int>(valueStart) + 1, 1});
                out.push_back(std::move(s));
            } catch (const ModelError& err) {
                errors.insert(errors.end(), err.diagnostics().begin(), err.diagnostics().end());
            }
        }
    });
    if (!errors.empty()) throw ModelError(std::move(errors));
    return out;
}

} // namespace scs
