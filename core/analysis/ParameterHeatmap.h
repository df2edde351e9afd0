// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — 2-D parameter heatmap of the firing rate.
#pragma once

#include "analysis/AnalysisSupport.h"
#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// Parameters x and y each take evenly spaced values over their ranges (SI); every pair is one run.
/// Either may be the drive parameter when no protocol drives it.
struct HeatmapSettings {
    std::string xParameter;
    double xMin = 0, xMax = 1;
    std::size_t xPoints = 20;
    std::string yParameter;
    double yMin = 0, yMax = 1;
    std::size_t yPoints = 20;
    double transient = 0;
    RateMeasure rate = RateMeasure::SpikeCount;
    int threads = 0;
};

struct HeatmapResult {
    std::string xParameter, yParameter;
    std::vector<double> xValues, yValues;  // SI
    std::vector<double> rate;              // Hz, [j * xValues.size() + i]; NaN where a run diverged
    std::vector<std::string> errors;       // same layout; "" or why
    double minRate = 0, maxRate = 0;       // over the finite cells

    double at(std::size_t i, std::size_t j) const { return rate[j * xValues.size() + i]; }
};

/// Throws AnalysisError (unknown or equal parameters, empty ranges), SimulationError, JobCancelled.
HeatmapResult runHeatmap(const NeuronModel& model, const SimulationSettings& base, const HeatmapSettings& settings,
                         JobContext* job = nullptr);

nlohmann::json toJson(const HeatmapResult& r);

} // namespace scs
