// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the model catalogue: one JSON file per model in resources/models/.
#pragma once

#include "ode/ModelSpec.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace scs {

/// Slider range and help for one parameter (texts with units, as in the file).
struct ParameterRange {
    std::string name;
    std::string min;
    std::string max;
    std::string hint;
};

/// One catalogue model. File format (resources/models/<id>.json):
/// { "id", "name", "category", "citation", "description", "equations", "threshold", "reset",
///   "refractory", "parameters": {name: {"value", "min", "max", "hint"}} (or {name: "value"}),
///   "init": {state: "value"}, "drive": "I", "protocol": "step amplitude=...", "method",
///   "dt": "0.05*ms", "duration": "200*ms", "expected_pattern": "tonic", "tags": [...] }
/// Brian2 fixture files (params, init, input_current, dt_ms, duration_ms) are read too.
struct CatalogueEntry {
    std::string id;
    std::string name;
    std::string category;
    std::string citation;
    std::string description;
    ModelSpec spec;
    std::vector<ParameterRange> ranges;
    std::string drive = "I";
    std::string protocol;           // Protocol::parse text; "" = drive held at its parameter value
    std::string dt = "0.1*ms";
    std::string duration = "200*ms";
    int recordEvery = 1;            // "record_every"; in a Brian2 fixture, its runs' recording interval
    std::string expectedPattern;    // firing-pattern class the model shows under its protocol
    std::vector<std::string> tags;
    std::string sourcePath;         // file it came from, for messages

    const ParameterRange* range(const std::string& parameter) const;
};

class ModelCatalogue {
public:
    /// Reads every *.json in `dir`, sorted by id. Files that fail to parse are skipped and listed in
    /// `problems()` ("lif.json: missing 'equations'"); the rest load.
    static ModelCatalogue loadDirectory(const std::filesystem::path& dir);
    /// The bundled catalogue: $SCS_RESOURCES_DIR/models, else the build's resources dir, else the
    /// installed share dir.
    static ModelCatalogue loadDefault();

    /// Parses one model file's text. Throws std::runtime_error with a one-line reason.
    static CatalogueEntry parseEntry(const std::string& jsonText, const std::string& sourceName);
    static CatalogueEntry loadFile(const std::filesystem::path& file);
    static std::string toJson(const CatalogueEntry& entry);

    const std::vector<CatalogueEntry>& entries() const { return entries_; }
    const std::vector<std::string>& problems() const { return problems_; }
    const CatalogueEntry* find(const std::string& id) const;
    /// Case-insensitive match on id, name, category, tags and citation.
    std::vector<const CatalogueEntry*> search(const std::string& query) const;

private:
    std::vector<CatalogueEntry> entries_;
    std::vector<std::string> problems_;
};

/// The resources folder: $SCS_RESOURCES_DIR, else next to the build tree, else /usr/share/scstudio.
std::filesystem::path resourcesDirectory();

} // namespace scs
