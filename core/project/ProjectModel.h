// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what a project holds, as plain values: documents, runs, view state.
#pragma once

#include "models/ModelCatalogue.h"
#include "network/NetworkGraph.h"
#include "network/NetworkResult.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scs::project {

/// How a playground runs its model. Texts keep the user's units.
struct SimulationSection {
    std::string dt = "0.1*ms";
    std::string duration = "200*ms";
    std::string method;   // "" = the model's own / Brian2's default
    std::string protocol; // scs::Protocol text; "" = drive held at its parameter value
    std::string drive = "I";
    bool operator==(const SimulationSection&) const = default;
};

/// Everything a playground holds (its results are runs of the project).
struct PlaygroundState {
    std::string title = "Playground";
    scs::CatalogueEntry model; // spec + slider ranges + catalogue metadata
    SimulationSection simulation;
    nlohmann::json analysis = nlohmann::json::object(); // {"selected", "settings": {id: {...}}}
    nlohmann::json extra = nlohmann::json::object();    // keys this version does not know, kept
};

/// A playground on a catalogue entry: its spec, ranges and run settings.
PlaygroundState playgroundFromCatalogue(const scs::CatalogueEntry& entry);

namespace doctype {
inline constexpr const char* playground = "playground";
inline constexpr const char* catalogueModel = "catalogue_model";
inline constexpr const char* network = "network"; // since schema 4; the body is NetworkJson's form
} // namespace doctype

/// One document of a project. Known types are read into their member. A document this version
/// cannot read (another type, a newer studio's or a plugin's, or a damaged body) is `kept`: its
/// stored title and body are written back byte for byte, so opening and saving never loses it.
struct Document {
    std::int64_t id = 0; // stable for the life of the file; runs and views refer to it
    std::string type = doctype::playground;
    PlaygroundState playground; // type == playground (its title is the document's title)
    scs::CatalogueEntry model;  // type == catalogue_model: a user-edited catalogue model
    scs::NetworkGraph network;  // type == network (its name is the document's title)
    bool kept = false;
    std::string keptTitle;
    std::string keptBody;

    std::string title() const;
};

/// A recorded trace: one value per sample, on the run's time grid.
struct Trace {
    std::string name; // "v", "t"
    std::string unit; // SI base unit text, "" when dimensionless
    std::vector<double> values;
};

/// The bulk of a run, stored as binary blobs and read only when asked for.
struct RunData {
    std::vector<Trace> traces;
    std::vector<std::int32_t> spikeIndex; // neuron of each spike (0 for a single neuron)
    std::vector<double> spikeTimes;       // seconds, same length as spikeIndex
    nlohmann::json payload;               // an analysis's result as the studio shows it (null: none)
    /// A network run's spikes, one entry per population (table network_spikes; see NetworkRunStore.h).
    std::vector<scs::PopulationSpikes> populationSpikes;
};

/// What a run was made from and when: enough to tell whether it is still current.
struct RunManifest {
    std::string kind; // "simulation", "analysis:<id>" or "network" (see NetworkRunStore.h)
    std::string label;
    std::string createdAt;                             // ISO 8601, UTC
    std::string engineVersion;                         // scs::studioVersion() of the studio that made it
    std::string inputsSha256;                          // of the canonical JSON of everything the run depended on
    nlohmann::json summary = nlohmann::json::object(); // small facts shown without loading data
};

/// A stored result, immutable once made (a new result is a new run). `data` is null until
/// Project::runData reads it; a run made in this session has it from the start.
struct Run {
    std::int64_t id = 0;
    std::int64_t documentId = 0;
    RunManifest manifest;
    mutable std::shared_ptr<const RunData> data; // a cache: reading it does not change the project
};

/// A plot's visible ranges, restored on reopen.
struct PlotRange {
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
};

/// Window state worth restoring with the project (not window geometry: that is the user's).
struct ViewState {
    std::vector<std::int64_t> openDocuments;
    std::int64_t activeDocument = 0;
    std::map<std::string, PlotRange> plotRanges; // "<document id>/<plot name>"
    nlohmann::json extra = nlohmann::json::object();
};

class ProjectSource;

/// A whole project in memory, except run data not yet read (it stays in `source`).
struct Project {
    std::vector<Document> documents;
    std::vector<Run> runs;
    ViewState view;
    std::map<std::string, std::string> meta; // free facts: "created_at", "created_by"...
    std::vector<std::string> warnings;       // non-fatal findings of the last open
    int openedSchemaVersion = 0;             // the file's version before migration; 0: new
    std::shared_ptr<ProjectSource> source;   // where unread run data and unknown tables live

    Document* document(std::int64_t id);
    const Document* document(std::int64_t id) const;
    const Document* firstOfType(const std::string& type) const;
    Document& addDocument(Document document); // assigns a fresh id when it has none
    Run& addRun(Run run);                     // assigns a fresh id when it has none
    /// Runs of one document, newest first.
    std::vector<const Run*> runsOf(std::int64_t documentId, const std::string& kind = {}) const;
    void removeRunsOf(std::int64_t documentId, const std::string& kind);
    const Run* run(std::int64_t id) const;
    /// The run's data, read from the file on first use (then kept). Throws ProjectError.
    std::shared_ptr<const RunData> runData(std::int64_t runId) const;
    std::int64_t nextId() const;
};

} // namespace scs::project
