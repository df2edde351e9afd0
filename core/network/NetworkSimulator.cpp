// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network simulator's driver: threads, stop decisions, results.
#include "network/NetworkSimulator.h"

#include "network/NetworkError.h"
#include "network/NetworkRunner.h"
#include "network/SpikeStatistics.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace scs {

namespace detail {

void NetworkRunner::worker(int t) {
    bool failed = false;
    for (std::int64_t s = 0; s < net_.steps; ++s) {
        bool stop = failed;
        try {
            stop = phaseA(t, s) || stop;
            if (t == 0 && job_ && s % 64 == 0) {
                reportProgress(job_, 0.1 + 0.9 * static_cast<double>(s) / static_cast<double>(net_.steps),
                               "simulating");
                stop = stop || job_->isCancelled();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex_);
            if (!failure_) failure_ = std::current_exception();
            stop = failed = true;
        }
        if (barrier_.arrive(stop)) { // every thread sees the same answer and leaves at the same step
            if (t == 0) stoppedAt_ = s;
            return;
        }
        try {
            phaseB(t, s);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex_);
            if (!failure_) failure_ = std::current_exception();
            failed = true;
        }
    }
}

void NetworkRunner::throwDivergence() const {
    for (const PopulationRun& r : pops_)
        for (std::size_t c = 0; c < r.chunks.size(); ++c) {
            const NeuronArray* chunk = r.chunks[c].get();
            if (!chunk || !chunk->anyError()) continue;
            for (int l = 0; l < chunk->lanes(); ++l)
                if (!chunk->error(l).empty())
                    throw NetworkError("population '" + r.pop->id + "', neuron " + std::to_string(r.bounds[c] + l) +
                                       ": " + chunk->error(l));
        }
    throw NetworkError("the run stopped early for an unknown reason");
}

void NetworkRunner::collect() {
    for (const PopulationRun& r : pops_) {
        PopulationSpikes out;
        out.populationId = r.pop->id;
        out.name = r.pop->name;
        out.size = r.pop->size;
        std::size_t total = 0;
        for (const auto& steps : r.recSteps) total += steps.size();
        out.steps.reserve(total);
        out.neurons.reserve(total);
        // Merge the chunks step by step; within a step chunk c's neurons precede chunk c+1's.
        std::vector<std::size_t> at(r.recSteps.size(), 0);
        while (out.steps.size() < total) {
            std::int32_t step = INT32_MAX;
            for (std::size_t c = 0; c < at.size(); ++c)
                if (at[c] < r.recSteps[c].size()) step = std::min(step, r.recSteps[c][at[c]]);
            for (std::size_t c = 0; c < at.size(); ++c)
                for (; at[c] < r.recSteps[c].size() && r.recSteps[c][at[c]] == step; ++at[c]) {
                    out.steps.push_back(step);
                    out.neurons.push_back(r.recNeurons[c][at[c]]);
                }
        }
        result_.spikes.push_back(std::move(out));
    }
    for (const BuiltMonitor& m : net_.monitors) {
        if (m.kind != Monitor::Kind::Rate) continue;
        RateTrace rate;
        rate.monitorId = m.id;
        rate.populationId = net_.populations[static_cast<std::size_t>(m.population)].id;
        rate.binWidth = m.binWidth;
        rate.hz =
            computeBinnedRate(result_.spikes[static_cast<std::size_t>(m.population)], net_.dt, net_.steps, m.binWidth);
        result_.rates.push_back(std::move(rate));
    }
    for (const ThreadScratch& s : scratch_) result_.synapticEvents += s.events;
}

NetworkResult NetworkRunner::run() {
    const auto start = std::chrono::steady_clock::now();
    setUp();
    std::vector<std::thread> threads;
    for (int t = 1; t < T_; ++t) threads.emplace_back([this, t] { worker(t); });
    worker(0);
    for (auto& th : threads) th.join();
    if (failure_) std::rethrow_exception(failure_);
    if (stoppedAt_ >= 0) {
        if (job_ && job_->isCancelled()) throw JobCancelled();
        throwDivergence();
    }
    collect();
    result_.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    reportProgress(job_, 1.0, "done");
    return std::move(result_);
}

} // namespace detail

int defaultThreads(const BuiltNetwork& network) {
    // Threads meet at a barrier every step, so a chunk must be big enough that its step outlasts
    // the meeting. CUBA's 4,000 neurons on two threads run 1.65x faster than on one on a quiet
    // machine (docs/benchmarks.md); on a machine whose other cores are busy, a descheduled peer can
    // make two threads slower, and --threads 1 is the remedy.
    constexpr int kNeuronsPerThread = 2000;
    int neurons = 0;
    for (const BuiltPopulation& p : network.populations) neurons += p.size;
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::clamp(neurons / kNeuronsPerThread, 1, hardware);
}

NetworkResult simulateBuilt(BuiltNetwork& network, int threads, JobContext* job) {
    if (threads <= 0) threads = defaultThreads(network);
    detail::NetworkRunner runner(network, threads, job);
    return runner.run();
}

NetworkResult simulateNetwork(const NetworkGraph& graph, const NetworkRunOptions& options, JobContext* job) {
    const auto start = std::chrono::steady_clock::now();
    BuildOptions build;
    build.duration = options.duration;
    build.memoryLimit = options.memoryLimit;
    BuiltNetwork network;
    {
        JobContext building(job, 0.0, 0.1);
        network = buildNetwork(graph, build, job ? &building : nullptr);
    }
    checkCancelled(job);
    NetworkResult result = simulateBuilt(network, options.threads, job);
    result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace scs
