// SPDX-License-Identifier: MIT
// scstudio-cli simulate/check/models as a user runs them: real process, real files.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace scs {
namespace {

test::ProcessResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), SCS_CLI_PATH);
    return test::runProcess(args);
}

class CliParity : public testing::TestWithParam<std::string> {};

// The issue's own acceptance command: `scstudio-cli simulate --model <fixture.json> --method M --json`.
TEST_P(CliParity, SimulateJsonReproducesTheBrian2Fixture) {
    const auto file = test::fixturesDir() / "brian2" / (GetParam() + ".json");
    const auto fixture = nlohmann::json::parse(test::readFile(file));
    for (const char* method : {"euler", "rk4"}) {
        const auto r = cli({"simulate", "--model", file.string(), "--method", method, "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const auto ours = nlohmann::json::parse(r.out);
        const auto& ref = fixture["runs"][method];
        EXPECT_EQ(ours["method"], method);
        EXPECT_EQ(ours["record_every_steps"], ref["record_every_steps"]);
        ASSERT_EQ(ours["t_ms"].size(), ref["t_ms"].size());
        const double dtMs = fixture["dt_ms"].get<double>();
        const auto spikes = ours["spike_times_ms"].get<std::vector<double>>();
        const auto expected = ref["spike_times_ms"].get<std::vector<double>>();
        ASSERT_EQ(spikes.size(), expected.size()) << method;
        for (std::size_t k = 0; k < spikes.size(); ++k)
            EXPECT_EQ(std::llround(spikes[k] / dtMs), std::llround(expected[k] / dtMs)) << method << " spike " << k;
        for (const auto& [name, unit] : ref["_units"].items()) {
            EXPECT_EQ(ours["_units"][name], unit) << name;
            EXPECT_LT(test::maxRangeRelativeError(ours[name].get<std::vector<double>>(),
                                                  ref[name].get<std::vector<double>>()),
                      1e-6)
                << method << " " << name;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CliParity,
                         testing::Values("lif", "adex", "izhikevich_rs", "hodgkin_huxley", "fitzhugh_nagumo"));

TEST(SimulateCli, NativeAndInterpretedEnginesGiveTheSameRunAndSaySo) {
    std::vector<nlohmann::json> runs;
    for (const char* engine : {"native", "interpreter"}) {
        const auto r = cli({"simulate", "--model", "hodgkin_huxley", "--method", "rk4", "--duration", "50*ms",
                            "--engine", engine, "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        runs.push_back(nlohmann::json::parse(r.out));
        EXPECT_EQ(runs.back()["engine"], engine);
    }
    EXPECT_GT(runs[0]["spike_count"].get<int>(), 0);
    EXPECT_EQ(runs[0]["spike_times_ms"], runs[1]["spike_times_ms"]);
    EXPECT_EQ(runs[0]["v"], runs[1]["v"]);
    const auto bad = cli({"simulate", "--model", "lif", "--engine", "jit"});
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.err.find("--engine must be auto, native or interpreter"), std::string::npos) << bad.err;
}

TEST(SimulateCli, WithoutBinutilsTheRunIsInterpretedAndOneLineSaysWhy) {
    // libgccjit's driver would exit the process if it could not run `as`; the studio checks first.
    const auto r = test::runProcess(
        {SCS_CLI_PATH, "simulate", "--model", "hodgkin_huxley", "--engine", "native", "--duration", "20*ms", "--json"},
        {}, {"PATH=/nonexistent"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["engine"], "interpreter");
    EXPECT_NE(r.err.find("native code is off (the assembler and linker"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(SimulateCli, WritesCsvWithHeaderAndSpikeColumn) {
    test::TempDir dir;
    const auto out = dir.path() / "lif.csv";
    const auto r = cli({"simulate",
                        "--equations",
                        "dv/dt = (El - v + R*I)/tau : volt\nI : amp",
                        "--threshold",
                        "v > -50*mV",
                        "--reset",
                        "v = El",
                        "--param",
                        "El=-65*mV",
                        "--param",
                        "R=10*Mohm",
                        "--param",
                        "tau=10*ms",
                        "--init",
                        "v=-65*mV",
                        "--protocol",
                        "constant amplitude=2*nA",
                        "--dt",
                        "0.1*ms",
                        "--duration",
                        "100*ms",
                        "--out",
                        out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string csv = test::readFile(out);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "t_s,v_V,I,spike");
    std::size_t lines = 0, spikes = 0;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        ++lines;
        spikes += line.back() == '1';
    }
    EXPECT_EQ(lines, 1000u);
    // Rate of a LIF with R*I = 20 mV over a 15 mV gap: 1/(tau*ln(20/5)) = 72 Hz -> 7 spikes in 100 ms.
    EXPECT_EQ(spikes, 7u);
    EXPECT_NE(r.out.find("7 spikes"), std::string::npos) << r.out;
}

TEST(SimulateCli, SyntaxErrorGivesPositionAndNonZeroExit) {
    const auto r = cli({"simulate", "--equations", "dv/dt = (1 - v))/ms : 1"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("equations:1:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error:"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST(SimulateCli, UnitMismatchIsReportedAsOneLine) {
    const auto r = cli({"check", "--equations", "dv/dt = (v + 1*nA)/ms : volt"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("units do not match: volt and amp"), std::string::npos) << r.err;
}

TEST(SimulateCli, AbsurdDtAndDivergenceAreClearErrors) {
    auto r = cli({"simulate", "--model", "lif", "--dt", "0*ms"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("dt must be a positive time"), std::string::npos) << r.err;
    r = cli({"simulate", "--equations", "dx/dt = x**2/ms : 1", "--init", "x=1", "--duration", "10*ms"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("diverged"), std::string::npos) << r.err;
    r = cli({"simulate", "--model", "lif", "--dt", "1*mV"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("must be a time"), std::string::npos) << r.err;
}

TEST(SimulateCli, UsageErrorsExitTwo) {
    EXPECT_EQ(cli({"simulate"}).exitCode, 2);
    EXPECT_EQ(cli({"frobnicate"}).exitCode, 2);
    const auto r = cli({"simulate", "--model", "no_such_model"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no model 'no_such_model'"), std::string::npos) << r.err;
    EXPECT_EQ(cli({"simulate", "--model", "lif", "--bogus"}).exitCode, 2);
}

TEST(SimulateCli, MissingModelFileIsAClearError) {
    const auto r = cli({"simulate", "--model", "/nonexistent/model.json"});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("cannot be read"), std::string::npos) << r.err;
}

} // namespace
} // namespace scs
