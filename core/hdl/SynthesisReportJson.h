// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a synthesis report as JSON: how projects store it and how `--json` prints it.
#pragma once

#include "hdl/SynthesisReport.h"

#include <nlohmann/json.hpp>

namespace scs::hdl {

/// Keys are lower_snake_case and frozen once released ("luts", "flip_flops", "fmax_mhz", ...);
/// optional values that are absent are written as null. "version" is the payload's format (1).
nlohmann::json toJson(const SynthesisReport& report);

/// The inverse of toJson; fromJson(toJson(r)) == r field for field. Missing keys take their
/// defaults, so older payloads load; unknown keys are ignored. Throws std::invalid_argument on
/// a value of the wrong type, an unknown target, or a payload from a newer format version.
SynthesisReport fromJson(const nlohmann::json& json);

} // namespace scs::hdl
