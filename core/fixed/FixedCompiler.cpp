// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — lowering a neuron model to fixed-point code.
#include "FixedCompiler.h"

#include "FixedLutBuilder.h"
#include "UnitScaling.h"

#include "expr/Equations.h"
#include "expr/Parser.h"
#include "ode/CompiledModel.h"
#include "ode/ModelSpec.h"
#include "units/UnitRegistry.h"

#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>

namespace scs::fixed {

namespace {

/// A lowered expression: a constant still in double precision (folded, not yet quantised), or a
/// value number in the program.
struct Operand {
    bool isConst = false;
    double value = 0; // isConst: in fixed-point units (a flag: 0 or 1)
    std::uint32_t id = 0;
    bool flag = false;
    SourcePos pos;
    std::string what; // what a constant is, for range errors ("the parameter 'gNa'")
};

std::string number(double v) {
    std::ostringstream out;
    out.precision(6);
    out << v;
    return out.str();
}

class Lowering {
public:
    Lowering(const NeuronModel& model, const FixedCompileOptions& options, FixedModelProgram& out)
        : model_(model), options_(options), out_(out), q_(options.contract.format) {}

    void run();

private:
    // [SECTION] emitting instructions
    std::uint32_t emit(FixedInstr in) {
        if (rounds(in.op)) in.roundingSite = out_.roundingSites++;
        out_.code.push_back(std::move(in));
        return static_cast<std::uint32_t>(out_.code.size() - 1);
    }
    std::uint32_t emitOp(FixedOp op, std::uint32_t a, std::uint32_t b = 0, std::uint32_t c = 0) {
        FixedInstr in;
        in.op = op;
        in.a = a;
        in.b = b;
        in.c = c;
        in.flag = isFlag(op);
        return emit(std::move(in));
    }
    std::uint32_t constantCode(std::int64_t raw, bool flag) {
        const auto key = std::make_pair(raw, flag);
        if (auto it = constants_.find(key); it != constants_.end()) return it->second;
        FixedInstr in;
        in.op = FixedOp::Const;
        in.imm = raw;
        in.flag = flag;
        return constants_[key] = emit(std::move(in));
    }
    static Operand constant(double v, SourcePos pos = {}, std::string what = {}) {
        Operand o;
        o.isConst = true;
        o.value = v;
        o.pos = pos;
        o.what = std::move(what);
        return o;
    }
    static Operand valueOf(std::uint32_t id, bool flag = false) {
        Operand o;
        o.id = id;
        o.flag = flag;
        return o;
    }

    // [SECTION] operands as values and flags
    std::int64_t quantizeConstant(const Operand& o) const {
        const double scaled = std::round(std::ldexp(o.value, q_.fraction));
        if (!std::isfinite(o.value) || scaled < static_cast<double>(q_.rawMin()) ||
            scaled > static_cast<double>(q_.rawMax())) {
            const std::string what = o.what.empty() ? "the constant " + number(o.value) : o.what;
            fail(o.pos, what + " is " + number(o.value) + " in fixed-point units, outside " + q_.label() + " (" +
                            number(q_.minValue()) + " .. " + number(q_.maxValue()) +
                            "): choose a format with more integer bits");
        }
        return static_cast<std::int64_t>(scaled);
    }
    std::uint32_t asValue(const Operand& o) {
        if (o.isConst) return constantCode(quantizeConstant(o), false);
        if (!o.flag) return o.id;
        return emitOp(FixedOp::Select, o.id, constantCode(one(), false), constantCode(0, false));
    }
    std::uint32_t asFlag(const Operand& o) {
        if (o.isConst) return constantCode(o.value != 0 ? 1 : 0, true);
        if (o.flag) return o.id;
        return emitOp(FixedOp::Ne, o.id, constantCode(0, false));
    }
    /// 1.0, or the largest code when the format cannot hold 1 (Q1.15).
    std::int64_t one() const { return std::min(std::int64_t{1} << q_.fraction, q_.rawMax()); }

