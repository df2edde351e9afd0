// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the instant pre-synthesis estimate: what a fixed-point program will cost on
// each target, from its hardware inventory and per-target costs calibrated against Yosys.
#pragma once

#include "hdl/HardwareInventory.h"
#include "hdl/SynthesisReport.h"

namespace scs::hdl {

/// What each counted piece of hardware costs on one target, in the units SynthesisReport counts
/// (generic: gates). Calibrated against Yosys 0.23 on the model catalogue (Estimate.cpp says how).
struct CostModel {
    double lutsPerAdderBit = 0, carriesPerAdderBit = 0;
    double lutsPerComparatorBit = 0, carriesPerComparatorBit = 0;
    double lutsPerEqualityBit = 0;
    double lutsPerMuxBit = 0;
    double lutsPerDetectBit = 0;                                          // overflow detectors
    double lutsPerPartialProductBit = 0, carriesPerPartialProductBit = 0; // multipliers in fabric
    double lutsPerDividerCell = 0, carriesPerDividerCell = 0;             // n x n cells per divider
    double lutsPerTableBit = 0;                                           // ROM bits (entries x W) built from LUTs
    double lutsPerFlagGate = 0;
    double lutsPerRegisterBit = 0;                        // enable/reset logic the flip-flops cannot absorb
    double lutsPerDsp = 0;                                // glue around each DSP block
    double lutsPerDspSumBit = 0, carriesPerDspSumBit = 0; // adders summing a multiplier's tiles
    /// Multipliers go to DSP blocks as Yosys' mul2dsp splits them (techmap/mul2dsp.v): a
    /// block takes dspWidthA x dspWidthB bits; a wider operand is cut into slices of the partial
    /// widths (less one bit for the sign when the block is signed only, which also widens
    /// unsigned operands by one). Operands under dspMinWidth bits or products under
    /// dspMinProductWidth stay in fabric. dspMinWidth 0: never (synth_ice40 without -dsp).
    int dspMinWidth = 0, dspMinProductWidth = 0;
    int dspWidthA = 0, dspWidthB = 0, dspPartialA = 0, dspPartialB = 0;
    bool dspSignedOnly = false;
};

/// The DSP blocks `m` takes under `model` (0: it stays in fabric). The RTL's products are
/// unsigned (operands are concatenations), so a signed-only block sees each operand a bit wider.
int dspBlocks(const MultiplierShape& m, const CostModel& model);

/// The calibrated costs of `target`.
const CostModel& costModel(SynthesisTarget target);

/// The estimate of `inventory` under `model`: luts, flipFlops, carries, dsp and cells filled;
/// estimated = true and ok = true; no tools run.
SynthesisReport estimate(const HardwareInventory& inventory, const CostModel& model, SynthesisTarget target);

/// countHardware(program, pipelineStages) estimated for `target`. `module` is program.name. Takes
/// well under a millisecond for any catalogue model: call it on every edit. Throws what
/// countHardware throws.
SynthesisReport estimate(const fixed::FixedModelProgram& program, SynthesisTarget target, int pipelineStages = 0);

} // namespace scs::hdl
