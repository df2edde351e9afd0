// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — building a network: models, per-neuron values, synapses, stimuli, monitors.
#include "network/NetworkBuilder.h"

#include "network/NetworkError.h"
#include "network/ValueEvaluator.h"
#include "units/Quantity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scs {

namespace {

const Dimension kSecond = Dimension::base(Dimension::Second);
const Dimension kHertz = Dimension::base(Dimension::Second, -1);

std::string popItem(const Population& p) { return "population '" + p.id + "'"; }
std::string projItem(const Projection& p) { return "projection '" + p.id + "'"; }

/// A quantity from text, checked against `expected`; errors name the item and field.
double quantity(const std::string& text, const Dimension& expected, const std::string& item, const std::string& field) {
    Quantity q;
    try {
        q = parseQuantity(text, field);
    } catch (const ModelError& e) {
        throw NetworkError(item + ", " + field + " '" + text + "': " + e.diagnostics().front().message);
    }
    if (!(q.dimension == expected))
        throw NetworkError(item + ", " + field + " '" + text + "' is in " +
                           (q.dimension.isDimensionless() ? std::string("no unit") : q.dimension.toString()) +
                           " but must be in " +
                           (expected.isDimensionless() ? std::string("no unit") : expected.toString()));
    return q.value;
}

/// A stream seed for one (seed, what, which) combination, so fields draw independent numbers.
std::uint64_t mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = seed ^ (0xA24BAED4963EE407ULL * (a + 1)) ^ (0x9FB21C651E98DF25ULL * (b + 1));
    x ^= x >> 29;
    return x * 0xBF58476D1CE4E5B9ULL;
}

ValueNames namesOf(const NeuronModel& m) {
    ValueNames names;
    for (const ParameterInfo& p : m.parameters()) names.emplace_back(p.name, Quantity{p.value, p.dimension});
    return names;
}

std::vector<double> drawValues(const ValueEvaluator& v, int n, std::uint64_t seed) {
    std::vector<double> out(static_cast<std::size_t>(n));
    if (v.isConstant()) {
        std::fill(out.begin(), out.end(), v.constantValue());
        return out;
    }
    for (int i = 0; i < n; ++i) {
        Random rng = Random::stream(seed, static_cast<std::uint64_t>(i));
        out[static_cast<std::size_t>(i)] = v.evaluate(i, 0, n, rng);
    }
    return out;
}

BuiltPopulation buildPopulation(const NetworkGraph& g, std::size_t index) {
    const Population& p = g.populations[index];
    BuiltPopulation b;
    b.id = p.id;
    b.name = p.name.empty() ? p.id : p.name;
    if (p.size < 1) throw NetworkError(popItem(p) + ", size: must be at least 1, not " + std::to_string(p.size));
    b.size = p.size;
    try {
        b.model = NeuronModel::compile(p.model);
    } catch (const ModelError& e) {
        throw NetworkError(popItem(p) + ", model: " + e.diagnostics().front().format());
    }
    const ValueNames names = namesOf(b.model);
    std::uint64_t field = 0;
    for (const auto& [name, spec] : p.parameters) {
        const auto k = b.model.parameterIndex(name);
        if (!k) throw NetworkError(popItem(p) + ", parameter '" + name + "': the model has no such parameter");
        const ValueEvaluator v(spec, b.model.parameters()[*k].dimension, popItem(p), "parameter '" + name + "'", names);
        b.parameterValues.emplace_back(*k, drawValues(v, p.size, mix(g.seed, index, field++)));
    }
    const std::vector<double> defaults = b.model.initialState();
    for (std::size_t k = 0; k < b.model.states().size(); ++k)
        b.initialValues.emplace_back(k, std::vector<double>(static_cast<std::size_t>(p.size), defaults[k]));
    for (const auto& [name, spec] : p.initialValues) {
        const auto k = b.model.stateIndex(name);
        if (!k) throw NetworkError(popItem(p) + ", initial value of '" + name + "': the model has no such state");
        const ValueEvaluator v(spec, b.model.states()[*k].dimension, popItem(p), "initial value of '" + name + "'",
                               names);
        b.initialValues[*k].second = drawValues(v, p.size, mix(g.seed, index, 1000 + field++));
    }
    return b;
}

