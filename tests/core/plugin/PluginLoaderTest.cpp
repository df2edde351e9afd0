// SPDX-License-Identifier: MIT
// Tests for PluginLoader against the CMake-built fixture plugins (plugins/testing/) and the
// template plugin: every failure message, load order, jobs across the library boundary, shutdown.
#include "plugin/PluginLoader.h"

#include "PluginTestSupport.h"
#include "jobs/JobRunner.h"
#include "plugin/PluginApi.h"
#include "plugin/PluginRegistry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace scs {
namespace {

using namespace plugintest;
using namespace std::chrono_literals;

class PluginLoaderFixtures : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(fs::is_directory(builtFixtureDir())) << builtFixtureDir() << " missing: build scs_test_plugins";
        loader.setSearchPaths({builtPluginDir(), builtFixtureDir()});
        loader.loadAll();
    }
    const PluginSpec& spec(const std::string& id) {
        const PluginSpec* s = loader.plugin(id);
        if (!s) throw std::runtime_error("no spec for " + id);
        return *s;
    }
    // The last error: the reason the plugin failed.
    std::string reason(const std::string& id) {
        const auto& s = spec(id);
        return s.errors().empty() ? "(no error)" : s.errors().back();
    }

    PluginRegistry registry;
    PluginLoader loader{registry};
};

TEST_F(PluginLoaderFixtures, GoodPluginsRunDespiteBrokenOnes) {
    EXPECT_EQ(spec("template").state(), PluginState::Running) << spec("template").errorString();
    EXPECT_EQ(spec("fixture_base").state(), PluginState::Running) << spec("fixture_base").errorString();
    EXPECT_EQ(spec("fixture_user").state(), PluginState::Running) << spec("fixture_user").errorString();
    for (const char* job : {"template_sum", "fixture_base_ping", "fixture_base_spin", "fixture_base_fail", "fixture_user_id"})
        EXPECT_NE(registry.findJob(job), nullptr) << job;
    // Jobs only from plugins that reached initialize() successfully.
    EXPECT_EQ(registry.jobs().size(), 5u);
    EXPECT_EQ(registry.findJob("fixture_user_id")->pluginId, "fixture_user");
}

TEST_F(PluginLoaderFixtures, DependenciesLoadFirst) {
    const auto& order = loader.loadOrder();
    auto pos = [&](const std::string& id) {
        return std::find_if(order.begin(), order.end(), [&](const PluginSpec* s) { return s->id() == id; }) - order.begin();
    };
    ASSERT_LT(pos("fixture_base"), static_cast<long>(order.size()));
    ASSERT_LT(pos("fixture_user"), static_cast<long>(order.size()));
    EXPECT_LT(pos("fixture_base"), pos("fixture_user"));
}

TEST_F(PluginLoaderFixtures, EachBrokenPluginFailsWithAPreciseMessage) {
    const std::string lib = (builtFixtureDir() / "libfixture_no_entry.so").string();
    EXPECT_EQ(reason("fixture_no_entry"),
              "library does not export scs_plugin_entry() (not an SC-NeuroCore Studio plugin?): " + lib);
    EXPECT_EQ(reason("fixture_wrong_api"),
              "library was built for plugin API version 99, this studio provides " + std::to_string(kPluginApiVersion) +
                  " (rebuild the plugin)");
    EXPECT_EQ(reason("fixture_bad_abi"),
              "ABI mismatch: JobDescriptor is 3 bytes in the plugin, " + std::to_string(sizeof(JobDescriptor)) +
                  " in the studio (plugin built against other headers; rebuild it)");
    EXPECT_EQ(reason("fixture_init_fails"), "initialisation failed: refusing to start: fixture says no");
    EXPECT_EQ(reason("fixture_needs_init_fails"),
              "dependency failed to load: fixture_init_fails \u2014 initialisation failed: refusing to start: fixture says no");
    EXPECT_EQ(reason("fixture_cycle_a"), "dependency cycle: fixture_cycle_a -> fixture_cycle_b -> fixture_cycle_a");
    EXPECT_EQ(reason("fixture_cycle_b"), "dependency cycle: fixture_cycle_b -> fixture_cycle_a -> fixture_cycle_b");
    EXPECT_EQ(reason("fixture_missing_dep"),
              "missing dependency: 'fixture_not_installed' (version 1.0.0) is not installed");
    EXPECT_EQ(reason("fixture_version_mismatch"),
              "dependency version mismatch: needs 'fixture_base' 2.0.0, found 1.2.0 (compatible down to 1.0.0)");
    for (const char* id : {"fixture_no_entry", "fixture_wrong_api", "fixture_bad_abi", "fixture_init_fails",
                           "fixture_needs_init_fails", "fixture_cycle_a", "fixture_cycle_b", "fixture_missing_dep",
                           "fixture_version_mismatch"})
        EXPECT_EQ(spec(id).state(), PluginState::Failed) << id;
    // The crash fixture lives in its own directory and must not have been scanned.
    EXPECT_EQ(loader.plugin("fixture_crash_on_init"), nullptr);
    EXPECT_EQ(loader.problems().size(), 9u);
}

TEST_F(PluginLoaderFixtures, PluginsRejectedByMetadataAreNeverLoaded) {
    // Metadata before code: a cycle, a missing dependency or a version mismatch is found without
    // mapping the library, while good plugins are mapped.
    EXPECT_TRUE(isMapped("/libfixture_base.so"));
    EXPECT_TRUE(isMapped("/libtemplate.so"));
    for (const char* lib : {"/libfixture_cycle_a.so", "/libfixture_cycle_b.so", "/libfixture_missing_dep.so",
                            "/libfixture_version_mismatch.so"})
        EXPECT_FALSE(isMapped(lib)) << lib;
    // Libraries refused after loading are closed again.
    EXPECT_FALSE(isMapped("/libfixture_wrong_api.so"));
    EXPECT_FALSE(isMapped("/libfixture_no_entry.so"));
}

