// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point contract: what every arithmetic step does to the bits, so
// the C++ fixed-point simulation and the emitted RTL agree bit for bit.
#pragma once

#include "QFormat.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace scs::fixed {

/// Exact intermediate results: a 32 x 32-bit product or a 32-bit value shifted left by 32.
__extension__ using Wide = __int128;

/// What a result outside the format's range becomes.
enum class Overflow {
    Saturate, // clamped to the nearest end of the range (default)
    Wrap,     // two's complement wrap-around: the low `width` bits (Loihi 2 behaviour)
    Trap      // an error: the simulation stops (the RTL asserts with $fatal)
};

/// How bits below the LSB are dropped.
enum class Rounding {
    Truncate,  // floor, towards -infinity (default, an arithmetic shift)
    Nearest,   // to nearest, ties away from zero
    Bankers,   // to nearest, ties to even
    Stochastic // floor after adding LFSR-16 random bits below the LSB: unbiased on average
};

Overflow parseOverflow(const std::string& text); // "saturate", "wrap", "trap"; throws std::invalid_argument
Rounding parseRounding(const std::string& text); // "truncate", "nearest", "bankers", "stochastic"
const char* name(Overflow overflow);
const char* name(Rounding rounding);

/// A result that does not fit under Overflow::Trap. `what()` names the operation and the value.
class FixedOverflow : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The 16-bit Fibonacci LFSR of the specification (x^16 + x^14 + x^13 + x^11 + 1, taps 15, 13, 12,
/// 10, shifting left): the RTL's `lfsr <= {lfsr[14:0], lfsr[15]^lfsr[13]^lfsr[12]^lfsr[10]}`.
/// Period 65,535 from any non-zero seed; a zero seed is replaced by the default 0xACE1.
class Lfsr16 {
public:
    static constexpr std::uint16_t defaultSeed = 0xACE1;
    explicit Lfsr16(std::uint16_t seed = defaultSeed) : state_(seed ? seed : defaultSeed) {}
    /// Advances one clock and returns the new state.
    std::uint16_t next() {
        const unsigned bit = ((state_ >> 15) ^ (state_ >> 13) ^ (state_ >> 12) ^ (state_ >> 10)) & 1u;
        state_ = static_cast<std::uint16_t>((state_ << 1) | bit);
        return state_;
    }
    std::uint16_t state() const { return state_; }

private:
    std::uint16_t state_;
};

/// The format and modes of one design. Values are raw integers (value * 2^fraction) held in
/// int64; every operation computes exactly in a wider integer, rounds once, then applies the
/// overflow mode. `random` is the LFSR-16 word for Stochastic rounding (ignored by the others).
struct FixedContract {
    QFormat format;
    Overflow overflow = Overflow::Saturate;
    Rounding rounding = Rounding::Truncate;

    /// `value` (SI double) as a raw code. NaN is refused (std::invalid_argument).
    std::int64_t quantize(double value, std::uint16_t random = 0, const char* what = "a value") const;
    double toDouble(std::int64_t raw) const;

    std::int64_t add(std::int64_t a, std::int64_t b) const { return fit(Wide{a} + b, "an addition"); }
    std::int64_t sub(std::int64_t a, std::int64_t b) const { return fit(Wide{a} - b, "a subtraction"); }
    std::int64_t neg(std::int64_t a) const { return fit(-Wide{a}, "a negation"); }
    /// The exact product has 2n fraction bits: it is rounded back to n, then fitted.
    std::int64_t mul(std::int64_t a, std::int64_t b, std::uint16_t random = 0) const;
    /// (a << n) / b, rounded by the contract's mode. Division by zero saturates to the end of the
    /// range in the sign of `a` (the RTL's behaviour) or traps.
    std::int64_t div(std::int64_t a, std::int64_t b, std::uint16_t random = 0) const;
    /// Applies the overflow mode to an exact result. `what` names the operation for a trap.
    std::int64_t fit(Wide raw, const char* what) const;
    /// Whether `raw` is inside the format's range.
    bool fits(std::int64_t raw) const { return raw >= format.rawMin() && raw <= format.rawMax(); }
    /// "Q8.8, saturate, truncate".
    std::string label() const;
};

/// Divides `wide` by 2^bits with `rounding` (0 <= bits <= 64; bits == 0 returns `wide`). The
/// building block of mul, exposed for the compiler and tests. Stochastic rounding adds the top
/// `bits` bits of `random` (shifted up when bits > 16) before the floor.
Wide roundShift(Wide wide, int bits, Rounding rounding, std::uint16_t random);

} // namespace scs::fixed
