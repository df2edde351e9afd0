// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — pieces every analysis shares: errors, grids, rates, nested progress.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace scs {

/// Bad analysis settings (unknown parameter, empty range, no drive). `what()` is one line a user
/// can act on; analyses throw it before any simulation starts.
class AnalysisError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `n` evenly spaced values from `from` to `to` inclusive (n == 1: just `from`). n == 0: empty.
std::vector<double> linearGrid(double from, double to, std::size_t n);
/// `n` logarithmically spaced values; precondition (checked, AnalysisError): 0 < from, 0 < to.
std::vector<double> logGrid(double from, double to, std::size_t n);

/// Spikes per second in the window [from, to); 0 when the window is empty.
double rateInWindow(const std::vector<double>& spikeTimes, double from, double to);

/// 1 / mean ISI of the spikes in [from, to): the rate while firing; 0 with fewer than 2 spikes.
double meanIsiRateInWindow(const std::vector<double>& spikeTimes, double from, double to);

/// How a run's firing rate is measured in a window. SpikeCount is the plain average; MeanIsi is
/// exact for periodic firing whatever the window (no +/- 1 spike quantisation), which the small
/// differences of a sensitivity analysis need.
enum class RateMeasure { SpikeCount, MeanIsi };
double measureRate(const std::vector<double>& spikeTimes, double from, double to, RateMeasure measure);
const char* toString(RateMeasure m); // "spike_count", "mean_isi"

/// The model parameter `name`, or AnalysisError naming `what` and the parameters the model has.
const ParameterInfo& requireParameter(const NeuronModel& model, const std::string& name, const std::string& what);
/// Index of state `name`, or AnalysisError listing the model's states.
std::size_t requireState(const NeuronModel& model, const std::string& name, const std::string& what);
/// Value (SI) of a parameter in a run with `base`: its override if any, else the model's value.
double parameterValue(const NeuronModel& model, const SimulationSettings& base, const std::string& name);

/// Checks dt/duration and that a transient leaves something to analyse. Throws AnalysisError.
void checkTiming(const SimulationSettings& base, double transient);

/// Forwards progress of nested work (a simulate or simulateBatch call) into [from, to] of a parent
/// job, and the parent's cancellation into the nested work, within ~5 ms even if the nested work
/// reports no progress. Lives on the analysis thread; get() is null when the parent is null.
class SubJob {
public:
    SubJob(JobContext* parent, double from, double to, std::string message = {});
    ~SubJob();
    SubJob(const SubJob&) = delete;
    SubJob& operator=(const SubJob&) = delete;

    JobContext* get() { return parent_ ? &child_ : nullptr; }

private:
    JobContext* parent_;
    JobContext child_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread watcher_;
};

/// simulateBatch with its progress mapped into [from, to] of `job` and prompt cancellation.
BatchResult runBatch(const NeuronModel& model, const BatchSettings& batch, JobContext* job, double from, double to,
                     const std::string& message);
/// simulate, likewise.
SimulationResult runSingle(const NeuronModel& model, const SimulationSettings& settings, JobContext* job, double from,
                           double to, const std::string& message);

} // namespace scs
