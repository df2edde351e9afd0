// SPDX-License-Identifier: MIT
// scstudio-cli plugins as a user runs it: listing with problems, jobs, running a plugin job.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace scs {
namespace {

const std::string kFixturePlugins = std::string(SCS_TEST_BINARY_DIR) + "/test-plugins";

test::ProcessResult cli(std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), SCS_CLI_PATH);
    return test::runProcess(args, {}, env);
}

TEST(PluginsCli, ListsTheTemplatePluginAndItsJob) {
    const auto r = cli({"plugins"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("template"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("running"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("job template_sum: Sum numbers"), std::string::npos) << r.out;
}

TEST(PluginsCli, JsonListingReportsEveryBrokenPluginWithItsProblem) {
    const auto r = cli({"plugins", "list", "--json", "--plugin-path", kFixturePlugins});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["search_paths"][0], kFixturePlugins);
    std::map<std::string, nlohmann::json> byId;
    for (const auto& p : doc["plugins"]) byId[p["id"].get<std::string>()] = p;
    ASSERT_TRUE(byId.count("fixture_cycle_a"));
    EXPECT_EQ(byId["fixture_cycle_a"]["state"], "failed");
    EXPECT_EQ(byId["fixture_cycle_a"]["errors"].back(),
              "dependency cycle: fixture_cycle_a -> fixture_cycle_b -> fixture_cycle_a");
    EXPECT_EQ(byId["fixture_base"]["state"], "running");
    EXPECT_EQ(byId["fixture_base"]["jobs"], nlohmann::json({"fixture_base_fail", "fixture_base_ping", "fixture_base_spin"}));
    EXPECT_EQ(byId["template"]["state"], "running");
}

TEST(PluginsCli, StrictFailsWhenAPluginIsBroken) {
    EXPECT_EQ(cli({"plugins", "--strict"}).exitCode, 0);
    const auto r = cli({"plugins", "--strict"}, {"SCS_PLUGIN_PATH=" + kFixturePlugins});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("problem: missing dependency: 'fixture_not_installed'"), std::string::npos) << r.out;
}

TEST(PluginsCli, RunsAJobAndPrintsItsResult) {
    const auto r = cli({"plugins", "run", "template_sum", "--params", R"({"values": [1, 2, 3.5]})", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["job"], "template_sum");
    EXPECT_EQ(doc["state"], "finished");
    EXPECT_DOUBLE_EQ(doc["result"]["sum"].get<double>(), 6.5);
    EXPECT_EQ(doc["result"]["count"], 3);
}

TEST(PluginsCli, BadInputIsAOneLineUsageError) {
    auto r = cli({"plugins", "run", "template_sum", "--params", R"({"values": "1,2"})"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "scstudio-cli: parameter 'values': expected array, got string\n");
    r = cli({"plugins", "run", "no_such_job"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown job 'no_such_job' (available: template_sum)"), std::string::npos) << r.err;
    r = cli({"plugins", "run", "template_sum", "--params", "{oops"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--params is not valid JSON"), std::string::npos) << r.err;
}

TEST(PluginsCli, AFailingJobExitsOneWithItsMessage) {
    const auto r = cli({"plugins", "run", "fixture_base_fail", "--plugin-path", kFixturePlugins});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("fixture failure: 42"), std::string::npos) << r.err;
}

} // namespace
} // namespace scs
