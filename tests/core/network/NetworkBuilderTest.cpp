// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkBuilder: connectivity rules, per-neuron values, units, memory refusal.
#include "network/NetworkBuilder.h"
#include "network/NetworkError.h"

#include "core/network/CubaNetwork.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>

using namespace scs;

namespace {

ModelSpec leaky() {
    ModelSpec m;
    m.name = "leaky";
    m.equations = "dv/dt = (El - v)/tau : volt (unless refractory)\nI : amp";
    m.threshold = "v > -50*mV";
    m.reset = "v = -60*mV";
    m.refractory = "2*ms";
    m.parameters = {{"El", "-65*mV"}, {"tau", "10*ms"}};
    m.initialValues = {{"v", "-65*mV"}};
    return m;
}

NetworkGraph twoPopulations(int a, int b, ConnectivityRule rule, bool recurrent = false) {
    NetworkGraph g;
    g.name = "test";
    g.duration = "10*ms";
    for (const auto& [id, size] : {std::pair<std::string, int>{"a", a}, {"b", b}}) {
        Population p;
        p.id = id;
        p.size = size;
        p.model = leaky();
        g.populations.push_back(p);
    }
    Projection pr;
    pr.id = "ab";
    pr.source = "a";
    pr.target = recurrent ? "a" : "b";
    pr.connectivity = std::move(rule);
    pr.seed = 7;
    g.projections.push_back(pr);
    return g;
}

ConnectivityRule rule(ConnectivityRule::Kind kind) {
    ConnectivityRule r;
    r.kind = kind;
    return r;
}

std::string buildError(const NetworkGraph& g, const BuildOptions& o = {}) {
    try {
        buildNetwork(g, o);
    } catch (const NetworkError& e) {
        return e.what();
    }
    return {};
}

std::vector<int> inDegrees(const BuiltProjection& p, int targets) {
    std::vector<int> d(static_cast<std::size_t>(targets), 0);
    for (std::int32_t j : p.rows.targets) ++d[static_cast<std::size_t>(j)];
    return d;
}

} // namespace

TEST(NetworkBuilderTest, AllToAllAndOneToOneGiveExactCounts) {
    BuiltNetwork all = buildNetwork(twoPopulations(30, 20, rule(ConnectivityRule::Kind::AllToAll)));
    EXPECT_EQ(all.projections[0].rows.size(), 600u);
    BuiltNetwork rec = buildNetwork(twoPopulations(30, 20, rule(ConnectivityRule::Kind::AllToAll), true));
    EXPECT_EQ(rec.projections[0].rows.size(), 30u * 29u); // no self-connections by default
    BuiltNetwork one = buildNetwork(twoPopulations(25, 25, rule(ConnectivityRule::Kind::OneToOne)));
    const BuiltProjection& p = one.projections[0];
    ASSERT_EQ(p.rows.size(), 25u);
    for (int i = 0; i < 25; ++i) EXPECT_EQ(p.rows.targets[p.rows.offsets[static_cast<std::size_t>(i)]], i);
    EXPECT_NE(buildError(twoPopulations(25, 24, rule(ConnectivityRule::Kind::OneToOne))).find("one-to-one"),
              std::string::npos);
}

TEST(NetworkBuilderTest, FixedProbabilityHasTheExpectedMeanDegreeAndRowsAreSorted) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::FixedProbability);
    r.probability = 0.02;
    const BuiltNetwork net = buildNetwork(twoPopulations(2000, 3000, r));
    const BuiltProjection& p = net.projections[0];
    const double expected = 2000.0 * 3000.0 * 0.02; // 120,000; sd ~ 343
    EXPECT_NEAR(static_cast<double>(p.rows.size()), expected, 5 * std::sqrt(expected));
    for (int i = 0; i < 2000; ++i)
        EXPECT_TRUE(std::is_sorted(
            p.rows.targets.begin() + static_cast<std::ptrdiff_t>(p.rows.offsets[static_cast<std::size_t>(i)]),
            p.rows.targets.begin() + static_cast<std::ptrdiff_t>(p.rows.offsets[static_cast<std::size_t>(i) + 1])));
    // Targets are spread evenly: the first and second halves get about the same share.
    const auto firstHalf = std::count_if(p.rows.targets.begin(), p.rows.targets.end(), [](int j) { return j < 1500; });
    EXPECT_NEAR(static_cast<double>(firstHalf) / static_cast<double>(p.rows.size()), 0.5, 0.01);
}

TEST(NetworkBuilderTest, FixedProbabilityWithinAPopulationExcludesSelfUnlessAllowed) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::FixedProbability);
    r.probability = 0.5;
    const auto selfCount = [](const BuiltProjection& p) {
        int n = 0;
        for (std::size_t i = 0; i + 1 < p.rows.offsets.size(); ++i)
            for (std::uint64_t k = p.rows.offsets[i]; k < p.rows.offsets[i + 1]; ++k)
                n += p.rows.targets[k] == static_cast<int>(i);
        return n;
    };
    EXPECT_EQ(selfCount(buildNetwork(twoPopulations(200, 1, r, true)).projections[0]), 0);
    r.allowSelfConnections = true;
    EXPECT_GT(selfCount(buildNetwork(twoPopulations(200, 1, r, true)).projections[0]), 60); // ~100 expected
}

