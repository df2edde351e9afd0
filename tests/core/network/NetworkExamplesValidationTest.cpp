// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the example network projects (projects/*.scstudio.json) read, validate with
// no issues, match the papers' numbers and build.
#include "network/NetworkBuilder.h"
#include "network/NetworkMemory.h"
#include "network/NetworkSimulator.h"
#include "network/NetworkValidation.h"
#include "network/SpikeStatistics.h"
#include "project/ProjectJson.h"
#include "support/TestSupport.h"

#include "core/network/CubaNetwork.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace scs;

namespace {

/// The one network document of an example project, read the way the build reads it.
NetworkGraph example(const std::string& file) {
    const auto path = test::sourceDir() / "projects" / file;
    const project::Project p = project::importJson(test::readFile(path), path.string());
    EXPECT_TRUE(p.warnings.empty());
    const project::Document* d = p.firstOfType(project::doctype::network);
    if (!d) throw std::runtime_error(file + " has no network document");
    EXPECT_NE(p.meta.at("description").find("doi:"), std::string::npos) << file << " cites its papers";
    return d->network;
}

std::string describe(const std::vector<NetworkIssue>& issues) {
    std::string text;
    for (const NetworkIssue& i : issues) text += i.itemId + ": " + i.message + "\n";
    return text;
}

void expectLeftToRight(const NetworkGraph& g) {
    // Every projection's source sits left of its target (or level, for recurrent ones).
    auto x = [&](const std::string& id) {
        if (const Population* p = g.population(id)) return p->canvas.x;
        return g.stimulus(id)->canvas.x;
    };
    for (const Projection& p : g.projections) EXPECT_LE(x(p.source), x(p.target)) << p.id;
    for (const Monitor& m : g.monitors) EXPECT_GT(m.canvas.x, 0) << m.id;
}

void expectMonitors(const NetworkGraph& g) {
    bool spikes = false, rate = false;
    for (const Monitor& m : g.monitors) {
        spikes |= m.kind == Monitor::Kind::Spikes;
        rate |= m.kind == Monitor::Kind::Rate;
    }
    EXPECT_TRUE(spikes && rate) << g.name << " has spike and rate monitors";
}

TEST(NetworkExamples, CubaIsTheBenchmarkNetwork) {
    const NetworkGraph g = example("cuba-network.scstudio.json");
    EXPECT_TRUE(validateNetwork(g).empty()) << describe(validateNetwork(g));
    expectLeftToRight(g);
    expectMonitors(g);
    // The same model, sizes, rule and weights as the reference graph the simulator tests use.
    const NetworkGraph reference = test::cubaNetwork();
    ASSERT_EQ(g.populations.size(), 2u);
    EXPECT_EQ(g.populations[0].size, 3200);
    EXPECT_EQ(g.populations[1].size, 800);
    for (const Population& p : g.populations) {
        EXPECT_EQ(p.model.equations, reference.populations[0].model.equations);
        EXPECT_EQ(p.model.parameters, reference.populations[0].model.parameters);
        EXPECT_EQ(p.model.refractory, "5*ms");
        EXPECT_EQ(p.model.method, "exact");
        EXPECT_EQ(p.initialValues, reference.populations[0].initialValues);
    }
    ASSERT_EQ(g.projections.size(), 4u);
    for (const Projection& p : g.projections) {
        EXPECT_EQ(p.connectivity.kind, ConnectivityRule::Kind::FixedProbability);
        EXPECT_EQ(p.connectivity.probability, 0.02);
        EXPECT_TRUE(p.connectivity.allowSelfConnections);
        EXPECT_EQ(p.synapse.kind, SynapseSpec::Kind::Jump);
        EXPECT_EQ(p.synapse.target, p.source == "Pe" ? "ge" : "gi");
        EXPECT_EQ(p.weight.a, p.source == "Pe" ? "(60*0.27/10)*mV" : "(-20*4.5/10)*mV");
    }
    const BuiltNetwork b = buildNetwork(g, BuildOptions{0.01, 0});
    // 4000^2 * 0.02 = 320,000 expected synapses; a binomial draw stays well within 1 %.
    EXPECT_NEAR(static_cast<double>(b.synapses), 320000.0, 3200.0);
}

TEST(NetworkExamples, Brunel2000HasThePapersNumbers) {
    const NetworkGraph g = example("brunel-2000-network.scstudio.json");
    EXPECT_TRUE(validateNetwork(g).empty()) << describe(validateNetwork(g));
    expectLeftToRight(g);
    expectMonitors(g);
    const Population* e = g.population("E");
    const Population* i = g.population("I");
    ASSERT_TRUE(e && i);
    EXPECT_EQ(e->size, 8000);
    EXPECT_EQ(i->size, 2000);
    int recurrent = 0;
    for (const Projection& p : g.projections) {
        EXPECT_EQ(p.connectivity.kind, ConnectivityRule::Kind::FixedInDegree) << p.id;
        EXPECT_EQ(p.delay.a, "1.5*ms") << p.id;
        EXPECT_EQ(p.connectivity.degree, p.source == "I" ? 200 : 800) << p.id;
        recurrent += p.source != "ext";
    }
    EXPECT_EQ(recurrent, 4);
    // nu_ext / nu_thr = 2 with nu_thr = theta / (J CE tau).
    const Stimulus* ext = g.stimulus("ext");
    ASSERT_NE(ext, nullptr);
    const double nuThr = 20e-3 / (0.1e-3 * 800 * 20e-3);
    EXPECT_EQ(ext->rate, "25*Hz");
    EXPECT_DOUBLE_EQ(25.0 / nuThr, 2.0);
    // 10,000 neurons x (1000 recurrent + 800 external) synapses, from the rules alone.
    EXPECT_NEAR(estimateMemory(g).synapses, 18e6, 1.0);
}

TEST(NetworkExamples, SynfireChainBuilds) {
    const NetworkGraph g = example("synfire-chain.scstudio.json");
    EXPECT_TRUE(validateNetwork(g).empty()) << describe(validateNetwork(g));
    expectLeftToRight(g);
    expectMonitors(g);
    EXPECT_EQ(g.populations.size(), 10u);
    const BuiltNetwork b = buildNetwork(g, BuildOptions{0.01, 0});
    EXPECT_EQ(b.synapses, 9u * 100 * 50 + 50 * 100);
}

TEST(NetworkExamples, SynfireVolleysTravelDownTheWholeChain) {
    const NetworkGraph g = example("synfire-chain.scstudio.json");
    const NetworkResult r = simulateNetwork(g, NetworkRunOptions{1, {}, 0});
    ASSERT_EQ(r.spikes.size(), 10u);
    double previous = 0;
    for (const PopulationSpikes& s : r.spikes) {
        SCOPED_TRACE(s.populationId);
        // Two volleys (20 ms and 120 ms): nearly every neuron of every group fires once in each.
        int first = 0, second = 0;
        double firstTime = 1e9;
        for (std::size_t k = 0; k < s.count(); ++k) {
            const double t = s.steps[k] * r.dt;
            (t < 0.1 ? first : second) += 1;
            if (t < 0.1) firstTime = std::min(firstTime, t);
        }
        EXPECT_GE(first, 90);
        EXPECT_GE(second, 90);
        EXPECT_LE(first + second, 2 * 100 + 20) << "a pulse packet, not sustained firing";
        EXPECT_GT(firstTime, previous) << "each group fires after the one before it";
        previous = firstTime;
    }
}

TEST(NetworkExamples, Brunel2000FiresSynchronouslyAndIrregularly) {
    // 200 ms of the full network (18 M synapses; about a second on two cores).
    const NetworkGraph g = example("brunel-2000-network.scstudio.json");
    const NetworkResult r = simulateNetwork(g, NetworkRunOptions{0, 0.2, 0});
    for (const PopulationStatistics& s : computeNetworkStatistics(r)) {
        SCOPED_TRACE(s.populationId);
        EXPECT_GT(s.meanRate, 10.0);
        EXPECT_LT(s.meanRate, 150.0);
        EXPECT_LT(s.silentFraction, 0.05);
        // Irregular single neurons, yet a population rate far more synchronous than independent
        // trains (chi ~ 1/sqrt(size) = 0.01-0.02): the SI state, not asynchronous irregular.
        EXPECT_GT(s.cvIsi, 0.2);
        EXPECT_GT(s.synchrony, 5.0 / std::sqrt(static_cast<double>(s.size)));
    }
}

} // namespace
