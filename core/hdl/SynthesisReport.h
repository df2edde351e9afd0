// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what synthesis (or the pre-synthesis estimate) says a module costs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scs::hdl {

/// A synthesis target: a Yosys flow and, for iCE40, a place-and-route step for timing.
enum class SynthesisTarget { Ice40, Ecp5, Xilinx7, Generic };

const std::vector<SynthesisTarget>& synthesisTargets();        // in the order shown to users
const char* name(SynthesisTarget target);                      // "ice40", "ecp5", "xilinx7", "generic"
SynthesisTarget parseSynthesisTarget(const std::string& text); // throws std::invalid_argument

/// The capacity of the device a target's utilisation is measured against.
struct DeviceCapacity {
    std::string device; // "iCE40UP5K", "LFE5U-25F", "XC7A35T", "" for generic gates
    int luts = 0;
    int flipFlops = 0;
    int bram = 0;
    int dsp = 0;
};

/// The device each target is measured against (sources in SynthesisReport.cpp); generic: all 0.
DeviceCapacity deviceCapacity(SynthesisTarget target);

struct ToolVersion {
    std::string tool;    // "yosys"
    std::string version; // first line of `--version`, "" when missing
    bool available = false;
};

/// One synthesis run of one module for one target (or an estimate: `estimated`).
struct SynthesisReport {
    SynthesisTarget target = SynthesisTarget::Generic;
    std::string module;
    bool estimated = false; // the pre-synthesis estimate, no tools run
    bool ok = false;
    std::string error; // one line, when !ok ("yosys: ERROR: ...", "yosys is not installed")
    int luts = 0;      // LUTs (generic: logic gates, $_AND_, $_MUX_, ...); carries not included
    int flipFlops = 0;
    int carries = 0; // carry cells: SB_CARRY, CCU2C (two bits each), CARRY4 (four bits each)
    int bram = 0;
    int dsp = 0;
    int cells = 0;
    std::map<std::string, int> cellsByType;
    DeviceCapacity capacity;
    std::optional<double> fmaxMHz;           // from nextpnr (iCE40)
    std::optional<double> placedUtilisation; // nextpnr's logic-cell utilisation, 0..1
    std::vector<ToolVersion> tools;
    std::vector<std::string> notes; // what the reader should know ("placed through a serial I/O wrapper")
    std::string log;                // the tools' combined output
    std::string utcTime;            // when it ran
    double seconds = 0;             // how long it took

    /// luts / capacity.luts etc.; 0 when the capacity is unknown.
    double lutUtilisation() const;
    double flipFlopUtilisation() const;
};

} // namespace scs::hdl
