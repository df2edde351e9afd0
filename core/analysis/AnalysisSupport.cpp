// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — shared analysis helpers (grids, rates, validation, nested progress).
#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace scs {

std::vector<double> linearGrid(double from, double to, std::size_t n) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = n == 1 ? from : from + (to - from) * static_cast<double>(i) / static_cast<double>(n - 1);
    if (n > 1) v.back() = to; // exact end point, whatever the rounding
    return v;
}

std::vector<double> logGrid(double from, double to, std::size_t n) {
    if (!(from > 0) || !(to > 0))
        throw AnalysisError("a logarithmic range needs positive ends (got " + std::to_string(from) + " .. " +
                            std::to_string(to) + ")");
    std::vector<double> v = linearGrid(std::log(from), std::log(to), n);
    for (double& x : v) x = std::exp(x);
    if (n > 0) v.front() = from;
    if (n > 1) v.back() = to;
    return v;
}

double rateInWindow(const std::vector<double>& spikeTimes, double from, double to) {
    if (!(to > from)) return 0;
    const auto count = std::count_if(spikeTimes.begin(), spikeTimes.end(),
                                     [&](double t) { return t >= from && t < to; });
    return static_cast<double>(count) / (to - from);
}

double meanIsiRateInWindow(const std::vector<double>& spikeTimes, double from, double to) {
    double first = 0, last = 0;
    std::size_t count = 0;
    for (double t : spikeTimes) {
        if (t < from || t >= to) continue;
        if (count++ == 0) first = t;
        last = t;
    }
    return count >= 2 && last > first ? static_cast<double>(count - 1) / (last - first) : 0;
}

double measureRate(const std::vector<double>& spikeTimes, double from, double to, RateMeasure measure) {
    return measure == RateMeasure::MeanIsi ? meanIsiRateInWindow(spikeTimes, from, to)
                                           : rateInWindow(spikeTimes, from, to);
}

const char* toString(RateMeasure m) { return m == RateMeasure::MeanIsi ? "mean_isi" : "spike_count"; }

namespace {
std::string parameterList(const NeuronModel& model) {
    std::string names;
    for (const auto& p : model.parameters()) names += (names.empty() ? "" : ", ") + p.name;
    return names.empty() ? "none" : names;
}
std::string stateList(const NeuronModel& model) {
    std::string names;
    for (const auto& s : model.states()) names += (names.empty() ? "" : ", ") + s.name;
    return names.empty() ? "none" : names;
}
} // namespace

const ParameterInfo& requireParameter(const NeuronModel& model, const std::string& name, const std::string& what) {
    if (auto i = model.parameterIndex(name)) return model.parameters()[*i];
    throw AnalysisError(what + ": model '" + model.spec().name + "' has no parameter '" + name +
                        "' (parameters: " + parameterList(model) + ")");
}

std::size_t requireState(const NeuronModel& model, const std::string& name, const std::string& what) {
    if (auto i = model.stateIndex(name)) return *i;
    throw AnalysisError(what + ": model '" + model.spec().name + "' has no state variable '" + name +
                        "' (states: " + stateList(model) + ")");
}

double parameterValue(const NeuronModel& model, const SimulationSettings& base, const std::string& name) {
    // Later overrides win, as they do when a simulation applies them in order.
    for (auto it = base.parameterOverrides.rbegin(); it != base.parameterOverrides.rend(); ++it)
        if (it->first == name) return it->second;
    return requireParameter(model, name, "parameter").value;
}

void checkTiming(const SimulationSettings& base, double transient) {
    if (!(base.dt > 0) || !std::isfinite(base.dt))
        throw AnalysisError("time step dt must be positive (got " + std::to_string(base.dt) + " s)");
    if (!(base.duration >= base.dt) || !std::isfinite(base.duration))
        throw AnalysisError("duration must be at least one time step (got " + std::to_string(base.duration) + " s)");
    if (!(transient >= 0) || !(transient < base.duration))
        throw AnalysisError("the discarded transient (" + std::to_string(transient) +
                            " s) must be >= 0 and shorter than the duration (" + std::to_string(base.duration) + " s)");
}

SubJob::SubJob(JobContext* parent, double from, double to, std::string message) : parent_(parent) {
    if (!parent_) return;
    child_.setProgressListener([parent, from, to, message](double fraction, const std::string& text) {
        parent->setProgress(from + (to - from) * fraction, text.empty() ? message : text);
    });
    if (parent_->isCancelled()) child_.cancel();
    watcher_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            if (parent_->isCancelled()) {
                child_.cancel();
                return;
            }
            wake_.wait_for(lock, std::chrono::milliseconds(5));
        }
    });
}

SubJob::~SubJob() {
    if (!watcher_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    watcher_.join();
}

BatchResult runBatch(const NeuronModel& model, const BatchSettings& batch, JobContext* job, double from, double to,
                     const std::string& message) {
    checkCancelled(job);
    SubJob sub(job, from, to, message);
    reportProgress(job, from, message);
    BatchResult result = simulateBatch(model, batch, sub.get());
    checkCancelled(job); // the engine may finish its last copies just as the cancel arrives
    reportProgress(job, to, message);
    return result;
}

SimulationResult runSingle(const NeuronModel& model, const SimulationSettings& settings, JobContext* job, double from,
                           double to, const std::string& message) {
    checkCancelled(job);
    SubJob sub(job, from, to, message);
    reportProgress(job, from, message);
    SimulationResult result = simulate(model, settings, sub.get());
    checkCancelled(job);
    reportProgress(job, to, message);
    return result;
}

} // namespace scs
