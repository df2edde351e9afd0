// SPDX-License-Identifier: MIT
#include "hdl/YosysStat.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace scs::hdl {
namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool isGenericFlipFlop(const std::string& type) {
    return startsWith(type, "$_") && (type.find("DFF") != std::string::npos || startsWith(type, "$_FF_"));
}

bool isGenericLatch(const std::string& type) { return startsWith(type, "$_DLATCH") || startsWith(type, "$_SR_"); }

void tallyOne(const std::string& type, int n, SynthesisTarget target, CellTally& t, int& ramb18) {
    switch (target) {
    case SynthesisTarget::Ice40:
        if (type == "SB_LUT4")
            t.luts += n;
        else if (startsWith(type, "SB_DFF"))
            t.flipFlops += n;
        else if (type == "SB_CARRY")
            t.carries += n;
        else if (type == "SB_RAM40_4K")
            t.bram += n;
        else if (type == "SB_MAC16")
            t.dsp += n;
        break;
    case SynthesisTarget::Ecp5:
        if (type == "LUT4")
            t.luts += n;
        else if (type == "TRELLIS_FF")
            t.flipFlops += n;
        else if (type == "CCU2C")
            t.carries += n;
        else if (type == "DP16KD" || type == "PDPW16KD")
            t.bram += n;
        else if (type == "MULT18X18D")
            t.dsp += n;
        break;
    case SynthesisTarget::Xilinx7:
        // Shift registers (SRL16E, SRLC32E) occupy one LUT each, so they count against the LUTs.
        if ((startsWith(type, "LUT") && type.size() >= 4) || startsWith(type, "SRL"))
            t.luts += n;
        else if (type == "FDRE" || type == "FDSE" || type == "FDCE" || type == "FDPE")
            t.flipFlops += n;
        else if (type == "CARRY4")
            t.carries += n;
        else if (type == "RAMB36E1")
            t.bram += n;
        else if (type == "RAMB18E1")
            ramb18 += n; // two fit in one RAMB36 site
        else if (type == "DSP48E1")
            t.dsp += n;
        break;
    case SynthesisTarget::Generic:
        if (isGenericFlipFlop(type))
            t.flipFlops += n;
        else if (startsWith(type, "$_") && !isGenericLatch(type))
            t.luts += n;
        break;
    }
}

} // namespace

CellTally tallyCells(const std::map<std::string, int>& cellsByType, SynthesisTarget target) {
    CellTally t;
    int ramb18 = 0;
    for (const auto& [type, n] : cellsByType) tallyOne(type, n, target, t, ramb18);
    t.bram += (ramb18 + 1) / 2;
    return t;
}

void applyYosysStat(const std::string& statJson, const std::string& topModule, SynthesisReport& report) {
    // The file holds just the JSON, but a log prefix (when the stat text comes from a log) is skipped.
    const auto brace = statJson.find('{');
    if (brace == std::string::npos) throw std::runtime_error("yosys statistics: no JSON found");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(statJson.begin() + static_cast<std::ptrdiff_t>(brace), statJson.end());
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("yosys statistics: ") + e.what());
    }

    std::map<std::string, int> cells;
    int total = 0;
    auto add = [&](const nlohmann::json& entry) {
        total += entry.value("num_cells", 0);
        if (const auto by = entry.find("num_cells_by_type"); by != entry.end() && by->is_object())
            for (const auto& [type, n] : by->items()) cells[type] += n.get<int>();
    };
    if (const auto design = j.find("design"); design != j.end() && design->is_object()) {
        add(*design);
    } else if (const auto modules = j.find("modules"); modules != j.end() && modules->is_object()) {
        // Yosys escapes public names with a backslash: "\\lif".
        const auto top = modules->find("\\" + topModule);
        if (top != modules->end())
            add(*top);
        else if (modules->contains(topModule))
            add((*modules)[topModule]);
        else
            for (const auto& [name, entry] : modules->items()) add(entry);
    } else {
        throw std::runtime_error("yosys statistics: neither \"design\" nor \"modules\" in the report");
    }

    const CellTally t = tallyCells(cells, report.target);
    report.cellsByType = std::move(cells);
    report.cells = total;
    report.luts = t.luts;
    report.flipFlops = t.flipFlops;
    report.carries = t.carries;
    report.bram = t.bram;
    report.dsp = t.dsp;
}

} // namespace scs::hdl
