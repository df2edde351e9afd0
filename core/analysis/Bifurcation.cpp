// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bifurcation sweep on simulateBatch, in chunks so traces stay small.
#include "analysis/Bifurcation.h"

#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <cmath>

namespace scs {
namespace {

// Sorted, merged within `tol`, thinned evenly to at most `maxPoints`.
std::vector<double> distinct(std::vector<double> v, double tol, std::size_t maxPoints) {
    std::sort(v.begin(), v.end());
    std::vector<double> out;
    for (double x : v)
        if (out.empty() || x - out.back() > tol) out.push_back(x);
    if (maxPoints > 0 && out.size() > maxPoints) {
        std::vector<double> thin;
        for (std::size_t k = 0; k < maxPoints; ++k)
            thin.push_back(out[k * (out.size() - 1) / std::max<std::size_t>(1, maxPoints - 1)]);
        out = std::move(thin);
    }
    return out;
}

} // namespace

void findExtrema(const std::vector<double>& trace, std::size_t from, double mergeTolerance, std::size_t maxPoints,
                 std::vector<double>& maxima, std::vector<double>& minima, std::size_t& rawCount) {
    maxima.clear();
    minima.clear();
    rawCount = 0;
    // Runs of equal samples (a refractory clamp, a saturated variable) count as one sample, so a
    // plateau is an extremum only if the trace turns around across it.
    std::vector<double> runs;
    for (std::size_t i = from; i < trace.size(); ++i)
        if (runs.empty() || trace[i] != runs.back()) runs.push_back(trace[i]);
    if (runs.empty()) return;
    std::vector<double> hi, lo;
    for (std::size_t i = 1; i + 1 < runs.size(); ++i) {
        if (runs[i] > runs[i - 1] && runs[i] > runs[i + 1]) hi.push_back(runs[i]);
        else if (runs[i] < runs[i - 1] && runs[i] < runs[i + 1]) lo.push_back(runs[i]);
    }
    rawCount = hi.size() + lo.size();
    const auto [mn, mx] = std::minmax_element(runs.begin(), runs.end());
    const double tol = std::max(0.0, mergeTolerance) * (*mx - *mn);
    maxima = distinct(std::move(hi), tol, maxPoints);
    minima = distinct(std::move(lo), tol, maxPoints);
}

BifurcationResult runBifurcation(const NeuronModel& model, const SimulationSettings& base,
                                 const BifurcationSettings& s, JobContext* job) {
    requireParameter(model, s.parameter, "bifurcation sweep");
    if (model.states().empty()) throw AnalysisError("bifurcation sweep: the model has no state variables");
    const std::string stateName = s.state.empty() ? model.states().front().name : s.state;
    const std::size_t stateIdx = requireState(model, stateName, "bifurcation sweep");
    checkTiming(base, 0);
    if (s.points == 0) throw AnalysisError("bifurcation sweep: the number of parameter values must be at least 1");
    if (!std::isfinite(s.min) || !std::isfinite(s.max) || s.min > s.max)
        throw AnalysisError("bifurcation sweep: the parameter range must be finite with min <= max");

    BifurcationResult r;
    r.parameter = s.parameter;
    r.state = stateName;
    r.parameterValues = linearGrid(s.min, s.max, s.points);
    const std::size_t n = s.points;
    r.maxima.resize(n);
    r.minima.resize(n);
    r.attractor.resize(n);
    r.extremaCount.assign(n, 0);
    r.errors.assign(n, "");

    const std::size_t chunk = std::max<std::size_t>(1, s.chunkSize);
    for (std::size_t begin = 0; begin < n; begin += chunk) {
        const std::size_t end = std::min(n, begin + chunk);
        BatchSettings batch;
        batch.base = base;
        if (s.parameter == base.drive) batch.base.protocol.reset(); // else the protocol overrides the sweep
        batch.varied = {s.parameter};
        for (std::size_t i = begin; i < end; ++i) batch.values.push_back({r.parameterValues[i]});
        batch.copies = end - begin;
        batch.threads = s.threads;
        batch.recordStates = true;
        const double from = static_cast<double>(begin) / static_cast<double>(n);
        const double to = static_cast<double>(end) / static_cast<double>(n);
        BatchResult out = runBatch(model, batch, job, from, to, "bifurcation sweep");
        for (std::size_t c = 0; c < end - begin; ++c) {
            const std::size_t i = begin + c;
            if (c < out.errors.size() && !out.errors[c].empty()) {
                r.errors[i] = out.errors[c];
                continue;
            }
            if (c >= out.traces.size() || stateIdx >= out.traces[c].size() || out.traces[c][stateIdx].empty()) {
                r.errors[i] = "no trace recorded";
                continue;
            }
            const auto& trace = out.traces[c][stateIdx];
            findExtrema(trace, trace.size() / 2, s.mergeTolerance, s.maxPointsPerValue, r.maxima[i], r.minima[i],
                        r.extremaCount[i]);
            auto& a = r.attractor[i];
            a = r.maxima[i];
            a.insert(a.end(), r.minima[i].begin(), r.minima[i].end());
            if (a.empty()) a.push_back(trace.back());
            for (double y : a) {
                r.pointsX.push_back(r.parameterValues[i]);
                r.pointsY.push_back(y);
            }
        }
    }
    reportProgress(job, 1.0, "bifurcation sweep done");
    return r;
}

nlohmann::json toJson(const BifurcationResult& r) {
    return {{"kind", "bifurcation"},
            {"parameter", r.parameter},
            {"state", r.state},
            {"parameter_values", r.parameterValues},
            {"maxima", r.maxima},
            {"minima", r.minima},
            {"attractor", r.attractor},
            {"extrema_count", r.extremaCount},
            {"errors", r.errors},
            {"points_x", r.pointsX},
            {"points_y", r.pointsY}};
}

} // namespace scs
