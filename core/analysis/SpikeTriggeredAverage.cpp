// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — spike-triggered average.
#include "analysis/SpikeTriggeredAverage.h"

#include "analysis/AnalysisSupport.h"

#include <cmath>
#include <numeric>

namespace scs {

StaResult spikeTriggeredAverage(const std::vector<double>& signal, double dt, const std::vector<double>& spikeTimes,
                                double before, double after, double transient) {
    if (!(dt > 0)) throw AnalysisError("spike-triggered average: the sample interval must be positive");
    if (!(before >= 0) || !(after >= 0) || !(before + after > 0))
        throw AnalysisError("spike-triggered average: the window (before, after) must be >= 0 and not empty");
    StaResult r;
    const auto nb = static_cast<std::ptrdiff_t>(std::llround(before / dt));
    const auto na = static_cast<std::ptrdiff_t>(std::llround(after / dt));
    const std::size_t width = static_cast<std::size_t>(nb + na + 1);
    for (std::ptrdiff_t k = -nb; k <= na; ++k) r.lag.push_back(static_cast<double>(k) * dt);
    r.mean.assign(width, 0);
    r.stdDev.assign(width, 0);
    r.spikesTotal = spikeTimes.size();
    if (!signal.empty())
        r.signalMean = std::accumulate(signal.begin(), signal.end(), 0.0) / static_cast<double>(signal.size());

    // Welford's running mean and variance per lag: stable for long runs with many spikes.
    std::vector<double> m2(width, 0);
    const auto size = static_cast<std::ptrdiff_t>(signal.size());
    for (double t : spikeTimes) {
        if (t < transient) continue;
        const auto k0 = static_cast<std::ptrdiff_t>(std::llround(t / dt));
        if (k0 - nb < 0 || k0 + na >= size) continue;
        ++r.spikesUsed;
        const double n = static_cast<double>(r.spikesUsed);
        for (std::size_t w = 0; w < width; ++w) {
            const double x = signal[static_cast<std::size_t>(k0 - nb) + w];
            const double delta = x - r.mean[w];
            r.mean[w] += delta / n;
            m2[w] += delta * (x - r.mean[w]);
        }
    }
    if (r.spikesUsed == 0) {
        r.mean.assign(width, std::nan(""));
        r.stdDev.assign(width, std::nan(""));
        r.peakLag = std::nan("");
        return r;
    }
    for (std::size_t w = 0; w < width; ++w) r.stdDev[w] = std::sqrt(m2[w] / static_cast<double>(r.spikesUsed));
    double best = -1;
    for (std::size_t w = 0; w < width && r.lag[w] <= 0; ++w) {
        const double d = std::abs(r.mean[w] - r.signalMean);
        if (d > best) best = d, r.peakLag = r.lag[w];
    }
    return r;
}

StaResult runSpikeTriggeredAverage(const NeuronModel& model, const SimulationSettings& base, const StaSettings& s,
                                   JobContext* job) {
    checkTiming(base, s.transient);
    SimulationSettings run = base;
    if (s.protocol) run.protocol = s.protocol;
    if (!run.protocol)
        throw AnalysisError("spike-triggered average: give a drive protocol, e.g. "
                            "\"noise offset=1*nA sigma=0.5*nA tau=5*ms\"");
    const ParameterInfo& drive = requireParameter(model, run.drive, "spike-triggered average drive");
    std::string unit;
    std::size_t stateIdx = 0;
    if (s.signal == "drive") {
        unit = drive.dimension.toString();
    } else {
        stateIdx = requireState(model, s.signal, "spike-triggered average signal");
        unit = model.states()[stateIdx].dimension.toString();
    }
    if (!(s.before + s.after < base.duration))
        throw AnalysisError("spike-triggered average: the window is longer than the run");
    run.recordEvery = 1; // the average needs every step

    SimulationResult out = runSingle(model, run, job, 0, 0.95, "spike-triggered average");
    const std::vector<double>& signal = s.signal == "drive" ? out.drive : out.traces[stateIdx];
    if (signal.empty()) throw AnalysisError("spike-triggered average: the run recorded no " + s.signal + " signal");
    StaResult r = spikeTriggeredAverage(signal, out.dt, out.spikeTimes, s.before, s.after, s.transient);
    r.signal = s.signal;
    r.unit = unit;
    reportProgress(job, 1.0, "spike-triggered average done");
    return r;
}

nlohmann::json toJson(const StaResult& r) {
    return {{"kind", "sta"},
            {"signal", r.signal},
            {"unit", r.unit},
            {"lag", r.lag},
            {"mean", r.mean},
            {"std", r.stdDev},
            {"spikes_used", r.spikesUsed},
            {"spikes_total", r.spikesTotal},
            {"signal_mean", r.signalMean},
            {"peak_lag", r.peakLag}};
}

} // namespace scs
