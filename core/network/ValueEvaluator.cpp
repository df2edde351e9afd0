// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — compiles a ValueSpec's text to a checked stack program.
#include "network/ValueEvaluator.h"

#include "expr/Parser.h"
#include "network/NetworkError.h"
#include "units/UnitRegistry.h"

#include <cmath>

namespace scs {

namespace {
constexpr int kMaxStack = 64;

std::string describe(const Dimension& d) { return d.isDimensionless() ? "a dimensionless value" : d.toString(); }
} // namespace

ValueEvaluator::ValueEvaluator(const ValueSpec& spec, const Dimension& expected, const std::string& item,
                               const std::string& field, const ValueNames& names, bool synapse)
    : kind_(spec.kind), names_(&names), synapse_(synapse), where_(item + ", " + field) {
    const auto check = [&](const Dimension& got, const std::string& what) {
        if (!(got == expected))
            throw NetworkError(where_ + ": " + what + " is " + describe(got) + " but must be " + describe(expected));
    };
    const auto quantity = [&](const std::string& text, const std::string& what) {
        if (text.empty()) throw NetworkError(where_ + ": " + what + " is empty");
        try {
            const Quantity q = parseQuantity(text, field);
            check(q.dimension, what + " '" + text + "'");
            return q.value;
        } catch (const ModelError& e) {
            throw NetworkError(where_ + ": " + what + " '" + text + "': " + e.diagnostics().front().message);
        }
    };
    switch (spec.kind) {
    case ValueSpec::Kind::Constant:
        break;
    case ValueSpec::Kind::Uniform:
        a_ = quantity(spec.a, "the lower bound");
        b_ = quantity(spec.b, "the upper bound");
        if (b_ < a_) throw NetworkError(where_ + ": the upper bound '" + spec.b + "' is below the lower bound");
        return;
    case ValueSpec::Kind::Normal:
        a_ = quantity(spec.a, "the mean");
        b_ = quantity(spec.b, "the standard deviation");
        if (b_ < 0) throw NetworkError(where_ + ": the standard deviation '" + spec.b + "' is negative");
        return;
    case ValueSpec::Kind::Expression:
        break;
    }
    if (spec.a.empty()) throw NetworkError(where_ + ": the value is empty");
    ExprPtr tree;
    try {
        tree = parseExpression(spec.a, field);
    } catch (const ModelError& e) {
        throw NetworkError(where_ + ": '" + spec.a + "': " + e.diagnostics().front().message);
    }
    check(compile(*tree), "'" + spec.a + "'");
    bool pure = true; // no i, j, N or random draws: evaluate once
    for (const Instr& op : code_)
        if (op.code == Code::PushI || op.code == Code::PushJ || op.code == Code::PushN || op.code == Code::Rand ||
            op.code == Code::Randn)
            pure = false;
    if (!pure && spec.kind == ValueSpec::Kind::Constant)
        throw NetworkError(where_ + ": the constant '" + spec.a +
                           "' uses i, j, N or rand(); make it an expression instead");
    if (pure) {
        Random unused;
        constantValue_ = evaluate(0, 0, 0, unused);
        constant_ = true;
    }
}

Dimension ValueEvaluator::compile(const Expr& e) {
    const auto fail = [&](const std::string& msg) -> Dimension { throw NetworkError(where_ + ": " + msg); };
    const auto emit = [&](Code c, double v, int stackChange) {
        code_.push_back({c, v});
        depth_ += stackChange;
        maxDepth_ = std::max(maxDepth_, depth_);
        if (maxDepth_ > kMaxStack) fail("the expression is nested too deeply");
    };
    switch (e.kind) {
    case ExprKind::Number:
        emit(Code::Push, e.number, 1);
        return {};
    case ExprKind::Name: {
        if (e.name == "i") return emit(Code::PushI, 0, 1), Dimension{};
        if (e.name == "N") return emit(Code::PushN, 0, 1), Dimension{};
        if (e.name == "j") {
            if (!synapse_) fail("'j' (the target index) is only defined for synapses");
            return emit(Code::PushJ, 0, 1), Dimension{};
        }
        for (const auto& [name, q] : *names_)
            if (name == e.name) return emit(Code::Push, q.value, 1), q.dimension;
        if (auto unit = UnitRegistry::instance().find(e.name)) return emit(Code::Push, unit->scale, 1), unit->dimension;
        return fail("unknown name '" + e.name + "'");
    }
    case ExprKind::Unary: {
        const Dimension a = compile(*e.args[0]);
        if (e.op == Op::Neg)
            emit(Code::Neg, 0, 0);
        else if (e.op == Op::Not)
            emit(Code::Not, 0, 0);
        return a;
    }
    case ExprKind::Binary: {
        const Dimension a = compile(*e.args[0]);
        const std::size_t exponentAt = code_.size();
        const Dimension b = compile(*e.args[1]);
        switch (e.op) {
        case Op::Mul:
            emit(Code::Mul, 0, -1);
            return a * b;
        case Op::Div:
            emit(Code::Div, 0, -1);
            return a / b;
        case Op::Pow: {
            if (!b.isDimensionless()) fail("an exponent must be dimensionless");
            emit(Code::Pow, 0, -1);
            if (a.isDimensionless()) return a;
            const bool literal = code_.size() == exponentAt + 2 && code_[exponentAt].code == Code::Push;
            const double n = literal ? code_[exponentAt].value : 0.5;
            if (n != std::round(n)) fail("a quantity with units can only be raised to a whole constant power");
            return a.power(static_cast<int>(n));
        }
        case Op::And:
        case Op::Or:
            emit(e.op == Op::And ? Code::And : Code::Or, 0, -1);
            return {};
        default:
            break;
        }
        if (!(a == b)) {
            std::string msg = "'"; // built with += (operator+ on a temporary trips a GCC 12 -Wrestrict false alarm)
            msg += e.toString();
            msg += "' combines " + describe(a) + " and " + describe(b);
            fail(msg);
        }
        static const std::pair<Op, Code> same[] = {{Op::Add, Code::Add}, {Op::Sub, Code::Sub}, {Op::Mod, Code::Mod},
                                                   {Op::Lt, Code::Lt},   {Op::Le, Code::Le},   {Op::Gt, Code::Gt},
                                                   {Op::Ge, Code::Ge},   {Op::Eq, Code::Eq},   {Op::Ne, Code::Ne}};
        for (const auto& [op, code] : same) {
            if (op != e.op) continue;
            emit(code, 0, -1);
            return (code == Code::Add || code == Code::Sub || code == Code::Mod) ? a : Dimension{};
        }
        return fail(std::string("'") + opSymbol(e.op) + "' is not allowed in a value");
    }
    case ExprKind::Call: {
        const std::size_t n = e.args.size();
        if (e.name == "rand" || e.name == "randn") {
            if (n != 0) fail("'" + e.name + "()' takes no arguments");
            emit(e.name == "rand" ? Code::Rand : Code::Randn, 0, 1);
            return {};
        }
        if (e.name == "clip") {
            if (n != 3) fail("'clip' takes three arguments");
            const Dimension x = compile(*e.args[0]);
            if (!(compile(*e.args[1]) == x) || !(compile(*e.args[2]) == x))
                fail("the bounds of 'clip' must have the units of its value");
            emit(Code::Clip, 0, -2);
            return x;
        }
        if (n != 1) fail("'" + e.name + "' takes one argument");
        const Dimension a = compile(*e.args[0]);
        if (e.name == "abs") return emit(Code::Abs, 0, 0), a;
        if (e.name == "floor" || e.name == "ceil") return emit(e.name == "floor" ? Code::Floor : Code::Ceil, 0, 0), a;
        if (e.name == "sign") return emit(Code::Sign, 0, 0), Dimension{};
        if (e.name == "sqrt") {
            if (!a.divisibleBy(2)) fail("sqrt of a quantity whose units have odd powers");
            return emit(Code::Sqrt, 0, 0), a.root(2);
        }
        static const std::pair<const char*, Code> plain[] = {
            {"exp", Code::Exp}, {"log", Code::Log}, {"log10", Code::Log10}, {"sin", Code::Sin},
            {"cos", Code::Cos}, {"tan", Code::Tan}, {"tanh", Code::Tanh}};
        for (const auto& [name, code] : plain) {
            if (e.name != name) continue;
            if (!a.isDimensionless()) fail("'" + e.name + "' needs a dimensionless argument");
            emit(code, 0, 0);
            return {};
        }
        return fail("unknown function '" + e.name + "'");
    }
    }
    return {};
}

double ValueEvaluator::evaluate(double i, double j, double n, Random& rng) const {
    switch (kind_) {
    case ValueSpec::Kind::Uniform:
        return a_ + (b_ - a_) * rng.uniform();
    case ValueSpec::Kind::Normal:
        return a_ + b_ * rng.normal();
    default:
        break;
    }
    double s[kMaxStack + 1];
    int top = -1;
    for (const Instr& op : code_) {
        switch (op.code) {
        case Code::Push:
            s[++top] = op.value;
            break;
        case Code::PushI:
            s[++top] = i;
            break;
        case Code::PushJ:
            s[++top] = j;
            break;
        case Code::PushN:
            s[++top] = n;
            break;
        case Code::Rand:
            s[++top] = rng.uniform();
            break;
        case Code::Randn:
            s[++top] = rng.normal();
            break;
        case Code::Neg:
            s[top] = -s[top];
            break;
        case Code::Not:
            s[top] = s[top] == 0.0 ? 1.0 : 0.0;
            break;
        case Code::Exp:
            s[top] = std::exp(s[top]);
            break;
        case Code::Log:
            s[top] = std::log(s[top]);
            break;
        case Code::Log10:
            s[top] = std::log10(s[top]);
            break;
        case Code::Sqrt:
            s[top] = std::sqrt(s[top]);
            break;
        case Code::Abs:
            s[top] = std::abs(s[top]);
            break;
        case Code::Sin:
            s[top] = std::sin(s[top]);
            break;
        case Code::Cos:
            s[top] = std::cos(s[top]);
            break;
        case Code::Tan:
            s[top] = std::tan(s[top]);
            break;
        case Code::Tanh:
            s[top] = std::tanh(s[top]);
            break;
        case Code::Floor:
            s[top] = std::floor(s[top]);
            break;
        case Code::Ceil:
            s[top] = std::ceil(s[top]);
            break;
        case Code::Sign:
            s[top] = static_cast<double>((s[top] > 0) - (s[top] < 0));
            break;
        case Code::Clip:
            top -= 2;
            s[top] = std::min(std::max(s[top], s[top + 1]), s[top + 2]);
            break;
        default: {
            const double b = s[top--];
            double& a = s[top];
            switch (op.code) {
            case Code::Add:
                a += b;
                break;
            case Code::Sub:
                a -= b;
                break;
            case Code::Mul:
                a *= b;
                break;
            case Code::Div:
                a /= b;
                break;
            case Code::Pow:
                a = std::pow(a, b);
                break;
            case Code::Mod:
                a = a - b * std::floor(a / b);
                break; // Python's sign convention
            case Code::Lt:
                a = a < b;
                break;
            case Code::Le:
                a = a <= b;
                break;
            case Code::Gt:
                a = a > b;
                break;
            case Code::Ge:
                a = a >= b;
                break;
            case Code::Eq:
                a = a == b;
                break;
            case Code::Ne:
                a = a != b;
                break;
            case Code::And:
                a = (a != 0.0 && b != 0.0);
                break;
            case Code::Or:
                a = (a != 0.0 || b != 0.0);
                break;
            default:
                break;
            }
        }
        }
    }
    return top >= 0 ? s[top] : 0.0;
}

} // namespace scs
