// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the .scstudio schema: its versions and the migrations between them.
#pragma once

#include "Sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scs::project::schema {

/// The version this studio writes (PRAGMA user_version). History:
///  1  meta, documents (playgrounds as JSON bodies; analysis settings inside).
///  2  + runs and run_blobs: recorded traces, spikes and analysis results, with manifests.
///  3  + documents.position (document order), view_state (open documents, plot ranges),
///     an index of runs by document.
///  4  + network_spikes: a network run's spikes, one row per population (time steps and neuron
///     indices as two blobs, with the count), so a raster reads one population without decoding
///     the whole run. Network graphs are documents of type "network" (no table change).
/// Later documents (synthesis reports, board recordings, plugin results) add tables; a file is only
/// refused when its version is newer than `current`.
inline constexpr int current = 4;
/// PRAGMA application_id of every studio project ("SCST"): tells a project from other SQLite files.
inline constexpr std::int32_t applicationId = 0x53435354;

/// Creates the current schema in an empty database.
void create(sql::Database& db);
/// Brings a database of version `from` (1 ≤ from < current) to `current`, in one transaction.
void migrate(sql::Database& db, int from);
/// The tables the current version needs; the first one missing is named in the error.
const std::vector<std::string>& requiredTables();

} // namespace scs::project::schema
