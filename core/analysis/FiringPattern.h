// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — naming a spike train's firing pattern (tonic, adapting, bursting, ...).
#pragma once

#include "analysis/IsiStatistics.h"

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// Persisted names (lower_snake_case, frozen): "silent", "tonic", "adapting", "bursting",
/// "irregular", "fast_spiking" — the same words as the catalogue's "expected_pattern".
enum class FiringPattern { Silent, Tonic, Adapting, Bursting, Irregular, FastSpiking };

const char* toString(FiringPattern p);
std::optional<FiringPattern> firingPatternFromString(const std::string& name);

/// The rules, applied in this order; the first that holds names the pattern:
///   1. silent:       fewer than minSpikes spikes
///   2. bursting:     the ISIs are bimodal (see BurstCriteria) and there are >= minBursts bursts,
///                    or one burst of >= loneBurstSpikes spikes (an initial burst, then tonic firing)
///   3. irregular:    local variation LV > irregularLv (Poisson: LV = 1, clock: 0), or the ISIs'
///                    CV around their linear trend > irregularResidualCv (slow noise, which LV misses)
///   4. adapting:     adaptation index > adaptingIndex (late ISIs longer than early ones)
///   5. fast_spiking: rate while firing (1 / mean ISI) >= fastSpikingRate, adaptation being low
///   6. tonic:        anything else (regular, sustained firing)
struct FiringPatternThresholds {
    std::size_t minSpikes = 2;
    BurstCriteria bursts;
    std::size_t minBursts = 2;
    std::size_t loneBurstSpikes = 3;
    double irregularLv = 0.5;
    double irregularResidualCv = 0.5;
    double adaptingIndex = 0.15; // late mean ISI >= ~1.35 x early mean ISI
    double fastSpikingRate = 100; // Hz
};

struct FiringPatternResult {
    FiringPattern pattern = FiringPattern::Silent;
    std::string reason; // which rule held, with the measured value ("LV 0.93 > 0.5")
    IsiStatistics stats;
};

/// Classifies the spikes (seconds, ascending) of a run lasting `duration` seconds.
FiringPatternResult classifyFiringPattern(const std::vector<double>& spikeTimes, double duration,
                                          const FiringPatternThresholds& thresholds = {});

nlohmann::json toJson(const FiringPatternResult& r);

} // namespace scs
