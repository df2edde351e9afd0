// SPDX-License-Identifier: MIT
// Tests for JobRunner and Job: outcomes, progress, cancellation (queued and running), shutdown.
#include "jobs/JobRunner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace scs {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Work that runs until cancelled, polling the way real work does.
nlohmann::json spinUntilCancelled(JobContext& ctx) {
    for (;;) {
        ctx.throwIfCancelled();
        std::this_thread::sleep_for(1ms);
    }
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 5s) {
    const auto end = Clock::now() + timeout;
    while (!condition()) {
        if (Clock::now() > end) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

TEST(JobRunner, ReturnsTheWorkResult) {
    JobRunner runner(2);
    auto job = runner.submit("answer", JobRunner::Work([](JobContext&) { return nlohmann::json{{"answer", 42}}; }));
    job->wait();
    EXPECT_EQ(job->state(), JobState::Finished);
    EXPECT_EQ(job->result(), (nlohmann::json{{"answer", 42}}));
    EXPECT_EQ(job->error(), "");
    EXPECT_EQ(job->name(), "answer");
}

TEST(JobRunner, TypedWorkIsConvertedToJson) {
    JobRunner runner(1);
    auto numbers = runner.submit("numbers", [](JobContext&) { return std::vector<int>{1, 2, 3}; });
    auto nothing = runner.submit("void", [](JobContext&) {});
    numbers->wait();
    nothing->wait();
    EXPECT_EQ(numbers->resultAs<std::vector<int>>(), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(nothing->state(), JobState::Finished);
    EXPECT_TRUE(nothing->result().is_null());
}

TEST(JobRunner, ReportsProgressToContextAndListeners) {
    JobRunner runner(1);
    std::mutex mutex;
    std::vector<std::pair<double, std::string>> seen;
    runner.addProgressListener([&](const Job&, double fraction, const std::string& message) {
        std::lock_guard lock(mutex);
        seen.emplace_back(fraction, message);
    });
    auto job = runner.submit("steps", JobRunner::Work([](JobContext& ctx) {
                                 ctx.setProgress(0.25, "one");
                                 ctx.setProgress(0.5, "two");
                                 ctx.setProgress(1.7, "three"); // clamped to 1
                                 return nlohmann::json();
                             }));
    job->wait();
    std::lock_guard lock(mutex);
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_DOUBLE_EQ(seen[0].first, 0.25);
    EXPECT_EQ(seen[0].second, "one");
    EXPECT_DOUBLE_EQ(seen[1].first, 0.5);
    EXPECT_DOUBLE_EQ(seen[2].first, 1.0);
    EXPECT_DOUBLE_EQ(job->progress(), 1.0);
    EXPECT_EQ(job->message(), "three");
}

TEST(JobRunner, StateListenerSeesRunningThenOutcomeOnAWorkerThread) {
    JobRunner runner(1);
    std::mutex mutex;
    std::vector<JobState> states;
    std::set<std::thread::id> threads;
    runner.addStateListener([&](const Job&, JobState state) {
        std::lock_guard lock(mutex);
        states.push_back(state);
        threads.insert(std::this_thread::get_id());
    });
    auto job = runner.submit("quick", [](JobContext&) { return 1; });
    job->wait();
    // The terminal notification follows finish(); give it a moment to land.
    ASSERT_TRUE(waitUntil([&] { std::lock_guard lock(mutex); return states.size() == 2; }));
    std::lock_guard lock(mutex);
    EXPECT_EQ(states, (std::vector<JobState>{JobState::Running, JobState::Finished}));
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_NE(*threads.begin(), std::this_thread::get_id());
}

TEST(JobRunner, FailureKeepsTheExceptionMessage) {
    JobRunner runner(1);
    auto failed = runner.submit("bad", JobRunner::Work([](JobContext&) -> nlohmann::json {
                                    throw std::runtime_error("dt must be positive, got 0 s");
                                }));
    auto odd = runner.submit("odd", JobRunner::Work([](JobContext&) -> nlohmann::json { throw 17; }));
    failed->wait();
    odd->wait();
    EXPECT_EQ(failed->state(), JobState::Failed);
    EXPECT_EQ(failed->error(), "dt must be positive, got 0 s");
    EXPECT_TRUE(failed->result().is_null());
    EXPECT_THROW(failed->resultAs<int>(), std::logic_error);
    EXPECT_EQ(odd->state(), JobState::Failed);
    EXPECT_EQ(odd->error(), "failed (unknown exception)");
}

TEST(JobRunner, CancellationStopsALongLoopPromptly) {
    JobRunner runner(1);
    std::atomic<long> iterations{0};
    auto job = runner.submit("forever", JobRunner::Work([&](JobContext& ctx) -> nlohmann::json {
                                 for (;;) {
                                     ctx.throwIfCancelled();
                                     ++iterations;
                                     std::this_thread::sleep_for(100us);
                                 }
                             }));
    ASSERT_TRUE(waitUntil([&] { return iterations.load() > 10; }));
    EXPECT_EQ(job->state(), JobState::Running);
    const auto start = Clock::now();
    EXPECT_TRUE(runner.cancel(job->id()));
    ASSERT_TRUE(job->waitFor(2s));
    const auto took = Clock::now() - start;
    EXPECT_EQ(job->state(), JobState::Cancelled);
    EXPECT_EQ(job->error(), "cancelled");
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 200);
    const long after = iterations.load();
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(iterations.load(), after) << "the loop kept running after cancellation";
    EXPECT_FALSE(runner.cancel(job->id())) << "a terminal job cannot be cancelled again";
}

TEST(JobRunner, CancelledQueuedJobEndsAtOnceAndNeverRuns) {
    JobRunner runner(1);
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    auto blocker = runner.submit("blocker", [released](JobContext&) { released.wait(); return 1; });
    std::atomic<bool> ran{false};
    auto queued = runner.submit("queued", [&](JobContext&) { ran = true; });
    ASSERT_TRUE(waitUntil([&] { return blocker->state() == JobState::Running; }));
    EXPECT_EQ(queued->state(), JobState::Queued);

    EXPECT_TRUE(runner.cancel(queued->id()));
    EXPECT_TRUE(queued->waitFor(0ms)) << "a queued job must not wait for a worker to end Cancelled";
    EXPECT_EQ(queued->state(), JobState::Cancelled);

    // Job::cancel alone (not through the runner) must also keep the work from running.
    auto flagged = runner.submit("flagged", [&](JobContext&) { ran = true; });
    flagged->cancel();
    release.set_value();
    blocker->wait();
    flagged->wait();
    EXPECT_EQ(flagged->state(), JobState::Cancelled);
    EXPECT_EQ(blocker->state(), JobState::Finished);
    runner.waitAll();
    EXPECT_FALSE(ran.load());
}

TEST(JobRunner, ManyJobsAllCompleteWithTheirOwnResults) {
    JobRunner runner(4);
    EXPECT_EQ(runner.workerCount(), 4u);
    std::atomic<int> finishedNotifications{0};
    runner.addStateListener([&](const Job&, JobState s) {
        if (s == JobState::Finished) ++finishedNotifications;
    });
    constexpr int kJobs = 500;
    std::vector<std::shared_ptr<Job>> jobs;
    for (int i = 0; i < kJobs; ++i)
        jobs.push_back(runner.submit("sum " + std::to_string(i), [i](JobContext&) {
            long sum = 0;
            for (int k = 0; k <= i; ++k) sum += k;
            return sum;
        }));
    runner.waitAll();
    std::set<Job::Id> ids;
    for (int i = 0; i < kJobs; ++i) {
        ASSERT_EQ(jobs[i]->state(), JobState::Finished) << jobs[i]->name();
        EXPECT_EQ(jobs[i]->resultAs<long>(), static_cast<long>(i) * (i + 1) / 2);
        ids.insert(jobs[i]->id());
        if (i > 0) {
            EXPECT_GT(jobs[i]->id(), jobs[i - 1]->id());
        }
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kJobs));
    ASSERT_TRUE(waitUntil([&] { return finishedNotifications.load() == kJobs; }));
    auto listed = runner.jobs();
    ASSERT_EQ(listed.size(), static_cast<std::size_t>(kJobs));
    EXPECT_EQ(listed.front(), jobs.front());
    EXPECT_EQ(runner.find(jobs[7]->id()), jobs[7]);
    EXPECT_EQ(runner.clearFinished(), static_cast<std::size_t>(kJobs));
    EXPECT_TRUE(runner.jobs().empty());
    EXPECT_EQ(runner.find(jobs[7]->id()), nullptr);
}

TEST(JobRunner, DefaultWorkerCountIsAtLeastOne) {
    JobRunner runner;
    EXPECT_GE(runner.workerCount(), 1u);
}

TEST(JobRunner, DestructorCancelsRunningAndQueuedJobsAndJoins) {
    std::vector<std::shared_ptr<Job>> jobs;
    std::atomic<int> started{0};
    const auto start = Clock::now();
    {
        JobRunner runner(2);
        for (int i = 0; i < 5; ++i)
            jobs.push_back(runner.submit("spin", JobRunner::Work([&](JobContext& ctx) {
                                             ++started;
                                             return spinUntilCancelled(ctx);
                                         })));
        ASSERT_TRUE(waitUntil([&] { return started.load() == 2; }));
    } // ~JobRunner
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    EXPECT_LT(took.count(), 2000);
    EXPECT_EQ(started.load(), 2) << "queued jobs must not start during shutdown";
    for (const auto& job : jobs) {
        EXPECT_TRUE(job->waitFor(0ms));
        EXPECT_EQ(job->state(), JobState::Cancelled);
    }
}

TEST(JobRunner, RemovedListenerIsNotCalledAgain) {
    JobRunner runner(1);
    std::atomic<int> calls{0};
    auto id = runner.addStateListener([&](const Job&, JobState) { ++calls; });
    runner.submit("a", [](JobContext&) {})->wait();
    ASSERT_TRUE(waitUntil([&] { return calls.load() == 2; }));
    runner.removeListener(id);
    runner.submit("b", [](JobContext&) {})->wait();
    std::this_thread::sleep_for(10ms);
    EXPECT_EQ(calls.load(), 2);
}

TEST(JobRunner, ElapsedTimeCoversTheRun) {
    JobRunner runner(1);
    auto job = runner.submit("sleep", [](JobContext&) { std::this_thread::sleep_for(30ms); });
    job->wait();
    EXPECT_GE(job->elapsedSeconds(), 0.025);
    EXPECT_LT(job->elapsedSeconds(), 5.0);
}

TEST(JobState, NamesAreStableLowerCase) {
    EXPECT_STREQ(toString(JobState::Queued), "queued");
    EXPECT_STREQ(toString(JobState::Running), "running");
    EXPECT_STREQ(toString(JobState::Finished), "finished");
    EXPECT_STREQ(toString(JobState::Failed), "failed");
    EXPECT_STREQ(toString(JobState::Cancelled), "cancelled");
    EXPECT_TRUE(isTerminal(JobState::Cancelled));
    EXPECT_FALSE(isTerminal(JobState::Running));
}

} // namespace
} // namespace scs
