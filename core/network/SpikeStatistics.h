// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — per-population spike statistics of a network run: rate, CV of ISI, synchrony.
//
// Every function here is one linear pass over a population's spikes (plus O(size + bins) work),
// so a million spikes take a few milliseconds. Times in seconds, rates in hertz. Thread-safe:
// pure functions of their arguments.
#pragma once

#include "network/NetworkResult.h"

#include <cstddef>
#include <string>
#include <vector>

namespace scs {

struct SpikeStatisticsOptions {
    /// Bin width (s) for the synchrony measure. Golomb's chi depends on it: bins much shorter than
    /// the typical ISI measure near-coincidence; the default 2 ms is the usual choice for cortical
    /// network models (Brunel 2000 style).
    double synchronyBin = 2e-3;
};

/// Statistics of one population over the whole run (`steps * dt` seconds).
struct PopulationStatistics {
    std::string populationId;
    std::string name;
    int size = 0;
    std::size_t spikes = 0;
    double meanRate = 0; // Hz: spikes / (size * duration)
    /// Mean over neurons with >= 2 ISIs (3 spikes) of each neuron's CV = std(ISI) / mean(ISI)
    /// (population std, as in IsiStatistics). NaN when no neuron qualifies.
    double cvIsi = 0;
    int neuronsWithCv = 0;     // how many neurons the CV average is over
    double silentFraction = 0; // neurons with no spike at all, / size (NaN when size is 0)
    /// Golomb's synchrony chi in [0, 1] (Golomb 2007, Scholarpedia "Neuronal synchrony measures"):
    /// sqrt(var_t(A) / mean_i var_t(x_i)), x_i(t) = spike count of neuron i in bin t of width
    /// `synchronyBin`, A(t) = mean_i x_i(t), variances over the bins, the mean over all neurons
    /// (silent ones included, so a population that is half silent and half in lockstep gives
    /// sqrt(1/2)). 1 = every neuron fires in the same bins; ~1/sqrt(size) for independent trains.
    /// NaN when every neuron is silent or there are fewer than 2 bins.
    double synchrony = 0;
};

/// Statistics of one population over `steps` steps of `dt` seconds. Throws std::invalid_argument
/// (naming the population and the field) when the arrays differ in length, a neuron index is outside
/// [0, size), a step is outside [0, steps) or steps decrease, or dt/steps/the bin are not positive.
PopulationStatistics computePopulationStatistics(const PopulationSpikes& population, double dt, std::int64_t steps,
                                                 const SpikeStatisticsOptions& options = {});

/// One entry per population of `result`, in its order.
std::vector<PopulationStatistics> computeNetworkStatistics(const NetworkResult& result,
                                                           const SpikeStatisticsOptions& options = {});

/// Population rate (Hz per neuron) in consecutive bins of `binWidth` seconds starting at t = 0:
/// bin k holds spikes with k*binWidth <= t < (k+1)*binWidth, t = step*dt. The last bin may be
/// shorter than binWidth (the run need not be a whole number of bins) and is divided by its own
/// width. `smoothingSigma` > 0 convolves with a Gaussian of that standard deviation (s), truncated
/// at 4 sigma and renormalised at the edges so a constant rate stays constant. Throws
/// std::invalid_argument on a non-positive bin width, a negative sigma or malformed spikes.
std::vector<double> computeBinnedRate(const PopulationSpikes& population, double dt, std::int64_t steps,
                                      double binWidth, double smoothingSigma = 0);

/// Gaussian smoothing of equally spaced samples (sigma in samples), edge-renormalised as above.
std::vector<double> gaussianSmooth(const std::vector<double>& values, double sigmaSamples);

} // namespace scs
