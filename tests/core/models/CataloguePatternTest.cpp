// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — every catalogue model, run under its own protocol, shows the firing pattern it claims.
#include "CatalogueTestSupport.h"

#include "expr/SourceError.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace scs {
namespace {

using namespace scs::test;

/// Runs an entry as it describes itself; on failure records why and returns nothing.
std::optional<SimulationResult> runEntry(const CatalogueEntry& e, const SimulationSettings& settings) {
    try {
        const NeuronModel model = NeuronModel::compile(e.spec);
        return simulate(model, settings);
    } catch (const std::exception& err) {
        ADD_FAILURE() << e.id << ": " << err.what();
    }
    return std::nullopt;
}

std::string describe(const std::vector<double>& spikes) {
    std::ostringstream out;
    out << spikes.size() << " spikes at (ms):";
    for (std::size_t k = 0; k < spikes.size() && k < 60; ++k) out << ' ' << std::round(spikes[k] * 1e5) / 100;
    return out.str();
}

/// The window where the protocol drives the model: the step, else the whole run.
std::pair<double, double> drivenWindow(const SimulationSettings& s) {
    if (s.protocol && s.protocol->kind == Protocol::Kind::Step)
        return {s.protocol->start, std::min(s.protocol->stop, s.duration)};
    return {0.0, s.duration};
}

class CatalogueEntryTest : public ::testing::TestWithParam<std::string> {
protected:
    const CatalogueEntry& entry() const {
        const CatalogueEntry* e = bundledCatalogue().find(GetParam());
        if (!e) throw std::runtime_error(GetParam() + " did not load");
        return *e;
    }
};

TEST_P(CatalogueEntryTest, SimulatesItsProtocolWithoutDiverging) {
    const CatalogueEntry& e = entry();
    const SimulationSettings s = settingsFor(e);
    const auto r = runEntry(e, s);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->steps, std::llround(s.duration / s.dt));
    for (std::size_t k = 0; k < r->traces.size(); ++k)
        for (double v : r->traces[k]) ASSERT_TRUE(std::isfinite(v)) << r->names[k] << " is not finite";
    if (e.expectedPattern == "silent")
        EXPECT_TRUE(r->spikeTimes.empty()) << describe(r->spikeTimes);
    else
        EXPECT_FALSE(r->spikeTimes.empty()) << "a " << e.expectedPattern << " model must spike";
}

TEST_P(CatalogueEntryTest, RestsBeforeItsStep) {
    const CatalogueEntry& e = entry();
    const SimulationSettings s = settingsFor(e);
    if (!s.protocol || s.protocol->kind != Protocol::Kind::Step) return; // no baseline to check
    const auto r = runEntry(e, s);
    ASSERT_TRUE(r.has_value());
    // The initial state is (near) rest: no spike until the drive comes on.
    EXPECT_TRUE(spikesIn(r->spikeTimes, 0.0, s.protocol->start).empty()) << describe(r->spikeTimes);
}

