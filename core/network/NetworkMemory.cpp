// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — memory estimates for network runs.
#include "network/NetworkMemory.h"

#include "network/Connectivity.h"
#include "network/NetworkBuilder.h"
#include "network/NetworkError.h"
#include "ode/CompiledModel.h"
#include "units/Quantity.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace scs {

namespace {

double slotsPerNeuron(const Population& p) {
    try {
        const NeuronModel m = NeuronModel::compile(p.model);
        return m.compiled().slotCount() + 4.0 * static_cast<double>(m.states().size()) + 8.0;
    } catch (const std::exception&) {
        return 64; // invalid models are reported by the builder; guess generously here
    }
}

/// The longest delay a ValueSpec can give, in seconds (0 if it cannot be told without drawing).
double longestDelay(const ValueSpec& v) {
    try {
        switch (v.kind) {
        case ValueSpec::Kind::Constant:
            return parseQuantity(v.a, "delay").value;
        case ValueSpec::Kind::Uniform:
            return parseQuantity(v.b, "delay").value;
        case ValueSpec::Kind::Normal:
            return parseQuantity(v.a, "delay").value + 4 * parseQuantity(v.b, "delay").value;
        case ValueSpec::Kind::Expression:
            return 0.01;
        }
    } catch (const std::exception&) {}
    return 0;
}

int sizeOfSource(const NetworkGraph& g, const std::string& id) {
    if (const Population* p = g.population(id)) return p->size;
    if (const Stimulus* s = g.stimulus(id)) {
        int n = s->size;
        for (const auto& spike : s->spikes) n = std::max(n, spike.first + 1);
        return n;
    }
    return 0;
}

} // namespace

double bytesPerSynapse(bool heterogeneousDelays, bool stdp) {
    // int32 target + float weight (+ uint16 delay) (+ uint32 column index for STDP's post pass).
    return 8.0 + (heterogeneousDelays ? 2.0 : 0.0) + (stdp ? 4.0 : 0.0);
}

std::string formatBytes(double bytes) {
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    std::ostringstream out;
    out.precision(bytes < 10 ? 2 : 3);
    out << bytes << ' ' << units[u];
    return out.str();
}

std::string MemoryEstimate::summary() const {
    std::string s = formatBytes(bytes);
    if (breakdown.empty()) return s;
    s += " (";
    for (std::size_t k = 0; k < breakdown.size() && k < 4; ++k)
        s += (k ? ", " : "") + breakdown[k].first + ": " + formatBytes(breakdown[k].second);
    return s + ")";
}

MemoryEstimate estimateMemory(const NetworkGraph& graph, std::optional<double> duration) {
    const auto [dt, steps] = networkTiming(graph, duration);
    MemoryEstimate e;
    const double seconds = dt * static_cast<double>(steps);
    for (const Population& p : graph.populations) {
        const double n = std::max(0, p.size);
        // Neuron slots, per-neuron values, spikes recorded at 50 Hz (8 bytes each).
        const double bytes = n * slotsPerNeuron(p) * 8.0 + n * 50.0 * seconds * 8.0;
        e.breakdown.emplace_back("population '" + p.id + "'", bytes);
    }
    for (const Projection& pr : graph.projections) {
        ConnectivityInput in;
        in.sources = sizeOfSource(graph, pr.source);
        const Population* target = graph.population(pr.target);
        in.targets = target ? target->size : 0;
        in.recurrent = pr.source == pr.target;
        in.rule = pr.connectivity;
        const double synapses = std::max(0.0, expectedSynapses(in));
        const bool hetero = pr.delay.kind != ValueSpec::Kind::Constant;
        const double ringSlots = std::floor(std::max(0.0, longestDelay(pr.delay)) / dt) + 1;
        double bytes = synapses * bytesPerSynapse(hetero, pr.stdp.has_value()) + (in.sources + 1.0) * 8.0 +
                       ringSlots * in.targets * 8.0;
        // Fixed in-degree is drawn per target and transposed: a second copy of the targets while building.
        if (pr.connectivity.kind == ConnectivityRule::Kind::FixedInDegree) bytes += synapses * 4.0;
        e.synapses += synapses;
        std::ostringstream label;
        label << "projection '" << pr.id << "' (" << std::llround(synapses) << " synapses)";
        e.breakdown.emplace_back(label.str(), bytes);
    }
    for (const Monitor& m : graph.monitors) {
        if (m.kind != Monitor::Kind::State) continue;
        const double traces = std::max<std::size_t>(1, m.variables.size()) * std::max<std::size_t>(1, m.indices.size());
        e.breakdown.emplace_back("monitor '" + m.id + "'", traces * static_cast<double>(steps) * 8.0);
    }
    for (const auto& item : e.breakdown) e.bytes += item.second;
    std::stable_sort(e.breakdown.begin(), e.breakdown.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return e;
}

double availableMemory() {
    std::ifstream in("/proc/meminfo");
    std::string key;
    double kib = 0;
    std::string unit;
    while (in >> key >> kib >> unit)
        if (key == "MemAvailable:") return kib * 1024.0;
    return 0;
}

} // namespace scs
