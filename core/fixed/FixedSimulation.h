// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a playground run in fixed point, and how it differs from the float run.
#pragma once

#include "FixedCompiler.h"

#include "ode/Simulation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scs {
class JobContext;
}

namespace scs::fixed {

/// The drive `si` (SI units) as an input code: rounded to nearest and saturated, as a host writing
/// the input port would. 0 when the program has no input.
std::int64_t inputCode(const FixedModelProgram& program, double si);

/// The input code of every step of a run with `settings` (its protocol, or the drive parameter's
/// constant value): what both the C++ model and the RTL are fed.
std::vector<std::int64_t> driveCodes(const FixedModelProgram& program, const SimulationSettings& settings,
                                     std::int64_t steps);

/// A fixed-point run. `run` holds the decoded traces in SI units (as the float simulation's) and
/// the spikes; under Overflow::Trap `trap` says what overflowed and when, and the run stops there.
struct FixedSimulationResult {
    FixedModelProgram program;
    SimulationResult run;
    std::optional<std::string> trap;
    std::int64_t trapStep = -1;
};

/// Compiles `model` for `contract` and runs it with forward Euler for settings.duration.
/// Throws ModelError (what the compiler refuses), SimulationError (bad settings), JobCancelled.
FixedSimulationResult simulateFixed(const NeuronModel& model, const SimulationSettings& settings,
                                    const FixedContract& contract, JobContext* job = nullptr, int lutSegments = 256);

/// How far one state's fixed-point trace is from the float trace, in the state's SI unit.
struct TraceError {
    std::string name;
    double maxAbs = 0;
    double rms = 0;
    double meanSigned = 0; // a bias: positive when fixed point runs high
};

/// Float and fixed runs side by side (issue 4's "float vs fixed").
struct FloatFixedComparison {
    SimulationResult floatRun; // forward Euler, the method the hardware uses
    FixedSimulationResult fixedRun;
    std::vector<TraceError> errors; // [state]
    int matchedSpikes = 0;          // float spikes with a fixed spike within `window`
    int missingSpikes = 0;          // float spikes without one
    int extraSpikes = 0;            // fixed spikes left unmatched
    double meanSpikeShift = 0;      // mean |t_fixed - t_float| over matched spikes, seconds
    double maxSpikeShift = 0;
    double window = 0;           // seconds
    std::string summary() const; // a few lines for the GUI and the CLI
};

/// Runs both with `settings` (the method is forced to euler) and compares them. Spikes are
/// matched greedily in time order within `window` seconds (default: 2 ms).
FloatFixedComparison compareFloatFixed(const NeuronModel& model, SimulationSettings settings,
                                       const FixedContract& contract, JobContext* job = nullptr, double window = 2e-3);

} // namespace scs::fixed
