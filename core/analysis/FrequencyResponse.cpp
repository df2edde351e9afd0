// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — frequency response on simulateBatch (one sine protocol per copy).
#include "analysis/FrequencyResponse.h"

#include "analysis/AnalysisSupport.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace scs {

FrequencyResponseResult runFrequencyResponse(const NeuronModel& model, const SimulationSettings& base,
                                             const FrequencyResponseSettings& s, JobContext* job) {
    const ParameterInfo& drive = requireParameter(model, base.drive, "frequency response drive");
    checkTiming(base, s.transient);
    if (s.points == 0) throw AnalysisError("frequency response: the number of frequencies must be at least 1");
    if (!(s.minFrequency > 0) || !(s.maxFrequency >= s.minFrequency) || !std::isfinite(s.maxFrequency))
        throw AnalysisError("frequency response: frequencies must be positive with min <= max");

    FrequencyResponseResult r;
    r.drive = drive.name;
    r.frequency = s.logSpacing ? logGrid(s.minFrequency, s.maxFrequency, s.points)
                               : linearGrid(s.minFrequency, s.maxFrequency, s.points);
    BatchSettings batch;
    batch.base = base;
    batch.threads = s.threads;
    for (double f : r.frequency) {
        Protocol p;
        p.kind = Protocol::Kind::Sine;
        p.offset = s.offset;
        p.amplitude = s.amplitude;
        p.frequency = f;
        p.start = 0;
        p.dimension = drive.dimension;
        batch.protocols.push_back(p);
    }
    batch.copies = batch.protocols.size();
    BatchResult out = runBatch(model, batch, job, 0, 0.99, "frequency response");

    const double window = base.duration - s.transient;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t c = 0; c < batch.copies; ++c) {
        const double f = r.frequency[c];
        r.cycles.push_back(window * f);
        r.errors.push_back(c < out.errors.size() ? out.errors[c] : "");
        if (!r.errors.back().empty()) {
            for (auto* v : {&r.rate, &r.vectorStrength, &r.phase, &r.modulation}) v->push_back(nan);
            continue;
        }
        double sx = 0, sy = 0;
        std::size_t n = 0;
        for (double t : out.spikeTimes[c]) {
            if (t < s.transient || t >= base.duration) continue;
            const double angle = 2 * std::numbers::pi * f * t;
            sx += std::cos(angle);
            sy += std::sin(angle);
            ++n;
        }
        const double rate = static_cast<double>(n) / window;
        const double vs = n > 0 ? std::hypot(sx, sy) / static_cast<double>(n) : nan;
        r.rate.push_back(rate);
        r.vectorStrength.push_back(vs);
        // The drive is sin(angle): phase 0 is its rising zero crossing, pi/2 its peak.
        r.phase.push_back(n > 0 ? std::atan2(sy, sx) : nan);
        r.modulation.push_back(n > 0 ? 2 * rate * vs : 0);
    }
    reportProgress(job, 1.0, "frequency response done");
    return r;
}

nlohmann::json toJson(const FrequencyResponseResult& r) {
    return {{"kind", "frequency_response"},
            {"drive", r.drive},
            {"frequency", r.frequency},
            {"rate", r.rate},
            {"vector_strength", r.vectorStrength},
            {"phase", r.phase},
            {"modulation", r.modulation},
            {"cycles", r.cycles},
            {"errors", r.errors}};
}

} // namespace scs
