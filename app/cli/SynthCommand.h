// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli synth`: a model compiled to RTL and synthesised for FPGA
// targets, with the pre-synthesis estimate beside the real counts.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// synth --model NAME|FILE [model options] [--q Q8.8] [--overflow M] [--rounding M]
///       [--target ice40|ecp5|xilinx7|generic|all] [--json] [--log FILE] [--clock MHZ] [--no-pnr]
///       [--tools DIRS] [--work-dir DIR]
/// synth --sv FILE --top MODULE [same target and output options]
/// Prints one row per target. Exit: 0 all ran; 1 a tool is missing or synthesis failed (one line
/// on `err`); 2 usage error; 130 interrupted (the tools are killed).
int runSynthCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace scs::cli
