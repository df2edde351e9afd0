// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — parameter sweeps on a LIF: bifurcation, sensitivity, heatmap; cancel.
#include "AnalysisTestModels.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/Bifurcation.h"
#include "analysis/ParameterHeatmap.h"
#include "analysis/Sensitivity.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>

namespace scs {
namespace {

using namespace scs::test;

TEST(Bifurcation, ExtremaOfASineAndOfPlateaus) {
    std::vector<double> sine;
    for (int k = 0; k < 2000; ++k) sine.push_back(std::sin(2 * std::numbers::pi * 5 * k * 1e-3));
    std::vector<double> hi, lo;
    std::size_t raw = 0;
    findExtrema(sine, 1000, 1e-3, 64, hi, lo, raw);
    ASSERT_EQ(hi.size(), 1u);
    ASSERT_EQ(lo.size(), 1u);
    EXPECT_EQ(raw, 10u); // 5 periods in the second half
    EXPECT_NEAR(hi[0], 1, 1e-4);
    EXPECT_NEAR(lo[0], -1, 1e-4);
    // A plateau is one extremum when the trace turns around across it, none when it does not.
    findExtrema({0, 1, 1, 1, 0, 2, 2, 3}, 0, 0, 64, hi, lo, raw);
    EXPECT_EQ(hi, std::vector<double>{1});
    EXPECT_EQ(lo, std::vector<double>{0});
    findExtrema({0, 1, 2, 3, 4}, 0, 0, 64, hi, lo, raw);
    EXPECT_EQ(raw, 0u);
}

TEST(Bifurcation, LifFixedPointBelowRheobaseAndResetCycleAbove) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    BifurcationSettings s;
    s.parameter = "I";
    s.min = 0.2e-9;
    s.max = 3.2e-9;
    s.points = 7; // 0.2, 0.7, 1.2 nA silent; 1.7 .. 3.2 nA firing
    s.chunkSize = 3;   // several chunks
    SimulationSettings base = lifSettings(0.4);
    base.recordEvery = 1;
    const BifurcationResult r = runBifurcation(model, base, s);
    ASSERT_EQ(r.parameterValues.size(), 7u);
    EXPECT_EQ(r.state, "v");
    for (std::size_t i = 0; i < 7; ++i) {
        const double I = r.parameterValues[i];
        EXPECT_TRUE(r.errors[i].empty()) << r.errors[i];
        if (I < 1.5e-9) {
            EXPECT_EQ(r.extremaCount[i], 0u) << "I = " << I;
            ASSERT_EQ(r.attractor[i].size(), 1u);
            EXPECT_NEAR(r.attractor[i][0], kLifEl + kLifR * I, 1e-6) << "fixed point El + R I";
        } else {
            // Period-1 reset cycle: one maximum just under threshold, one minimum at the reset.
            ASSERT_EQ(r.maxima[i].size(), 1u) << "I = " << I;
            ASSERT_EQ(r.minima[i].size(), 1u) << "I = " << I;
            EXPECT_LE(r.maxima[i][0], kLifTheta + 1e-12);
            EXPECT_NEAR(r.maxima[i][0], kLifTheta, 0.1e-3);
            EXPECT_NEAR(r.minima[i][0], kLifEl, 1e-9);
        }
    }
    EXPECT_EQ(r.pointsX.size(), r.pointsY.size());
    EXPECT_EQ(r.pointsX.size(), 3u + 2u * 4u);
    EXPECT_EQ(toJson(r)["attractor"].size(), 7u);
}

TEST(Bifurcation, SweepingTheDriveReplacesTheProtocol) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    SimulationSettings base = lifSettings(0.3);
    base.protocol = Protocol::parse("step amplitude=2*nA start=20*ms stop=280*ms");
    BifurcationSettings s;
    s.parameter = "I", s.min = 0.5e-9, s.max = 1.0e-9, s.points = 2;
    const BifurcationResult r = runBifurcation(model, base, s);
    ASSERT_EQ(r.attractor[0].size(), 1u);
    EXPECT_NEAR(r.attractor[0][0], kLifEl + kLifR * 0.5e-9, 1e-6);
    EXPECT_NEAR(r.attractor[1][0], kLifEl + kLifR * 1.0e-9, 1e-6);
}

TEST(Bifurcation, UnknownParameterOrStateIsAClearError) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    BifurcationSettings s;
    s.parameter = "gNa";
    EXPECT_THROW(runBifurcation(model, lifSettings(0.1), s), AnalysisError);
    s.parameter = "I";
    s.state = "w";
    EXPECT_THROW(runBifurcation(model, lifSettings(0.1), s), AnalysisError);
}

