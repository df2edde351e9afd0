// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkSimulator runs: determinism across threads, STDP, divergence, memory, cancel.
#include "network/NetworkError.h"
#include "network/NetworkSimulator.h"

#include "core/network/CubaNetwork.h"
#include "core/network/NetworkSimulatorFixtures.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace scs;
using namespace scs::test;

namespace {

/// CUBA plus everything that could make threads disagree: Poisson input, random heterogeneous
/// delays, an exponential-current projection and STDP.
NetworkGraph busyNetwork() {
    NetworkGraph g = cubaNetwork(2001, 5, 0.02, "150*ms"); // odd sizes: uneven chunks
    g.populations[0].model.equations += "\nI : amp";
    g.populations[0].model.equations.replace(g.populations[0].model.equations.find("(v-El))/taum"), 12,
                                             "(v-El))/taum + I/(200*pF)");
    Stimulus s;
    s.id = "noise";
    s.kind = Stimulus::Kind::Poisson;
    s.size = 301;
    s.rate = "30*Hz";
    s.seed = 11;
    g.stimuli.push_back(s);
    Projection in = projection("noise_exc", "noise", "exc", SynapseSpec::Kind::ExponentialCurrent, "I", "20*pA");
    in.connectivity.kind = ConnectivityRule::Kind::FixedInDegree;
    in.connectivity.degree = 20;
    in.delay = ValueSpec{ValueSpec::Kind::Uniform, "0.5*ms", "3*ms"};
    in.weight = ValueSpec{ValueSpec::Kind::Expression, "20*pA * (0.5 + rand())", {}};
    g.projections.push_back(in);
    g.projections[0].delay = ValueSpec{ValueSpec::Kind::Uniform, "0*ms", "2*ms"};
    g.projections[0].stdp = StdpSpec{};
    g.projections[0].stdp->wMax = "3*mV";
    return g;
}

std::string errorOf(const NetworkGraph& g, const NetworkRunOptions& o) {
    try {
        simulateNetwork(g, o);
    } catch (const NetworkError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(NetworkSimulatorRunTest, SameSeedGivesTheSameSpikesWithOneTwoAndThreeThreads) {
    const NetworkGraph g = busyNetwork();
    BuiltNetwork n1 = buildNetwork(g), n2 = buildNetwork(g), n3 = buildNetwork(g);
    const NetworkResult r1 = simulateBuilt(n1, 1), r2 = simulateBuilt(n2, 2), r3 = simulateBuilt(n3, 3);
    ASSERT_EQ(r1.spikes.size(), 2u);
    for (std::size_t p = 0; p < 2; ++p) {
        EXPECT_GT(r1.spikes[p].count(), 50u);
        EXPECT_EQ(r1.spikes[p].steps, r2.spikes[p].steps);
        EXPECT_EQ(r1.spikes[p].neurons, r2.spikes[p].neurons);
        EXPECT_EQ(r1.spikes[p].steps, r3.spikes[p].steps);
        EXPECT_EQ(r1.spikes[p].neurons, r3.spikes[p].neurons);
    }
    EXPECT_EQ(r1.synapticEvents, r2.synapticEvents);
    EXPECT_EQ(n1.projections[0].weights, n2.projections[0].weights); // STDP changed them identically
    EXPECT_NE(n1.projections[0].weights, buildNetwork(g).projections[0].weights);
    // Another seed gives another run.
    NetworkGraph other = g;
    other.seed = 6;
    const NetworkResult r4 = simulateNetwork(other, {1, {}, 0});
    EXPECT_NE(r4.spikes[0].neurons, r1.spikes[0].neurons);
}

TEST(NetworkSimulatorRunTest, StdpPotentiatesPreBeforePostAndDepressesPostBeforePre) {
    const auto finalWeight = [](const std::string& preTime, const std::string& postDriveTime) {
        NetworkGraph g;
        g.name = "stdp";
        g.duration = "30*ms";
        g.populations.push_back(probePopulation("post", 1, "v > 10*mV"));
        g.stimuli.push_back(generator("pre", {{0, preTime}}));
        g.stimuli.push_back(generator("drive", {{0, postDriveTime}}));
        Projection plastic = projection("plastic", "pre", "post", SynapseSpec::Kind::Jump, "v", "0.5*mV");
        plastic.stdp = StdpSpec{}; // tau 20 ms, A+ 0.01, A- 0.0105, wMax 1 mV
        g.projections.push_back(plastic);
        g.projections.push_back(projection("drive", "drive", "post", SynapseSpec::Kind::Jump, "v", "20*mV"));
        BuiltNetwork net = buildNetwork(g);
        const NetworkResult r = simulateBuilt(net, 1);
        EXPECT_EQ(r.spikes[0].count(), 1u);
        return static_cast<double>(net.projections[0].weights[0]);
    };
    // The drive lands in step 150 and the neuron fires in step 151: post 5.1 ms after pre.
    const double potentiated = finalWeight("10*ms", "15*ms");
    EXPECT_NEAR(potentiated - 0.5e-3, 0.01 * 1e-3 * std::exp(-5.1 / 20.0), 1e-9);
    // Post fires in step 51, pre at step 100: 4.9 ms the other way.
    const double depressed = finalWeight("10*ms", "5*ms");
    EXPECT_NEAR(depressed - 0.5e-3, -0.0105 * 1e-3 * std::exp(-4.9 / 20.0), 1e-9);
}

TEST(NetworkSimulatorRunTest, ADivergingModelStopsTheRunNamingPopulationNeuronAndTime) {
    for (const char* method : {"exact", "euler"}) { // the fast path and LaneBlock
        NetworkGraph g;
        g.name = "unstable";
        g.duration = "200*ms";
        Population p = probePopulation("runaway", 3);
        p.model.equations = "dv/dt = v/(0.1*ms) : volt";
        p.model.method = method;
        p.initialValues = {{"v", ValueSpec{ValueSpec::Kind::Expression, "(i == 2)*1*mV", {}}}};
        g.populations.push_back(p);
        const std::string e = errorOf(g, {2, {}, 0});
        EXPECT_NE(e.find("population 'runaway', neuron 2"), std::string::npos) << e;
        EXPECT_NE(e.find("diverged"), std::string::npos) << e;
        EXPECT_NE(e.find("t = "), std::string::npos) << e;
    }
}

TEST(NetworkSimulatorRunTest, ARunThatWouldNotFitIsRefusedBeforeItStarts) {
    NetworkRunOptions o;
    o.memoryLimit = 1e6;
    const std::string e = errorOf(cubaNetwork(4000), o);
    EXPECT_NE(e.find("needs about"), std::string::npos) << e;
    EXPECT_NE(e.find("available"), std::string::npos) << e;
}

TEST(NetworkSimulatorRunTest, CancelStopsTheRunWithBothThreads) {
    JobContext job;
    double last = 0;
    job.setProgressListener([&](double fraction, const std::string&) {
        last = fraction;
        if (fraction > 0.3) job.cancel();
    });
    EXPECT_THROW(simulateNetwork(cubaNetwork(4000, 1, 0.02, "2*s"), {2, {}, 0}, &job), JobCancelled);
    EXPECT_GT(last, 0.3);
    EXPECT_LT(last, 0.5); // it stopped soon after
}

TEST(NetworkSimulatorRunTest, DurationOverrideSetsTheSteps) {
    NetworkRunOptions o;
    o.threads = 1;
    o.duration = 0.05;
    const NetworkResult r = simulateNetwork(cubaNetwork(400), o);
    EXPECT_EQ(r.steps, 500);
    EXPECT_DOUBLE_EQ(r.dt, 1e-4);
}
