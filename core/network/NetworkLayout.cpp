// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — layered layout: a longest-path layering of the spike flow.
#include "network/NetworkLayout.h"

#include <algorithm>
#include <map>
#include <vector>

namespace scs {

namespace {

/// Layer of every population and stimulus: stimuli 0, a population one more than the deepest
/// source that reaches it along edges that do not close a cycle (found by a depth-first search).
std::map<std::string, int> layers(const NetworkGraph& g) {
    std::map<std::string, std::vector<std::string>> out;
    for (const Projection& p : g.projections) out[p.source].push_back(p.target);
    for (const Stimulus& s : g.stimuli)
        if (s.kind == Stimulus::Kind::Current && !s.target.empty()) out[s.id].push_back(s.target);

    std::map<std::string, int> layer;
    std::map<std::string, int> state;                         // 0 unvisited, 1 on the stack, 2 done
    std::vector<std::pair<std::string, std::string>> forward; // edges that keep the graph acyclic
    // Depth-first from every node in graph order: an edge to a node on the stack is feedback.
    std::vector<std::string> order;
    for (const Stimulus& s : g.stimuli) order.push_back(s.id);
    for (const Population& p : g.populations) order.push_back(p.id);
    auto visit = [&](auto&& self, const std::string& node) -> void {
        state[node] = 1;
        for (const std::string& next : out[node]) {
            if (state[next] == 1) continue; // feedback
            forward.emplace_back(node, next);
            if (state[next] == 0) self(self, next);
        }
        state[node] = 2;
    };
    for (const std::string& node : order)
        if (state[node] == 0) visit(visit, node);

    for (const std::string& node : order) layer[node] = 0;
    for (const Population& p : g.populations) layer[p.id] = 1; // populations right of the stimuli
    // Longest path over the forward edges (at most one relaxation round per node).
    for (std::size_t round = 0; round < order.size(); ++round) {
        bool changed = false;
        for (const auto& [from, to] : forward) {
            if (!layer.count(to)) continue;
            if (layer[to] < layer[from] + 1) {
                layer[to] = layer[from] + 1;
                changed = true;
            }
        }
        if (!changed) break;
    }
    return layer;
}

} // namespace

void layoutNetwork(NetworkGraph& g, const LayoutSpacing& spacing) {
    std::map<std::string, int> layer = layers(g);
    for (const Monitor& m : g.monitors) layer[m.id] = (layer.count(m.target) ? layer[m.target] : 0) + 1;

    // Stack each layer's items in graph order.
    std::map<int, std::vector<CanvasPosition*>> columns;
    for (Stimulus& s : g.stimuli) columns[layer[s.id]].push_back(&s.canvas);
    for (Population& p : g.populations) columns[layer[p.id]].push_back(&p.canvas);
    for (Monitor& m : g.monitors) columns[layer[m.id]].push_back(&m.canvas);
    const int first = columns.empty() ? 0 : columns.begin()->first; // no empty columns on the left
    for (auto& [column, items] : columns) {
        const double top = -0.5 * spacing.row * static_cast<double>(items.size() - 1);
        for (std::size_t k = 0; k < items.size(); ++k) {
            items[k]->x = spacing.column * (column - first);
            items[k]->y = top + spacing.row * static_cast<double>(k);
        }
    }
}

} // namespace scs
