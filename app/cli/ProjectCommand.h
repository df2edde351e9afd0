// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli project`: inspect, check and convert .scstudio project files.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// project info FILE [--json]        schema version, meta, documents, run manifests and warnings;
///                                   reads no run data, so it stays fast on large projects
/// project validate FILE [--json]    every check of ProjectStore::validate; "FILE: valid" or one
///                                   line per problem on stdout
/// project export-json FILE [--output OUT.json]
///                                   the whole project as JSON, on stdout or written atomically to OUT
/// project import-json FILE.json [--output OUT.scstudio] [--force]
///                                   rebuilds a project from JSON (this studio's export or the older
///                                   "scstudio-json" form); OUT defaults to FILE with .json replaced
///                                   by .scstudio and is never overwritten without --force
/// Exit: 0 ok; 1 the file cannot be read or written, validate found problems, or OUT exists;
/// 2 usage error. Errors reach main as exceptions and are printed there as one line.
int runProjectCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
