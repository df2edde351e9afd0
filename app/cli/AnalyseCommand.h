// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli analyse KIND`: the core/analysis suite from the command line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace scs::cli {

/// `args` are the words after "analyse": the kind (fi, bifurcation, sensitivity, phase, heatmap,
/// sta, frequency, isi, classify, characterise), then model options and the kind's options.
/// Prints a summary, or the result JSON with --json; --out FILE writes the JSON to FILE.
/// Returns 0 on success; throws UsageError / AnalysisError / ModelError for main() to report.
int runAnalyseCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace scs::cli
