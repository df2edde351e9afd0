// SPDX-License-Identifier: MIT
// The inspector's one-line forms of per-neuron values, spike lists and index lists.
#include "network/ItemText.h"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(ItemText, EveryValueKindReadsBackAsItWasWritten) {
    const ValueSpec values[] = {ValueSpec::constant("-65*mV"),
                                {ValueSpec::Kind::Uniform, "-60*mV", "-50*mV"},
                                {ValueSpec::Kind::Normal, "clip(1*mV, 0*mV, 2*mV)", "0.1*mV"},
                                {ValueSpec::Kind::Expression, "Vr + rand()*(Vt - Vr)", ""}};
    for (const ValueSpec& v : values) EXPECT_EQ(parseValueSpecText(valueSpecText(v)), v) << valueSpecText(v);
    EXPECT_EQ(valueSpecText(values[1]), "uniform(-60*mV, -50*mV)");
    EXPECT_EQ(parseValueSpecText("  normal( -65*mV , 2*mV ) "), (ValueSpec{ValueSpec::Kind::Normal, "-65*mV", "2*mV"}));
    EXPECT_EQ(parseValueSpecText("uniformity"), ValueSpec::constant("uniformity")) << "only the call form is a draw";
}

TEST(ItemText, MalformedDrawsSayWhatTheyNeed) {
    EXPECT_THROW(parseValueSpecText("uniform(1*mV)"), ItemTextError);
    EXPECT_THROW(parseValueSpecText("normal(1*mV, 2*mV, 3*mV)"), ItemTextError);
    EXPECT_THROW(parseValueSpecText("expression( )"), ItemTextError);
    try {
        parseValueSpecText("uniform(, 2*mV)");
        FAIL();
    } catch (const ItemTextError& e) {
        EXPECT_STREQ(e.what(), "uniform() takes two values, e.g. uniform(-60*mV, -50*mV)");
    }
}

TEST(ItemText, SpikeListsPairSourcesWithTimes) {
    const auto spikes = parseSpikeList("0@10*ms, 3 @ 12.5*ms, 40*ms");
    const std::vector<std::pair<int, std::string>> expected{{0, "10*ms"}, {3, "12.5*ms"}, {0, "40*ms"}};
    EXPECT_EQ(spikes, expected);
    EXPECT_EQ(spikeListText(spikes), "0@10*ms, 3@12.5*ms, 0@40*ms");
    EXPECT_TRUE(parseSpikeList("").empty());
    EXPECT_THROW(parseSpikeList("x@10*ms"), ItemTextError);
    EXPECT_THROW(parseSpikeList("-1@10*ms"), ItemTextError);
    EXPECT_THROW(parseSpikeList("1@"), ItemTextError);
    EXPECT_THROW(parseSpikeList("10*ms,,20*ms"), ItemTextError);
}

TEST(ItemText, NameAndIndexLists) {
    EXPECT_EQ(parseNameList(" v, w "), (std::vector<std::string>{"v", "w"}));
    EXPECT_EQ(nameListText({"v", "w"}), "v, w");
    EXPECT_EQ(parseIndexList("0, 5,10"), (std::vector<int>{0, 5, 10}));
    EXPECT_EQ(indexListText({0, 5}), "0, 5");
    EXPECT_TRUE(parseIndexList("").empty());
    EXPECT_THROW(parseIndexList("1, two"), ItemTextError);
    EXPECT_THROW(parseNameList("v,,w"), ItemTextError);
}

} // namespace
} // namespace scs