TEST_P(CatalogueEntryTest, ShowsItsExpectedPattern) {
    const CatalogueEntry& e = entry();
    const SimulationSettings s = settingsFor(e);
    const auto r = runEntry(e, s);
    ASSERT_TRUE(r.has_value());
    const auto [from, to] = drivenWindow(s);
    const std::vector<double> spikes = spikesIn(r->spikeTimes, from, to);
    const std::vector<double> isi = intervals(spikes);
    const std::string trace = describe(spikes);
    const std::string& p = e.expectedPattern;
    if (p == "silent") {
        EXPECT_TRUE(spikes.empty()) << trace;
    } else if (p == "tonic") {
        ASSERT_GE(spikes.size(), 3u) << trace;
        // Regular: after the first interval the train is periodic.
        const std::vector<double> steady(isi.begin() + 1, isi.end());
        EXPECT_LT(coefficientOfVariation(steady), 0.1) << trace;
    } else if (p == "adapting") {
        ASSERT_GE(spikes.size(), 4u) << trace;
        EXPECT_GE(isi.back(), 1.5 * isi.front()) << "intervals must lengthen; " << trace;
        EXPECT_LT(bimodalGapRatio(isi), 2.5) << "adaptation is gradual, not bursts; " << trace;
    } else if (p == "fast_spiking") {
        ASSERT_GE(spikes.size(), 10u) << trace;
        // Sustained high rate without adaptation: the second half of the train.
        const std::vector<double> late(isi.begin() + static_cast<std::ptrdiff_t>(isi.size() / 2), isi.end());
        EXPECT_GT(1.0 / mean(late), 100.0) << trace;
        EXPECT_LT(coefficientOfVariation(late), 0.1) << trace;
    } else if (p == "bursting") {
        ASSERT_GE(spikes.size(), 6u) << trace;
        // Within-burst and between-burst intervals form two separate groups.
        EXPECT_GE(bimodalGapRatio(isi), 3.0) << trace;
    } else if (p == "irregular") {
        ASSERT_GE(spikes.size(), 20u) << trace;
        EXPECT_GT(coefficientOfVariation(isi), 0.5) << trace;
    } else {
        ADD_FAILURE() << "unknown expected_pattern '" << p << "'";
    }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CatalogueEntryTest, ::testing::ValuesIn(bundledModelIds()),
                         [](const ::testing::TestParamInfo<std::string>& paramInfo) { return paramInfo.param; });

// ---------------------------------------------------------------- comparisons between and within models

const CatalogueEntry& mustFind(const std::string& id) {
    const CatalogueEntry* e = bundledCatalogue().find(id);
    if (!e) throw std::runtime_error(id + " is not in the catalogue");
    return *e;
}

std::size_t spikeCount(const CatalogueEntry& e, const SimulationSettings& s) {
    const auto r = runEntry(e, s);
    return r ? r->spikeTimes.size() : 0;
}

TEST(CatalogueComparisons, FastSpikingFiresFasterThanRegularSpikingAtTheSameDrive) {
    const CatalogueEntry& rs = mustFind("izhikevich_rs");
    const CatalogueEntry& fs = mustFind("izhikevich_fs");
    const SimulationSettings s = settingsFor(rs); // the same protocol for both
    const std::size_t nRs = spikeCount(rs, s);
    const std::size_t nFs = spikeCount(fs, s);
    EXPECT_GT(nRs, 0u);
    EXPECT_GT(nFs, 3 * nRs) << "RS " << nRs << " spikes, FS " << nFs;
}

TEST(CatalogueComparisons, TonicModelsFireMoreUnderStrongerDrive) {
    for (const auto& e : bundledCatalogue().entries()) {
        if (e.expectedPattern != "tonic") continue;
        SCOPED_TRACE(e.id);
        const SimulationSettings base = settingsFor(e);
        ASSERT_TRUE(base.protocol.has_value());
        SimulationSettings stronger = base;
        stronger.protocol->amplitude *= 1.5;
        const std::size_t n0 = spikeCount(e, base);
        const std::size_t n1 = spikeCount(e, stronger);
        // Integrate-and-fire rates rise steeply; class II models (Hopf onset) may barely change.
        if (e.category == "integrate-and-fire" || e.category == "quadratic")
            EXPECT_GT(n1, n0);
        else
            EXPECT_GE(n1, n0);
    }
}

TEST(CatalogueComparisons, PerfectIntegratorIntervalIsChargeOverCurrent) {
    const CatalogueEntry& e = mustFind("if");
    const SimulationSettings s = settingsFor(e);
    const auto r = runEntry(e, s);
    ASSERT_TRUE(r.has_value());
    const double C = parameterSI(e, "C");
    const double dv = parameterSI(e, "Vth") - parameterSI(e, "Vr");
    const double refractory = parseQuantity(e.spec.refractory, "refractory").value;
    const double expected = C * dv / s.protocol->amplitude + refractory;
    const auto isi = intervals(r->spikeTimes);
    ASSERT_GE(isi.size(), 3u);
    for (double interval : isi) EXPECT_NEAR(interval, expected, 2.5 * s.dt);
}

