// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli analyse`: results as JSON, summaries, and clear usage errors.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace scs {
namespace {

using test::runProcess;

// A LIF written on the command line: rheobase (theta - El) / R = 1.5 nA.
std::vector<std::string> lifArgs(std::vector<std::string> extra) {
    std::vector<std::string> argv = {SCS_CLI_PATH,
                                     "analyse",
                                     extra.front(),
                                     "--equations",
                                     "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\nI : amp",
                                     "--threshold",
                                     "v > -50*mV",
                                     "--reset",
                                     "v = El",
                                     "--refractory",
                                     "2*ms",
                                     "--param",
                                     "El=-65*mV",
                                     "--param",
                                     "R=10*Mohm",
                                     "--param",
                                     "tau=10*ms",
                                     "--param",
                                     "I=0*nA",
                                     "--init",
                                     "v=-65*mV",
                                     "--dt",
                                     "0.02*ms",
                                     "--duration",
                                     "500*ms"};
    argv.insert(argv.end(), extra.begin() + 1, extra.end());
    return argv;
}

TEST(AnalyseCli, FiCurveJsonHasTheClosedFormRheobaseAndRates) {
    const auto r = runProcess(lifArgs({"fi", "--min", "0*nA", "--max", "3*nA", "--points", "7", "--json"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["kind"], "fi_curve");
    EXPECT_EQ(j["drive"], "I");
    ASSERT_EQ(j["rate"].size(), 7u);
    EXPECT_NEAR(j["rheobase"].get<double>(), 1.5e-9, 0.01e-9);
    // 3 nA: 1 / (2 ms + 10 ms ln 2) = 111.3 Hz
    const double expected = 1.0 / (2e-3 + 10e-3 * std::log(2.0));
    EXPECT_NEAR(j["mean_isi_rate"][6].get<double>(), expected, 0.01 * expected);
    EXPECT_EQ(j["rate"][0].get<double>(), 0.0);
}

TEST(AnalyseCli, SummaryAndOutFile) {
    test::TempDir dir;
    const auto file = dir.path() / "fi.json";
    const auto r =
        runProcess(lifArgs({"fi", "--min", "1*nA", "--max", "2*nA", "--points", "3", "--out", file.string()}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rheobase 1.5"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("wrote"), std::string::npos) << r.out;
    const auto j = nlohmann::json::parse(test::readFile(file));
    EXPECT_EQ(j["drives"].size(), 3u);
}

TEST(AnalyseCli, ClassifyAndPhasePlaneOnCatalogueModels) {
    auto r = runProcess({SCS_CLI_PATH, "analyse", "classify", "--model", "izhikevich_ch", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["pattern"], "bursting");

    r = runProcess({SCS_CLI_PATH, "analyse", "phase", "--model", "fitzhugh_nagumo", "--grid", "5", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["dxdt"].size(), 25u);
    EXPECT_FALSE(j["x_nullcline"].empty());
    EXPECT_EQ(j["fixed_points"].size(), 1u);
}

TEST(AnalyseCli, UsageMistakesAreOneLineWithExitCode2) {
    auto r = runProcess({SCS_CLI_PATH, "analyse", "wobble", "--model", "lif"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown analysis 'wobble'"), std::string::npos) << r.err;

    r = runProcess(lifArgs({"fi", "--max", "3*mV"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--max needs units of amp"), std::string::npos) << r.err;

    r = runProcess(lifArgs({"fi", "--min", "0*nA"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--max is required"), std::string::npos) << r.err;

    r = runProcess(lifArgs({"bifurcation", "--sweep", "gNa"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no parameter 'gNa'"), std::string::npos) << r.err;

    r = runProcess(lifArgs({"phase"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("at least 2 state variables"), std::string::npos) << r.err;
}

TEST(AnalyseCli, AnalysisErrorsFailWithAReason) {
    // A transient longer than the run is rejected by the analysis itself.
    const auto r = runProcess(lifArgs({"fi", "--max", "3*nA", "--transient", "1*second"}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("transient"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST(AnalyseCli, HelpListsTheKinds) {
    const auto r = runProcess({SCS_CLI_PATH, "analyse", "--help"});
    ASSERT_EQ(r.exitCode, 0);
    for (const char* kind : {"fi", "bifurcation", "sensitivity", "phase", "heatmap", "sta", "frequency", "isi",
                             "classify", "characterise"})
        EXPECT_NE(r.out.find(std::string("  ") + kind + " "), std::string::npos) << kind;
}

} // namespace
} // namespace scs
