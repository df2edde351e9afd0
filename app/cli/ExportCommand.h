// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli export`: a model's bundle, ready for the board.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

int runExportCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
