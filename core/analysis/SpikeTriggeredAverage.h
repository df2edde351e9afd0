// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — spike-triggered average of a state or of the drive on a noise-driven run.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Protocol.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// One run with `protocol` (else the base protocol; one of them must be set — typically
/// "noise offset=... sigma=... tau=..."), recorded at every step. Every spike whose window
/// [t - before, t + after] lies inside the run contributes the signal around it.
struct StaSettings {
    std::string signal = "drive"; // "drive" (the driven parameter) or a state name
    double before = 20e-3;        // s
    double after = 5e-3;          // s
    std::optional<Protocol> protocol;
    double transient = 0;         // spikes before this time are ignored (s)
};

struct StaResult {
    std::string signal;
    std::string unit;             // SI dimension name of the signal
    std::vector<double> lag;      // s, relative to the spike: -before .. +after
    std::vector<double> mean;     // SI, averaged over the spikes used
    std::vector<double> stdDev;   // SI, across spikes
    std::size_t spikesUsed = 0;
    std::size_t spikesTotal = 0;
    double signalMean = 0;        // over the whole run, the baseline to compare the average with
    double peakLag = 0;           // lag of the largest |mean - signalMean| at lag <= 0
};

/// Throws AnalysisError (no protocol, unknown signal, bad window), SimulationError, JobCancelled.
StaResult runSpikeTriggeredAverage(const NeuronModel& model, const SimulationSettings& base,
                                   const StaSettings& settings, JobContext* job = nullptr);

/// The average itself, on a recorded signal (time step dt, first sample at t = 0) and spike
/// times: exposed so recorded data (a board capture) can be averaged the same way.
StaResult spikeTriggeredAverage(const std::vector<double>& signal, double dt, const std::vector<double>& spikeTimes,
                                double before, double after, double transient = 0);

nlohmann::json toJson(const StaResult& r);

} // namespace scs
