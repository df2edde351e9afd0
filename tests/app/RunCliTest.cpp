// SPDX-License-Identifier: MIT
// scstudio-cli run: a project's network headless, its statistics, its spikes on file, and clear
// refusals.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace {

scs::test::ProcessResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {SCS_CLI_PATH, "run"});
    return scs::test::runProcess(args);
}

std::string example(const char* name) { return std::string(SCS_TEST_SOURCE_DIR) + "/projects/" + name; }

} // namespace

TEST(RunCliTest, SynfireChainPropagatesAndEverySpikeIsWritten) {
    scs::test::TempDir dir;
    const std::string csv = (dir.path() / "spikes.csv").string();
    const auto r =
        cli({example("synfire-chain.scstudio.json"), "--duration", "200*ms", "--threads", "2", "--json", "--out", csv});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_DOUBLE_EQ(j["duration_s"].get<double>(), 0.2);
    ASSERT_EQ(j["populations"].size(), 10u);
    std::size_t total = 0;
    for (const auto& p : j["populations"]) {
        EXPECT_EQ(p["spikes"].get<int>(), 200) << p["name"] << ": two volleys pass every group";
        total += p["spikes"].get<std::size_t>();
    }
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "population,neuron,time_s");
    std::size_t lines = 0;
    while (std::getline(in, line)) ++lines;
    EXPECT_EQ(lines, total);
}

TEST(RunCliTest, CubaPrintsOneRowPerPopulation) {
    const auto r = cli({example("cuba-network.scstudio.json"), "--duration", "300*ms"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Pe (excitatory)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("synaptic events/s"), std::string::npos) << r.out;
}

TEST(RunCliTest, BadInputIsOneLineAndANonZeroExit) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{example("cuba-network.scstudio.json"), "--duration", "5*mV"},
          std::vector<std::string>{example("cuba-network.scstudio.json"), "--out", "spikes.txt"},
          std::vector<std::string>{example("cuba-network.scstudio.json"), "--threads", "0"},
          std::vector<std::string>{}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    const auto missing = cli({"/nonexistent/project.scstudio"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
    const auto noNetwork = cli({example("default.scstudio.json")});
    EXPECT_EQ(noNetwork.exitCode, 1);
    EXPECT_NE(noNetwork.err.find("has no network"), std::string::npos) << noNetwork.err;
    const auto wrongName = cli({example("cuba-network.scstudio.json"), "--network", "Nope"});
    EXPECT_EQ(wrongName.exitCode, 1);
    EXPECT_NE(wrongName.err.find("no network named 'Nope'"), std::string::npos) << wrongName.err;
}
