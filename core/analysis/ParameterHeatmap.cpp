// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — firing-rate heatmap over two parameters, one batch copy per cell.
#include "analysis/ParameterHeatmap.h"

#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scs {

HeatmapResult runHeatmap(const NeuronModel& model, const SimulationSettings& base, const HeatmapSettings& s,
                         JobContext* job) {
    requireParameter(model, s.xParameter, "heatmap x axis");
    requireParameter(model, s.yParameter, "heatmap y axis");
    if (s.xParameter == s.yParameter) throw AnalysisError("heatmap: the x and y parameters must differ");
    if (s.xPoints == 0 || s.yPoints == 0) throw AnalysisError("heatmap: each axis needs at least 1 value");
    if (!std::isfinite(s.xMin) || !std::isfinite(s.xMax) || s.xMin > s.xMax || !std::isfinite(s.yMin) ||
        !std::isfinite(s.yMax) || s.yMin > s.yMax)
        throw AnalysisError("heatmap: the ranges must be finite with min <= max");
    checkTiming(base, s.transient);

    HeatmapResult r;
    r.xParameter = s.xParameter;
    r.yParameter = s.yParameter;
    r.xValues = linearGrid(s.xMin, s.xMax, s.xPoints);
    r.yValues = linearGrid(s.yMin, s.yMax, s.yPoints);

    BatchSettings batch;
    batch.base = base;
    if (base.protocol && (s.xParameter == base.drive || s.yParameter == base.drive))
        batch.base.protocol.reset(); // the swept value must be what the neuron sees
    batch.varied = {s.xParameter, s.yParameter};
    batch.threads = s.threads;
    for (double y : r.yValues)
        for (double x : r.xValues) batch.values.push_back({x, y});
    batch.copies = batch.values.size();
    BatchResult out = runBatch(model, batch, job, 0, 0.99, "heatmap");

    const std::size_t n = batch.copies;
    r.rate.assign(n, std::numeric_limits<double>::quiet_NaN());
    r.errors.assign(n, "");
    bool any = false;
    for (std::size_t c = 0; c < n; ++c) {
        if (c < out.errors.size() && !out.errors[c].empty()) {
            r.errors[c] = out.errors[c];
            continue;
        }
        r.rate[c] = measureRate(out.spikeTimes[c], s.transient, base.duration, s.rate);
        r.minRate = any ? std::min(r.minRate, r.rate[c]) : r.rate[c];
        r.maxRate = any ? std::max(r.maxRate, r.rate[c]) : r.rate[c];
        any = true;
    }
    reportProgress(job, 1.0, "heatmap done");
    return r;
}

nlohmann::json toJson(const HeatmapResult& r) {
    return {{"kind", "heatmap"},
            {"x_parameter", r.xParameter},
            {"y_parameter", r.yParameter},
            {"x_values", r.xValues},
            {"y_values", r.yValues},
            {"rate", r.rate},
            {"errors", r.errors},
            {"min_rate", r.minRate},
            {"max_rate", r.maxRate}};
}

} // namespace scs
