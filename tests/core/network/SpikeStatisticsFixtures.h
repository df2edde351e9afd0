// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — synthetic spike trains with known statistics (Poisson, regular, synchronous).
//
// Shared by the statistics tests, the raster/view widget tests and bench_raster. Header-only and
// Qt-free. Every generator is deterministic for its seed and returns spikes in the NetworkResult
// contract: parallel (step, neuron) arrays in time order.
#pragma once

#include "network/NetworkResult.h"
#include "util/Random.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace scs::test {

/// Orders per-neuron spike steps into the (step, neuron) arrays by a counting sort over steps:
/// linear, so a million spikes take milliseconds.
inline PopulationSpikes mergeTrains(const std::string& name, int size, std::int64_t steps,
                                    const std::vector<std::vector<std::int32_t>>& trains) {
    PopulationSpikes p;
    p.populationId = name;
    p.name = name;
    p.size = size;
    std::vector<std::int64_t> start(static_cast<std::size_t>(steps) + 1, 0);
    std::size_t total = 0;
    for (const auto& t : trains) {
        total += t.size();
        for (std::int32_t s : t) ++start[static_cast<std::size_t>(s) + 1];
    }
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    p.steps.resize(total);
    p.neurons.resize(total);
    for (std::size_t n = 0; n < trains.size(); ++n)
        for (std::int32_t s : trains[n]) {
            const auto at = static_cast<std::size_t>(start[static_cast<std::size_t>(s)]++);
            p.steps[at] = s;
            p.neurons[at] = static_cast<std::int32_t>(n);
        }
    return p;
}

/// Independent Poisson trains of `rateHz` for every neuron (exponential ISIs, rounded down to steps).
inline PopulationSpikes poissonPopulation(const std::string& name, int size, double rateHz, double dt,
                                          std::int64_t steps, std::uint64_t seed) {
    std::vector<std::vector<std::int32_t>> trains(static_cast<std::size_t>(size));
    const double duration = dt * static_cast<double>(steps);
    for (int n = 0; n < size; ++n) {
        Random rng = Random::stream(seed, static_cast<std::uint64_t>(n));
        double t = 0;
        for (;;) {
            t += -std::log(1.0 - rng.uniform()) / rateHz;
            if (t >= duration) break;
            const auto s = static_cast<std::int32_t>(t / dt);
            if (s >= steps) break;
            trains[static_cast<std::size_t>(n)].push_back(s);
        }
    }
    return mergeTrains(name, size, steps, trains);
}

/// Every neuron fires every `period` steps; neuron n's first spike is at step n % period.
inline PopulationSpikes regularPopulation(const std::string& name, int size, std::int32_t period, std::int64_t steps) {
    std::vector<std::vector<std::int32_t>> trains(static_cast<std::size_t>(size));
    for (int n = 0; n < size; ++n)
        for (std::int64_t s = n % period; s < steps; s += period)
            trains[static_cast<std::size_t>(n)].push_back(static_cast<std::int32_t>(s));
    return mergeTrains(name, size, steps, trains);
}

/// One Poisson train of `rateHz`, fired by all of the first `active` neurons at once (the others
/// stay silent; active < 0 means all).
inline PopulationSpikes synchronousPopulation(const std::string& name, int size, double rateHz, double dt,
                                              std::int64_t steps, std::uint64_t seed, int active = -1) {
    const PopulationSpikes shared = poissonPopulation(name, 1, rateHz, dt, steps, seed);
    if (active < 0) active = size;
    std::vector<std::vector<std::int32_t>> trains(static_cast<std::size_t>(size));
    for (int n = 0; n < active; ++n) trains[static_cast<std::size_t>(n)] = shared.steps;
    return mergeTrains(name, size, steps, trains);
}

inline NetworkResult makeResult(double dt, std::int64_t steps, std::vector<PopulationSpikes> populations) {
    NetworkResult r;
    r.dt = dt;
    r.steps = steps;
    r.spikes = std::move(populations);
    return r;
}

} // namespace scs::test
