// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — automatic layout: layers follow the spike flow, cycles do not loop.
#include "network/NetworkLayout.h"

#include <gtest/gtest.h>

using namespace scs;

namespace {

NetworkGraph chain() {
    NetworkGraph g;
    for (const char* id : {"a", "b", "c"}) {
        Population p;
        p.id = id;
        p.name = id;
        g.populations.push_back(p);
    }
    Stimulus s;
    s.id = "input";
    g.stimuli.push_back(s);
    auto connect = [&](const char* from, const char* to) {
        Projection p;
        p.id = std::string(from) + to;
        p.source = from;
        p.target = to;
        g.projections.push_back(p);
    };
    connect("input", "a");
    connect("a", "b");
    connect("b", "c");
    connect("c", "a"); // feedback: must not push a to the right forever
    connect("b", "b"); // recurrent
    Monitor m;
    m.id = "spikes";
    m.target = "c";
    g.monitors.push_back(m);
    return g;
}

} // namespace

TEST(NetworkLayoutTest, LayersFollowTheSpikeFlowAndFeedbackDoesNotLoop) {
    NetworkGraph g = chain();
    layoutNetwork(g, {100, 50});
    EXPECT_DOUBLE_EQ(g.stimuli[0].canvas.x, 0);
    EXPECT_DOUBLE_EQ(g.populations[0].canvas.x, 100); // a
    EXPECT_DOUBLE_EQ(g.populations[1].canvas.x, 200); // b
    EXPECT_DOUBLE_EQ(g.populations[2].canvas.x, 300); // c
    EXPECT_DOUBLE_EQ(g.monitors[0].canvas.x, 400);    // right of what it watches
    // One item per column here: centred on y = 0.
    EXPECT_DOUBLE_EQ(g.populations[1].canvas.y, 0);
}

TEST(NetworkLayoutTest, ItemsOfOneLayerAreStackedWithoutOverlapAndLayoutIsDeterministic) {
    NetworkGraph g;
    for (int k = 0; k < 3; ++k) {
        Population p;
        p.id = "p";
        p.id += std::to_string(k); // appended: GCC 12 warns falsely (-Wrestrict) on "p" + to_string
        g.populations.push_back(p);
    }
    layoutNetwork(g, {100, 50});
    EXPECT_DOUBLE_EQ(g.populations[0].canvas.x, 0) << "no empty column when there are no stimuli";
    EXPECT_DOUBLE_EQ(g.populations[0].canvas.y, -50);
    EXPECT_DOUBLE_EQ(g.populations[1].canvas.y, 0);
    EXPECT_DOUBLE_EQ(g.populations[2].canvas.y, 50);
    NetworkGraph again = g;
    layoutNetwork(again, {100, 50});
    EXPECT_EQ(again, g);
}
