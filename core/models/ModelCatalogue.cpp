// SPDX-License-Identifier: MIT
#include "models/ModelCatalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace scs {
namespace {

using json = nlohmann::ordered_json;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string textField(const json& j, const char* key, const std::string& fallback = {}) {
    if (!j.contains(key) || j[key].is_null()) return fallback;
    if (j[key].is_string()) return j[key].get<std::string>();
    if (j[key].is_number()) return j[key].dump();
    throw std::runtime_error(std::string("'") + key + "' must be text");
}

std::string formatMs(double ms) {
    std::ostringstream out;
    out.precision(15);
    out << ms << "*ms";
    return out.str();
}

} // namespace

const ParameterRange* CatalogueEntry::range(const std::string& parameter) const {
    for (const auto& r : ranges)
        if (r.name == parameter) return &r;
    return nullptr;
}

CatalogueEntry ModelCatalogue::parseEntry(const std::string& jsonText, const std::string& sourceName) {
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        throw std::runtime_error(sourceName + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    if (!j.is_object()) throw std::runtime_error(sourceName + ": expected a JSON object");
    try {
        CatalogueEntry e;
        e.sourcePath = sourceName;
        e.id = textField(j, "id", textField(j, "name"));
        e.name = textField(j, "name", e.id);
        e.category = textField(j, "category");
        e.citation = textField(j, "citation");
        e.description = textField(j, "description");
        if (!j.contains("equations")) throw std::runtime_error("missing 'equations'");
        e.spec.name = e.id;
        e.spec.equations = textField(j, "equations");
        e.spec.threshold = textField(j, "threshold");
        e.spec.reset = textField(j, "reset");
        e.spec.refractory = textField(j, "refractory");
        e.spec.method = textField(j, "method");
        for (const char* key : {"parameters", "params"}) {
            if (!j.contains(key)) continue;
            if (!j[key].is_object()) throw std::runtime_error(std::string("'") + key + "' must be an object");
            for (const auto& [name, value] : j[key].items()) {
                if (value.is_object()) {
                    e.spec.setParameter(name, textField(value, "value"));
                    ParameterRange r{name, textField(value, "min"), textField(value, "max"), textField(value, "hint")};
                    if (!r.min.empty() || !r.max.empty() || !r.hint.empty()) e.ranges.push_back(r);
                } else {
                    e.spec.setParameter(name, value.is_string() ? value.get<std::string>() : value.dump());
                }
            }
        }
        if (j.contains("init")) {
            if (!j["init"].is_object()) throw std::runtime_error("'init' must be an object");
            for (const auto& [name, value] : j["init"].items())
                e.spec.setInitialValue(name, value.is_string() ? value.get<std::string>() : value.dump());
        }
        e.drive = textField(j, "drive", "I");
        e.protocol = textField(j, "protocol");
        // Brian2 fixture form: a constant input current and times in milliseconds.
        if (e.protocol.empty() && j.contains("input_current"))
            e.spec.setParameter(e.drive, textField(j, "input_current"));
        e.dt = j.contains("dt_ms") ? formatMs(j["dt_ms"].get<double>()) : textField(j, "dt", e.dt);
        e.duration = j.contains("duration_ms") ? formatMs(j["duration_ms"].get<double>()) : textField(j, "duration", e.duration);
        if (j.contains("record_every")) e.recordEvery = j["record_every"].get<int>();
        if (j.contains("runs") && j["runs"].is_object())
            for (const auto& [method, run] : j["runs"].items())
                if (run.contains("record_every_steps")) e.recordEvery = run["record_every_steps"].get<int>();
        e.expectedPattern = textField(j, "expected_pattern");
        if (j.contains("tags"))
            for (const auto& t : j["tags"]) e.tags.push_back(t.get<std::string>());
        if (e.id.empty()) throw std::runtime_error("missing 'id'");
        return e;
    } catch (const std::runtime_error& err) {
        throw std::runtime_error(sourceName + ": " + err.what());
    } catch (const json::exception& err) {
        throw std::runtime_error(sourceName + ": " + err.what());
    }
}

std::string ModelCatalogue::toJson(const CatalogueEntry& e) {
    json j;
    j["id"] = e.id;
    j["name"] = e.name;
    j["category"] = e.category;
    j["citation"] = e.citation;
    j["description"] = e.description;
    j["equations"] = e.spec.equations;
    j["threshold"] = e.spec.threshold;
    j["reset"] = e.spec.reset;
    j["refractory"] = e.spec.refractory;
    json params = json::object();
    for (const auto& [name, value] : e.spec.parameters) {
        json p;
        p["value"] = value;
        if (const ParameterRange* r = e.range(name)) {
            if (!r->min.empty()) p["min"] = r->min;
            if (!r->max.empty()) p["max"] = r->max;
            if (!r->hint.empty()) p["hint"] = r->hint;
        }
        params[name] = p;
    }
    j["parameters"] = params;
    json init = json::object();
    for (const auto& [name, value] : e.spec.initialValues) init[name] = value;
    j["init"] = init;
    j["drive"] = e.drive;
    j["protocol"] = e.protocol;
    j["method"] = e.spec.method;
    j["dt"] = e.dt;
    j["duration"] = e.duration;
    if (e.recordEvery != 1) j["record_every"] = e.recordEvery;
    j["expected_pattern"] = e.expectedPattern;
    j["tags"] = e.tags;
    return j.dump(2);
}

CatalogueEntry ModelCatalogue::loadFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseEntry(buffer.str(), file.filename().string());
}

ModelCatalogue ModelCatalogue::loadDirectory(const std::filesystem::path& dir) {
    ModelCatalogue c;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        c.problems_.push_back(dir.string() + ": the model catalogue folder does not exist");
        return c;
    }
    for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
        if (item.path().extension() != ".json") continue;
        try {
            c.entries_.push_back(loadFile(item.path()));
        } catch (const std::exception& e) {
            c.problems_.push_back(e.what());
        }
    }
    std::sort(c.entries_.begin(), c.entries_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return c;
}

std::filesystem::path resourcesDirectory() {
    if (const char* env = std::getenv("SCS_RESOURCES_DIR"); env && *env) return env;
    std::error_code ec;
    // An installed studio (a .deb puts data in /usr/share) finds its data beside its binary, wherever
    // the prefix is; a build tree finds the sources' resources folder.
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "scstudio";
        if (std::filesystem::is_directory(installed / "models", ec)) return installed;
    }
    if (std::filesystem::is_directory(SCS_SOURCE_RESOURCES_DIR, ec)) return SCS_SOURCE_RESOURCES_DIR;
    return SCS_INSTALL_DATA_DIR;
}

ModelCatalogue ModelCatalogue::loadDefault() { return loadDirectory(resourcesDirectory() / "models"); }

const CatalogueEntry* ModelCatalogue::find(const std::string& id) const {
    for (const auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

std::vector<const CatalogueEntry*> ModelCatalogue::search(const std::string& query) const {
    std::vector<const CatalogueEntry*> out;
    const std::string q = lower(query);
    for (const auto& e : entries_) {
        std::string hay = lower(e.id + ' ' + e.name + ' ' + e.category + ' ' + e.citation);
        for (const auto& t : e.tags) hay += ' ' + lower(t);
        if (q.empty() || hay.find(q) != std::string::npos) out.push_back(&e);
    }
    return out;
}

} // namespace scs
