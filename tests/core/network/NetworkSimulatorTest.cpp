// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkSimulator: delays, synapse kinds against analytic shapes, stimuli, monitors.
#include "network/NetworkSimulator.h"
#include "network/NetworkError.h"

#include "core/network/CubaNetwork.h"
#include "core/network/NetworkSimulatorFixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace scs;
using namespace scs::test;

namespace {

constexpr double kDt = 1e-4;

const StateTrace& trace(const NetworkResult& r, const std::string& variable) {
    for (const StateTrace& t : r.traces)
        if (t.variable == variable) return t;
    ADD_FAILURE() << "no trace of " << variable;
    return r.traces.at(0);
}

} // namespace

TEST(NetworkSimulatorTest, ASpikeArrivesAfterItsDelayAndAJumpRaisesTheTargetByTheWeight) {
    // Generator spike at 1 ms (step 10), delay 1.5 ms: on_pre runs in step 25, after that step's
    // update, so v recorded at the start of step 26 is the first to show it (as Brian2 records it).
    NetworkGraph g = probeNetwork(SynapseSpec::Kind::Jump, "v", "2*mV", "1.5*ms");
    g.populations[0].model.parameters = {{"tau", "1e6*second"}, {"C", "100*pF"}}; // v holds its value
    const NetworkResult r = simulateNetwork(g, {1, {}, 0});
    const std::vector<double>& v = trace(r, "v").values;
    ASSERT_EQ(v.size(), 200u);
    EXPECT_EQ(v[25], 0.0);
    EXPECT_NEAR(v[26], 2e-3, 1e-9);
    EXPECT_NEAR(v[199], 2e-3, 1e-9);
    EXPECT_EQ(r.synapticEvents, 1u);
    EXPECT_EQ(r.synapses, 1u);
}

TEST(NetworkSimulatorTest, ExponentialCurrentDecaysExactly) {
    const NetworkResult r =
        simulateNetwork(probeNetwork(SynapseSpec::Kind::ExponentialCurrent, "I", "1*nA"), {1, {}, 0});
    const std::vector<double>& current = trace(r, "I").values;
    EXPECT_EQ(current[10], 0.0);
    for (int m = 0; m < 150; ++m) // arrives in step 10; I(t) = w exp(-(t - t_arrival)/tau)
        EXPECT_NEAR(current[static_cast<std::size_t>(11 + m)], 1e-9 * std::exp(-m * kDt / 5e-3), 1e-15) << m;
    // The membrane integrates it: v is the exact response of dv/dt = -v/tau_m + I/C to a held current.
    const std::vector<double>& v = trace(r, "v").values;
    EXPECT_GT(v[40], 0.0);
}

TEST(NetworkSimulatorTest, AlphaCurrentFollowsTheAlphaFunction) {
    NetworkGraph g = probeNetwork(SynapseSpec::Kind::AlphaCurrent, "I", "1*nA");
    g.projections[0].synapse.tau = "2*ms";
    const NetworkResult r = simulateNetwork(g, {1, {}, 0});
    const std::vector<double>& current = trace(r, "I").values;
    double peak = 0;
    std::size_t peakAt = 0;
    for (int m = 0; m < 150; ++m) {
        const double t = m * kDt; // I(t) = w (t/tau) e^(1 - t/tau), the peak w at t = tau
        const double expected = 1e-9 * (t / 2e-3) * std::exp(1.0 - t / 2e-3);
        EXPECT_NEAR(current[static_cast<std::size_t>(11 + m)], expected, 1e-15) << m;
        if (current[static_cast<std::size_t>(11 + m)] > peak)
            peak = current[static_cast<std::size_t>(11 + m)], peakAt = static_cast<std::size_t>(m);
    }
    EXPECT_EQ(peakAt, 20u);
    EXPECT_NEAR(peak, 1e-9, 1e-15);
}

