// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — JobRunner: FIFO queue, worker threads, outcome of each work function.
#include "jobs/JobRunner.h"

#include <algorithm>
#include <atomic>

namespace scs {
namespace {
// Process-wide so that ids stay unique even with several runners (CLI + GUI tests).
std::atomic<Job::Id> gNextJobId{1};
} // namespace

JobRunner::JobRunner(unsigned workers) {
    if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
    workers_.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) workers_.emplace_back([this] { workerLoop(); });
}

JobRunner::~JobRunner() {
    // Take the queue in one step so that no worker can start a queued job during shutdown.
    std::deque<Entry> dropped;
    std::vector<std::shared_ptr<Job>> all;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        dropped.swap(queue_);
        all = jobs_;
    }
    wakeWorkers_.notify_all();
    for (const auto& job : all) job->cancel();
    for (auto& entry : dropped)
        if (entry.job->finish(JobState::Cancelled, nullptr, "cancelled")) notifyState(*entry.job, JobState::Cancelled);
    for (auto& worker : workers_) worker.join();
}

std::shared_ptr<Job> JobRunner::submit(std::string name, Work work) {
    std::shared_ptr<Job> job(new Job(gNextJobId.fetch_add(1), std::move(name)));
    // Set before the work can start (JobContext's precondition). The raw pointer is safe: the
    // context is owned by the job itself.
    Job* raw = job.get();
    job->context().setProgressListener(
        [this, raw](double fraction, const std::string& message) { notifyProgress(*raw, fraction, message); });
    {
        std::lock_guard lock(mutex_);
        if (stopping_) throw std::logic_error("JobRunner is shutting down; job '" + job->name() + "' refused");
        jobs_.push_back(job);
        queue_.push_back(Entry{job, std::move(work)});
    }
    wakeWorkers_.notify_one();
    return job;
}

bool JobRunner::cancel(Job::Id id) {
    std::shared_ptr<Job> job;
    bool wasQueued = false;
    {
        std::lock_guard lock(mutex_);
        auto it = std::find_if(jobs_.begin(), jobs_.end(), [id](const auto& j) { return j->id() == id; });
        if (it == jobs_.end()) return false;
        job = *it;
        auto queued = std::find_if(queue_.begin(), queue_.end(), [id](const Entry& e) { return e.job->id() == id; });
        if (queued != queue_.end()) {
            queue_.erase(queued);
            wasQueued = true;
        }
    }
    if (isTerminal(job->state())) return false;
    job->cancel();
    if (wasQueued && job->finish(JobState::Cancelled, nullptr, "cancelled")) notifyState(*job, JobState::Cancelled);
    return true;
}

void JobRunner::cancelAll() {
    std::vector<Job::Id> ids;
    {
        std::lock_guard lock(mutex_);
        for (const auto& job : jobs_) ids.push_back(job->id());
    }
    for (Job::Id id : ids) cancel(id);
}

std::vector<std::shared_ptr<Job>> JobRunner::jobs() const {
    std::lock_guard lock(mutex_);
    return jobs_;
}

std::shared_ptr<Job> JobRunner::find(Job::Id id) const {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(jobs_.begin(), jobs_.end(), [id](const auto& j) { return j->id() == id; });
    return it == jobs_.end() ? nullptr : *it;
}

std::size_t JobRunner::clearFinished() {
    std::lock_guard lock(mutex_);
    const auto before = jobs_.size();
    std::erase_if(jobs_, [](const auto& j) { return isTerminal(j->state()); });
    return before - jobs_.size();
}

void JobRunner::waitAll() const {
    for (const auto& job : jobs()) job->wait();
}

JobRunner::ListenerId JobRunner::addStateListener(StateListener listener) {
    std::unique_lock lock(listenersMutex_);
    const ListenerId id = nextListenerId_++;
    stateListeners_.emplace(id, std::move(listener));
    return id;
}

JobRunner::ListenerId JobRunner::addProgressListener(ProgressListener listener) {
    std::unique_lock lock(listenersMutex_);
    const ListenerId id = nextListenerId_++;
    progressListeners_.emplace(id, std::move(listener));
    return id;
}

void JobRunner::removeListener(ListenerId id) {
    std::unique_lock lock(listenersMutex_);
    stateListeners_.erase(id);
    progressListeners_.erase(id);
}

void JobRunner::notifyState(const Job& job, JobState state) {
    std::shared_lock lock(listenersMutex_);
    for (const auto& [id, listener] : stateListeners_) listener(job, state);
}

void JobRunner::notifyProgress(const Job& job, double fraction, const std::string& message) {
    std::shared_lock lock(listenersMutex_);
    for (const auto& [id, listener] : progressListeners_) listener(job, fraction, message);
}

void JobRunner::workerLoop() {
    for (;;) {
        Entry entry;
        {
            std::unique_lock lock(mutex_);
            wakeWorkers_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return; // stopping and nothing left
            entry = std::move(queue_.front());
            queue_.pop_front();
        }
        runOne(entry);
    }
}

void JobRunner::runOne(Entry& entry) {
    Job& job = *entry.job;
    // Flagged through Job::cancel() while queued: end it without running the work.
    if (job.context().isCancelled()) {
        if (job.finish(JobState::Cancelled, nullptr, "cancelled")) notifyState(job, JobState::Cancelled);
        return;
    }
    if (!job.markRunning()) return;
    notifyState(job, JobState::Running);

    JobState outcome = JobState::Finished;
    nlohmann::json result;
    std::string error;
    try {
        result = entry.work(job.context());
    } catch (const JobCancelled&) {
        outcome = JobState::Cancelled;
        error = "cancelled";
    } catch (const std::exception& e) {
        outcome = JobState::Failed;
        error = e.what();
        if (error.empty()) error = "failed (exception without a message)";
    } catch (...) {
        outcome = JobState::Failed;
        error = "failed (unknown exception)";
    }
    // Release the work (and whatever it captured, e.g. a plugin's library) before announcing the end.
    entry.work = nullptr;
    if (job.finish(outcome, std::move(result), std::move(error))) notifyState(job, outcome);
}

} // namespace scs