    // [SECTION] arithmetic with constants folded
    Operand add(const Operand& a, const Operand& b, bool subtract = false) {
        if (a.isConst && b.isConst) return constant(subtract ? a.value - b.value : a.value + b.value, a.pos);
        if (b.isConst && b.value == 0) return a;
        if (a.isConst && a.value == 0) return subtract ? scale(b, -1) : b;
        return valueOf(emitOp(subtract ? FixedOp::Sub : FixedOp::Add, asValue(a), asValue(b)));
    }
    /// s * o, with s kept as precisely as a W-bit constant allows.
    Operand scale(const Operand& o, double s) {
        if (s == 1) return o;
        if (o.isConst) return constant(o.value * s, o.pos, o.what);
        if (s == 0) return constant(0, o.pos);
        if (s == -1) return valueOf(emitOp(FixedOp::Neg, asValue(o)));
        const std::int64_t limit = (std::int64_t{1} << q_.width) - 1;
        int shift = -1;
        for (int k = q_.fraction + q_.width; k >= 0; --k)
            if (std::abs(std::round(std::ldexp(s, k))) <= static_cast<double>(limit)) {
                shift = k;
                break;
            }
        if (shift < 0) // too large even as a whole number: multiply by it as an ordinary constant
            return valueOf(emitOp(FixedOp::Mul, asValue(o), asValue(constant(s, o.pos))));
        const auto code = static_cast<std::int64_t>(std::round(std::ldexp(s, shift)));
        if (code == 0) return constant(0, o.pos);
        FixedInstr in;
        in.op = FixedOp::MulConst;
        in.a = asValue(o);
        in.imm = code;
        in.shift = shift;
        in.note = "* " + number(s);
        return valueOf(emit(std::move(in)));
    }
    Operand multiply(const Operand& a, const Operand& b) {
        if (a.isConst) return scale(b, a.value);
        if (b.isConst) return scale(a, b.value);
        return valueOf(emitOp(FixedOp::Mul, asValue(a), asValue(b)));
    }
    Operand divide(const Operand& a, const Operand& b, SourcePos at) {
        if (b.isConst) {
            if (b.value == 0) fail(at, "division by a constant zero");
            return scale(a, 1 / b.value);
        }
        if (a.isConst) {
            const double scaled = std::round(std::ldexp(a.value, q_.fraction));
            if (scaled >= static_cast<double>(q_.rawMin()) && scaled <= static_cast<double>(q_.rawMax()))
                return valueOf(emitOp(FixedOp::Div, asValue(a), asValue(b)));
            return scale(valueOf(emitOp(FixedOp::Div, constantCode(one(), false), asValue(b))), a.value);
        }
        return valueOf(emitOp(FixedOp::Div, asValue(a), asValue(b)));
    }
    Operand lut(const std::string& function, const Operand& x) {
        if (x.isConst) return constant(evaluateFunction(function, x.value), x.pos);
        int index = -1;
        for (std::size_t k = 0; k < out_.luts.size(); ++k)
            if (out_.luts[k].function == function) index = static_cast<int>(k);
        if (index < 0) {
            out_.luts.push_back(buildLut(function, q_, options_.lutSegments));
            index = static_cast<int>(out_.luts.size() - 1);
        }
        FixedInstr in;
        in.op = FixedOp::Lut;
        in.a = asValue(x);
        in.index = index;
        in.note = function;
        return valueOf(emit(std::move(in)));
    }

    // [SECTION] expressions
    std::optional<double> fold(const Expr& e) const;
    std::optional<double> foldName(const std::string& name) const;
    /// s * e. The result remembers e's position, for messages about the constants it holds.
    Operand lower(const Expr& e, double s = 1) {
        Operand o = lowerNode(e, s);
        if (!o.isConst) o.pos = e.pos;
        return o;
    }
    Operand lowerNode(const Expr& e, double s);
    Operand lowerName(const Expr& e, double s);
    Operand lowerBinary(const Expr& e, double s);
    Operand lowerPower(const Expr& e, double s);
    Operand lowerProduct(const Expr& e, double s);
    void collectFactors(const Expr& e, bool inverted, double& constantPart, std::vector<const Expr*>& numerators,
                        std::vector<const Expr*>& denominators) const;
    Operand lowerCall(const Expr& e);
    Operand compare(FixedOp op, const Expr& a, const Expr& b);

    [[noreturn]] void fail(SourcePos pos, const std::string& message) const { throw ModelError(field_, pos, message); }

