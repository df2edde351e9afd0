// SPDX-License-Identifier: MIT
// Template plugin tests: the job's behaviour in-process, and the built library through the loader.
#include "engine/SumJob.h"

#include "jobs/JobRunner.h"
#include "plugin/ParameterSchema.h"
#include "plugin/PluginApi.h"
#include "plugin/PluginLoader.h"
#include "plugin/PluginRegistry.h"

#include <gtest/gtest.h>

#include <fstream>
#include <mutex>
#include <thread>

namespace scs::template_plugin {
namespace {

using namespace std::chrono_literals;

nlohmann::json validated(const nlohmann::json& params) {
    return validateParameters(sumJobDescriptor().parameters, params);
}

TEST(TemplateSumJob, DescriptorIsValid) {
    const auto job = sumJobDescriptor();
    EXPECT_EQ(job.id, "template_sum");
    EXPECT_TRUE(isValidPersistentId(job.id));
    EXPECT_FALSE(job.title.empty());
    EXPECT_EQ(checkParameterSchema(job.parameters), "");
    EXPECT_TRUE(static_cast<bool>(job.run));
}

TEST(TemplateSumJob, SumsCountsAndAverages) {
    JobContext ctx;
    const auto result = runSum(validated({{"values", {1, 2, 3, 4.5}}}), ctx);
    EXPECT_DOUBLE_EQ(result["sum"].get<double>(), 10.5);
    EXPECT_EQ(result["count"], 4);
    EXPECT_DOUBLE_EQ(result["mean"].get<double>(), 2.625);
    EXPECT_DOUBLE_EQ(ctx.progress(), 1.0);
}

TEST(TemplateSumJob, EmptyListHasNoMean) {
    JobContext ctx;
    const auto result = runSum(validated({{"values", nlohmann::json::array()}}), ctx);
    EXPECT_EQ(result["sum"], 0.0);
    EXPECT_EQ(result["count"], 0);
    EXPECT_TRUE(result["mean"].is_null());
}

TEST(TemplateSumJob, ReportsMonotonicProgressAtMostAboutAHundredTimes) {
    JobContext ctx;
    std::vector<double> seen;
    ctx.setProgressListener([&](double f, const std::string&) { seen.push_back(f); });
    nlohmann::json values = nlohmann::json::array();
    for (int i = 0; i < 10000; ++i) values.push_back(i);
    const auto result = runSum(validated({{"values", values}}), ctx);
    EXPECT_DOUBLE_EQ(result["sum"].get<double>(), 10000.0 * 9999.0 / 2.0);
    ASSERT_GE(seen.size(), 50u);
    EXPECT_LE(seen.size(), 110u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(TemplateSumJob, RejectsNonNumbersAndNegativeDelay) {
    EXPECT_THROW(validated({{"values", {1, "two"}}}), std::invalid_argument);
    EXPECT_THROW(validated({{"values", {1}}, {"delay_ms", -1}}), std::invalid_argument);
    EXPECT_THROW(validated(nlohmann::json::object()), std::invalid_argument);
}

TEST(TemplateSumJob, StopsWhenCancelled) {
    JobRunner runner(1);
    auto job = runner.submit("sum", JobRunner::Work([](JobContext& ctx) {
                                 return runSum(validated({{"values", nlohmann::json(std::vector<int>(10000, 1))},
                                                          {"delay_ms", 1}}),
                                               ctx);
                             }));
    while (job->progress() < 0.01) std::this_thread::sleep_for(1ms);
    job->cancel();
    ASSERT_TRUE(job->waitFor(2s));
    EXPECT_EQ(job->state(), JobState::Cancelled);
    EXPECT_LT(job->progress(), 0.5);
}

TEST(TemplatePlugin, MetadataMatchesTheApiThisBuildProvides) {
    std::ifstream in(SCS_TEMPLATE_METADATA);
    const auto metadata = nlohmann::json::parse(in);
    EXPECT_EQ(metadata["id"], "template");
    EXPECT_EQ(metadata["api_version"], kPluginApiVersion) << "bump template.scsplugin.json with kPluginApiVersion";
}

TEST(TemplatePlugin, BuiltLibraryLoadsAndRunsItsJob) {
    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setSearchPaths({SCS_PLUGIN_BUILD_DIR});
    loader.loadAll();
    const PluginSpec* spec = loader.plugin("template");
    ASSERT_NE(spec, nullptr) << "template.scsplugin.json not found in " << SCS_PLUGIN_BUILD_DIR;
    ASSERT_EQ(spec->state(), PluginState::Running) << spec->errorString();
    ASSERT_NE(registry.findJob(kSumJobId), nullptr);
    EXPECT_EQ(registry.findJob(kSumJobId)->pluginId, "template");

    JobRunner runner(1);
    std::mutex mutex;
    std::vector<std::string> messages;
    runner.addProgressListener([&](const Job&, double, const std::string& m) {
        std::lock_guard lock(mutex);
        messages.push_back(m);
    });
    auto job = registry.submit(runner, kSumJobId, {{"values", {2, 3, 5, 7}}});
    job->wait();
    ASSERT_EQ(job->state(), JobState::Finished) << job->error();
    EXPECT_DOUBLE_EQ(job->result()["sum"].get<double>(), 17.0);
    std::lock_guard lock(mutex);
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(messages.front(), "summing 4 values");
    EXPECT_EQ(messages.back(), "done");
}

} // namespace
} // namespace scs::template_plugin
