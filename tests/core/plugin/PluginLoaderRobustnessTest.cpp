// SPDX-License-Identifier: MIT
// Tests for PluginLoader with hand-written broken files (tests/core/plugin/fixtures/), the crash
// lock file and the default search paths.
#include "plugin/PluginLoader.h"

#include "PluginTestSupport.h"
#include "plugin/PluginRegistry.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace scs {
namespace {

using namespace plugintest;

// Copies every hand-written fixture plus the good template plugin into one directory.
class PluginLoaderBrokenFiles : public ::testing::Test {
protected:
    void SetUp() override {
        for (const auto& entry : fs::directory_iterator(handWrittenFixtureDir()))
            fs::copy_file(entry.path(), dir.path() / entry.path().filename());
        copyPlugin(builtPluginDir(), "template", dir.path());
        // A file with an ELF header and nothing else: gets past our check, the dynamic loader refuses it.
        writeFile(dir.path() / "libtruncated.so", std::string("\x7f" "ELF\x02\x01\x01", 7));
        writeFile(dir.path() / "truncated.scsplugin.json",
                  R"({"id": "truncated", "name": "Truncated ELF", "version": "1.0", "api_version": 1})");
        loader.setSearchPaths({dir.path()});
        loader.loadAll();
    }
    std::string errors(const std::string& id) {
        const PluginSpec* s = loader.plugin(id);
        return s ? s->errorString() : "(no spec for " + id + ")";
    }

    TempDir dir;
    PluginRegistry registry;
    PluginLoader loader{registry};
};

TEST_F(PluginLoaderBrokenFiles, GoodPluginStillRunsAndItsJobWorks) {
    ASSERT_EQ(loader.plugin("template")->state(), PluginState::Running) << errors("template");
    JobContext ctx;
    EXPECT_DOUBLE_EQ(registry.run("template_sum", {{"values", {0.5, 0.25}}}, ctx)["sum"].get<double>(), 0.75);
}

TEST_F(PluginLoaderBrokenFiles, EachIsReportedWithItsReason) {
    EXPECT_EQ(errors("garbage"), "not a shared library (no ELF header): " + (dir.path() / "libgarbage.so").string());
    EXPECT_EQ(errors("missing_library"), "library file not found: " + (dir.path() / "libmissing_library.so").string());
    EXPECT_EQ(errors("api_too_new"), "plugin API version 99 is not supported: this studio provides API version 1");
    EXPECT_NE(errors("malformed").find("metadata is not valid JSON"), std::string::npos) << errors("malformed");
    EXPECT_NE(errors("missing_fields").find("metadata field \"name\" is missing"), std::string::npos);
    EXPECT_NE(errors("escaping_library").find("must be a file name in the plugin's directory"), std::string::npos);
    const std::string truncated = errors("truncated");
    EXPECT_EQ(truncated.rfind("cannot load library: ", 0), 0u) << truncated;
    EXPECT_NE(truncated.find("libtruncated.so"), std::string::npos) << truncated;
    for (const auto* spec : loader.plugins()) {
        if (spec->id() != "template") {
            EXPECT_EQ(spec->state(), PluginState::Failed) << spec->id();
        }
    }
    // One line per failed plugin, "id: reason".
    EXPECT_EQ(loader.problems().size(), loader.plugins().size() - 1);
    bool listed = false;
    for (const auto& line : loader.problems()) listed = listed || line.rfind("garbage: not a shared library", 0) == 0;
    EXPECT_TRUE(listed);
}

TEST(PluginLoaderCrashGuard, NormalStartLeavesNoLockFile) {
    TempDir plugins, state;
    copyPlugin(builtPluginDir(), "template", plugins.path());
    PluginRegistry registry;
    PluginLoader loader(registry);
    loader.setStateDirectory(state.path());
    EXPECT_FALSE(loader.crashedDuringInitLastTime().has_value());
    loader.setSearchPaths({plugins.path()});
    loader.loadAll();
    EXPECT_EQ(loader.plugin("template")->state(), PluginState::Running);
    EXPECT_FALSE(fs::exists(state.path() / PluginLoader::kLockFileName));
}

// A plugin that aborts in initialize() takes the process down; the next start must name it.
TEST(PluginLoaderCrashGuardDeathTest, CrashDuringInitIsDetectedNextTime) {
    // "fast" (fork) style: the child must write its lock into the same directory as the parent reads.
    GTEST_FLAG_SET(death_test_style, "fast");
    TempDir state;
    const fs::path crashDir = builtFixtureDir() / "crash";
    ASSERT_TRUE(fs::exists(crashDir / "libfixture_crash_on_init.so"));
    EXPECT_DEATH(
        {
            PluginRegistry registry;
            PluginLoader loader(registry);
            loader.setStateDirectory(state.path());
            loader.setSearchPaths({crashDir});
            loader.loadAll();
        },
        "");
    PluginRegistry registry;
    PluginLoader next(registry);
    next.setStateDirectory(state.path());
    ASSERT_TRUE(next.crashedDuringInitLastTime().has_value());
    EXPECT_EQ(*next.crashedDuringInitLastTime(), "fixture_crash_on_init");
    // The user chose to disable it: this start survives and clears the lock.
    next.setDisabledPlugins({*next.crashedDuringInitLastTime()});
    next.setSearchPaths({crashDir});
    next.loadAll();
    EXPECT_TRUE(next.plugin("fixture_crash_on_init")->isDisabled());
    EXPECT_FALSE(fs::exists(state.path() / PluginLoader::kLockFileName));
}

TEST(PluginLoaderSearchPaths, EnvironmentPathsComeFirstAndBuildTreeIsIncluded) {
    TempDir a, b;
    const std::string value = a.path().string() + ":" + (b.path() / "does-not-exist").string() + "::" + b.path().string();
    const char* old = std::getenv("SCS_PLUGIN_PATH");
    const std::string saved = old ? old : "";
    setenv("SCS_PLUGIN_PATH", value.c_str(), 1);
    const auto paths = PluginLoader::defaultSearchPaths();
    if (old) setenv("SCS_PLUGIN_PATH", saved.c_str(), 1);
    else unsetenv("SCS_PLUGIN_PATH");

    ASSERT_GE(paths.size(), 3u);
    EXPECT_EQ(paths[0], fs::weakly_canonical(a.path()));
    EXPECT_EQ(paths[1], fs::weakly_canonical(b.path())) << "missing directories are skipped";
    // This test program runs from the build tree, so the build's plugin directory is searched.
    EXPECT_NE(std::find(paths.begin(), paths.end(), fs::weakly_canonical(builtPluginDir())), paths.end());
}

} // namespace
} // namespace scs