/// The channel a projection feeds (created on first use) and the dimension of its weights.
std::pair<int, Dimension> channelFor(BuiltPopulation& target, const Projection& pr, double dt) {
    const SynapseSpec& s = pr.synapse;
    const std::string item = projItem(pr);
    SynapticChannel c;
    c.kind = s.kind;
    Dimension weight;
    if (s.kind == SynapseSpec::Kind::Jump) {
        const auto k = target.model.stateIndex(s.target);
        if (!k)
            throw NetworkError(item + ", synapse target: population '" + target.id + "' has no state variable '" +
                               s.target + "'");
        c.state = *k;
        weight = target.model.states()[*k].dimension;
        c.key = "jump:" + s.target;
    } else {
        const auto k = target.model.parameterIndex(s.target);
        if (!k)
            throw NetworkError(item + ", synapse target: population '" + target.id + "' has no parameter '" + s.target +
                               "' to receive the synaptic current");
        c.parameter = *k;
        weight = target.model.parameters()[*k].dimension;
        c.tau = quantity(s.tau, kSecond, item, "synapse tau");
        if (!(c.tau > 0)) throw NetworkError(item + ", synapse tau: must be positive");
        c.decay = std::exp(-dt / c.tau);
        c.key = std::to_string(static_cast<int>(s.kind)) + ":" + s.target + ":" + std::to_string(c.tau);
        if (s.kind == SynapseSpec::Kind::ExponentialConductance) {
            const auto v = target.model.stateIndex(s.voltage);
            if (!v)
                throw NetworkError(item + ", synapse voltage: population '" + target.id + "' has no state '" +
                                   s.voltage + "'");
            c.state = *v;
            const Dimension volt = target.model.states()[*v].dimension;
            c.reversal = quantity(s.reversal, volt, item, "synapse reversal");
            weight = weight / volt;
            c.key += ":" + s.voltage + ":" + std::to_string(c.reversal);
        }
    }
    for (std::size_t k = 0; k < target.channels.size(); ++k)
        if (target.channels[k].key == c.key) return {static_cast<int>(k), weight};
    target.channels.push_back(c);
    return {static_cast<int>(target.channels.size() - 1), weight};
}

void buildSynapseValues(BuiltProjection& b, const Projection& pr, const BuiltPopulation& target,
                        const Dimension& weightDim, double dt) {
    const std::string item = projItem(pr);
    const ValueNames names = namesOf(target.model);
    const ValueEvaluator w(pr.weight, weightDim, item, "weight", names, true);
    const ValueEvaluator d(pr.delay, kSecond, item, "delay", names, true);
    const std::uint64_t n = b.rows.size();
    b.weights.resize(n);
    const auto toSteps = [&](double seconds) -> std::uint16_t {
        if (!(seconds >= 0) || !std::isfinite(seconds))
            throw NetworkError(item + ", delay: must not be negative (got " + std::to_string(seconds) + " s)");
        const double steps = std::round(seconds / dt);
        if (steps > std::numeric_limits<std::uint16_t>::max())
            throw NetworkError(item + ", delay: " + std::to_string(seconds) + " s is more than 65535 steps");
        return static_cast<std::uint16_t>(steps);
    };
    if (d.isConstant())
        b.delay = toSteps(d.constantValue());
    else
        b.delays.resize(n);
    const double sources = b.sourceSize;
    for (int i = 0; i < b.sourceSize; ++i) {
        Random rw = Random::stream(mix(pr.seed, 1, 0), static_cast<std::uint64_t>(i));
        Random rd = Random::stream(mix(pr.seed, 2, 0), static_cast<std::uint64_t>(i));
        for (std::uint64_t k = b.rows.offsets[static_cast<std::size_t>(i)];
             k < b.rows.offsets[static_cast<std::size_t>(i) + 1]; ++k) {
            const double j = b.rows.targets[k];
            b.weights[k] = static_cast<float>(w.isConstant() ? w.constantValue() : w.evaluate(i, j, sources, rw));
            if (!d.isConstant()) b.delays[k] = toSteps(d.evaluate(i, j, sources, rd));
        }
    }
}

} // namespace

std::pair<double, std::int64_t> networkTiming(const NetworkGraph& graph, std::optional<double> duration) {
    const std::string item = "network '" + graph.name + "'";
    const double dt = quantity(graph.dt, kSecond, item, "dt");
    const double t = duration ? *duration : quantity(graph.duration, kSecond, item, "duration");
    if (!(dt > 0)) throw NetworkError(item + ", dt: must be positive");
    if (!(t >= 0) || !std::isfinite(t)) throw NetworkError(item + ", duration: must not be negative");
    const double steps = std::round(t / dt);
    if (steps > 2e9) throw NetworkError(item + ", duration: more than 2e9 steps of dt");
    return {dt, static_cast<std::int64_t>(steps)};
}

