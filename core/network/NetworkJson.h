// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network graph to and from JSON (project files, export, examples).
//
// The form: {"format": "scstudio-network", "version": 1, "name", "dt", "duration", "seed",
// "populations": [...], "projections": [...], "stimuli": [...], "monitors": [...]}. Enums are
// readable names ("fixed_probability", "exponential_conductance"); a constant ValueSpec is a plain
// string, other kinds {"kind", "a", "b"}; model parameters are [name, value] pairs so their order
// survives. A missing field takes the struct's default, so hand-written files can stay short.
#pragma once

#include "network/NetworkGraph.h"

#include <nlohmann/json.hpp>

namespace scs {

inline constexpr const char* networkJsonFormat = "scstudio-network";
inline constexpr int networkJsonVersion = 1;

/// Every field of the graph; networkFromJson(networkToJson(g)) == g.
nlohmann::json networkToJson(const NetworkGraph& graph);
/// The same, with keys in the order written above (what project files store, for reading).
nlohmann::ordered_json networkToOrderedJson(const NetworkGraph& graph);

/// Reads a graph. Throws NetworkError naming the field path ("projections[2].connectivity.kind")
/// for a wrong type, an unknown enum name or a newer version.
NetworkGraph networkFromJson(const nlohmann::json& json);
NetworkGraph networkFromJson(const nlohmann::ordered_json& json);

} // namespace scs
