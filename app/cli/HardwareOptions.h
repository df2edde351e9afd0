// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the options every hardware command shares: the fixed-point contract, and
// a model compiled with it.
#pragma once

#include "cli/CliArgs.h"
#include "cli/ModelOptions.h"
#include "fixed/FixedProgram.h"

namespace scs::cli {

/// Takes --q FORMAT (alias --format; default Q8.8), --overflow MODE and --rounding MODE.
/// Throws UsageError naming the bad value.
fixed::FixedContract takeContract(CliArgs& args);

/// The model of `run` lowered to fixed point with `contract` (its dt, drive and overrides); the
/// program is named after the catalogue entry when the model has no name. Throws ModelError.
fixed::FixedModelProgram compileRun(const ModelRun& run, const fixed::FixedContract& contract);

/// Takes --pipeline N (default 0): pipeline stages of the emitted module (0 .. kMaxPipelineStages).
int takePipelineStages(CliArgs& args);

/// Help text for the contract options, and for --pipeline.
const char* contractOptionsHelp();
const char* pipelineOptionHelp();

} // namespace scs::cli
