// SPDX-License-Identifier: MIT
// Synthesis with the real tools on small hand-written modules. These need yosys and
// nextpnr-ice40 and fail (not skip) without them: CI installs both. Each target runs once.
#include "SynthTestDesigns.h"

#include "fixed/FixedCompiler.h"
#include "hdl/Estimate.h"
#include "hdl/SvEmitter.h"
#include "hdl/Synthesis.h"
#include "jobs/JobContext.h"
#include "models/ModelCatalogue.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

using namespace scs::hdl;

namespace {

bool hasNoteContaining(const SynthesisReport& r, const std::string& text) {
    return std::any_of(r.notes.begin(), r.notes.end(),
                       [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

} // namespace

TEST(SynthYosysTest, Ice40GivesCellsTimingAndPlacement) {
    scs::JobContext job;
    std::vector<double> progress;
    job.setProgressListener([&](double f, const std::string&) { progress.push_back(f); });
    const SynthesisReport r = synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Ice40, {}, &job);
    ASSERT_TRUE(r.ok) << r.error << "\n" << r.log;
    EXPECT_FALSE(r.estimated);
    EXPECT_EQ(r.module, "lif_q88");
    EXPECT_GT(r.luts, 20);
    EXPECT_EQ(r.flipFlops, 17); // v and spike
    EXPECT_GT(r.carries, 0);
    EXPECT_EQ(r.dsp, 0); // synth_ice40 builds multipliers from LUTs by default
    EXPECT_GE(r.cells, r.luts + r.flipFlops + r.carries);
    EXPECT_GT(r.cellsByType.at("SB_LUT4"), 0);
    EXPECT_EQ(r.capacity.device, "iCE40UP5K");
    ASSERT_TRUE(r.fmaxMHz);
    EXPECT_GT(*r.fmaxMHz, 0.0);
    ASSERT_TRUE(r.placedUtilisation);
    EXPECT_GT(*r.placedUtilisation, 0.0);
    EXPECT_LT(*r.placedUtilisation, 1.0);
    ASSERT_EQ(r.tools.size(), 2u);
    EXPECT_EQ(r.tools[0].tool, "yosys");
    EXPECT_EQ(r.tools[0].version.rfind("Yosys ", 0), 0u);
    EXPECT_EQ(r.tools[1].tool, "nextpnr-ice40");
    EXPECT_NE(r.log.find("==== yosys -s synth.ys"), std::string::npos);
    EXPECT_NE(r.log.find("Max frequency for clock"), std::string::npos);
    EXPECT_EQ(r.utcTime.size(), 20u) << r.utcTime;
    EXPECT_GT(r.seconds, 0.0);
    EXPECT_TRUE(r.notes.empty());
    ASSERT_FALSE(progress.empty());
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
    EXPECT_DOUBLE_EQ(progress.back(), 1.0);
}

TEST(SynthYosysTest, Ecp5MapsTheMultiplierToADsp) {
    const SynthesisReport r = synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Ecp5);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_GT(r.luts, 0);
    EXPECT_EQ(r.flipFlops, 17);
    EXPECT_GT(r.carries, 0);
    EXPECT_EQ(r.dsp, 1);
    EXPECT_FALSE(r.fmaxMHz); // no place and route for ECP5
    ASSERT_EQ(r.tools.size(), 1u);
}

TEST(SynthYosysTest, Xilinx7MapsTheMultiplierToADsp) {
    const SynthesisReport r = synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Xilinx7);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_GT(r.luts, 0);
    EXPECT_EQ(r.flipFlops, 17);
    EXPECT_EQ(r.dsp, 1);
    EXPECT_EQ(r.capacity.device, "XC7A35T");
}

TEST(SynthYosysTest, GenericCountsGatesAndFlipFlops) {
    const SynthesisReport r = synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Generic);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_GT(r.luts, 100); // gates
    EXPECT_EQ(r.flipFlops, 17);
    EXPECT_EQ(r.capacity.luts, 0);
    EXPECT_DOUBLE_EQ(r.lutUtilisation(), 0.0);
}

TEST(SynthYosysTest, ASyntaxErrorGivesOneLineAndTheLog) {
    SynthesisOptions options;
    options.placeAndRoute = false;
    const SynthesisReport r = synthesise(scs::test::kBrokenSv, "broken", SynthesisTarget::Ice40, options);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind("yosys: design.sv:3: ERROR: syntax error", 0), 0u) << r.error;
    EXPECT_EQ(r.error.find('\n'), std::string::npos);
    EXPECT_NE(r.log.find("design.sv:3: ERROR:"), std::string::npos) << r.log;
    EXPECT_EQ(r.luts, 0);
}

