// SPDX-License-Identifier: MIT
#include "units/Quantity.h"
#include "units/UnitRegistry.h"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(Units, PrefixedNamesInBothBrian2Spellings) {
    const auto& r = UnitRegistry::instance();
    for (const auto& [name, scale] : std::vector<std::pair<std::string, double>>{
             {"mV", 1e-3}, {"mvolt", 1e-3}, {"nA", 1e-9}, {"namp", 1e-9}, {"pF", 1e-12}, {"nS", 1e-9},
             {"Mohm", 1e6}, {"ms", 1e-3}, {"Hz", 1.0}, {"uF", 1e-6}, {"msiemens", 1e-3}, {"kHz", 1e3}}) {
        auto u = r.find(name);
        ASSERT_TRUE(u) << name;
        EXPECT_DOUBLE_EQ(u->scale, scale) << name;
    }
    EXPECT_FALSE(r.find("mVolt"));
    EXPECT_EQ(r.find("mV")->dimension, r.find("volt")->dimension);
    EXPECT_EQ(r.find("Mohm")->dimension * r.find("nA")->dimension, r.find("mV")->dimension);
}

TEST(Units, DimensionNames) {
    EXPECT_EQ(parseQuantity("1*mV", "x").dimension.toString(), "volt");
    EXPECT_EQ(parseQuantity("1*nS*mV", "x").dimension.toString(), "amp");
    EXPECT_EQ(parseQuantity("1/ms", "x").dimension.toString(), "hertz");
    EXPECT_EQ(parseQuantity("0.5", "x").dimension.toString(), "1");
    EXPECT_EQ(parseQuantity("1*mV/ms", "x").dimension.toString(), "metre^2 kilogram second^-4 amp^-1");
}

TEST(Units, QuantityArithmetic) {
    EXPECT_DOUBLE_EQ(parseQuantity("-65*mV", "x").value, -0.065);
    EXPECT_DOUBLE_EQ(parseQuantity("10*Mohm", "x").value, 1e7);
    EXPECT_DOUBLE_EQ(parseQuantity("2*(mV**2)", "x").value, 2e-6);
    EXPECT_DOUBLE_EQ(parseQuantity("sqrt(4*mV**2)", "x").value, 2e-3);
    EXPECT_THROW(parseQuantity("1*mV + 1*ms", "x"), ModelError);
    EXPECT_THROW(parseQuantity("mV**0.5", "x"), ModelError);
    EXPECT_THROW(parseQuantity("3*furlong", "x"), ModelError);
}

TEST(Units, DisplayUnitFollowsWhatWasWritten) {
    const Dimension volt = parseQuantity("1*volt", "x").dimension;
    EXPECT_EQ(displayUnitFor("-65*mV", volt).name, "mV");
    EXPECT_EQ(displayUnitFor("-0.065*volt", volt).name, "volt");
    EXPECT_EQ(displayUnitFor("0", volt).name, "mV"); // falls back to a readable unit
    EXPECT_DOUBLE_EQ(displayUnitFor("2*nA", parseQuantity("1*amp", "x").dimension).scale, 1e-9);
}

} // namespace
} // namespace scs
