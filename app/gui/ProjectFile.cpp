// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — JSON project (de)serialisation.
#include "ProjectFile.h"

#include <QFile>
#include <QSaveFile>

namespace scs::ui {

// Ordered, so a saved model keeps its parameters in the order the user (or catalogue) wrote them.
using json = nlohmann::ordered_json;

namespace {

std::string text(const json& j, const char* key, const std::string& fallback = {}) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (!j[key].is_string()) throw ProjectError(std::string("'") + key + "' must be text");
    return j[key].get<std::string>();
}

PlaygroundState parsePlayground(const json& d, const std::string& where) {
    PlaygroundState s;
    s.title = text(d, "title", "Playground");
    if (!d.contains("model") || !d["model"].is_object()) throw ProjectError(where + ": missing 'model' object");
    try {
        s.model = scs::ModelCatalogue::parseEntry(d["model"].dump(), where + "/model");
    } catch (const std::runtime_error& e) {
        throw ProjectError(e.what());
    }
    // Run settings default to the model's own when the file has no "simulation".
    s.simulation = PlaygroundDocument::fromCatalogue(s.model).simulation;
    if (d.contains("simulation")) {
        const json& sim = d["simulation"];
        if (!sim.is_object()) throw ProjectError(where + ": 'simulation' must be an object");
        s.simulation.dt = text(sim, "dt", s.simulation.dt);
        s.simulation.duration = text(sim, "duration", s.simulation.duration);
        s.simulation.method = text(sim, "method", s.simulation.method);
        s.simulation.protocol = text(sim, "protocol", s.simulation.protocol);
        s.simulation.drive = text(sim, "drive", s.simulation.drive);
    }
    if (d.contains("analysis")) s.analysis = d["analysis"];
    for (const auto& [key, value] : d.items())
        if (key != "type" && key != "title" && key != "model" && key != "simulation" && key != "analysis")
            s.extra[key] = value;
    return s;
}

json playgroundJson(const PlaygroundState& s) {
    json d = s.extra.is_object() ? json(s.extra) : json::object();
    d["type"] = "playground";
    d["title"] = s.title;
    d["model"] = json::parse(scs::ModelCatalogue::toJson(s.model));
    d["simulation"] = {{"dt", s.simulation.dt},
                       {"duration", s.simulation.duration},
                       {"method", s.simulation.method},
                       {"protocol", s.simulation.protocol},
                       {"drive", s.simulation.drive}};
    d["analysis"] = s.analysis.is_null() ? json::object() : json(s.analysis);
    return d;
}

} // namespace

const PlaygroundState* Project::firstPlayground() const {
    for (const ProjectDocument& d : documents)
        if (d.type == "playground") return &d.playground;
    return nullptr;
}

Project ProjectFile::parse(const std::string& textIn, const std::string& sourceName) {
    json j;
    try {
        j = json::parse(textIn);
    } catch (const json::parse_error& e) {
        throw ProjectError(sourceName + ": not valid JSON (" + e.what() + ")");
    }
    try {
        if (!j.is_object()) throw ProjectError("expected a JSON object");
        const std::string format = text(j, "format");
        if (format != formatName)
            throw ProjectError("not a studio project (\"format\" is '" + format + "', expected '" + formatName + "')");
        if (!j.contains("version") || !j["version"].is_number_integer()) throw ProjectError("missing integer 'version'");
        const int version = j["version"].get<int>();
        if (version > formatVersion)
            throw ProjectError("written by a newer studio (format version " + std::to_string(version) +
                               ", this one reads up to " + std::to_string(formatVersion) + ")");
        if (version < 1) throw ProjectError("invalid format version " + std::to_string(version));
        if (!j.contains("documents") || !j["documents"].is_array()) throw ProjectError("missing 'documents' array");
        Project p;
        int index = 0;
        for (const json& d : j["documents"]) {
            const std::string where = "document " + std::to_string(index++);
            if (!d.is_object()) throw ProjectError(where + ": expected an object");
            ProjectDocument doc;
            doc.type = text(d, "type");
            if (doc.type == "playground") {
                doc.playground = parsePlayground(d, where);
            } else {
                doc.raw = d;
                p.warnings.push_back(where + ": document type '" + doc.type + "' is not supported here; kept unchanged");
            }
            p.documents.push_back(std::move(doc));
        }
        for (const auto& [key, value] : j.items())
            if (key != "format" && key != "version" && key != "documents") p.extra[key] = value;
        return p;
    } catch (const ProjectError& e) {
        throw ProjectError(sourceName + ": " + e.what());
    } catch (const json::exception& e) {
        throw ProjectError(sourceName + ": " + e.what());
    }
}

std::string ProjectFile::serialize(const Project& project) {
    json j = project.extra.is_object() ? json(project.extra) : json::object();
    j["format"] = formatName;
    j["version"] = formatVersion;
    json docs = json::array();
    for (const ProjectDocument& d : project.documents)
        docs.push_back(d.type == "playground" ? playgroundJson(d.playground) : json(d.raw));
    j["documents"] = docs;
    return j.dump(2) + "\n";
}

Project ProjectFile::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(path.toStdString() + ": cannot be opened (" + file.errorString().toStdString() + ")");
    const QByteArray bytes = file.readAll();
    return parse(bytes.toStdString(), path.toStdString());
}

void ProjectFile::save(const QString& path, const Project& project) {
    const std::string data = serialize(project);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw ProjectError(path.toStdString() + ": cannot be written (" + file.errorString().toStdString() + ")");
    file.write(data.data(), static_cast<qint64>(data.size()));
    if (!file.commit())
        throw ProjectError(path.toStdString() + ": save failed (" + file.errorString().toStdString() + ")");
}

} // namespace scs::ui
