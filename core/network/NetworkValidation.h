// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — checks a network graph before it is built, collecting every problem.
#pragma once

#include "network/NetworkGraph.h"

#include <string>
#include <vector>

namespace scs {

/// One problem, attached to the item the editor should mark. `itemId` is the population,
/// projection, stimulus or monitor id ("" for the graph itself: dt, duration); `field` names what
/// is wrong ("size", "weight", "connectivity.degree", "model.equations"); `message` is one sentence
/// naming the item by its name, e.g. "Projection 'E to I': weight is in amp but 'v' is in volt."
struct NetworkIssue {
    std::string itemId;
    std::string field;
    std::string message;
    bool operator==(const NetworkIssue&) const = default;
};

/// Every problem found, in graph order (graph, populations, projections, stimuli, monitors);
/// empty when the graph can be built. Never throws: it is called on every edit by the editor, so
/// it only parses and checks (models compile once per population; no synapses are drawn).
std::vector<NetworkIssue> validateNetwork(const NetworkGraph& graph);

} // namespace scs
