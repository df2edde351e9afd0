// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — exp, expm1 and exprel written so that loops over them vectorise.
//
// libm's exp/expm1 are scalar calls; in a batch (many neurons at once) they dominate. These are
// branch-free (Cody-Waite reduction, degree-13 polynomial, exponent built from bits) and accurate to
// about 1 ulp, so batch results match single runs to rounding. Below x = -708 the result is 0
// (the true value is under 3e-308, a subnormal that no neuron model can tell from zero).
#pragma once

#include <bit>
#include <cstdint>
#include <limits>

namespace scs::vmath {

namespace detail {
// exp(r) - 1 for |r| <= ~0.35, Taylor to degree 13 (truncation under 1e-17 relative), evaluated by
// Estrin's scheme: independent pairs combined by r^2, r^4, r^8, so the dependency chain is about a
// third of Horner's. A single neuron's step waits on this chain, so its latency is the step's.
inline double expm1Small(double r) {
    constexpr double c[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                            1.0 / 362880.0,     1.0 / 40320.0,     1.0 / 5040.0,     1.0 / 720.0,
                            1.0 / 120.0,        1.0 / 24.0,        1.0 / 6.0,        1.0 / 2.0};
    const double r2 = r * r;
    const double r4 = r2 * r2;
    const double r8 = r4 * r4;
    const double low = (c[11] + c[10] * r) + (c[9] + c[8] * r) * r2; // r^0 .. r^3
    const double mid = (c[7] + c[6] * r) + (c[5] + c[4] * r) * r2;   // r^4 .. r^7
    const double high = (c[3] + c[2] * r) + (c[1] + c[0] * r) * r2;  // r^8 .. r^11
    const double p = (low + mid * r4) + high * r8;
    return r + r2 * p;
}
} // namespace detail

inline double exp(double x) {
    constexpr double log2e = 1.4426950408889634074;
    constexpr double ln2hi = 6.93147180369123816490e-01;
    constexpr double ln2lo = 1.90821492927058770002e-10;
    constexpr double shifter = 0x1.8p52; // x + shifter rounds x to an integer kept in the low bits
    const double xc = x < -708.0 ? -708.0 : (x > 709.0 ? 709.0 : x);
    const double kd = xc * log2e + shifter;
    const double n = kd - shifter;
    const double r = (xc - n * ln2hi) - n * ln2lo;
    const std::int64_t k = std::bit_cast<std::int64_t>(kd) - std::bit_cast<std::int64_t>(shifter);
    const double scale = std::bit_cast<double>((k + 1023) << 52);
    double y = (1.0 + detail::expm1Small(r)) * scale;
    y = x > 709.782712893384 ? std::numeric_limits<double>::infinity() : y;
    y = x < -708.0 ? 0.0 : y;
    y = x != x ? x : y; // NaN in, NaN out
    return y;
}

inline double expm1(double x) {
    const double small = detail::expm1Small(x);
    const double large = exp(x) - 1.0;
    return (x > -0.34 && x < 0.34) ? small : large;
}

/// (exp(x) - 1) / x, 1 at x = 0 (Brian2's exprel).
inline double exprel(double x) {
    const double safe = x == 0.0 ? 1.0 : x;
    return x == 0.0 ? 1.0 : expm1(safe) / safe;
}

} // namespace scs::vmath