TEST_F(PluginLoaderFixtures, TemplateJobRunsThroughTheRegistry) {
    JobRunner runner(1);
    auto job = registry.submit(runner, "template_sum", {{"values", {1, 2, 3.5}}});
    job->wait();
    ASSERT_EQ(job->state(), JobState::Finished) << job->error();
    EXPECT_DOUBLE_EQ(job->result()["sum"].get<double>(), 6.5);
    EXPECT_EQ(job->result()["count"], 3);
    EXPECT_DOUBLE_EQ(job->progress(), 1.0);
}

TEST_F(PluginLoaderFixtures, ResultsCancellationAndFailuresCrossTheLibraryBoundary) {
    JobRunner runner(2);
    auto ping = registry.submit(runner, "fixture_base_ping"); // default value 7
    auto fail = registry.submit(runner, "fixture_base_fail");
    ping->wait();
    fail->wait();
    EXPECT_EQ(ping->result(), (nlohmann::json{{"pong", 7}}));
    EXPECT_EQ(fail->state(), JobState::Failed);
    EXPECT_EQ(fail->error(), "fixture failure: 42");

    auto spin = registry.submit(runner, "fixture_base_spin");
    while (spin->state() == JobState::Queued) std::this_thread::sleep_for(1ms);
    runner.cancel(spin->id());
    ASSERT_TRUE(spin->waitFor(2s)) << "JobCancelled thrown in the plugin did not end the job";
    EXPECT_EQ(spin->state(), JobState::Cancelled) << spin->error();
}

TEST_F(PluginLoaderFixtures, ShutdownStopsPluginsRemovesJobsAndUnloads) {
    loader.shutdown();
    EXPECT_EQ(spec("template").state(), PluginState::Stopped);
    EXPECT_EQ(spec("fixture_base").state(), PluginState::Stopped);
    EXPECT_EQ(spec("fixture_cycle_a").state(), PluginState::Failed) << "failures are kept";
    EXPECT_TRUE(registry.jobs().empty());
    EXPECT_FALSE(isMapped("/libfixture_base.so"));
    loader.shutdown(); // idempotent
    EXPECT_EQ(spec("template").state(), PluginState::Stopped);
}

TEST(PluginLoader, JobHeldAfterShutdownKeepsItsLibraryLoaded) {
    TempDir dir;
    copyPlugin(builtFixtureDir(), "fixture_base", dir.path());
    PluginRegistry registry;
    std::shared_ptr<const RegisteredJob> held;
    {
        PluginLoader loader(registry);
        loader.setSearchPaths({dir.path()});
        loader.loadAll();
        held = registry.findJob("fixture_base_ping");
        ASSERT_NE(held, nullptr);
    } // ~PluginLoader shuts down
    EXPECT_TRUE(registry.jobs().empty());
    EXPECT_TRUE(isMapped(dir.path().string() + "/libfixture_base.so"));
    JobContext ctx;
    EXPECT_EQ(held->descriptor.run({{"value", 3}}, ctx), (nlohmann::json{{"pong", 3}}));
    held.reset();
    EXPECT_FALSE(isMapped(dir.path().string() + "/libfixture_base.so"));
}

TEST(PluginLoader, DisabledPluginIsReadButNotLoadedAndItsDependentsFail) {
    TempDir dir;
    copyPlugin(builtFixtureDir(), "fixture_base", dir.path());
    copyPlugin(builtFixtureDir(), "fixture_user", dir.path());
    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setSearchPaths({dir.path()});
    loader.setDisabledPlugins({"fixture_base"});
    loader.loadAll();
    const PluginSpec* base = loader.plugin("fixture_base");
    ASSERT_NE(base, nullptr);
    EXPECT_TRUE(base->isDisabled());
    EXPECT_EQ(base->state(), PluginState::Read);
    EXPECT_EQ(loader.plugin("fixture_user")->errorString(),
              "dependency failed to load: fixture_base \u2014 disabled by the user");
    EXPECT_TRUE(registry.jobs().empty());
}

TEST(PluginLoader, FirstPluginFoundWinsAndLaterCopiesAreReported) {
    TempDir first, second;
    copyPlugin(builtPluginDir(), "template", first.path());
    copyPlugin(builtPluginDir(), "template", second.path());
    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setSearchPaths({first.path(), second.path(), second.path() / "missing-dir"});
    loader.loadAll();
    const auto all = loader.plugins();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]->state(), PluginState::Running);
    EXPECT_EQ(all[0]->metadataPath().parent_path(), first.path());
    EXPECT_EQ(all[1]->state(), PluginState::Failed);
    EXPECT_EQ(all[1]->errorString(), "duplicate plugin id 'template': already found at " +
                                         (first.path() / "template.scsplugin.json").string() + "; this copy is ignored");
    EXPECT_EQ(loader.plugin("template"), all[0]);
}

TEST(PluginLoader, NoPluginsIsFine) {
    TempDir empty;
    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setSearchPaths({empty.path()});
    loader.loadAll();
    EXPECT_TRUE(loader.plugins().empty());
    EXPECT_TRUE(loader.problems().empty());
    EXPECT_TRUE(registry.jobs().empty());
}

} // namespace
} // namespace scs
