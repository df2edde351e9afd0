// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the playground runner: inline when fast, latest request wins when not.
#include "gui/SimulationRunner.h"

#include "GuiTestSupport.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace scs::ui;

namespace {

RunRequest lifRequest(double durationSeconds) {
    scs::ModelSpec spec;
    spec.name = "lif";
    spec.equations = "dv/dt = (El - v + R*I)/tau : volt\nI : amp";
    spec.threshold = "v > -50*mV";
    spec.reset = "v = El";
    spec.parameters = {{"El", "-65*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "2*nA"}};
    spec.initialValues = {{"v", "-65*mV"}};
    RunRequest r{scs::NeuronModel::compile(spec), {}, std::nullopt};
    r.settings.dt = 1e-5;
    r.settings.duration = durationSeconds;
    return r;
}

TEST(SimulationRunnerTest, FastRunsAreDeliveredBeforeRequestReturns) {
    SimulationRunner runner;
    QSignalSpy spy(&runner, &SimulationRunner::finished);
    runner.setInlineBudgetMs(1e9);
    runner.request(lifRequest(0.01));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_FALSE(runner.isBusy());
    const auto outcome = spy.at(0).at(0).value<RunOutcome>();
    EXPECT_TRUE(outcome.ok);
    EXPECT_EQ(outcome.result.steps, 1000);
}

TEST(SimulationRunnerTest, LatestRequestWinsWhileBusy) {
    SimulationRunner runner;
    runner.setInlineBudgetMs(0); // everything in the background
    QVector<std::int64_t> delivered;
    QObject::connect(&runner, &SimulationRunner::finished, [&](const RunOutcome& o) { delivered << o.result.steps; });
    runner.request(lifRequest(2.0));  // long enough to still run while the next ones arrive
    EXPECT_TRUE(runner.isBusy());
    for (int k = 1; k <= 4; ++k) runner.request(lifRequest(0.001 * k));
    EXPECT_TRUE(runner.hasQueued());
    runner.waitForIdle();
    ASSERT_EQ(delivered.size(), 2) << "queued requests must be replaced, not all run";
    EXPECT_EQ(delivered[0], 200000);
    EXPECT_EQ(delivered[1], 400) << "the last request is the one that runs";
}

TEST(SimulationRunnerTest, CancelStopsTheBackgroundRunWithoutDeliveringIt) {
    SimulationRunner runner;
    runner.setInlineBudgetMs(0);
    QSignalSpy finished(&runner, &SimulationRunner::finished);
    QSignalSpy idle(&runner, &SimulationRunner::idle);
    RunRequest longRun = lifRequest(200.0); // 20 M steps: far longer than the test waits
    longRun.settings.recordEvery = 10000;
    runner.request(longRun);
    runner.request(lifRequest(0.01));
    runner.cancel();
    ASSERT_TRUE(scs::test::waitFor([&] { return idle.count() > 0; }, 5000)) << "cancel did not stop the run";
    EXPECT_EQ(finished.count(), 0);
    EXPECT_FALSE(runner.hasQueued());
}

TEST(SimulationRunnerTest, BadSettingsGiveAMessageNotACrash) {
    SimulationRunner runner;
    RunRequest r = lifRequest(0.01);
    r.settings.dt = -1;
    const RunOutcome o = runner.runNow(r);
    EXPECT_FALSE(o.ok);
    EXPECT_FALSE(o.error.isEmpty());
}

} // namespace
