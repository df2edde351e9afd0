// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — per-population spike statistics in one pass over the spikes.
#include "network/SpikeStatistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace scs {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string label(const PopulationSpikes& p) {
    const std::string& n = p.name.empty() ? p.populationId : p.name;
    return "population '" + n + "'";
}

void checkRun(double dt, std::int64_t steps) {
    if (!(dt > 0) || !std::isfinite(dt))
        throw std::invalid_argument("spike statistics: dt must be positive, got " + std::to_string(dt));
    if (steps < 0) throw std::invalid_argument("spike statistics: steps must not be negative");
}

/// Checks the contract of NetworkResult.h for one population; throws naming it and the field.
void checkSpikes(const PopulationSpikes& p, std::int64_t steps) {
    if (p.size < 0) throw std::invalid_argument(label(p) + ": size is negative");
    if (p.steps.size() != p.neurons.size())
        throw std::invalid_argument(label(p) + ": steps has " + std::to_string(p.steps.size()) +
                                    " entries but neurons has " + std::to_string(p.neurons.size()));
    std::int32_t previous = 0;
    for (std::size_t k = 0; k < p.steps.size(); ++k) {
        const std::int32_t s = p.steps[k];
        const std::int32_t n = p.neurons[k];
        if (n < 0 || n >= p.size)
            throw std::invalid_argument(label(p) + ": neurons[" + std::to_string(k) + "] = " + std::to_string(n) +
                                        " is outside [0, " + std::to_string(p.size) + ")");
        if (s < 0 || s >= steps)
            throw std::invalid_argument(label(p) + ": steps[" + std::to_string(k) + "] = " + std::to_string(s) +
                                        " is outside the run [0, " + std::to_string(steps) + ")");
        if (s < previous)
            throw std::invalid_argument(label(p) + ": steps[" + std::to_string(k) + "] = " + std::to_string(s) +
                                        " is before the previous spike (spikes must be in time order)");
        previous = s;
    }
}

/// Bin of a spike at `step`. The tiny bias keeps a spike exactly on a bin edge (k*bin = s*dt up
/// to rounding) in the later bin, as the half-open bins say.
std::int64_t binOf(std::int32_t step, double stepsPerBinInv) {
    return static_cast<std::int64_t>(std::floor(static_cast<double>(step) * stepsPerBinInv + 1e-9));
}

/// Per-neuron running sums for the CV and the synchrony measure (one cache line per spike).
struct NeuronState {
    std::int64_t lastBin = -1;
    double isiSum = 0, isiSumSq = 0, binCountSq = 0;
    std::int32_t lastStep = -1;
    std::int32_t isiCount = 0;
    std::int32_t spikes = 0;
    std::int32_t binCount = 0; // spikes in lastBin so far
};

} // namespace

PopulationStatistics computePopulationStatistics(const PopulationSpikes& p, double dt, std::int64_t steps,
                                                 const SpikeStatisticsOptions& options) {
    checkRun(dt, steps);
    if (!(options.synchronyBin > 0)) throw std::invalid_argument(label(p) + ": synchrony bin width must be positive");
    checkSpikes(p, steps);

    PopulationStatistics s;
    s.populationId = p.populationId;
    s.name = p.name;
    s.size = p.size;
    s.spikes = p.count();
    const double duration = dt * static_cast<double>(steps);
    s.meanRate = p.size > 0 && duration > 0 ? static_cast<double>(s.spikes) / (p.size * duration) : 0;

    // Only whole synchrony bins count: a short last bin would look like a drop in activity.
    const double binSteps = options.synchronyBin / dt;
    const std::int64_t bins = static_cast<std::int64_t>(std::floor(duration / options.synchronyBin + 1e-9));
    std::vector<double> binTotals(static_cast<std::size_t>(std::max<std::int64_t>(bins, 0)), 0.0);

    std::vector<NeuronState> neurons(static_cast<std::size_t>(p.size));
    for (std::size_t k = 0; k < p.steps.size(); ++k) {
        const std::int32_t step = p.steps[k];
        NeuronState& n = neurons[static_cast<std::size_t>(p.neurons[k])];
        ++n.spikes;
        if (n.lastStep >= 0) {
            const double isi = static_cast<double>(step - n.lastStep);
            n.isiSum += isi;
            n.isiSumSq += isi * isi;
            ++n.isiCount;
        }
        n.lastStep = step;
        const std::int64_t b = binOf(step, 1.0 / binSteps);
        if (b >= bins) continue;
        binTotals[static_cast<std::size_t>(b)] += 1;
        if (b == n.lastBin) {
            ++n.binCount;
        } else {
            n.binCountSq += static_cast<double>(n.binCount) * n.binCount;
            n.lastBin = b;
            n.binCount = 1;
        }
    }

    double cvSum = 0;
    int silent = 0;
    const double B = static_cast<double>(bins);
    for (NeuronState& n : neurons) {
        if (n.spikes == 0) ++silent;
        if (n.isiCount >= 2) {
            const double mean = n.isiSum / n.isiCount;
            const double var = std::max(0.0, n.isiSumSq / n.isiCount - mean * mean);
            cvSum += std::sqrt(var) / mean;
            ++s.neuronsWithCv;
        }
        n.binCountSq += static_cast<double>(n.binCount) * n.binCount; // close the last bin
    }
    s.cvIsi = s.neuronsWithCv > 0 ? cvSum / s.neuronsWithCv : kNaN;
    s.silentFraction = p.size > 0 ? static_cast<double>(silent) / p.size : kNaN;

    if (bins < 2 || p.size == 0) {
        s.synchrony = kNaN;
        return s;
    }
    // Per-neuron variance of the bin counts: E[x^2] - E[x]^2, E[x] from the neuron's spikes in
    // whole bins. Those are counted in a second cheap pass over the (few) spikes in the partial bin.
    std::vector<std::int32_t> inWholeBins(neurons.size());
    for (std::size_t i = 0; i < neurons.size(); ++i) inWholeBins[i] = neurons[i].spikes;
    for (std::size_t k = p.steps.size(); k-- > 0;) {
        if (binOf(p.steps[k], 1.0 / binSteps) < bins) break;
        --inWholeBins[static_cast<std::size_t>(p.neurons[k])];
    }
    double varSum = 0;
    for (std::size_t i = 0; i < neurons.size(); ++i) {
        const double mean = inWholeBins[i] / B;
        varSum += std::max(0.0, neurons[i].binCountSq / B - mean * mean);
    }
    double sumA = 0, sumA2 = 0;
    for (double c : binTotals) {
        const double a = c / p.size;
        sumA += a;
        sumA2 += a * a;
    }
    const double meanA = sumA / B;
    const double varA = std::max(0.0, sumA2 / B - meanA * meanA);
    const double meanVar = varSum / p.size;
    s.synchrony = meanVar > 0 ? std::min(1.0, std::sqrt(varA / meanVar)) : kNaN;
    return s;
}

