// SPDX-License-Identifier: MIT
#include "ode/DimensionChecker.h"

#include "units/UnitRegistry.h"

#include <algorithm>
#include <cmath>

namespace scs {
namespace {

bool isLiteralZero(const Expr& e) {
    if (e.kind == ExprKind::Number) return e.number == 0.0;
    if (e.kind == ExprKind::Unary) return isLiteralZero(*e.args[0]);
    return false;
}

// Edit distance counting a swap of neighbours as one edit ("tua" -> "tau"), the commonest typo.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

} // namespace

std::string suggestName(const std::string& unknown, const std::vector<std::string>& known) {
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(1, unknown.size() / 3) + 1;
    for (const auto& k : known) {
        const std::size_t d = editDistance(unknown, k);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

DimensionChecker::DimensionChecker(Lookup lookup, std::string field)
    : lookup_(std::move(lookup)), field_(std::move(field)) {}

void DimensionChecker::fail(const Expr& at, const std::string& message) const {
    throw ModelError(field_, at.pos, message);
}

std::optional<double> DimensionChecker::constantValue(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Number: return e.number;
    case ExprKind::Unary: {
        auto a = constantValue(*e.args[0]);
        if (!a) return std::nullopt;
        if (e.op == Op::Neg) return -*a;
        if (e.op == Op::Pos) return *a;
        return std::nullopt;
    }
    case ExprKind::Binary: {
        auto a = constantValue(*e.args[0]);
        auto b = constantValue(*e.args[1]);
        if (!a || !b) return std::nullopt;
        switch (e.op) {
        case Op::Add: return *a + *b;
        case Op::Sub: return *a - *b;
        case Op::Mul: return *a * *b;
        case Op::Div: return *a / *b;
        case Op::Pow: return std::pow(*a, *b);
        default: return std::nullopt;
        }
    }
    default: return std::nullopt;
    }
}

Dimension DimensionChecker::check(const Expr& e) const {
    switch (e.kind) {
    case ExprKind::Number: return {};
    case ExprKind::Name: {
        if (auto d = lookup_(e.name)) return *d;
        if (auto u = UnitRegistry::instance().find(e.name)) return u->dimension;
        fail(e, "unknown name '" + e.name + "'");
    }
    case ExprKind::Unary: {
        const Dimension a = check(*e.args[0]);
        if (e.op == Op::Not) {
            if (!a.isDimensionless()) fail(e, "'not' needs a condition, got a quantity in " + a.toString());
            return {};
        }
        return a;
    }
    case ExprKind::Binary: {
        const Expr& l = *e.args[0];
        const Expr& r = *e.args[1];
        const Dimension a = check(l);
        const Dimension b = check(r);
        switch (e.op) {
        case Op::Mul: return a * b;
        case Op::Div: return a / b;
        case Op::Mod:
        case Op::Add:
        case Op::Sub:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge:
        case Op::Eq:
        case Op::Ne: {
            if (!(a == b) && !isLiteralZero(l) && !isLiteralZero(r)) {
                const bool compare = e.op != Op::Add && e.op != Op::Sub && e.op != Op::Mod;
                fail(e, std::string(compare ? "cannot compare " : "units do not match: ") + a.toString() +
                            (compare ? " with " : " and ") + b.toString() + " in '" + opSymbol(e.op) + "'");
            }
            const Dimension result = isLiteralZero(l) ? b : a;
            return (e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mod) ? result : Dimension{};
        }
        case Op::And:
        case Op::Or:
            if (!a.isDimensionless() || !b.isDimensionless())
                fail(e, std::string("'") + opSymbol(e.op) + "' needs conditions on both sides");
            return {};
        case Op::Pow: {
            if (!b.isDimensionless()) fail(r, "an exponent must be dimensionless, got " + b.toString());
            if (a.isDimensionless()) return {};
            auto n = constantValue(r);
            if (!n) fail(r, "a quantity in " + a.toString() + " can only be raised to a constant power");
            if (*n != std::round(*n)) fail(r, "a quantity in " + a.toString() + " can only be raised to a whole power");
            return a.power(static_cast<int>(*n));
        }
        default: fail(e, "unsupported operator");
        }
    }
    case ExprKind::Call: return checkCall(e);
    }
    return {};
}

Dimension DimensionChecker::checkCall(const Expr& e) const {
    const std::string& f = e.name;
    auto arity = [&](std::size_t n) {
        if (e.args.size() != n)
            fail(e, "'" + f + "' takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got " +
                        std::to_string(e.args.size()));
    };
    static const char* dimensionlessFns[] = {"exp", "log", "log10", "sin", "cos", "tan",
                                             "sinh", "cosh", "tanh", "exprel"};
    for (const char* name : dimensionlessFns) {
        if (f == name) {
            arity(1);
            const Dimension a = check(*e.args[0]);
            if (!a.isDimensionless())
                fail(*e.args[0], "'" + f + "' needs a dimensionless argument, got " + a.toString());
            return {};
        }
    }
    if (f == "sqrt") {
        arity(1);
        const Dimension a = check(*e.args[0]);
        if (!a.divisibleBy(2)) fail(*e.args[0], "sqrt of " + a.toString() + " has no whole units");
        return a.root(2);
    }
    if (f == "abs" || f == "floor" || f == "ceil") {
        arity(1);
        return check(*e.args[0]);
    }
    if (f == "sign" || f == "int") {
        arity(1);
        check(*e.args[0]);
        return {};
    }
    if (f == "clip") {
        arity(3);
        const Dimension x = check(*e.args[0]);
        for (int k = 1; k <= 2; ++k) {
            const Dimension bound = check(*e.args[k]);
            if (!(bound == x) && !isLiteralZero(*e.args[k]))
                fail(*e.args[k], "clip bound in " + bound.toString() + " but the value is in " + x.toString());
        }
        return x;
    }
    if (f == "rand" || f == "randn") {
        arity(0);
        return {};
    }
    if (f == "xi" || f.rfind("xi_", 0) == 0)
        fail(e, "stochastic equations (xi) are not supported yet");
    fail(e, "unknown function '" + f + "'");
}

} // namespace scs
