// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli compile`: a model as one SystemVerilog module.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

int runCompileCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
