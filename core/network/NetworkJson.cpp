// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkGraph to JSON. Written once as a template over the JSON type, so the
// ordered form (project files) and the plain one (API) cannot drift apart. Reading: NetworkJsonReader.cpp.
#include "network/NetworkJson.h"

#include "network/NetworkJsonNames.h"

#include <cmath>

namespace scs {

namespace {

using namespace networkjson;

template <class J>
J valueJson(const ValueSpec& v) {
    if (v.kind == ValueSpec::Kind::Constant && v.b.empty()) return J(v.a);
    J j = J::object();
    j["kind"] = nameOf(kValueKinds, v.kind);
    j["a"] = v.a;
    if (!v.b.empty() || v.kind == ValueSpec::Kind::Uniform || v.kind == ValueSpec::Kind::Normal) j["b"] = v.b;
    return j;
}

template <class J>
J pairsJson(const std::vector<std::pair<std::string, std::string>>& pairs) {
    J a = J::array();
    for (const auto& [name, value] : pairs) a.push_back(J::array({name, value}));
    return a;
}

template <class J>
J overridesJson(const std::vector<std::pair<std::string, ValueSpec>>& values) {
    J a = J::array();
    for (const auto& [name, value] : values) {
        J o = J::object();
        o["name"] = name;
        o["value"] = valueJson<J>(value);
        a.push_back(std::move(o));
    }
    return a;
}

template <class J>
J canvasJson(const CanvasPosition& c) {
    return J::array({c.x, c.y});
}

template <class J>
J modelJson(const ModelSpec& m) {
    J j = J::object();
    j["name"] = m.name;
    j["equations"] = m.equations;
    j["threshold"] = m.threshold;
    j["reset"] = m.reset;
    j["refractory"] = m.refractory;
    j["method"] = m.method;
    j["parameters"] = pairsJson<J>(m.parameters);
    j["initial_values"] = pairsJson<J>(m.initialValues);
    return j;
}

template <class J>
J protocolJson(const Protocol& p) {
    J j = J::object();
    j["kind"] = nameOf(kProtocolKinds, p.kind);
    j["offset"] = p.offset;
    j["amplitude"] = p.amplitude;
    j["start"] = p.start;
    j["stop"] = std::isfinite(p.stop) ? J(p.stop) : J(nullptr); // null: never stops
    j["frequency"] = p.frequency;
    j["width"] = p.width;
    j["sigma"] = p.sigma;
    j["tau"] = p.tau;
    j["seed"] = p.seed;
    J d = J::array();
    for (int b = 0; b < Dimension::Count; ++b) d.push_back(p.dimension.exponent(static_cast<Dimension::Base>(b)));
    j["dimension"] = d; // SI base exponents (metre, kilogram, second, ampere, kelvin, mole, candela)
    return j;
}

template <class J>
J graphJson(const NetworkGraph& g) {
    J j = J::object();
    j["format"] = networkJsonFormat;
    j["version"] = networkJsonVersion;
    j["name"] = g.name;
    j["dt"] = g.dt;
    j["duration"] = g.duration;
    j["seed"] = g.seed;
    J pops = J::array();
    for (const Population& p : g.populations) {
        J o = J::object();
        o["id"] = p.id;
        o["name"] = p.name;
        o["size"] = p.size;
        o["model_source"] = p.modelSource;
        o["model"] = modelJson<J>(p.model);
        o["parameters"] = overridesJson<J>(p.parameters);
        o["initial_values"] = overridesJson<J>(p.initialValues);
        o["columns"] = p.columns;
        o["spacing"] = p.spacing;
        o["canvas"] = canvasJson<J>(p.canvas);
        pops.push_back(std::move(o));
    }
    j["populations"] = std::move(pops);
    J projs = J::array();
    for (const Projection& p : g.projections) {
        J o = J::object();
        o["id"] = p.id;
        o["source"] = p.source;
        o["target"] = p.target;
        J s = J::object();
        s["kind"] = nameOf(kSynapseKinds, p.synapse.kind);
        s["target"] = p.synapse.target;
        s["tau"] = p.synapse.tau;
        s["reversal"] = p.synapse.reversal;
        s["voltage"] = p.synapse.voltage;
        o["synapse"] = std::move(s);
        const ConnectivityRule& r = p.connectivity;
        J c = J::object();
        c["kind"] = nameOf(kRuleKinds, r.kind);
        c["probability"] = r.probability;
        c["degree"] = r.degree;
        J pairs = J::array();
        for (const auto& [a, b] : r.pairs) pairs.push_back(J::array({a, b}));
        c["pairs"] = std::move(pairs);
        c["peak"] = r.peak;
        c["sigma"] = r.sigma;
        c["allow_self_connections"] = r.allowSelfConnections;
        o["connectivity"] = std::move(c);
        o["weight"] = valueJson<J>(p.weight);
        o["delay"] = valueJson<J>(p.delay);
        o["seed"] = p.seed;
        if (p.stdp) {
            J t = J::object();
            t["tau_pre"] = p.stdp->tauPre;
            t["tau_post"] = p.stdp->tauPost;
            t["a_plus"] = p.stdp->aPlus;
            t["a_minus"] = p.stdp->aMinus;
            t["w_max"] = p.stdp->wMax;
            o["stdp"] = std::move(t);
        }
        projs.push_back(std::move(o));
    }
    j["projections"] = std::move(projs);
    J stims = J::array();
    for (const Stimulus& s : g.stimuli) {
        J o = J::object();
        o["id"] = s.id;
        o["name"] = s.name;
        o["kind"] = nameOf(kStimulusKinds, s.kind);
        o["size"] = s.size;
        o["rate"] = s.rate;
        J spikes = J::array();
        for (const auto& [index, time] : s.spikes) spikes.push_back(J::array({J(index), J(time)}));
        o["spikes"] = std::move(spikes);
        o["protocol"] = protocolJson<J>(s.protocol);
        o["target"] = s.target;
        o["parameter"] = s.parameter;
        o["seed"] = s.seed;
        o["canvas"] = canvasJson<J>(s.canvas);
        stims.push_back(std::move(o));
    }
    j["stimuli"] = std::move(stims);
    J mons = J::array();
    for (const Monitor& m : g.monitors) {
        J o = J::object();
        o["id"] = m.id;
        o["name"] = m.name;
        o["kind"] = nameOf(kMonitorKinds, m.kind);
        o["target"] = m.target;
        o["variables"] = m.variables;
        o["indices"] = m.indices;
        o["bin_width"] = m.binWidth;
        o["canvas"] = canvasJson<J>(m.canvas);
        mons.push_back(std::move(o));
    }
    j["monitors"] = std::move(mons);
    return j;
}

} // namespace

nlohmann::json networkToJson(const NetworkGraph& graph) { return graphJson<nlohmann::json>(graph); }
nlohmann::ordered_json networkToOrderedJson(const NetworkGraph& graph) {
    return graphJson<nlohmann::ordered_json>(graph);
}

} // namespace scs
