// SPDX-License-Identifier: MIT
// Playground speed: the Hodgkin-Huxley single run and f-I sweep that ../shared/bench/brian2_hh.py
// runs in Brian2, with the same equations, dt, method, currents and duration.
// Run through scripts/bench-playground.sh, which runs Brian2 in the same session and prints ratios.
#include "ode/LaneBlock.h"
#include "ode/NativeStep.h"
#include "ode/NativeStepCache.h"
#include "ode/Simulation.h"

#include <benchmark/benchmark.h>

namespace {

scs::ModelSpec hodgkinHuxley() {
    scs::ModelSpec s;
    s.name = "hodgkin_huxley";
    s.equations =
        "dv/dt = (gl*(El - v) - g_na*(m*m*m)*h*(v - ENa) - g_kd*(n*n*n*n)*(v - EK) + I)/Cm : volt\n"
        "dm/dt = 0.32*(mV**-1)*4*mV/exprel((13.*mV - v + VT)/(4*mV))/ms*(1 - m) - "
        "0.28*(mV**-1)*5*mV/exprel((v - VT - 40.*mV)/(5*mV))/ms*m : 1\n"
        "dn/dt = 0.032*(mV**-1)*5*mV/exprel((15.*mV - v + VT)/(5*mV))/ms*(1. - n) - "
        ".5*exp((10.*mV - v + VT)/(40.*mV))/ms*n : 1\n"
        "dh/dt = 0.128*exp((17.*mV - v + VT)/(18.*mV))/ms*(1. - h) - 4./(1 + exp((40.*mV - v + VT)/(5.*mV)))/ms*h : 1\n"
        "I : amp";
    s.threshold = "v > -20*mV";
    s.refractory = "v > -20*mV";
    s.parameters = {{"Cm", "1*uF"},          {"gl", "0.1*msiemens"}, {"El", "-65*mV"},
                    {"EK", "-90*mV"},        {"ENa", "50*mV"},       {"g_na", "100*msiemens"},
                    {"g_kd", "30*msiemens"}, {"VT", "-63*mV"},       {"I", "5*uA"}};
    s.initialValues = {{"v", "-65*mV"}, {"m", "0"}, {"n", "0"}, {"h", "1"}};
    s.method = "rk4";
    return s;
}

// One neuron, 200 ms at dt 0.01 ms. Arg 0, `record` 1: every state every step (what the playground
// plots); 0: spikes only, as Brian2's reference records. Arg 1, `native` 1: the step compiled to
// machine code (compiled once before timing, as every run after a model's first finds it cached);
// 0: the interpreter.
void HH_Single(benchmark::State& state) {
    const scs::NeuronModel model = scs::NeuronModel::compile(hodgkinHuxley());
    scs::SimulationSettings s;
    s.dt = 0.01e-3;
    s.duration = 0.2;
    s.recordEvery = state.range(0) ? 1 : 20000;
    s.nativeCode = state.range(1) ? scs::NativeCode::Always : scs::NativeCode::Never;
    if (scs::simulate(model, s).nativeCode != (state.range(1) != 0)) state.SkipWithError("native code unavailable");
    std::size_t spikes = 0;
    for (auto _ : state) {
        const auto r = scs::simulate(model, s);
        spikes = r.spikeTimes.size();
        benchmark::DoNotOptimize(spikes);
    }
    state.counters["spikes"] = static_cast<double>(spikes);
}
BENCHMARK(HH_Single)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->ArgNames({"record", "native"})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

// What a model's first native run pays once: libgccjit compiling HH's rk4 step.
void HH_NativeCompile(benchmark::State& state) {
    const scs::NeuronModel model = scs::NeuronModel::compile(hodgkinHuxley());
    for (auto _ : state) benchmark::DoNotOptimize(scs::NativeStep::compile(model.compiled(), scs::Method::Rk4, -1));
}
BENCHMARK(HH_NativeCompile)->Unit(benchmark::kMillisecond)->Iterations(10);

// 100 currents from 0.5 to 20 uA, 1 s each, as brian2_hh.py's f-I sweep. Arg: threads.
void HH_FiCurve(benchmark::State& state) {
    const scs::NeuronModel model = scs::NeuronModel::compile(hodgkinHuxley());
    scs::BatchSettings b;
    b.base.dt = 0.01e-3;
    b.base.duration = 1.0;
    b.varied = {"I"};
    for (int i = 0; i < 100; ++i) b.values.push_back({(0.5 + 19.5 * i / 99.0) * 1e-6});
    b.threads = static_cast<int>(state.range(0));
    std::size_t spikes = 0;
    for (auto _ : state) {
        const auto r = scs::simulateBatch(model, b);
        spikes = 0;
        for (const auto& s : r.spikeTimes) spikes += s.size();
        benchmark::DoNotOptimize(spikes);
    }
    state.counters["spikes"] = static_cast<double>(spikes);
}
BENCHMARK(HH_FiCurve)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(3);

// The slider path's engine half: a 4-state model (HH), 20,000 steps, recording every step, as a
// slider move after the first (the first compiles the step in the background).
void Slider_FourStates_20kSteps(benchmark::State& state) {
    const scs::NeuronModel model = scs::NeuronModel::compile(hodgkinHuxley());
    scs::SimulationSettings s;
    s.dt = 0.01e-3;
    s.duration = 0.2;
    benchmark::DoNotOptimize(scs::simulate(model, s)); // a model's first run starts its native compile
    scs::NativeStepCache::instance().waitIdle();
    for (auto _ : state) benchmark::DoNotOptimize(scs::simulate(model, s));
}
BENCHMARK(Slider_FourStates_20kSteps)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
