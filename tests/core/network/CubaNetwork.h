// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the CUBA benchmark network (Vogels & Abbott 2005) as a NetworkGraph.
//
// The same network as ../shared/bench/brian2_cuba.py and tests/network/brian2_cuba_stats.py: LIF
// neurons with exponential synaptic "conductances" in volts (ge, gi), 80 % excitatory, p = 0.02 with
// self-connections allowed (Brian2's `connect('i<Ne', p=0.02)` does not exclude i == j), exact
// integration, refractory 5 ms, v drawn uniformly in [Vr, Vt). Used by tests and bench_network.
#pragma once

#include "network/NetworkGraph.h"

#include <string>

namespace scs::test {

inline ModelSpec cubaModel() {
    ModelSpec m;
    m.name = "CUBA LIF";
    m.equations = "dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)\n"
                  "dge/dt = -ge/taue : volt\n"
                  "dgi/dt = -gi/taui : volt";
    m.threshold = "v > Vt";
    m.reset = "v = Vr";
    m.refractory = "5*ms";
    m.method = "exact";
    m.parameters = {{"taum", "20*ms"}, {"taue", "5*ms"}, {"taui", "10*ms"},
                    {"Vt", "-50*mV"},  {"Vr", "-60*mV"}, {"El", "-49*mV"}};
    return m;
}

/// `n` neurons (80 % excitatory), connection probability `p`, run for `duration` (text with units).
inline NetworkGraph cubaNetwork(int n = 4000, std::uint64_t seed = 1, double p = 0.02,
                                const std::string& duration = "1*s") {
    NetworkGraph g;
    g.name = "CUBA";
    g.seed = seed;
    g.duration = duration;
    g.dt = "0.1*ms";
    const int ne = n * 4 / 5;
    for (const auto& [id, size] : {std::pair<std::string, int>{"exc", ne}, {"inh", n - ne}}) {
        Population pop;
        pop.id = id;
        pop.name = id == "exc" ? "Excitatory" : "Inhibitory";
        pop.size = size;
        pop.model = cubaModel();
        pop.modelSource = "test:cuba";
        pop.initialValues = {{"v", ValueSpec{ValueSpec::Kind::Expression, "Vr + rand()*(Vt - Vr)", {}}}};
        g.populations.push_back(pop);
    }
    std::uint64_t k = 0;
    for (const char* source : {"exc", "inh"})
        for (const char* target : {"exc", "inh"}) {
            Projection pr;
            pr.id = std::string(source) + "_" + target;
            pr.source = source;
            pr.target = target;
            const bool exc = std::string(source) == "exc";
            pr.synapse.kind = SynapseSpec::Kind::Jump;
            pr.synapse.target = exc ? "ge" : "gi";
            pr.weight = ValueSpec::constant(exc ? "(60*0.27/10)*mV" : "(-20*4.5/10)*mV");
            pr.connectivity.kind = ConnectivityRule::Kind::FixedProbability;
            pr.connectivity.probability = p;
            pr.connectivity.allowSelfConnections = true;
            pr.seed = seed * 1000 + ++k;
            g.projections.push_back(pr);
        }
    return g;
}

} // namespace scs::test