TEST(NetworkBuilderTest, FixedInDegreeIsExactAndImpossibleDegreesAreRefused) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::FixedInDegree);
    r.degree = 40;
    const BuiltNetwork net = buildNetwork(twoPopulations(100, 500, r));
    for (int d : inDegrees(net.projections[0], 500)) EXPECT_EQ(d, 40);
    // Distinct sources per target: no duplicate (source, target) pairs.
    std::set<std::pair<int, int>> pairs;
    const BuiltProjection& p = net.projections[0];
    for (int i = 0; i < 100; ++i)
        for (std::uint64_t k = p.rows.offsets[static_cast<std::size_t>(i)];
             k < p.rows.offsets[static_cast<std::size_t>(i) + 1]; ++k)
            EXPECT_TRUE(pairs.insert({i, p.rows.targets[k]}).second);

    r.degree = 101;
    const std::string tooMany = buildError(twoPopulations(100, 10, r));
    EXPECT_NE(tooMany.find("projection 'ab'"), std::string::npos) << tooMany;
    EXPECT_NE(tooMany.find("in-degree of 101"), std::string::npos) << tooMany;
    r.degree = 100; // all sources, but a recurrent projection may not use the neuron itself
    const std::string self = buildError(twoPopulations(100, 10, r, true));
    EXPECT_NE(self.find("self-connections"), std::string::npos) << self;
    r.allowSelfConnections = true;
    EXPECT_EQ(buildError(twoPopulations(100, 10, r, true)), "");
}

TEST(NetworkBuilderTest, FixedOutDegreeIsExact) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::FixedOutDegree);
    r.degree = 7;
    const BuiltNetwork net = buildNetwork(twoPopulations(50, 60, r, true));
    const BuiltProjection& p = net.projections[0];
    for (int i = 0; i < 50; ++i) {
        const auto b = p.rows.offsets[static_cast<std::size_t>(i)], e = p.rows.offsets[static_cast<std::size_t>(i) + 1];
        EXPECT_EQ(e - b, 7u);
        for (auto k = b; k < e; ++k) EXPECT_NE(p.rows.targets[k], i); // recurrent: no self
    }
}

TEST(NetworkBuilderTest, ExplicitPairsAreKeptAndCheckedAgainstTheSizes) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::Explicit);
    r.pairs = {{3, 1}, {0, 2}, {3, 0}};
    const BuiltNetwork net = buildNetwork(twoPopulations(4, 3, r));
    const BuiltProjection& p = net.projections[0];
    EXPECT_EQ(p.rows.offsets, (std::vector<std::uint64_t>{0, 1, 1, 1, 3}));
    EXPECT_EQ(p.rows.targets, (std::vector<std::int32_t>{2, 0, 1}));
    r.pairs = {{4, 0}};
    EXPECT_NE(buildError(twoPopulations(4, 3, r)).find("(4, 0)"), std::string::npos);
}

TEST(NetworkBuilderTest, DistanceDependentConnectionsFallOffWithDistance) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::Distance);
    r.peak = 1.0;
    r.sigma = 2e-4; // two grid spacings
    NetworkGraph g = twoPopulations(400, 400, r, true);
    g.populations[0].columns = 20;
    g.populations[0].spacing = 1e-4;
    const BuiltProjection p = buildNetwork(g).projections[0];
    // Connection frequency by distance (in spacings): near pairs connect far more often than far ones.
    std::vector<double> made(30, 0), possible(30, 0);
    for (int i = 0; i < 400; ++i) {
        std::set<int> targets(
            p.rows.targets.begin() + static_cast<std::ptrdiff_t>(p.rows.offsets[static_cast<std::size_t>(i)]),
            p.rows.targets.begin() + static_cast<std::ptrdiff_t>(p.rows.offsets[static_cast<std::size_t>(i) + 1]));
        for (int j = 0; j < 400; ++j) {
            if (i == j) continue;
            const double d = std::hypot(i % 20 - j % 20, i / 20 - j / 20);
            const std::size_t bin = static_cast<std::size_t>(d);
            possible[bin] += 1;
            made[bin] += targets.count(j);
        }
    }
    const double near = made[1] / possible[1], mid = made[3] / possible[3], far = made[8] / possible[8];
    EXPECT_NEAR(near, std::exp(-1.5 * 1.5 / 8.0), 0.12); // bin 1 holds d in [1, 2)
    EXPECT_GT(near, mid);
    EXPECT_GT(mid, far);
    EXPECT_LT(far, 0.01);
    g.populations[0].columns = 0;
    EXPECT_NE(buildError(g).find("grid positions"), std::string::npos);
}

