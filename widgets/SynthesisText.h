// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — how synthesis numbers are written in the studio (times, durations, fmax).
#pragma once

#include <QString>

#include <optional>
#include <string>

namespace scs::ui {

/// "2025-01-31T12:00:00Z" as local time, "2025-01-31 13:00:00"; text that is not an ISO time
/// comes back unchanged, "" as "—".
QString synthesisTimeText(const std::string& utcTime);
/// "0.4 s", "12.3 s", "2 min 05 s".
QString durationText(double seconds);
/// "48.2 MHz", or "—" when nextpnr gave none.
QString fmaxText(const std::optional<double>& mhz);
/// "+12.5 %": how far `estimate` is from `actual`, relative to `actual`; "n/a" when actual is 0
/// and the estimate is not.
QString estimateErrorText(int estimate, int actual);

} // namespace scs::ui
