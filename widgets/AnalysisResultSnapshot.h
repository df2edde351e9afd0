// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what an analysis result page shows, as JSON: stored with the project and
// shown again without re-running the analysis.
#pragma once

#include <nlohmann/json.hpp>

namespace scs::ui {

class AnalysisResultView;

/// {"headline", "headline_color", "summary", "plots": [...], "table": {"header", "rows"}}. Each
/// plot keeps its type, data (display units), axis labels and ranges, a logarithmic x axis and a
/// points-only style, so a restored page looks as it did. Non-finite values become null.
nlohmann::json snapshotOf(const AnalysisResultView& view);
/// Rebuilds a page from snapshotOf's JSON. Throws std::runtime_error on a malformed snapshot.
void restoreSnapshot(AnalysisResultView& view, const nlohmann::json& snapshot);

} // namespace scs::ui