TEST(Sensitivity, LifElasticitiesMatchTheClosedForm) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    SimulationSettings base = lifSettings(1.0, 5e-6);
    const double I0 = 2.5e-9;
    base.parameterOverrides = {{"I", I0}};
    SensitivitySettings s;
    s.perturbation = 0.05;
    const SensitivityResult r = runSensitivity(model, base, s);
    ASSERT_EQ(r.parameters.size(), 5u); // El theta R tau I
    // rate(El, theta, R, tau, I) = 1 / (t_ref + tau ln(R I / (R I - (theta - El)))), reset to El
    auto rate = [](double El, double theta, double R, double tau, double I) {
        return 1.0 / (kLifRef + tau * std::log(R * I / (R * I - (theta - El))));
    };
    const std::vector<double> v0 = {kLifEl, kLifTheta, kLifR, kLifTau, I0};
    const double r0 = rate(v0[0], v0[1], v0[2], v0[3], v0[4]);
    EXPECT_NEAR(r.baseRate, r0, 0.005 * r0);
    for (std::size_t k = 0; k < 5; ++k) {
        auto at = [&](double factor) {
            std::vector<double> v = v0;
            v[k] *= factor;
            return rate(v[0], v[1], v[2], v[3], v[4]);
        };
        const double expected = (at(1.05) - at(0.95)) / (2 * 0.05 * r0);
        EXPECT_NEAR(r.elasticity[k], expected, 0.01 * std::abs(expected) + 0.005) << r.parameters[k];
        EXPECT_NEAR(r.derivative[k] * v0[k] / r.baseRate, r.elasticity[k], 1e-9) << r.parameters[k];
    }
    EXPECT_LT(r.elasticity[3], -0.5) << "a slower membrane fires less";
    // Ranked by |elasticity|, largest first.
    for (std::size_t k = 1; k < r.ranking.size(); ++k)
        EXPECT_GE(std::abs(r.elasticity[r.ranking[k - 1]]), std::abs(r.elasticity[r.ranking[k]]));
}

TEST(Sensitivity, ZeroParameterAndSilentBaseAreExplainedNotCrashes) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    SensitivitySettings s;
    s.parameters = {"I", "tau"}; // I = 0: silent, and a relative change of 0 is 0
    const SensitivityResult r = runSensitivity(model, lifSettings(0.1), s);
    ASSERT_EQ(r.notes.size(), 2u);
    EXPECT_TRUE(std::isnan(r.elasticity[0]));
    EXPECT_NE(r.notes[0].find("parameter is 0"), std::string::npos) << r.notes[0];
    EXPECT_NE(r.notes[1].find("base rate is 0"), std::string::npos) << r.notes[1];
    s.perturbation = 1.5;
    EXPECT_THROW(runSensitivity(model, lifSettings(0.1), s), AnalysisError);
    s.perturbation = 0.1;
    s.parameters = {"nope"};
    EXPECT_THROW(runSensitivity(model, lifSettings(0.1), s), AnalysisError);
}

TEST(Heatmap, LifRateOverCurrentAndTimeConstant) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    HeatmapSettings s;
    s.xParameter = "I";
    s.xMin = 1.0e-9, s.xMax = 4.0e-9, s.xPoints = 4;
    s.yParameter = "tau";
    s.yMin = 5e-3, s.yMax = 20e-3, s.yPoints = 3;
    const HeatmapResult r = runHeatmap(model, lifSettings(1.0), s);
    ASSERT_EQ(r.rate.size(), 12u);
    for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t i = 0; i < 4; ++i) {
            const double expected = lifRate(r.xValues[i], kLifR, r.yValues[j]);
            EXPECT_NEAR(r.at(i, j), expected, 0.02 * expected + 1.0) << "I " << r.xValues[i] << " tau " << r.yValues[j];
        }
    EXPECT_EQ(r.minRate, 0); // 1 nA is below rheobase
    EXPECT_NEAR(r.maxRate, lifRate(4e-9, kLifR, 5e-3), 0.02 * lifRate(4e-9, kLifR, 5e-3) + 1);
}

TEST(Heatmap, ResultDoesNotDependOnThreadCount) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    HeatmapSettings s;
    s.xParameter = "I", s.xMin = 1.4e-9, s.xMax = 3e-9, s.xPoints = 5;
    s.yParameter = "R", s.yMin = 8e6, s.yMax = 12e6, s.yPoints = 5;
    s.threads = 1;
    const HeatmapResult one = runHeatmap(model, lifSettings(0.3), s);
    s.threads = 3;
    const HeatmapResult three = runHeatmap(model, lifSettings(0.3), s);
    EXPECT_EQ(one.rate, three.rate);
    s.yParameter = "I";
    EXPECT_THROW(runHeatmap(model, lifSettings(0.3), s), AnalysisError);
}

TEST(Sweeps, CancelStopsPromptlyAndProgressReachesOne) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    HeatmapSettings s;
    s.xParameter = "I", s.xMin = 1e-9, s.xMax = 4e-9, s.xPoints = 40;
    s.yParameter = "tau", s.yMin = 5e-3, s.yMax = 20e-3, s.yPoints = 40; // 1600 s simulated: > 10 s of work
    JobContext job;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        job.cancel();
    });
    auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(runHeatmap(model, lifSettings(1.0), s, &job), JobCancelled);
    canceller.join();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);

    BifurcationSettings b;
    b.parameter = "I", b.min = 1e-9, b.max = 4e-9, b.points = 2000, b.chunkSize = 8;
    JobContext job2;
    std::thread canceller2([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        job2.cancel();
    });
    start = std::chrono::steady_clock::now();
    EXPECT_THROW(runBifurcation(model, lifSettings(1.0), b, &job2), JobCancelled);
    canceller2.join();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);

    JobContext job3;
    b.points = 6;
    runBifurcation(model, lifSettings(0.05), b, &job3);
    EXPECT_DOUBLE_EQ(job3.progress(), 1.0);
}

} // namespace
} // namespace scs