    // [SECTION] the model
    void collectNames();
    void lowerRefractory(const ExprPtr& refractory);
    void lowerThresholdAndReset();
    void setStates(const std::vector<std::uint32_t>& ids) {
        for (std::size_t k = 0; k < model_.states().size(); ++k) env_[model_.states()[k].name] = ids[k];
        memo_.clear();
    }

    const NeuronModel& model_;
    const FixedCompileOptions& options_;
    FixedModelProgram& out_;
    QFormat q_;
    std::string field_ = "equations";
    std::map<std::pair<std::int64_t, bool>, std::uint32_t> constants_;
    std::map<std::string, std::uint32_t> env_; // state name -> its value in the current phase
    std::map<std::string, Operand> memo_;      // subexpressions lowered in the current phase
    std::map<std::string, ExprPtr> subexpressions_;
    std::map<std::string, double> parameters_; // fixed-point units; the drive is not among them
    std::optional<std::uint32_t> input_, notRefractory_;
};

std::optional<double> Lowering::foldName(const std::string& name) const {
    if (env_.count(name)) return std::nullopt;
    if (auto it = subexpressions_.find(name); it != subexpressions_.end()) return fold(*it->second);
    if (auto it = parameters_.find(name); it != parameters_.end()) return it->second;
    if (name == options_.drive && model_.parameterIndex(name)) return std::nullopt;
    if (name == "dt") return options_.dt / fixedScale(Dimension::base(Dimension::Second));
    if (name == "True") return 1.0;
    if (name == "False") return 0.0;
    if (name == "t" || name == "lastspike" || name == "not_refractory" || name == "i" || name == "N" || name == "xi")
        return std::nullopt;
    if (auto unit = UnitRegistry::instance().find(name)) return unit->scale / fixedScale(unit->dimension);
    return std::nullopt;
}

std::optional<double> Lowering::fold(const Expr& e) const {
    switch (e.kind) {
    case ExprKind::Number:
        return e.number;
    case ExprKind::Name:
        return foldName(e.name);
    case ExprKind::Unary: {
        const auto a = fold(*e.args[0]);
        if (!a) return std::nullopt;
        if (e.op == Op::Neg) return -*a;
        if (e.op == Op::Not) return *a == 0 ? 1.0 : 0.0;
        return *a;
    }
    case ExprKind::Binary: {
        const auto a = fold(*e.args[0]), b = fold(*e.args[1]);
        if (!a || !b) return std::nullopt;
        switch (e.op) {
        case Op::Add:
            return *a + *b;
        case Op::Sub:
            return *a - *b;
        case Op::Mul:
            return *a * *b;
        case Op::Div:
            return *a / *b;
        case Op::Pow:
            return std::pow(*a, *b);
        case Op::Mod:
            return *a - *b * std::floor(*a / *b);
        case Op::Lt:
            return *a < *b ? 1.0 : 0.0;
        case Op::Le:
            return *a <= *b ? 1.0 : 0.0;
        case Op::Gt:
            return *a > *b ? 1.0 : 0.0;
        case Op::Ge:
            return *a >= *b ? 1.0 : 0.0;
        case Op::Eq:
            return *a == *b ? 1.0 : 0.0;
        case Op::Ne:
            return *a != *b ? 1.0 : 0.0;
        case Op::And:
            return (*a != 0 && *b != 0) ? 1.0 : 0.0;
        case Op::Or:
            return (*a != 0 || *b != 0) ? 1.0 : 0.0;
        default:
            return std::nullopt;
        }
    }
    case ExprKind::Call: {
        std::vector<double> args;
        for (const auto& a : e.args) {
            const auto v = fold(*a);
            if (!v) return std::nullopt;
            args.push_back(*v);
        }
        const std::string& f = e.name;
        if (args.size() == 1) {
            const double x = args[0];
            if (f == "abs") return std::abs(x);
            if (f == "floor") return std::floor(x);
            if (f == "ceil") return std::ceil(x);
            if (f == "int") return std::trunc(x);
            if (f == "sign") return static_cast<double>((x > 0) - (x < 0));
            if (f == "sin") return std::sin(x);
            if (f == "cos") return std::cos(x);
            if (f == "tan") return std::tan(x);
            if (isTabulated(f)) return evaluateFunction(f, x);
        }
        if (f == "clip" && args.size() == 3) return std::min(std::max(args[0], args[1]), args[2]);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

Operand Lowering::lowerNode(const Expr& e, double s) {
    if (auto v = fold(e)) return constant(*v * s, e.pos, e.kind == ExprKind::Name ? "'" + e.name + "'" : "");
    Operand result;
    switch (e.kind) {
    case ExprKind::Number: // folded above
        return constant(e.number * s, e.pos);
    case ExprKind::Name:
        return lowerName(e, s);
    case ExprKind::Unary:
        if (e.op == Op::Neg) return lower(*e.args[0], -s);
        if (e.op == Op::Pos) return lower(*e.args[0], s);
        result = valueOf(emitOp(FixedOp::Not, asFlag(lower(*e.args[0]))), true);
        break;
    case ExprKind::Binary:
        return lowerBinary(e, s);
    case ExprKind::Call:
        result = lowerCall(e);
        break;
    }
    if (!result.isConst && out_.code[result.id].note.empty()) out_.code[result.id].note = e.toString();
    return scale(result, s);
}

Operand Lowering::lowerName(const Expr& e, double s) {
    const std::string& name = e.name;
    if (auto it = env_.find(name); it != env_.end()) return scale(valueOf(it->second), s);
    if (auto it = subexpressions_.find(name); it != subexpressions_.end()) {
        // Scaled uses are lowered afresh: dt * m stays small where m alone might not fit.
        if (s != 1) return lower(*it->second, s);
        if (auto m = memo_.find(name); m != memo_.end()) return m->second;
        return memo_[name] = lower(*it->second);
    }
    if (name == options_.drive && model_.parameterIndex(name)) {
        if (!input_) input_ = emitOp(FixedOp::Input, 0);
        out_.code[*input_].note = name;
        return scale(valueOf(*input_), s);
    }
    if (name == "not_refractory") {
        if (!notRefractory_) notRefractory_ = emitOp(FixedOp::NotRefractory, 0);
        return scale(valueOf(*notRefractory_, true), s);
    }
    if (name == "t" || name == "lastspike")
        fail(e.pos, "'" + name + "' cannot be compiled: the hardware neuron keeps no simulated time");
    if (name == "i" || name == "N")
        fail(e.pos, "'" + name + "' cannot be compiled: a single compiled neuron has no index or population size");
    fail(e.pos, "'" + name + "' cannot be compiled");
}

Operand Lowering::compare(FixedOp op, const Expr& a, const Expr& b) {
    const Operand x = lower(a), y = lower(b);
    return valueOf(emitOp(op, asValue(x), asValue(y)), true);
}

Operand Lowering::lowerBinary(const Expr& e, double s) {
    const Expr& a = *e.args[0];
    const Expr& b = *e.args[1];
    Operand result;
    switch (e.op) {
    case Op::Add:
        return add(lower(a, s), lower(b, s));
    case Op::Sub:
        return add(lower(a, s), lower(b, s), true);
    case Op::Mul:
    case Op::Div:
        return lowerProduct(e, s);
    case Op::Pow:
        return lowerPower(e, s);
    case Op::Mod:
        fail(e.pos, "'%' cannot be compiled: the remainder of a variable has no fixed-point form here");
    case Op::Lt:
        result = compare(FixedOp::Lt, a, b);
        break;
    case Op::Le:
        result = compare(FixedOp::Le, a, b);
        break;
    case Op::Gt:
        result = compare(FixedOp::Gt, a, b);
        break;
    case Op::Ge:
        result = compare(FixedOp::Ge, a, b);
        break;
    case Op::Eq:
        result = compare(FixedOp::Eq, a, b);
        break;
    case Op::Ne:
        result = compare(FixedOp::Ne, a, b);
        break;
    case Op::And:
    case Op::Or:
        result =
            valueOf(emitOp(e.op == Op::And ? FixedOp::And : FixedOp::Or, asFlag(lower(a)), asFlag(lower(b))), true);
        break;
    default:
        fail(e.pos, std::string("'") + opSymbol(e.op) + "' cannot be compiled");
    }
    out_.code[result.id].note = e.toString();
    return scale(result, s);
}

void Lowering::collectFactors(const Expr& e, bool inverted, double& constantPart, std::vector<const Expr*>& numerators,
                              std::vector<const Expr*>& denominators) const {
    if (auto v = fold(e)) {
        if (inverted && *v == 0) fail(e.pos, "division by a constant zero");
        constantPart = inverted ? constantPart / *v : constantPart * *v;
        return;
    }
    if (e.kind == ExprKind::Binary && (e.op == Op::Mul || e.op == Op::Div)) {
        collectFactors(*e.args[0], inverted, constantPart, numerators, denominators);
        collectFactors(*e.args[1], e.op == Op::Div ? !inverted : inverted, constantPart, numerators, denominators);
        return;
    }
    if (e.kind == ExprKind::Unary && (e.op == Op::Neg || e.op == Op::Pos)) {
        if (e.op == Op::Neg) constantPart = -constantPart;
        collectFactors(*e.args[0], inverted, constantPart, numerators, denominators);
        return;
    }
    (inverted ? denominators : numerators).push_back(&e);
}

Operand Lowering::lowerProduct(const Expr& e, double s) {
    // Every constant factor of the product (dt, g_na, 1/Cm, ...) is gathered into one scale that
    // goes into the last variable factor: dt * g_na * m*m*m * h * (v - ENa) / Cm needs no
    // constant that the format cannot hold, and no intermediate product larger than the result.
    double scaleFactor = s;
    std::vector<const Expr*> numerators, denominators;
    collectFactors(e, false, scaleFactor, numerators, denominators);
    if (numerators.empty()) {
        Operand denominator = lower(*denominators[0]);
        for (std::size_t k = 1; k < denominators.size(); ++k)
            denominator = multiply(denominator, lower(*denominators[k]));
        return divide(constant(scaleFactor, e.pos), denominator, e.pos);
    }
    // With a divisor the scale is applied to the quotient: dt * (w_inf - w) / tau_w scaled first
    // would leave a numerator of a few LSB to divide.
    const bool scaleLast = !denominators.empty();
    Operand numerator;
    for (std::size_t k = 0; k < numerators.size(); ++k) {
        const bool last = k + 1 == numerators.size();
        const Operand factor = lower(*numerators[k], last && !scaleLast ? scaleFactor : 1);
        numerator = k == 0 ? factor : multiply(numerator, factor);
    }
    if (!scaleLast) return numerator;
    Operand denominator = lower(*denominators[0]);
    for (std::size_t k = 1; k < denominators.size(); ++k) denominator = multiply(denominator, lower(*denominators[k]));
    return scale(divide(numerator, denominator, e.pos), scaleFactor);
}

Operand Lowering::lowerPower(const Expr& e, double s) {
    const auto exponent = fold(*e.args[1]);
    if (!exponent) fail(e.args[1]->pos, "a power's exponent must be a constant to be compiled");
    const double p = *exponent;
    if (p == 0.5) return scale(lut("sqrt", lower(*e.args[0])), s);
    if (p != std::round(p) || std::abs(p) > 16)
        fail(e.args[1]->pos, "x**" + number(p) + " cannot be compiled: use a whole-number exponent up to 16, or 0.5");
    const int n = static_cast<int>(std::abs(p));
    if (n == 0) return constant(s, e.pos);
    const Operand base = lower(*e.args[0]);
    if (p < 0) {
        Operand product = base;
        for (int k = 1; k < n; ++k) product = multiply(product, base);
        return divide(constant(s, e.pos), product, e.pos);
    }
    // The scale goes into the last factor (see Mul).
    Operand product = n == 1 ? scale(base, s) : base;
    for (int k = 1; k < n; ++k) product = multiply(product, k == n - 1 ? scale(base, s) : base);
    return product;
}

Operand Lowering::lowerCall(const Expr& e) {
    const std::string& f = e.name;
    if (f == "rand" || f == "randn")
        fail(e.pos, f + "() cannot be compiled: the fixed-point model is deterministic (no random numbers)");
    if (f == "tan")
        fail(e.pos, "tan cannot be compiled: its poles at odd multiples of pi/2 defeat a lookup table; "
                    "write sin(x)/cos(x) if that is meant");
    if (f == "clip") {
        const Operand x = lower(*e.args[0]), lo = lower(*e.args[1]), hi = lower(*e.args[2]);
        const std::uint32_t low = emitOp(FixedOp::Max, asValue(x), asValue(lo));
        return valueOf(emitOp(FixedOp::Min, low, asValue(hi)));
    }
    if (e.args.size() != 1) fail(e.pos, "'" + f + "' cannot be compiled");
    const Operand x = lower(*e.args[0]);
    if (isTabulated(f)) return lut(f, x);
    if (f == "sin" || f == "cos") {
        // Reduced to one period first, so one table covers any input: sin(x) = sin2pi(frac(x / 2pi)).
        const Operand turns = scale(x, 1 / (2 * std::numbers::pi));
        const std::uint32_t whole = emitOp(FixedOp::Floor, asValue(turns));
        const Operand fraction = valueOf(emitOp(FixedOp::Sub, asValue(turns), whole));
        return lut(f == "sin" ? "sin2pi" : "cos2pi", fraction);
    }
    const std::uint32_t v = asValue(x);
    if (f == "abs") return valueOf(emitOp(FixedOp::Abs, v));
    if (f == "floor") return valueOf(emitOp(FixedOp::Floor, v));
    if (f == "ceil") return valueOf(emitOp(FixedOp::Ceil, v));
    const std::uint32_t zero = constantCode(0, false);
    if (f == "int") {
        const std::uint32_t negative = emitOp(FixedOp::Lt, v, zero);
        return valueOf(emitOp(FixedOp::Select, negative, emitOp(FixedOp::Ceil, v), emitOp(FixedOp::Floor, v)));
    }
    if (f == "sign") {
        const std::uint32_t positive = emitOp(FixedOp::Gt, v, zero);
        std::uint32_t otherwise = zero;
        if (q_.isSigned)
            otherwise = emitOp(FixedOp::Select, emitOp(FixedOp::Lt, v, zero), constantCode(-one(), false), zero);
        return valueOf(emitOp(FixedOp::Select, positive, constantCode(one(), false), otherwise));
    }
    fail(e.pos, "'" + f + "' cannot be compiled");
}

// [SECTION] the model

void Lowering::collectNames() {
    for (const auto& line : parseEquations(model_.spec().equations))
        if (line.kind == EquationLine::Kind::Subexpression) subexpressions_[line.name] = line.rhs;
    const bool driven = model_.parameterIndex(options_.drive).has_value();
    for (const auto& p : model_.parameters()) {
        double si = p.value;
        for (const auto& [name, value] : options_.parameterOverrides)
            if (name == p.name) si = value;
        const double fixedValue = si / fixedScale(p.dimension);
        out_.parameters.emplace_back(p.name, fixedValue);
        if (driven && p.name == options_.drive) continue;
        parameters_[p.name] = fixedValue;
    }
    if (driven) {
        const auto& p = model_.parameters()[*model_.parameterIndex(options_.drive)];
        out_.input = p.name;
        out_.inputUnit = fixedUnitName(p.dimension);
        out_.inputScale = fixedScale(p.dimension);
    }
}

void Lowering::lowerRefractory(const ExprPtr& refractory) {
    using R = FixedModelProgram::Refractory;
    field_ = "refractory";
    switch (model_.compiled().refractory) {
    case CompiledModel::Refractory::None:
        out_.refractory = R::None;
        return;
    case CompiledModel::Refractory::Duration: {
        const auto duration = fold(*refractory);
        if (!duration) fail(refractory->pos, "the refractory duration must be a constant to be compiled");
        const double seconds = *duration * fixedScale(Dimension::base(Dimension::Second));
        out_.refractory = R::Duration;
        out_.refractoryCycles = static_cast<std::int64_t>((seconds + 1e-3 * options_.dt) / options_.dt);
        return;
    }
    case CompiledModel::Refractory::Condition:
        out_.refractory = R::Condition;
        out_.refractoryCondition = asFlag(lower(*refractory));
        return;
    }
}

void Lowering::lowerThresholdAndReset() {
    const auto& states = model_.states();
    if (model_.hasThreshold()) {
        field_ = "threshold";
        out_.hasThreshold = true;
        out_.threshold = asFlag(lower(*parseExpression(model_.spec().threshold, "threshold")));
    }
    field_ = "reset";
    for (const auto& statement : parseStatements(model_.spec().reset)) {
        auto target = env_.find(statement.target);
        if (target == env_.end())
            fail(statement.targetPos, "a reset can only assign state variables; '" + statement.target + "' is not one");
        const Operand current = valueOf(target->second), value = lower(*statement.value);
        Operand next;
        switch (statement.kind) {
        case Statement::Kind::Assign:
            next = value;
            break;
        case Statement::Kind::AddAssign:
            next = add(current, value);
            break;
        case Statement::Kind::SubAssign:
            next = add(current, value, true);
            break;
        case Statement::Kind::MulAssign:
            next = multiply(current, value);
            break;
        case Statement::Kind::DivAssign:
            next = divide(current, value, statement.targetPos);
            break;
        }
        target->second = asValue(next);
        memo_.clear(); // later statements see this one's effect
    }
    for (const auto& s : states) out_.resetState.push_back(env_.at(s.name));
}

void Lowering::run() {
    out_.name = model_.spec().name;
    out_.contract = options_.contract;
    out_.dt = options_.dt;
    out_.equations = model_.spec().equations;
    out_.thresholdText = model_.spec().threshold;
    out_.resetText = model_.spec().reset;
    out_.refractoryText = model_.spec().refractory;
    collectNames();

    const auto& states = model_.states();
    std::vector<double> initial = model_.initialState();
    std::vector<std::uint32_t> registers;
    for (std::size_t k = 0; k < states.size(); ++k) {
        for (const auto& [name, value] : options_.initialOverrides)
            if (name == states[k].name) initial[k] = value;
        const double scale = fixedScale(states[k].dimension);
        field_ = states[k].name;
        FixedState state{states[k].name, fixedUnitName(states[k].dimension), scale, 0, states[k].unlessRefractory};
        state.initial =
            quantizeConstant(constant(initial[k] / scale, {}, "the initial value of '" + states[k].name + "'"));
        out_.states.push_back(state);
        FixedInstr in;
        in.op = FixedOp::State;
        in.index = static_cast<int>(k);
        in.note = states[k].name;
        registers.push_back(emit(std::move(in)));
    }
    setStates(registers);

    if (!isBlank(model_.spec().refractory)) lowerRefractory(parseExpression(model_.spec().refractory, "refractory"));
    const bool refractory = out_.refractory != FixedModelProgram::Refractory::None;

    // Forward Euler: x' = x + dt * f(x), with dt pushed into f's terms.
    field_ = "equations";
    const double dt = options_.dt / fixedScale(Dimension::base(Dimension::Second));
    std::map<std::string, ExprPtr> derivatives;
    for (const auto& line : parseEquations(model_.spec().equations))
        if (line.kind == EquationLine::Kind::Differential) derivatives[line.name] = line.rhs;
    std::vector<std::uint32_t> next;
    for (std::size_t k = 0; k < states.size(); ++k) {
        const Operand increment = lower(*derivatives.at(states[k].name), dt);
        std::uint32_t updated = asValue(add(valueOf(registers[k]), increment));
        if (states[k].unlessRefractory && refractory) {
            if (!notRefractory_) notRefractory_ = emitOp(FixedOp::NotRefractory, 0);
            updated = emitOp(FixedOp::Select, *notRefractory_, updated, registers[k]);
        }
        FixedInstr& update = out_.code[updated];
        if (update.op == FixedOp::Add || update.op == FixedOp::Select)
            update.note = states[k].name + " + dt * d" + states[k].name + "/dt";
        next.push_back(updated);
    }
    out_.nextState = next;

    setStates(next);
    lowerThresholdAndReset();
}

} // namespace

FixedCompileOptions compileOptionsFor(const SimulationSettings& s, const FixedContract& contract, int lutSegments) {
    FixedCompileOptions o;
    o.contract = contract;
    o.dt = s.dt;
    o.drive = s.drive;
    o.parameterOverrides = s.parameterOverrides;
    o.initialOverrides = s.initialOverrides;
    o.lutSegments = lutSegments;
    return o;
}

FixedModelProgram compileFixed(const NeuronModel& model, const FixedCompileOptions& options) {
    if (!(options.dt > 0)) throw ModelError("dt", {}, "dt must be a positive time");
    if (options.lutSegments < 1) throw ModelError("lut", {}, "a lookup table needs at least one segment");
    FixedModelProgram program;
    Lowering(model, options, program).run();
    return program;
}

} // namespace scs::fixed
