// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — automatic layout of a network graph on the editor's canvas.
#pragma once

#include "network/NetworkGraph.h"

namespace scs {

struct LayoutSpacing {
    double column = 260; // between layers, left to right (scene units)
    double row = 140;    // between items of one layer
};

/// Places every item in layers, left to right, in the direction spikes flow: stimuli first, then
/// populations by their longest path from a source (feedback edges, which close cycles, are not
/// followed), monitors one layer right of what they watch. Items of a layer are stacked in graph
/// order and centred vertically. Deterministic; only the canvas positions change.
void layoutNetwork(NetworkGraph& graph, const LayoutSpacing& spacing = {});

} // namespace scs
