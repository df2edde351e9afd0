// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network graph: populations, projections, stimuli and monitors.
//
// Plain data, as the user wrote it (values are text with units, like ModelSpec), so the editor, the
// project file and the command line share one form. NetworkValidation checks it; NetworkBuilder
// turns it into concrete neurons and synapses; NetworkSimulator runs that.
#pragma once

#include "ode/ModelSpec.h"
#include "ode/Protocol.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scs {

/// A per-neuron (or per-synapse) value: a constant, a random draw, or an expression of the index.
struct ValueSpec {
    enum class Kind { Constant, Uniform, Normal, Expression };
    Kind kind = Kind::Constant;
    /// Constant: a, e.g. "-65*mV". Uniform: [a, b). Normal: mean a, standard deviation b.
    /// Expression: a, in Brian2 syntax, of `i` (the neuron index; for synapses `i` is the source and
    /// `j` the target index), `N`, `rand()` and `randn()`, e.g. "Vr + rand()*(Vt - Vr)".
    std::string a;
    std::string b;

    static ValueSpec constant(std::string value) { return {Kind::Constant, std::move(value), {}}; }
    bool operator==(const ValueSpec&) const = default;
};

/// Where an item sits on the editor's canvas (scene coordinates); not part of the model.
struct CanvasPosition {
    double x = 0;
    double y = 0;
    bool operator==(const CanvasPosition&) const = default;
};

struct Population {
    std::string id;   // unique among all items of the graph; used by edges and in files
    std::string name; // shown to the user
    int size = 1;
    /// The neuron model, whole, so a saved network does not change when the catalogue does.
    /// `modelSource` says where it came from ("catalogue:lif", "playground:<document id>", "").
    ModelSpec model;
    std::string modelSource;
    /// Overrides of the model's parameters and initial values, per neuron.
    std::vector<std::pair<std::string, ValueSpec>> parameters;
    std::vector<std::pair<std::string, ValueSpec>> initialValues;
    /// Neurons laid out on a grid of this spacing (metres), row-major, `columns` per row; used by
    /// distance-dependent connectivity. columns == 0: no positions.
    int columns = 0;
    double spacing = 0;
    CanvasPosition canvas;
    bool operator==(const Population&) const = default;
};

/// What a presynaptic spike does to the postsynaptic neuron.
struct SynapseSpec {
    enum class Kind {
        Jump,                  // target += w on arrival (instantaneous current jump / voltage jump)
        ExponentialCurrent,    // I_syn decays with tau; I_syn += w on arrival; I_syn added to `target`
        AlphaCurrent,          // alpha-shaped current with time constant tau
        ExponentialConductance // g decays with tau; g += w; current g*(reversal - v) into `target`
    };
    Kind kind = Kind::Jump;
    /// The postsynaptic variable: for Jump a state variable ("v", "ge"); for the current and
    /// conductance kinds the model parameter that receives the synaptic current (e.g. "I").
    std::string target = "v";
    std::string tau = "5*ms";
    std::string reversal = "0*mV"; // ExponentialConductance only
    std::string voltage = "v";     // ExponentialConductance: the membrane potential state
    bool operator==(const SynapseSpec&) const = default;
};

struct ConnectivityRule {
    enum class Kind { AllToAll, OneToOne, FixedProbability, FixedInDegree, FixedOutDegree, Explicit, Distance };
    Kind kind = Kind::FixedProbability;
    double probability = 0.1; // FixedProbability
    int degree = 10;          // FixedInDegree / FixedOutDegree
    /// Explicit: (source index, target index) pairs.
    std::vector<std::pair<int, int>> pairs;
    /// Distance: p(d) = peak * exp(-d^2 / (2 sigma^2)), d between grid positions (metres).
    double peak = 1.0;
    double sigma = 1e-4;
    bool allowSelfConnections = false; // only meaningful when source == target
    bool operator==(const ConnectivityRule&) const = default;
};

/// Pair-based additive STDP with all-to-all exponential traces (Song et al. 2000).
struct StdpSpec {
    std::string tauPre = "20*ms";
    std::string tauPost = "20*ms";
    std::string aPlus = "0.01"; // fraction of wMax added per pre-before-post pair
    std::string aMinus = "0.0105";
    std::string wMax = "1*mV"; // weights clipped to [0, wMax] (in the weight's unit)
    bool operator==(const StdpSpec&) const = default;
};

struct Projection {
    std::string id;
    std::string source; // a Population or Stimulus id
    std::string target; // a Population id
    SynapseSpec synapse;
    ConnectivityRule connectivity;
    ValueSpec weight = ValueSpec::constant("1*mV");
    ValueSpec delay = ValueSpec::constant("0*ms");
    std::uint64_t seed = 1;
    std::optional<StdpSpec> stdp;
    bool operator==(const Projection&) const = default;
};

struct Stimulus {
    enum class Kind { Poisson, SpikeGenerator, Current };
    std::string id;
    std::string name;
    Kind kind = Kind::Poisson;
    int size = 1;               // Poisson: number of sources
    std::string rate = "10*Hz"; // Poisson
    /// SpikeGenerator: (source index, time) pairs; times as text with units.
    std::vector<std::pair<int, std::string>> spikes;
    /// Current: injected into `target` population's `parameter` with the playground's protocol.
    Protocol protocol;
    std::string target;          // Current only: a Population id
    std::string parameter = "I"; // Current only
    std::uint64_t seed = 1;
    CanvasPosition canvas;
    bool operator==(const Stimulus&) const = default;
};

struct Monitor {
    enum class Kind { Spikes, State, Rate };
    std::string id;
    std::string name;
    Kind kind = Kind::Spikes;
    std::string target;                 // a Population id
    std::vector<std::string> variables; // State: the state variables recorded
    std::vector<int> indices;           // State: the neurons recorded (empty: the first one)
    std::string binWidth = "1*ms";      // Rate
    CanvasPosition canvas;
    bool operator==(const Monitor&) const = default;
};

struct NetworkGraph {
    std::string name;
    std::vector<Population> populations;
    std::vector<Projection> projections;
    std::vector<Stimulus> stimuli;
    std::vector<Monitor> monitors;
    std::string dt = "0.1*ms";
    std::string duration = "1*s";
    std::uint64_t seed = 1; // initial values and stimuli; projections have their own

    const Population* population(const std::string& id) const;
    const Stimulus* stimulus(const std::string& id) const;
    /// An id not used by any item, of the form prefix + number ("pop3").
    std::string freshId(const std::string& prefix) const;
    bool operator==(const NetworkGraph&) const = default;
};

} // namespace scs
