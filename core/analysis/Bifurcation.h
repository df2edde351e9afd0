// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bifurcation sweep: the attractor of one state as one parameter varies.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// `parameter` takes `points` values from min to max (SI). Each run's attractor is read from
/// `state` (default: the model's first state) in the second half of the run: the values of its
/// local maxima and minima, or its final value when it has none (a fixed point). Sweeping the
/// drive parameter replaces the base protocol by the swept constant value.
struct BifurcationSettings {
    std::string parameter;
    double min = 0;
    double max = 1;
    std::size_t points = 50;
    std::string state;
    /// Extrema closer than this fraction of the run's second-half span are merged into one point,
    /// so a period-1 cycle gives one max and one min, and chaos gives a cloud.
    double mergeTolerance = 1e-3;
    std::size_t maxPointsPerValue = 64;
    /// Copies per batch: bounds memory (traces are kept only for one chunk at a time).
    std::size_t chunkSize = 32;
    int threads = 0;
};

struct BifurcationResult {
    std::string parameter;
    std::string state;
    std::vector<double> parameterValues;        // SI
    std::vector<std::vector<double>> maxima;    // [value] distinct local maxima, ascending, SI
    std::vector<std::vector<double>> minima;    // [value] distinct local minima, ascending, SI
    std::vector<std::vector<double>> attractor; // [value] maxima then minima, or the final value
    std::vector<std::size_t> extremaCount;      // [value] before merging (0: a fixed point)
    std::vector<std::string> errors;            // [value] "" or why that run diverged
    // The attractor flattened for a scatter plot: one (x, y) per point.
    std::vector<double> pointsX;
    std::vector<double> pointsY;
};

/// Throws AnalysisError (unknown parameter or state, points == 0), SimulationError, JobCancelled.
BifurcationResult runBifurcation(const NeuronModel& model, const SimulationSettings& base,
                                 const BifurcationSettings& settings, JobContext* job = nullptr);

/// The distinct local maxima and minima of trace[from, end): exposed for tests and other analyses.
void findExtrema(const std::vector<double>& trace, std::size_t from, double mergeTolerance, std::size_t maxPoints,
                 std::vector<double>& maxima, std::vector<double>& minima, std::size_t& rawCount);

nlohmann::json toJson(const BifurcationResult& r);

} // namespace scs
