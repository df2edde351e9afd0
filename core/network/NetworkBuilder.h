// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — turns a NetworkGraph into concrete neurons, synapses and stimuli.
//
// Everything the graph says as text (values with units, rules, seeds) is resolved here, once:
// models compiled, per-neuron values drawn, synapses laid out as compressed sparse rows. Draws use
// Random::stream(seed, index) per neuron or per source row, so the result is reproducible and does
// not depend on threads. Units are checked against what each value sets.
#pragma once

#include "jobs/JobContext.h"
#include "network/Connectivity.h"
#include "network/NetworkGraph.h"
#include "network/NetworkMemory.h"
#include "ode/NeuronModel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scs {

/// Where the synapses of one kind onto a population land: a state variable (Jump) or a synaptic
/// state that feeds a model parameter. Projections with equal settings share a channel.
struct SynapticChannel {
    SynapseSpec::Kind kind = SynapseSpec::Kind::Jump;
    std::size_t state = 0;     // Jump: the target state; Conductance: the membrane potential state
    std::size_t parameter = 0; // current and conductance kinds: the parameter that receives the current
    double tau = 0;            // s
    double decay = 1;          // exp(-dt/tau)
    double reversal = 0;       // Conductance, SI
    int delaySlots = 1;        // ring buffer length: the longest delay in steps + 1
    std::string key;           // what makes two projections share the channel
};

struct BuiltPopulation {
    std::string id, name;
    int size = 0;
    NeuronModel model;
    std::vector<std::pair<std::size_t, std::vector<double>>> parameterValues; // overridden parameters, SI
    std::vector<std::pair<std::size_t, std::vector<double>>> initialValues;   // every state, SI
    std::vector<SynapticChannel> channels;
};

struct BuiltStdp {
    double decayPre = 1, decayPost = 1; // per step
    double aPre = 0, aPost = 0;         // weight change per pair, SI weight units (aPost < 0)
    double wMax = 0;
};

struct BuiltProjection {
    std::string id;
    bool fromStimulus = false;
    int source = 0; // index into populations or stimuli
    int target = 0; // population index
    int channel = 0;
    int sourceSize = 0;
    SynapseRows rows;
    std::vector<float> weights;        // one per synapse, SI
    std::vector<std::uint16_t> delays; // steps, one per synapse; empty: all `delay`
    std::uint16_t delay = 0;
    std::optional<BuiltStdp> stdp;
};

struct BuiltStimulus {
    std::string id;
    Stimulus::Kind kind = Stimulus::Kind::Poisson;
    int size = 0;
    double probability = 0;                           // Poisson: per source and step
    std::vector<std::pair<std::int64_t, int>> spikes; // SpikeGenerator: (step, source), sorted
    int target = -1;                                  // Current: population index
    std::size_t parameter = 0;                        // Current: the driven parameter
    Protocol protocol;
    std::uint64_t seed = 1;
};

struct BuiltMonitor {
    std::string id;
    Monitor::Kind kind = Monitor::Kind::Spikes;
    int population = 0;
    struct Variable {
        std::string name;
        bool isState = true;
        std::size_t index = 0;
        std::string unit;
        double scale = 1;
    };
    std::vector<Variable> variables;
    std::vector<int> neurons;
    double binWidth = 1e-3;
};

struct BuiltNetwork {
    double dt = 1e-4;
    std::int64_t steps = 0;
    std::vector<BuiltPopulation> populations;
    std::vector<BuiltProjection> projections;
    std::vector<BuiltStimulus> stimuli;
    std::vector<BuiltMonitor> monitors;
    std::uint64_t synapses = 0;
    std::uint64_t seed = 1; // the graph's: streams of rand()/randn() inside neuron models
};

struct BuildOptions {
    std::optional<double> duration; // s; overrides the graph's
    /// Bytes; 0 = the machine's available memory (MemAvailable). A graph whose estimate exceeds it is
    /// refused before anything is allocated.
    double memoryLimit = 0;
};

/// Builds the network. Throws NetworkError naming the item and field for anything that cannot be
/// built, JobCancelled when `job` is cancelled.
BuiltNetwork buildNetwork(const NetworkGraph& graph, const BuildOptions& options = {}, JobContext* job = nullptr);

/// dt and the number of steps of a run of `graph` (duration override in seconds, if any).
std::pair<double, std::int64_t> networkTiming(const NetworkGraph& graph, std::optional<double> duration = {});

} // namespace scs
