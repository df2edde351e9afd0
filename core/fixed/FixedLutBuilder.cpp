// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — lookup-table construction.
#include "FixedLutBuilder.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

namespace scs::fixed {

namespace {

double exprel(double x) { return std::abs(x) < 1e-9 ? 1.0 + x / 2 : std::expm1(x) / x; }

/// The interval worth tabulating, in value units, before it is cut to the format's range. Outside
/// it the function is undefined (log of a non-positive number) or within half an LSB of where
/// clamping leaves it anyway.
std::pair<double, double> interestingDomain(const std::string& f, const QFormat& q) {
    const double res = q.resolution(), lo = q.minValue(), hi = q.maxValue();
    const double top = std::max(hi, res);
    if (f == "exp") return {std::log(res / 2), std::log(top) + res};
    if (f == "log" || f == "log10") return {res, hi};
    if (f == "sqrt") return {0.0, hi};
    if (f == "tanh") {
        const double edge = std::atanh(std::max(0.0, 1.0 - res / 2));
        return {-edge, edge};
    }
    if (f == "sigmoid") {
        const double edge = std::log(2.0 / res);
        return {-edge, edge};
    }
    if (f == "sinh") return {-std::asinh(top), std::asinh(top)};
    if (f == "cosh") return {-std::acosh(std::max(top, 1.0)), std::acosh(std::max(top, 1.0))};
    if (f == "exprel") {
        // exprel grows like e^x / x: find where it leaves the range by bisection.
        double a = 0, b = 200;
        for (int i = 0; i < 100; ++i) {
            const double mid = (a + b) / 2;
            (exprel(mid) > top ? b : a) = mid;
        }
        // Below -64 exprel is under 1/64 and creeps towards 0: not worth the table's resolution.
        return {std::max(lo, -64.0), b};
    }
    if (f == "sin2pi" || f == "cos2pi") return {0.0, 1.0};
    return {lo, hi};
}

std::int64_t nearestSaturated(double value, const QFormat& q) {
    const double scaled = std::round(std::ldexp(value, q.fraction));
    if (!(scaled >= static_cast<double>(q.rawMin()))) return q.rawMin();
    if (!(scaled <= static_cast<double>(q.rawMax()))) return q.rawMax();
    return static_cast<std::int64_t>(scaled);
}

} // namespace

bool isTabulated(const std::string& f) {
    static const char* const names[] = {"exp",  "log",    "log10",   "sqrt",   "tanh",  "sinh",
                                        "cosh", "exprel", "sigmoid", "sin2pi", "cos2pi"};
    return std::find(std::begin(names), std::end(names), f) != std::end(names);
}

double evaluateFunction(const std::string& f, double x) {
    if (f == "exp") return std::exp(x);
    if (f == "log") return std::log(x);
    if (f == "log10") return std::log10(x);
    if (f == "sqrt") return std::sqrt(x);
    if (f == "tanh") return std::tanh(x);
    if (f == "sinh") return std::sinh(x);
    if (f == "cosh") return std::cosh(x);
    if (f == "exprel") return exprel(x);
    if (f == "sigmoid") return 1.0 / (1.0 + std::exp(-x));
    if (f == "sin2pi") return std::sin(2 * std::numbers::pi * x);
    if (f == "cos2pi") return std::cos(2 * std::numbers::pi * x);
    return std::nan("");
}

FixedLut buildLut(const std::string& function, const QFormat& q, int maxSegments) {
    auto [from, to] = interestingDomain(function, q);
    const double res = q.resolution();
    std::int64_t low = std::clamp(static_cast<std::int64_t>(std::floor(from / res)), q.rawMin(), q.rawMax());
    std::int64_t high = std::clamp(static_cast<std::int64_t>(std::ceil(to / res)), q.rawMin(), q.rawMax());
    if (high <= low) high = std::min(low + 1, q.rawMax());
    if (high <= low) low = high - 1; // a one-code format: still one segment

    FixedLut lut;
    lut.function = function;
    lut.low = low;
    const std::int64_t span = high - low;
    while ((span + (std::int64_t{1} << lut.shift) - 1) >> lut.shift > maxSegments) ++lut.shift;
    lut.segments = static_cast<int>((span + (std::int64_t{1} << lut.shift) - 1) >> lut.shift);
    for (int i = 0; i <= lut.segments; ++i) {
        const double x = static_cast<double>(low + (std::int64_t{i} << lut.shift)) * res;
        lut.table.push_back(nearestSaturated(evaluateFunction(function, x), q));
    }
    lut.table.push_back(lut.table.back());

    // The error against the function clamped as the table is (both saturate at the format's ends).
    const std::int64_t stride = std::max<std::int64_t>(1, span / 4096);
    for (std::int64_t x = low; x <= high; x += stride) {
        const double exact =
            std::clamp(evaluateFunction(function, static_cast<double>(x) * res), q.minValue(), q.maxValue());
        lut.maxError = std::max(lut.maxError, std::abs(static_cast<double>(lookup(lut, x)) * res - exact));
    }
    return lut;
}

} // namespace scs::fixed
