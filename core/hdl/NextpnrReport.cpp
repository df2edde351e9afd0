// SPDX-License-Identifier: MIT
#include "hdl/NextpnrReport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace scs::hdl {
namespace {

// The bel type that holds a LUT + flip-flop pair on each architecture nextpnr reports.
constexpr const char* kLogicCellTypes[] = {"ICESTORM_LC", "TRELLIS_COMB"};

std::optional<double> slowest(const std::map<std::string, double>& byClock) {
    if (byClock.empty()) return std::nullopt;
    double worst = byClock.begin()->second;
    for (const auto& [clock, mhz] : byClock) worst = std::min(worst, mhz);
    return worst;
}

} // namespace

std::optional<double> PlaceAndRouteResult::utilisation() const {
    if (logicCellsAvailable <= 0) return std::nullopt;
    return static_cast<double>(logicCellsUsed) / logicCellsAvailable;
}

PlaceAndRouteResult parseNextpnrReport(const std::string& reportJson) {
    PlaceAndRouteResult r;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(reportJson);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("nextpnr report: ") + e.what());
    }
    std::map<std::string, double> byClock;
    if (const auto fmax = j.find("fmax"); fmax != j.end() && fmax->is_object())
        for (const auto& [clock, entry] : fmax->items())
            if (entry.is_object() && entry.contains("achieved")) byClock[clock] = entry["achieved"].get<double>();
    r.fmaxMHz = slowest(byClock);
    if (const auto use = j.find("utilization"); use != j.end() && use->is_object()) {
        for (const char* type : kLogicCellTypes) {
            if (!use->contains(type)) continue;
            const auto& e = (*use)[type];
            r.logicCellsUsed = e.value("used", 0);
            r.logicCellsAvailable = e.value("available", 0);
            break;
        }
    }
    return r;
}

PlaceAndRouteResult parseNextpnrLog(const std::string& log) {
    PlaceAndRouteResult r;
    static const std::regex fmaxLine(R"(Max frequency for clock\s+'([^']*)':\s*([0-9.]+)\s*MHz)");
    static const std::regex cellLine(R"((ICESTORM_LC|TRELLIS_COMB):\s*([0-9]+)\s*/\s*([0-9]+))");
    std::map<std::string, double> byClock;
    std::istringstream lines(log);
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
        if (std::regex_search(line, m, fmaxLine)) {
            byClock[m[1]] = std::stod(m[2]); // later lines (after routing) replace earlier ones
        } else if (std::regex_search(line, m, cellLine)) {
            r.logicCellsUsed = std::stoi(m[2]);
            r.logicCellsAvailable = std::stoi(m[3]);
        }
    }
    r.fmaxMHz = slowest(byClock);
    return r;
}

} // namespace scs::hdl
