// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli models` (the catalogue) and `scstudio-cli check` (diagnostics).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

int runModelsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
/// Exit 0 when the model is valid; 1 with one line per problem ("equations:2:9: error: ...").
int runCheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace scs::cli
