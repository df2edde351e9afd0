// SPDX-License-Identifier: MIT
// scstudio-cli precision: the report a hardware engineer reads before compiling, and its exit codes.
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

scs::test::ProcessResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {SCS_CLI_PATH, "precision"});
    return scs::test::runProcess(args);
}

} // namespace

TEST(PrecisionCliTest, AModelThatFitsExitsZeroWithItsTable) {
    const auto r = cli({"--model", "lif", "--format", "Q8.8"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("fixed point: Q8.8, saturate, truncate"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("state     mV"), std::string::npos) << r.out;
}

TEST(PrecisionCliTest, AModelThatDoesNotFitExitsOneAndSaysWhy) {
    const auto r = cli({"--model", "izhikevich_rs", "--format", "Q4.12", "--overflow", "wrap", "--json"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["contract"], "Q4.12, wrap, truncate");
    EXPECT_FALSE(j["fits"].get<bool>());
    const auto& risks = j["risks"];
    EXPECT_TRUE(std::any_of(risks.begin(), risks.end(), [](const nlohmann::json& s) {
        return s.get<std::string>().find("v: visits") != std::string::npos;
    })) << r.out;
}

TEST(PrecisionCliTest, ABadFormatOrModeIsAUsageErrorOnOneLine) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--model", "lif", "--format", "Q40.8"},
                                                 std::vector<std::string>{"--model", "lif", "--rounding", "up"}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.rfind("scstudio-cli: ", 0), 0u) << r.err;
    }
}
