// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — frequency response: rate and phase locking against sine-drive frequency.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// The drive is offset + amplitude sin(2 pi f t) (SI units of the drive parameter) for `points`
/// frequencies from minFrequency to maxFrequency (Hz; log spaced unless linear). Low frequencies
/// need a duration of several periods: `cycles` in the result says how many each run saw.
struct FrequencyResponseSettings {
    double minFrequency = 1;
    double maxFrequency = 100;
    std::size_t points = 20;
    bool logSpacing = true;
    double offset = 0;
    double amplitude = 1e-9;
    double transient = 0;
    int threads = 0;
};

struct FrequencyResponseResult {
    std::string drive;
    std::vector<double> frequency;      // Hz
    std::vector<double> rate;           // Hz, after the transient
    /// |mean of exp(i 2 pi f t_k)| over spikes after the transient: 1 when every spike falls at the
    /// same phase, ~0 when spikes ignore the drive. NaN with no spikes.
    std::vector<double> vectorStrength;
    std::vector<double> phase;          // rad in (-pi, pi], mean spike phase: 0 rising zero, pi/2 peak
    std::vector<double> modulation;     // Hz: first-harmonic rate modulation = 2 rate vectorStrength
    std::vector<double> cycles;         // drive periods in the analysed window
    std::vector<std::string> errors;
};

/// Throws AnalysisError (no drive parameter, bad range), SimulationError, JobCancelled.
FrequencyResponseResult runFrequencyResponse(const NeuronModel& model, const SimulationSettings& base,
                                             const FrequencyResponseSettings& settings, JobContext* job = nullptr);

nlohmann::json toJson(const FrequencyResponseResult& r);

} // namespace scs
