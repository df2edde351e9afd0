// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — characterise a neuron: the analysis suite in one job, with a summary.
#pragma once

#include "analysis/FiCurve.h"
#include "analysis/FiringPattern.h"
#include "analysis/Sensitivity.h"
#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// Runs, in order: the base simulation (trace, firing pattern, ISI statistics, state ranges), an
/// f-I curve and a sensitivity analysis. When fiMax <= fiMin the f-I range is 0 .. 2x the
/// reference drive: the base protocol's offset + amplitude, else the drive parameter's value.
struct CharacterisationSettings {
    double fiMin = 0, fiMax = 0;
    std::size_t fiPoints = 20;
    double transient = 0;
    std::size_t topSensitivities = 5;
    double perturbation = 0.05;
    FiringPatternThresholds thresholds;
    int threads = 0;
};

struct StateRange {
    std::string name;
    std::string unit; // SI dimension name
    double min = 0, max = 0;
};

struct CharacterisationResult {
    SimulationResult trace;            // the base run
    FiringPatternResult pattern;       // of the base run's spikes after the transient
    std::vector<StateRange> stateRanges;
    FiCurveResult fiCurve;
    double rheobase = 0;               // = fiCurve.rheobase
    double maxRate = 0;                // = fiCurve.maxRate
    SensitivityResult sensitivity;
    std::vector<std::string> topParameters; // most sensitive first, at most topSensitivities
    std::vector<std::string> warnings;      // a part that could not run, and why
};

/// Throws AnalysisError when the base run itself fails; a failing f-I or sensitivity part is
/// reported in `warnings` instead. Throws JobCancelled.
CharacterisationResult runCharacterisation(const NeuronModel& model, const SimulationSettings& base,
                                           const CharacterisationSettings& settings, JobContext* job = nullptr);

/// `maxTracePoints` bounds the trace in the JSON (evenly decimated); 0 leaves the trace out.
nlohmann::json toJson(const CharacterisationResult& r, std::size_t maxTracePoints = 2000);

} // namespace scs
