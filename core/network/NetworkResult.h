// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what a network run produces: spikes, recorded states and population rates.
//
// Spikes are kept as two parallel arrays per population (time step, neuron index), in time order:
// a million spikes are 8 MB, and viewers and statistics scan them linearly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scs {

struct PopulationSpikes {
    std::string populationId;
    std::string name;
    int size = 0;
    std::vector<std::int32_t> steps;   // time step of each spike, non-decreasing
    std::vector<std::int32_t> neurons; // neuron index within the population, same length as steps
    std::size_t count() const { return steps.size(); }
};

/// One recorded state variable of one neuron, sampled every step (SI units).
struct StateTrace {
    std::string monitorId;
    std::string populationId;
    std::string variable;
    int neuron = 0;
    std::string unit; // display unit, e.g. "mV"
    double scale = 1; // SI per display unit
    std::vector<double> values;
};

/// A population's instantaneous rate (Hz) in bins of `binWidth` seconds.
struct RateTrace {
    std::string monitorId;
    std::string populationId;
    double binWidth = 1e-3;
    std::vector<double> hz;
};

struct NetworkResult {
    double dt = 1e-4; // seconds
    std::int64_t steps = 0;
    double duration() const { return dt * static_cast<double>(steps); }
    std::vector<PopulationSpikes> spikes; // one per population, in the graph's order
    std::vector<StateTrace> traces;
    std::vector<RateTrace> rates;
    std::uint64_t synapses = 0;
    std::uint64_t synapticEvents = 0; // spikes delivered over synapses
    double wallSeconds = 0;
};

} // namespace scs
