// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — JSON export and import of projects.
#include "ProjectJson.h"

#include "DocumentCodec.h"
#include "ProjectError.h"
#include "ProjectSchema.h"
#include "ProjectStore.h"

#include <cmath>
#include <limits>

namespace scs::project {

namespace {

constexpr const char* kFormat = "scstudio-project-json";
constexpr const char* kLegacyFormat = "scstudio-json";

ojson number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

double readNumber(const ojson& j) {
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) {
        const std::string s = j.get<std::string>();
        if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (s == "Infinity") return std::numeric_limits<double>::infinity();
        if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
    }
    throw ProjectError("expected a number, got " + j.dump().substr(0, 40));
}

ojson numbers(const std::vector<double>& values) {
    ojson a = ojson::array();
    for (double v : values) a.push_back(number(v));
    return a;
}

std::vector<double> readNumbers(const ojson& j) {
    if (!j.is_array()) throw ProjectError("expected an array of numbers");
    std::vector<double> values;
    values.reserve(j.size());
    for (const ojson& v : j) values.push_back(readNumber(v));
    return values;
}

ojson dataJson(const RunData& d) {
    ojson j = ojson::object();
    ojson traces = ojson::array();
    for (const Trace& t : d.traces)
        traces.push_back({{"name", t.name}, {"unit", t.unit}, {"values", numbers(t.values)}});
    j["traces"] = traces;
    j["spikes"] = {{"index", d.spikeIndex}, {"times", numbers(d.spikeTimes)}};
    j["payload"] = ojson::parse(d.payload.dump());
    if (!d.populationSpikes.empty()) {
        ojson populations = ojson::array();
        for (const scs::PopulationSpikes& p : d.populationSpikes)
            populations.push_back({{"population_id", p.populationId},
                                   {"name", p.name},
                                   {"size", p.size},
                                   {"steps", p.steps},
                                   {"neurons", p.neurons}});
        j["network_spikes"] = populations;
    }
    return j;
}

RunData readData(const ojson& j) {
    RunData d;
    for (const ojson& t : j.at("traces"))
        d.traces.push_back(Trace{t.at("name").get<std::string>(), t.value("unit", ""), readNumbers(t.at("values"))});
    if (j.contains("spikes")) {
        d.spikeIndex = j["spikes"].at("index").get<std::vector<std::int32_t>>();
        d.spikeTimes = readNumbers(j["spikes"].at("times"));
        if (d.spikeIndex.size() != d.spikeTimes.size()) throw ProjectError("spike index and times differ in length");
    }
    if (j.contains("payload")) d.payload = nlohmann::json::parse(j["payload"].dump());
    if (j.contains("network_spikes"))
        for (const ojson& pj : j["network_spikes"]) {
            scs::PopulationSpikes p;
            p.populationId = pj.at("population_id").get<std::string>();
            p.name = pj.value("name", "");
            p.size = pj.at("size").get<int>();
            p.steps = pj.at("steps").get<std::vector<std::int32_t>>();
            p.neurons = pj.at("neurons").get<std::vector<std::int32_t>>();
            if (p.steps.size() != p.neurons.size())
                throw ProjectError("network spikes of '" + p.populationId + "': steps and neurons differ in length");
            d.populationSpikes.push_back(std::move(p));
        }
    return d;
}

Project importCurrent(const ojson& j) {
    const int version = j.at("schema_version").get<int>();
    if (version > schema::current)
        throw ProjectError("written by a newer studio (project schema version " + std::to_string(version) +
                           "); this studio reads versions up to " + std::to_string(schema::current));
    Project p;
    const ojson meta = j.value("meta", ojson::object());
    for (const auto& [k, v] : meta.items()) p.meta[k] = v.get<std::string>();
    for (const ojson& dj : j.at("documents")) {
        Document d;
        d.id = dj.at("id").get<std::int64_t>();
        d.type = dj.at("type").get<std::string>();
        const std::string title = dj.value("title", "");
        const std::string where = "document " + std::to_string(d.id);
        if (dj.value("kept", false)) {
            d.kept = true;
            d.keptTitle = title;
            d.keptBody = dj.at("body").is_string() ? dj["body"].get<std::string>() : dj["body"].dump();
        } else {
            readDocumentBody(d, title, dj.at("body"), where);
        }
        if (p.document(d.id)) throw ProjectError(where + ": the id is used twice");
        p.documents.push_back(std::move(d));
    }
    for (const ojson& rj : j.value("runs", ojson::array())) {
        Run r;
        r.id = rj.at("id").get<std::int64_t>();
        r.documentId = rj.at("document_id").get<std::int64_t>();
        const ojson& m = rj.at("manifest");
        r.manifest =
            RunManifest{m.at("kind").get<std::string>(), m.value("label", ""),         m.value("created_at", ""),
                        m.value("engine_version", ""),   m.value("inputs_sha256", ""), nlohmann::json::object()};
        if (m.contains("summary")) r.manifest.summary = nlohmann::json::parse(m["summary"].dump());
        r.data = std::make_shared<const RunData>(readData(rj.at("data")));
        if (p.run(r.id) || p.document(r.id))
            throw ProjectError("run " + std::to_string(r.id) + ": the id is used twice");
        p.runs.push_back(std::move(r));
    }
    std::vector<std::string> warnings;
    if (j.contains("view")) p.view = readViewState(j["view"], warnings);
    p.warnings = warnings;
    return p;
}

/// The JSON project form of the studio's first release: playground documents only.
Project importLegacy(const ojson& j) {
    const int version = j.at("version").get<int>();
    if (version > 1)
        throw ProjectError("written by a newer studio (JSON project version " + std::to_string(version) +
                           "); this studio reads version 1 of that form");
    if (version != 1) throw ProjectError("invalid JSON project version " + std::to_string(version));
    Project p;
    std::int64_t id = 1;
    for (const ojson& dj : j.at("documents")) {
        Document d;
        d.id = id++;
        d.type = dj.value("type", "");
        const std::string title = dj.value("title", "Playground");
        ojson body = dj;
        body.erase("type");
        body.erase("title");
        try {
            readDocumentBody(d, title, body, "document " + std::to_string(d.id));
        } catch (const ProjectError& e) {
            d.kept = true;
            d.keptTitle = title;
            d.keptBody = body.dump(1);
            p.warnings.push_back(std::string(e.what()) + "; it is kept unchanged but not shown");
        }
        p.documents.push_back(std::move(d));
    }
    return p;
}

} // namespace

