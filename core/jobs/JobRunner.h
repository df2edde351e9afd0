// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a pool of worker threads that runs long work as jobs (progress, cancel, result).
#pragma once

#include "jobs/Job.h"

#include <concepts>
#include <condition_variable>
#include <cstdint>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace scs {

/// Runs work functions on N std::threads in submission order (FIFO).
///
/// Outcome of a work function: returning ends the job Finished with the returned JSON; throwing
/// JobCancelled (e.g. from JobContext::throwIfCancelled) ends it Cancelled; any other exception ends
/// it Failed with the exception's what() kept in Job::error().
///
/// Threading: submit/cancel/jobs/listeners may be called from any thread. The destructor cancels
/// every job (queued ones never run, running ones see isCancelled()) and joins the workers, so the
/// work must check for cancellation regularly; it must not be called from a work function.
class JobRunner {
public:
    using Work = std::function<nlohmann::json(JobContext&)>;
    using ListenerId = std::uint64_t;
    /// Called after every state change (new state passed). Runs on the worker thread that runs the
    /// job, except for a queued job cancelled through cancel()/cancelAll()/~JobRunner, whose
    /// Cancelled notification runs on the cancelling thread. Keep it short; post to your own thread
    /// (e.g. QMetaObject::invokeMethod) for UI work. Must not add or remove listeners.
    using StateListener = std::function<void(const Job& job, JobState state)>;
    /// Called from JobContext::setProgress, on the worker thread. Same rules as StateListener.
    using ProgressListener = std::function<void(const Job& job, double fraction, const std::string& message)>;

    /// `workers` = 0 picks std::thread::hardware_concurrency() (at least 1). Threads start at once.
    explicit JobRunner(unsigned workers = 0);
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    /// Queues `work`. The returned job is also kept in jobs() until clearFinished().
    std::shared_ptr<Job> submit(std::string name, Work work);

    /// Convenience for work returning anything nlohmann::json can hold (or void -> null result).
    template <class F>
        requires std::invocable<F&, JobContext&> && (!std::is_same_v<std::decay_t<F>, Work>)
    std::shared_ptr<Job> submit(std::string name, F work) {
        return submit(std::move(name), Work([fn = std::move(work)](JobContext& ctx) mutable -> nlohmann::json {
            if constexpr (std::is_void_v<std::invoke_result_t<F&, JobContext&>>) {
                fn(ctx);
                return nullptr;
            } else {
                return nlohmann::json(fn(ctx));
            }
        }));
    }

    /// Requests cancellation of job `id`. A queued job ends Cancelled immediately (wait() returns);
    /// a running one ends when its work next checks. False if unknown or already terminal.
    bool cancel(Job::Id id);
    void cancelAll();

    /// Every job not yet cleared, in submission order.
    std::vector<std::shared_ptr<Job>> jobs() const;
    std::shared_ptr<Job> find(Job::Id id) const;
    /// Forgets terminal jobs (callers' shared_ptrs stay valid). Returns how many were removed.
    std::size_t clearFinished();
    /// Blocks until every job submitted so far is terminal.
    void waitAll() const;

    unsigned workerCount() const { return static_cast<unsigned>(workers_.size()); }

    /// Listeners registered here see every job. Removing waits for calls in flight to return.
    ListenerId addStateListener(StateListener listener);
    ListenerId addProgressListener(ProgressListener listener);
    void removeListener(ListenerId id);

private:
    struct Entry {
        std::shared_ptr<Job> job;
        Work work;
    };

    void workerLoop();
    void runOne(Entry& entry);
    void notifyState(const Job& job, JobState state);
    void notifyProgress(const Job& job, double fraction, const std::string& message);

    mutable std::mutex mutex_;            // guards queue_, jobs_, stopping_
    std::condition_variable wakeWorkers_;
    std::deque<Entry> queue_;
    std::vector<std::shared_ptr<Job>> jobs_;
    bool stopping_ = false;

    mutable std::shared_mutex listenersMutex_; // shared while calling, exclusive while editing
    std::map<ListenerId, StateListener> stateListeners_;
    std::map<ListenerId, ProgressListener> progressListeners_;
    ListenerId nextListenerId_ = 1;

    std::vector<std::thread> workers_; // last member: started after everything above exists
};

} // namespace scs
