// SPDX-License-Identifier: MIT
#include "expr/Ast.h"

#include <sstream>

namespace scs {

ExprPtr Expr::makeNumber(double v, SourcePos p) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Number;
    e->number = v;
    e->pos = p;
    return e;
}

ExprPtr Expr::makeName(std::string n, SourcePos p) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Name;
    e->name = std::move(n);
    e->pos = p;
    return e;
}

ExprPtr Expr::makeUnary(Op o, ExprPtr a, SourcePos p) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Unary;
    e->op = o;
    e->args = {std::move(a)};
    e->pos = p;
    return e;
}

ExprPtr Expr::makeBinary(Op o, ExprPtr a, ExprPtr b, SourcePos p) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Binary;
    e->op = o;
    e->args = {std::move(a), std::move(b)};
    e->pos = p;
    return e;
}

ExprPtr Expr::makeCall(std::string f, std::vector<ExprPtr> a, SourcePos p) {
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Call;
    e->name = std::move(f);
    e->args = std::move(a);
    e->pos = p;
    return e;
}

bool Expr::mentions(const std::string& variable) const {
    if (kind == ExprKind::Name) return name == variable;
    for (const auto& a : args)
        if (a->mentions(variable)) return true;
    return false;
}

const char* opSymbol(Op op) {
    switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Pow: return "**";
    case Op::Mod: return "%";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Not: return "not ";
    case Op::Neg: return "-";
    case Op::Pos: return "+";
    }
    return "?";
}

std::string Expr::toString() const {
    std::ostringstream out;
    switch (kind) {
    case ExprKind::Number: {
        out.precision(17);
        out << number;
        break;
    }
    case ExprKind::Name: out << name; break;
    case ExprKind::Unary: out << '(' << opSymbol(op) << args[0]->toString() << ')'; break;
    case ExprKind::Binary:
        out << '(' << args[0]->toString() << ' ' << opSymbol(op) << ' ' << args[1]->toString() << ')';
        break;
    case ExprKind::Call:
        out << name << '(';
        for (std::size_t i = 0; i < args.size(); ++i) out << (i ? ", " : "") << args[i]->toString();
        out << ')';
        break;
    }
    return out.str();
}

} // namespace scs