TEST(NetworkSimulatorTest, ExponentialConductanceDrivesTowardsTheReversal) {
    NetworkGraph g = probeNetwork(SynapseSpec::Kind::ExponentialConductance, "I", "10*nS");
    g.projections[0].synapse.reversal = "50*mV";
    g.projections[0].synapse.voltage = "v";
    const NetworkResult r = simulateNetwork(g, {1, {}, 0});
    const std::vector<double>& current = trace(r, "I").values;
    const std::vector<double>& v = trace(r, "v").values;
    for (int m = 0; m < 150; ++m) { // I = g(t) (E - v), g(t) = w exp(-t/tau), v at the start of the step
        const std::size_t s = static_cast<std::size_t>(11 + m);
        const double conductance = 10e-9 * std::exp(-m * kDt / 5e-3);
        EXPECT_NEAR(current[s], conductance * (50e-3 - v[s]), 1e-15) << m;
    }
    EXPECT_GT(v[60], 1e-4);                                 // depolarised towards +50 mV
    g.projections[0].weight = ValueSpec::constant("10*nA"); // a conductance weight must be in siemens
    EXPECT_THROW(simulateNetwork(g, {1, {}, 0}), NetworkError);
}

TEST(NetworkSimulatorTest, InjectedCurrentReachesTheAnalyticSteadyStateOnBothEngines) {
    for (const char* method : {"exact", "rk4"}) { // exact: fast path; rk4: LaneBlock
        NetworkGraph g;
        g.name = "drive";
        g.duration = "150*ms";
        g.populations.push_back(probePopulation("p", 3));
        g.populations[0].model.method = method;
        Stimulus s;
        s.id = "in";
        s.kind = Stimulus::Kind::Current;
        s.target = "p";
        s.parameter = "I";
        s.protocol = Protocol::parse("step amplitude=1*nA start=10*ms");
        g.stimuli.push_back(s);
        g.monitors.push_back(stateMonitor("m", "p", {"v"}, {2}));
        const NetworkResult r = simulateNetwork(g, {1, {}, 0});
        const std::vector<double>& v = r.traces.at(0).values;
        EXPECT_NEAR(v[99], 0.0, 1e-12) << method; // before the step
        // v(t) = (I tau / C) (1 - exp(-(t - t0)/tau)): 100 mV at steady state.
        const double t = (1499 - 100) * kDt;
        EXPECT_NEAR(v[1499], 0.1 * (1 - std::exp(-t / 0.01)), 1e-6) << method;
    }
}

TEST(NetworkSimulatorTest, PoissonSourcesFireAtTheirRate) {
    NetworkGraph g;
    g.name = "poisson";
    g.duration = "2*s";
    g.populations.push_back(probePopulation("p", 1000));
    Stimulus s;
    s.id = "noise";
    s.kind = Stimulus::Kind::Poisson;
    s.size = 1000;
    s.rate = "20*Hz";
    g.stimuli.push_back(s);
    Projection pr = projection("in", "noise", "p", SynapseSpec::Kind::Jump, "v", "0.1*mV");
    pr.connectivity.kind = ConnectivityRule::Kind::OneToOne;
    g.projections.push_back(pr);
    const NetworkResult r = simulateNetwork(g, {1, {}, 0});
    const double rate = static_cast<double>(r.synapticEvents) / 1000.0 / 2.0; // one synapse per source
    EXPECT_NEAR(rate, 20.0, 0.6); // sd of the count: sqrt(40000) = 200 -> 0.1 Hz
}

TEST(NetworkSimulatorTest, CubaRecordsSpikesOfEveryPopulationInOrderAndRates) {
    NetworkGraph g = cubaNetwork(4000, 1, 0.02, "200*ms");
    Monitor m;
    m.id = "rate";
    m.kind = Monitor::Kind::Rate;
    m.target = "exc";
    m.binWidth = "5*ms";
    g.monitors.push_back(m);
    const NetworkResult r = simulateNetwork(g, {1, {}, 0});
    ASSERT_EQ(r.spikes.size(), 2u);
    EXPECT_EQ(r.steps, 2000);
    for (const PopulationSpikes& p : r.spikes) {
        EXPECT_GT(p.count(), 100u) << p.populationId;
        EXPECT_TRUE(std::is_sorted(p.steps.begin(), p.steps.end()));
        for (std::size_t k = 1; k < p.count(); ++k)
            if (p.steps[k] == p.steps[k - 1]) {
                EXPECT_LT(p.neurons[k - 1], p.neurons[k]);
            }
    }
    ASSERT_EQ(r.rates.size(), 1u);
    ASSERT_EQ(r.rates[0].hz.size(), 40u);
    const double mean = std::accumulate(r.rates[0].hz.begin(), r.rates[0].hz.end(), 0.0) / 40.0;
    EXPECT_NEAR(mean, static_cast<double>(r.spikes[0].count()) / 3200 / 0.2, 1e-9);
    EXPECT_GT(r.synapticEvents, 1000u);
}