/// Constant drive for `seconds`: the number of spikes.
std::size_t spikesUnderConstantDrive(const CatalogueEntry& e, double drive, double seconds) {
    SimulationSettings s = settingsFor(e);
    s.duration = seconds;
    s.protocol = Protocol::constant(drive, s.protocol->dimension);
    return spikeCount(e, s);
}

TEST(CatalogueComparisons, QuadraticIfStartsFiringAtItsRheobaseFromZeroRate) {
    const CatalogueEntry& e = mustFind("qif");
    // Saddle-node onset at R*I = (Vc - Vrest)/4.
    const double rheobase =
        (parameterSI(e, "Vc") - parameterSI(e, "Vrest")) / (4.0 * parameterSI(e, "R"));
    EXPECT_EQ(spikesUnderConstantDrive(e, 0.95 * rheobase, 1.0), 0u);
    const std::size_t justAbove = spikesUnderConstantDrive(e, 1.1 * rheobase, 1.0);
    EXPECT_GE(justAbove, 1u);
    EXPECT_LE(justAbove, 10u) << "class I: the rate starts near zero";
}

TEST(CatalogueComparisons, ExponentialIfStartsFiringAtItsRheobase) {
    const CatalogueEntry& e = mustFind("eif");
    // Onset where the leak and the exponential balance: gL*(VT - EL - DeltaT).
    const double rheobase =
        parameterSI(e, "gL") * (parameterSI(e, "VT") - parameterSI(e, "EL") - parameterSI(e, "DeltaT"));
    EXPECT_EQ(spikesUnderConstantDrive(e, 0.95 * rheobase, 1.0), 0u);
    EXPECT_GE(spikesUnderConstantDrive(e, 1.1 * rheobase, 1.0), 1u);
}

/// Spikes per second over the last second of a 1.5 s run under constant drive (the first 0.5 s lets
/// transients die out).
double steadyRate(const CatalogueEntry& e, const NeuronModel& model, double drive) {
    SimulationSettings s = settingsFor(e);
    s.duration = 1.5;
    s.recordEvery = 1000;
    s.protocol = Protocol::constant(drive, s.protocol->dimension);
    return static_cast<double>(spikesIn(simulate(model, s).spikeTimes, 0.5, 1.5).size());
}

bool hasTag(const CatalogueEntry& e, const std::string& tag) {
    return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end();
}

// Hodgkin's classes, as the tags claim: class I starts firing at an arbitrarily low rate (saddle-node
// on a circle), class II jumps to a finite rate (Hopf).
TEST(CatalogueComparisons, ExcitabilityClassTagsMatchTheRateAtOnset) {
    int checked = 0;
    for (const auto& e : bundledCatalogue().entries()) {
        const bool classOne = hasTag(e, "class I");
        const bool classTwo = hasTag(e, "class II");
        if (!classOne && !classTwo) continue;
        SCOPED_TRACE(e.id);
        ++checked;
        const NeuronModel model = NeuronModel::compile(e.spec);
        const double top = settingsFor(e).protocol->amplitude; // the catalogue's step: well above onset
        const double topRate = steadyRate(e, model, top);
        ASSERT_GT(topRate, 0.0);
        double lo = 0.0, hi = top; // rest at lo, firing at hi
        for (int k = 0; k < 10; ++k) { // to top/1024
            const double mid = 0.5 * (lo + hi);
            (steadyRate(e, model, mid) > 0 ? hi : lo) = mid;
        }
        const double onsetRate = steadyRate(e, model, hi + top / 400);
        if (classOne)
            EXPECT_LT(onsetRate, 0.4 * topRate) << "onset at " << hi << ", " << onsetRate << " vs " << topRate << " Hz";
        else
            EXPECT_GT(onsetRate, 0.5 * topRate) << "onset at " << hi << ", " << onsetRate << " vs " << topRate << " Hz";
    }
    EXPECT_GE(checked, 4);
}

} // namespace
} // namespace scs
