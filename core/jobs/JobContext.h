// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what a piece of long work sees of its job: progress out, cancellation in.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>

namespace scs {

/// Thrown by JobContext::throwIfCancelled; the job runner turns it into a "cancelled" outcome.
class JobCancelled : public std::runtime_error {
public:
    JobCancelled() : std::runtime_error("cancelled") {}
};

/// Shared between the thread doing the work and whoever watches it. Thread-safe.
/// Work functions take a `JobContext*` that may be null (no progress, never cancelled).
class JobContext {
public:
    using ProgressListener = std::function<void(double fraction, const std::string& message)>;

    JobContext() = default;
    /// A context for one part of `parent`'s work (parent may be null): cancelled whenever the parent
    /// is, and its progress 0..1 fills the parent's [from, to] (synthesis of one target of several).
    JobContext(JobContext* parent, double from, double to) : parent_(parent), from_(from), to_(to) {}
    JobContext(const JobContext&) = delete;
    JobContext& operator=(const JobContext&) = delete;

    /// `fraction` in [0, 1]. Listener calls happen on the working thread.
    void setProgress(double fraction, const std::string& message = {});
    double progress() const { return progress_.load(); }
    std::string message() const;

    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load() || (parent_ && parent_->isCancelled()); }
    void throwIfCancelled() const {
        if (isCancelled()) throw JobCancelled();
    }

    /// Precondition: set before the work starts.
    void setProgressListener(ProgressListener listener) { listener_ = std::move(listener); }

private:
    std::atomic<double> progress_{0.0};
    std::atomic<bool> cancelled_{false};
    mutable std::mutex mutex_;
    std::string message_;
    ProgressListener listener_;
    JobContext* parent_ = nullptr;
    double from_ = 0, to_ = 1;
};

/// Helpers for optional contexts.
inline void reportProgress(JobContext* job, double fraction, const std::string& message = {}) {
    if (job) job->setProgress(fraction, message);
}
inline void checkCancelled(const JobContext* job) {
    if (job) job->throwIfCancelled();
}

} // namespace scs
