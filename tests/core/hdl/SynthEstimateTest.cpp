// SPDX-License-Identifier: MIT
// The pre-synthesis estimate: the hardware counted from hand-built programs (exact numbers worked
// out from the RTL the emitter prints), and how the per-target costs turn it into resources.
#include "hdl/Estimate.h"

#include "fixed/FixedCompiler.h"
#include "models/ModelCatalogue.h"

#include <gtest/gtest.h>

using namespace scs;
using namespace scs::hdl;
using fixed::FixedInstr;
using fixed::FixedOp;

namespace {

FixedInstr instr(FixedOp op, std::uint32_t a = 0, std::uint32_t b = 0, std::int64_t imm = 0) {
    FixedInstr in;
    in.op = op;
    in.a = a;
    in.b = b;
    in.imm = imm;
    in.flag = fixed::isFlag(op);
    return in;
}

// v' = 0.95 v + I in Q8.8; spike when v' >= 20, then v = 0. Value 7 is dead code.
fixed::FixedModelProgram handLif(fixed::Overflow overflow = fixed::Overflow::Saturate,
                                 fixed::Rounding rounding = fixed::Rounding::Truncate) {
    fixed::FixedModelProgram p;
    p.name = "hand_lif";
    p.contract.format = fixed::QFormat::parse("Q8.8");
    p.contract.overflow = overflow;
    p.contract.rounding = rounding;
    p.states = {{"v", "mV", 1e-3, 0, false}};
    p.input = "I";
    FixedInstr state = instr(FixedOp::State);
    state.index = 0;
    FixedInstr leak = instr(FixedOp::MulConst, 0, 0, 243); // 0.95 with 8 fraction bits
    leak.shift = 8;
    leak.roundingSite = 0;
    p.roundingSites = 1;
    p.code = {state,
              instr(FixedOp::Input),
              leak,
              instr(FixedOp::Add, 2, 1),
              instr(FixedOp::Const, 0, 0, 20 * 256),
              instr(FixedOp::Ge, 3, 4),
              instr(FixedOp::Const, 0, 0, 0),
              instr(FixedOp::Mul, 0, 1)};
    p.code[7].roundingSite = 1;
    p.roundingSites = 2;
    p.nextState = {3};
    p.resetState = {6};
    p.hasThreshold = true;
    p.threshold = 5;
    return p;
}

} // namespace

TEST(SynthEstimateTest, CountsTheLiveDatapathAsTheEmitterPrintsIt) {
    const HardwareInventory inv = countHardware(handLif());
    EXPECT_EQ(inv.width, 16);
    EXPECT_EQ(inv.liveInstructions, 7); // the Mul (value 7) reaches nothing
    EXPECT_EQ(inv.adders, 1);
    EXPECT_EQ(inv.adderBits, 18); // W + 2
    ASSERT_EQ(inv.multipliers.size(), 1u);
    const MultiplierShape& m = inv.multipliers[0];
    EXPECT_TRUE(m.constant);
    EXPECT_EQ(m.productBits, 26); // W + 9 (243 in two's complement), plus 1 for rounding noise
    EXPECT_EQ(m.aBits, 26);       // v sign-extended to the product
    EXPECT_EQ(m.bBits, 8);        // 243's leading zeros trimmed
    // 243 = 0b11110011: copies shifted by 0, 1, 4, 5, 6, 7, each cut at 26 bits.
    EXPECT_EQ(m.partialProductBits, 26 + 25 + 22 + 21 + 20 + 19);
    EXPECT_EQ(inv.comparators, 1);
    EXPECT_EQ(inv.comparatorBits, 16);
    EXPECT_EQ(inv.equalities, 0);
    EXPECT_EQ(inv.saturations, 2);               // the product and the sum
    EXPECT_EQ(inv.saturationDetectBits, 11 + 3); // bits above the sign, plus it
    EXPECT_EQ(inv.muxBits, 16 + 16 + 16);        // two clamps and the reset
    EXPECT_EQ(inv.flagGates, 1);                 // the spike gate
    EXPECT_EQ(inv.stateBits, 16);
    EXPECT_EQ(inv.registerBits, 17); // v and spike
    EXPECT_TRUE(inv.dividers.empty());
    EXPECT_EQ(inv.tables, 0);
}

TEST(SynthEstimateTest, ModesChangeWhatIsBuilt) {
    const HardwareInventory wrap = countHardware(handLif(fixed::Overflow::Wrap));
    EXPECT_EQ(wrap.saturations, 0);
    EXPECT_EQ(wrap.muxBits, 16); // the reset only

    const HardwareInventory trap = countHardware(handLif(fixed::Overflow::Trap));
    EXPECT_EQ(trap.saturations, 2);
    EXPECT_EQ(trap.muxBits, 16);      // detectors but no clamps
    EXPECT_EQ(trap.registerBits, 18); // plus the sticky trap

    const HardwareInventory stochastic = countHardware(handLif(fixed::Overflow::Saturate, fixed::Rounding::Stochastic));
    EXPECT_EQ(stochastic.registerBits, 17 + 16); // the LFSR
    EXPECT_EQ(stochastic.adders, 2);             // the random bits added below the LSB
    EXPECT_EQ(stochastic.adderBits, 18 + 26);

    const HardwareInventory nearest = countHardware(handLif(fixed::Overflow::Saturate, fixed::Rounding::Nearest));
    EXPECT_EQ(nearest.registerBits, 17);
    EXPECT_EQ(nearest.adders, 2);
}

