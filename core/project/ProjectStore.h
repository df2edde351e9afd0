// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the .scstudio project file: open, save (atomic), read run data lazily.
#pragma once

#include "ProjectError.h"
#include "ProjectModel.h"
#include "Sqlite.h"

#include <set>
#include <string>
#include <vector>

namespace scs::project {

/// The database a project was read from: run data not yet loaded and tables this version does
/// not know (a plugin's) stay here and are carried into every save. An older file's source is an
/// in-memory copy migrated to the current schema, so the file itself is never changed by opening.
class ProjectSource {
public:
    ProjectSource(sql::Database db, std::string path, std::set<std::int64_t> runIds)
        : db_(std::move(db)), path_(std::move(path)), runIds_(std::move(runIds)) {}
    const std::string& path() const { return path_; }
    bool holdsRun(std::int64_t id) const { return runIds_.count(id) != 0; }
    /// Reads and decodes one run's blobs. Throws ProjectError.
    RunData loadRunData(std::int64_t runId);
    sql::Database& database() { return db_; }

private:
    sql::Database db_;
    std::string path_;
    std::set<std::int64_t> runIds_;
};

class ProjectStore {
public:
    static constexpr const char* extension = ".scstudio";

    /// Reads a project: documents, view state, meta and run manifests, not run data. Older
    /// schema versions are migrated in memory. Throws ProjectError (a message naming the file and
    /// the reason) for anything that is not a readable project of this or an older version. The
    /// file is never modified.
    static Project open(const std::string& path);

    struct SaveOptions {
        /// After saving, read unloaded run data from the new file (a Save / Save As). Off for an
        /// autosave into a recovery file, which must not become the project's file.
        bool adoptFile = true;
        /// Extra meta entries for this file only (a recovery file names its project).
        std::map<std::string, std::string> extraMeta;
    };
    /// Writes the whole project to a new file beside `path`, flushes it to disk and renames it
    /// over `path` in one step: a crash or kill at any moment leaves the old file or the new one.
    /// Throws ProjectError; then `path` is unchanged and no temporary file is left.
    static void save(Project& project, const std::string& path, const SaveOptions& options);
    static void save(Project& project, const std::string& path) { save(project, path, SaveOptions{}); }

    /// Opens and checks everything: SQLite's integrity check, every document body and every run's
    /// data. Returns the problems found (empty: valid). Throws ProjectError when it cannot open.
    static std::vector<std::string> validate(const std::string& path);
};

} // namespace scs::project
