// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — PluginSpec: metadata parsing, versions, JSON view.
#include "plugin/PluginSpec.h"

#include "plugin/JobDescriptor.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace scs {
namespace {

std::string idFromFileName(const std::filesystem::path& file) {
    std::string name = file.filename().string();
    if (name.size() > kPluginMetadataSuffix.size() && name.ends_with(kPluginMetadataSuffix))
        name.resize(name.size() - kPluginMetadataSuffix.size());
    return name;
}

std::vector<unsigned long> versionParts(std::string_view version) {
    std::vector<unsigned long> parts;
    std::size_t start = 0;
    while (start <= version.size()) {
        const std::size_t dot = version.find('.', start);
        const std::string_view part = version.substr(start, dot == std::string_view::npos ? version.npos : dot - start);
        unsigned long value = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size()) return {};
        parts.push_back(value);
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}

// Reads a required string field; records a problem and returns "" if absent or not a string.
std::string requireString(const nlohmann::json& m, const char* key, std::vector<std::string>& problems) {
    if (!m.contains(key)) {
        problems.push_back(std::string("metadata field \"") + key + "\" is missing");
        return {};
    }
    if (!m[key].is_string() || m[key].get<std::string>().empty()) {
        problems.push_back(std::string("metadata field \"") + key + "\" must be a non-empty string");
        return {};
    }
    return m[key].get<std::string>();
}

} // namespace

const char* toString(PluginState state) {
    switch (state) {
    case PluginState::Read: return "read";
    case PluginState::Resolved: return "resolved";
    case PluginState::Loaded: return "loaded";
    case PluginState::Initialized: return "initialized";
    case PluginState::Running: return "running";
    case PluginState::Stopped: return "stopped";
    case PluginState::Failed: return "failed";
    }
    return "unknown";
}

bool isValidVersion(std::string_view version) {
    const auto parts = versionParts(version);
    return !parts.empty() && parts.size() <= 4;
}

int compareVersions(std::string_view a, std::string_view b) {
    const auto pa = versionParts(a);
    const auto pb = versionParts(b);
    for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const unsigned long x = i < pa.size() ? pa[i] : 0;
        const unsigned long y = i < pb.size() ? pb[i] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

PluginSpec PluginSpec::fromMetadataFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    if (in) text << in.rdbuf();
    if (!in) {
        PluginSpec spec;
        spec.metadataPath_ = file;
        spec.id_ = spec.name_ = idFromFileName(file);
        spec.fail("cannot read metadata file " + file.string());
        return spec;
    }
    nlohmann::json metadata;
    try {
        metadata = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        PluginSpec spec;
        spec.metadataPath_ = file;
        spec.id_ = spec.name_ = idFromFileName(file);
        spec.fail(std::string("metadata is not valid JSON: ") + e.what());
        return spec;
    }
    return fromMetadata(metadata, file);
}

