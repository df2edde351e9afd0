// SPDX-License-Identifier: MIT
// Loader test fixture — a minimal plugin whose entry can be bent by compile definitions
// (wrong API version, wrong struct size, failing or aborting initialize).
#include "plugin/PluginApi.h"

#include <cstdlib>
#include <stdexcept>

#ifndef SCS_FIXTURE_ID
#error "SCS_FIXTURE_ID must name the fixture plugin"
#endif

namespace {

class TrivialPlugin final : public scs::Plugin {
public:
    void initialize(scs::PluginContext& context) override {
#if defined(SCS_FIXTURE_INIT_ABORTS)
        std::abort(); // stands in for a plugin that crashes the studio while starting
#elif defined(SCS_FIXTURE_INIT_THROWS)
        throw std::runtime_error("refusing to start: fixture says no");
#endif
        // A job named after the plugin, so tests can see which plugins reached initialize().
        scs::JobDescriptor job;
        job.id = std::string(SCS_FIXTURE_ID) + "_id";
        job.title = "Report the plugin id";
        job.run = [id = context.pluginId()](const nlohmann::json&, scs::JobContext&) { return nlohmann::json(id); };
        context.registerJob(std::move(job));
    }
};

} // namespace

#if defined(SCS_FIXTURE_API_VERSION) || defined(SCS_FIXTURE_JOB_DESCRIPTOR_SIZE)
// Hand-written entry so that one field can lie about the build.
#ifndef SCS_FIXTURE_API_VERSION
#define SCS_FIXTURE_API_VERSION scs::kPluginApiVersion
#endif
#ifndef SCS_FIXTURE_JOB_DESCRIPTOR_SIZE
#define SCS_FIXTURE_JOB_DESCRIPTOR_SIZE sizeof(scs::JobDescriptor)
#endif
SCS_PLUGIN_EXPORT const ScsPluginEntry* scs_plugin_entry() {
    static ScsPluginEntry entry = *scs::detail::pluginEntry<TrivialPlugin>(SCS_FIXTURE_ID);
    entry.apiVersion = SCS_FIXTURE_API_VERSION;
    entry.jobDescriptorSize = static_cast<std::uint32_t>(SCS_FIXTURE_JOB_DESCRIPTOR_SIZE);
    return &entry;
}
#else
SCS_DECLARE_PLUGIN(TrivialPlugin, SCS_FIXTURE_ID)
#endif
