// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network simulator's run-time state and step phases (engine-private).
//
// One step, per thread t (owning chunk t of every population and Poisson stimulus):
//   A: set dynamic parameters (synaptic and injected currents), record states, update + threshold,
//      advance synaptic states, draw Poisson spikes, store spikes;            barrier (agrees on stop)
//   B: for every spike of the step (all chunks), deliver its synapses whose targets are in chunk t
//      into the ring slot of its delay (zero-delay jumps on the fast path go straight into the state,
//      as Brian2's on_pre); STDP; apply this step's ring slot; reset the spiked neurons.
// Spike lists are double-buffered by step parity: phase A of step s+1 writes one buffer while another
// thread may still read step s's in phase B; the barrier of step s+1 cannot pass before that ends.
#pragma once

#include "jobs/JobContext.h"
#include "network/NetworkBuilder.h"
#include "network/NetworkResult.h"
#include "network/NeuronArray.h"
#include "network/StepBarrier.h"
#include "ode/Protocol.h"

#include <exception>
#include <memory>
#include <mutex>
#include <vector>

namespace scs::detail {

/// A container on its own cache lines: chunks of different threads never share a line (no false
/// sharing when both append spikes in the same step).
template <typename T>
struct alignas(64) Padded : T {};
using SpikeList = Padded<std::vector<int>>;
using StepList = Padded<std::vector<std::int32_t>>;

struct ChannelState {
    SynapticChannel spec;
    std::vector<double> ring; // [slot * size + neuron], slot = step % delaySlots
    std::vector<double> x, y; // synaptic state (y: alpha output)
};

struct PopulationRun {
    BuiltPopulation* pop = nullptr;
    std::vector<int> bounds; // chunk t is [bounds[t], bounds[t+1])
    std::vector<std::unique_ptr<NeuronArray>> chunks;
    std::vector<ChannelState> channels;
    std::vector<std::size_t> dynamic;                                        // parameters rewritten every step
    std::vector<std::pair<std::size_t, std::vector<ProtocolSignal>>> drives; // (parameter, signal per neuron)
    std::vector<SpikeList> spikes[2];           // [step parity][chunk]: global neuron indices, ascending
    std::vector<StepList> recSteps, recNeurons; // [chunk]
};

struct StimulusRun {
    const BuiltStimulus* stim = nullptr;
    std::vector<int> bounds;
    std::vector<Random> rngs;
    std::vector<std::int64_t> next; // Poisson: next spike step per source
    std::size_t cursor = 0;         // SpikeGenerator: next entry of stim->spikes
    std::vector<SpikeList> spikes[2];
};

struct StdpRun {
    std::vector<std::vector<double>> pre; // [thread] private copy of the presynaptic traces
    std::vector<double> post;
    std::vector<std::uint64_t> colOffsets;
    std::vector<std::uint32_t> colSynapses;
    std::vector<std::int32_t> colSources;
};

struct Trace {
    int monitor, variable, neuron;
    StateTrace* out;
};

struct alignas(64) ThreadScratch {
    std::vector<double> a, b;
    std::uint64_t events = 0;
};

class NetworkRunner {
public:
    NetworkRunner(BuiltNetwork& net, int threads, JobContext* job)
        : net_(net), T_(threads), job_(job), barrier_(threads) {}
    /// Runs every step; throws NetworkError (divergence), JobCancelled, or what a thread threw.
    NetworkResult run();

private:
    void setUp();
    /// Returns true when this thread wants the run to stop (a diverged neuron).
    bool phaseA(int t, std::int64_t s);
    void phaseB(int t, std::int64_t s);
    void deliver(int t, std::int64_t s, BuiltProjection& pr, std::size_t index);
    void applyArrivals(int t, std::int64_t s);
    /// Zero-delay jumps on the fast path skip the ring: the chunk's state array, else null.
    static double* directTarget(PopulationRun& target, const ChannelState& channel, std::size_t chunk);
    void worker(int t);
    void collect();
    [[noreturn]] void throwDivergence() const;
    std::vector<int> chunkBounds(int size) const {
        std::vector<int> b(static_cast<std::size_t>(T_) + 1);
        for (int k = 0; k <= T_; ++k)
            b[static_cast<std::size_t>(k)] = static_cast<int>(static_cast<std::int64_t>(size) * k / T_);
        return b;
    }
    const std::vector<int>& sourceSpikes(const BuiltProjection& pr, int parity, int chunk) const {
        return pr.fromStimulus ? stims_[static_cast<std::size_t>(pr.source)].spikes[parity][chunk]
                               : pops_[static_cast<std::size_t>(pr.source)].spikes[parity][chunk];
    }

    BuiltNetwork& net_;
    int T_;
    JobContext* job_;
    StepBarrier barrier_;
    std::vector<PopulationRun> pops_;
    std::vector<StimulusRun> stims_;
    std::vector<StdpRun> stdp_;
    std::vector<Trace> traces_;
    std::vector<ThreadScratch> scratch_;
    NetworkResult result_;
    std::int64_t stoppedAt_ = -1;
    std::mutex failureMutex_;
    std::exception_ptr failure_;
};

} // namespace scs::detail
