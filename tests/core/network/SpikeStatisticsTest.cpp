// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — population spike statistics on synthetic trains with known answers.
#include "network/SpikeStatistics.h"

#include "core/network/SpikeStatisticsFixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>

using namespace scs;
using scs::test::makeResult;
using scs::test::mergeTrains;
using scs::test::poissonPopulation;
using scs::test::regularPopulation;
using scs::test::synchronousPopulation;

namespace {

constexpr double kDt = 1e-4;

/// Runs `fn` and returns the std::invalid_argument message it throws ("" if none).
template <typename Fn>
std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(SpikeStatisticsTest, PoissonPopulationHasItsRateCvNearOneAndLowSynchrony) {
    const std::int64_t steps = 100000; // 10 s
    const PopulationSpikes p = poissonPopulation("exc", 200, 20.0, kDt, steps, 7);
    const PopulationStatistics s = computePopulationStatistics(p, kDt, steps);
    EXPECT_EQ(s.name, "exc");
    EXPECT_EQ(s.size, 200);
    EXPECT_EQ(s.spikes, p.count());
    // 40,000 expected spikes: the rate's relative sd is 0.5 %.
    EXPECT_NEAR(s.meanRate, 20.0, 0.4);
    EXPECT_EQ(s.neuronsWithCv, 200);
    EXPECT_NEAR(s.cvIsi, 1.0, 0.05);
    EXPECT_EQ(s.silentFraction, 0.0);
    // Independent trains: chi ~ 1/sqrt(N) = 0.07.
    EXPECT_LT(s.synchrony, 0.15);
    EXPECT_GT(s.synchrony, 0.0);
}

TEST(SpikeStatisticsTest, RegularTrainHasCvZeroAndExactRate) {
    const std::int64_t steps = 20000;                                    // 2 s
    const PopulationSpikes p = regularPopulation("reg", 50, 100, steps); // every 10 ms: 100 Hz
    const PopulationStatistics s = computePopulationStatistics(p, kDt, steps);
    EXPECT_NEAR(s.meanRate, 100.0, 1e-9);
    EXPECT_NEAR(s.cvIsi, 0.0, 1e-12);
    EXPECT_EQ(s.neuronsWithCv, 50);
    EXPECT_EQ(s.silentFraction, 0.0);
}

TEST(SpikeStatisticsTest, FullySynchronousPopulationHasSynchronyOne) {
    const std::int64_t steps = 50000;
    const PopulationStatistics sync =
        computePopulationStatistics(synchronousPopulation("sync", 100, 10.0, kDt, steps, 3), kDt, steps);
    EXPECT_NEAR(sync.synchrony, 1.0, 1e-9);
    const PopulationStatistics indep =
        computePopulationStatistics(poissonPopulation("indep", 100, 10.0, kDt, steps, 3), kDt, steps);
    EXPECT_LT(indep.synchrony, 0.3);
    EXPECT_GT(sync.synchrony, 3 * indep.synchrony);
}

TEST(SpikeStatisticsTest, HalfSilentLockstepPopulation) {
    const std::int64_t steps = 50000;
    const PopulationSpikes p = synchronousPopulation("half", 40, 10.0, kDt, steps, 11, 20);
    const PopulationStatistics s = computePopulationStatistics(p, kDt, steps);
    EXPECT_DOUBLE_EQ(s.silentFraction, 0.5);
    EXPECT_EQ(s.neuronsWithCv, 20); // silent neurons have no ISIs
    EXPECT_NEAR(s.meanRate, 5.0, 1.0);
    // Silent neurons count in the mean variance: chi^2 = 1/2 (see the header).
    EXPECT_NEAR(s.synchrony, std::sqrt(0.5), 1e-9);
}

TEST(SpikeStatisticsTest, GolombChiMatchesAHandComputedExample) {
    // dt = 1 ms, bin = 1 ms: x0 = [1,0,1,0], x1 = [1,1,0,0]. var x_i = 1/4; A = [1,.5,.5,0], var A = 1/8.
    const PopulationSpikes p = mergeTrains("two", 2, 4, {{0, 2}, {0, 1}});
    SpikeStatisticsOptions o;
    o.synchronyBin = 1e-3;
    const PopulationStatistics s = computePopulationStatistics(p, 1e-3, 4, o);
    EXPECT_NEAR(s.synchrony, std::sqrt(0.5), 1e-12);
    EXPECT_NEAR(s.meanRate, 4.0 / (2 * 4e-3), 1e-9);
    EXPECT_EQ(s.neuronsWithCv, 0); // one ISI each is not enough
    EXPECT_TRUE(std::isnan(s.cvIsi));
}

TEST(SpikeStatisticsTest, CvAveragesOnlyNeuronsWithTwoIsis) {
    // Neuron 0: ISIs 10, 30 (mean 20, sd 10, CV 0.5); neuron 1: ISIs 10, 10 (CV 0); neuron 2: one ISI.
    const PopulationSpikes p = mergeTrains("cv", 4, 100, {{0, 10, 40}, {5, 15, 25}, {50, 60}, {}});
    const PopulationStatistics s = computePopulationStatistics(p, kDt, 100);
    EXPECT_EQ(s.neuronsWithCv, 2);
    EXPECT_NEAR(s.cvIsi, 0.25, 1e-12);
    EXPECT_DOUBLE_EQ(s.silentFraction, 0.25);
}

TEST(SpikeStatisticsTest, EmptyAndSilentPopulations) {
    PopulationSpikes silent;
    silent.name = "quiet";
    silent.size = 10;
    const PopulationStatistics s = computePopulationStatistics(silent, kDt, 1000);
    EXPECT_EQ(s.spikes, 0u);
    EXPECT_EQ(s.meanRate, 0.0);
    EXPECT_DOUBLE_EQ(s.silentFraction, 1.0);
    EXPECT_TRUE(std::isnan(s.cvIsi));
    EXPECT_TRUE(std::isnan(s.synchrony));
    PopulationSpikes none;
    none.name = "none";
    const PopulationStatistics z = computePopulationStatistics(none, kDt, 1000);
    EXPECT_TRUE(std::isnan(z.silentFraction));
    EXPECT_TRUE(std::isnan(z.synchrony));
}

TEST(SpikeStatisticsTest, NetworkStatisticsKeepPopulationOrder) {
    const std::int64_t steps = 10000;
    const NetworkResult r =
        makeResult(kDt, steps, {regularPopulation("a", 10, 50, steps), regularPopulation("b", 20, 200, steps)});
    const std::vector<PopulationStatistics> all = computeNetworkStatistics(r);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "a");
    EXPECT_NEAR(all[0].meanRate, 200.0, 1e-9);
    EXPECT_EQ(all[1].name, "b");
    EXPECT_NEAR(all[1].meanRate, 50.0, 1e-9);
}

