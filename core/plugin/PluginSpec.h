// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what the studio knows about one plugin: its metadata, state and problems.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// Read -> Resolved -> Loaded -> Initialized -> Running -> Stopped, or Failed from any step.
/// Read: metadata parsed, no code loaded. Resolved: API version and dependencies satisfied.
/// Loaded: library mapped and its entry checked. Initialized: Plugin::initialize succeeded.
/// Running: every plugin finished initialising. Stopped: shut down. Failed: see errors().
enum class PluginState { Read, Resolved, Loaded, Initialized, Running, Stopped, Failed };
const char* toString(PluginState state);

struct PluginDependency {
    std::string id;
    std::string version; // the lowest version needed; the provider must be compatible with it
};

/// Metadata file `<id>.scsplugin.json`, read without loading the library:
///   {"id": "template", "name": "Template", "version": "0.1.0", "compatible_version": "0.1.0",
///    "api_version": 1, "description": "...", "library": "libtemplate.so",
///    "dependencies": [{"id": "other", "version": "1.0.0"}]}
/// Required: id (lower_snake_case, equal to the file name's <id>), name, version, api_version.
/// Defaults: compatible_version = version, library = "lib<id>.so", dependencies = [].
/// Versions are 1 to 4 dot-separated non-negative integers.
class PluginSpec {
public:
    /// Never throws: a missing or malformed file yields a Failed spec (id taken from the file name)
    /// whose errors() say what is wrong.
    static PluginSpec fromMetadataFile(const std::filesystem::path& file);
    /// `file` names where the metadata came from (messages, library directory).
    static PluginSpec fromMetadata(const nlohmann::json& metadata, const std::filesystem::path& file);

    const std::string& id() const { return id_; }
    const std::string& name() const { return name_; }
    const std::string& version() const { return version_; }
    const std::string& compatibleVersion() const { return compatibleVersion_; }
    std::uint32_t apiVersion() const { return apiVersion_; }
    const std::string& description() const { return description_; }
    const std::vector<PluginDependency>& dependencies() const { return dependencies_; }
    const std::filesystem::path& metadataPath() const { return metadataPath_; }
    /// The library named by the metadata, in the metadata's directory.
    std::filesystem::path libraryPath() const;

    PluginState state() const { return state_; }
    bool hasError() const { return state_ == PluginState::Failed; }
    /// Every problem, oldest first. The last one is why the plugin failed.
    const std::vector<std::string>& errors() const { return errors_; }
    /// errors() joined with "; ".
    std::string errorString() const;
    /// Skipped at the user's request (PluginLoader::setDisabledPlugins); stays Read.
    bool isDisabled() const { return disabled_; }

    /// True if this plugin can stand in for a dependency on `version`: compatible <= version <= own.
    bool provides(const std::string& id, const std::string& version) const;

    /// For `scstudio-cli plugins --json` and the GUI's plugin list.
    nlohmann::ordered_json toJson() const;

private:
    friend class PluginLoader;
    void fail(std::string message);
    void setState(PluginState state) { state_ = state; }

    std::string id_;
    std::string name_;
    std::string version_;
    std::string compatibleVersion_;
    std::uint32_t apiVersion_ = 0;
    std::string description_;
    std::string library_;
    std::vector<PluginDependency> dependencies_;
    std::filesystem::path metadataPath_;
    PluginState state_ = PluginState::Read;
    std::vector<std::string> errors_;
    bool disabled_ = false;
};

/// "1.2.3"-style version: 1 to 4 dot-separated non-negative integers.
bool isValidVersion(std::string_view version);
/// <0, 0, >0 like strcmp; missing components count as 0 ("1.2" == "1.2.0").
/// Precondition: both valid.
int compareVersions(std::string_view a, std::string_view b);

/// The suffix of metadata files, ".scsplugin.json".
inline constexpr std::string_view kPluginMetadataSuffix = ".scsplugin.json";

} // namespace scs
