// SPDX-License-Identifier: MIT
#include "ode/ProgramBuilder.h"

#include "ode/DimensionChecker.h"
#include "units/UnitRegistry.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace scs {

std::uint16_t ProgramBuilder::newSlot(double initialValue, bool isConstant) {
    if (initial_.size() >= std::numeric_limits<std::uint16_t>::max())
        throw std::runtime_error("model too large: more than 65535 intermediate values");
    initial_.push_back(initialValue);
    isConstant_.push_back(isConstant);
    return static_cast<std::uint16_t>(initial_.size() - 1);
}

std::uint16_t ProgramBuilder::addNamedSlot(const std::string& name, double initialValue) {
    const std::uint16_t s = newSlot(initialValue, false);
    named_[name] = s;
    return s;
}

std::uint16_t ProgramBuilder::addTemporary() { return newSlot(0.0, false); }

std::uint16_t ProgramBuilder::constant(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    auto it = constants_.find(bits);
    if (it != constants_.end()) return it->second;
    const std::uint16_t s = newSlot(value, true);
    constants_[bits] = s;
    return s;
}

void ProgramBuilder::defineSubexpression(const std::string& name, ExprPtr definition) {
    subexpressions_[name] = std::move(definition);
}

void ProgramBuilder::beginProgram(Program& p) {
    program_ = &p;
    computed_.clear();
}

std::uint16_t ProgramBuilder::emitOp(OpCode op, std::uint16_t a, std::uint16_t b, std::uint16_t c) {
    // Only the operands the operation reads count: b and c of a unary op are slot 0, a parameter.
    const int operands = operandCount(op);
    const bool foldable = op != OpCode::Rand && op != OpCode::Randn && isConstant_[a] &&
                          (operands < 2 || isConstant_[b]) && (operands < 3 || isConstant_[c]);
    if (foldable) return constant(applyOp(op, initial_[a], initial_[b], initial_[c]));
    const std::uint16_t dst = addTemporary();
    program_->code.push_back(Instruction{op, dst, a, b, c});
    if (op == OpCode::Rand || op == OpCode::Randn) program_->usesRandom = true;
    return dst;
}

void ProgramBuilder::emitAssign(OpCode op, std::uint16_t dst, std::uint16_t value) {
    // Copy reads slot a; the op-assignments read dst and a.
    program_->code.push_back(Instruction{op, dst, value, 0, 0});
}

std::uint16_t ProgramBuilder::emit(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Number:
        return constant(e.number);
    case ExprKind::Name: {
        if (auto sub = subexpressions_.find(e.name); sub != subexpressions_.end()) {
            if (auto done = computed_.find(e.name); done != computed_.end()) return done->second;
            const std::uint16_t s = emit(*sub->second);
            computed_[e.name] = s;
            return s;
        }
        if (auto it = named_.find(e.name); it != named_.end()) return it->second;
        auto unit = UnitRegistry::instance().find(e.name);
        if (!unit) throw std::logic_error("unchecked name " + e.name);
        return constant(unit->scale);
    }
    case ExprKind::Unary: {
        const std::uint16_t a = emit(*e.args[0]);
        if (e.op == Op::Pos) return a;
        return emitOp(e.op == Op::Neg ? OpCode::Neg : OpCode::Not, a);
    }
    case ExprKind::Binary: {
        if (e.op == Op::Pow) {
            if (auto n = DimensionChecker::constantValue(*e.args[1])) {
                const std::uint16_t base = emit(*e.args[0]);
                if (*n == 1.0) return base;
                if (*n == 2.0) return emitOp(OpCode::Square, base);
                if (*n == 3.0) return emitOp(OpCode::Cube, base);
                if (*n == -1.0) return emitOp(OpCode::Reciprocal, base);
                if (*n == 0.5) return emitOp(OpCode::Sqrt, base);
                return emitOp(OpCode::Pow, base, constant(*n));
            }
        }
        const std::uint16_t a = emit(*e.args[0]);
        const std::uint16_t b = emit(*e.args[1]);
        // x / c becomes x * (1/c): a multiply is a third of a divide's latency, and a single
        // neuron's step is one long dependency chain. The result differs by at most an ulp.
        if (e.op == Op::Div && isConstant_[b] && !isConstant_[a]) {
            const double reciprocal = 1.0 / initial_[b];
            if (std::isfinite(reciprocal) && reciprocal != 0.0) return emitOp(OpCode::Mul, a, constant(reciprocal));
        }
        static const std::pair<Op, OpCode> table[] = {
            {Op::Add, OpCode::Add}, {Op::Sub, OpCode::Sub}, {Op::Mul, OpCode::Mul}, {Op::Div, OpCode::Div},
            {Op::Pow, OpCode::Pow}, {Op::Mod, OpCode::Mod}, {Op::Lt, OpCode::Lt},   {Op::Le, OpCode::Le},
            {Op::Gt, OpCode::Gt},   {Op::Ge, OpCode::Ge},   {Op::Eq, OpCode::Eq},   {Op::Ne, OpCode::Ne},
            {Op::And, OpCode::And}, {Op::Or, OpCode::Or}};
        for (const auto& [op, code] : table)
            if (op == e.op) return emitOp(code, a, b);
        throw std::logic_error("unknown binary operator");
    }
    case ExprKind::Call:
        return emitCall(e);
    }
    throw std::logic_error("unknown expression kind");
}

std::uint16_t ProgramBuilder::emitCall(const Expr& e) {
    static const std::pair<const char*, OpCode> unary[] = {
        {"exp", OpCode::Exp},     {"log", OpCode::Log},   {"log10", OpCode::Log10}, {"sqrt", OpCode::Sqrt},
        {"abs", OpCode::Abs},     {"sin", OpCode::Sin},   {"cos", OpCode::Cos},     {"tan", OpCode::Tan},
        {"sinh", OpCode::Sinh},   {"cosh", OpCode::Cosh}, {"tanh", OpCode::Tanh},   {"exprel", OpCode::Exprel},
        {"floor", OpCode::Floor}, {"ceil", OpCode::Ceil}, {"sign", OpCode::Sign},   {"int", OpCode::Int}};
    for (const auto& [name, code] : unary)
        if (e.name == name) return emitOp(code, emit(*e.args[0]));
    if (e.name == "clip") return emitOp(OpCode::Clip, emit(*e.args[0]), emit(*e.args[1]), emit(*e.args[2]));
    if (e.name == "rand") return emitOp(OpCode::Rand, constant(0));
    if (e.name == "randn") return emitOp(OpCode::Randn, constant(0));
    throw std::logic_error("unchecked function " + e.name);
}

} // namespace scs