TEST(SpikeStatisticsTest, BinnedRateOfARegularPopulationIsFlatAndKeepsEverySpike) {
    const std::int64_t steps = 10005;                                     // 1.0005 s: 1 ms bins leave a 0.5 ms last bin
    const PopulationSpikes p = regularPopulation("reg", 100, 100, steps); // 100 Hz, staggered phases
    const std::vector<double> rate = computeBinnedRate(p, kDt, steps, 1e-3);
    ASSERT_EQ(rate.size(), 1001u);
    for (std::size_t b = 0; b + 1 < rate.size(); ++b) ASSERT_NEAR(rate[b], 100.0, 1e-9) << "bin " << b;
    // The short last bin (steps 10000..10004) holds neurons 0..4: 5 spikes / 100 neurons / 0.5 ms.
    EXPECT_NEAR(rate.back(), 100.0, 1e-6);
    double spikes = 0;
    for (std::size_t b = 0; b < rate.size(); ++b) spikes += rate[b] * 100 * (b + 1 < rate.size() ? 1e-3 : 0.5e-3);
    EXPECT_NEAR(spikes, static_cast<double>(p.count()), 1e-6);
}

TEST(SpikeStatisticsTest, BinnedRatePutsEachSpikeInItsBin) {
    // dt 0.1 ms, bin 1 ms: step 9 is in bin 0, step 10 in bin 1 (half-open bins).
    const PopulationSpikes p = mergeTrains("edge", 1, 40, {{9, 10, 35}});
    const std::vector<double> rate = computeBinnedRate(p, kDt, 40, 1e-3);
    ASSERT_EQ(rate.size(), 4u);
    EXPECT_DOUBLE_EQ(rate[0], 1000.0);
    EXPECT_DOUBLE_EQ(rate[1], 1000.0);
    EXPECT_DOUBLE_EQ(rate[2], 0.0);
    EXPECT_DOUBLE_EQ(rate[3], 1000.0);
}

