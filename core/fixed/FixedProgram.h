// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point form of a neuron model: the one description that the C++
// fixed-point simulation interprets and the SystemVerilog emitter prints, so the two agree by
// construction.
#pragma once

#include "FixedContract.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scs::fixed {

/// One step of straight-line code. Every instruction defines one value, numbered by its position
/// (SSA); operands name earlier values. A value is either a W-bit raw number in the contract's
/// format or a one-bit flag (FixedInstr::flag): comparisons, logic, NotRefractory, and Const when
/// it stands for a condition known at compile time (imm 0 or 1).
enum class FixedOp : std::uint8_t {
    Const,         // imm, already in range
    State,         // the register of state `index` at the start of the step
    Input,         // the drive port (raw, in the drive's fixed-point unit)
    NotRefractory, // flag: the neuron is not refractory in this step
    Add,           // fit(a + b)
    Sub,           // fit(a - b)
    Neg,           // fit(-a)
    Mul,           // fit(roundShift(a * b, fraction))
    MulConst,      // fit(roundShift(a * imm, shift)): a constant kept with `shift` fraction bits
    Div,           // FixedContract::div(a, b)
    Abs,           // fit(|a|)
    Min,           // min(a, b)
    Max,           // max(a, b)
    Floor,         // fit(floor to a whole number): the fraction bits cleared (towards -infinity)
    Ceil,          // fit(-floor(-a))
    Lut,           // table `index` looked up at a with linear interpolation (FixedLut)
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne, // flags comparing a and b (signed or unsigned as the format)
    And,
    Or,
    Not,    // flags of flags
    Select, // a (flag) ? b : c
};

struct FixedInstr {
    FixedOp op = FixedOp::Const;
    std::uint32_t a = 0, b = 0, c = 0; // operand value numbers
    std::int64_t imm = 0;              // Const: the raw value; MulConst: the constant's code
    int shift = 0;                     // MulConst: the constant's fraction bits
    int index = 0;                     // State: the state; Lut: the table
    /// Mul, MulConst and Div: which rounding site this is (0, 1, ...). Under stochastic rounding
    /// site k uses the LFSR word rotated left by (5 k) mod 16 (see randomWord).
    int roundingSite = -1;
    bool flag = false; // a one-bit flag (comparisons, logic, NotRefractory, a constant condition)
    std::string note;  // what it computes, for comments in the RTL ("(El - v)/tau")
};

/// Whether `op` always yields a flag (Const may be either; see FixedInstr::flag).
bool isFlag(FixedOp op);
bool rounds(FixedOp op); // Mul, MulConst, Div
const char* name(FixedOp op);

/// A function of one argument sampled on [low, low + (segments << shift)] in raw codes. Inputs
/// outside are clamped to the ends. For x inside, with o = x - low, i = o >> shift and
/// f = o & ((1 << shift) - 1): y = T[i] + floor((T[i+1] - T[i]) * f / 2^shift). `table` holds
/// segments + 2 entries: the last repeats the one before it, so i + 1 is always a valid index
/// (at the top end f is 0 and y = T[segments]). Entries are the function rounded to nearest and
/// saturated into the format, so interpolating never leaves the range.
struct FixedLut {
    std::string function; // "exp", "tanh", ...
    std::int64_t low = 0;
    int shift = 0;
    int segments = 0;
    std::vector<std::int64_t> table;
    double maxError = 0; // largest |lookup - function| over the domain, in the value's unit
    std::int64_t high() const { return low + (std::int64_t{segments} << shift); }
};

/// A state variable as the hardware holds it.
struct FixedState {
    std::string name;
    std::string unit; // fixed-point unit ("mV")
    double scale = 1; // SI per unit (fixedScale)
    std::int64_t initial = 0;
    bool unlessRefractory = false;
};

/// What happens in one enabled clock cycle (one forward-Euler step), in this order:
///   1. NotRefractory: Duration: the counter is 0; Condition: !value[refractoryCondition]
///      (computed from the registers); None: always true.
///   2. next[k] = value[nextState[k]] (the Euler update; it already holds the not-refractory select
///      for states marked "unless refractory").
///   3. spike = value[threshold] && NotRefractory (no threshold: never).
///   4. state'[k] = spike ? value[resetState[k]] : next[k].
///   5. Duration refractoriness: on a spike the counter loads refractoryCycles - 1 (at least 0),
///      else it counts down to 0.
///   6. The LFSR advances once (Lfsr16::next), after every rounding site has used this step's word.
/// The threshold and reset values are computed from the updated states, as Brian2 does.
/// Under Overflow::Trap the first instruction that overflows stops the step: nothing is updated
/// and the simulation (or the RTL's sticky `trap` output) reports it.
struct FixedModelProgram {
    std::string name; // the model's name, as written
    FixedContract contract;
    double dt = 1e-4; // SI seconds
    std::vector<FixedState> states;
    std::string input;     // the drive parameter ("I"); empty: the model has none
    std::string inputUnit; // "nA"
    double inputScale = 1; // SI per unit
    std::vector<FixedInstr> code;
    std::vector<FixedLut> luts;
    std::vector<std::uint32_t> nextState; // [state]
    bool hasThreshold = false;
    std::uint32_t threshold = 0;           // a flag
    std::vector<std::uint32_t> resetState; // [state]; equal to nextState[k] when reset leaves k alone
    enum class Refractory { None, Duration, Condition };
    Refractory refractory = Refractory::None;
    std::int64_t refractoryCycles = 0;     // Duration
    std::uint32_t refractoryCondition = 0; // Condition: a flag, true while refractory
    int roundingSites = 0;
    /// The source model, for manifests and RTL comments.
    std::string equations, thresholdText, resetText, refractoryText;
    std::vector<std::pair<std::string, double>> parameters; // name, value in fixed units
};

/// The LFSR word rounding site `site` uses under stochastic rounding: `lfsr` rotated left by
/// (5 * site) mod 16 bits, so sites in one step do not all draw the same bits.
std::uint16_t randomWord(std::uint16_t lfsr, int site);

/// The value of FixedLut `lut` at raw `x`, exactly as the RTL computes it.
std::int64_t lookup(const FixedLut& lut, std::int64_t x);

/// Bits needed for a table index (at least 1).
int indexBits(const FixedLut& lut);

} // namespace scs::fixed
