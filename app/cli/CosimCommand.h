// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli cosim`: a model compiled to fixed point, printed as RTL, run
// under Verilator against the C++ fixed-point model, cycle by cycle.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// cosim --model NAME|FILE [model options] [--q Q8.8] [--overflow saturate|wrap|trap]
///       [--rounding truncate|nearest|bankers|stochastic] [--cycles 10000] [--keep DIR] [--json]
/// Prints a one-line verdict. Exit: 0 every spike and state bit matched; 1 a mismatch (or the
/// model does not compile, or a tool is missing); 2 usage error.
int runCosimCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
