// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a named job a plugin (or the studio) offers: id, title, parameter schema, work.
#pragma once

#include "jobs/JobContext.h"

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace scs {

/// What PluginRegistry lists and runs. Parameters and results are JSON so that the CLI, the GUI and
/// project files handle every job alike.
struct JobDescriptor {
    /// lower_snake_case, unique across all plugins, frozen once released (stored in projects).
    /// Convention: prefixed with the plugin id, e.g. "template_sum".
    std::string id;
    /// One line for menus and `scstudio-cli plugins jobs`.
    std::string title;
    std::string description;
    /// Declared parameters (see ParameterSchema.h for the accepted subset of JSON Schema):
    /// {"type": "object", "properties": {"values": {"type": "array", "items": {"type": "number"}}},
    ///  "required": ["values"]}. An empty/null schema means "no parameters".
    nlohmann::json parameters = nlohmann::json::object();
    /// The work. Runs on a JobRunner worker thread (or the CLI's thread). `params` has already been
    /// validated against `parameters`, with defaults filled in. Report progress and poll
    /// cancellation through `job`; throw std::exception with a one-line message on failure.
    std::function<nlohmann::json(const nlohmann::json& params, JobContext& job)> run;
};

/// True for lower_snake_case ids: [a-z][a-z0-9_]*, no trailing or double underscore, at most 64 chars.
bool isValidPersistentId(std::string_view id);

} // namespace scs