TEST(SynthYosysTest, AWrongTopModuleOrNameIsAnError) {
    SynthesisOptions options;
    options.placeAndRoute = false;
    const SynthesisReport missing = synthesise(scs::test::kLifSv, "nosuch", SynthesisTarget::Generic, options);
    EXPECT_FALSE(missing.ok);
    EXPECT_NE(missing.error.find("nosuch"), std::string::npos) << missing.error;
    const SynthesisReport bad = synthesise(scs::test::kLifSv, "lif; shell", SynthesisTarget::Generic, options);
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.error, "'lif; shell' is not a module name");
}

TEST(SynthYosysTest, AMissingToolIsNamed) {
    scs::test::TempDir empty;
    SynthesisOptions options;
    options.toolPath = empty.path().string();
    const SynthesisReport r = synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Ice40, options);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "yosys is not installed (not found on PATH)");
    ASSERT_EQ(r.tools.size(), 2u);
    EXPECT_FALSE(r.tools[0].available);
}

TEST(SynthYosysTest, TooManyPortsArePlacedThroughTheSerialWrapper) {
    scs::test::TempDir dir;
    SynthesisOptions options;
    options.workDir = dir.path();
    const SynthesisReport r = synthesise(scs::test::kWideSv, "wide_add", SynthesisTarget::Ice40, options);
    ASSERT_TRUE(r.ok) << r.error << "\n" << r.log;
    EXPECT_EQ(r.flipFlops, 24); // the module's own count, without the wrapper
    ASSERT_TRUE(r.fmaxMHz);
    EXPECT_GT(*r.fmaxMHz, 0.0);
    EXPECT_TRUE(hasNoteContaining(r, "serial I/O wrapper")) << r.notes.size();
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "pnr_wrapper.v")); // a given work dir is kept
}

TEST(SynthYosysTest, ADesignTooBigForTheDeviceIsCountedButNotPlaced) {
    const SynthesisReport r = synthesise(scs::test::kTooBigSv, "too_big", SynthesisTarget::Ice40);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.bram, 32);
    EXPECT_GT(r.bram, r.capacity.bram);
    EXPECT_FALSE(r.fmaxMHz);
    EXPECT_TRUE(hasNoteContaining(r, "not placed")) << (r.notes.empty() ? "" : r.notes[0]);
}

TEST(SynthYosysTest, CancellingStopsTheRun) {
    scs::JobContext job;
    // Cancel once Yosys is running and has logged a step: deterministic, whatever the machine's speed.
    job.setProgressListener([&](double fraction, const std::string& message) {
        if (message.rfind("yosys", 0) == 0 && fraction > 0.03) job.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(synthesise(scs::test::kLifSv, "lif_q88", SynthesisTarget::Xilinx7, {}, &job), scs::JobCancelled);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 4.0);
}

TEST(SynthYosysTest, TheEstimateOfAnEmittedModelIsWithinAQuarterOfYosys) {
    // The calibration (tests/bench/synth_calibration.cpp) covers the catalogue on every target;
    // this keeps one cheap point of it honest when the emitter or the costs change.
    const scs::ModelCatalogue catalogue = scs::ModelCatalogue::loadDefault();
    const scs::CatalogueEntry* lif = catalogue.find("lif");
    ASSERT_NE(lif, nullptr);
    scs::fixed::FixedCompileOptions o;
    o.contract.format = scs::fixed::QFormat::parse("Q8.8");
    o.dt = 0.05e-3;
    const scs::fixed::FixedModelProgram program = scs::fixed::compileFixed(scs::NeuronModel::compile(lif->spec), o);
    SynthesisOptions options;
    options.placeAndRoute = false;
    for (SynthesisTarget target : {SynthesisTarget::Ice40, SynthesisTarget::Ecp5}) {
        const SynthesisReport real =
            synthesise(emitSystemVerilog(program), svInterface(program).module, target, options);
        ASSERT_TRUE(real.ok) << real.error;
        const SynthesisReport est = estimate(program, target);
        EXPECT_NEAR(est.luts, real.luts, 0.25 * real.luts) << name(target);
        EXPECT_EQ(est.flipFlops, real.flipFlops) << name(target);
        EXPECT_EQ(est.dsp, real.dsp) << name(target);
    }
}
