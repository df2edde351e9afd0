// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point contract: formats, rounding, overflow, LFSR, exact products.
#include "fixed/FixedContract.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

using namespace scs::fixed;

namespace {

FixedContract contract(const char* format, Overflow o = Overflow::Saturate, Rounding r = Rounding::Truncate) {
    return FixedContract{QFormat::parse(format), o, r};
}

/// wide / 2^bits as a double: exact for |wide| < 2^53, and computed without roundShift.
double exactQuotient(Wide wide, int bits) { return static_cast<double>(wide) / std::ldexp(1.0, bits); }

} // namespace

TEST(QFormatTest, TheSpecificationsTableOfFormats) {
    const QFormat q88 = QFormat::parse("Q8.8");
    EXPECT_EQ(q88.width, 16);
    EXPECT_EQ(q88.fraction, 8);
    EXPECT_EQ(q88.integerBits(), 7) << "the sign is not an integer bit";
    EXPECT_EQ(q88.minValue(), -128.0);
    EXPECT_NEAR(q88.maxValue(), 127.996, 1e-3);
    EXPECT_EQ(q88.resolution(), 1.0 / 256);
    const QFormat q412 = QFormat::parse("Q4.12");
    EXPECT_EQ(q412.minValue(), -8.0);
    EXPECT_NEAR(q412.maxValue(), 7.9998, 1e-4);
    const QFormat q1616 = QFormat::parse("Q16.16");
    EXPECT_EQ(q1616.width, 32);
    EXPECT_EQ(q1616.minValue(), -32768.0);
    const QFormat u88 = QFormat::parse("UQ8.8");
    EXPECT_FALSE(u88.isSigned);
    EXPECT_EQ(u88.minValue(), 0.0);
    EXPECT_NEAR(u88.maxValue(), 255.996, 1e-3);
    for (const char* label : {"Q8.8", "Q4.12", "Q16.16", "UQ8.8", "Q1.15", "UQ0.32", "Q32.0"})
        EXPECT_EQ(QFormat::parse(label).label(), label);
}