TEST(SynthEstimateTest, RefractoryDurationAddsACounter) {
    fixed::FixedModelProgram p = handLif();
    p.refractory = fixed::FixedModelProgram::Refractory::Duration;
    p.refractoryCycles = 20; // loads 19: five bits
    const HardwareInventory inv = countHardware(p);
    EXPECT_EQ(inv.registerBits, 17 + 5);
    EXPECT_EQ(inv.adders, 2);
    EXPECT_EQ(inv.equalities, 1);
}

TEST(SynthEstimateTest, EstimatesFollowEachTargetsCosts) {
    const fixed::FixedModelProgram p = handLif();
    const SynthesisReport ice40 = estimate(p, SynthesisTarget::Ice40);
    EXPECT_TRUE(ice40.estimated);
    EXPECT_TRUE(ice40.ok);
    EXPECT_EQ(ice40.module, "hand_lif");
    EXPECT_EQ(ice40.flipFlops, 17);
    EXPECT_EQ(ice40.dsp, 0);    // synth_ice40 keeps multipliers in LUTs
    EXPECT_GT(ice40.luts, 145); // at least a LUT per partial-product bit
    EXPECT_GT(ice40.carries, 0);
    EXPECT_EQ(ice40.capacity.device, "iCE40UP5K");

    const SynthesisReport ecp5 = estimate(p, SynthesisTarget::Ecp5);
    EXPECT_EQ(ecp5.dsp, 2); // 26 x 8 bits: two 18 x 18 blocks
    EXPECT_LT(ecp5.luts, ice40.luts);
    const SynthesisReport xilinx = estimate(p, SynthesisTarget::Xilinx7);
    EXPECT_EQ(xilinx.dsp, 2); // 27 x 9 signed bits: a 17-bit slice and a 10-bit one
    const SynthesisReport generic = estimate(p, SynthesisTarget::Generic);
    EXPECT_GT(generic.luts, ice40.luts); // gates, not LUTs
    EXPECT_EQ(generic.dsp, 0);
}

TEST(SynthEstimateTest, CostsAreLinearInTheInventory) {
    HardwareInventory inv;
    inv.adderBits = 10;
    inv.muxBits = 4;
    inv.registerBits = 7;
    CostModel c;
    c.lutsPerAdderBit = 1.5, c.carriesPerAdderBit = 1;
    c.lutsPerMuxBit = 0.5;
    const SynthesisReport r = estimate(inv, c, SynthesisTarget::Ice40);
    EXPECT_EQ(r.luts, 17); // 15 + 2
    EXPECT_EQ(r.carries, 10);
    EXPECT_EQ(r.flipFlops, 7);

    MultiplierShape m;
    m.aBits = 32, m.bBits = 32, m.productBits = 67, m.partialProductBits = 100;
    inv.multipliers = {m};
    c.lutsPerPartialProductBit = 1;
    const SynthesisReport fabric = estimate(inv, c, SynthesisTarget::Ice40);
    EXPECT_EQ(fabric.dsp, 0);
    EXPECT_EQ(fabric.luts, 117);
}

TEST(SynthEstimateTest, DspBlocksFollowYosysMul2dspTiling) {
    // Shapes the emitter printed; the counts are what Yosys 0.23 made of them (lif, adex, fitzhugh_nagumo).
    const auto shape = [](int a, int b, int n) {
        MultiplierShape m;
        m.aBits = a, m.bBits = b, m.productBits = n;
        return m;
    };
    const CostModel& ecp5 = costModel(SynthesisTarget::Ecp5);
    const CostModel& xilinx = costModel(SynthesisTarget::Xilinx7);
    EXPECT_EQ(dspBlocks(shape(36, 16, 36), ecp5), 2); // Q8.8 times a 16-bit constant
    EXPECT_EQ(dspBlocks(shape(35, 35, 35), ecp5), 3); // Q8.8 times a variable: the top tile feeds nothing
    EXPECT_EQ(dspBlocks(shape(36, 16, 36), xilinx), 2);
    EXPECT_EQ(dspBlocks(shape(35, 35, 35), xilinx), 5); // signed-only blocks: 17-bit slices
    EXPECT_EQ(dspBlocks(shape(27, 3, 27), xilinx), 2);
    EXPECT_EQ(dspBlocks(shape(36, 1, 36), ecp5), 0); // a one-bit operand stays in fabric
    EXPECT_EQ(dspBlocks(shape(36, 16, 36), costModel(SynthesisTarget::Ice40)), 0);

    fixed::FixedModelProgram p = handLif();
    p.code[2].imm = 256; // times 1.0: a shift, no multiplier at all
    EXPECT_TRUE(countHardware(p).multipliers.empty());
}

TEST(SynthEstimateTest, DeadCodeAndWidthMoveTheEstimateAsSynthesisWould) {
    fixed::FixedModelProgram p = handLif();
    const SynthesisReport before = estimate(p, SynthesisTarget::Ice40);
    p.code.push_back(instr(FixedOp::Add, 0, 1)); // read by nothing
    const SynthesisReport after = estimate(p, SynthesisTarget::Ice40);
    EXPECT_EQ(after.luts, before.luts);

    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* lif = catalogue.find("lif");
    ASSERT_NE(lif, nullptr);
    fixed::FixedCompileOptions narrow, wide;
    narrow.contract.format = fixed::QFormat::parse("Q8.8");
    wide.contract.format = fixed::QFormat::parse("Q16.16");
    const NeuronModel model = NeuronModel::compile(lif->spec);
    const SynthesisReport q88 = estimate(fixed::compileFixed(model, narrow), SynthesisTarget::Ice40);
    const SynthesisReport q1616 = estimate(fixed::compileFixed(model, wide), SynthesisTarget::Ice40);
    EXPECT_GT(q1616.luts, q88.luts * 2); // multipliers grow with the square of the width
    EXPECT_GT(q1616.flipFlops, q88.flipFlops);
}
