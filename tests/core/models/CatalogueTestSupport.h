// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — helpers shared by the catalogue tests: the bundled folder, runs, spike statistics.
#pragma once

#include "models/ModelCatalogue.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"
#include "units/Quantity.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace scs::test {

inline std::filesystem::path bundledModelsDir() { return std::filesystem::path(SCS_TEST_RESOURCES_DIR) / "models"; }

/// File stems of resources/models/*.json, sorted; read without the loader so a loader defect cannot
/// hide a file.
inline std::vector<std::string> bundledModelIds() {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& item : std::filesystem::directory_iterator(bundledModelsDir(), ec))
        if (item.path().extension() == ".json") ids.push_back(item.path().stem().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// Loaded once per test program; entries are read-only.
inline const ModelCatalogue& bundledCatalogue() {
    static const ModelCatalogue catalogue = ModelCatalogue::loadDirectory(bundledModelsDir());
    return catalogue;
}

/// A parameter of the entry in SI. Throws when it is missing.
inline double parameterSI(const CatalogueEntry& e, const std::string& name) {
    const auto text = e.spec.parameter(name);
    if (!text) throw std::runtime_error(e.id + " has no parameter " + name);
    return parseQuantity(*text, name).value;
}

/// The run an entry describes: its dt, duration, drive and protocol, its own integration method.
inline SimulationSettings settingsFor(const CatalogueEntry& e) {
    SimulationSettings s;
    s.dt = parseQuantity(e.dt, "dt").value;
    s.duration = parseQuantity(e.duration, "duration").value;
    s.drive = e.drive;
    if (!e.protocol.empty()) s.protocol = Protocol::parse(e.protocol);
    s.recordEvery = 10; // traces are only checked for being finite
    return s;
}

/// Spike times (s) within [from, to).
inline std::vector<double> spikesIn(const std::vector<double>& spikes, double from, double to) {
    std::vector<double> out;
    for (double t : spikes)
        if (t >= from && t < to) out.push_back(t);
    return out;
}

inline std::vector<double> intervals(const std::vector<double>& spikes) {
    std::vector<double> isi;
    for (std::size_t k = 1; k < spikes.size(); ++k) isi.push_back(spikes[k] - spikes[k - 1]);
    return isi;
}

inline double mean(const std::vector<double>& x) {
    return x.empty() ? 0.0 : std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

/// Coefficient of variation (std / mean); 0 for fewer than two values.
inline double coefficientOfVariation(const std::vector<double>& x) {
    if (x.size() < 2) return 0.0;
    const double m = mean(x);
    double ss = 0.0;
    for (double v : x) ss += (v - m) * (v - m);
    return std::sqrt(ss / static_cast<double>(x.size())) / m;
}

/// How well the intervals split into two groups (within-burst and between-burst): the largest ratio
/// between neighbours in the sorted intervals, over splits that leave at least `minGroup` intervals on
/// each side. 1 when no such split exists. A bursting train gives a large ratio, a tonic or smoothly
/// adapting one a ratio near 1.
inline double bimodalGapRatio(std::vector<double> isi, std::size_t minGroup = 2) {
    std::sort(isi.begin(), isi.end());
    double best = 1.0;
    for (std::size_t k = minGroup; k + minGroup <= isi.size(); ++k)
        if (isi[k - 1] > 0) best = std::max(best, isi[k] / isi[k - 1]);
    return best;
}

} // namespace scs::test
