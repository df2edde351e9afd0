// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — ISI statistics and firing-pattern classification on synthetic spike trains.
#include "analysis/FiringPattern.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace scs {
namespace {

std::vector<double> regular(double isi, double duration, double start = 0.005) {
    std::vector<double> t;
    for (double x = start; x < duration; x += isi) t.push_back(x);
    return t;
}

std::vector<double> fromIsis(const std::vector<double>& isis, double start = 0.01) {
    std::vector<double> t{start};
    for (double isi : isis) t.push_back(t.back() + isi);
    return t;
}

std::vector<double> poisson(double rate, double duration, unsigned seed) {
    std::mt19937_64 gen(seed);
    std::exponential_distribution<double> isi(rate);
    std::vector<double> t;
    for (double x = isi(gen); x < duration; x += isi(gen)) t.push_back(x);
    return t;
}

// `bursts` bursts of `perBurst` spikes; intra/inter ISIs jittered by +/- `jitter` (fraction).
std::vector<double> bursting(int bursts, int perBurst, double intra, double period, double jitter, unsigned seed) {
    std::mt19937_64 gen(seed);
    std::uniform_real_distribution<double> j(1 - jitter, 1 + jitter);
    std::vector<double> t;
    double start = 0.02;
    for (int b = 0; b < bursts; ++b) {
        double x = start;
        for (int k = 0; k < perBurst; ++k) {
            t.push_back(x);
            x += intra * j(gen);
        }
        start += period * j(gen);
    }
    return t;
}

TEST(IsiStatistics, RegularTrainHasZeroVariabilityAndExactRate) {
    const auto t = regular(0.02, 1.0);
    const IsiStatistics s = computeIsiStatistics(t, 1.0);
    EXPECT_EQ(s.spikeCount, 50u);
    EXPECT_DOUBLE_EQ(s.rate, 50.0);
    EXPECT_NEAR(s.meanIsi, 0.02, 1e-12);
    EXPECT_NEAR(s.cv, 0, 1e-9);
    EXPECT_NEAR(s.localVariation, 0, 1e-9);
    EXPECT_NEAR(s.adaptationIndex, 0, 1e-9);
    EXPECT_NEAR(s.meanIsiRate, 50, 1e-6);
    EXPECT_EQ(s.burstCount, 0u);
}

TEST(IsiStatistics, KnownValuesOfAShortTrain) {
    // ISIs 10, 20, 30 ms: mean 20, population std sqrt(200/3) ms.
    const IsiStatistics s = computeIsiStatistics({0.0, 0.01, 0.03, 0.06}, 0.1);
    EXPECT_NEAR(s.meanIsi, 0.02, 1e-12);
    EXPECT_NEAR(s.stdIsi, std::sqrt(200.0 / 3) * 1e-3, 1e-12);
    EXPECT_NEAR(s.minIsi, 0.01, 1e-12);
    EXPECT_NEAR(s.maxIsi, 0.03, 1e-12);
    EXPECT_NEAR(s.firstIsi, 0.01, 1e-12);
    EXPECT_NEAR(s.lastIsi, 0.03, 1e-12);
    // LV = 3/2 * ((10-20)^2/30^2 + (20-30)^2/50^2)
    EXPECT_NEAR(s.localVariation, 1.5 * (1.0 / 9 + 1.0 / 25), 1e-12);
    // n = 3 ISIs -> k = 1: (30 - 10) / (30 + 10)
    EXPECT_NEAR(s.adaptationIndex, 0.5, 1e-12);
    // A perfectly linear trend leaves no residual.
    EXPECT_NEAR(s.residualCv, 0, 1e-12);
}

TEST(IsiStatistics, PoissonTrainHasUnitCvAndLv) {
    const auto t = poisson(40, 50.0, 7);
    const IsiStatistics s = computeIsiStatistics(t, 50.0);
    EXPECT_NEAR(s.rate, 40, 2);
    EXPECT_NEAR(s.cv, 1.0, 0.08);
    EXPECT_NEAR(s.localVariation, 1.0, 0.08);
}

TEST(IsiStatistics, FindsBurstsAndCountsTheirSpikes) {
    const auto t = bursting(10, 4, 0.003, 0.1, 0.0, 1);
    const IsiStatistics s = computeIsiStatistics(t, 1.05);
    EXPECT_EQ(s.burstCount, 10u);
    EXPECT_DOUBLE_EQ(s.meanSpikesPerBurst, 4.0);
    EXPECT_DOUBLE_EQ(s.fractionInBursts, 1.0);
    EXPECT_GT(s.burstIsiThreshold, 0.003);
    EXPECT_LT(s.burstIsiThreshold, 0.1 - 3 * 0.003);
}

TEST(IsiStatistics, NoSpikesGivesNaNMetricsNotACrash) {
    const IsiStatistics s = computeIsiStatistics({}, 1.0);
    EXPECT_EQ(s.spikeCount, 0u);
    EXPECT_EQ(s.rate, 0);
    EXPECT_TRUE(std::isnan(s.meanIsi));
    EXPECT_TRUE(std::isnan(s.localVariation));
    const IsiStatistics zero = computeIsiStatistics({0.1}, 0.0);
    EXPECT_EQ(zero.rate, 0);
}

TEST(FiringPattern, SilentWithFewerThanTwoSpikes) {
    EXPECT_EQ(classifyFiringPattern({}, 1.0).pattern, FiringPattern::Silent);
    EXPECT_EQ(classifyFiringPattern({0.5}, 1.0).pattern, FiringPattern::Silent);
}

TEST(FiringPattern, RegularTrainIsTonic) {
    const auto r = classifyFiringPattern(regular(0.025, 1.0), 1.0);
    EXPECT_EQ(r.pattern, FiringPattern::Tonic) << r.reason;
}

TEST(FiringPattern, LengtheningIsisAreAdapting) {
    std::vector<double> isis;
    for (int k = 0; k < 15; ++k) isis.push_back(0.01 * std::pow(1.12, k));
    const auto r = classifyFiringPattern(fromIsis(isis), 1.0);
    EXPECT_EQ(r.pattern, FiringPattern::Adapting) << r.reason;
    // Adaptation that settles to a steady rate is still adapting.
    isis.clear();
    for (int k = 0; k < 30; ++k) isis.push_back(0.030 - 0.022 * std::exp(-k / 3.0));
    const auto settled = classifyFiringPattern(fromIsis(isis), 1.0);
    EXPECT_EQ(settled.pattern, FiringPattern::Adapting) << settled.reason;
}

TEST(FiringPattern, ClusteredSpikesAreBursting) {
    const auto r = classifyFiringPattern(bursting(8, 3, 0.004, 0.12, 0.0, 1), 1.0);
    EXPECT_EQ(r.pattern, FiringPattern::Bursting) << r.reason;
    // Jittered bursts (+/- 20 %) too.
    for (unsigned seed = 1; seed <= 10; ++seed) {
        const auto noisy = classifyFiringPattern(bursting(12, 5, 0.003, 0.09, 0.2, seed), 1.2);
        EXPECT_EQ(noisy.pattern, FiringPattern::Bursting) << "seed " << seed << ": " << noisy.reason;
    }
}

TEST(FiringPattern, AnInitialBurstThenTonicFiringIsBursting) {
    // Intrinsically bursting: 3 spikes 2-4 ms apart, then regular 30 ms firing.
    const auto r = classifyFiringPattern(fromIsis({0.0023, 0.004, 0.039, 0.031, 0.031, 0.031, 0.031, 0.031}), 0.3);
    EXPECT_EQ(r.pattern, FiringPattern::Bursting) << r.reason;
    EXPECT_EQ(r.stats.burstCount, 1u);
    EXPECT_EQ(r.stats.maxSpikesPerBurst, 3u);
    // A lone doublet is not enough: that is an onset transient of a tonic cell.
    const auto doublet = classifyFiringPattern(fromIsis({0.004, 0.031, 0.031, 0.031, 0.031, 0.031}), 0.3);
    EXPECT_NE(doublet.pattern, FiringPattern::Bursting) << doublet.reason;
}

TEST(FiringPattern, SlowlyCorrelatedNoiseIsIrregularThoughLvIsLow) {
    // ISIs that wander (AR(1) in log space): neighbours are alike, so LV stays low, but the
    // spread around any trend is large.
    std::mt19937_64 gen(3);
    std::normal_distribution<double> n(0, 1);
    std::vector<double> isis;
    double x = 0;
    for (int k = 0; k < 80; ++k) {
        x = 0.9 * x + 0.45 * n(gen);
        isis.push_back(0.03 * std::exp(x));
    }
    const auto r = classifyFiringPattern(fromIsis(isis), 4.0);
    EXPECT_LT(r.stats.localVariation, 0.5);
    EXPECT_GT(r.stats.residualCv, 0.5);
    EXPECT_EQ(r.pattern, FiringPattern::Irregular) << r.reason;
}

TEST(FiringPattern, PoissonTrainsAreIrregularNotBursting) {
    for (unsigned seed = 1; seed <= 30; ++seed) {
        const auto r = classifyFiringPattern(poisson(20, 3.0, seed), 3.0);
        EXPECT_EQ(r.pattern, FiringPattern::Irregular) << "seed " << seed << ": " << r.reason;
    }
}

TEST(FiringPattern, FastRegularFiringIsFastSpiking) {
    const auto r = classifyFiringPattern(regular(0.004, 0.5), 0.5);
    EXPECT_EQ(r.pattern, FiringPattern::FastSpiking) << r.reason;
    // The same train slowed below the threshold rate is tonic.
    FiringPatternThresholds t;
    t.fastSpikingRate = 300;
    EXPECT_EQ(classifyFiringPattern(regular(0.004, 0.5), 0.5, t).pattern, FiringPattern::Tonic);
}

TEST(FiringPattern, NamesRoundTrip) {
    for (auto p : {FiringPattern::Silent, FiringPattern::Tonic, FiringPattern::Adapting, FiringPattern::Bursting,
                   FiringPattern::Irregular, FiringPattern::FastSpiking})
        EXPECT_EQ(firingPatternFromString(toString(p)), p);
    EXPECT_EQ(std::string(toString(FiringPattern::FastSpiking)), "fast_spiking");
    EXPECT_FALSE(firingPatternFromString("chattering").has_value());
}

TEST(FiringPattern, JsonCarriesPatternAndStatistics) {
    const auto j = toJson(classifyFiringPattern(regular(0.02, 1.0), 1.0));
    EXPECT_EQ(j["pattern"], "tonic");
    EXPECT_EQ(j["isi_statistics"]["spike_count"], 50);
    EXPECT_NO_THROW((void)j.dump());
}

} // namespace
} // namespace scs
