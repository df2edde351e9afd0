// SPDX-License-Identifier: MIT
// Template plugin — the plugin class: registers the template's jobs with the studio.
#pragma once

#include "plugin/PluginApi.h"

namespace scs::template_plugin {

/// One instance per studio process, created by the loader after the library is loaded.
class TemplatePlugin final : public Plugin {
public:
    /// Registers "template_sum". Throws (and so fails the plugin) if the id is taken.
    void initialize(PluginContext& context) override;
};

} // namespace scs::template_plugin
