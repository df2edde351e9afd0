// SPDX-License-Identifier: MIT
// Template plugin — TemplatePlugin and the library entry point.
#include "TemplatePlugin.h"

#include "SumJob.h"

namespace scs::template_plugin {

void TemplatePlugin::initialize(PluginContext& context) {
    context.registerJob(sumJobDescriptor());
}

} // namespace scs::template_plugin

// Exports scs_plugin_entry(); the id must equal "id" in template.scsplugin.json.
SCS_DECLARE_PLUGIN(scs::template_plugin::TemplatePlugin, "template")
