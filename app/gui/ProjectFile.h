// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the JSON project form (*.scstudio.json) until the SQLite store lands.
#pragma once

#include "PlaygroundDocument.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace scs::ui {

/// One document of a project. Playgrounds are read into `playground`; documents of other types
/// (from newer versions) are kept in `raw` and written back unchanged.
struct ProjectDocument {
    std::string type = "playground";
    PlaygroundState playground;
    nlohmann::json raw;
};

struct Project {
    std::vector<ProjectDocument> documents;
    nlohmann::json extra = nlohmann::json::object(); // unknown top-level keys, written back
    std::vector<std::string> warnings;               // non-fatal: skipped or unknown content
    const PlaygroundState* firstPlayground() const;
};

/// A file that cannot be used: the message is one line naming the file and the reason.
class ProjectError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// { "format": "scstudio-json", "version": 1, "documents": [ {"type": "playground", "title",
///   "model": <catalogue entry JSON>, "simulation": {"dt","duration","method","protocol","drive"},
///   "analysis": {...}} ] }. A newer version is refused; a file that fails to load is never touched.
class ProjectFile {
public:
    static constexpr int formatVersion = 1;
    static constexpr const char* formatName = "scstudio-json";

    static Project parse(const std::string& text, const std::string& sourceName);
    static std::string serialize(const Project& project);
    static Project load(const QString& path);
    /// Atomic: writes a temporary file and renames it over `path`.
    static void save(const QString& path, const Project& project);
};

} // namespace scs::ui
