// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkGraph from JSON: lenient about missing fields (struct defaults),
// strict about types and enum names, and every error names the field's path.
#include "network/NetworkJson.h"

#include "expr/SourceError.h"
#include "network/NetworkError.h"
#include "network/NetworkJsonNames.h"

#include <limits>
#include <string>
#include <type_traits>

namespace scs {

namespace {

using namespace networkjson;

// Every accessor names the path of what it reads.

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw NetworkError("network JSON, " + path + ": " + what);
}

template <class J>
const char* typeName(const J& j) {
    return j.type_name();
}

template <class J>
class Reader {
public:
    Reader(const J& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j_.is_object()) fail(path_, std::string("must be an object, not ") + typeName(j_));
    }
    const J* find(const char* key) const {
        const auto it = j_.find(key);
        return it == j_.end() || it->is_null() ? nullptr : &*it;
    }
    std::string at(const char* key) const { return path_ + "." + key; }

    void text(const char* key, std::string& out) const {
        if (const J* v = find(key)) out = textOf(*v, at(key));
    }
    template <class T>
    void number(const char* key, T& out) const {
        if (const J* v = find(key)) out = numberOf<T>(*v, at(key));
    }
    void boolean(const char* key, bool& out) const {
        if (const J* v = find(key)) {
            if (!v->is_boolean()) fail(at(key), std::string("must be true or false, not ") + typeName(*v));
            out = v->template get<bool>();
        }
    }
    template <class E, std::size_t N>
    void enumeration(const char* key, const Names<E, N>& names, E& out) const {
        if (const J* v = find(key)) out = enumOf(*v, at(key), names);
    }
    const J* array(const char* key) const {
        const J* v = find(key);
        if (v && !v->is_array()) fail(at(key), std::string("must be an array, not ") + typeName(*v));
        return v;
    }
    const std::string& path() const { return path_; }