std::vector<PopulationStatistics> computeNetworkStatistics(const NetworkResult& result,
                                                           const SpikeStatisticsOptions& options) {
    std::vector<PopulationStatistics> out;
    out.reserve(result.spikes.size());
    for (const PopulationSpikes& p : result.spikes)
        out.push_back(computePopulationStatistics(p, result.dt, result.steps, options));
    return out;
}

std::vector<double> gaussianSmooth(const std::vector<double>& values, double sigma) {
    if (!(sigma > 0) || values.size() < 2) return values;
    const int half = std::max(1, static_cast<int>(std::ceil(4 * sigma)));
    std::vector<double> kernel(static_cast<std::size_t>(2 * half + 1));
    for (int j = -half; j <= half; ++j)
        kernel[static_cast<std::size_t>(j + half)] = std::exp(-0.5 * (j / sigma) * (j / sigma));
    const int n = static_cast<int>(values.size());
    std::vector<double> out(values.size());
    for (int i = 0; i < n; ++i) {
        double acc = 0, weight = 0;
        const int lo = std::max(0, i - half), hi = std::min(n - 1, i + half);
        for (int j = lo; j <= hi; ++j) {
            const double w = kernel[static_cast<std::size_t>(j - i + half)];
            acc += w * values[static_cast<std::size_t>(j)];
            weight += w;
        }
        out[static_cast<std::size_t>(i)] = acc / weight;
    }
    return out;
}

std::vector<double> computeBinnedRate(const PopulationSpikes& p, double dt, std::int64_t steps, double binWidth,
                                      double smoothingSigma) {
    checkRun(dt, steps);
    if (!(binWidth > 0) || !std::isfinite(binWidth))
        throw std::invalid_argument(label(p) + ": rate bin width must be positive, got " + std::to_string(binWidth));
    if (!(smoothingSigma >= 0)) throw std::invalid_argument(label(p) + ": rate smoothing sigma must not be negative");
    checkSpikes(p, steps);
    const double duration = dt * static_cast<double>(steps);
    const auto bins = static_cast<std::size_t>(std::max(0.0, std::ceil(duration / binWidth - 1e-9)));
    std::vector<double> rate(bins, 0.0);
    if (bins == 0) return rate;
    const double inv = dt / binWidth;
    for (const std::int32_t step : p.steps) {
        const auto b = static_cast<std::size_t>(std::min<std::int64_t>(binOf(step, inv), bins - 1));
        rate[b] += 1;
    }
    const double perNeuron = p.size > 0 ? 1.0 / p.size : 0.0;
    for (std::size_t b = 0; b < bins; ++b) {
        const double width = std::min(binWidth, duration - static_cast<double>(b) * binWidth);
        rate[b] = width > 0 ? rate[b] * perNeuron / width : 0;
    }
    return gaussianSmooth(rate, smoothingSigma / binWidth);
}

} // namespace scs
