// SPDX-License-Identifier: MIT
// Tests for PluginRegistry: registration rules, lookup, validated runs, plugin code lifetime.
#include "plugin/PluginRegistry.h"

#include "jobs/JobRunner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace scs {
namespace {

JobDescriptor doubler(const std::string& id = "test_double") {
    JobDescriptor job;
    job.id = id;
    job.title = "Double a number";
    job.parameters = {{"type", "object"},
                      {"properties", {{"x", {{"type", "number"}}}, {"times", {{"type", "integer"}, {"default", 2}}}}},
                      {"required", {"x"}}};
    job.run = [](const nlohmann::json& p, JobContext& ctx) {
        ctx.setProgress(1.0, "doubled");
        return nlohmann::json(p.at("x").get<double>() * p.at("times").get<int>());
    };
    return job;
}

std::string registrationError(PluginRegistry& registry, JobDescriptor job, const std::string& owner = "p") {
    try {
        registry.registerJob(std::move(job), owner);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(registered)";
}

TEST(PluginRegistry, RegistersListsAndFindsJobsSortedById) {
    PluginRegistry registry;
    registry.registerJob(doubler("zeta_job"), "zeta");
    registry.registerJob(doubler("alpha_job"), "alpha");
    const auto jobs = registry.jobs();
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0]->descriptor.id, "alpha_job");
    EXPECT_EQ(jobs[0]->pluginId, "alpha");
    EXPECT_EQ(jobs[1]->descriptor.id, "zeta_job");
    ASSERT_NE(registry.findJob("zeta_job"), nullptr);
    EXPECT_EQ(registry.findJob("zeta_job")->pluginId, "zeta");
    EXPECT_EQ(registry.findJob("nope"), nullptr);
}

TEST(PluginRegistry, RefusesBadRegistrationsWithTheReason) {
    PluginRegistry registry;
    registry.registerJob(doubler(), "first");
    EXPECT_EQ(registrationError(registry, doubler(), "second"),
              "job id 'test_double' from plugin 'second' is already registered by plugin 'first'");
    EXPECT_EQ(registrationError(registry, doubler("TestDouble")),
              "job id 'TestDouble' from plugin 'p' is not lower_snake_case");
    EXPECT_EQ(registrationError(registry, doubler("trailing_")), "job id 'trailing_' from plugin 'p' is not lower_snake_case");
    auto noRun = doubler("no_run");
    noRun.run = nullptr;
    EXPECT_EQ(registrationError(registry, noRun), "job 'no_run' from plugin 'p' has no run function");
    auto noTitle = doubler("no_title");
    noTitle.title.clear();
    EXPECT_EQ(registrationError(registry, noTitle), "job 'no_title' from plugin 'p' has no title");
    auto badSchema = doubler("bad_schema");
    badSchema.parameters = {{"type", "string"}};
    EXPECT_EQ(registrationError(registry, badSchema),
              "job 'bad_schema' from plugin 'p': parameter schema \"type\" must be \"object\"");
    EXPECT_EQ(registry.jobs().size(), 1u);
}

TEST(PluginRegistry, RunValidatesAndFillsDefaults) {
    PluginRegistry registry;
    registry.registerJob(doubler());
    JobContext ctx;
    EXPECT_EQ(registry.run("test_double", {{"x", 1.5}}, ctx), 3.0);
    EXPECT_EQ(registry.run("test_double", {{"x", 1.5}, {"times", 4}}, ctx), 6.0);
    EXPECT_DOUBLE_EQ(ctx.progress(), 1.0);
    try {
        registry.run("test_double", {{"x", "one"}}, ctx);
        FAIL() << "bad parameter accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "parameter 'x': expected number, got string");
    }
    try {
        registry.run("test_tripple", {}, ctx);
        FAIL() << "unknown job accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "unknown job 'test_tripple' (available: test_double)");
    }
}

TEST(PluginRegistry, SubmitRunsOnTheRunnerAndRejectsBadParamsBeforeQueueing) {
    PluginRegistry registry;
    registry.registerJob(doubler());
    JobRunner runner(1);
    auto job = registry.submit(runner, "test_double", {{"x", 21}});
    job->wait();
    EXPECT_EQ(job->state(), JobState::Finished);
    EXPECT_EQ(job->result(), 42.0);
    EXPECT_EQ(job->name(), "Double a number");
    EXPECT_THROW(registry.submit(runner, "test_double", {{"y", 1}}), std::invalid_argument);
    EXPECT_EQ(runner.jobs().size(), 1u) << "a rejected submission must not queue a job";
}

TEST(PluginRegistry, UnregisterPluginRemovesOnlyItsJobs) {
    PluginRegistry registry;
    registry.registerJob(doubler("a_one"), "a");
    registry.registerJob(doubler("a_two"), "a");
    registry.registerJob(doubler("b_one"), "b");
    EXPECT_EQ(registry.unregisterPlugin("a"), 2u);
    ASSERT_EQ(registry.jobs().size(), 1u);
    EXPECT_EQ(registry.jobs()[0]->descriptor.id, "b_one");
}

// The keep-alive stands for a plugin library: it must outlive every job using the plugin's code,
// even when the plugin is unregistered while one of its jobs runs.
TEST(PluginRegistry, RunningJobKeepsThePluginAliveAfterUnregistering) {
    PluginRegistry registry;
    std::atomic<bool> libraryReleased{false};
    std::shared_ptr<const void> library(new int(0), [&](const void* p) {
        delete static_cast<const int*>(p);
        libraryReleased = true;
    });
    std::promise<void> go;
    std::shared_future<void> goFuture = go.get_future().share();
    JobDescriptor job;
    job.id = "slow_job";
    job.title = "Waits";
    job.run = [goFuture](const nlohmann::json&, JobContext&) {
        goFuture.wait();
        return nlohmann::json("done");
    };
    registry.registerJob(std::move(job), "slow", library);
    library.reset();

    JobRunner runner(1);
    // Whoever hears "finished" may unload the plugin next: by then its code must be released.
    std::atomic<int> releasedWhenFinished{-1};
    runner.addStateListener([&](const Job&, JobState state) {
        if (state == JobState::Finished) releasedWhenFinished = libraryReleased.load() ? 1 : 0;
    });
    auto running = registry.submit(runner, "slow_job");
    EXPECT_EQ(registry.unregisterPlugin("slow"), 1u);
    EXPECT_FALSE(libraryReleased.load()) << "released while its job was still queued or running";
    go.set_value();
    running->wait();
    EXPECT_EQ(running->result(), "done");
    EXPECT_TRUE(libraryReleased.load()) << "the finished job must let go of the plugin";
    runner.waitAll();
    for (int i = 0; i < 1000 && releasedWhenFinished.load() < 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_EQ(releasedWhenFinished.load(), 1) << "the end was announced while the job still held the plugin";
}

TEST(PersistentId, FollowsLowerSnakeCase) {
    EXPECT_TRUE(isValidPersistentId("template_sum"));
    EXPECT_TRUE(isValidPersistentId("f2"));
    EXPECT_FALSE(isValidPersistentId(""));
    EXPECT_FALSE(isValidPersistentId("2fast"));
    EXPECT_FALSE(isValidPersistentId("_x"));
    EXPECT_FALSE(isValidPersistentId("a__b"));
    EXPECT_FALSE(isValidPersistentId("a-b"));
    EXPECT_FALSE(isValidPersistentId(std::string(65, 'a')));
}

} // namespace
} // namespace scs
