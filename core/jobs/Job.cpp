// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — Job state transitions and waiting.
#include "jobs/Job.h"

namespace scs {

const char* toString(JobState state) {
    switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Finished: return "finished";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
    }
    return "unknown";
}

JobState Job::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void Job::wait() const {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return isTerminal(state_); });
}

bool Job::waitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return isTerminal(state_); });
}

std::string Job::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

nlohmann::json Job::result() const {
    std::lock_guard lock(mutex_);
    return result_;
}

double Job::elapsedSeconds() const {
    std::lock_guard lock(mutex_);
    if (state_ == JobState::Queued || started_ == std::chrono::steady_clock::time_point{}) return 0.0;
    const auto end = isTerminal(state_) ? ended_ : std::chrono::steady_clock::now();
    return std::chrono::duration<double>(end - started_).count();
}

bool Job::markRunning() {
    std::lock_guard lock(mutex_);
    if (state_ != JobState::Queued) return false;
    state_ = JobState::Running;
    started_ = std::chrono::steady_clock::now();
    return true;
}

bool Job::finish(JobState terminal, nlohmann::json result, std::string error) {
    {
        std::lock_guard lock(mutex_);
        if (isTerminal(state_)) return false;
        state_ = terminal;
        result_ = std::move(result);
        error_ = std::move(error);
        ended_ = std::chrono::steady_clock::now();
        if (started_ == std::chrono::steady_clock::time_point{}) started_ = ended_;
    }
    changed_.notify_all();
    return true;
}

} // namespace scs
