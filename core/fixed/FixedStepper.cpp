// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point stepper.
#include "FixedStepper.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace scs::fixed {

FixedStepper::FixedStepper(FixedModelProgram program)
    : program_(std::move(program)), rawMin_(program_.contract.format.rawMin()),
      rawMax_(program_.contract.format.rawMax()), stochastic_(program_.contract.rounding == Rounding::Stochastic),
      // Signed codes of up to 32 bits times constants of up to 33 stay below 2^63; a 32-bit
      // unsigned code times one does not, so those products take the contract's 128-bit path.
      narrowProducts_(program_.contract.format.isSigned || program_.contract.format.width < 32) {
    values_.assign(program_.code.size(), 0);
    // Constants never change: set once, and the step loop runs only the other instructions.
    for (std::size_t i = 0; i < program_.code.size(); ++i) {
        if (program_.code[i].op == FixedOp::Const)
            values_[i] = program_.code[i].imm;
        else
            live_.push_back(static_cast<std::uint32_t>(i));
    }
    reset();
}

void FixedStepper::reset() {
    state_.clear();
    for (const auto& s : program_.states) state_.push_back(s.initial);
    counter_ = 0;
    lfsr_ = Lfsr16();
}

std::int64_t FixedStepper::fit(std::int64_t raw, const char* what) const {
    if (raw >= rawMin_ && raw <= rawMax_) return raw; // the common case, inline
    return program_.contract.fit(raw, what);
}

std::int64_t FixedStepper::shiftProduct(std::int64_t product, int bits, std::uint16_t random) const {
    // Only called when products fit in 64 bits (narrowProducts_) and the shift is below 63.
    if (program_.contract.rounding == Rounding::Truncate) return product >> bits;
    return static_cast<std::int64_t>(roundShift(Wide{product}, bits, program_.contract.rounding, random));
}

std::int64_t FixedStepper::evaluate(const FixedInstr& in, std::int64_t input) const {
    const FixedContract& c = program_.contract;
    const std::int64_t a = values_[in.a], b = values_[in.b];
    const std::uint16_t random = stochastic_ && in.roundingSite >= 0 ? randomWord(lfsr_.state(), in.roundingSite) : 0;
    switch (in.op) {
    case FixedOp::Const:
        return in.imm;
    case FixedOp::State:
        return state_[static_cast<std::size_t>(in.index)];
    case FixedOp::Input:
        return input;
    case FixedOp::NotRefractory:
        switch (program_.refractory) {
        case FixedModelProgram::Refractory::None:
            return 1;
        case FixedModelProgram::Refractory::Duration:
            return counter_ == 0;
        case FixedModelProgram::Refractory::Condition:
            return values_[program_.refractoryCondition] == 0;
        }
        return 1;
    case FixedOp::Add:
        return fit(a + b, "an addition");
    case FixedOp::Sub:
        return fit(a - b, "a subtraction");
    case FixedOp::Neg:
        return fit(-a, "a negation");
    case FixedOp::Mul:
        if (!narrowProducts_) return c.mul(a, b, random);
        return fit(shiftProduct(a * b, c.format.fraction, random), "a multiplication");
    case FixedOp::MulConst:
        if (!narrowProducts_ || in.shift >= 63)
            return c.fit(roundShift(Wide{a} * in.imm, in.shift, c.rounding, random), "a multiplication");
        return fit(shiftProduct(a * in.imm, in.shift, random), "a multiplication");
    case FixedOp::Div:
        return c.div(a, b, random);
    case FixedOp::Abs:
        return c.fit(a < 0 ? -Wide{a} : Wide{a}, "an absolute value");
    case FixedOp::Min:
        return std::min(a, b);
    case FixedOp::Max:
        return std::max(a, b);
    case FixedOp::Floor:
        return c.fit((Wide{a} >> c.format.fraction) << c.format.fraction, "a floor");
    case FixedOp::Ceil:
        return c.fit(-((-Wide{a} >> c.format.fraction) << c.format.fraction), "a ceiling");
    case FixedOp::Lut:
        return lookup(program_.luts[static_cast<std::size_t>(in.index)], a);
    case FixedOp::Lt:
        return a < b;
    case FixedOp::Le:
        return a <= b;
    case FixedOp::Gt:
        return a > b;
    case FixedOp::Ge:
        return a >= b;
    case FixedOp::Eq:
        return a == b;
    case FixedOp::Ne:
        return a != b;
    case FixedOp::And:
        return (a != 0) && (b != 0);
    case FixedOp::Or:
        return (a != 0) || (b != 0);
    case FixedOp::Not:
        return a == 0;
    case FixedOp::Select:
        return a != 0 ? b : values_[in.c];
    }
    return 0;
}

bool FixedStepper::step(std::int64_t input) {
    const auto& code = program_.code;
    for (std::uint32_t i : live_) values_[i] = evaluate(code[i], input);

    bool notRefractory = true;
    switch (program_.refractory) {
    case FixedModelProgram::Refractory::None:
        break;
    case FixedModelProgram::Refractory::Duration:
        notRefractory = counter_ == 0;
        break;
    case FixedModelProgram::Refractory::Condition:
        notRefractory = values_[program_.refractoryCondition] == 0;
        break;
    }
    const bool spike = program_.hasThreshold && values_[program_.threshold] != 0 && notRefractory;
    for (std::size_t k = 0; k < state_.size(); ++k)
        state_[k] = values_[spike ? program_.resetState[k] : program_.nextState[k]];
    if (program_.refractory == FixedModelProgram::Refractory::Duration) {
        if (spike)
            counter_ = std::max<std::int64_t>(program_.refractoryCycles - 1, 0);
        else if (counter_ > 0)
            --counter_;
    }
    lfsr_.next();
    return spike;
}

} // namespace scs::fixed
