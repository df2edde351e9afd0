// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — lookups on the network graph.
#include "network/NetworkGraph.h"

#include <algorithm>

namespace scs {

const Population* NetworkGraph::population(const std::string& id) const {
    const auto it = std::find_if(populations.begin(), populations.end(), [&](const auto& p) { return p.id == id; });
    return it == populations.end() ? nullptr : &*it;
}

const Stimulus* NetworkGraph::stimulus(const std::string& id) const {
    const auto it = std::find_if(stimuli.begin(), stimuli.end(), [&](const auto& s) { return s.id == id; });
    return it == stimuli.end() ? nullptr : &*it;
}

std::string NetworkGraph::freshId(const std::string& prefix) const {
    const auto used = [&](const std::string& id) {
        const auto same = [&](const auto& item) { return item.id == id; };
        return std::any_of(populations.begin(), populations.end(), same) ||
               std::any_of(projections.begin(), projections.end(), same) ||
               std::any_of(stimuli.begin(), stimuli.end(), same) || std::any_of(monitors.begin(), monitors.end(), same);
    };
    for (int n = 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        if (!used(id)) return id;
    }
}

} // namespace scs
