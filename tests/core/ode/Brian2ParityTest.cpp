// SPDX-License-Identifier: MIT
// Parity with Brian2: every fixture, both recorded methods, same spikes to the step and states
// within 1e-6 of their range.
#include "models/ModelCatalogue.h"
#include "ode/Simulation.h"
#include "support/TestSupport.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace scs {
namespace {

struct ParityCase {
    std::string fixture;
    std::string method;
};

void PrintTo(const ParityCase& c, std::ostream* out) { *out << c.fixture << '/' << c.method; }

std::string caseName(const testing::TestParamInfo<ParityCase>& info) {
    return info.param.fixture + "_" + info.param.method;
}

class Brian2Parity : public testing::TestWithParam<ParityCase> {};

TEST_P(Brian2Parity, SpikesOnTheSameStepAndStatesWithinTolerance) {
    const auto file = test::fixturesDir() / "brian2" / (GetParam().fixture + ".json");
    const auto fixture = nlohmann::json::parse(test::readFile(file));
    const CatalogueEntry entry = ModelCatalogue::loadFile(file);
    const NeuronModel model = NeuronModel::compile(entry.spec);

    const auto& run = fixture["runs"][GetParam().method];
    SimulationSettings s;
    s.method = GetParam().method;
    s.dt = parseQuantity(entry.dt, "dt").value;
    s.duration = parseQuantity(entry.duration, "duration").value;
    s.recordEvery = run["record_every_steps"].get<int>();
    const SimulationResult r = simulate(model, s);

    const auto expectedSpikes = run["spike_times_ms"].get<std::vector<double>>();
    ASSERT_EQ(r.spikeSteps.size(), expectedSpikes.size());
    for (std::size_t k = 0; k < expectedSpikes.size(); ++k)
        EXPECT_EQ(r.spikeSteps[k], std::llround(expectedSpikes[k] / (s.dt * 1e3))) << "spike " << k;

    const auto times = run["t_ms"].get<std::vector<double>>();
    ASSERT_EQ(r.time.size(), times.size());
    for (const auto& [name, unit] : run["_units"].items()) {
        const auto expected = run[name].get<std::vector<double>>();
        const std::vector<double>* ours = r.trace(name);
        ASSERT_NE(ours, nullptr) << name;
        EXPECT_LT(test::maxRangeRelativeError(*ours, expected), 1e-6) << name;
    }
}

std::vector<ParityCase> allCases() {
    std::vector<ParityCase> out;
    for (const char* f : {"lif", "adex", "izhikevich_rs", "hodgkin_huxley", "fitzhugh_nagumo"})
        for (const char* m : {"euler", "rk4"}) out.push_back({f, m});
    return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Brian2Parity, testing::ValuesIn(allCases()), caseName);

TEST(Brian2ParityFixtures, EveryFixtureFileIsCovered) {
    std::size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(test::fixturesDir() / "brian2"))
        if (f.path().extension() == ".json") ++files;
    EXPECT_EQ(files * 2, allCases().size()) << "a new Brian2 fixture needs a parity case";
}

} // namespace
} // namespace scs
