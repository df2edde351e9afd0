// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — f-I curve: firing rate against a constant drive, with a rheobase estimate.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// The drive is SimulationSettings::drive of the base settings (usually "I"), held constant for the
/// whole run at each of `points` values from driveMin to driveMax (SI units of that parameter).
struct FiCurveSettings {
    double driveMin = 0;
    double driveMax = 1e-9;
    std::size_t points = 20;
    /// Seconds discarded from the start before the steady rate is measured.
    double transient = 0;
    /// Rounds that narrow the rheobase bracket found on the grid; each simulates
    /// `refinementPoints` drives inside the bracket, shrinking it (refinementPoints + 1)-fold.
    std::size_t rheobaseRefinements = 2;
    std::size_t refinementPoints = 8;
    int threads = 0; // 0 = all cores
};

struct FiCurveResult {
    std::string drive;               // parameter name
    std::string driveUnit;           // SI name of its dimension ("amp")
    std::vector<double> drives;      // SI
    std::vector<double> rate;        // Hz: spikes in [transient, duration) / (duration - transient)
    std::vector<double> meanIsiRate; // Hz: 1 / mean ISI in that window (0 with < 2 spikes there)
    std::vector<double> firstIsiRate;// Hz: 1 / first ISI of the whole run (0 with < 2 spikes)
    std::vector<std::size_t> spikeCount; // whole run
    std::vector<std::string> errors; // "" or why that run diverged (its rates are then NaN)
    /// Lowest drive that fires at least one spike after the transient: the midpoint of
    /// [rheobaseLow, rheobaseHigh] (a silent and a firing drive). NaN when no drive fires; when the
    /// lowest drive already fires, rheobase = rheobaseHigh = driveMin and rheobaseLow is NaN.
    double rheobase = 0;
    double rheobaseLow = 0;
    double rheobaseHigh = 0;
    double maxRate = 0;
    double transient = 0;
    double duration = 0;
};

/// Runs the sweep (and rheobase refinement) with simulateBatch. Throws AnalysisError for bad
/// settings (no such drive, points == 0, min > max), SimulationError, JobCancelled.
FiCurveResult runFiCurve(const NeuronModel& model, const SimulationSettings& base, const FiCurveSettings& settings,
                         JobContext* job = nullptr);

nlohmann::json toJson(const FiCurveResult& r);

} // namespace scs
