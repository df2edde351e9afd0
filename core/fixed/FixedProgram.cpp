// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point program's shared helpers.
#include "FixedProgram.h"

#include <algorithm>

namespace scs::fixed {

bool isFlag(FixedOp op) {
    switch (op) {
    case FixedOp::NotRefractory:
    case FixedOp::Lt:
    case FixedOp::Le:
    case FixedOp::Gt:
    case FixedOp::Ge:
    case FixedOp::Eq:
    case FixedOp::Ne:
    case FixedOp::And:
    case FixedOp::Or:
    case FixedOp::Not:
        return true;
    default:
        return false;
    }
}

bool rounds(FixedOp op) { return op == FixedOp::Mul || op == FixedOp::MulConst || op == FixedOp::Div; }

const char* name(FixedOp op) {
    static const char* const names[] = {
        "const", "state", "input", "not_refractory", "add", "sub", "neg", "mul", "mulconst", "div", "abs",
        "min",   "max",   "floor", "ceil",           "lut", "lt",  "le",  "gt",  "ge",       "eq",  "ne",
        "and",   "or",    "not",   "select"};
    return names[static_cast<int>(op)];
}

std::uint16_t randomWord(std::uint16_t lfsr, int site) {
    const unsigned r = static_cast<unsigned>(5 * site) % 16u;
    if (r == 0) return lfsr;
    return static_cast<std::uint16_t>((lfsr << r) | (lfsr >> (16u - r)));
}

std::int64_t lookup(const FixedLut& lut, std::int64_t x) {
    const std::int64_t clamped = std::clamp(x, lut.low, lut.high());
    const std::int64_t offset = clamped - lut.low;
    const auto i = static_cast<std::size_t>(offset >> lut.shift);
    const std::int64_t fraction = offset & ((std::int64_t{1} << lut.shift) - 1);
    const Wide step = Wide{lut.table[i + 1] - lut.table[i]} * fraction;
    return lut.table[i] + static_cast<std::int64_t>(step >> lut.shift);
}

int indexBits(const FixedLut& lut) {
    int bits = 1;
    while ((std::int64_t{1} << bits) < static_cast<std::int64_t>(lut.table.size())) ++bits;
    return bits;
}

} // namespace scs::fixed
