// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — firing-pattern classification from ISI statistics.
#include "analysis/FiringPattern.h"

#include <cmath>
#include <cstdio>

namespace scs {
namespace {

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

} // namespace

const char* toString(FiringPattern p) {
    switch (p) {
    case FiringPattern::Silent: return "silent";
    case FiringPattern::Tonic: return "tonic";
    case FiringPattern::Adapting: return "adapting";
    case FiringPattern::Bursting: return "bursting";
    case FiringPattern::Irregular: return "irregular";
    case FiringPattern::FastSpiking: return "fast_spiking";
    }
    return "silent";
}

std::optional<FiringPattern> firingPatternFromString(const std::string& name) {
    for (auto p : {FiringPattern::Silent, FiringPattern::Tonic, FiringPattern::Adapting, FiringPattern::Bursting,
                   FiringPattern::Irregular, FiringPattern::FastSpiking})
        if (name == toString(p)) return p;
    return std::nullopt;
}

FiringPatternResult classifyFiringPattern(const std::vector<double>& spikeTimes, double duration,
                                          const FiringPatternThresholds& t) {
    FiringPatternResult r;
    r.stats = computeIsiStatistics(spikeTimes, duration, t.bursts);
    const IsiStatistics& s = r.stats;
    auto decide = [&](FiringPattern p, std::string why) {
        r.pattern = p;
        r.reason = std::move(why);
        return r;
    };
    if (s.spikeCount < t.minSpikes || s.spikeCount < 2)
        return decide(FiringPattern::Silent, std::to_string(s.spikeCount) + " spike(s) < " + std::to_string(t.minSpikes));
    if (s.burstCount >= std::max<std::size_t>(1, t.minBursts))
        return decide(FiringPattern::Bursting, std::to_string(s.burstCount) + " bursts, ISI groups " +
                                                   fmt(s.bimodalityRatio) + "x apart (>= " + fmt(t.bursts.gapRatio) + ")");
    if (s.burstCount == 1 && s.maxSpikesPerBurst >= t.loneBurstSpikes)
        return decide(FiringPattern::Bursting, "a burst of " + std::to_string(s.maxSpikesPerBurst) +
                                                   " spikes, ISI groups " + fmt(s.bimodalityRatio) + "x apart");
    if (!std::isnan(s.localVariation) && s.localVariation > t.irregularLv)
        return decide(FiringPattern::Irregular, "LV " + fmt(s.localVariation) + " > " + fmt(t.irregularLv));
    if (!std::isnan(s.residualCv) && s.residualCv > t.irregularResidualCv)
        return decide(FiringPattern::Irregular,
                      "detrended CV " + fmt(s.residualCv) + " > " + fmt(t.irregularResidualCv));
    if (s.adaptationIndex > t.adaptingIndex)
        return decide(FiringPattern::Adapting,
                      "adaptation index " + fmt(s.adaptationIndex) + " > " + fmt(t.adaptingIndex));
    if (s.meanIsiRate >= t.fastSpikingRate)
        return decide(FiringPattern::FastSpiking,
                      "rate while firing " + fmt(s.meanIsiRate) + " Hz >= " + fmt(t.fastSpikingRate) + " Hz");
    return decide(FiringPattern::Tonic, "regular firing at " + fmt(s.meanIsiRate) + " Hz");
}

nlohmann::json toJson(const FiringPatternResult& r) {
    return {{"pattern", toString(r.pattern)}, {"reason", r.reason}, {"isi_statistics", toJson(r.stats)}};
}

} // namespace scs
