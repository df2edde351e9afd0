// SPDX-License-Identifier: MIT
// Template plugin — the job "template_sum": adds up a list of numbers, reporting progress.
#pragma once

#include "plugin/JobDescriptor.h"

namespace scs::template_plugin {

/// The job's id, frozen once released (projects and scripts refer to it).
inline constexpr const char* kSumJobId = "template_sum";

/// Declares the job: id, title, parameter schema and the run function below.
JobDescriptor sumJobDescriptor();

/// params (already validated): {"values": [numbers], "delay_ms": integer >= 0 (pause per value,
/// so that progress and cancellation can be watched)}.
/// Returns {"sum": s, "count": n, "mean": s/n or null when empty}.
/// Throws JobCancelled when `job` is cancelled; checks before each value.
nlohmann::json runSum(const nlohmann::json& params, JobContext& job);

} // namespace scs::template_plugin
