// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the classifier on real model output: catalogue models whose firing
// pattern is unambiguous from spike times alone are named as their entry claims.
#include "analysis/FiringPattern.h"
#include "models/ModelCatalogue.h"
#include "ode/Simulation.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace scs {
namespace {

class ClassifyCatalogueModel : public ::testing::TestWithParam<std::string> {};

TEST_P(ClassifyCatalogueModel, MatchesItsExpectedPattern) {
    const auto file = std::filesystem::path(SCS_TEST_RESOURCES_DIR) / "models" / (GetParam() + ".json");
    const CatalogueEntry e = ModelCatalogue::loadFile(file);
    ASSERT_FALSE(e.expectedPattern.empty());
    SimulationSettings s;
    s.dt = parseQuantity(e.dt, "dt").value;
    s.duration = parseQuantity(e.duration, "duration").value;
    s.drive = e.drive;
    if (!e.protocol.empty()) s.protocol = Protocol::parse(e.protocol);
    s.recordEvery = 100;
    const SimulationResult r = simulate(NeuronModel::compile(e.spec), s);
    const FiringPatternResult c = classifyFiringPattern(r.spikeTimes, s.duration);
    EXPECT_EQ(toString(c.pattern), e.expectedPattern) << c.reason;
}

// Hodgkin-Huxley (squid axon) is left out: under its catalogue protocol it fires regularly at
// ~131 Hz, which spike times cannot tell from Wang-Buzsaki's fast spiking at ~135 Hz.
INSTANTIATE_TEST_SUITE_P(Analysis, ClassifyCatalogueModel,
                         ::testing::Values("lif", "adex", "adex_bursting", "izhikevich_ch", "izhikevich_ib",
                                           "izhikevich_fs", "izhikevich_rs", "izhikevich_lts", "lif_noisy",
                                           "hindmarsh_rose", "morris_lecar", "wang_buzsaki"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

} // namespace
} // namespace scs
