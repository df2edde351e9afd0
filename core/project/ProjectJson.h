// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a whole project as readable JSON (export-json / import-json).
#pragma once

#include "ProjectModel.h"

#include <string>

namespace scs::project {

/// {"format": "scstudio-project-json", "schema_version", "meta", "documents": [{"id", "type",
///  "title", "body"}], "runs": [{"id", "document_id", "manifest": {...}, "data": {"traces":
///  [{"name", "unit", "values"}], "spikes": {"index", "times"}, "payload", "network_spikes":
///  [{"population_id", "name", "size", "steps", "neurons"}] (network runs only)}}], "view": {...}}.
/// Numbers are written in the shortest form that reads back to the same double, so export →
/// import is exact; NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity".
/// Run data not yet loaded is read from the project's file. Throws ProjectError.
std::string exportJson(const Project& project);

/// Rebuilds a project from exportJson's text, or from the studio's earlier JSON project form
/// ("scstudio-json" version 1). Throws ProjectError naming `sourceName`.
Project importJson(const std::string& text, const std::string& sourceName);

} // namespace scs::project
