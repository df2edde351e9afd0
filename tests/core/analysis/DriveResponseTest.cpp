// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — responses to time-varying drive: spike-triggered average, frequency
// response; and the characterisation suite.
#include "AnalysisTestModels.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/Characterisation.h"
#include "analysis/FrequencyResponse.h"
#include "analysis/SpikeTriggeredAverage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scs {
namespace {

using namespace scs::test;

Protocol noise(double mean, double sigma, double tau) {
    Protocol p;
    p.kind = Protocol::Kind::Noise;
    p.offset = mean;
    p.sigma = sigma;
    p.tau = tau;
    p.seed = 42;
    p.dimension = Dimension::base(Dimension::Ampere);
    return p;
}

TEST(SpikeTriggeredAverage, AveragesKnownWindowsAndSkipsEdges) {
    // Signal = sample index; spikes at samples 10 and 30 (dt = 1 ms), window 3 before, 2 after.
    std::vector<double> signal(40);
    for (std::size_t k = 0; k < signal.size(); ++k) signal[k] = static_cast<double>(k);
    const StaResult r = spikeTriggeredAverage(signal, 1e-3, {0.001, 0.010, 0.030, 0.039}, 3e-3, 2e-3);
    EXPECT_EQ(r.spikesTotal, 4u);
    EXPECT_EQ(r.spikesUsed, 2u); // 1 ms and 39 ms windows leave the run
    ASSERT_EQ(r.lag.size(), 6u);
    EXPECT_NEAR(r.lag.front(), -3e-3, 1e-15);
    for (std::size_t w = 0; w < 6; ++w) {
        EXPECT_NEAR(r.mean[w], 20.0 + (static_cast<double>(w) - 3), 1e-12);
        EXPECT_NEAR(r.stdDev[w], 10.0, 1e-12);
    }
    EXPECT_THROW(spikeTriggeredAverage(signal, 1e-3, {}, -1e-3, 1e-3), AnalysisError);
}

TEST(SpikeTriggeredAverage, LifUnderNoiseIsDrivenByAnUpswingJustBeforeTheSpike) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    SimulationSettings base = lifSettings(20.0, 0.1e-3);
    StaSettings s;
    s.protocol = noise(1.3e-9, 0.6e-9, 5e-3); // mean below rheobase: noise-driven spikes
    s.before = 30e-3;
    s.after = 5e-3;
    const StaResult r = runSpikeTriggeredAverage(model, base, s);
    ASSERT_GT(r.spikesUsed, 50u);
    EXPECT_EQ(r.unit, "amp");
    EXPECT_NEAR(r.signalMean, 1.3e-9, 0.1e-9);
    // The drive peaks shortly (within a membrane time constant) before the spike, well above its mean,
    // and long before the spike it is back near the mean.
    EXPECT_LE(r.peakLag, 0);
    EXPECT_GE(r.peakLag, -kLifTau);
    const std::size_t peak = static_cast<std::size_t>(std::llround((r.peakLag + s.before) / 0.1e-3));
    EXPECT_GT(r.mean[peak], r.signalMean + 0.5 * 0.6e-9);
    EXPECT_NEAR(r.mean.front(), r.signalMean, 0.25 * 0.6e-9);

    s.signal = "v";
    const StaResult v = runSpikeTriggeredAverage(model, base, s);
    const std::size_t zero = static_cast<std::size_t>(std::llround(s.before / 0.1e-3));
    EXPECT_NEAR(v.lag[zero], 0, 1e-12);
    EXPECT_NEAR(v.mean[zero], kLifTheta, 1e-3) << "the membrane is at threshold when it spikes";
    EXPECT_LT(v.mean[zero - 50], v.mean[zero]) << "and rises towards it";
    EXPECT_NEAR(v.mean[zero + 10], kLifEl, 1e-9) << "then sits at reset during refractoriness";
}

