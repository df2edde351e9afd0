// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli plugins`: list plugins and their problems, list and run plugin jobs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// plugins [list] [--json] [--strict]          every plugin found, its state and problems
/// plugins jobs [--json]                        the jobs plugins offer, with parameter schemas
/// plugins run JOB_ID [--params JSON | --params-file FILE] [--json]
///                                              runs a job; progress bar on stderr (terminal),
///                                              result JSON on stdout; Ctrl-C cancels
/// Common: --plugin-path DIR (repeatable) is searched before $SCS_PLUGIN_PATH and the defaults.
/// Exit: 0 ok; 1 job failed (or --strict and a plugin failed); 2 usage error or bad parameters;
/// 130 cancelled (JobCancelled reaches main).
int runPluginsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace scs::cli
