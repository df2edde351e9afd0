// SPDX-License-Identifier: MIT
// RTL speed: compiling a 4-state model to fixed point and printing its SystemVerilog (target
// < 50 ms), and the Verilator co-simulation's throughput in module-cycles per second (the build
// is done once, outside the timing, and reported as a counter). items_per_second is wall-clock
// module-cycles of a whole run (stimulus file, harness, FixedStepper comparison);
// harness_module_cycles_per_s is the Verilator harness alone.
#include "fixed/FixedCompiler.h"
#include "hdl/Cosim.h"
#include "hdl/SvEmitter.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

namespace {

using namespace scs;

fixed::FixedCompileOptions options(const CatalogueEntry& entry, const char* format) {
    fixed::FixedCompileOptions o;
    o.contract = {fixed::QFormat::parse(format), fixed::Overflow::Saturate, fixed::Rounding::Nearest};
    o.dt = parseQuantity(entry.dt, "dt").value;
    o.drive = entry.drive;
    return o;
}

/// Hodgkin-Huxley (v, m, n, h; exprel and exp tables) in Q20.12.
void Rtl_CompileAndEmit_HodgkinHuxley(benchmark::State& state) {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* entry = catalogue.find("hodgkin_huxley");
    if (!entry) {
        state.SkipWithError("no hodgkin_huxley in the catalogue");
        return;
    }
    const NeuronModel model = NeuronModel::compile(entry->spec);
    const fixed::FixedCompileOptions o = options(*entry, "Q20.12");
    std::size_t bytes = 0, operations = 0;
    for (auto _ : state) {
        const fixed::FixedModelProgram program = fixed::compileFixed(model, o);
        const std::string text = hdl::emitSystemVerilog(program);
        bytes = text.size();
        operations = program.code.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.counters["operations"] = static_cast<double>(operations);
    state.counters["sv_kB"] = static_cast<double>(bytes) / 1e3;
}
BENCHMARK(Rtl_CompileAndEmit_HodgkinHuxley)->Unit(benchmark::kMillisecond);

/// `modules` LIF neurons (Q8.8) in one Verilator model, built once with -O1.
struct CosimFixture {
    std::unique_ptr<hdl::CosimModel> model;
    std::vector<std::vector<std::int64_t>> inputs;
    std::string error;
};

CosimFixture& fixture(int modules, std::int64_t cycles) {
    static std::map<int, CosimFixture> fixtures;
    CosimFixture& f = fixtures[modules];
    if (f.model || !f.error.empty()) return f;
    try {
        const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
        const CatalogueEntry& lif = *catalogue.find("lif");
        const fixed::FixedModelProgram program =
            fixed::compileFixed(NeuronModel::compile(lif.spec), options(lif, "Q8.8"));
        hdl::CosimOptions o;
        o.optimize = true;
        f.model = std::make_unique<hdl::CosimModel>(std::vector<fixed::FixedModelProgram>(modules, program), o);
        for (int k = 0; k < modules; ++k) {
            std::vector<std::int64_t> drive(static_cast<std::size_t>(cycles));
            for (std::size_t c = 0; c < drive.size(); ++c) drive[c] = ((c / 2000 + k) % 3) * 300; // 0 .. 2.3 nA
            f.inputs.push_back(std::move(drive));
        }
    } catch (const std::exception& e) {
        f.error = e.what();
    }
    return f;
}

void Rtl_CosimThroughput(benchmark::State& state) {
    const int modules = static_cast<int>(state.range(0));
    constexpr std::int64_t kCycles = 200000;
    CosimFixture& f = fixture(modules, kCycles);
    if (!f.error.empty()) {
        state.SkipWithError(f.error.c_str());
        return;
    }
    double harness = 0;
    for (auto _ : state) {
        const auto results = f.model->run(f.inputs);
        harness += f.model->lastRunSeconds();
        if (!results.front().matched()) state.SkipWithError(results.front().summary().c_str());
    }
    const double moduleCycles = static_cast<double>(kCycles) * modules;
    state.SetItemsProcessed(static_cast<std::int64_t>(moduleCycles) * state.iterations());
    state.counters["build_s"] = f.model->buildSeconds();
    state.counters["harness_module_cycles_per_s"] = moduleCycles * static_cast<double>(state.iterations()) / harness;
}
BENCHMARK(Rtl_CosimThroughput)->Arg(1)->Arg(64)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