TEST(SpikeStatisticsTest, SmoothingKeepsAConstantAndSpreadsAPulse) {
    const std::vector<double> flat(50, 7.0);
    for (double v : gaussianSmooth(flat, 3.0)) EXPECT_NEAR(v, 7.0, 1e-12);
    std::vector<double> pulse(101, 0.0);
    pulse[50] = 1.0;
    const std::vector<double> s = gaussianSmooth(pulse, 4.0);
    EXPECT_NEAR(std::accumulate(s.begin(), s.end(), 0.0), 1.0, 1e-9);
    EXPECT_LT(s[50], 0.2);
    EXPECT_NEAR(s[46] / s[50], std::exp(-0.5), 1e-9); // one sigma away
    EXPECT_DOUBLE_EQ(s[45], s[55]);
    // Smoothing through computeBinnedRate: the peak drops, the mass stays.
    const PopulationSpikes p = mergeTrains("burst", 1, 1000, {{500}});
    const std::vector<double> raw = computeBinnedRate(p, kDt, 1000, 1e-3);
    const std::vector<double> smooth = computeBinnedRate(p, kDt, 1000, 1e-3, 2e-3);
    ASSERT_EQ(raw.size(), 100u); // 100 ms in 1 ms bins; the spike at 50 ms is in bin 50
    EXPECT_DOUBLE_EQ(raw[50], 1000.0);
    EXPECT_EQ(raw[49], 0.0);
    EXPECT_LT(smooth[50], 0.5 * raw[50]);
    EXPECT_GT(smooth[49], 0.0);
    EXPECT_DOUBLE_EQ(smooth[48], smooth[52]);
}

TEST(SpikeStatisticsTest, MalformedSpikesAreRejectedWithTheFieldNamed) {
    PopulationSpikes p = mergeTrains("exc", 3, 100, {{1, 5}, {2}, {}});
    p.neurons.pop_back();
    EXPECT_NE(errorOf([&] { computePopulationStatistics(p, kDt, 100); }).find("population 'exc': steps has 3"),
              std::string::npos);
    p = mergeTrains("exc", 3, 100, {{1, 5}, {2}, {}});
    p.neurons[1] = 3;
    const std::string range = errorOf([&] { computeBinnedRate(p, kDt, 100, 1e-3); });
    EXPECT_NE(range.find("neurons[1] = 3 is outside [0, 3)"), std::string::npos) << range;
    p = mergeTrains("exc", 3, 100, {{1, 5}, {2}, {}});
    std::swap(p.steps[0], p.steps[2]);
    EXPECT_NE(errorOf([&] { computePopulationStatistics(p, kDt, 100); }).find("time order"), std::string::npos);
    p = mergeTrains("exc", 3, 100, {{1, 5}, {2}, {}});
    EXPECT_NE(errorOf([&] { computePopulationStatistics(p, kDt, 4); }).find("outside the run"), std::string::npos);
    EXPECT_NE(errorOf([&] { computeBinnedRate(p, kDt, 100, 0.0); }).find("bin width must be positive"),
              std::string::npos);
    EXPECT_NE(errorOf([&] { computeBinnedRate(p, kDt, 100, 1e-3, -1); }).find("sigma"), std::string::npos);
    SpikeStatisticsOptions o;
    o.synchronyBin = 0;
    EXPECT_NE(errorOf([&] { computePopulationStatistics(p, kDt, 100, o); }).find("synchrony bin"), std::string::npos);
    EXPECT_NE(errorOf([&] { computePopulationStatistics(p, 0.0, 100); }).find("dt must be positive"),
              std::string::npos);
}
