// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the RTL printer's program check.
#include "ProgramCheck.h"

#include <stdexcept>
#include <string>

namespace scs::hdl {

namespace {

using fixed::FixedOp;

/// How many of a, b, c an operation reads.
int arity(FixedOp op) {
    switch (op) {
    case FixedOp::Const:
    case FixedOp::State:
    case FixedOp::Input:
    case FixedOp::NotRefractory:
        return 0;
    case FixedOp::Neg:
    case FixedOp::MulConst:
    case FixedOp::Abs:
    case FixedOp::Floor:
    case FixedOp::Ceil:
    case FixedOp::Lut:
    case FixedOp::Not:
        return 1;
    case FixedOp::Select:
        return 3;
    default:
        return 2;
    }
}

/// Whether an operation's operands must be W-bit numbers (flags are only for conditions).
bool readsNumbers(FixedOp op) {
    switch (op) {
    case FixedOp::And:
    case FixedOp::Or:
    case FixedOp::Not:
    case FixedOp::Select:
    case FixedOp::Lt:
    case FixedOp::Le:
    case FixedOp::Gt:
    case FixedOp::Ge:
    case FixedOp::Eq:
    case FixedOp::Ne:
        return false;
    default:
        return true;
    }
}

[[noreturn]] void refuse(const fixed::FixedModelProgram& p, const std::string& why) {
    throw std::runtime_error("cannot print '" + p.name + "' as SystemVerilog: " + why);
}

std::string valueName(std::size_t i) { return "value " + std::to_string(i); }

void checkFormat(const fixed::FixedModelProgram& p) {
    const fixed::QFormat& q = p.contract.format;
    if (q.width < 1 || q.width > 32) refuse(p, "the format has " + std::to_string(q.width) + " bits (1 to 32)");
    if (q.fraction < 0 || q.fraction > q.width || (q.isSigned && q.fraction > q.width - 1))
        refuse(p, "the format " + q.label() + " has an impossible number of fraction bits");
}

void checkLut(const fixed::FixedModelProgram& p, const fixed::FixedLut& lut, std::size_t k) {
    const std::string what = "table " + std::to_string(k) + " (" + lut.function + ")";
    if (lut.segments < 1 || lut.table.size() != static_cast<std::size_t>(lut.segments) + 2)
        refuse(p, what + " needs segments >= 1 and segments + 2 entries");
    if (lut.shift < 0 || lut.shift > 40) refuse(p, what + " has a segment shift outside 0..40");
    const std::int64_t limit = std::int64_t{1} << 48;
    if (lut.low < -limit || lut.low > limit || lut.high() > limit) refuse(p, what + " spans beyond +-2^48");
    for (std::int64_t v : lut.table)
        if (!p.contract.fits(v)) refuse(p, what + " holds " + std::to_string(v) + ", outside the format");
}

} // namespace

ProgramShape checkProgram(const fixed::FixedModelProgram& p) {
    checkFormat(p);
    const std::size_t n = p.code.size();
    ProgramShape shape;
    shape.flag.assign(n, false);
    shape.uses.assign(n, 0);
    if (p.nextState.size() != p.states.size() || p.resetState.size() != p.states.size())
        refuse(p, "every state needs a next value and a reset value");
    for (std::size_t k = 0; k < p.luts.size(); ++k) checkLut(p, p.luts[k], k);
    for (const auto& s : p.states)
        if (!p.contract.fits(s.initial)) refuse(p, "the initial value of '" + s.name + "' is outside the format");
    if (p.refractory == fixed::FixedModelProgram::Refractory::Duration &&
        (p.refractoryCycles < 0 || p.refractoryCycles > (std::int64_t{1} << 40)))
        refuse(p, "the refractory period must be 0 .. 2^40 cycles");
    const bool condition = p.refractory == fixed::FixedModelProgram::Refractory::Condition;
    if (condition && p.refractoryCondition >= n) refuse(p, "the refractory condition names no value");

    for (std::size_t i = 0; i < n; ++i) {
        const fixed::FixedInstr& in = p.code[i];
        if (static_cast<int>(in.op) > static_cast<int>(FixedOp::Select)) refuse(p, valueName(i) + " has no operation");
        const std::uint32_t operands[] = {in.a, in.b, in.c};
        for (int k = 0; k < arity(in.op); ++k) {
            const std::uint32_t o = operands[k];
            if (o >= i) refuse(p, valueName(i) + " reads " + valueName(o) + ", which is not computed before it");
            if (readsNumbers(in.op) && shape.flag[o])
                refuse(p,
                       valueName(i) + " (" + fixed::name(in.op) + ") uses the flag " + valueName(o) + " as a number");
            ++shape.uses[o];
        }
        switch (in.op) {
        case FixedOp::Const:
            if (in.flag ? (in.imm != 0 && in.imm != 1) : !p.contract.fits(in.imm))
                refuse(p, valueName(i) + " is a constant outside its range");
            shape.flag[i] = in.flag;
            break;
        case FixedOp::State:
            if (in.index < 0 || static_cast<std::size_t>(in.index) >= p.states.size())
                refuse(p, valueName(i) + " reads a state that does not exist");
            break;
        case FixedOp::Input:
            if (p.input.empty()) refuse(p, valueName(i) + " reads the input, but the program has none");
            break;
        case FixedOp::NotRefractory:
            if (condition && p.refractoryCondition >= i)
                refuse(p, valueName(i) + " asks whether the neuron is refractory before the condition is computed");
            break;
        case FixedOp::MulConst:
            if (in.shift > 64)
                refuse(p, valueName(i) + " keeps " + std::to_string(in.shift) + " fraction bits (<= 64)");
            break;
        case FixedOp::Lut:
            if (in.index < 0 || static_cast<std::size_t>(in.index) >= p.luts.size())
                refuse(p, valueName(i) + " reads a table that does not exist");
            break;
        case FixedOp::Lt:
        case FixedOp::Le:
        case FixedOp::Gt:
        case FixedOp::Ge:
        case FixedOp::Eq:
        case FixedOp::Ne:
            if (shape.flag[in.a] != shape.flag[in.b]) refuse(p, valueName(i) + " compares a flag with a number");
            break;
        case FixedOp::Select:
            if (shape.flag[in.b] != shape.flag[in.c]) refuse(p, valueName(i) + " selects between a flag and a number");
            shape.flag[i] = shape.flag[in.b];
            break;
        default:
            break;
        }
        if (fixed::isFlag(in.op)) shape.flag[i] = true;
    }

    auto use = [&](std::uint32_t v, const std::string& what, bool number) {
        if (v >= n) refuse(p, what + " names no value");
        if (number && shape.flag[v]) refuse(p, what + " is a flag, not a number");
        ++shape.uses[v];
    };
    for (std::size_t k = 0; k < p.states.size(); ++k) {
        use(p.nextState[k], "the next value of '" + p.states[k].name + "'", true);
        use(p.resetState[k], "the reset value of '" + p.states[k].name + "'", true);
    }
    if (p.hasThreshold) use(p.threshold, "the threshold", false);
    if (condition) use(p.refractoryCondition, "the refractory condition", false);
    return shape;
}

std::vector<std::uint32_t> valueOperands(const fixed::FixedModelProgram& p, const fixed::FixedInstr& in) {
    if (in.op == FixedOp::NotRefractory && p.refractory == fixed::FixedModelProgram::Refractory::Condition)
        return {p.refractoryCondition};
    const std::uint32_t all[] = {in.a, in.b, in.c};
    return {all, all + arity(in.op)};
}

} // namespace scs::hdl
