// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — how much memory a network run will need, estimated before building it.
#pragma once

#include "network/NetworkGraph.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scs {

struct MemoryEstimate {
    double bytes = 0;
    double synapses = 0; // expected count
    /// What the bytes are for, largest items first: ("projection 'ee': 10,000,000 synapses", bytes).
    std::vector<std::pair<std::string, double>> breakdown;
    /// "1.2 GiB (projection 'ee' 800 MiB, ...)" for messages.
    std::string summary() const;
};

/// Estimate from sizes and rules only (no synapse is drawn). Spikes are counted at 50 Hz per neuron.
/// Throws NetworkError for unparsable dt/duration.
MemoryEstimate estimateMemory(const NetworkGraph& graph, std::optional<double> duration = {});

/// MemAvailable from /proc/meminfo in bytes (0 if unknown).
double availableMemory();

/// Bytes held per synapse by the simulator (target index, weight, optional delay).
double bytesPerSynapse(bool heterogeneousDelays, bool stdp);

/// "1.5 GiB", "300 MiB", "12 KiB".
std::string formatBytes(double bytes);

} // namespace scs
