// SPDX-License-Identifier: MIT
#include "ode/Linearity.h"

namespace scs {
namespace {

ExprPtr add(const ExprPtr& x, const ExprPtr& y, Op op, SourcePos pos) {
    if (!x && !y) return nullptr;
    if (!y) return x;
    if (!x) return op == Op::Add ? y : Expr::makeUnary(Op::Neg, y, pos);
    return Expr::makeBinary(op, x, y, pos);
}

ExprPtr scale(const ExprPtr& x, const ExprPtr& factor, Op op, bool factorOnLeft, SourcePos pos) {
    if (!x) return nullptr;
    return factorOnLeft ? Expr::makeBinary(op, factor, x, pos) : Expr::makeBinary(op, x, factor, pos);
}

} // namespace

ExprPtr substitute(const ExprPtr& e, const std::map<std::string, ExprPtr>& definitions) {
    if (e->kind == ExprKind::Name) {
        auto it = definitions.find(e->name);
        return it == definitions.end() ? e : substitute(it->second, definitions);
    }
    if (e->args.empty()) return e;
    auto copy = std::make_shared<Expr>(*e);
    for (auto& a : copy->args) a = substitute(a, definitions);
    return copy;
}

bool usesRandomness(const Expr& e) {
    if (e.kind == ExprKind::Call && (e.name == "rand" || e.name == "randn")) return true;
    for (const auto& a : e.args)
        if (usesRandomness(*a)) return true;
    return false;
}

std::optional<LinearParts> splitLinear(const ExprPtr& f, const std::string& x) {
    if (!f->mentions(x)) return LinearParts{f, nullptr};
    const SourcePos pos = f->pos;
    switch (f->kind) {
    case ExprKind::Name: return LinearParts{nullptr, Expr::makeNumber(1.0, pos)};
    case ExprKind::Unary: {
        if (f->op == Op::Pos) return splitLinear(f->args[0], x);
        if (f->op != Op::Neg) return std::nullopt;
        auto in = splitLinear(f->args[0], x);
        if (!in) return std::nullopt;
        auto neg = [&](const ExprPtr& e) { return e ? Expr::makeUnary(Op::Neg, e, pos) : nullptr; };
        return LinearParts{neg(in->a), neg(in->b)};
    }
    case ExprKind::Binary: {
        const ExprPtr& l = f->args[0];
        const ExprPtr& r = f->args[1];
        if (f->op == Op::Add || f->op == Op::Sub) {
            auto pl = splitLinear(l, x);
            auto pr = splitLinear(r, x);
            if (!pl || !pr) return std::nullopt;
            return LinearParts{add(pl->a, pr->a, f->op, pos), add(pl->b, pr->b, f->op, pos)};
        }
        if (f->op == Op::Mul) {
            if (!l->mentions(x)) {
                auto pr = splitLinear(r, x);
                if (!pr) return std::nullopt;
                return LinearParts{scale(pr->a, l, Op::Mul, true, pos), scale(pr->b, l, Op::Mul, true, pos)};
            }
            if (!r->mentions(x)) {
                auto pl = splitLinear(l, x);
                if (!pl) return std::nullopt;
                return LinearParts{scale(pl->a, r, Op::Mul, false, pos), scale(pl->b, r, Op::Mul, false, pos)};
            }
            return std::nullopt;
        }
        if (f->op == Op::Div && !r->mentions(x)) {
            auto pl = splitLinear(l, x);
            if (!pl) return std::nullopt;
            return LinearParts{scale(pl->a, r, Op::Div, false, pos), scale(pl->b, r, Op::Div, false, pos)};
        }
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

} // namespace scs
