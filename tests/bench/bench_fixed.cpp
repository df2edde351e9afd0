// SPDX-License-Identifier: MIT
// Fixed-point simulation speed (issue 4): within 2x of the float simulation of the same model,
// both forward Euler, same dt and duration, traces recorded every step. Side by side in one run:
// compare the pairs' times (ratios), not absolute numbers.
#include "fixed/FixedSimulation.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <benchmark/benchmark.h>

namespace {

struct Case {
    scs::NeuronModel model;
    scs::SimulationSettings settings;
};

Case load(const std::string& id) {
    static const scs::ModelCatalogue catalogue = scs::ModelCatalogue::loadDefault();
    const scs::CatalogueEntry* e = catalogue.find(id);
    if (!e) throw std::runtime_error("no catalogue model " + id);
    Case c{scs::NeuronModel::compile(e->spec), {}};
    c.settings.dt = scs::parseQuantity(e->dt, "dt").value;
    c.settings.duration = 1.0; // one simulated second
    c.settings.method = "euler";
    c.settings.drive = e->drive;
    if (!e->protocol.empty()) c.settings.protocol = scs::Protocol::parse(e->protocol);
    return c;
}

const scs::fixed::FixedContract kQ16{scs::fixed::QFormat::parse("Q16.16")};

void floatRun(benchmark::State& state, const std::string& id) {
    const Case c = load(id);
    for (auto _ : state) benchmark::DoNotOptimize(scs::simulate(c.model, c.settings).spikeTimes.size());
    state.counters["steps/s"] =
        benchmark::Counter(c.settings.duration / c.settings.dt, benchmark::Counter::kIsIterationInvariantRate);
}

void fixedRun(benchmark::State& state, const std::string& id) {
    const Case c = load(id);
    for (auto _ : state)
        benchmark::DoNotOptimize(scs::fixed::simulateFixed(c.model, c.settings, kQ16).run.spikeTimes.size());
    state.counters["steps/s"] =
        benchmark::Counter(c.settings.duration / c.settings.dt, benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK_CAPTURE(floatRun, lif, std::string("lif"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(fixedRun, lif, std::string("lif"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(floatRun, izhikevich_rs, std::string("izhikevich_rs"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(fixedRun, izhikevich_rs, std::string("izhikevich_rs"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(floatRun, hodgkin_huxley, std::string("hodgkin_huxley"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(fixedRun, hodgkin_huxley, std::string("hodgkin_huxley"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
