// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli precision`: how a model fits a fixed-point format.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// precision --model NAME|FILE [model options] [--format Q8.8] [--overflow saturate|wrap|trap]
///           [--rounding truncate|nearest|bankers|stochastic] [--json]
/// Prints the precision report. Exit: 0 everything fits; 1 a value leaves the range or is lost;
/// 2 usage error.
int runPrecisionCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
