// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — network runs in a project: a NetworkResult as a Run of kind "network".
//
// Spikes go to the network_spikes table (schema 4), one row per population, so a raster of one
// population reads one row. State and rate traces are ordinary run traces; what they belong to
// (monitor, population, variable, neuron, bin width) and the run's facts are in the payload.
#pragma once

#include "ProjectModel.h"
#include "Sqlite.h"

#include "network/NetworkResult.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scs::project {

inline constexpr const char* networkRunKind = "network";

/// A new run of network document `documentId` holding all of `result`. Its summary carries the
/// facts shown without loading data: dt, steps, synapses, events and each population's spike count.
Run makeNetworkRun(const scs::NetworkResult& result, std::int64_t documentId, const std::string& label,
                   const std::string& inputsSha256 = {});

/// The result back from a run's data, equal to what makeNetworkRun was given (except wallSeconds,
/// which is kept too). Throws ProjectError naming `where` when the data is not a network run's.
scs::NetworkResult networkResultOf(const RunData& data, const std::string& where);

/// One population's spikes of a network run: from memory when the run's data is loaded, else read
/// alone from the project's file. Throws ProjectError when the run or the population is unknown.
scs::PopulationSpikes loadPopulationSpikes(const Project& project, std::int64_t runId, const std::string& populationId);

/// The table rows, for ProjectStore. `only` (non-empty) reads that population alone.
void writeNetworkSpikes(sql::Database& db, std::int64_t runId, const std::vector<scs::PopulationSpikes>& spikes);
std::vector<scs::PopulationSpikes> readNetworkSpikes(sql::Database& db, std::int64_t runId, const std::string& where,
                                                     const std::string& only = {});

} // namespace scs::project
