// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a network graph that sets every field of every item to a non-default value,
// for round-trip tests of the JSON form and the project file.
#pragma once

#include "network/NetworkGraph.h"

#include <cmath>
#include <limits>

namespace scs::test {

inline NetworkGraph everyFieldNetwork() {
    NetworkGraph g;
    g.name = "every field \"quoted\" \\ ünïcode";
    g.dt = "0.05*ms";
    g.duration = "250*ms";
    g.seed = 18446744073709551557ULL; // above 2^63: must survive as an unsigned number

    Population a;
    a.id = "exc";
    a.name = "Excitatory";
    a.size = 12;
    a.model.name = "leaky";
    a.model.equations = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\nI : amp";
    a.model.threshold = "v > -50*mV";
    a.model.reset = "v = -60*mV";
    a.model.refractory = "2*ms";
    a.model.method = "exact";
    a.model.parameters = {{"tau", "10*ms"}, {"El", "-65*mV"}, {"R", "100*Mohm"}}; // not alphabetical
    a.model.initialValues = {{"v", "-65*mV"}};
    a.modelSource = "catalogue:lif";
    a.parameters = {{"tau", {ValueSpec::Kind::Uniform, "8*ms", "12*ms"}},
                    {"R", {ValueSpec::Kind::Constant, "90*Mohm", "ignored but kept"}}};
    a.initialValues = {{"v", {ValueSpec::Kind::Expression, "El + rand()*(5*mV) + i*0*mV", {}}}};
    a.columns = 4;
    a.spacing = 2.5e-5;
    a.canvas = {-120.5, 33.25};
    g.populations.push_back(a);

    Population b = a;
    b.id = "inh";
    b.name = "Inhibitory";
    b.size = 3;
    b.parameters.clear();
    b.initialValues = {{"v", {ValueSpec::Kind::Normal, "-65*mV", "2*mV"}}};
    b.columns = 0;
    b.spacing = 0;
    b.canvas = {200, -0.0};
    g.populations.push_back(b);

    Projection p;
    p.id = "e_to_i";
    p.source = "exc";
    p.target = "inh";
    p.synapse = {SynapseSpec::Kind::ExponentialConductance, "I", "3*ms", "0*mV", "v"};
    p.connectivity.kind = ConnectivityRule::Kind::Explicit;
    p.connectivity.pairs = {{0, 1}, {11, 2}, {5, 0}};
    p.connectivity.probability = 0.25;
    p.connectivity.degree = 7;
    p.connectivity.peak = 0.75;
    p.connectivity.sigma = 3e-5;
    p.connectivity.allowSelfConnections = true;
    p.weight = {ValueSpec::Kind::Expression, "1*nS + j*0.1*nS", {}};
    p.delay = {ValueSpec::Kind::Uniform, "1*ms", "2*ms"};
    p.seed = 42;
    p.stdp = StdpSpec{"15*ms", "25*ms", "0.02", "0.021", "5*nS"};
    g.projections.push_back(p);

    Projection q;
    q.id = "noise_to_e";
    q.source = "noise";
    q.target = "exc";
    q.synapse = {SynapseSpec::Kind::AlphaCurrent, "I", "2*ms", "-80*mV", "v"};
    q.connectivity.kind = ConnectivityRule::Kind::FixedInDegree;
    q.connectivity.degree = 2;
    q.weight = ValueSpec::constant("0.1*nA");
    q.delay = ValueSpec::constant("0.5*ms");
    g.projections.push_back(q);

    Stimulus n;
    n.id = "noise";
    n.name = "Background";
    n.kind = Stimulus::Kind::Poisson;
    n.size = 5;
    n.rate = "15*Hz";
    n.seed = 9;
    n.canvas = {-300, 10};
    g.stimuli.push_back(n);

    Stimulus k;
    k.id = "kick";
    k.name = "Kick";
    k.kind = Stimulus::Kind::SpikeGenerator;
    k.size = 2;
    k.spikes = {{0, "10*ms"}, {1, "10.5*ms"}, {0, "40*ms"}};
    g.stimuli.push_back(k);

    Stimulus c;
    c.id = "clamp";
    c.name = "Clamp";
    c.kind = Stimulus::Kind::Current;
    c.target = "inh";
    c.parameter = "I";
    c.protocol.kind = Protocol::Kind::Noise;
    c.protocol.offset = 0.1e-9;
    c.protocol.amplitude = 1.0 / 3.0 * 1e-9; // not a short decimal
    c.protocol.start = 0.01;
    c.protocol.stop = std::numeric_limits<double>::infinity();
    c.protocol.sigma = 2e-11;
    c.protocol.tau = 0.005;
    c.protocol.seed = 77;
    c.protocol.dimension = Dimension::base(Dimension::Ampere);
    g.stimuli.push_back(c);

    Monitor s;
    s.id = "spk";
    s.name = "Spikes";
    s.kind = Monitor::Kind::Spikes;
    s.target = "exc";
    s.canvas = {400, 0};
    g.monitors.push_back(s);

    Monitor v;
    v.id = "vm";
    v.name = "Voltage";
    v.kind = Monitor::Kind::State;
    v.target = "inh";
    v.variables = {"v", "I"};
    v.indices = {0, 2};
    g.monitors.push_back(v);

    Monitor r;
    r.id = "rate";
    r.name = "Rate";
    r.kind = Monitor::Kind::Rate;
    r.target = "exc";
    r.binWidth = "2*ms";
    g.monitors.push_back(r);
    return g;
}

} // namespace scs::test
