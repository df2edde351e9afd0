// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — counting a program's hardware. The widths follow SvDatapath.cpp, which
// sizes every temporary so the exact result fits; when the emitter changes a width, change it here.
#include "hdl/HardwareInventory.h"

#include "hdl/ProgramCheck.h"
#include "hdl/SvPipeline.h"
#include "hdl/SvText.h"

#include <algorithm>

namespace scs::hdl {
namespace {

using fixed::FixedOp;
using fixed::Overflow;
using fixed::Rounding;

// The adder bits of a shift-and-add multiplier: each set bit k of the b operand adds a copy of
// the a operand shifted by k, cut at the product's width.
long partialProducts(int aBits, int productBits, const std::vector<int>& setBits) {
    long sum = 0;
    for (int k : setBits)
        if (k < productBits) sum += std::min(aBits, productBits - k);
    return sum;
}

std::vector<int> allBits(int n) {
    std::vector<int> v(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) v[static_cast<std::size_t>(k)] = k;
    return v;
}

// The set bits of `value` as an n-bit two's complement literal (how the RTL writes the constant).
std::vector<int> literalBits(fixed::Wide value, int n) {
    std::vector<int> v;
    for (int k = 0; k < n && k < 127; ++k)
        if ((value >> k) & 1) v.push_back(k);
    return v;
}

// The width Yosys sees of a constant written as an n-bit literal: a negative one's sign bits are
// ones up to the top, a non-negative one's leading zeros go.
int constantBits(fixed::Wide value, int n) {
    if (value < 0) return n;
    int bits = 1;
    while (bits < n && (value >> bits) != 0) ++bits;
    return bits;
}

class Counter {
public:
    Counter(const fixed::FixedModelProgram& p, const ProgramShape& shape, HardwareInventory& inv)
        : p_(p), shape_(shape), inv_(inv), w_(p.contract.format.width), f_(p.contract.format.fraction),
          signed_(p.contract.format.isSigned) {}

    void instruction(const fixed::FixedInstr& in, std::uint32_t v);
    void registers();
    void pipeline(const PipelinePlan& plan, const std::vector<bool>& live);

private:
    void adder(int bits) {
        ++inv_.adders;
        inv_.adderBits += bits;
    }
    void comparator(int bits) {
        ++inv_.comparators;
        inv_.comparatorBits += bits;
    }
    void equality(int bits) {
        ++inv_.equalities;
        inv_.equalityBits += bits;
    }
    void mux(long bits) { inv_.muxBits += bits; }
    // FixedContract::fit of a `wide`-bit exact result: a detector and, under Saturate, a clamp.
    void fit(int wide) {
        if (p_.contract.overflow == Overflow::Wrap) return;
        ++inv_.saturations;
        inv_.saturationDetectBits += wide - w_ + (signed_ ? 1 : 0);
        if (p_.contract.overflow == Overflow::Saturate) mux(w_);
    }
    // roundShift of an n-bit product by `bits`: Truncate is wiring; the others add one.
    void roundShift(int n, int bits, int site) {
        if (bits <= 0) return;
        Rounding mode = p_.contract.rounding;
        if (mode == Rounding::Stochastic && site < 0) mode = Rounding::Truncate;
        if (mode == Rounding::Truncate) return;
        adder(n);
        if (mode == Rounding::Stochastic)
            usesLfsr_ = true;
        else
            inv_.flagGates += bits > 1 ? 3 : 2; // round up: half bit and (rest or tie)
    }
    void multiply(int aBits, int bBits, int n, bool constant, const std::vector<int>& bSetBits) {
        // Times zero is a constant; times a power of two a shift (Yosys' opt_expr), no multiplier.
        if (bSetBits.empty() || (constant && bSetBits.size() == 1)) return;
        MultiplierShape m;
        m.aBits = std::min(aBits, n);
        m.bBits = std::min(bBits, n);
        m.productBits = n;
        m.constant = constant;
        m.partialProductBits = partialProducts(m.aBits, n, bSetBits);
        inv_.multipliers.push_back(m);
    }
    // A W-bit value extended to n bits, as synthesis sees it.
    int extended(int n) const { return signed_ ? n : w_; }
    bool knownComparison(const fixed::FixedInstr& in) const;
    void divide(const fixed::FixedInstr& in);
    void lookup(const fixed::FixedInstr& in);

