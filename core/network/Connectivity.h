// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — which neurons a projection connects, as compressed sparse rows.
#pragma once

#include "network/NetworkGraph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scs {

/// Synapses grouped by source: row i holds targets[offsets[i] .. offsets[i+1]), ascending.
struct SynapseRows {
    std::vector<std::uint64_t> offsets; // sources + 1
    std::vector<std::int32_t> targets;
    std::uint64_t size() const { return targets.size(); }
};

struct ConnectivityInput {
    std::string item; // "projection 'ee'", for messages
    int sources = 0;
    int targets = 0;
    bool recurrent = false; // source and target are the same population
    ConnectivityRule rule;
    std::uint64_t seed = 1;
    /// Grid positions (metres) for Distance; x0,y0,x1,y1,... (empty: no positions).
    std::vector<double> sourcePositions, targetPositions;
};

/// Draws the synapses. Reproducible: every row (or, for fixed in-degree, every target column) uses
/// its own stream Random::stream(seed, index). Throws NetworkError naming the item for an
/// impossible rule (in-degree above the possible sources, one-to-one between different sizes,
/// explicit pairs out of range, distance without positions, a probability outside [0, 1]).
SynapseRows connect(const ConnectivityInput& input);

/// The expected number of synapses without drawing them (for memory estimates).
double expectedSynapses(const ConnectivityInput& input);

/// x,y of every neuron of a population laid out on its grid (empty when columns == 0).
std::vector<double> gridPositions(const Population& population);

} // namespace scs
