// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the options every model command shares: which model, its parameters, the
// protocol, method, dt and duration.
#pragma once

#include "cli/CliArgs.h"
#include "models/ModelCatalogue.h"
#include "ode/Simulation.h"

#include <string>

namespace scs::cli {

/// A model ready to run, with the settings the command line asked for.
struct ModelRun {
    CatalogueEntry entry;
    NeuronModel model;
    SimulationSettings settings;
};

/// Takes --model NAME|FILE, --equations/--threshold/--reset/--refractory TEXT, --param NAME=VALUE
/// (repeatable), --init NAME=VALUE, --drive NAME, --protocol TEXT, --method M, --dt T,
/// --duration T, --record-every N, --seed N from `args`. Defaults come from the catalogue entry.
/// Throws UsageError, ModelError (with positions) or std::runtime_error.
ModelRun takeModelRun(CliArgs& args);

/// Help text for those options, for each command's --help.
const char* modelOptionsHelp();

} // namespace scs::cli
