// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one piece of long work run by JobRunner: state, progress, result or error.
#pragma once

#include "jobs/JobContext.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace scs {

/// Queued -> Running -> one of Finished / Failed / Cancelled (terminal, never left again).
/// A queued job that is cancelled goes straight to Cancelled without running.
enum class JobState { Queued, Running, Finished, Failed, Cancelled };

/// lower-case name used in CLI/JSON output ("queued", "running", ...).
const char* toString(JobState state);
inline bool isTerminal(JobState state) {
    return state == JobState::Finished || state == JobState::Failed || state == JobState::Cancelled;
}

/// Created only by JobRunner and shared with the caller through std::shared_ptr.
/// Every member is thread-safe; the result and error are fixed once the job is terminal.
class Job {
public:
    using Id = std::uint64_t;

    Job(const Job&) = delete;
    Job& operator=(const Job&) = delete;

    /// Unique within the process, increasing in submission order, never 0.
    Id id() const { return id_; }
    const std::string& name() const { return name_; }
    JobState state() const;

    /// The context handed to the work function. Callers may read progress from it; cancel via cancel().
    JobContext& context() { return context_; }
    const JobContext& context() const { return context_; }
    double progress() const { return context_.progress(); }
    std::string message() const { return context_.message(); }

    /// Asks the work to stop. A running job stops at its next JobContext::throwIfCancelled();
    /// a queued job is taken off the queue by JobRunner::cancel (Job::cancel alone only flags it,
    /// and the runner then ends it Cancelled without running it).
    void cancel() { context_.cancel(); }

    /// Blocks until the job is terminal. Must not be called from the job's own work function.
    void wait() const;
    /// Returns true if the job became terminal within `timeout`.
    bool waitFor(std::chrono::milliseconds timeout) const;

    /// Failed: the exception's message. Cancelled: "cancelled". Otherwise empty.
    std::string error() const;
    /// The work function's return value once Finished; null JSON in every other state.
    nlohmann::json result() const;
    /// Typed access through nlohmann's conversions. Throws std::logic_error unless Finished,
    /// nlohmann::json::exception if the result does not convert to T.
    template <class T>
    T resultAs() const {
        if (state() != JobState::Finished) throw std::logic_error("job '" + name_ + "' has no result (" + toString(state()) + ")");
        return result().get<T>();
    }

    /// Wall-clock seconds spent running (so far, while Running; 0 while Queued).
    double elapsedSeconds() const;

private:
    friend class JobRunner;
    Job(Id id, std::string name) : id_(id), name_(std::move(name)) {}

    /// Runner side. Return false if the transition was refused (job already terminal).
    bool markRunning();
    bool finish(JobState terminal, nlohmann::json result, std::string error);

    const Id id_;
    const std::string name_;
    JobContext context_;

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    JobState state_ = JobState::Queued;
    nlohmann::json result_;
    std::string error_;
    std::chrono::steady_clock::time_point started_{};
    std::chrono::steady_clock::time_point ended_{};
};

} // namespace scs
