// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli run`: a project's network, headless, with its statistics.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

int runRunCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