namespace {

std::string exportUnchecked(const Project& project) {
    ojson j = ojson::object();
    j["format"] = kFormat;
    j["schema_version"] = schema::current;
    ojson meta = ojson::object();
    for (const auto& [k, v] : project.meta) meta[k] = v;
    j["meta"] = meta;
    ojson docs = ojson::array();
    for (const Document& d : project.documents) {
        ojson dj = {{"id", d.id}, {"type", d.type}, {"title", d.title()}};
        if (d.kept) {
            dj["kept"] = true;
            // A body that is JSON is shown as JSON; any other text, and a body that is a JSON string,
            // is written as a string, which import takes as the body's text (so "\"x\"" keeps its quotes).
            const ojson body = ojson::parse(d.keptBody, nullptr, false);
            dj["body"] = body.is_discarded() || body.is_string() ? ojson(d.keptBody) : body;
        } else {
            dj["body"] = documentBody(d);
        }
        docs.push_back(dj);
    }
    j["documents"] = docs;
    ojson runs = ojson::array();
    for (const Run& r : project.runs) {
        const RunManifest& m = r.manifest;
        runs.push_back({{"id", r.id},
                        {"document_id", r.documentId},
                        {"manifest",
                         {{"kind", m.kind},
                          {"label", m.label},
                          {"created_at", m.createdAt},
                          {"engine_version", m.engineVersion},
                          {"inputs_sha256", m.inputsSha256},
                          {"summary", ojson::parse(m.summary.dump())}}},
                        {"data", dataJson(*project.runData(r.id))}});
    }
    j["runs"] = runs;
    j["view"] = viewStateJson(project.view);
    return j.dump(2) + "\n";
}

} // namespace

std::string exportJson(const Project& project) {
    try {
        return exportUnchecked(project);
    } catch (const nlohmann::json::exception& e) {
        // Texts read from a damaged file (a title, a meta value, a run label) may not be UTF-8.
        const std::string file = project.source ? project.source->path() + ": " : std::string();
        throw ProjectError(file + "cannot be exported as JSON (" + e.what() + ")");
    }
}

Project importJson(const std::string& text, const std::string& sourceName) {
    ojson j;
    try {
        j = ojson::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ProjectError(sourceName + ": not valid JSON (" + e.what() + ")");
    }
    try {
        if (!j.is_object()) throw ProjectError("expected a JSON object");
        const std::string format = j.value("format", "");
        if (format == kFormat) return importCurrent(j);
        if (format == kLegacyFormat) return importLegacy(j);
        throw ProjectError("not a studio project (\"format\" is '" + format + "', expected '" + kFormat + "')");
    } catch (const ProjectError& e) {
        throw ProjectError(sourceName + ": " + e.what());
    } catch (const nlohmann::json::exception& e) {
        throw ProjectError(sourceName + ": " + e.what());
    }
}

} // namespace scs::project
