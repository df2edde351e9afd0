// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the arithmetic a fixed-point program becomes in RTL, counted by kind and
// width: the input of the pre-synthesis estimate (Estimate.h).
#pragma once

#include "fixed/FixedProgram.h"

#include <vector>

namespace scs::hdl {

/// One multiplication as the emitter prints it (SvDatapath): operands extended to the product's
/// width, which Yosys sees as they are written. A signed value's sign extension is a copy of its
/// top bit and stays; a zero extension and a non-negative constant's leading zeros are trimmed.
struct MultiplierShape {
    int aBits = 0;         // the variable operand's width as synthesis sees it
    int bBits = 0;         // the other operand's (a constant: its bits, the product's when negative)
    int productBits = 0;   // the width the RTL computes the exact product in
    bool constant = false; // one operand is a constant (MulConst, or Mul of a Const)
    /// The adder bits of its shift-and-add form in fabric: for each set bit k of the b operand a
    /// copy of a shifted by k, cut at the product's width: sum of min(aBits, productBits - k).
    long partialProductBits = 0;
};

/// Everything counted from the instructions that reach a register or an output (dead code is
/// left out, as synthesis removes it). Widths are the RTL's.
struct HardwareInventory {
    int width = 16;           // W
    int liveInstructions = 0; // instructions that reach the state update, spike or refractoriness
    // Adders and subtractors: Add, Sub, Neg, Abs, Ceil (W + 2 bits), rounding increments,
    // interpolation and the refractory counter's decrement.
    int adders = 0;
    long adderBits = 0;
    std::vector<MultiplierShape> multipliers;
    std::vector<int> dividers; // the numerator width n of each n-by-n divider ((a << F) / b)
    int comparators = 0;       // <, <=, >, >= of numbers, Min, Max and table-index clamps
    long comparatorBits = 0;
    int equalities = 0; // ==, != of numbers, zero tests (division by zero, counter)
    long equalityBits = 0;
    long muxBits = 0;              // 2:1 multiplexer bits: Select, Min/Max, Abs, reset and saturation
    int saturations = 0;           // overflow detectors (Saturate and Trap; Wrap has none)
    long saturationDetectBits = 0; // bits each detector compares, summed
    int tables = 0;                // lookup tables read (twice when they interpolate)
    long tableBits = 0;            // entries x W, summed over reads: each read selects from all of them
    int flagGates = 0;             // and, or, not, flag selects and the spike gate
    int registerBits = 0;          // states x W, refractory counter, LFSR, spike, trap, pipeline
    int stateBits = 0;             // states x W alone
    int pipelineBits = 0;          // pipeline registers and the phase counter alone
};

/// Counts `program` as SvDatapath prints it with `pipelineStages` (SvOptions). Precondition: a
/// program checkProgram accepts (throws std::runtime_error otherwise).
HardwareInventory countHardware(const fixed::FixedModelProgram& program, int pipelineStages = 0);

} // namespace scs::hdl
