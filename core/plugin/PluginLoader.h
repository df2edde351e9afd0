// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — finds plugins, reads their metadata, resolves dependencies, loads and starts them.
#pragma once

#include "plugin/PluginSpec.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct ScsPluginEntry;

namespace scs {

class PluginLibrary;
class PluginRegistry;

/// The plugin lifecycle, after Qt Creator's extension system:
///   1. scan: every `<id>.scsplugin.json` in the search paths is read (no code loaded);
///   2. resolve: API version and dependencies checked, cycles found, a load order computed;
///   3. load: libraries dlopen()ed in that order and their `scs_plugin_entry` checked;
///   4. initialise: Plugin::initialize in that order (plugins register their jobs), then Running.
/// A plugin that fails any step is Failed with a message on its spec, its dependents fail with
/// "dependency failed to load: X — reason", and everything else carries on. Nothing here throws
/// for a broken plugin, and no plugin's failure can stop the studio starting.
///
/// Not thread-safe: use from one thread (the GUI thread or the CLI's main thread).
class PluginLoader {
public:
    /// Jobs that plugins register go to `registry`, which must outlive the loader.
    explicit PluginLoader(PluginRegistry& registry);
    /// Calls shutdown().
    ~PluginLoader();
    PluginLoader(const PluginLoader&) = delete;
    PluginLoader& operator=(const PluginLoader&) = delete;

    /// Directories scanned in order; the first plugin found with a given id wins and later copies
    /// are reported as duplicates. Missing directories are skipped silently.
    void setSearchPaths(std::vector<std::filesystem::path> paths) { searchPaths_ = std::move(paths); }
    const std::vector<std::filesystem::path>& searchPaths() const { return searchPaths_; }

    /// Every path in $SCS_PLUGIN_PATH (colon-separated) first, so a developer can override a
    /// bundled plugin; then the build tree's plugin directory (SCS_BUILD_PLUGIN_DIR) when the
    /// running program lives in the build tree; then `<exe dir>/../lib/scstudio/plugins` (an
    /// installed, possibly relocated studio) and SCS_INSTALL_PLUGIN_DIR. Existing, de-duplicated.
    static std::vector<std::filesystem::path> defaultSearchPaths();

    /// Enables the crash guard: while a plugin initialises, `<dir>/plugin-init.lock` names it, and
    /// the file is removed once every plugin is initialised. If the file is found here, the
    /// previous run crashed while initialising that plugin. Creates `dir` if needed.
    void setStateDirectory(std::filesystem::path dir);
    /// The plugin that was initialising when the previous run died, if any (see setStateDirectory).
    const std::optional<std::string>& crashedDuringInitLastTime() const { return crashedLastTime_; }

    /// Plugins with these ids are read but not loaded (e.g. after a crash during init).
    void setDisabledPlugins(std::set<std::string> ids) { disabled_ = std::move(ids); }

    /// Runs steps 1-4. Call once; a second call does nothing.
    void loadAll();
    /// Reverse load order: removes each plugin's jobs from the registry, calls its shutdown, marks
    /// it Stopped. Libraries are closed once no registered or running job still uses them.
    /// Idempotent.
    void shutdown();

    /// Every spec found, in scan order. Pointers stay valid for the loader's lifetime.
    std::vector<const PluginSpec*> plugins() const;
    /// The first spec found with this id, or null.
    const PluginSpec* plugin(const std::string& id) const;
    /// Resolved plugins in dependency order (dependencies first).
    const std::vector<const PluginSpec*>& loadOrder() const { return loadOrderView_; }
    /// "id: message" for every failed plugin, for a "Plugin problems" view or CLI output.
    std::vector<std::string> problems() const;

    /// Name of the lock file inside the state directory.
    static constexpr const char* kLockFileName = "plugin-init.lock";

private:
    struct Runtime {
        std::shared_ptr<PluginLibrary> library;
        const ScsPluginEntry* entry = nullptr;
        void* instance = nullptr;
    };

    void scan();
    void resolve();
    bool resolveOne(PluginSpec& spec, std::vector<PluginSpec*>& stack);
    void loadLibraries();
    void initializePlugins();
    /// If a dependency of `spec` is not in `needed` state, fails `spec` and returns false.
    bool dependenciesReached(PluginSpec& spec, PluginState needed);
    PluginSpec* find(const std::string& id);
    void writeLock(const std::string& pluginId);
    void removeLock();

    PluginRegistry& registry_;
    std::vector<std::filesystem::path> searchPaths_;
    std::optional<std::filesystem::path> stateDir_;
    std::optional<std::string> crashedLastTime_;
    std::set<std::string> disabled_;
    bool loaded_ = false;

    std::vector<std::unique_ptr<PluginSpec>> specs_; // scan order
    std::vector<PluginSpec*> loadOrder_;
    std::vector<const PluginSpec*> loadOrderView_;
    std::map<const PluginSpec*, Runtime> runtime_;
    std::map<const PluginSpec*, int> visit_; // resolve(): 1 = on the stack, 2 = done
};

} // namespace scs
