// SPDX-License-Identifier: MIT
// Network simulator speed: the CUBA network of ../shared/bench/brian2_cuba.py (4,000 LIF, p = 0.02,
// exact, 1 s, dt 0.1 ms) with 1 and 2 threads, and a 100,000-neuron / 10,000,000-synapse network
// (CUBA scaled with a fixed in-degree of 100) for synaptic events per second and memory per synapse.
// Timed: the run (simulateBuilt), not drawing the synapses, as Brian2's last_run_info times run().
// Run through scripts/bench-network.sh, which runs Brian2 in the same session and prints ratios.
#include "network/NetworkSimulator.h"

#include "../core/network/CubaNetwork.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <unistd.h>

namespace {

double residentBytes() {
    std::ifstream in("/proc/self/statm");
    double pages = 0, resident = 0;
    in >> pages >> resident;
    return resident * static_cast<double>(sysconf(_SC_PAGESIZE));
}

/// Bytes the simulator holds per synapse: targets, weights, delays and the row offsets.
double structureBytesPerSynapse(const scs::BuiltNetwork& net) {
    double bytes = 0;
    for (const scs::BuiltProjection& p : net.projections)
        bytes += static_cast<double>(p.rows.targets.size() * sizeof(std::int32_t) + p.weights.size() * sizeof(float) +
                                     p.delays.size() * sizeof(std::uint16_t) +
                                     p.rows.offsets.size() * sizeof(std::uint64_t));
    return bytes / static_cast<double>(net.synapses);
}

void report(benchmark::State& state, const scs::NetworkResult& r, double seconds) {
    std::size_t spikes = 0;
    for (const auto& p : r.spikes) spikes += p.count();
    state.counters["spikes"] = static_cast<double>(spikes);
    state.counters["synapses"] = static_cast<double>(r.synapses);
    state.counters["events"] = static_cast<double>(r.synapticEvents);
    state.counters["events_per_s"] = static_cast<double>(r.synapticEvents) / seconds;
}

// Arg: threads.
void Cuba(benchmark::State& state) {
    scs::BuiltNetwork net = scs::buildNetwork(scs::test::cubaNetwork(4000, 1));
    scs::NetworkResult r;
    double total = 0;
    for (auto _ : state) {
        r = scs::simulateBuilt(net, static_cast<int>(state.range(0)));
        total += r.wallSeconds;
    }
    report(state, r, total / static_cast<double>(state.iterations()));
}
BENCHMARK(Cuba)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// 100,000 neurons, in-degree 100 (10^7 synapses), 0.2 s. Args: threads.
void Large(benchmark::State& state) {
    const double before = residentBytes();
    scs::NetworkGraph g = scs::test::cubaNetwork(100000, 1, 0.02, "200*ms");
    for (scs::Projection& p : g.projections) {
        p.connectivity.kind = scs::ConnectivityRule::Kind::FixedInDegree;
        p.connectivity.degree = p.source == "exc" ? 80 : 20;
    }
    scs::BuiltNetwork net = scs::buildNetwork(g);
    scs::NetworkResult r;
    double total = 0, peak = 0;
    for (auto _ : state) {
        r = scs::simulateBuilt(net, static_cast<int>(state.range(0)));
        total += r.wallSeconds;
        peak = std::max(peak, residentBytes());
    }
    report(state, r, total / static_cast<double>(state.iterations()));
    state.counters["bytes_per_synapse"] = structureBytesPerSynapse(net);
    state.counters["rss_per_synapse"] = (peak - before) / static_cast<double>(net.synapses);
}
BENCHMARK(Large)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
