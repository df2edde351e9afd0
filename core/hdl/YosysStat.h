// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — reading Yosys' `stat -json` output: cells by type, and which of them are
// LUTs, flip-flops, carries, block RAMs and DSPs on each target.
#pragma once

#include "hdl/SynthesisReport.h"

#include <map>
#include <string>

namespace scs::hdl {

/// The resource counts of a cell histogram.
struct CellTally {
    int luts = 0;
    int flipFlops = 0;
    int carries = 0;
    int bram = 0;
    int dsp = 0;
};

/// Which cells count as what on `target` (iCE40: SB_LUT4, SB_DFF*, SB_CARRY, SB_RAM40_4K, SB_MAC16;
/// ECP5: LUT4, TRELLIS_FF, CCU2C, DP16KD/PDPW16KD, MULT18X18D; Xilinx 7: LUT1..LUT6/LUT6_2 and SRLs,
/// FD[RSCP]E, CARRY4, RAMB36E1 + RAMB18E1/2, DSP48E1; generic: every $_ gate that is not a
/// flip-flop or latch counts as a "LUT", $_*DFF* as flip-flops). Other cells (I/O buffers, muxes
/// such as PFUMX) only appear in the histogram.
CellTally tallyCells(const std::map<std::string, int>& cellsByType, SynthesisTarget target);

/// Fills report.cells, report.cellsByType and the tally from the text of `stat -json`. The
/// whole design's totals are used (the "design" entry, which includes submodules); without one,
/// `topModule`'s entry, else the sum of all modules. Throws std::runtime_error on text that is
/// not such a report.
void applyYosysStat(const std::string& statJson, const std::string& topModule, SynthesisReport& report);

} // namespace scs::hdl
