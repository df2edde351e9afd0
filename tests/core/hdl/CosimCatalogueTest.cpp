// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — every catalogue model that compileFixed accepts, in every overflow and
// rounding mode, co-simulated for 10,000 cycles of its own protocol; the refused ones are listed.
// The format is Q15.16: 31 bits hold every catalogue quantity in the studio's units and keep all
// intermediates within 64 bits, which keeps the one Verilator build of 228 modules quick (Q16.16
// products need 65 bits and make the build and run several times slower). 32-bit formats and
// the wide paths are covered by CosimProgramTest and CosimModelTest.
#include "HdlTestSupport.h"

#include "fixed/FixedCompiler.h"
#include "fixed/FixedSimulation.h"
#include "hdl/Cosim.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <iostream>

using namespace scs;
using namespace scs::hdl;

TEST(CosimCatalogueTest, EveryAcceptedCatalogueModelMatchesInEveryMode) {
    constexpr std::int64_t kCycles = 10000;
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    ASSERT_GE(catalogue.entries().size(), 10u);
    std::vector<fixed::FixedModelProgram> programs;
    std::vector<std::vector<std::int64_t>> inputs;
    std::vector<std::string> ids;
    std::vector<std::string> refused;
    for (const CatalogueEntry& entry : catalogue.entries()) {
        const NeuronModel model = NeuronModel::compile(entry.spec);
        SimulationSettings settings;
        settings.dt = parseQuantity(entry.dt, "dt").value;
        settings.drive = entry.drive;
        if (!entry.protocol.empty()) settings.protocol = Protocol::parse(entry.protocol);
        for (const auto& [overflow, rounding] : rtltest::allModes()) {
            fixed::FixedCompileOptions options;
            options.contract = {fixed::QFormat::parse("Q15.16"), overflow, rounding};
            options.dt = settings.dt;
            options.drive = entry.drive;
            try {
                programs.push_back(fixed::compileFixed(model, options));
            } catch (const ModelError& e) {
                // The contract's modes do not change what compiles: one refusal per model.
                refused.push_back(entry.id + ": " + e.diagnostics().front().format());
                break;
            }
            programs.back().name = entry.id;
            inputs.push_back(fixed::driveCodes(programs.back(), settings, kCycles));
            ids.push_back(entry.id + " [" + options.contract.label() + "]");
        }
    }
    ASSERT_GE(programs.size(), 12u * 8) << "most of the catalogue should compile in Q15.16";
    const CosimModel rtl(programs);
    const auto results = rtl.run(inputs, ids);
    int trapped = 0;
    for (const CosimResult& r : results) {
        EXPECT_TRUE(r.matched()) << r.summary();
        if (r.trapCycle)
            ++trapped;
        else
            EXPECT_EQ(r.cycles, kCycles) << r.summary();
    }
    std::cout << "[ cosim    ] " << programs.size() / 12 << " catalogue models x 12 modes x " << kCycles
              << " cycles: build " << rtl.buildSeconds() << " s, run " << rtl.lastRunSeconds() << " s, " << trapped
              << " trapped in trap mode\n[ cosim    ] refused by compileFixed (Q15.16):\n";
    for (const auto& r : refused) std::cout << "[ cosim    ]   " << r << "\n";
}
