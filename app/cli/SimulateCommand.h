// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli simulate`: one neuron, traces and spikes to CSV or JSON.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

int runSimulateCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
