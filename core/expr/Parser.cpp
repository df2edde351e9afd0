// SPDX-License-Identifier: MIT
#include "expr/Parser.h"

#include "expr/Lexer.h"

namespace scs {
namespace {

class ExpressionParser {
public:
    ExpressionParser(std::vector<Token> tokens, std::string field) : t_(std::move(tokens)), field_(std::move(field)) {}

    ExprPtr parseAll() {
        if (peek().kind == TokenKind::End) fail(peek(), "expected an expression");
        auto e = parseOr();
        if (peek().kind != TokenKind::End) fail(peek(), "unexpected '" + peek().text + "' after the expression");
        return e;
    }

private:
    const Token& peek() const { return t_[i_]; }
    const Token& next() { return t_[i_++]; }
    bool isOp(const char* s) const { return peek().kind == TokenKind::Operator && peek().text == s; }
    [[noreturn]] void fail(const Token& at, const std::string& message) const {
        throw ModelError(field_, at.pos, message);
    }

    ExprPtr parseOr() {
        auto lhs = parseAnd();
        while (isOp("or")) {
            auto pos = next().pos;
            lhs = Expr::makeBinary(Op::Or, lhs, parseAnd(), pos);
        }
        return lhs;
    }
    ExprPtr parseAnd() {
        auto lhs = parseNot();
        while (isOp("and")) {
            auto pos = next().pos;
            lhs = Expr::makeBinary(Op::And, lhs, parseNot(), pos);
        }
        return lhs;
    }
    ExprPtr parseNot() {
        if (isOp("not")) {
            auto pos = next().pos;
            return Expr::makeUnary(Op::Not, parseNot(), pos);
        }
        return parseComparison();
    }
    ExprPtr parseComparison() {
        auto lhs = parseAdditive();
        static const std::pair<const char*, Op> ops[] = {{"<", Op::Lt}, {"<=", Op::Le}, {">", Op::Gt},
                                                         {">=", Op::Ge}, {"==", Op::Eq}, {"!=", Op::Ne}};
        for (const auto& [sym, op] : ops) {
            if (isOp(sym)) {
                auto pos = next().pos;
                auto rhs = parseAdditive();
                for (const auto& [sym2, op2] : ops)
                    if (isOp(sym2)) fail(peek(), "chained comparisons are not supported; use 'and'");
                return Expr::makeBinary(op, lhs, rhs, pos);
            }
        }
        return lhs;
    }
    ExprPtr parseAdditive() {
        auto lhs = parseMultiplicative();
        while (isOp("+") || isOp("-")) {
            const Token& t = next();
            lhs = Expr::makeBinary(t.text == "+" ? Op::Add : Op::Sub, lhs, parseMultiplicative(), t.pos);
        }
        return lhs;
    }
    ExprPtr parseMultiplicative() {
        auto lhs = parseUnary();
        while (isOp("*") || isOp("/") || isOp("%") || isOp("//")) {
            const Token& t = next();
            if (t.text == "//") fail(t, "floor division '//' is not supported; use floor(a/b)");
            const Op op = t.text == "*" ? Op::Mul : t.text == "/" ? Op::Div : Op::Mod;
            lhs = Expr::makeBinary(op, lhs, parseUnary(), t.pos);
        }
        return lhs;
    }
    ExprPtr parseUnary() {
        if (isOp("-") || isOp("+")) {
            const Token& t = next();
            return Expr::makeUnary(t.text == "-" ? Op::Neg : Op::Pos, parseUnary(), t.pos);
        }
        return parsePower();
    }
    ExprPtr parsePower() {
        auto base = parsePrimary();
        if (isOp("**")) {
            auto pos = next().pos;
            return Expr::makeBinary(Op::Pow, base, parseUnary(), pos); // right-assoc via parseUnary
        }
        return base;
    }
    ExprPtr parsePrimary() {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Number: next(); return Expr::makeNumber(t.number, t.pos);
        case TokenKind::Identifier: {
            next();
            if (peek().kind != TokenKind::LParen) {
                if (t.text == "True") return Expr::makeNumber(1.0, t.pos);
                if (t.text == "False") return Expr::makeNumber(0.0, t.pos);
                return Expr::makeName(t.text, t.pos);
            }
            next(); // (
            std::vector<ExprPtr> args;
            if (peek().kind != TokenKind::RParen) {
                for (;;) {
                    args.push_back(parseOr());
                    if (peek().kind == TokenKind::Comma) {
                        next();
                        continue;
                    }
                    break;
                }
            }
            if (peek().kind != TokenKind::RParen) fail(peek(), "expected ')' to close the call to '" + t.text + "'");
            next();
            return Expr::makeCall(t.text, std::move(args), t.pos);
        }
        case TokenKind::LParen: {
            next();
            auto inner = parseOr();
            if (peek().kind != TokenKind::RParen) fail(peek(), "expected ')'");
            next();
            return inner;
        }
        case TokenKind::End: fail(t, "unexpected end of expression");
        default: fail(t, "unexpected '" + t.text + "'");
        }
    }

    std::vector<Token> t_;
    std::size_t i_ = 0;
    std::string field_;
};

} // namespace

ExprPtr parseExpression(std::string_view text, const std::string& field, SourcePos origin) {
    return ExpressionParser(tokenize(text, field, origin), field).parseAll();
}

} // namespace scs
