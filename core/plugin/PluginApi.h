// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the engine-side plugin API: what a plugin library exports and what it may call.
#pragma once

// A plugin is a shared library lib<id>.so with <id>.scsplugin.json beside it (see PluginSpec.h for
// the metadata). The library exports one C symbol, `scs_plugin_entry`, returning a ScsPluginEntry.
// Write a plugin as a class deriving from scs::Plugin and put SCS_DECLARE_PLUGIN(MyPlugin, "my_id")
// in one .cpp file; plugins/template/ is the living example.
//
// ABI: plugins are C++ and must be built with the same compiler and these same headers. The entry
// carries the API version and the sizes of the structures shared across the library boundary, and
// the loader refuses a plugin whose sizes differ (the check Dear ImGui does with IMGUI_CHECKVERSION).
//
// API changes (bump kPluginApiVersion on every incompatible change, note the migration here):
//   1  first version: Plugin::initialize/shutdown, PluginContext::registerJob, JobDescriptor.

#include "jobs/JobContext.h"
#include "plugin/JobDescriptor.h"

#include <cstdint>
#include <exception>
#include <filesystem>
#include <string>

namespace scs {

/// The plugin API version this studio provides. Metadata and the library's entry must both match.
inline constexpr std::uint32_t kPluginApiVersion = 1;

/// What the studio offers a plugin while it initialises. Implemented by the loader; only valid
/// during Plugin::initialize (do not keep the reference).
class PluginContext {
public:
    virtual ~PluginContext() = default;
    /// The id from the plugin's metadata.
    virtual std::string pluginId() const = 0;
    /// The directory holding the plugin's library and metadata (for data files shipped with it).
    virtual std::filesystem::path pluginDirectory() const = 0;
    /// Adds a job to the studio's PluginRegistry. Throws std::invalid_argument on an invalid or
    /// duplicate id, a missing run function or a malformed parameter schema.
    virtual void registerJob(JobDescriptor job) = 0;
};

/// Base of every plugin. One instance per loaded plugin, created after the library is loaded.
class Plugin {
public:
    virtual ~Plugin() = default;
    /// Called once, on the loading thread, after every dependency is initialised. Register jobs
    /// here. Throw (std::exception with a one-line message) to fail: the message is stored on the
    /// plugin's spec and the plugin is skipped.
    virtual void initialize(PluginContext& context) = 0;
    /// Called once, in reverse load order, after the studio removed this plugin's jobs.
    virtual void shutdown() {}
};

} // namespace scs

extern "C" {

/// Returned by `scs_plugin_entry()`. Plain C layout; apiVersion and structSize come first so that
/// any future layout can still be recognised and refused.
struct ScsPluginEntry {
    std::uint32_t apiVersion;        // scs::kPluginApiVersion the plugin was built with
    std::uint32_t structSize;        // sizeof(ScsPluginEntry) as the plugin saw it
    std::uint32_t jobDescriptorSize; // sizeof(scs::JobDescriptor)
    std::uint32_t jobContextSize;    // sizeof(scs::JobContext)
    const char* pluginId;            // must equal the metadata id
    void* (*create)();               // new plugin instance; null if it could not be created
    /// Returns null on success, else an error text owned by the instance (valid until shutdown).
    const char* (*initialize)(void* instance, scs::PluginContext* context);
    void (*shutdown)(void* instance); // Plugin::shutdown, then deletes the instance
};

using ScsPluginEntryFunction = const ScsPluginEntry* (*)();
}

#define SCS_PLUGIN_ENTRY_SYMBOL "scs_plugin_entry"
#define SCS_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

namespace scs::detail {
// Keeps the last initialisation error alive for the host to copy.
template <class P>
struct PluginHolder {
    P plugin;
    std::string error;
};

template <class P>
const ScsPluginEntry* pluginEntry(const char* id) {
    static const ScsPluginEntry entry{
        kPluginApiVersion,
        static_cast<std::uint32_t>(sizeof(ScsPluginEntry)),
        static_cast<std::uint32_t>(sizeof(JobDescriptor)),
        static_cast<std::uint32_t>(sizeof(JobContext)),
        id,
        []() -> void* {
            try {
                return new PluginHolder<P>();
            } catch (...) {
                return nullptr;
            }
        },
        [](void* instance, PluginContext* context) -> const char* {
            auto* holder = static_cast<PluginHolder<P>*>(instance);
            try {
                holder->plugin.initialize(*context);
                return nullptr;
            } catch (const std::exception& e) {
                holder->error = e.what();
            } catch (...) {
                holder->error = "unknown exception";
            }
            if (holder->error.empty()) holder->error = "initialisation failed without a message";
            return holder->error.c_str();
        },
        [](void* instance) {
            auto* holder = static_cast<PluginHolder<P>*>(instance);
            try {
                holder->plugin.shutdown();
            } catch (...) {
                // Shutdown must not take the studio down; nothing useful to report at exit.
            }
            delete holder;
        },
    };
    return &entry;
}
} // namespace scs::detail

/// Defines the library entry for `PluginClass` (default-constructible, derived from scs::Plugin).
/// Use exactly once per plugin library, at namespace scope.
#define SCS_DECLARE_PLUGIN(PluginClass, pluginIdLiteral)                                          \
    SCS_PLUGIN_EXPORT const ScsPluginEntry* scs_plugin_entry() {                                  \
        return ::scs::detail::pluginEntry<PluginClass>(pluginIdLiteral);                          \
    }