BuiltNetwork buildNetwork(const NetworkGraph& g, const BuildOptions& options, JobContext* job) {
    BuiltNetwork net;
    net.seed = g.seed;
    std::tie(net.dt, net.steps) = networkTiming(g, options.duration);
    const MemoryEstimate estimate = estimateMemory(g, options.duration);
    const double limit = options.memoryLimit > 0 ? options.memoryLimit : availableMemory();
    if (limit > 0 && estimate.bytes > limit)
        throw NetworkError("network '" + g.name + "': the run needs about " + estimate.summary() + " but only " +
                           formatBytes(limit) + " is available; make populations or connection probabilities smaller");
    const auto sourceIndex = [&](const std::string& id, bool& stimulus) -> int {
        for (std::size_t k = 0; k < g.populations.size(); ++k)
            if (g.populations[k].id == id) return stimulus = false, static_cast<int>(k);
        for (std::size_t k = 0; k < g.stimuli.size(); ++k)
            if (g.stimuli[k].id == id) return stimulus = true, static_cast<int>(k);
        return -1;
    };
    for (std::size_t k = 0; k < g.populations.size(); ++k) net.populations.push_back(buildPopulation(g, k));

    for (std::size_t k = 0; k < g.stimuli.size(); ++k) {
        const Stimulus& s = g.stimuli[k];
        const std::string item = "stimulus '" + s.id + "'";
        BuiltStimulus b;
        b.id = s.id;
        b.kind = s.kind;
        b.seed = s.seed;
        b.size = s.size;
        switch (s.kind) {
        case Stimulus::Kind::Poisson:
            if (s.size < 1) throw NetworkError(item + ", size: must be at least 1");
            b.probability = quantity(s.rate, kHertz, item, "rate") * net.dt;
            if (!(b.probability >= 0 && b.probability <= 1))
                throw NetworkError(item + ", rate: must be between 0 and 1/dt");
            break;
        case Stimulus::Kind::SpikeGenerator:
            for (const auto& [index, time] : s.spikes) {
                if (index < 0) throw NetworkError(item + ", spikes: negative source index " + std::to_string(index));
                const double t = quantity(time, kSecond, item, "spike time");
                if (t < 0) throw NetworkError(item + ", spike time '" + time + "' is negative");
                b.spikes.emplace_back(std::llround(t / net.dt), index);
                b.size = std::max(b.size, index + 1);
            }
            std::sort(b.spikes.begin(), b.spikes.end());
            break;
        case Stimulus::Kind::Current: {
            bool isStimulus = false;
            b.target = sourceIndex(s.target, isStimulus);
            if (b.target < 0 || isStimulus)
                throw NetworkError(item + ", target: '" + s.target + "' is not a population");
            const NeuronModel& m = net.populations[static_cast<std::size_t>(b.target)].model;
            const auto p = m.parameterIndex(s.parameter);
            if (!p)
                throw NetworkError(item + ", parameter: population '" + s.target + "' has no parameter '" +
                                   s.parameter + "'");
            const Dimension& d = m.parameters()[*p].dimension;
            if (!s.protocol.dimension.isDimensionless() && !(s.protocol.dimension == d))
                throw NetworkError(item + ", protocol: drives " + s.protocol.dimension.toString() + " but '" +
                                   s.parameter + "' is in " + d.toString());
            b.parameter = *p;
            b.protocol = s.protocol;
            break;
        }
        }
        net.stimuli.push_back(std::move(b));
    }

    for (std::size_t k = 0; k < g.projections.size(); ++k) {
        checkCancelled(job);
        reportProgress(job, 0.05 + 0.9 * static_cast<double>(k) / static_cast<double>(g.projections.size()),
                       "connecting " + g.projections[k].id);
        const Projection& pr = g.projections[k];
        const std::string item = projItem(pr);
        BuiltProjection b;
        b.id = pr.id;
        b.source = sourceIndex(pr.source, b.fromStimulus);
        if (b.source < 0) throw NetworkError(item + ", source: no population or stimulus '" + pr.source + "'");
        bool targetIsStimulus = false;
        b.target = sourceIndex(pr.target, targetIsStimulus);
        if (b.target < 0 || targetIsStimulus) throw NetworkError(item + ", target: no population '" + pr.target + "'");
        BuiltPopulation& target = net.populations[static_cast<std::size_t>(b.target)];
        if (b.fromStimulus && net.stimuli[static_cast<std::size_t>(b.source)].kind == Stimulus::Kind::Current)
            throw NetworkError(item + ", source: a current stimulus has no spikes to project");
        b.sourceSize = b.fromStimulus ? net.stimuli[static_cast<std::size_t>(b.source)].size
                                      : net.populations[static_cast<std::size_t>(b.source)].size;
        ConnectivityInput in;
        in.item = item;
        in.sources = b.sourceSize;
        in.targets = target.size;
        in.recurrent = !b.fromStimulus && b.source == b.target;
        in.rule = pr.connectivity;
        in.seed = pr.seed;
        if (pr.connectivity.kind == ConnectivityRule::Kind::Distance) {
            if (!b.fromStimulus) in.sourcePositions = gridPositions(g.populations[static_cast<std::size_t>(b.source)]);
            in.targetPositions = gridPositions(g.populations[static_cast<std::size_t>(b.target)]);
        }
        b.rows = connect(in);
        const auto [channel, weightDim] = channelFor(target, pr, net.dt);
        b.channel = channel;
        buildSynapseValues(b, pr, target, weightDim, net.dt);
        std::uint16_t longest = b.delay;
        for (std::uint16_t d : b.delays) longest = std::max(longest, d);
        SynapticChannel& c = target.channels[static_cast<std::size_t>(channel)];
        c.delaySlots = std::max(c.delaySlots, static_cast<int>(longest) + 1);
        if (pr.stdp) {
            const StdpSpec& s = *pr.stdp;
            BuiltStdp st;
            st.decayPre = std::exp(-net.dt / quantity(s.tauPre, kSecond, item, "STDP tau pre"));
            st.decayPost = std::exp(-net.dt / quantity(s.tauPost, kSecond, item, "STDP tau post"));
            st.wMax = quantity(s.wMax, weightDim, item, "STDP wMax");
            st.aPre = quantity(s.aPlus, Dimension{}, item, "STDP A+") * st.wMax;
            st.aPost = -quantity(s.aMinus, Dimension{}, item, "STDP A-") * st.wMax;
            b.stdp = st;
        }
        net.synapses += b.rows.size();
        net.projections.push_back(std::move(b));
    }

    for (const Monitor& m : g.monitors) {
        const std::string item = "monitor '" + m.id + "'";
        BuiltMonitor b;
        b.id = m.id;
        b.kind = m.kind;
        bool isStimulus = false;
        b.population = sourceIndex(m.target, isStimulus);
        if (b.population < 0 || isStimulus) throw NetworkError(item + ", target: no population '" + m.target + "'");
        const BuiltPopulation& p = net.populations[static_cast<std::size_t>(b.population)];
        if (m.kind == Monitor::Kind::State) {
            for (const std::string& name : m.variables) {
                BuiltMonitor::Variable v;
                v.name = name;
                if (const auto s = p.model.stateIndex(name)) {
                    const VariableInfo& info = p.model.states()[*s];
                    v.index = *s, v.unit = info.displayUnit, v.scale = info.displayScale;
                } else if (const auto q = p.model.parameterIndex(name)) {
                    const ParameterInfo& info = p.model.parameters()[*q];
                    v.isState = false, v.index = *q, v.unit = info.displayUnit, v.scale = info.displayScale;
                } else {
                    throw NetworkError(item + ", variables: population '" + p.id + "' has no variable '" + name + "'");
                }
                b.variables.push_back(v);
            }
            b.neurons = m.indices.empty() ? std::vector<int>{0} : m.indices;
            for (int i : b.neurons)
                if (i < 0 || i >= p.size)
                    throw NetworkError(item + ", neurons: index " + std::to_string(i) + " is outside population '" +
                                       p.id + "' of " + std::to_string(p.size));
        } else if (m.kind == Monitor::Kind::Rate) {
            b.binWidth = quantity(m.binWidth, kSecond, item, "bin width");
            if (!(b.binWidth > 0)) throw NetworkError(item + ", bin width: must be positive");
        }
        net.monitors.push_back(std::move(b));
    }
    return net;
}

} // namespace scs
