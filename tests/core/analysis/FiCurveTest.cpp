// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — f-I curve of a LIF against its closed form; rheobase; bad input; cancel.
#include "AnalysisTestModels.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/FiCurve.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

namespace scs {
namespace {

using namespace scs::test;

TEST(FiCurve, LifMatchesClosedFormRateAndRheobase) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    s.driveMin = 0.1e-9;
    s.driveMax = 4.1e-9;
    s.points = 17; // 0.25 nA steps: rheobase 1.5 nA lies between grid points 1.35 and 1.6 nA
    const FiCurveResult r = runFiCurve(model, lifSettings(1.0), s);
    ASSERT_EQ(r.drives.size(), 17u);
    EXPECT_EQ(r.drive, "I");
    EXPECT_EQ(r.driveUnit, "amp");
    for (std::size_t i = 0; i < r.drives.size(); ++i) {
        const double expected = lifRate(r.drives[i]);
        EXPECT_TRUE(r.errors[i].empty()) << r.errors[i];
        if (expected == 0) {
            EXPECT_EQ(r.rate[i], 0) << "I = " << r.drives[i];
            continue;
        }
        // Spike counts are whole numbers: 1 spike in 1 s is 1 Hz.
        EXPECT_NEAR(r.rate[i], expected, 0.02 * expected + 1.0) << "I = " << r.drives[i];
        EXPECT_NEAR(r.meanIsiRate[i], expected, 0.005 * expected) << "I = " << r.drives[i];
        // From rest, the first ISI is already the steady one for a LIF without adaptation.
        EXPECT_NEAR(r.firstIsiRate[i], expected, 0.005 * expected) << "I = " << r.drives[i];
    }
    const double rheobase = (kLifTheta - kLifEl) / kLifR;
    EXPECT_NEAR(r.rheobase, rheobase, 0.001 * rheobase);
    EXPECT_LE(r.rheobaseLow, rheobase * 1.0001);
    EXPECT_GE(r.rheobaseHigh, rheobase * 0.9999);
    EXPECT_LT(r.rheobaseHigh - r.rheobaseLow, 0.25e-9 / 70);
    EXPECT_NEAR(r.maxRate, lifRate(4.1e-9), 0.02 * lifRate(4.1e-9) + 1);
}

TEST(FiCurve, TransientIsDiscardedFromTheSteadyRate) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    s.driveMin = s.driveMax = 3e-9;
    s.points = 1;
    s.transient = 0.25;
    const FiCurveResult r = runFiCurve(model, lifSettings(0.5), s);
    ASSERT_EQ(r.rate.size(), 1u);
    EXPECT_NEAR(r.rate[0], lifRate(3e-9), 0.03 * lifRate(3e-9) + 4.0);
    // The window is 0.25 s, so the count there is about half of the run's.
    EXPECT_NEAR(r.rate[0] * 0.25, static_cast<double>(r.spikeCount[0]) / 2, 2.0);
}

TEST(FiCurve, RheobaseOutsideTheRangeIsReported) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    s.points = 3;
    s.driveMin = 0;
    s.driveMax = 1e-9; // below rheobase everywhere
    FiCurveResult silent = runFiCurve(model, lifSettings(0.2), s);
    EXPECT_TRUE(std::isnan(silent.rheobase));
    s.driveMin = 2e-9;
    s.driveMax = 3e-9; // fires everywhere
    FiCurveResult firing = runFiCurve(model, lifSettings(0.2), s);
    EXPECT_DOUBLE_EQ(firing.rheobase, 2e-9);
    EXPECT_TRUE(std::isnan(firing.rheobaseLow));
}

TEST(FiCurve, BadSettingsAreClearErrors) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    SimulationSettings base = lifSettings(0.1);
    base.drive = "Iext";
    try {
        runFiCurve(model, base, s);
        FAIL() << "expected AnalysisError";
    } catch (const AnalysisError& e) {
        EXPECT_NE(std::string(e.what()).find("'Iext'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("tau"), std::string::npos) << "lists the parameters: " << e.what();
    }
    s.points = 0;
    EXPECT_THROW(runFiCurve(model, lifSettings(0.1), s), AnalysisError);
    s.points = 5;
    s.driveMin = 2e-9;
    s.driveMax = 1e-9;
    EXPECT_THROW(runFiCurve(model, lifSettings(0.1), s), AnalysisError);
    s.driveMin = 0;
    s.transient = 0.2; // longer than the run
    EXPECT_THROW(runFiCurve(model, lifSettings(0.1), s), AnalysisError);
}

TEST(FiCurve, ProgressReachesOneAndJsonHasTheCurve) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    s.driveMax = 3e-9;
    s.points = 7;
    JobContext job;
    double highest = 0;
    job.setProgressListener([&](double f, const std::string&) { highest = std::max(highest, f); });
    const FiCurveResult r = runFiCurve(model, lifSettings(0.2), s, &job);
    EXPECT_DOUBLE_EQ(job.progress(), 1.0);
    EXPECT_LE(highest, 1.0);
    const auto j = toJson(r);
    EXPECT_EQ(j["kind"], "fi_curve");
    EXPECT_EQ(j["rate"].size(), 7u);
    EXPECT_NEAR(j["rheobase"].get<double>(), 1.5e-9, 0.01e-9);
}

TEST(FiCurve, CancelStopsALongSweepPromptly) {
    const NeuronModel model = NeuronModel::compile(lifSpec());
    FiCurveSettings s;
    s.driveMax = 4e-9;
    s.points = 2000; // 2000 s of simulated time at dt = 10 us: well over 10 s of work
    JobContext job;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        job.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(runFiCurve(model, lifSettings(1.0), s, &job), JobCancelled);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    canceller.join();
    EXPECT_LT(seconds, 2.0) << "cancel took too long";
}

} // namespace
} // namespace scs
