// SPDX-License-Identifier: MIT
// Integrators against closed forms, Brian2's default method, refractoriness, resets, randomness
// and batch determinism.
#include "ode/Derivatives.h"
#include "ode/Simulation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace scs {
namespace {

ModelSpec leak() { // dv/dt = (E - v)/tau, v(0) = 0: v(t) = E (1 - exp(-t/tau))
    ModelSpec s;
    s.equations = "dv/dt = (E - v)/tau : volt";
    s.parameters = {{"E", "10*mV"}, {"tau", "10*ms"}};
    return s;
}

double finalError(const std::string& method, double dt) {
    const NeuronModel m = NeuronModel::compile(leak());
    SimulationSettings s;
    s.method = method;
    s.dt = dt;
    s.duration = 0.02;
    s.recordEvery = 1;
    const auto r = simulate(m, s);
    const double t = r.time.back();
    return std::abs(r.traces[0].back() - 0.01 * (1 - std::exp(-t / 0.01)));
}

TEST(Integrators, ExactAndExponentialEulerAreExactForLinearDecay) {
    EXPECT_LT(finalError("exact", 1e-3), 1e-15);
    EXPECT_LT(finalError("exponential_euler", 1e-3), 1e-15);
}

TEST(Integrators, ConvergenceOrders) {
    const double e1 = finalError("euler", 1e-4), e1h = finalError("euler", 0.5e-4);
    const double e2 = finalError("rk2", 1e-4), e2h = finalError("rk2", 0.5e-4);
    const double e4 = finalError("rk4", 4e-4), e4h = finalError("rk4", 2e-4);
    EXPECT_NEAR(e1 / e1h, 2.0, 0.2);
    EXPECT_NEAR(e2 / e2h, 4.0, 0.4);
    EXPECT_NEAR(e4 / e4h, 16.0, 2.0);
}

TEST(Integrators, ADerivativeThatIsAnotherStateSeesThatStatesStartOfStageValue) {
    // dx/dt = y reads y's own slot. The integrators update y before x within a stage; x must still
    // see y's value from the start of the stage, or the oscillator drifts off cos(t/ms).
    ModelSpec spec;
    spec.equations = "dy/dt = -x/ms**2 : Hz\ndx/dt = y : 1";
    spec.initialValues = {{"x", "1"}, {"y", "0*Hz"}};
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.dt = 0.01e-3;
    s.duration = 0.02;
    s.method = "rk4";
    for (NativeCode code : {NativeCode::Never, NativeCode::Always}) {
        s.nativeCode = code;
        const SimulationResult r = simulate(model, s);
        const std::vector<double>& x = *r.trace("x");
        for (std::size_t i = 0; i < r.time.size(); i += 100) EXPECT_NEAR(x[i], std::cos(r.time[i] / 1e-3), 1e-7);
    }
}

TEST(Integrators, ExactSolvesCoupledLinearSystems) {
    // Harmonic oscillator: x'' = -w^2 x. Exact method must follow cos(w t) at any dt.
    ModelSpec s;
    s.equations = "dx/dt = y/ms : 1\ndy/dt = -x/ms : 1";
    s.initialValues = {{"x", "1"}, {"y", "0"}};
    const NeuronModel m = NeuronModel::compile(s);
    EXPECT_EQ(m.defaultMethod(), "exact");
    SimulationSettings settings;
    settings.dt = 0.5e-3;
    settings.duration = 0.02;
    const auto r = simulate(m, settings);
    for (std::size_t i = 0; i < r.time.size(); ++i) EXPECT_NEAR(r.traces[0][i], std::cos(r.time[i] / 1e-3), 1e-12);
}

TEST(Integrators, DefaultMethodFollowsBrian2) {
    EXPECT_EQ(NeuronModel::compile(leak()).defaultMethod(), "exact");
    ModelSpec t = leak();
    t.equations = "dv/dt = (E - v)/tau + sin(t/ms)*mV/ms : volt";
    EXPECT_EQ(NeuronModel::compile(t).defaultMethod(), "euler"); // time-dependent
    ModelSpec q = leak();
    q.equations = "dv/dt = v**2/(mV*tau) : volt";
    EXPECT_EQ(NeuronModel::compile(q).defaultMethod(), "euler");
}

ModelSpec lif() {
    ModelSpec s;
    s.equations = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\nI : amp";
    s.threshold = "v > -50*mV";
    s.reset = "v = -65*mV";
    s.refractory = "5*ms";
    s.parameters = {{"El", "-65*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "3*nA"}};
    s.initialValues = {{"v", "-65*mV"}};
    return s;
}

TEST(Refractoriness, VoltageIsClampedForTheRefractoryDuration) {
    const NeuronModel m = NeuronModel::compile(lif());
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.1;
    s.method = "exact";
    const auto r = simulate(m, s);
    ASSERT_GE(r.spikeSteps.size(), 2u);
    const auto& v = r.traces[0];
    const std::int64_t first = r.spikeSteps[0];
    for (std::int64_t k = first + 1; k <= first + 50; ++k) EXPECT_DOUBLE_EQ(v[static_cast<std::size_t>(k)], -0.065);
    EXPECT_GT(v[static_cast<std::size_t>(first + 52)], -0.065);
    // Analytic ISI: refractory + tau ln(RI/(RI - 15 mV)).
    const double isi = 0.005 + 0.01 * std::log(0.03 / 0.015);
    EXPECT_NEAR(r.spikeTimes[1] - r.spikeTimes[0], isi, 2 * s.dt);
}

TEST(Refractoriness, UnlessRefractoryWithoutARefractoryPeriodNeverFreezes) {
    ModelSpec s = lif();
    s.refractory.clear();
    const NeuronModel m = NeuronModel::compile(s);
    SimulationSettings settings;
    settings.dt = 0.1e-3;
    settings.duration = 0.1;
    const auto r = simulate(m, settings);
    // No refractory time: ISI = tau ln(RI/(RI - 15 mV)) = 6.9 ms -> 14 spikes in 100 ms.
    EXPECT_EQ(r.spikeTimes.size(), 14u);
}

TEST(Reset, StatementsRunInOrderAndSeeEachOther) {
    ModelSpec s;
    s.equations = "dv/dt = 1/ms : 1\ndw/dt = 0/ms : 1";
    s.threshold = "v > 1";
    s.reset = "w += v\nv = 0\nw *= 2";
    const NeuronModel m = NeuronModel::compile(s);
    SimulationSettings settings;
    settings.dt = 0.1e-3;
    settings.duration = 1.5e-3;
    const auto r = simulate(m, settings);
    ASSERT_EQ(r.spikeSteps.size(), 1u);
    EXPECT_NEAR(r.traces[1].back(), 2 * 1.1, 1e-12);
}

TEST(Randomness, SeededAndReproducible) {
    ModelSpec s;
    s.equations = "dx/dt = (randn() - x)/ms : 1\ndy/dt = rand()/ms : 1";
    const NeuronModel m = NeuronModel::compile(s);
    SimulationSettings a;
    a.method = "euler";
    a.seed = 42;
    const auto r1 = simulate(m, a), r2 = simulate(m, a);
    EXPECT_EQ(r1.traces, r2.traces);
    a.seed = 43;
    EXPECT_NE(simulate(m, a).traces, r1.traces);
    const double meanSlope = r1.traces[1].back() / (r1.time.back() / 1e-3);
    EXPECT_NEAR(meanSlope, 0.5, 0.05); // mean of rand()
}

TEST(Batch, MatchesSingleRunsAndIgnoresThreadCount) {
    const NeuronModel m = NeuronModel::compile(lif());
    BatchSettings b;
    b.base.dt = 0.1e-3;
    b.base.duration = 0.2;
    b.base.method = "euler";
    b.varied = {"I"};
    for (int k = 0; k < 37; ++k) b.values.push_back({(1.0 + 0.1 * k) * 1e-9});
    b.threads = 1;
    const auto one = simulateBatch(m, b);
    b.threads = 2;
    const auto two = simulateBatch(m, b);
    EXPECT_EQ(one.spikeTimes, two.spikeTimes);
    for (int k : {0, 16, 36}) {
        SimulationSettings s = b.base;
        s.parameterOverrides = {{"I", b.values[static_cast<std::size_t>(k)][0]}};
        EXPECT_EQ(simulate(m, s).spikeTimes, one.spikeTimes[static_cast<std::size_t>(k)]) << k;
    }
    EXPECT_TRUE(one.spikeTimes[0].empty()); // 1 nA * 10 Mohm = 10 mV < 15 mV: never fires
    EXPECT_GT(one.spikeTimes[36].size(), one.spikeTimes[20].size());
}

TEST(Batch, PerCopyProtocolsAndCancellation) {
    const NeuronModel m = NeuronModel::compile(lif());
    BatchSettings b;
    b.base.dt = 0.1e-3;
    b.base.duration = 0.1;
    b.protocols = {Protocol::parse("constant amplitude=0*nA"), Protocol::parse("step amplitude=4*nA start=50*ms")};
    const auto r = simulateBatch(m, b);
    EXPECT_TRUE(r.spikeTimes[0].empty());
    ASSERT_FALSE(r.spikeTimes[1].empty());
    EXPECT_GE(r.spikeTimes[1].front(), 0.05);

    JobContext job;
    job.cancel();
    b.base.duration = 100.0;
    EXPECT_THROW(simulateBatch(m, b, &job), JobCancelled);
}

TEST(Batch, BadOverridesAreAnErrorNotACrash) {
    const NeuronModel m = NeuronModel::compile(lif());
    BatchSettings b;
    b.base.duration = 0.01;
    b.base.parameterOverrides = {{"taum", 0.02}};
    b.copies = 40;
    b.threads = 2;
    EXPECT_THROW(simulateBatch(m, b), SimulationError);
    JobContext job;
    EXPECT_THROW(simulateBatch(m, b, &job), SimulationError);
}

TEST(Derivatives, EvaluatesTheRightHandSide) {
    const NeuronModel m = NeuronModel::compile(lif());
    const auto d = evaluateDerivatives(m, {-0.060}, {{"I", 0.0}});
    EXPECT_NEAR(d[0], (-0.065 + 0.060) / 0.01, 1e-12);
    EXPECT_THROW(evaluateDerivatives(m, {0, 0}), std::invalid_argument);
}

} // namespace
} // namespace scs