TEST(QFormatTest, BadFormatsAreRefusedWithTheRule) {
    const auto message = [](const char* text) {
        try {
            QFormat::parse(text);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(message("Q20.20").find("1 to 32"), std::string::npos);
    EXPECT_NE(message("Q0.16").find("sign"), std::string::npos);
    EXPECT_NE(message("8.8").find("not a Q format"), std::string::npos);
    EXPECT_NE(message("Q8").find("not a Q format"), std::string::npos);
    EXPECT_THROW(parseOverflow("clamp"), std::invalid_argument);
    EXPECT_THROW(parseRounding("up"), std::invalid_argument);
    for (Overflow o : {Overflow::Saturate, Overflow::Wrap, Overflow::Trap}) EXPECT_EQ(parseOverflow(name(o)), o);
    for (Rounding r : {Rounding::Truncate, Rounding::Nearest, Rounding::Bankers, Rounding::Stochastic})
        EXPECT_EQ(parseRounding(name(r)), r);
}

TEST(FixedContractTest, TiesRoundAsEachModeSays) {
    const double lsb = 1.0 / 256;
    struct Case {
        double value;
        std::int64_t truncate, nearest, bankers;
    };
    // value in LSBs: floor / ties away from zero / ties to even.
    for (const Case& c : {Case{0.5, 0, 1, 0}, Case{1.5, 1, 2, 2}, Case{2.5, 2, 3, 2}, Case{-0.5, -1, -1, 0},
                          Case{-1.5, -2, -2, -2}, Case{0.25, 0, 0, 0}, Case{0.75, 0, 1, 1}, Case{-0.25, -1, 0, 0}}) {
        EXPECT_EQ(contract("Q8.8", Overflow::Saturate, Rounding::Truncate).quantize(c.value * lsb), c.truncate)
            << c.value;
        EXPECT_EQ(contract("Q8.8", Overflow::Saturate, Rounding::Nearest).quantize(c.value * lsb), c.nearest)
            << c.value;
        EXPECT_EQ(contract("Q8.8", Overflow::Saturate, Rounding::Bankers).quantize(c.value * lsb), c.bankers)
            << c.value;
    }
}

TEST(FixedContractTest, OverflowSaturatesWrapsOrTraps) {
    const FixedContract sat = contract("Q8.8", Overflow::Saturate);
    const FixedContract wrap = contract("Q8.8", Overflow::Wrap);
    const FixedContract trap = contract("Q8.8", Overflow::Trap);
    const std::int64_t max = sat.format.rawMax(), one = 256;
    EXPECT_EQ(sat.add(max, one), max);
    EXPECT_EQ(sat.sub(sat.format.rawMin(), one), sat.format.rawMin());
    EXPECT_EQ(wrap.add(max, 1), wrap.format.rawMin()) << "two's complement: +max + 1 = min";
    EXPECT_EQ(wrap.toDouble(wrap.add(wrap.quantize(100.0), wrap.quantize(100.0))), 200.0 - 256.0);
    EXPECT_EQ(sat.quantize(1e9), max);
    EXPECT_EQ(sat.quantize(-1e300), sat.format.rawMin());
    try {
        trap.mul(trap.quantize(100.0), trap.quantize(2.0));
        FAIL() << "no trap";
    } catch (const FixedOverflow& e) {
        EXPECT_NE(std::string(e.what()).find("a multiplication gave 200"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("Q8.8"), std::string::npos) << e.what();
    }
    const FixedContract unsignedWrap = contract("UQ8.8", Overflow::Wrap);
    EXPECT_EQ(unsignedWrap.sub(0, 1), unsignedWrap.format.rawMax()) << "0 - 1 LSB wraps to the top";
    EXPECT_THROW(sat.quantize(std::nan("")), std::invalid_argument);
}

TEST(FixedContractTest, DivisionByZeroSaturatesInTheSignOfTheDividendOrTraps) {
    const FixedContract sat = contract("Q8.8");
    EXPECT_EQ(sat.div(5, 0), sat.format.rawMax());
    EXPECT_EQ(sat.div(-5, 0), sat.format.rawMin());
    EXPECT_THROW(contract("Q8.8", Overflow::Trap).div(1, 0), FixedOverflow);
    EXPECT_EQ(sat.toDouble(sat.div(sat.quantize(3.0), sat.quantize(-2.0))), -1.5);
}

TEST(FixedContractTest, ProductsAndQuotientsAreTheExactResultRoundedOnce) {
    // Every mode, random operands over whole formats: the result is the exact rational value
    // rounded by the mode (checked against floor/ceil bounds computed in doubles, which are
    // exact here: |a*b| < 2^53 for these formats).
    std::mt19937_64 rng(20261123);
    for (const char* format : {"Q8.8", "Q4.12", "UQ8.8", "Q1.15", "Q12.4"}) {
        for (Rounding r : {Rounding::Truncate, Rounding::Nearest, Rounding::Bankers, Rounding::Stochastic}) {
            const FixedContract c = contract(format, Overflow::Wrap, r);
            std::uniform_int_distribution<std::int64_t> code(c.format.rawMin(), c.format.rawMax());
            for (int i = 0; i < 4000; ++i) {
                const std::int64_t a = code(rng), b = code(rng);
                const auto random = static_cast<std::uint16_t>(rng());
                const double exact = exactQuotient(Wide{a} * b, c.format.fraction);
                const Wide rounded = roundShift(Wide{a} * b, c.format.fraction, r, random);
                ASSERT_GE(static_cast<double>(rounded), std::floor(exact)) << format << " " << name(r);
                ASSERT_LE(static_cast<double>(rounded), std::ceil(exact)) << format << " " << name(r);
                if (r == Rounding::Truncate) {
                    ASSERT_EQ(static_cast<double>(rounded), std::floor(exact));
                }
                if (r == Rounding::Nearest || r == Rounding::Bankers) {
                    ASSERT_LE(std::abs(static_cast<double>(rounded) - exact), 0.5);
                }
                ASSERT_EQ(c.mul(a, b, random), c.fit(rounded, "x")) << "mul = round once, then fit";
                if (b != 0) {
                    const double q = std::ldexp(static_cast<double>(a), c.format.fraction) / static_cast<double>(b);
                    const double got = static_cast<double>(contract(format, Overflow::Saturate, r).div(a, b, random));
                    if (std::abs(q) < static_cast<double>(c.format.rawMax()) - 1) {
                        ASSERT_GE(got, std::floor(q) - 1e-9);
                        ASSERT_LE(got, std::ceil(q) + 1e-9);
                    }
                }
            }
        }
    }
}

TEST(FixedContractTest, Lfsr16HasFullPeriodAndFollowsItsFeedbackEquation) {
    Lfsr16 lfsr;
    EXPECT_EQ(lfsr.state(), 0xACE1);
    std::set<std::uint16_t> seen;
    std::uint16_t previous = lfsr.state();
    for (int i = 0; i < 65535; ++i) {
        const std::uint16_t s = lfsr.next();
        const unsigned feedback = ((previous >> 15) ^ (previous >> 13) ^ (previous >> 12) ^ (previous >> 10)) & 1u;
        ASSERT_EQ(s, static_cast<std::uint16_t>((previous << 1) | feedback));
        ASSERT_NE(s, 0);
        seen.insert(s);
        previous = s;
    }
    EXPECT_EQ(seen.size(), 65535u) << "maximal length: every non-zero state once";
    EXPECT_EQ(lfsr.state(), 0xACE1) << "and back to the seed";
    EXPECT_EQ(Lfsr16(0).state(), Lfsr16::defaultSeed) << "a zero seed would lock up";
}

TEST(FixedContractTest, StochasticRoundingIsUnbiasedOverAnLfsrPeriod) {
    // A quarter and three quarters of an LSB, rounded 65,535 times with successive LFSR words:
    // the mean of the results is the value itself to within one part in 65,535.
    for (const double fraction : {0.25, 0.75, 0.1}) {
        Lfsr16 lfsr;
        const Wide wide = static_cast<Wide>(std::llround(fraction * 65536)); // in 2^-16 LSB units
        double total = 0;
        for (int i = 0; i < 65535; ++i)
            total += static_cast<double>(roundShift(wide, 16, Rounding::Stochastic, lfsr.next()));
        EXPECT_NEAR(total / 65535, fraction, 2e-4) << fraction;
        EXPECT_EQ(static_cast<double>(roundShift(wide, 16, Rounding::Truncate, 0)), 0.0) << "truncation is biased";
    }
}
