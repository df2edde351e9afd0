// SPDX-License-Identifier: MIT
#include "units/Quantity.h"

#include "expr/Parser.h"
#include "units/UnitRegistry.h"

#include <cmath>
#include <sstream>

namespace scs {
namespace {

// Evaluates a constant expression of numbers and units. Only what a value field needs.
Quantity evaluateConstant(const Expr& e, const std::string& field) {
    auto fail = [&](const std::string& msg) -> Quantity { throw ModelError(field, e.pos, msg); };
    switch (e.kind) {
    case ExprKind::Number: return {e.number, {}};
    case ExprKind::Name: {
        auto unit = UnitRegistry::instance().find(e.name);
        if (!unit) return fail("unknown unit '" + e.name + "'");
        return {unit->scale, unit->dimension};
    }
    case ExprKind::Unary: {
        Quantity a = evaluateConstant(*e.args[0], field);
        if (e.op == Op::Neg) a.value = -a.value;
        else if (e.op != Op::Pos) return fail(std::string("'") + opSymbol(e.op) + "' is not allowed in a value");
        return a;
    }
    case ExprKind::Binary: {
        Quantity a = evaluateConstant(*e.args[0], field);
        Quantity b = evaluateConstant(*e.args[1], field);
        switch (e.op) {
        case Op::Mul: return {a.value * b.value, a.dimension * b.dimension};
        case Op::Div: return {a.value / b.value, a.dimension / b.dimension};
        case Op::Add:
        case Op::Sub:
            if (!(a.dimension == b.dimension))
                return fail("cannot add " + a.dimension.toString() + " and " + b.dimension.toString());
            return {e.op == Op::Add ? a.value + b.value : a.value - b.value, a.dimension};
        case Op::Pow: {
            if (!b.dimension.isDimensionless()) return fail("an exponent must be dimensionless");
            const double n = b.value;
            if (a.dimension.isDimensionless()) return {std::pow(a.value, n), {}};
            if (n != std::round(n)) return fail("a quantity with units can only be raised to a whole power");
            return {std::pow(a.value, n), a.dimension.power(static_cast<int>(n))};
        }
        default: return fail(std::string("'") + opSymbol(e.op) + "' is not allowed in a value");
        }
    }
    case ExprKind::Call: {
        if (e.args.size() != 1) return fail("'" + e.name + "' takes one argument here");
        Quantity a = evaluateConstant(*e.args[0], field);
        if (e.name == "sqrt") {
            if (!a.dimension.divisibleBy(2)) return fail("sqrt of a quantity whose units have odd powers");
            return {std::sqrt(a.value), a.dimension.root(2)};
        }
        if (e.name == "abs") return {std::abs(a.value), a.dimension};
        if (!a.dimension.isDimensionless()) return fail("'" + e.name + "' needs a dimensionless argument");
        if (e.name == "exp") return {std::exp(a.value), {}};
        if (e.name == "log") return {std::log(a.value), {}};
        if (e.name == "log10") return {std::log10(a.value), {}};
        return fail("function '" + e.name + "' is not allowed in a value");
    }
    }
    return {};
}

} // namespace

Quantity parseQuantity(const std::string& text, const std::string& field) {
    auto tree = parseExpression(text, field);
    return evaluateConstant(*tree, field);
}

std::string Quantity::toString() const {
    const DisplayUnit u = preferredDisplayUnit(dimension);
    std::ostringstream out;
    out.precision(6);
    out << value / u.scale;
    if (!u.name.empty()) out << ' ' << u.name;
    return out.str();
}

DisplayUnit displayUnitFor(const std::string& valueText, const Dimension& dimension) {
    if (dimension.isDimensionless()) return {"", 1.0};
    // The last name in the text that is a unit of the right dimension: "-65*mV" -> mV.
    std::string best;
    std::string word;
    auto consider = [&] {
        if (word.empty()) return;
        if (auto u = UnitRegistry::instance().find(word); u && u->dimension == dimension) best = word;
        word.clear();
    };
    for (char c : valueText) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            if (word.empty() && std::isdigit(static_cast<unsigned char>(c))) continue;
            word += c;
        } else {
            consider();
        }
    }
    consider();
    if (!best.empty()) return {best, UnitRegistry::instance().find(best)->scale};
    return preferredDisplayUnit(dimension);
}

DisplayUnit preferredDisplayUnit(const Dimension& dimension) {
    if (dimension.isDimensionless()) return {"", 1.0};
    static const char* preferred[] = {"mV", "nA", "ms", "nS", "pF", "Mohm", "Hz", "um", "mM"};
    for (const char* name : preferred) {
        auto u = UnitRegistry::instance().find(name);
        if (u && u->dimension == dimension) return {name, u->scale};
    }
    if (auto name = UnitRegistry::instance().nameForDimension(dimension)) return {*name, 1.0};
    return {dimension.toString(), 1.0};
}

} // namespace scs
