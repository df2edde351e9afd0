// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — inter-spike-interval statistics and burst detection.
#include "analysis/IsiStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace scs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean(const double* first, const double* last) {
    const auto n = last - first;
    return n > 0 ? std::accumulate(first, last, 0.0) / static_cast<double>(n) : kNaN;
}

// Population coefficient of variation; 0 for a single value.
double cvOf(const double* first, const double* last) {
    const double m = mean(first, last);
    if (!(m > 0)) return 0;
    double ss = 0;
    for (const double* p = first; p != last; ++p) ss += (*p - m) * (*p - m);
    return std::sqrt(ss / static_cast<double>(last - first)) / m;
}

// Population CV of the residuals of the least-squares line isi = a + b k, relative to the mean ISI.
double residualCv(const std::vector<double>& isis) {
    const double n = static_cast<double>(isis.size());
    const double mid = (n - 1) / 2, m = mean(isis.data(), isis.data() + isis.size());
    if (!(m > 0)) return kNaN;
    double sxy = 0, sxx = 0;
    for (std::size_t k = 0; k < isis.size(); ++k) {
        const double dk = static_cast<double>(k) - mid;
        sxy += dk * (isis[k] - m);
        sxx += dk * dk;
    }
    const double slope = sxx > 0 ? sxy / sxx : 0;
    double ss = 0;
    for (std::size_t k = 0; k < isis.size(); ++k) {
        const double r = isis[k] - (m + slope * (static_cast<double>(k) - mid));
        ss += r * r;
    }
    return std::sqrt(ss / n) / m;
}

// Finds the bimodal split of the ISIs, if any, and marks bursts (runs of short ISIs).
void detectBursts(IsiStatistics& s, const BurstCriteria& c) {
    const std::size_t n = s.isis.size();
    if (n < 2) return;
    std::vector<double> sorted = s.isis;
    std::sort(sorted.begin(), sorted.end());
    double bestRatio = 0;
    std::size_t split = 0; // short group = sorted[0, split)
    for (std::size_t k = 1; k < n; ++k) {
        const double ratio = sorted[k - 1] > 0 ? sorted[k] / sorted[k - 1] : 0;
        if (ratio > bestRatio) bestRatio = ratio, split = k;
    }
    if (split == 0 || bestRatio < c.gapRatio) return;
    if (cvOf(sorted.data(), sorted.data() + split) > c.maxGroupCv ||
        cvOf(sorted.data() + split, sorted.data() + n) > c.maxGroupCv)
        return;
    s.bimodalityRatio = bestRatio;
    s.burstIsiThreshold = std::sqrt(sorted[split - 1] * sorted[split]);

    std::size_t spikesInBursts = 0;
    std::size_t run = 0; // short ISIs in the current run
    auto closeRun = [&] {
        if (run > 0) {
            ++s.burstCount;
            spikesInBursts += run + 1;
            s.maxSpikesPerBurst = std::max(s.maxSpikesPerBurst, run + 1);
        }
        run = 0;
    };
    for (double isi : s.isis) {
        if (isi < s.burstIsiThreshold) ++run;
        else closeRun();
    }
    closeRun();
    if (s.burstCount > 0) s.meanSpikesPerBurst = static_cast<double>(spikesInBursts) / static_cast<double>(s.burstCount);
    s.fractionInBursts = static_cast<double>(spikesInBursts) / static_cast<double>(s.spikeCount);
}

} // namespace

IsiStatistics computeIsiStatistics(const std::vector<double>& spikeTimes, double duration, const BurstCriteria& bursts) {
    IsiStatistics s;
    s.spikeCount = spikeTimes.size();
    s.duration = duration;
    s.rate = duration > 0 ? static_cast<double>(s.spikeCount) / duration : 0;
    for (std::size_t i = 1; i < spikeTimes.size(); ++i) s.isis.push_back(spikeTimes[i] - spikeTimes[i - 1]);

    const std::size_t n = s.isis.size();
    if (n == 0) {
        s.meanIsi = s.stdIsi = s.cv = s.minIsi = s.maxIsi = s.firstIsi = s.lastIsi = kNaN;
        s.meanIsiRate = 0;
        s.adaptationIndex = s.localVariation = s.residualCv = kNaN;
        return s;
    }
    const double* first = s.isis.data();
    const double* last = first + n;
    s.meanIsi = mean(first, last);
    double ss = 0;
    for (double isi : s.isis) ss += (isi - s.meanIsi) * (isi - s.meanIsi);
    s.stdIsi = std::sqrt(ss / static_cast<double>(n));
    s.cv = s.meanIsi > 0 ? s.stdIsi / s.meanIsi : kNaN;
    s.minIsi = *std::min_element(first, last);
    s.maxIsi = *std::max_element(first, last);
    s.firstIsi = s.isis.front();
    s.lastIsi = s.isis.back();
    s.meanIsiRate = s.meanIsi > 0 ? 1.0 / s.meanIsi : kNaN;

    const std::size_t k = std::max<std::size_t>(1, n / 5);
    const double early = mean(first, first + k);
    const double late = mean(last - k, last);
    s.adaptationIndex = late + early > 0 ? (late - early) / (late + early) : 0;

    if (n >= 2) {
        double sum = 0;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const double total = s.isis[i] + s.isis[i + 1];
            if (total > 0) sum += std::pow((s.isis[i] - s.isis[i + 1]) / total, 2);
        }
        s.localVariation = 3.0 * sum / static_cast<double>(n - 1);
    } else {
        s.localVariation = kNaN;
    }
    s.residualCv = n >= 3 ? residualCv(s.isis) : kNaN;
    detectBursts(s, bursts);
    return s;
}

nlohmann::json toJson(const IsiStatistics& s) {
    return {{"spike_count", s.spikeCount},
            {"duration", s.duration},
            {"rate", s.rate},
            {"isis", s.isis},
            {"mean_isi", s.meanIsi},
            {"std_isi", s.stdIsi},
            {"cv", s.cv},
            {"min_isi", s.minIsi},
            {"max_isi", s.maxIsi},
            {"first_isi", s.firstIsi},
            {"last_isi", s.lastIsi},
            {"mean_isi_rate", s.meanIsiRate},
            {"adaptation_index", s.adaptationIndex},
            {"local_variation", s.localVariation},
            {"residual_cv", s.residualCv},
            {"burst_isi_threshold", s.burstIsiThreshold},
            {"bimodality_ratio", s.bimodalityRatio},
            {"burst_count", s.burstCount},
            {"mean_spikes_per_burst", s.meanSpikesPerBurst},
            {"max_spikes_per_burst", s.maxSpikesPerBurst},
            {"fraction_in_bursts", s.fractionInBursts}};
}

} // namespace scs
