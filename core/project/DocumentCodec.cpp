// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — JSON bodies of documents.
#include "DocumentCodec.h"

#include "ProjectError.h"

#include "network/NetworkError.h"
#include "network/NetworkJson.h"

#include <algorithm>
#include <cmath>

namespace scs::project {

namespace {

std::string text(const ojson& j, const char* key, const std::string& fallback = {}) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (!j[key].is_string()) throw ProjectError(std::string("'") + key + "' must be text");
    return j[key].get<std::string>();
}

scs::CatalogueEntry readModel(const ojson& j, const std::string& where) {
    try {
        return scs::ModelCatalogue::parseEntry(j.dump(), where);
    } catch (const std::runtime_error& e) {
        throw ProjectError(e.what());
    }
}

PlaygroundState readPlayground(const ojson& d, const std::string& title, const std::string& where) {
    PlaygroundState s;
    s.title = title;
    if (!d.contains("model") || !d["model"].is_object()) throw ProjectError(where + ": missing 'model' object");
    s.model = readModel(d["model"], where + "/model");
    // Run settings default to the model's own when the body has none.
    s.simulation = playgroundFromCatalogue(s.model).simulation;
    if (d.contains("simulation")) {
        const ojson& sim = d["simulation"];
        if (!sim.is_object()) throw ProjectError(where + ": 'simulation' must be an object");
        s.simulation.dt = text(sim, "dt", s.simulation.dt);
        s.simulation.duration = text(sim, "duration", s.simulation.duration);
        s.simulation.method = text(sim, "method", s.simulation.method);
        s.simulation.protocol = text(sim, "protocol", s.simulation.protocol);
        s.simulation.drive = text(sim, "drive", s.simulation.drive);
    }
    if (d.contains("analysis")) {
        if (!d["analysis"].is_object()) throw ProjectError(where + ": 'analysis' must be an object");
        s.analysis = nlohmann::json::parse(d["analysis"].dump());
    }
    for (const auto& [key, value] : d.items())
        if (key != "model" && key != "simulation" && key != "analysis")
            s.extra[key] = nlohmann::json::parse(value.dump());
    return s;
}

} // namespace

ojson documentBody(const Document& document) {
    if (document.type == doctype::catalogueModel) return ojson::parse(scs::ModelCatalogue::toJson(document.model));
    if (document.type == doctype::network) return scs::networkToOrderedJson(document.network);
    const PlaygroundState& s = document.playground;
    ojson d = ojson::parse(s.extra.is_object() ? s.extra.dump() : "{}");
    d["model"] = ojson::parse(scs::ModelCatalogue::toJson(s.model));
    d["simulation"] = {{"dt", s.simulation.dt},
                       {"duration", s.simulation.duration},
                       {"method", s.simulation.method},
                       {"protocol", s.simulation.protocol},
                       {"drive", s.simulation.drive}};
    d["analysis"] = ojson::parse(s.analysis.is_object() ? s.analysis.dump() : "{}");
    return d;
}

void readDocumentBody(Document& document, const std::string& title, const ojson& body, const std::string& where) {
    if (!body.is_object()) throw ProjectError(where + ": the body is not a JSON object");
    if (document.type == doctype::playground) {
        document.playground = readPlayground(body, title, where);
    } else if (document.type == doctype::catalogueModel) {
        document.model = readModel(body, where);
    } else if (document.type == doctype::network) {
        try {
            document.network = scs::networkFromJson(body);
        } catch (const scs::NetworkError& e) {
            throw ProjectError(where + ": " + e.what());
        }
        document.network.name = title; // the row's title is authoritative, as for playgrounds
    } else {
        throw ProjectError(where + ": document type '" + document.type + "' is not known to this studio");
    }
}

ojson viewStateJson(const ViewState& view) {
    ojson j = ojson::parse(view.extra.is_object() ? view.extra.dump() : "{}");
    j["open_documents"] = view.openDocuments;
    j["active_document"] = view.activeDocument;
    ojson ranges = ojson::object();
    for (const auto& [name, r] : view.plotRanges) ranges[name] = {r.xMin, r.xMax, r.yMin, r.yMax};
    j["plot_ranges"] = ranges;
    return j;
}

ViewState readViewState(const ojson& j, std::vector<std::string>& warnings) {
    ViewState v;
    if (!j.is_object()) {
        warnings.emplace_back("the saved view state is not an object; the default view is used");
        return v;
    }
    try {
        if (j.contains("open_documents")) v.openDocuments = j["open_documents"].get<std::vector<std::int64_t>>();
        if (j.contains("active_document")) v.activeDocument = j["active_document"].get<std::int64_t>();
        if (j.contains("plot_ranges"))
            for (const auto& [name, r] : j["plot_ranges"].items()) {
                const auto values = r.get<std::vector<double>>();
                // Each value on its own: the sum of two huge finite values overflows.
                if (values.size() != 4 ||
                    !std::all_of(values.begin(), values.end(), [](double x) { return std::isfinite(x); }))
                    continue;
                v.plotRanges[name] = PlotRange{values[0], values[1], values[2], values[3]};
            }
    } catch (const nlohmann::json::exception& e) {
        warnings.push_back(std::string("part of the saved view state could not be read (") + e.what() + ")");
    }
    for (const auto& [key, value] : j.items())
        if (key != "open_documents" && key != "active_document" && key != "plot_ranges")
            v.extra[key] = nlohmann::json::parse(value.dump());
    return v;
}

} // namespace scs::project
