// SPDX-License-Identifier: MIT
// scstudio-cli cosim: a catalogue model's RTL against the fixed-point model, its verdict line and
// exit codes. Needs Verilator (CI installs it); fails, never skips, without it.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

scs::test::ProcessResult cli(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {SCS_CLI_PATH, "cosim"});
    return scs::test::runProcess(args, {}, env);
}

} // namespace

TEST(CosimCliTest, LifMatchesBitForBitAndSaysSoOnOneLine) {
    const auto r = cli({"--model", "lif", "--q", "Q8.8", "--overflow", "saturate", "--rounding", "truncate", "--cycles",
                        "10000", "--protocol", "step amplitude=2*nA start=20*ms stop=180*ms"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("cosim lif [Q8.8, saturate, truncate]: match, 10000 cycles, "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("every state bit equal"), std::string::npos) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "one line: " << r.out;
}

TEST(CosimCliTest, JsonReportsTheRunAndATrapInTrapMode) {
    // v grows by about 0.2 a step until it leaves Q8.8: RTL and C++ must stop in the same cycle.
    const auto r = cli({"--equations", "dv/dt = (I + 0.01*v)/tau : 1\nI : 1", "--param", "tau=1*ms", "--param", "I=2",
                        "--q", "Q8.8", "--overflow", "trap", "--rounding", "stochastic", "--cycles", "4000", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["contract"], "Q8.8, trap, stochastic");
    EXPECT_TRUE(j["match"].get<bool>());
    EXPECT_FALSE(j.contains("mismatch"));
    ASSERT_TRUE(j.contains("trap_cycle")) << r.out;
    EXPECT_GT(j["trap_cycle"].get<int>(), 100);
    EXPECT_EQ(j["cycles"].get<int>(), j["trap_cycle"].get<int>() + 1) << "the comparison stops at the trap";
    EXPECT_GT(j["build_seconds"].get<double>(), 0.0);
}

TEST(CosimCliTest, PipelinedModuleTakesItsCyclesPerStepAndStillMatches) {
    const auto r = cli({"--model", "izhikevich_rs", "--q", "Q8.8", "--pipeline", "2", "--cycles", "3000", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j["match"].get<bool>()) << r.out;
    EXPECT_EQ(j["cycles_per_step"].get<int>(), 3);
    EXPECT_EQ(j["steps"].get<int>(), 3000);
    EXPECT_EQ(j["cycles"].get<int>(), 9000) << "every clock cycle is compared";
    EXPECT_GT(j["spikes"].get<int>(), 0);
}

TEST(CosimCliTest, UsageMistakesExitTwoBeforeAnyBuild) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--model", "lif", "--q", "Q40.8"},
                                                 std::vector<std::string>{"--model", "lif", "--rounding", "up"},
                                                 std::vector<std::string>{"--model", "lif", "--cycles", "0"},
                                                 std::vector<std::string>{"--model", "lif", "--pipeline", "9"},
                                                 std::vector<std::string>{"--model", "lif", "--bogus", "1"}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
}

TEST(CosimCliTest, AMissingVerilatorIsNamedInTheError) {
    const auto r = cli({"--model", "lif"}, {"PATH=/nonexistent"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.err.find("verilator"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not found on PATH"), std::string::npos) << r.err;
}
