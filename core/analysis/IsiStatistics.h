// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — inter-spike-interval statistics of one spike train, with burst detection.
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

namespace scs {

/// How bursts are told apart from ordinary firing. A train has bursts when its sorted ISIs split
/// into a short and a long group with min(long) / max(short) >= gapRatio and each group no more
/// variable than maxGroupCv (a Poisson train's long group has CV near 1 and fails that test).
struct BurstCriteria {
    double gapRatio = 3.0;
    double maxGroupCv = 0.6;
};

/// Every time in seconds, rates in hertz. Metrics that need more ISIs than the train has are NaN
/// (JSON null): mean/std/CV/min/max need 1 ISI, LV needs 2, residualCv 3.
struct IsiStatistics {
    std::size_t spikeCount = 0;
    double duration = 0;          // of the observation window the rate refers to
    double rate = 0;              // spikeCount / duration
    std::vector<double> isis;     // in firing order
    double meanIsi = 0, stdIsi = 0, cv = 0, minIsi = 0, maxIsi = 0, firstIsi = 0, lastIsi = 0;
    double meanIsiRate = 0;       // 1 / meanIsi: the rate while firing, whatever the silent parts
    /// (late - early) / (late + early), early/late = mean of the first/last max(1, n/5) ISIs:
    /// 0 for regular firing, > 0 when ISIs lengthen (adaptation), < 0 when they shorten.
    double adaptationIndex = 0;
    /// Shinomoto's local variation 3/(n-1) sum ((I_k - I_k+1)/(I_k + I_k+1))^2: 0 regular,
    /// 1 Poisson, insensitive to slow rate changes (so adaptation does not look irregular).
    double localVariation = 0;
    /// CV of the ISIs around their least-squares linear trend (over ISI index): irregularity that a
    /// steady lengthening of the ISIs (adaptation) does not inflate, unlike the plain CV, and that
    /// slow, correlated noise does not hide, unlike LV. Needs 3 ISIs.
    double residualCv = 0;
    // Bursts: maximal runs of ISIs shorter than burstIsiThreshold (0 when the ISIs are not bimodal).
    double burstIsiThreshold = 0;
    double bimodalityRatio = 0;   // min(long group) / max(short group) at the best split; 0 if none
    std::size_t burstCount = 0;
    double meanSpikesPerBurst = 0;
    std::size_t maxSpikesPerBurst = 0;
    double fractionInBursts = 0;  // of all spikes
};

/// Statistics of `spikeTimes` (seconds, ascending) observed for `duration` seconds.
IsiStatistics computeIsiStatistics(const std::vector<double>& spikeTimes, double duration,
                                   const BurstCriteria& bursts = {});

nlohmann::json toJson(const IsiStatistics& s);

} // namespace scs
