// SPDX-License-Identifier: MIT
// scstudio-cli synth: a model or a SystemVerilog file synthesised, the table and JSON, and one
// line on stderr with exit 1 when a tool is missing or synthesis fails. Needs yosys and
// nextpnr-ice40 (CI installs them); each case runs one quick target.
#include "core/hdl/SynthTestDesigns.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

scs::test::ProcessResult cli(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {SCS_CLI_PATH, "synth"});
    return scs::test::runProcess(args, {}, env);
}

long lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

} // namespace

TEST(SynthCliTest, AModelIsCompiledSynthesisedAndPlacedWithItsEstimate) {
    scs::test::TempDir dir;
    const auto log = dir.path() / "synth.log";
    const auto r = cli({"--model", "lif", "--q", "Q8.8", "--target", "ice40", "--log", log.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("module lif (Q8.8, saturate, truncate)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("estimate LUTs/FFs/DSP"), std::string::npos) << r.out;
    const auto row = r.out.find("ice40    iCE40UP5K");
    ASSERT_NE(row, std::string::npos) << r.out;
    EXPECT_NE(r.out.find('%', row), std::string::npos) << r.out; // placed utilisation
    const std::string text = scs::test::readFile(log);
    EXPECT_NE(text.find("Max frequency for clock"), std::string::npos);
    EXPECT_NE(text.find("==== yosys -s synth.ys"), std::string::npos);
}

TEST(SynthCliTest, ASystemVerilogFileGivesJson) {
    scs::test::TempDir dir;
    const auto file = dir.path() / "lif.sv";
    scs::test::writeFile(file, scs::test::kLifSv);
    const auto r = cli({"--sv", file.string(), "--top", "lif_q88", "--target", "generic", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["module"], "lif_q88");
    ASSERT_EQ(j["reports"].size(), 1u);
    const auto& report = j["reports"][0];
    EXPECT_EQ(report["target"], "generic");
    EXPECT_TRUE(report["ok"].get<bool>());
    EXPECT_GT(report["luts"].get<int>(), 0);
    EXPECT_EQ(report["flip_flops"].get<int>(), 17);
    EXPECT_FALSE(report.contains("log"));
    EXPECT_FALSE(report.contains("estimate")); // no program to estimate from
}

TEST(SynthCliTest, AMissingToolIsOneLineAndExitOne) {
    const auto r = cli({"--model", "lif", "--target", "ice40"}, {"PATH=/nonexistent"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_EQ(r.err, "scstudio-cli: synthesis for ice40 failed: yosys is not installed (not found on PATH)\n");
}

TEST(SynthCliTest, ASyntaxErrorIsOneLineAndExitOne) {
    scs::test::TempDir dir;
    const auto file = dir.path() / "broken.sv";
    scs::test::writeFile(file, scs::test::kBrokenSv);
    const auto r = cli({"--sv", file.string(), "--top", "broken", "--target", "generic"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_EQ(r.err.rfind("scstudio-cli: synthesis for generic failed: yosys: design.sv:3: ERROR:", 0), 0u) << r.err;
}

TEST(SynthCliTest, UsageMistakesExitTwo) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--model", "lif", "--target", "quartus"}, std::vector<std::string>{"--sv", "x.sv"},
          std::vector<std::string>{"--model", "lif", "--q", "Q40.8"},
          std::vector<std::string>{"--model", "lif", "--clock", "fast"}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_EQ(lines(r.err), 1) << r.err;
    }
}
