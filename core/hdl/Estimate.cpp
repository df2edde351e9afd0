// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the estimate's arithmetic and its calibrated costs.
//
// Calibration: tests/bench/synth_calibration.cpp compiles catalogue models, emits their
// SystemVerilog, synthesises them on each target and prints the estimate's error next to Yosys'
// counts. The costs below were fitted to 88 such runs (Yosys 0.23; 16 models in Q8.8, 7 in Q16.16;
// the emitter of 2026-11-23 19:16); docs/synthesis.md has the error table. Re-run it when the
// emitter changes how it prints arithmetic.
#include "hdl/Estimate.h"

#include "util/Sha256.h"

#include <algorithm>
#include <cmath>

namespace scs::hdl {
namespace {

// Counts the DSP blocks mul2dsp makes of an unsigned a x b multiplication whose product starts
// at bit `offset` of one cut at n bits. A tile whose lowest product bit is n or above feeds
// nothing and is removed by opt_clean; one with an operand under the minimum stays in fabric.
int dspTiles(int a, int b, int offset, int n, bool top, const CostModel& c) {
    if (offset >= n || a < c.dspMinWidth || b < c.dspMinWidth) return 0;
    if (top && a < b) std::swap(a, b); // only for $mul cells, not the $__mul slices
    const int headroom = c.dspSignedOnly ? 1 : 0;
    if (a > c.dspWidthA) {
        const int step = c.dspPartialA - headroom;
        const int slices = (a - c.dspWidthA + step - 1) / step;
        int count = dspTiles(a - slices * step, b, offset + slices * step, n, false, c);
        for (int i = 0; i < slices; ++i) count += dspTiles(c.dspPartialA, b, offset + i * step, n, false, c);
        return count;
    }
    if (b > c.dspWidthB) {
        const int step = c.dspPartialB - headroom;
        const int slices = (b - c.dspWidthB + step - 1) / step;
        int count = dspTiles(a, b - slices * step, offset + slices * step, n, false, c);
        for (int j = 0; j < slices; ++j) count += dspTiles(a, c.dspPartialB, offset + j * step, n, false, c);
        return count;
    }
    return 1;
}

} // namespace

int dspBlocks(const MultiplierShape& m, const CostModel& c) {
    if (c.dspMinWidth <= 0 || m.productBits < c.dspMinProductWidth) return 0;
    if (std::min(m.aBits, m.bBits) < c.dspMinWidth) return 0;
    const int extra = c.dspSignedOnly ? 1 : 0;
    return dspTiles(m.aBits + extra, m.bBits + extra, 0, m.productBits, true, c);
}

const CostModel& costModel(SynthesisTarget target) {
    // Adders, comparators, equality tests and multiplexers were measured on their own (eight
    // 16-bit copies written as the emitter writes them); the rest was fitted to the catalogue
    // runs (non-negative least squares on the relative error). A cost of 0 means synthesis folds
    // that piece into its neighbours on that target (ECP5 and Xilinx fold the saturation detector
    // into the LUTs around it).
    static const CostModel ice40 = [] {
        CostModel c;
        c.lutsPerAdderBit = 0.9, c.carriesPerAdderBit = 0.85; // SB_LUT4 + SB_CARRY per bit
        c.lutsPerComparatorBit = 1.05, c.carriesPerComparatorBit = 1.0;
        c.lutsPerEqualityBit = 0.75;
        c.lutsPerMuxBit = 1.0;
        c.lutsPerDetectBit = 0.35;
        // Multipliers become carry-save adders of LUTs (Yosys' maccmap) and one carry chain.
        c.lutsPerPartialProductBit = 1.21, c.carriesPerPartialProductBit = 0.07;
        c.lutsPerDividerCell = 2.6, c.carriesPerDividerCell = 3.0; // 2n-bit subtractions per stage
        c.lutsPerTableBit = 0.012;
        c.lutsPerFlagGate = 0.5;
        return c;
    }();
    static const CostModel ecp5 = [] {
        CostModel c;
        c.lutsPerAdderBit = 0.0, c.carriesPerAdderBit = 0.45; // CCU2C: two bits, LUTs inside
        c.lutsPerComparatorBit = 0.125, c.carriesPerComparatorBit = 0.5;
        c.lutsPerEqualityBit = 0.8;
        c.lutsPerMuxBit = 0.54;
        c.lutsPerDetectBit = 0.0;
        c.lutsPerPartialProductBit = 1.0, c.carriesPerPartialProductBit = 0.5;
        // abc maps to LUT4..LUT7 (PFUMX, L6MUX21) on ECP5: wide logic such as a divider costs
        // several LUT4s per cell.
        c.lutsPerDividerCell = 13.0, c.carriesPerDividerCell = 2.6;
        c.lutsPerTableBit = 0.054;
        c.lutsPerFlagGate = 0.5;
        c.lutsPerDsp = 0.0;
        c.lutsPerDspSumBit = 0.29, c.carriesPerDspSumBit = 0.18;
        // synth_ecp5: mul2dsp -D DSP_A_MAXWIDTH=18 -D DSP_B_MAXWIDTH=18 -D DSP_A_MINWIDTH=2 -D DSP_B_MINWIDTH=2
        c.dspMinWidth = 2;
        c.dspWidthA = c.dspPartialA = 18;
        c.dspWidthB = c.dspPartialB = 18;
        return c;
    }();
    static const CostModel xilinx7 = [] {
        CostModel c;
        c.lutsPerAdderBit = 0.9, c.carriesPerAdderBit = 0.22; // a LUT per bit, a CARRY4 per four
        c.lutsPerComparatorBit = 0.75, c.carriesPerComparatorBit = 0.125;
        c.lutsPerEqualityBit = 0.6;
        c.lutsPerMuxBit = 0.15;
        c.lutsPerDetectBit = 0.0;
        c.lutsPerPartialProductBit = 1.0, c.carriesPerPartialProductBit = 0.25;
        c.lutsPerDividerCell = 7.4, c.carriesPerDividerCell = 1.3;
        c.lutsPerTableBit = 0.016; // 64 bits per LUT6, the select trees in MUXF7/MUXF8
        c.lutsPerFlagGate = 0.3;
        c.lutsPerDsp = 0.0;
        c.lutsPerDspSumBit = 0.24, c.carriesPerDspSumBit = 0.04;
        // synth_xilinx (xc7): mul2dsp -D DSP_A_MAXWIDTH=25 -D DSP_B_MAXWIDTH=18 -D DSP_A_MAXWIDTH_PARTIAL=18
        // -D DSP_A_MINWIDTH=2 -D DSP_B_MINWIDTH=2 -D DSP_Y_MINWIDTH=9 -D DSP_SIGNEDONLY=1
        c.dspMinWidth = 2;
        c.dspMinProductWidth = 9;
        c.dspWidthA = 25;
        c.dspPartialA = 18;
        c.dspWidthB = c.dspPartialB = 18;
        c.dspSignedOnly = true;
        return c;
    }();
    static const CostModel generic = [] {
        CostModel c; // gates: $_AND_, $_XOR_, $_MUX_, ...
        c.lutsPerAdderBit = 5.4;
        c.lutsPerComparatorBit = 4.6;
        c.lutsPerEqualityBit = 1.9;
        c.lutsPerMuxBit = 1.0;
        c.lutsPerDetectBit = 2.0;
        c.lutsPerPartialProductBit = 3.37;
        c.lutsPerDividerCell = 4.4;
        c.lutsPerTableBit = 0.012;
        c.lutsPerFlagGate = 1.0;
        return c;
    }();
    switch (target) {
    case SynthesisTarget::Ice40:
        return ice40;
    case SynthesisTarget::Ecp5:
        return ecp5;
    case SynthesisTarget::Xilinx7:
        return xilinx7;
    case SynthesisTarget::Generic:
        return generic;
    }
    return generic;
}

SynthesisReport estimate(const HardwareInventory& inv, const CostModel& c, SynthesisTarget target) {
    double luts = 0, carries = 0;
    int dsp = 0;
    luts += c.lutsPerAdderBit * static_cast<double>(inv.adderBits);
    carries += c.carriesPerAdderBit * static_cast<double>(inv.adderBits);
    luts += c.lutsPerComparatorBit * static_cast<double>(inv.comparatorBits);
    carries += c.carriesPerComparatorBit * static_cast<double>(inv.comparatorBits);
    luts += c.lutsPerEqualityBit * static_cast<double>(inv.equalityBits);
    luts += c.lutsPerMuxBit * static_cast<double>(inv.muxBits);
    luts += c.lutsPerDetectBit * static_cast<double>(inv.saturationDetectBits);
    for (const auto& m : inv.multipliers) {
        const int blocks = dspBlocks(m, c);
        if (blocks > 0) {
            dsp += blocks;
            // mul2dsp adds each further tile's product into the running sum: an adder of the
            // product's width per tile after the first.
            const double sumBits = static_cast<double>(blocks - 1) * m.productBits;
            luts += c.lutsPerDsp * blocks + c.lutsPerDspSumBit * sumBits;
            carries += c.carriesPerDspSumBit * sumBits;
        } else {
            luts += c.lutsPerPartialProductBit * static_cast<double>(m.partialProductBits);
            carries += c.carriesPerPartialProductBit * static_cast<double>(m.partialProductBits);
        }
    }
    for (int n : inv.dividers) {
        const double cells = static_cast<double>(n) * n;
        luts += c.lutsPerDividerCell * cells;
        carries += c.carriesPerDividerCell * cells;
    }
    luts += c.lutsPerTableBit * static_cast<double>(inv.tableBits);
    luts += c.lutsPerFlagGate * inv.flagGates;
    luts += c.lutsPerRegisterBit * inv.registerBits;

    SynthesisReport r;
    r.target = target;
    r.estimated = true;
    r.ok = true;
    r.luts = static_cast<int>(std::lround(luts));
    r.carries = static_cast<int>(std::lround(carries));
    r.flipFlops = inv.registerBits;
    r.dsp = dsp;
    r.cells = r.luts + r.carries + r.flipFlops + r.dsp;
    r.capacity = deviceCapacity(target);
    r.utcTime = isoTimeUtcNow();
    return r;
}

SynthesisReport estimate(const fixed::FixedModelProgram& program, SynthesisTarget target, int pipelineStages) {
    SynthesisReport r = estimate(countHardware(program, pipelineStages), costModel(target), target);
    r.module = program.name;
    return r;
}

} // namespace scs::hdl