    const fixed::FixedModelProgram& p_;
    const ProgramShape& shape_;
    HardwareInventory& inv_;
    int w_, f_;
    bool signed_;
    bool usesLfsr_ = false; // a live stochastic rounding site reads the LFSR
};

// Whether the emitter prints the comparison as a constant (SvDatapath::knownComparison): the same
// value on both sides, two constants, or a constant at the end of the range (x < MIN, x <= MAX).
bool Counter::knownComparison(const fixed::FixedInstr& in) const {
    if (in.a == in.b) return true;
    const auto& a = p_.code[in.a];
    const auto& b = p_.code[in.b];
    if (a.op == FixedOp::Const && b.op == FixedOp::Const) return true;
    if (in.op == FixedOp::Eq || in.op == FixedOp::Ne) return false;
    const bool flags = shape_.flag[in.a];
    const std::int64_t low = flags ? 0 : p_.contract.format.rawMin();
    const std::int64_t high = flags ? 1 : p_.contract.format.rawMax();
    const bool lowFirst = in.op == FixedOp::Lt || in.op == FixedOp::Le;
    const fixed::FixedInstr& smaller = lowFirst ? a : b; // the side that must be the smaller one
    const fixed::FixedInstr& larger = lowFirst ? b : a;
    const bool strict = in.op == FixedOp::Lt || in.op == FixedOp::Gt;
    const auto is = [](const fixed::FixedInstr& x, std::int64_t v) { return x.op == FixedOp::Const && x.imm == v; };
    if (strict) return is(larger, low) || is(smaller, high);
    return is(larger, high) || is(smaller, low);
}

void Counter::divide(const fixed::FixedInstr& in) {
    const int n = w_ + f_ + 3;
    inv_.dividers.push_back(n);
    equality(w_); // b == 0
    adder(n);     // the numerator's sign moved ...
    mux(n);
    adder(n); // ... and the denominator's: negated, or 1 for a zero divisor
    mux(2L * n);
    equality(n); // remainder != 0 && negative: the floor correction
    ++inv_.flagGates;
    adder(n); // the floor
    Rounding mode = p_.contract.rounding;
    if (mode == Rounding::Stochastic && in.roundingSite < 0) mode = Rounding::Truncate;
    if (mode != Rounding::Truncate) {
        adder(n); // the remainder made non-negative
        mux(n);
        if (mode == Rounding::Stochastic) {
            usesLfsr_ = true;
            const int m = n + 18;
            multiply(n, 16, m, false, allBits(16)); // the random word times the divisor
            adder(m);
            comparator(m);
        } else {
            equality(n); // remainder != 0, 2 rem > den, 2 rem == den
            comparator(n);
            equality(n);
            inv_.flagGates += 3;
        }
        adder(n); // the increment
    }
    fit(n);
    mux(w_); // division by zero's result
}

void Counter::lookup(const fixed::FixedInstr& in) {
    const fixed::FixedLut& lut = p_.luts[static_cast<std::size_t>(in.index)];
    const int ib = fixed::indexBits(lut), s = lut.shift;
    const int lw = std::max({w_ + 2, sv::signedBits(lut.low) + 1, sv::signedBits(lut.high()) + 1, s + ib + 1}) + 1;
    comparator(lw); // the clamp to [low, high] ...
    comparator(lw);
    mux(2L * lw); // ... and its selects
    adder(lw);    // the offset from low
    // The table is one packed constant read with a part-select at i * W: a multiplexer over all
    // its bits per read.
    const int pb = sv::unsignedBits(static_cast<std::int64_t>(lut.table.size()) * w_ - 1);
    multiply(ib, constantBits(w_, pb), pb, true, literalBits(w_, pb)); // i * W, a shift when W is 2^k
    ++inv_.tables;
    inv_.tableBits += static_cast<long>(lut.table.size()) * w_;
    if (s == 0) return;
    const int d = w_ + 3 + s;
    adder(pb); // the next entry's position
    inv_.tableBits += static_cast<long>(lut.table.size()) * w_;
    adder(d);                             // t1 - t0
    multiply(d, s, d, false, allBits(s)); // the difference times the position in the segment
    adder(w_);                            // t0 + step
}

void Counter::instruction(const fixed::FixedInstr& in, std::uint32_t v) {
    const int wide = w_ + 2;
    const bool flagOperands = in.op != FixedOp::Select ? shape_.flag[in.a] : shape_.flag[in.b];
    switch (in.op) {
    case FixedOp::Const:
    case FixedOp::State:
    case FixedOp::Input:
    case FixedOp::NotRefractory:
    case FixedOp::Floor:
        return;
    case FixedOp::Add:
    case FixedOp::Sub:
    case FixedOp::Neg:
        adder(wide);
        fit(wide);
        return;
    case FixedOp::Abs:
        if (signed_) {
            adder(wide);
            mux(wide);
        }
        fit(wide);
        return;
    case FixedOp::Ceil:
        if (f_ == 0) return;
        adder(wide);
        fit(wide);
        return;
    case FixedOp::Mul: {
        // A W x W product fits 2W bits signed, 2W + 1 unsigned (SvDatapath's comment says why).
        const int n = signed_ ? 2 * w_ : 2 * w_ + 1;
        const auto& a = p_.code[in.a];
        const auto& b = p_.code[in.b];
        if (a.op == FixedOp::Const || b.op == FixedOp::Const) {
            const std::int64_t imm = b.op == FixedOp::Const ? b.imm : a.imm;
            multiply(extended(n), constantBits(imm, n), n, true, literalBits(imm, n));
        } else {
            multiply(extended(n), extended(n), n, false, allBits(extended(n)));
        }
        roundShift(n, f_, in.roundingSite);
        fit(n);
        return;
    }
    case FixedOp::MulConst: {
        // A constant of B bits times a W-bit value fits W + B bits (one more unsigned), and one
        // more for the rounding noise.
        const int bits = std::max(in.shift, 0);
        const int operand = signed_ ? w_ : w_ + 1;
        const int n = std::max(operand + sv::signedBits(in.imm), bits + 1) + 1;
        multiply(extended(n), constantBits(in.imm, n), n, true, literalBits(in.imm, n));
        roundShift(n, bits, in.roundingSite);
        fit(n);
        return;
    }
    case FixedOp::Div:
        divide(in);
        return;
    case FixedOp::Min:
    case FixedOp::Max:
        comparator(w_);
        mux(w_);
        return;
    case FixedOp::Lut:
        lookup(in);
        return;
    case FixedOp::Lt:
    case FixedOp::Le:
    case FixedOp::Gt:
    case FixedOp::Ge:
        if (knownComparison(in)) return; // printed as a constant
        if (flagOperands)
            ++inv_.flagGates;
        else
            comparator(w_);
        return;
    case FixedOp::Eq:
    case FixedOp::Ne:
        if (knownComparison(in)) return;
        if (flagOperands)
            ++inv_.flagGates;
        else
            equality(w_);
        return;
    case FixedOp::And:
    case FixedOp::Or:
    case FixedOp::Not:
        ++inv_.flagGates;
        return;
    case FixedOp::Select:
        if (shape_.flag[v])
            ++inv_.flagGates;
        else
            mux(w_);
        return;
    }
}

void Counter::registers() {
    const int states = static_cast<int>(p_.states.size());
    inv_.stateBits = states * w_;
    inv_.registerBits = inv_.stateBits + 1; // the spike output
    for (int k = 0; k < states; ++k)
        if (p_.resetState[static_cast<std::size_t>(k)] != p_.nextState[static_cast<std::size_t>(k)])
            mux(w_);                       // spike ? reset : next
    if (p_.hasThreshold) ++inv_.flagGates; // threshold && not refractory
    if (p_.refractory == fixed::FixedModelProgram::Refractory::Duration) {
        const int c = sv::unsignedBits(std::max<std::int64_t>(p_.refractoryCycles - 1, 0));
        inv_.registerBits += c;
        adder(c);    // count down ...
        equality(c); // ... test for zero ...
        mux(c);      // ... and load on a spike
    }
    if (p_.contract.overflow == Overflow::Trap) {
        inv_.registerBits += 1;                 // the sticky trap
        inv_.flagGates += inv_.saturations + 1; // any overflow stops the step
    }
    if (usesLfsr_) {
        inv_.registerBits += 16;
        inv_.flagGates += 1; // the feedback XOR of four taps
    }
}

void Counter::pipeline(const PipelinePlan& plan, const std::vector<bool>& live) {
    if (plan.stages == 0) return;
    const int phase = sv::unsignedBits(plan.stages);
    inv_.pipelineBits = phase;
    for (std::size_t v = 0; v < plan.registered.size(); ++v)
        if (live[v] && plan.registered[v]) inv_.pipelineBits += shape_.flag[v] ? 1 : w_;
    if (p_.contract.overflow == Overflow::Trap) inv_.pipelineBits += plan.stages; // overflows so far
    inv_.registerBits += inv_.pipelineBits;
    adder(phase);                                           // the phase counts up ...
    for (int s = 0; s <= plan.stages; ++s) equality(phase); // ... and each stage tests for its turn
}

// Values that reach a register, the spike or the refractory condition; the rest is dead code
// that synthesis removes.
std::vector<bool> liveValues(const fixed::FixedModelProgram& p) {
    std::vector<bool> live(p.code.size(), false);
    auto mark = [&](std::uint32_t v) {
        if (v < live.size()) live[v] = true;
    };
    for (auto v : p.nextState) mark(v);
    for (auto v : p.resetState) mark(v);
    if (p.hasThreshold) mark(p.threshold);
    if (p.refractory == fixed::FixedModelProgram::Refractory::Condition) mark(p.refractoryCondition);
    for (std::size_t i = p.code.size(); i-- > 0;)
        if (live[i])
            for (std::uint32_t operand : valueOperands(p, p.code[i])) mark(operand);
    return live;
}

} // namespace

HardwareInventory countHardware(const fixed::FixedModelProgram& program, int pipelineStages) {
    const ProgramShape shape = checkProgram(program);
    HardwareInventory inv;
    inv.width = program.contract.format.width;
    const std::vector<bool> live = liveValues(program);
    Counter counter(program, shape, inv);
    for (std::size_t v = 0; v < program.code.size(); ++v) {
        if (!live[v]) continue;
        ++inv.liveInstructions;
        counter.instruction(program.code[v], static_cast<std::uint32_t>(v));
    }
    counter.registers();
    counter.pipeline(planPipeline(program, pipelineStages), live);
    return inv;
}

} // namespace scs::hdl
