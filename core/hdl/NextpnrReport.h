// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — what nextpnr says after place and route: the maximum clock frequency and
// how much of the device the design occupies.
#pragma once

#include <optional>
#include <string>

namespace scs::hdl {

struct PlaceAndRouteResult {
    std::optional<double> fmaxMHz; // the slowest clock's achieved frequency, after routing
    int logicCellsUsed = 0;        // ICESTORM_LC (iCE40) or TRELLIS_COMB (ECP5)
    int logicCellsAvailable = 0;
    std::optional<double> utilisation() const; // used / available, nullopt when unknown
};

/// From the JSON nextpnr writes with `--report FILE` ("fmax": {clock: {"achieved": MHz}},
/// "utilization": {bel type: {"used", "available"}}). Throws std::runtime_error on malformed JSON.
PlaceAndRouteResult parseNextpnrReport(const std::string& reportJson);

/// The same from nextpnr's log, for runs without a report file: the last "Max frequency for clock
/// 'x': F MHz" of each clock (the post-routing figure; earlier ones are estimates after placement)
/// and the "ICESTORM_LC: used/ available" line of the utilisation table.
PlaceAndRouteResult parseNextpnrLog(const std::string& log);

} // namespace scs::hdl
