// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — pipelined modules co-simulated: random programs in every format and mode,
// 0 to 8 pipeline stages, compared with FixedStepper in every clock cycle (states must hold until
// the step's last cycle, then equal the stepper's bit for bit).
#include "HdlTestSupport.h"

#include "hdl/Cosim.h"
#include "hdl/SvText.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace scs;
using namespace scs::hdl;

TEST(CosimPipelineTest, RandomProgramsMatchFixedStepperWithEveryStageCount) {
    constexpr int kPrograms = 54; // 6 per stage count, the modes rotating
    constexpr std::int64_t kSteps = 3000;
    std::mt19937_64 rng(20261123);
    const auto modes = rtltest::allModes();
    std::vector<fixed::FixedModelProgram> programs;
    std::vector<std::vector<std::int64_t>> inputs;
    CosimOptions options;
    for (int k = 0; k < kPrograms; ++k) {
        const auto [overflow, rounding] = modes[static_cast<std::size_t>(k) % modes.size()];
        const fixed::FixedContract contract{rtltest::randomFormat(rng), overflow, rounding};
        programs.push_back(rtltest::randomProgram(rng, contract, sv::cat("p", std::to_string(k))));
        inputs.push_back(rtltest::randomDrive(rng, contract.format, kSteps));
        options.stagesPerProgram.push_back(k % 9);
    }
    const CosimModel model(programs, options);
    const auto results = model.run(inputs);
    int trappedPipelined = 0;
    for (std::size_t k = 0; k < results.size(); ++k) {
        const CosimResult& r = results[k];
        const int latency = options.stagesPerProgram[k] + 1;
        EXPECT_TRUE(r.matched()) << r.summary() << " [" << programs[k].contract.label() << ", " << latency - 1
                                 << " stages]";
        EXPECT_EQ(r.latency, latency);
        if (r.trapCycle) {
            EXPECT_EQ((*r.trapCycle + 1) % latency, 0) << "a trap ends a step: " << r.summary();
            trappedPipelined += latency > 1 ? 1 : 0;
        } else {
            EXPECT_EQ(r.steps, kSteps) << r.summary();
            EXPECT_EQ(r.cycles, kSteps * latency) << r.summary();
        }
    }
    EXPECT_GT(trappedPipelined, 0) << "some pipelined trap-mode programs should overflow";
    std::cout << "[ cosim    ] " << kPrograms << " random programs, 0..8 stages, " << kSteps << " steps: build "
              << model.buildSeconds() << " s, run " << model.lastRunSeconds() << " s, " << trappedPipelined
              << " pipelined ones trapped\n";
}