TEST(NetworkBuilderTest, SameSeedSameSynapsesOtherSeedOthers) {
    ConnectivityRule r = rule(ConnectivityRule::Kind::FixedProbability);
    r.probability = 0.1;
    NetworkGraph g = twoPopulations(300, 300, r);
    g.projections[0].weight = ValueSpec{ValueSpec::Kind::Normal, "1*mV", "0.2*mV"};
    const BuiltNetwork a = buildNetwork(g), b = buildNetwork(g);
    EXPECT_EQ(a.projections[0].rows.targets, b.projections[0].rows.targets);
    EXPECT_EQ(a.projections[0].weights, b.projections[0].weights);
    g.projections[0].seed = 8;
    EXPECT_NE(buildNetwork(g).projections[0].rows.targets, a.projections[0].rows.targets);
}

TEST(NetworkBuilderTest, ValuesAreDrawnPerNeuronAndUnitsAreChecked) {
    NetworkGraph g = twoPopulations(1000, 10, rule(ConnectivityRule::Kind::OneToOne));
    g.projections.clear();
    g.populations[0].initialValues = {{"v", ValueSpec{ValueSpec::Kind::Uniform, "-70*mV", "-60*mV"}}};
    g.populations[0].parameters = {{"tau", ValueSpec{ValueSpec::Kind::Expression, "10*ms + i*0.01*ms", {}}},
                                   {"El", ValueSpec{ValueSpec::Kind::Normal, "-65*mV", "2*mV"}}};
    const BuiltNetwork net = buildNetwork(g);
    const BuiltPopulation& p = net.populations[0];
    const std::vector<double>& v = p.initialValues[*p.model.stateIndex("v")].second;
    EXPECT_GE(*std::min_element(v.begin(), v.end()), -0.070);
    EXPECT_LT(*std::max_element(v.begin(), v.end()), -0.060);
    EXPECT_NEAR(std::accumulate(v.begin(), v.end(), 0.0) / 1000, -0.065, 0.0005);
    const std::vector<double>& tau = p.parameterValues[0].second;
    EXPECT_DOUBLE_EQ(tau[0], 0.010);
    EXPECT_DOUBLE_EQ(tau[500], 0.010 + 500 * 0.01e-3);
    const std::vector<double>& el = p.parameterValues[1].second;
    double m = 0, s = 0;
    for (double x : el) m += x / 1000;
    for (double x : el) s += (x - m) * (x - m) / 1000;
    EXPECT_NEAR(m, -0.065, 0.0003);
    EXPECT_NEAR(std::sqrt(s), 0.002, 0.0002);

    g.populations[0].parameters = {{"tau", ValueSpec::constant("10*mV")}};
    const std::string unit = buildError(g);
    EXPECT_NE(unit.find("population 'a', parameter 'tau'"), std::string::npos) << unit;
    EXPECT_NE(unit.find("second"), std::string::npos) << unit;
    g.populations[0].parameters = {{"nope", ValueSpec::constant("1")}};
    EXPECT_NE(buildError(g).find("no such parameter"), std::string::npos);
}

TEST(NetworkBuilderTest, WeightsAndDelaysAreCheckedAgainstTheirTargets) {
    NetworkGraph g = twoPopulations(10, 10, rule(ConnectivityRule::Kind::OneToOne));
    g.projections[0].weight = ValueSpec::constant("2*nA"); // v is in volts
    std::string e = buildError(g);
    EXPECT_NE(e.find("projection 'ab', weight"), std::string::npos) << e;
    g.projections[0].weight = ValueSpec::constant("2*mV");
    g.projections[0].delay = ValueSpec::constant("1*mV");
    e = buildError(g);
    EXPECT_NE(e.find("projection 'ab', delay"), std::string::npos) << e;
    g.projections[0].delay = ValueSpec{ValueSpec::Kind::Expression, "j*0.1*ms + rand()*0*ms", {}};
    const BuiltNetwork net = buildNetwork(g);
    EXPECT_EQ(net.projections[0].delays, (std::vector<std::uint16_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    g.projections[0].synapse.kind = SynapseSpec::Kind::ExponentialCurrent;
    g.projections[0].synapse.target = "I";
    g.projections[0].weight = ValueSpec::constant("0.5*nA");
    EXPECT_EQ(buildError(g), "");
    g.projections[0].synapse.target = "v"; // a state, not a parameter
    EXPECT_NE(buildError(g).find("no parameter 'v'"), std::string::npos);
}

TEST(NetworkBuilderTest, RefusesARunThatWouldNotFitInMemory) {
    NetworkGraph g = test::cubaNetwork(100000, 1, 0.02); // ~2e8 synapses: about 1.6 GB
    const MemoryEstimate m = estimateMemory(g);
    EXPECT_NEAR(m.synapses, 1e10 * 0.02, 1e7);
    EXPECT_GT(m.bytes, 1.5e9);
    BuildOptions o;
    o.memoryLimit = 1e9;
    const std::string e = buildError(g, o);
    EXPECT_NE(e.find("needs about"), std::string::npos) << e;
    EXPECT_NE(e.find("projection 'exc_exc'"), std::string::npos) << e; // the largest item is named
}
