// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — co-simulation of random fixed-point programs: every operation, format
// (1..32 bits, signed and unsigned) and overflow x rounding mode, bit for bit against FixedStepper.
#include "HdlTestSupport.h"

#include "hdl/Cosim.h"
#include "hdl/SvText.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace scs;
using namespace scs::hdl;

TEST(CosimProgramTest, RandomProgramsMatchFixedStepperBitForBit) {
    constexpr int kPrograms = 120; // 10 per overflow x rounding combination
    constexpr std::int64_t kCycles = 10000;
    std::mt19937_64 rng(20240611);
    const auto modes = rtltest::allModes();
    std::vector<fixed::FixedModelProgram> programs;
    std::vector<std::vector<std::int64_t>> inputs;
    for (int k = 0; k < kPrograms; ++k) {
        const auto [overflow, rounding] = modes[static_cast<std::size_t>(k) % modes.size()];
        const fixed::FixedContract contract{rtltest::randomFormat(rng), overflow, rounding};
        programs.push_back(rtltest::randomProgram(rng, contract, sv::cat("p", std::to_string(k))));
        inputs.push_back(rtltest::randomDrive(rng, contract.format, kCycles));
    }
    const CosimModel model(programs);
    const auto results = model.run(inputs);
    int trapped = 0;
    std::int64_t spikes = 0;
    for (std::size_t k = 0; k < results.size(); ++k) {
        const CosimResult& r = results[k];
        EXPECT_TRUE(r.matched()) << r.summary() << " [" << programs[k].contract.label() << "]";
        if (r.trapCycle)
            ++trapped;
        else
            EXPECT_EQ(r.cycles, kCycles) << r.summary();
        spikes += r.spikes;
    }
    std::cout << "[ cosim    ] " << kPrograms << " random programs, " << kCycles << " cycles: build "
              << model.buildSeconds() << " s, run " << model.lastRunSeconds() << " s, " << trapped
              << " trapped (trap mode), " << spikes << " spikes\n";
}