TEST(SpikeTriggeredAverage, NeedsAProtocol) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    EXPECT_THROW(runSpikeTriggeredAverage(model, lifSettings(0.5), {}), AnalysisError);
    StaSettings s;
    s.protocol = noise(1e-9, 1e-10, 5e-3);
    s.signal = "w";
    EXPECT_THROW(runSpikeTriggeredAverage(model, lifSettings(0.5), s), AnalysisError);
}

TEST(FrequencyResponse, LifLocksToSlowSinesAndFiltersFastOnes) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FrequencyResponseSettings s;
    s.minFrequency = 2;
    s.maxFrequency = 500;
    s.points = 5;
    s.offset = 1.2e-9;    // below rheobase
    s.amplitude = 1.0e-9; // peaks at 2.2 nA
    const FrequencyResponseResult r = runFrequencyResponse(model, lifSettings(2.0, 0.05e-3), s);
    ASSERT_EQ(r.frequency.size(), 5u);
    EXPECT_NEAR(r.frequency.front(), 2, 1e-12);
    EXPECT_NEAR(r.frequency.back(), 500, 1e-9);
    EXPECT_NEAR(r.frequency[2], std::sqrt(2.0 * 500), 1e-9) << "log spacing";
    // 2 Hz: spikes only near the sine's crest, so strongly phase locked in the rising/top half.
    EXPECT_GT(r.rate[0], 5);
    EXPECT_GT(r.vectorStrength[0], 0.8);
    EXPECT_GT(r.phase[0], 0);
    EXPECT_LT(r.phase[0], std::numbers::pi);
    EXPECT_NEAR(r.modulation[0], 2 * r.rate[0] * r.vectorStrength[0], 1e-9);
    EXPECT_NEAR(r.cycles[0], 4, 1e-9);
    // 500 Hz: the membrane (tau = 10 ms) filters the sine to ~3 % and the neuron stays silent.
    EXPECT_EQ(r.rate.back(), 0);
    EXPECT_TRUE(std::isnan(r.vectorStrength.back()));
    EXPECT_EQ(toJson(r)["rate"].size(), 5u);
}

TEST(Characterisation, LifSummary) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    SimulationSettings base = lifSettings(0.5);
    base.protocol = Protocol::constant(2.5e-9, Dimension::base(Dimension::Ampere));
    CharacterisationSettings s;
    s.fiPoints = 11; // 0 .. 5 nA by 0.5 nA (the reference drive doubled)
    JobContext job;
    const CharacterisationResult r = runCharacterisation(model, base, s, &job);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
    EXPECT_EQ(r.pattern.pattern, FiringPattern::Tonic) << r.pattern.reason;
    EXPECT_NEAR(r.pattern.stats.meanIsiRate, lifRate(2.5e-9), 0.01 * lifRate(2.5e-9));
    ASSERT_EQ(r.fiCurve.drives.size(), 11u);
    EXPECT_NEAR(r.fiCurve.drives.back(), 5e-9, 1e-18);
    EXPECT_NEAR(r.rheobase, 1.5e-9, 0.01e-9);
    EXPECT_NEAR(r.maxRate, lifRate(5e-9), 0.02 * lifRate(5e-9) + 2);
    ASSERT_EQ(r.stateRanges.size(), 1u);
    EXPECT_NEAR(r.stateRanges[0].min, kLifEl, 1e-9);
    EXPECT_LT(r.stateRanges[0].max, kLifTheta);
    // The drive is protocol-driven, so it is not among the perturbed parameters.
    EXPECT_EQ(std::count(r.sensitivity.parameters.begin(), r.sensitivity.parameters.end(), "I"), 0);
    ASSERT_FALSE(r.topParameters.empty());
    EXPECT_LE(r.topParameters.size(), 5u);
    EXPECT_DOUBLE_EQ(job.progress(), 1.0);
    const auto j = toJson(r);
    EXPECT_EQ(j["pattern"], "tonic");
    EXPECT_LE(j["trace"]["time"].size(), 2000u);
    EXPECT_FALSE(toJson(r, 0).contains("trace"));
}

} // namespace
} // namespace scs
