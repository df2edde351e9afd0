// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — straight-line register programs that evaluate compiled expressions.
//
// Expressions are compiled once into a flat list of three-address instructions over an array of
// double "slots" (constants, parameters, states, specials, temporaries). Running a program is a
// tight loop with no allocation and no tree walking: this is what makes slider-speed simulation
// and batch sweeps fast without a C++ compile step.
#pragma once

#include "util/Random.h"

#include <cstdint>
#include <vector>

namespace scs {

// clang-format off
enum class OpCode : std::uint8_t {
    Copy, Add, Sub, Mul, Div, Pow, Mod, Neg,
    Lt, Le, Gt, Ge, Eq, Ne, And, Or, Not,
    Exp, Log, Log10, Sqrt, Abs, Sin, Cos, Tan, Sinh, Cosh, Tanh, Exprel,
    Clip, Floor, Ceil, Sign, Int, Rand, Randn,
    Square, Cube, Reciprocal,
    // Reset statements: dst is a state slot, a the value.
    AddTo, SubFrom, MulBy, DivBy
};
// clang-format on

struct Instruction {
    OpCode op;
    std::uint16_t dst;
    std::uint16_t a;
    std::uint16_t b;
    std::uint16_t c;
};

struct Program {
    std::vector<Instruction> code;
    bool usesRandom = false;
    bool empty() const { return code.empty(); }
};

/// Runs `p` on one set of slots. `rng` may be null when !p.usesRandom.
void runScalar(const Program& p, double* slots, Random* rng);

/// Runs `p` on `lanes` sets of slots laid out slot-major: slot k of lane l is at
/// slots[k * lanes + l]. `rngs` has one generator per lane (may be null when !p.usesRandom).
void runLanes(const Program& p, double* slots, int lanes, Random* rngs);

/// Runs `p` on some lanes only (slot-major layout as runLanes): each lane in `which` is gathered
/// into `scratch`, run as a scalar, and its `writeBack` slots scattered back. For resets, which
/// touch the few lanes that spiked.
void runOnLanes(const Program& p, double* slots, int lanes, const std::vector<int>& which,
                const std::vector<std::uint16_t>& writeBack, std::vector<double>& scratch, Random* rngs);

/// How many of a, b and c `op` reads (AddTo and the other reset ops also read dst).
int operandCount(OpCode op);

/// Evaluates one operation on plain values (used for constant folding; same arithmetic as the VM).
double applyOp(OpCode op, double a, double b, double c);

} // namespace scs
