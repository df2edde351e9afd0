// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — f-I curve on simulateBatch (one copy per drive, constant protocols).
#include "analysis/FiCurve.h"

#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Constant-drive runs of `drives`; the spikes of each copy (errors reported per copy).
BatchResult runDrives(const NeuronModel& model, const SimulationSettings& base, const FiCurveSettings& s,
                      const Dimension& driveDim, const std::vector<double>& drives, JobContext* job, double from,
                      double to, const std::string& message) {
    BatchSettings batch;
    batch.base = base;
    batch.base.protocol.reset();
    batch.threads = s.threads;
    batch.copies = drives.size();
    for (double d : drives) batch.protocols.push_back(Protocol::constant(d, driveDim));
    return runBatch(model, batch, job, from, to, message);
}

bool fires(const BatchResult& r, std::size_t copy, double transient, double duration) {
    if (copy < r.errors.size() && !r.errors[copy].empty()) return false;
    return rateInWindow(r.spikeTimes[copy], transient, duration) > 0;
}

} // namespace

FiCurveResult runFiCurve(const NeuronModel& model, const SimulationSettings& base, const FiCurveSettings& s,
                         JobContext* job) {
    const ParameterInfo& drive = requireParameter(model, base.drive, "f-I curve drive");
    checkTiming(base, s.transient);
    if (s.points == 0) throw AnalysisError("f-I curve: the number of drive values must be at least 1");
    if (!std::isfinite(s.driveMin) || !std::isfinite(s.driveMax) || s.driveMin > s.driveMax)
        throw AnalysisError("f-I curve: the drive range must be finite with min <= max");
    if (s.rheobaseRefinements > 0 && s.refinementPoints == 0)
        throw AnalysisError("f-I curve: rheobase refinement needs at least 1 point per round");

    FiCurveResult r;
    r.drive = drive.name;
    r.driveUnit = drive.dimension.toString();
    r.transient = s.transient;
    r.duration = base.duration;
    r.drives = linearGrid(s.driveMin, s.driveMax, s.points);

    const double sweepEnd = s.rheobaseRefinements > 0 ? 0.8 : 1.0;
    BatchResult sweep = runDrives(model, base, s, drive.dimension, r.drives, job, 0, sweepEnd, "f-I sweep");
    const std::size_t n = r.drives.size();
    r.errors.assign(n, "");
    for (std::size_t i = 0; i < n; ++i) {
        const auto& spikes = sweep.spikeTimes[i];
        if (i < sweep.errors.size() && !sweep.errors[i].empty()) {
            r.errors[i] = sweep.errors[i];
            r.rate.push_back(kNaN);
            r.meanIsiRate.push_back(kNaN);
            r.firstIsiRate.push_back(kNaN);
            r.spikeCount.push_back(spikes.size());
            continue;
        }
        r.rate.push_back(rateInWindow(spikes, s.transient, base.duration));
        r.meanIsiRate.push_back(meanIsiRateInWindow(spikes, s.transient, base.duration));
        r.firstIsiRate.push_back(spikes.size() >= 2 && spikes[1] > spikes[0] ? 1.0 / (spikes[1] - spikes[0]) : 0.0);
        r.spikeCount.push_back(spikes.size());
        if (r.rate.back() > r.maxRate) r.maxRate = r.rate.back();
    }

    // Rheobase: bracket on the grid, then narrowed by rounds of interior points.
    std::size_t first = n;
    for (std::size_t i = 0; i < n && first == n; ++i)
        if (fires(sweep, i, s.transient, base.duration)) first = i;
    if (first == n) {
        r.rheobase = r.rheobaseLow = r.rheobaseHigh = kNaN;
    } else if (first == 0) {
        r.rheobase = r.rheobaseHigh = r.drives[0];
        r.rheobaseLow = kNaN;
    } else {
        double lo = r.drives[first - 1], hi = r.drives[first];
        for (std::size_t round = 0; round < s.rheobaseRefinements; ++round) {
            std::vector<double> inner = linearGrid(lo, hi, s.refinementPoints + 2);
            inner = std::vector<double>(inner.begin() + 1, inner.end() - 1);
            const double span = (1.0 - sweepEnd) / static_cast<double>(s.rheobaseRefinements);
            const double from = sweepEnd + span * static_cast<double>(round);
            BatchResult refine = runDrives(model, base, s, drive.dimension, inner, job, from, from + span,
                                           "rheobase refinement");
            for (std::size_t k = 0; k < inner.size(); ++k) {
                if (fires(refine, k, s.transient, base.duration)) {
                    hi = inner[k];
                    break;
                }
                lo = inner[k];
            }
        }
        r.rheobaseLow = lo;
        r.rheobaseHigh = hi;
        r.rheobase = 0.5 * (lo + hi);
    }
    reportProgress(job, 1.0, "f-I curve done");
    return r;
}

nlohmann::json toJson(const FiCurveResult& r) {
    return {{"kind", "fi_curve"},
            {"drive", r.drive},
            {"drive_unit", r.driveUnit},
            {"drives", r.drives},
            {"rate", r.rate},
            {"mean_isi_rate", r.meanIsiRate},
            {"first_isi_rate", r.firstIsiRate},
            {"spike_count", r.spikeCount},
            {"errors", r.errors},
            {"rheobase", r.rheobase},
            {"rheobase_low", r.rheobaseLow},
            {"rheobase_high", r.rheobaseHigh},
            {"max_rate", r.maxRate},
            {"transient", r.transient},
            {"duration", r.duration}};
}

} // namespace scs
