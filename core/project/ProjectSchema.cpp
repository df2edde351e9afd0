// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — schema creation and migrations. Each migration is the exact change from
// one version to the next, so a file of any earlier version ends with the same tables as a new one.
#include "ProjectSchema.h"

#include <string>

namespace scs::project::schema {

namespace {

// Version 1: a key-value table of facts and one row per document.
constexpr const char* version1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(id INTEGER PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);
)sql";

// 1 -> 2: results. A run's bulk lives in run_blobs, one row per trace/spike table/payload, so
// opening a project reads only the small runs rows.
constexpr const char* to2 = R"sql(
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  inputs_sha256 TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '{}');
CREATE TABLE run_blobs(
  run_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  encoding TEXT NOT NULL,
  count INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(run_id, position));
)sql";

// 2 -> 3: document order (earlier files kept id order) and restorable view state.
constexpr const char* to3 = R"sql(
ALTER TABLE documents ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET position = id;
CREATE TABLE view_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX runs_by_document ON runs(document_id);
)sql";

// 3 -> 4: network runs' spikes per population (see NetworkRunStore.h). `steps` and `neurons` are
// little-endian int32 arrays of `count` values each, in time order.
constexpr const char* to4 = R"sql(
CREATE TABLE network_spikes(
  run_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  population_id TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  count INTEGER NOT NULL,
  steps BLOB NOT NULL,
  neurons BLOB NOT NULL,
  PRIMARY KEY(run_id, position));
)sql";

const char* const steps[] = {to2, to3, to4}; // steps[v - 1] takes version v to v + 1

void stamp(sql::Database& db, int version) {
    db.exec("PRAGMA user_version = " + std::to_string(version) +
            "; PRAGMA application_id = " + std::to_string(applicationId) + ";");
}

} // namespace

void create(sql::Database& db) {
    db.exec("BEGIN");
    db.exec(version1);
    for (const char* step : steps) db.exec(step);
    stamp(db, current);
    db.exec("COMMIT");
}

void migrate(sql::Database& db, int from) {
    db.exec("BEGIN");
    try {
        for (int v = from; v < current; ++v) db.exec(steps[v - 1]);
        stamp(db, current);
        db.exec("COMMIT");
    } catch (...) {
        db.exec("ROLLBACK");
        throw;
    }
}

const std::vector<std::string>& requiredTables() {
    static const std::vector<std::string> tables{"meta",      "documents",  "runs",
                                                 "run_blobs", "view_state", "network_spikes"};
    return tables;
}

} // namespace scs::project::schema