PluginSpec PluginSpec::fromMetadata(const nlohmann::json& m, const std::filesystem::path& file) {
    PluginSpec spec;
    spec.metadataPath_ = file;
    const std::string fileId = idFromFileName(file);
    spec.id_ = spec.name_ = fileId;
    if (!m.is_object()) {
        spec.fail("metadata must be a JSON object, got " + std::string(m.type_name()));
        return spec;
    }
    std::vector<std::string> problems;
    if (std::string id = requireString(m, "id", problems); !id.empty()) {
        if (!isValidPersistentId(id)) problems.push_back("plugin id '" + id + "' is not lower_snake_case");
        else if (id != fileId)
            problems.push_back("metadata id '" + id + "' does not match the file name '" + file.filename().string() +
                               "' (expected " + id + std::string(kPluginMetadataSuffix) + ")");
        spec.id_ = id;
    }
    if (std::string name = requireString(m, "name", problems); !name.empty()) spec.name_ = name;
    spec.version_ = requireString(m, "version", problems);
    if (!spec.version_.empty() && !isValidVersion(spec.version_))
        problems.push_back("version '" + spec.version_ + "' is not of the form 1.2.3");
    spec.compatibleVersion_ = spec.version_;
    if (m.contains("compatible_version")) {
        spec.compatibleVersion_ = requireString(m, "compatible_version", problems);
        if (!spec.compatibleVersion_.empty() && !isValidVersion(spec.compatibleVersion_))
            problems.push_back("compatible_version '" + spec.compatibleVersion_ + "' is not of the form 1.2.3");
        else if (isValidVersion(spec.version_) && isValidVersion(spec.compatibleVersion_) &&
                 compareVersions(spec.compatibleVersion_, spec.version_) > 0)
            problems.push_back("compatible_version " + spec.compatibleVersion_ + " is newer than version " + spec.version_);
    }
    if (!m.contains("api_version")) problems.push_back("metadata field \"api_version\" is missing");
    else if (!m["api_version"].is_number_integer() || m["api_version"].get<std::int64_t>() <= 0 ||
             m["api_version"].get<std::int64_t>() > 0xFFFFFFFF)
        problems.push_back("metadata field \"api_version\" must be a positive integer");
    else spec.apiVersion_ = m["api_version"].get<std::uint32_t>();
    if (m.contains("description")) {
        if (m["description"].is_string()) spec.description_ = m["description"].get<std::string>();
        else problems.push_back("metadata field \"description\" must be a string");
    }
    spec.library_ = "lib" + spec.id_ + ".so";
    if (m.contains("library")) {
        spec.library_ = requireString(m, "library", problems);
        // A bare file name: metadata must not point the loader at code elsewhere on disk.
        if (spec.library_.find('/') != std::string::npos || spec.library_ == "." || spec.library_ == "..")
            problems.push_back("library '" + spec.library_ + "' must be a file name in the plugin's directory");
    }
    if (m.contains("dependencies")) {
        if (!m["dependencies"].is_array()) problems.push_back("metadata field \"dependencies\" must be an array");
        else
            for (const auto& dep : m["dependencies"]) {
                if (!dep.is_object() || !dep.contains("id") || !dep["id"].is_string() || !dep.contains("version") ||
                    !dep["version"].is_string() || !isValidVersion(dep["version"].get<std::string>())) {
                    problems.push_back("dependency " + dep.dump() + " must be {\"id\": \"...\", \"version\": \"1.2.3\"}");
                    continue;
                }
                spec.dependencies_.push_back({dep["id"].get<std::string>(), dep["version"].get<std::string>()});
            }
    }
    for (auto& problem : problems) spec.fail(std::move(problem));
    return spec;
}

std::filesystem::path PluginSpec::libraryPath() const {
    return metadataPath_.parent_path() / library_;
}

std::string PluginSpec::errorString() const {
    std::string out;
    for (const auto& e : errors_) out += (out.empty() ? "" : "; ") + e;
    return out;
}

bool PluginSpec::provides(const std::string& id, const std::string& version) const {
    if (id != id_ || !isValidVersion(version) || !isValidVersion(version_)) return false;
    return compareVersions(compatibleVersion_, version) <= 0 && compareVersions(version, version_) <= 0;
}

void PluginSpec::fail(std::string message) {
    errors_.push_back(std::move(message));
    state_ = PluginState::Failed;
}

nlohmann::ordered_json PluginSpec::toJson() const {
    nlohmann::ordered_json deps = nlohmann::ordered_json::array();
    for (const auto& d : dependencies_) deps.push_back({{"id", d.id}, {"version", d.version}});
    return {{"id", id_},
            {"name", name_},
            {"version", version_},
            {"compatible_version", compatibleVersion_},
            {"api_version", apiVersion_},
            {"description", description_},
            {"dependencies", deps},
            {"metadata", metadataPath_.string()},
            {"library", libraryPath().string()},
            {"state", toString(state_)},
            {"disabled", disabled_},
            {"errors", errors_}};
}

} // namespace scs
