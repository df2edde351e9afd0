// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — small networks for the simulator tests: one probe neuron fed by a generator.
#pragma once

#include "network/NetworkGraph.h"

#include <string>
#include <utility>
#include <vector>

namespace scs::test {

/// A probe population whose membrane integrates a current: dv/dt = -v/tau + I/C (exact), no threshold
/// unless `threshold` is given.
inline Population probePopulation(const std::string& id, int size, const std::string& threshold = {}) {
    Population p;
    p.id = id;
    p.name = id;
    p.size = size;
    p.model.name = "probe";
    p.model.equations = "dv/dt = -v/tau + I/C : volt\nI : amp";
    p.model.parameters = {{"tau", "10*ms"}, {"C", "100*pF"}};
    p.model.threshold = threshold;
    if (!threshold.empty()) p.model.reset = "v = 0*mV";
    p.model.method = "exact";
    return p;
}

inline Stimulus generator(const std::string& id, std::vector<std::pair<int, std::string>> spikes) {
    Stimulus s;
    s.id = id;
    s.kind = Stimulus::Kind::SpikeGenerator;
    s.size = 1;
    s.spikes = std::move(spikes);
    return s;
}

inline Projection projection(const std::string& id, const std::string& source, const std::string& target,
                             SynapseSpec::Kind kind, const std::string& synTarget, const std::string& weight,
                             const std::string& delay = "0*ms") {
    Projection p;
    p.id = id;
    p.source = source;
    p.target = target;
    p.synapse.kind = kind;
    p.synapse.target = synTarget;
    p.weight = ValueSpec::constant(weight);
    p.delay = ValueSpec::constant(delay);
    p.connectivity.kind = ConnectivityRule::Kind::AllToAll;
    return p;
}

inline Monitor stateMonitor(const std::string& id, const std::string& target, std::vector<std::string> variables,
                            std::vector<int> indices = {0}) {
    Monitor m;
    m.id = id;
    m.kind = Monitor::Kind::State;
    m.target = target;
    m.variables = std::move(variables);
    m.indices = std::move(indices);
    return m;
}

/// A generator spiking once at 1 ms (step 10) onto one probe neuron.
inline NetworkGraph probeNetwork(SynapseSpec::Kind kind, const std::string& synTarget, const std::string& weight,
                                 const std::string& delay = "0*ms") {
    NetworkGraph g;
    g.name = "probe";
    g.duration = "20*ms";
    g.populations.push_back(probePopulation("probe", 1));
    g.stimuli.push_back(generator("gen", {{0, "1*ms"}}));
    g.projections.push_back(projection("syn", "gen", "probe", kind, synTarget, weight, delay));
    g.monitors.push_back(stateMonitor("mon", "probe", {"v", "I"}));
    return g;
}

} // namespace scs::test