    static std::string textOf(const J& v, const std::string& path) {
        if (!v.is_string()) fail(path, std::string("must be text, not ") + typeName(v));
        return v.template get<std::string>();
    }
    template <class T>
    static T numberOf(const J& v, const std::string& path) {
        if constexpr (std::is_floating_point_v<T>) {
            if (!v.is_number()) fail(path, std::string("must be a number, not ") + typeName(v));
            return v.template get<T>();
        } else {
            if (!v.is_number_integer()) fail(path, std::string("must be a whole number, not ") + typeName(v));
            if (std::is_unsigned_v<T> && v.is_number_integer() && !v.is_number_unsigned() &&
                v.template get<long long>() < 0)
                fail(path, "must not be negative");
            if constexpr (std::is_same_v<T, int>) {
                const long long x = v.template get<long long>();
                if (!v.is_number_unsigned()
                        ? (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
                        : v.template get<unsigned long long>() > 2147483647ULL)
                    fail(path, "is out of range");
            }
            return v.template get<T>();
        }
    }
    template <class E, std::size_t N>
    static E enumOf(const J& v, const std::string& path, const Names<E, N>& names) {
        const std::string name = textOf(v, path);
        std::string known;
        for (const auto& [value, n] : names) {
            if (name == n) return value;
            known += (known.empty() ? "" : ", ") + std::string(n);
        }
        fail(path, "unknown name '" + name + "' (use " + known + ")");
    }

private:
    const J& j_;
    std::string path_;
};

template <class J>
ValueSpec readValue(const J& v, const std::string& path) {
    if (v.is_string()) return ValueSpec::constant(v.template get<std::string>());
    Reader<J> r(v, path);
    ValueSpec s;
    r.enumeration("kind", kValueKinds, s.kind);
    r.text("a", s.a);
    r.text("b", s.b);
    return s;
}

/// [name, value] pairs, or an object {name: value} (order as parsed).
template <class J>
std::vector<std::pair<std::string, std::string>> readPairs(const Reader<J>& r, const char* key) {
    std::vector<std::pair<std::string, std::string>> out;
    const J* v = r.find(key);
    if (!v) return out;
    if (v->is_object()) {
        for (const auto& [name, value] : v->items())
            out.emplace_back(name, Reader<J>::textOf(value, r.at(key) + "." + name));
        return out;
    }
    if (!v->is_array()) fail(r.at(key), "must be an array of [name, value] pairs");
    for (std::size_t k = 0; k < v->size(); ++k) {
        const std::string path = r.at(key) + "[" + std::to_string(k) + "]";
        const J& p = (*v)[k];
        if (!p.is_array() || p.size() != 2) fail(path, "must be a [name, value] pair");
        out.emplace_back(Reader<J>::textOf(p[0], path + "[0]"), Reader<J>::textOf(p[1], path + "[1]"));
    }
    return out;
}

template <class J>
std::vector<std::pair<std::string, ValueSpec>> readOverrides(const Reader<J>& r, const char* key) {
    std::vector<std::pair<std::string, ValueSpec>> out;
    const J* v = r.array(key);
    if (!v) return out;
    for (std::size_t k = 0; k < v->size(); ++k) {
        const Reader<J> o((*v)[k], r.at(key) + "[" + std::to_string(k) + "]");
        std::string name;
        o.text("name", name);
        if (name.empty()) fail(o.at("name"), "is missing");
        const J* value = o.find("value");
        if (!value) fail(o.at("value"), "is missing");
        out.emplace_back(name, readValue(*value, o.at("value")));
    }
    return out;
}

template <class J>
void readCanvas(const Reader<J>& r, CanvasPosition& c) {
    const J* v = r.find("canvas");
    if (!v) return;
    if (!v->is_array() || v->size() != 2) fail(r.at("canvas"), "must be [x, y]");
    c.x = Reader<J>::template numberOf<double>((*v)[0], r.at("canvas") + "[0]");
    c.y = Reader<J>::template numberOf<double>((*v)[1], r.at("canvas") + "[1]");
}

template <class J>
ModelSpec readModel(const J& v, const std::string& path) {
    const Reader<J> r(v, path);
    ModelSpec m;
    r.text("name", m.name);
    r.text("equations", m.equations);
    r.text("threshold", m.threshold);
    r.text("reset", m.reset);
    r.text("refractory", m.refractory);
    r.text("method", m.method);
    m.parameters = readPairs(r, "parameters");
    m.initialValues = readPairs(r, "initial_values");
    return m;
}

template <class J>
Protocol readProtocol(const J& v, const std::string& path) {
    if (v.is_string()) {
        try {
            return Protocol::parse(v.template get<std::string>());
        } catch (const ModelError& e) {
            fail(path, e.diagnostics().empty() ? std::string(e.what()) : e.diagnostics().front().message);
        }
    }
    const Reader<J> r(v, path);
    Protocol p;
    r.enumeration("kind", kProtocolKinds, p.kind);
    r.number("offset", p.offset);
    r.number("amplitude", p.amplitude);
    r.number("start", p.start);
    r.number("stop", p.stop); // null or missing: infinity (the default)
    r.number("frequency", p.frequency);
    r.number("width", p.width);
    r.number("sigma", p.sigma);
    r.number("tau", p.tau);
    r.number("seed", p.seed);
    if (const J* d = r.array("dimension")) {
        if (d->size() != Dimension::Count) fail(r.at("dimension"), "must hold 7 SI base exponents");
        Dimension dim;
        for (int b = 0; b < Dimension::Count; ++b) {
            const int e = Reader<J>::template numberOf<int>((*d)[b], r.at("dimension") + "[" + std::to_string(b) + "]");
            if (e < -20 || e > 20) fail(r.at("dimension"), "exponent out of range");
            dim = dim * Dimension::base(static_cast<Dimension::Base>(b), e);
        }
        p.dimension = dim;
    }
    return p;
}

template <class J>
NetworkGraph readGraph(const J& j) {
    const Reader<J> r(j, "network");
    if (const J* f = r.find("format"); f && (!f->is_string() || f->template get<std::string>() != networkJsonFormat))
        fail(r.at("format"), std::string("must be \"") + networkJsonFormat + "\"");
    int version = networkJsonVersion;
    r.number("version", version);
    if (version > networkJsonVersion)
        fail(r.at("version"), "version " + std::to_string(version) + " was written by a newer studio (this one reads " +
                                  std::to_string(networkJsonVersion) + ")");
    NetworkGraph g;
    r.text("name", g.name);
    r.text("dt", g.dt);
    r.text("duration", g.duration);
    r.number("seed", g.seed);
    auto each = [&](const char* key, auto&& read) {
        if (const J* a = r.array(key))
            for (std::size_t k = 0; k < a->size(); ++k)
                read(Reader<J>((*a)[k], r.at(key) + "[" + std::to_string(k) + "]"));
    };
    each("populations", [&](const Reader<J>& o) {
        Population p;
        o.text("id", p.id);
        o.text("name", p.name);
        o.number("size", p.size);
        o.text("model_source", p.modelSource);
        if (const J* m = o.find("model")) p.model = readModel(*m, o.at("model"));
        p.parameters = readOverrides(o, "parameters");
        p.initialValues = readOverrides(o, "initial_values");
        o.number("columns", p.columns);
        o.number("spacing", p.spacing);
        readCanvas(o, p.canvas);
        g.populations.push_back(std::move(p));
    });
    each("projections", [&](const Reader<J>& o) {
        Projection p;
        o.text("id", p.id);
        o.text("source", p.source);
        o.text("target", p.target);
        if (const J* s = o.find("synapse")) {
            const Reader<J> sr(*s, o.at("synapse"));
            sr.enumeration("kind", kSynapseKinds, p.synapse.kind);
            sr.text("target", p.synapse.target);
            sr.text("tau", p.synapse.tau);
            sr.text("reversal", p.synapse.reversal);
            sr.text("voltage", p.synapse.voltage);
        }
        if (const J* c = o.find("connectivity")) {
            const Reader<J> cr(*c, o.at("connectivity"));
            ConnectivityRule& rule = p.connectivity;
            cr.enumeration("kind", kRuleKinds, rule.kind);
            cr.number("probability", rule.probability);
            cr.number("degree", rule.degree);
            if (const J* pairs = cr.array("pairs"))
                for (std::size_t k = 0; k < pairs->size(); ++k) {
                    const std::string path = cr.at("pairs") + "[" + std::to_string(k) + "]";
                    const J& pair = (*pairs)[k];
                    if (!pair.is_array() || pair.size() != 2) fail(path, "must be a [source, target] pair");
                    rule.pairs.emplace_back(Reader<J>::template numberOf<int>(pair[0], path + "[0]"),
                                            Reader<J>::template numberOf<int>(pair[1], path + "[1]"));
                }
            cr.number("peak", rule.peak);
            cr.number("sigma", rule.sigma);
            cr.boolean("allow_self_connections", rule.allowSelfConnections);
        }
        if (const J* w = o.find("weight")) p.weight = readValue(*w, o.at("weight"));
        if (const J* d = o.find("delay")) p.delay = readValue(*d, o.at("delay"));
        o.number("seed", p.seed);
        if (const J* s = o.find("stdp")) {
            const Reader<J> sr(*s, o.at("stdp"));
            StdpSpec stdp;
            sr.text("tau_pre", stdp.tauPre);
            sr.text("tau_post", stdp.tauPost);
            sr.text("a_plus", stdp.aPlus);
            sr.text("a_minus", stdp.aMinus);
            sr.text("w_max", stdp.wMax);
            p.stdp = stdp;
        }
        g.projections.push_back(std::move(p));
    });
    each("stimuli", [&](const Reader<J>& o) {
        Stimulus s;
        o.text("id", s.id);
        o.text("name", s.name);
        o.enumeration("kind", kStimulusKinds, s.kind);
        o.number("size", s.size);
        o.text("rate", s.rate);
        if (const J* spikes = o.array("spikes"))
            for (std::size_t k = 0; k < spikes->size(); ++k) {
                const std::string path = o.at("spikes") + "[" + std::to_string(k) + "]";
                const J& pair = (*spikes)[k];
                if (!pair.is_array() || pair.size() != 2) fail(path, "must be a [source index, time] pair");
                s.spikes.emplace_back(Reader<J>::template numberOf<int>(pair[0], path + "[0]"),
                                      Reader<J>::textOf(pair[1], path + "[1]"));
            }
        if (const J* p = o.find("protocol")) s.protocol = readProtocol(*p, o.at("protocol"));
        o.text("target", s.target);
        o.text("parameter", s.parameter);
        o.number("seed", s.seed);
        readCanvas(o, s.canvas);
        g.stimuli.push_back(std::move(s));
    });
    each("monitors", [&](const Reader<J>& o) {
        Monitor m;
        o.text("id", m.id);
        o.text("name", m.name);
        o.enumeration("kind", kMonitorKinds, m.kind);
        o.text("target", m.target);
        if (const J* v = o.array("variables"))
            for (std::size_t k = 0; k < v->size(); ++k)
                m.variables.push_back(Reader<J>::textOf((*v)[k], o.at("variables") + "[" + std::to_string(k) + "]"));
        if (const J* v = o.array("indices"))
            for (std::size_t k = 0; k < v->size(); ++k)
                m.indices.push_back(
                    Reader<J>::template numberOf<int>((*v)[k], o.at("indices") + "[" + std::to_string(k) + "]"));
        o.text("bin_width", m.binWidth);
        readCanvas(o, m.canvas);
        g.monitors.push_back(std::move(m));
    });
    return g;
}

} // namespace

NetworkGraph networkFromJson(const nlohmann::json& json) { return readGraph(json); }
NetworkGraph networkFromJson(const nlohmann::ordered_json& json) { return readGraph(json); }

} // namespace scs
