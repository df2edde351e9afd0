// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — runs a network: clock-driven neurons, event-driven synapses, as a job.
//
// Each step follows Brian2's schedule: neuron groups update, thresholds, synapses (spikes delivered
// through per-synapse delays in ring buffers, accumulated into the target variable), resets.
// Threads split every population (and Poisson stimulus) into contiguous chunks and own the targets
// in their chunk, so spike delivery needs no locks and each neuron receives its input in the same
// order whatever the thread count: the same seed gives the same spikes with 1 or 2 threads.
#pragma once

#include "jobs/JobContext.h"
#include "network/NetworkBuilder.h"
#include "network/NetworkGraph.h"
#include "network/NetworkResult.h"

#include <optional>

namespace scs {

struct NetworkRunOptions {
    int threads = 0;                // 0: defaultThreads() (all cores for big networks, one for small ones)
    std::optional<double> duration; // s; overrides the graph's
    double memoryLimit = 0;         // bytes; 0: available memory (see BuildOptions)
};

/// Builds and runs `graph`. Throws NetworkError for a graph that cannot be built, a run that would not
/// fit in memory, or a model that diverges (naming the population, neuron and time); JobCancelled
/// when `job` is cancelled. Progress: building 0-10 %, simulating 10-100 %.
NetworkResult simulateNetwork(const NetworkGraph& graph, const NetworkRunOptions& options = {},
                              JobContext* job = nullptr);

/// The thread count used when none is given: one per 2,000 neurons, at most the hardware threads.
/// Small networks run on one thread: their steps are too short to pay for a barrier on a shared machine.
int defaultThreads(const BuiltNetwork& network);

/// Runs an already built network (consumed: STDP changes its weights). threads <= 0: defaultThreads().
NetworkResult simulateBuilt(BuiltNetwork& network, int threads, JobContext* job = nullptr);

} // namespace scs
