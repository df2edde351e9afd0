// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — fixed-point arithmetic as the contract defines it.
#include "FixedContract.h"

#include <cmath>
#include <sstream>

namespace scs::fixed {

namespace {

/// Rounds q + rem/den (0 <= rem < den) to an integer. `negative`: the exact value is below zero
/// (for ties away from zero).
Wide roundFraction(Wide q, Wide rem, Wide den, Rounding rounding, std::uint16_t random) {
    if (rem == 0) return q;
    switch (rounding) {
    case Rounding::Truncate:
        return q;
    case Rounding::Nearest: {
        const Wide twice = 2 * rem;
        if (twice != den) return twice > den ? q + 1 : q;
        return q >= 0 ? q + 1 : q; // a tie: away from zero (q + 0.5 with q < 0 is negative)
    }
    case Rounding::Bankers: {
        const Wide twice = 2 * rem;
        if (twice != den) return twice > den ? q + 1 : q;
        return q % 2 == 0 ? q : q + 1;
    }
    case Rounding::Stochastic:
        return (rem << 16) + Wide{random} * den >= (den << 16) ? q + 1 : q;
    }
    return q;
}

std::string show(Wide raw, const QFormat& q) {
    std::ostringstream out;
    out << static_cast<double>(raw) * q.resolution();
    return out.str();
}

} // namespace

Overflow parseOverflow(const std::string& text) {
    if (text == "saturate") return Overflow::Saturate;
    if (text == "wrap") return Overflow::Wrap;
    if (text == "trap") return Overflow::Trap;
    throw std::invalid_argument("unknown overflow mode '" + text + "' (saturate, wrap or trap)");
}

Rounding parseRounding(const std::string& text) {
    if (text == "truncate") return Rounding::Truncate;
    if (text == "nearest") return Rounding::Nearest;
    if (text == "bankers") return Rounding::Bankers;
    if (text == "stochastic") return Rounding::Stochastic;
    throw std::invalid_argument("unknown rounding mode '" + text + "' (truncate, nearest, bankers or stochastic)");
}

const char* name(Overflow overflow) {
    switch (overflow) {
    case Overflow::Saturate:
        return "saturate";
    case Overflow::Wrap:
        return "wrap";
    case Overflow::Trap:
        return "trap";
    }
    return "?";
}

const char* name(Rounding rounding) {
    switch (rounding) {
    case Rounding::Truncate:
        return "truncate";
    case Rounding::Nearest:
        return "nearest";
    case Rounding::Bankers:
        return "bankers";
    case Rounding::Stochastic:
        return "stochastic";
    }
    return "?";
}

Wide roundShift(Wide wide, int bits, Rounding rounding, std::uint16_t random) {
    if (bits <= 0) return wide;
    const Wide den = Wide{1} << bits;
    const Wide q = wide >> bits; // arithmetic: the floor (C++20)
    const Wide rem = wide - q * den;
    if (rounding != Rounding::Stochastic) return roundFraction(q, rem, den, rounding, random);
    // The RTL adds the random word's top bits below the LSB, then shifts: the same floor.
    const Wide noise = bits <= 16 ? Wide{random} >> (16 - bits) : Wide{random} << (bits - 16);
    return (wide + noise) >> bits;
}

std::int64_t FixedContract::fit(Wide raw, const char* what) const {
    if (raw >= format.rawMin() && raw <= format.rawMax()) return static_cast<std::int64_t>(raw);
    switch (overflow) {
    case Overflow::Saturate:
        return raw < format.rawMin() ? format.rawMin() : format.rawMax();
    case Overflow::Wrap: {
        const Wide modulus = Wide{1} << format.width;
        Wide low = raw & (modulus - 1);
        if (format.isSigned && low >= modulus / 2) low -= modulus;
        return static_cast<std::int64_t>(low);
    }
    case Overflow::Trap:
        throw FixedOverflow(std::string(what) + " gave " + show(raw, format) + ", outside " + format.label() + " (" +
                            show(format.rawMin(), format) + " .. " + show(format.rawMax(), format) + ")");
    }
    return 0;
}

std::int64_t FixedContract::quantize(double value, std::uint16_t random, const char* what) const {
    if (std::isnan(value)) throw std::invalid_argument(std::string(what) + " is not a number (NaN)");
    const double scaled = std::ldexp(value, format.fraction);
    // Beyond 2^100 nothing fits anyway; keep the sign and let the overflow mode decide.
    if (!(std::abs(scaled) < 0x1p100)) return fit(scaled > 0 ? Wide{1} << 100 : -(Wide{1} << 100), what);
    const double whole = std::floor(scaled);
    const double frac = scaled - whole; // exact: |scaled| < 2^100 and doubles subtract exactly here
    const Wide q = static_cast<Wide>(whole);
    // The fraction as a 2^-52 fixed number, so ties are exact.
    const Wide den = Wide{1} << 52;
    const Wide rem = static_cast<Wide>(std::ldexp(frac, 52));
    return fit(roundFraction(q, rem, den, rounding, random), what);
}

double FixedContract::toDouble(std::int64_t raw) const { return static_cast<double>(raw) * format.resolution(); }

std::int64_t FixedContract::mul(std::int64_t a, std::int64_t b, std::uint16_t random) const {
    return fit(roundShift(Wide{a} * b, format.fraction, rounding, random), "a multiplication");
}

std::int64_t FixedContract::div(std::int64_t a, std::int64_t b, std::uint16_t random) const {
    if (b == 0) {
        if (overflow == Overflow::Trap) throw FixedOverflow("a division by zero");
        return a >= 0 ? format.rawMax() : format.rawMin();
    }
    Wide num = Wide{a} << format.fraction;
    Wide den = b;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    Wide q = num / den;
    if (num % den != 0 && num < 0) q -= 1; // floor
    return fit(roundFraction(q, num - q * den, den, rounding, random), "a division");
}

std::string FixedContract::label() const { return format.label() + ", " + name(overflow) + ", " + name(rounding); }

} // namespace scs::fixed
