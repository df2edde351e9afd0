// SPDX-License-Identifier: MIT
#include "hdl/SynthesisReport.h"

#include <stdexcept>

namespace scs::hdl {

const std::vector<SynthesisTarget>& synthesisTargets() {
    static const std::vector<SynthesisTarget> all = {SynthesisTarget::Ice40, SynthesisTarget::Ecp5,
                                                     SynthesisTarget::Xilinx7, SynthesisTarget::Generic};
    return all;
}

const char* name(SynthesisTarget target) {
    switch (target) {
    case SynthesisTarget::Ice40:
        return "ice40";
    case SynthesisTarget::Ecp5:
        return "ecp5";
    case SynthesisTarget::Xilinx7:
        return "xilinx7";
    case SynthesisTarget::Generic:
        return "generic";
    }
    return "generic";
}

SynthesisTarget parseSynthesisTarget(const std::string& text) {
    for (SynthesisTarget t : synthesisTargets())
        if (text == name(t)) return t;
    throw std::invalid_argument("unknown synthesis target '" + text + "' (ice40, ecp5, xilinx7, generic)");
}

DeviceCapacity deviceCapacity(SynthesisTarget target) {
    switch (target) {
    case SynthesisTarget::Ice40:
        // Lattice, iCE40 UltraPlus Family Data Sheet (FPGA-DS-02008), Table 1.1: 5280 LUT4s, each
        // logic cell with one flip-flop; 30 sysMEM EBR blocks of 4 kbit; 8 sysDSP (SB_MAC16) blocks.
        return {"iCE40UP5K", 5280, 5280, 30, 8};
    case SynthesisTarget::Ecp5:
        // Lattice, ECP5 and ECP5-5G Family Data Sheet (FPGA-DS-02012), Table 1.1, LFE5U-25: 24K
        // LUTs (24,288), one register per LUT; 56 sysMEM EBR blocks of 18 kbit; 28 18x18 multipliers.
        return {"LFE5U-25F", 24288, 24288, 56, 28};
    case SynthesisTarget::Xilinx7:
        // AMD/Xilinx, 7 Series FPGAs Data Sheet: Overview (DS180), Table 3, XC7A35T: 5,200 slices of
        // four 6-input LUTs (20,800) and eight flip-flops (41,600); 50 36-kbit block RAMs; 90 DSP48E1.
        return {"XC7A35T", 20800, 41600, 50, 90};
    case SynthesisTarget::Generic:
        return {};
    }
    return {};
}

double SynthesisReport::lutUtilisation() const {
    return capacity.luts > 0 ? static_cast<double>(luts) / capacity.luts : 0.0;
}

double SynthesisReport::flipFlopUtilisation() const {
    return capacity.flipFlops > 0 ? static_cast<double>(flipFlops) / capacity.flipFlops : 0.0;
}

} // namespace scs::hdl
