// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the RTL property test: random equation models, compiled with compileFixed,
// spread over the twelve overflow x rounding modes and several formats, co-simulated for 10,000
// cycles of a varying drive; spikes and every state bit must equal FixedStepper's.
#include "HdlTestSupport.h"
#include "RandomModel.h"

#include "fixed/FixedCompiler.h"
#include "fixed/FixedSimulation.h"
#include "hdl/Cosim.h"
#include "hdl/SvText.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>

using namespace scs;
using namespace scs::hdl;

TEST(CosimModelTest, RandomEquationModelsMatchBitForBitInEveryMode) {
    constexpr int kModels = 216; // 18 per overflow x rounding combination
    constexpr std::int64_t kCycles = 10000;
    const char* const formats[] = {"Q8.8", "Q10.6", "Q7.9", "Q12.12", "Q16.16", "Q9.13", "Q14.10", "Q19.12", "Q6.10"};
    const auto modes = rtltest::allModes();
    std::mt19937_64 rng(7102024);
    std::vector<fixed::FixedModelProgram> programs;
    std::vector<std::vector<std::int64_t>> inputs;
    std::vector<std::string> ids;
    std::map<std::string, int> refusals; // reason (first words) -> count
    int refused = 0;
    while (static_cast<int>(programs.size()) < kModels) {
        const std::size_t k = programs.size();
        const ModelSpec spec = rtltest::randomModelSpec(rng, sv::cat("m", std::to_string(k)));
        NeuronModel model;
        ASSERT_NO_THROW(model = NeuronModel::compile(spec)) << "the generator wrote an invalid model:\n"
                                                            << spec.equations;
        fixed::FixedCompileOptions options;
        options.contract.format = fixed::QFormat::parse(formats[std::uniform_int_distribution<std::size_t>(0, 8)(rng)]);
        options.contract.overflow = modes[k % modes.size()].first;
        options.contract.rounding = modes[k % modes.size()].second;
        options.dt = 0.1e-3;
        const std::string protocol = rtltest::randomProtocolText(rng);
        try {
            programs.push_back(fixed::compileFixed(model, options));
        } catch (const ModelError& e) {
            ++refused;
            const std::string message = e.diagnostics().front().message;
            ++refusals[message.substr(0, message.find_first_of(":(0123456789"))];
            continue;
        }
        SimulationSettings settings;
        settings.dt = options.dt;
        settings.protocol = Protocol::parse(protocol);
        inputs.push_back(fixed::driveCodes(programs.back(), settings, kCycles));
        ids.push_back(spec.name + " [" + options.contract.label() + "]");
    }
    const CosimModel rtl(programs);
    const auto results = rtl.run(inputs, ids);
    int trapped = 0, spiking = 0;
    std::int64_t spikes = 0;
    for (std::size_t k = 0; k < results.size(); ++k) {
        const CosimResult& r = results[k];
        EXPECT_TRUE(r.matched()) << r.summary() << "\n" << programs[k].equations;
        if (r.trapCycle)
            ++trapped;
        else
            EXPECT_EQ(r.cycles, kCycles) << r.summary();
        spikes += r.spikes;
        spiking += r.spikes > 0 ? 1 : 0;
    }
    // The models must do something: most spike, and trap mode does not stop all of them at once.
    EXPECT_GT(spiking, kModels / 2);
    EXPECT_GT(refused, 0) << "the generator's refused constructs should have been met and regenerated";
    EXPECT_LT(trapped, kModels / 3 - 10);
    std::cout << "[ cosim    ] " << kModels << " random models x " << kCycles << " cycles: build " << rtl.buildSeconds()
              << " s, run " << rtl.lastRunSeconds() << " s; " << spiking << " spiked (" << spikes << " spikes), "
              << trapped << " trapped; " << refused << " refused by compileFixed and regenerated:\n";
    for (const auto& [reason, count] : refusals) std::cout << "[ cosim    ]   " << count << " x " << reason << "\n";
}
