// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — network validation. Mirrors what NetworkBuilder will refuse, but keeps
// going after a problem so the editor can mark every offending item at once.
#include "network/NetworkValidation.h"

#include "network/NetworkError.h"
#include "network/ValueEvaluator.h"
#include "ode/NeuronModel.h"
#include "units/Quantity.h"

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace scs {

namespace {

const Dimension kSecond = Dimension::base(Dimension::Second);
const Dimension kHertz = Dimension::base(Dimension::Second, -1);
constexpr double kMaxDelaySteps = 65535; // NetworkBuilder stores delays as 16-bit step counts

std::string unitName(const Dimension& d) { return d.isDimensionless() ? "no unit" : d.toString(); }

std::string label(const char* kind, const std::string& id, const std::string& name) {
    return std::string(kind) + " '" + (name.empty() ? id : name) + "'";
}

class Validator {
public:
    explicit Validator(const NetworkGraph& g) : g_(g) {}

    std::vector<NetworkIssue> run() {
        checkGraph();
        checkIds();
        for (const Population& p : g_.populations) checkPopulation(p);
        for (const Projection& p : g_.projections) checkProjection(p);
        for (const Stimulus& s : g_.stimuli) checkStimulus(s);
        for (const Monitor& m : g_.monitors) checkMonitor(m);
        return std::move(issues_);
    }

private:
    void add(const std::string& id, const std::string& field, const std::string& message) {
        issues_.push_back({id, field, message});
    }

    /// A quantity of the expected dimension, or nothing (and an issue on `field`; `what` names it
    /// in the message, e.g. field "synapse.tau", what "synapse tau").
    std::optional<double> quantity(const std::string& id, const std::string& who, const std::string& field,
                                   const std::string& what, const std::string& text, const Dimension& expected) {
        if (text.empty()) {
            add(id, field, who + ": " + what + " is empty.");
            return std::nullopt;
        }
        Quantity q;
        try {
            q = parseQuantity(text, field);
        } catch (const ModelError& e) {
            add(id, field, who + ": " + what + " '" + text + "': " + e.diagnostics().front().message + ".");
            return std::nullopt;
        }
        if (!(q.dimension == expected)) {
            add(id, field,
                who + ": " + what + " '" + text + "' is in " + unitName(q.dimension) + " but must be in " +
                    unitName(expected) + ".");
            return std::nullopt;
        }
        return q.value;
    }

    /// Parses and dimension-checks a ValueSpec through the evaluator the builder uses.
    std::optional<ValueEvaluator> value(const std::string& id, const std::string& who, const std::string& field,
                                        const std::string& what, const ValueSpec& spec, const Dimension& expected,
                                        const ValueNames& names, bool synapse) {
        try {
            return ValueEvaluator(spec, expected, who, what, names, synapse);
        } catch (const NetworkError& e) {
            add(id, field, std::string(e.what()) + ".");
        } catch (const std::exception& e) {
            add(id, field, who + ", " + what + ": " + e.what() + ".");
        }
        return std::nullopt;
    }

    /// A uniform draw that can go below zero (its lower bound parses: the evaluator checked it).
    static bool negativeLowerBound(const ValueSpec& spec) {
        if (spec.kind != ValueSpec::Kind::Uniform) return false;
        try {
            return parseQuantity(spec.a, "delay").value < 0;
        } catch (const ModelError&) {
            return false;
        }
    }

    void checkGraph() {
        if (const auto dt = quantity("", "The network", "dt", "dt", g_.dt, kSecond); dt && !(*dt > 0))
            add("", "dt", "The network: dt must be a positive time.");
        else if (dt)
            dt_ = *dt;
        if (const auto d = quantity("", "The network", "duration", "duration", g_.duration, kSecond); d && !(*d > 0))
            add("", "duration", "The network: duration must be a positive time.");
    }

    void checkIds() {
        std::set<std::string> seen;
        auto check = [&](const char* kind, const char* Kind, const std::string& id, const std::string& name) {
            if (id.empty()) {
                add(id, "id", "A " + std::string(kind) + (name.empty() ? "" : " '" + name + "'") + " has no id.");
            } else if (!seen.insert(id).second) {
                add(id, "id", label(Kind, id, name) + ": the id '" + id + "' is used by another item.");
            }
        };
        for (const Population& p : g_.populations) check("population", "Population", p.id, p.name);
        for (const Projection& p : g_.projections) check("projection", "Projection", p.id, {});
        for (const Stimulus& s : g_.stimuli) check("stimulus", "Stimulus", s.id, s.name);
        for (const Monitor& m : g_.monitors) check("monitor", "Monitor", m.id, m.name);
    }

    /// The population's compiled model (null when it does not compile; reported once).
    const NeuronModel* model(const Population& p) {
        const auto it = models_.find(&p);
        return it != models_.end() && it->second ? &*it->second : nullptr;
    }

    static ValueNames namesOf(const NeuronModel& m) {
        ValueNames names;
        for (const ParameterInfo& q : m.parameters()) names.emplace_back(q.name, Quantity{q.value, q.dimension});
        return names;
    }

    void checkPopulation(const Population& p) {
        const std::string who = label("Population", p.id, p.name);
        if (p.size < 1) add(p.id, "size", who + ": size must be at least 1 (it is " + std::to_string(p.size) + ").");
        if (p.columns < 0) add(p.id, "columns", who + ": grid columns must not be negative.");
        if (p.columns > 0 && !(p.spacing > 0)) add(p.id, "spacing", who + ": grid spacing must be a positive length.");
        std::optional<NeuronModel> compiled;
        const std::vector<Diagnostic> diagnostics = NeuronModel::diagnose(p.model);
        bool errors = false;
        for (const Diagnostic& d : diagnostics) {
            if (d.severity != Diagnostic::Severity::Error) continue;
            errors = true;
            add(p.id, "model." + d.field,
                who + ": the model does not compile (" + d.field + ", line " + std::to_string(d.pos.line) +
                    ", column " + std::to_string(d.pos.column) + ": " + d.message + ").");
        }
        if (!errors) {
            try {
                compiled = NeuronModel::compile(p.model);
            } catch (const ModelError& e) {
                add(p.id, "model", who + ": the model does not compile (" + e.diagnostics().front().format() + ").");
            }
        }
        models_[&p] = compiled;
        if (!compiled) return;
        const ValueNames names = namesOf(*compiled);
        for (const auto& [name, spec] : p.parameters) {
            const std::string field = "parameters." + name;
            const auto k = compiled->parameterIndex(name);
            if (!k) {
                add(p.id, field, who + ": the model has no parameter '" + name + "'.");
                continue;
            }
            value(p.id, who, field, "parameter '" + name + "'", spec, compiled->parameters()[*k].dimension, names,
                  false);
        }
        for (const auto& [name, spec] : p.initialValues) {
            const std::string field = "initial_values." + name;
            const auto k = compiled->stateIndex(name);
            if (!k) {
                add(p.id, field, who + ": the model has no state variable '" + name + "' to initialise.");
                continue;
            }
            value(p.id, who, field, "initial value of '" + name + "'", spec, compiled->states()[*k].dimension, names,
                  false);
        }
    }

    void checkProjection(const Projection& pr) {
        const std::string who = label("Projection", pr.id, {});
        const Population* source = g_.population(pr.source);
        const Stimulus* stimulus = source ? nullptr : g_.stimulus(pr.source);
        const Population* target = g_.population(pr.target);
        if (!source && !stimulus)
            add(pr.id, "source",
                who + ": its source '" + pr.source + "' is not a population or stimulus of the network.");
        if (stimulus && stimulus->kind == Stimulus::Kind::Current)
            add(pr.id, "source",
                who + ": " + label("current stimulus", stimulus->id, stimulus->name) +
                    " injects into a population directly and cannot be the source of a projection.");
        if (!target) {
            if (g_.stimulus(pr.target))
                add(pr.id, "target",
                    who + ": its target '" + pr.target + "' is a stimulus; projections must end at a population.");
            else
                add(pr.id, "target", who + ": its target '" + pr.target + "' is not a population of the network.");
        }
        const int sources = source ? source->size : stimulus ? stimulus->size : 0;
        const int targets = target ? target->size : 0;
        checkConnectivity(pr, who, source, stimulus, target, sources, targets);
        const NeuronModel* m = target ? model(*target) : nullptr;
        if (!m) return; // a missing target or a broken model is reported already
        const ValueNames names = namesOf(*m);
        const SynapseSpec& s = pr.synapse;
        std::optional<Dimension> weight;
        const std::string onto = label("population", target->id, target->name);
        if (s.kind == SynapseSpec::Kind::Jump) {
            if (const auto k = m->stateIndex(s.target))
                weight = m->states()[*k].dimension;
            else
                add(pr.id, "synapse.target", who + ": " + onto + " has no state variable '" + s.target + "' to jump.");
        } else {
            if (const auto k = m->parameterIndex(s.target))
                weight = m->parameters()[*k].dimension;
            else
                add(pr.id, "synapse.target",
                    who + ": " + onto + " has no parameter '" + s.target + "' to receive the synaptic current.");
            if (const auto tau = quantity(pr.id, who, "synapse.tau", "synapse tau", s.tau, kSecond); tau && !(*tau > 0))
                add(pr.id, "synapse.tau", who + ": synapse tau must be a positive time.");
            if (s.kind == SynapseSpec::Kind::ExponentialConductance) {
                if (const auto v = m->stateIndex(s.voltage)) {
                    const Dimension volt = m->states()[*v].dimension;
                    quantity(pr.id, who, "synapse.reversal", "synapse reversal", s.reversal, volt);
                    if (weight) weight = *weight / volt; // siemens for a current in amp, per the model
                } else {
                    add(pr.id, "synapse.voltage",
                        who + ": " + onto + " has no state '" + s.voltage +
                            "' for the conductance's membrane potential.");
                    weight.reset();
                }
            }
        }
        if (weight) value(pr.id, who, "weight", "weight", pr.weight, *weight, names, true);
        if (const auto delay = value(pr.id, who, "delay", "delay", pr.delay, kSecond, names, true);
            delay && ((delay->isConstant() && delay->constantValue() < 0) || negativeLowerBound(pr.delay)))
            add(pr.id, "delay", who + ": the delay must not be negative.");
        else if (delay && delay->isConstant() && dt_ > 0 && std::round(delay->constantValue() / dt_) > kMaxDelaySteps)
            add(pr.id, "delay",
                who + ": the delay '" + pr.delay.a + "' is more than 65535 time steps of " + g_.dt +
                    ", the longest the simulator holds.");
        if (pr.stdp) {
            const StdpSpec& t = *pr.stdp;
            for (const auto& [field, what, text] :
                 {std::tuple<const char*, const char*, const std::string*>{"stdp.tau_pre", "STDP tau_pre", &t.tauPre},
                  {"stdp.tau_post", "STDP tau_post", &t.tauPost}})
                if (const auto tau = quantity(pr.id, who, field, what, *text, kSecond); tau && !(*tau > 0))
                    add(pr.id, field, who + ": " + what + " must be a positive time.");
            quantity(pr.id, who, "stdp.a_plus", "STDP A+", t.aPlus, Dimension{});
            quantity(pr.id, who, "stdp.a_minus", "STDP A-", t.aMinus, Dimension{});
            if (weight) quantity(pr.id, who, "stdp.w_max", "STDP w_max", t.wMax, *weight);
        }
    }

    void checkConnectivity(const Projection& pr, const std::string& who, const Population* source,
                           const Stimulus* stimulus, const Population* target, int sources, int targets) {
        const ConnectivityRule& r = pr.connectivity;
        // Sizes below 1 are reported on their item; ranges against them would only repeat that.
        const bool usable = source || (stimulus && stimulus->kind != Stimulus::Kind::Current);
        const bool known = usable && target && sources >= 1 && targets >= 1;
        const bool recurrent = source && target && source == target;
        const int self = recurrent && !r.allowSelfConnections ? 1 : 0;
        using K = ConnectivityRule::Kind;
        switch (r.kind) {
        case K::AllToAll:
            break;
        case K::OneToOne:
            if (known && sources != targets)
                add(pr.id, "connectivity.kind",
                    who + ": one-to-one needs equal sizes, but the source has " + std::to_string(sources) +
                        " and the target " + std::to_string(targets) + ".");
            break;
        case K::FixedProbability:
            if (!(r.probability >= 0 && r.probability <= 1))
                add(pr.id, "connectivity.probability",
                    who + ": the connection probability must be between 0 and 1 (it is " +
                        std::to_string(r.probability) + ").");
            break;
        case K::FixedInDegree:
        case K::FixedOutDegree: {
            const bool in = r.kind == K::FixedInDegree;
            const int available = (in ? sources : targets) - self;
            if (r.degree < 0)
                add(pr.id, "connectivity.degree", who + ": the degree must not be negative.");
            else if (known && r.degree > available)
                add(pr.id, "connectivity.degree",
                    who + ": a fixed " + (in ? "in" : "out") + "-degree of " + std::to_string(r.degree) +
                        " is impossible with only " + std::to_string(available) + " possible " +
                        (in ? "source" : "target") + (available == 1 ? "" : "s") + " per neuron" +
                        (self ? " (self-connections excluded)" : "") + ".");
            break;
        }
        case K::Explicit:
            for (std::size_t k = 0; k < r.pairs.size() && known; ++k) {
                const auto [a, b] = r.pairs[k];
                if (a < 0 || a >= sources || b < 0 || b >= targets) {
                    add(pr.id, "connectivity.pairs",
                        who + ": the pair (" + std::to_string(a) + ", " + std::to_string(b) + ") at position " +
                            std::to_string(k) + " is out of range (" + std::to_string(sources) + " sources, " +
                            std::to_string(targets) + " targets).");
                    break; // one message is enough to find the list
                }
            }
            break;
        case K::Distance:
            if (!(r.peak >= 0 && r.peak <= 1))
                add(pr.id, "connectivity.peak", who + ": the peak probability must be between 0 and 1.");
            if (!(r.sigma > 0)) add(pr.id, "connectivity.sigma", who + ": sigma must be a positive length.");
            if (stimulus)
                add(pr.id, "connectivity.kind",
                    who + ": distance-dependent connectivity needs a population source "
                          "with grid positions, not a stimulus.");
            for (const Population* p : {source, target})
                if (p && p->columns <= 0) {
                    add(pr.id, "connectivity.kind",
                        who + ": distance-dependent connectivity needs grid positions, but " +
                            label("population", p->id, p->name) + " has none.");
                    if (recurrent) break;
                }
            break;
        }
    }

    void checkStimulus(const Stimulus& s) {
        const std::string who = label("Stimulus", s.id, s.name);
        switch (s.kind) {
        case Stimulus::Kind::Poisson:
            if (s.size < 1) add(s.id, "size", who + ": the number of sources must be at least 1.");
            if (const auto rate = quantity(s.id, who, "rate", "rate", s.rate, kHertz); rate && !(*rate >= 0))
                add(s.id, "rate", who + ": the rate must not be negative.");
            break;
        case Stimulus::Kind::SpikeGenerator:
            if (s.size < 1) add(s.id, "size", who + ": the number of sources must be at least 1.");
            for (std::size_t k = 0; k < s.spikes.size(); ++k) {
                const auto& [index, time] = s.spikes[k];
                if (index < 0 || index >= s.size) {
                    add(s.id, "spikes",
                        who + ": spike " + std::to_string(k) + " comes from source " + std::to_string(index) +
                            ", outside 0.." + std::to_string(s.size - 1) + ".");
                    break;
                }
                const auto t = quantity(s.id, who, "spikes", "spike time", time, kSecond);
                if (!t) break;
                if (*t < 0) {
                    add(s.id, "spikes", who + ": spike " + std::to_string(k) + " is at a negative time.");
                    break;
                }
            }
            break;
        case Stimulus::Kind::Current: {
            const Population* p = g_.population(s.target);
            if (!p) {
                add(s.id, "target", who + ": its target '" + s.target + "' is not a population of the network.");
                break;
            }
            const NeuronModel* m = model(*p);
            if (!m) break;
            const auto k = m->parameterIndex(s.parameter);
            if (!k) {
                add(s.id, "parameter",
                    who + ": " + label("population", p->id, p->name) + " has no parameter '" + s.parameter +
                        "' to drive.");
                break;
            }
            const Dimension& d = m->parameters()[*k].dimension;
            if (!s.protocol.dimension.isDimensionless() && !(s.protocol.dimension == d))
                add(s.id, "protocol",
                    who + ": the protocol is in " + unitName(s.protocol.dimension) + " but '" + s.parameter +
                        "' is in " + unitName(d) + ".");
            break;
        }
        }
    }

    void checkMonitor(const Monitor& mon) {
        const std::string who = label("Monitor", mon.id, mon.name);
        const Population* p = g_.population(mon.target);
        if (!p) {
            add(mon.id, "target", who + ": its target '" + mon.target + "' is not a population of the network.");
            return;
        }
        if (mon.kind == Monitor::Kind::Rate) {
            if (const auto w = quantity(mon.id, who, "bin_width", "bin width", mon.binWidth, kSecond); w && !(*w > 0))
                add(mon.id, "bin_width", who + ": the bin width must be a positive time.");
        }
        if (mon.kind != Monitor::Kind::State) return;
        if (mon.variables.empty()) add(mon.id, "variables", who + ": choose at least one variable to record.");
        if (const NeuronModel* m = model(*p))
            for (const std::string& v : mon.variables)
                if (!m->stateIndex(v) && !m->parameterIndex(v))
                    add(mon.id, "variables",
                        who + ": " + label("population", p->id, p->name) + " has no variable '" + v + "'.");
        for (int i : p->size >= 1 ? mon.indices : std::vector<int>{})
            if (i < 0 || i >= p->size) {
                add(mon.id, "indices",
                    who + ": neuron " + std::to_string(i) + " is outside 0.." + std::to_string(p->size - 1) + ".");
                break;
            }
    }

    const NetworkGraph& g_;
    double dt_ = 0; // s; 0 while unknown (dt invalid)
    std::vector<NetworkIssue> issues_;
    std::map<const Population*, std::optional<NeuronModel>> models_;
};

} // namespace

std::vector<NetworkIssue> validateNetwork(const NetworkGraph& graph) { return Validator(graph).run(); }

} // namespace scs
