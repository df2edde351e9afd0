// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — parameter sensitivity: how the firing rate responds to each parameter.
#pragma once

#include "analysis/AnalysisSupport.h"
#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// Each chosen parameter p is run at p (1 + perturbation) and p (1 - perturbation), all others at
/// their base values, and the firing rate r measured after the transient. Central differences give
///   derivative = dr/dp       = (r+ - r-) / (2 perturbation p)          [Hz per SI unit]
///   elasticity = dln r/dln p = (r+ - r-) / (2 perturbation r0)         [dimensionless]
/// An elasticity of 2 means a 1 % increase of p raises the rate by about 2 %.
struct SensitivitySettings {
    /// Empty: every parameter except the drive when a protocol drives it (its value is then ignored).
    std::vector<std::string> parameters;
    double perturbation = 0.05; // fraction, 0 < perturbation < 1
    double transient = 0;
    /// MeanIsi by default: a +/-5 % change moves a 1 s spike count by only a few spikes, so
    /// counts would make the differences mostly quantisation.
    RateMeasure rate = RateMeasure::MeanIsi;
    int threads = 0;
};

struct SensitivityResult {
    RateMeasure rateMeasure = RateMeasure::MeanIsi;
    double baseRate = 0; // Hz
    std::vector<std::string> parameters;
    std::vector<double> values;      // SI base values
    std::vector<double> ratePlus;    // Hz
    std::vector<double> rateMinus;   // Hz
    std::vector<double> derivative;  // Hz per SI unit; NaN when p == 0
    std::vector<double> elasticity;  // NaN when the base rate or p is 0
    std::vector<std::string> notes;  // "" or why a value is NaN ("parameter is 0", "diverged: ...")
    /// Indices into `parameters`, most sensitive first (by |elasticity|, else |derivative * p|).
    std::vector<std::size_t> ranking;
};

/// Throws AnalysisError (unknown parameter, perturbation out of range), SimulationError, JobCancelled.
SensitivityResult runSensitivity(const NeuronModel& model, const SimulationSettings& base,
                                 const SensitivitySettings& settings, JobContext* job = nullptr);

nlohmann::json toJson(const SensitivityResult& r);

} // namespace scs
