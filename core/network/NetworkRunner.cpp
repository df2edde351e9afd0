// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the network simulator's set-up and step phases.
#include "network/NetworkRunner.h"

#include "network/NetworkError.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace scs::detail {

namespace {

std::int64_t geometricGap(Random& rng, double p) {
    if (p >= 1.0) return 1;
    return 1 + static_cast<std::int64_t>(std::floor(std::log1p(-rng.uniform()) / std::log1p(-p)));
}

} // namespace

void NetworkRunner::setUp() {
    const double dt = net_.dt;
    for (std::size_t p = 0; p < net_.populations.size(); ++p) {
        BuiltPopulation& bp = net_.populations[p];
        PopulationRun r;
        r.pop = &bp;
        r.bounds = chunkBounds(bp.size);
        for (const SynapticChannel& c : bp.channels) {
            ChannelState cs;
            cs.spec = c;
            cs.ring.assign(static_cast<std::size_t>(c.delaySlots) * static_cast<std::size_t>(bp.size), 0.0);
            if (c.kind != SynapseSpec::Kind::Jump) cs.x.assign(static_cast<std::size_t>(bp.size), 0.0);
            if (c.kind == SynapseSpec::Kind::AlphaCurrent) cs.y.assign(static_cast<std::size_t>(bp.size), 0.0);
            if (c.kind != SynapseSpec::Kind::Jump &&
                std::find(r.dynamic.begin(), r.dynamic.end(), c.parameter) == r.dynamic.end())
                r.dynamic.push_back(c.parameter);
            r.channels.push_back(std::move(cs));
        }
        for (const BuiltStimulus& st : net_.stimuli) {
            if (st.kind != Stimulus::Kind::Current || st.target != static_cast<int>(p)) continue;
            if (std::find(r.dynamic.begin(), r.dynamic.end(), st.parameter) == r.dynamic.end())
                r.dynamic.push_back(st.parameter);
            Protocol protocol = st.protocol;
            std::vector<ProtocolSignal> signals;
            signals.reserve(static_cast<std::size_t>(bp.size));
            for (int i = 0; i < bp.size; ++i) {
                protocol.seed = st.seed + static_cast<std::uint64_t>(i); // independent noise per neuron
                signals.emplace_back(protocol, dt);
            }
            r.drives.emplace_back(st.parameter, std::move(signals));
        }
        for (int t = 0; t < T_; ++t) {
            const int lo = r.bounds[static_cast<std::size_t>(t)], hi = r.bounds[static_cast<std::size_t>(t) + 1];
            if (hi == lo) {
                r.chunks.emplace_back();
                continue;
            }
            // rand() in the model: one stream per neuron of the population, from the graph's seed.
            const std::uint64_t seed = Random::stream(net_.seed, p).next();
            auto a = std::make_unique<NeuronArray>(bp.model, dt, hi - lo, seed, static_cast<std::uint64_t>(lo));
            for (const auto& [k, values] : bp.parameterValues)
                for (int l = 0; l < hi - lo; ++l) a->setParameter(l, k, values[static_cast<std::size_t>(lo + l)]);
            for (const auto& [k, values] : bp.initialValues)
                for (int l = 0; l < hi - lo; ++l) a->setState(l, k, values[static_cast<std::size_t>(lo + l)]);
            for (std::size_t k : r.dynamic) a->markDynamic(k);
            a->prepare();
            r.chunks.push_back(std::move(a));
        }
        for (auto& buffer : r.spikes) buffer.resize(static_cast<std::size_t>(T_));
        r.recSteps.resize(static_cast<std::size_t>(T_));
        r.recNeurons.resize(static_cast<std::size_t>(T_));
        pops_.push_back(std::move(r));
    }
    for (const BuiltStimulus& st : net_.stimuli) {
        StimulusRun r;
        r.stim = &st;
        r.bounds = chunkBounds(st.size);
        if (st.kind == Stimulus::Kind::Poisson) {
            for (int i = 0; i < st.size; ++i) {
                r.rngs.push_back(Random::stream(st.seed, static_cast<std::uint64_t>(i)));
                r.next.push_back(st.probability > 0 ? geometricGap(r.rngs.back(), st.probability) - 1 : INT64_MAX);
            }
        }
        for (auto& buffer : r.spikes) buffer.resize(static_cast<std::size_t>(T_));
        stims_.push_back(std::move(r));
    }
    for (BuiltProjection& pr : net_.projections) {
        StdpRun sr;
        if (pr.stdp) {
            const int targets = net_.populations[static_cast<std::size_t>(pr.target)].size;
            if (pr.rows.size() > UINT32_MAX)
                throw NetworkError("projection '" + pr.id + "': too many synapses for STDP");
            sr.pre.assign(static_cast<std::size_t>(T_),
                          std::vector<double>(static_cast<std::size_t>(pr.sourceSize), 0.0));
            sr.post.assign(static_cast<std::size_t>(targets), 0.0);
            sr.colOffsets.assign(static_cast<std::size_t>(targets) + 1, 0);
            for (std::int32_t j : pr.rows.targets) ++sr.colOffsets[static_cast<std::size_t>(j) + 1];
            for (std::size_t j = 1; j < sr.colOffsets.size(); ++j) sr.colOffsets[j] += sr.colOffsets[j - 1];
            std::vector<std::uint64_t> fill(sr.colOffsets.begin(), sr.colOffsets.end() - 1);
            sr.colSynapses.resize(pr.rows.size());
            sr.colSources.resize(pr.rows.size());
            for (int i = 0; i < pr.sourceSize; ++i)
                for (std::uint64_t k = pr.rows.offsets[static_cast<std::size_t>(i)];
                     k < pr.rows.offsets[static_cast<std::size_t>(i) + 1]; ++k) {
                    const std::uint64_t at = fill[static_cast<std::size_t>(pr.rows.targets[k])]++;
                    sr.colSynapses[at] = static_cast<std::uint32_t>(k);
                    sr.colSources[at] = i;
                }
        }
        stdp_.push_back(std::move(sr));
    }
    result_.dt = dt;
    result_.steps = net_.steps;
    result_.synapses = net_.synapses;
    for (const BuiltMonitor& m : net_.monitors) {
        if (m.kind == Monitor::Kind::State)
            for (const auto& v : m.variables)
                for (int neuron : m.neurons) {
                    StateTrace tr;
                    tr.monitorId = m.id;
                    tr.populationId = net_.populations[static_cast<std::size_t>(m.population)].id;
                    tr.variable = v.name;
                    tr.neuron = neuron;
                    tr.unit = v.unit;
                    tr.scale = v.scale;
                    tr.values.assign(static_cast<std::size_t>(net_.steps), 0.0);
                    result_.traces.push_back(std::move(tr));
                }
    }
    std::size_t k = 0;
    for (std::size_t m = 0; m < net_.monitors.size(); ++m) {
        const BuiltMonitor& mon = net_.monitors[m];
        if (mon.kind != Monitor::Kind::State) continue;
        for (std::size_t v = 0; v < mon.variables.size(); ++v)
            for (int neuron : mon.neurons)
                traces_.push_back({static_cast<int>(m), static_cast<int>(v), neuron, &result_.traces[k++]});
    }
    scratch_.resize(static_cast<std::size_t>(T_));
}

// [SECTION] phase A: neurons

bool NetworkRunner::phaseA(int t, std::int64_t s) {
    const int par = static_cast<int>(s & 1);
    const std::size_t tc = static_cast<std::size_t>(t);
    const double time = static_cast<double>(s) * net_.dt;
    ThreadScratch& sc = scratch_[tc];
    bool stop = false;
    for (std::size_t p = 0; p < pops_.size(); ++p) {
        PopulationRun& r = pops_[p];
        std::vector<int>& out = r.spikes[par][tc];
        out.clear();
        NeuronArray* chunk = r.chunks[tc].get();
        if (!chunk) continue;
        const int lo = r.bounds[tc];
        const std::size_t n = static_cast<std::size_t>(chunk->lanes());
        for (std::size_t param : r.dynamic) {
            sc.a.assign(n, 0.0);
            for (const ChannelState& c : r.channels) {
                if (c.spec.kind == SynapseSpec::Kind::Jump || c.spec.parameter != param) continue;
                const double* x = c.x.data() + lo;
                switch (c.spec.kind) {
                case SynapseSpec::Kind::ExponentialCurrent:
                    for (std::size_t l = 0; l < n; ++l) sc.a[l] += x[l];
                    break;
                case SynapseSpec::Kind::AlphaCurrent:
                    for (std::size_t l = 0; l < n; ++l) sc.a[l] += c.y[static_cast<std::size_t>(lo) + l];
                    break;
                case SynapseSpec::Kind::ExponentialConductance:
                    sc.b.resize(n);
                    chunk->readState(c.spec.state, sc.b.data());
                    for (std::size_t l = 0; l < n; ++l) sc.a[l] += x[l] * (c.spec.reversal - sc.b[l]);
                    break;
                case SynapseSpec::Kind::Jump:
                    break;
                }
            }
            for (auto& [driven, signals] : r.drives) {
                if (driven != param) continue;
                for (std::size_t l = 0; l < n; ++l) {
                    ProtocolSignal& signal = signals[static_cast<std::size_t>(lo) + l];
                    signal.advance(s);
                    sc.a[l] += signal.at(time);
                }
            }
            chunk->setParameterValues(param, sc.a.data());
        }
        for (const Trace& tr : traces_) {
            const BuiltMonitor& m = net_.monitors[static_cast<std::size_t>(tr.monitor)];
            if (m.population != static_cast<int>(p) || tr.neuron < lo || tr.neuron >= lo + static_cast<int>(n))
                continue;
            const BuiltMonitor::Variable& v = m.variables[static_cast<std::size_t>(tr.variable)];
            tr.out->values[static_cast<std::size_t>(s)] =
                v.isState ? chunk->state(tr.neuron - lo, v.index) : chunk->parameter(tr.neuron - lo, v.index);
        }
        const std::vector<int>& spiked = chunk->update(s);
        if (chunk->anyError()) stop = true;
        for (int lane : spiked) {
            out.push_back(lo + lane);
            r.recSteps[tc].push_back(static_cast<std::int32_t>(s));
            r.recNeurons[tc].push_back(lo + lane);
        }
        // Synaptic states advance with the neurons (Brian2 integrates them in the groups slot).
        for (ChannelState& c : r.channels) {
            if (c.spec.kind == SynapseSpec::Kind::Jump) continue;
            double* x = c.x.data() + lo;
            const double a = c.spec.decay;
            if (c.spec.kind == SynapseSpec::Kind::AlphaCurrent) {
                double* y = c.y.data() + lo;
                const double k = net_.dt / c.spec.tau;
                for (std::size_t l = 0; l < n; ++l) y[l] = a * (y[l] + k * x[l]);
            }
            for (std::size_t l = 0; l < n; ++l) x[l] *= a;
        }
    }
    for (StimulusRun& r : stims_) {
        std::vector<int>& out = r.spikes[par][tc];
        out.clear();
        if (r.stim->kind == Stimulus::Kind::Poisson) {
            for (int i = r.bounds[tc]; i < r.bounds[tc + 1]; ++i) {
                std::int64_t& next = r.next[static_cast<std::size_t>(i)];
                if (next != s) continue;
                out.push_back(i);
                next += geometricGap(r.rngs[static_cast<std::size_t>(i)], r.stim->probability);
            }
        } else if (r.stim->kind == Stimulus::Kind::SpikeGenerator && t == 0) {
            const auto& spikes = r.stim->spikes;
            while (r.cursor < spikes.size() && spikes[r.cursor].first < s) ++r.cursor;
            for (; r.cursor < spikes.size() && spikes[r.cursor].first == s; ++r.cursor)
                if (out.empty() || out.back() != spikes[r.cursor].second) out.push_back(spikes[r.cursor].second);
        }
    }
    return stop;
}

// [SECTION] phase B: synapses

void NetworkRunner::deliver(int t, std::int64_t s, BuiltProjection& pr, std::size_t index) {
    const std::size_t tc = static_cast<std::size_t>(t);
    PopulationRun& target = pops_[static_cast<std::size_t>(pr.target)];
    const int lo = target.bounds[tc], hi = target.bounds[tc + 1];
    if (lo == hi) return;
    ChannelState& channel = target.channels[static_cast<std::size_t>(pr.channel)];
    const std::size_t size = static_cast<std::size_t>(target.pop->size);
    const std::int64_t slots = channel.spec.delaySlots;
    const std::int64_t base = s % slots;
    double* ring = channel.ring.data();
    const int par = static_cast<int>(s & 1);
    StdpRun* st = pr.stdp ? &stdp_[index] : nullptr;
    std::vector<double>* pre = st ? &st->pre[tc] : nullptr;
    if (st) {
        for (double& x : *pre) x *= pr.stdp->decayPre;
        for (int j = lo; j < hi; ++j) st->post[static_cast<std::size_t>(j)] *= pr.stdp->decayPost;
    }
    const std::int32_t* targets = pr.rows.targets.data();
    float* weights = pr.weights.data();
    double* direct = directTarget(target, channel, tc);
    std::uint64_t events = 0;
    for (int c = 0; c < T_; ++c) {
        for (int i : sourceSpikes(pr, par, c)) {
            std::uint64_t b = pr.rows.offsets[static_cast<std::size_t>(i)];
            std::uint64_t e = pr.rows.offsets[static_cast<std::size_t>(i) + 1];
            if (T_ > 1) { // only the targets this thread owns; rows are sorted
                b = static_cast<std::uint64_t>(std::lower_bound(targets + b, targets + e, lo) - targets);
                e = static_cast<std::uint64_t>(std::lower_bound(targets + b, targets + e, hi) - targets);
            }
            events += e - b;
            if (direct) { // Brian2's on_pre: straight into the state, after thresholds, before resets
                for (std::uint64_t k = b; k < e; ++k) direct[targets[k] - lo] += static_cast<double>(weights[k]);
            } else if (pr.delays.empty()) {
                double* slot = ring + static_cast<std::size_t>((base + pr.delay) % slots) * size;
                for (std::uint64_t k = b; k < e; ++k) slot[targets[k]] += static_cast<double>(weights[k]);
            } else {
                for (std::uint64_t k = b; k < e; ++k) {
                    std::int64_t at = base + pr.delays[k];
                    if (at >= slots) at -= slots;
                    ring[static_cast<std::size_t>(at) * size + static_cast<std::size_t>(targets[k])] +=
                        static_cast<double>(weights[k]);
                }
            }
            if (st) { // on_pre after delivery: w += post trace (depression), then the pre trace grows
                for (std::uint64_t k = b; k < e; ++k)
                    weights[k] = static_cast<float>(
                        std::clamp(static_cast<double>(weights[k]) + st->post[static_cast<std::size_t>(targets[k])],
                                   0.0, pr.stdp->wMax));
                (*pre)[static_cast<std::size_t>(i)] += pr.stdp->aPre;
            }
        }
    }
    scratch_[tc].events += events;
    if (!st) return;
    for (int j : target.spikes[par][tc]) { // on_post: the post trace grows, w += pre trace (potentiation)
        st->post[static_cast<std::size_t>(j)] += pr.stdp->aPost;
        for (std::uint64_t q = st->colOffsets[static_cast<std::size_t>(j)];
             q < st->colOffsets[static_cast<std::size_t>(j) + 1]; ++q) {
            float& w = weights[st->colSynapses[q]];
            w = static_cast<float>(std::clamp(
                static_cast<double>(w) + (*pre)[static_cast<std::size_t>(st->colSources[q])], 0.0, pr.stdp->wMax));
        }
    }
}

double* NetworkRunner::directTarget(PopulationRun& target, const ChannelState& channel, std::size_t chunk) {
    if (channel.spec.kind != SynapseSpec::Kind::Jump || channel.spec.delaySlots != 1) return nullptr;
    NeuronArray* a = target.chunks[chunk].get();
    return a ? a->stateData(channel.spec.state) : nullptr;
}

void NetworkRunner::applyArrivals(int t, std::int64_t s) {
    const std::size_t tc = static_cast<std::size_t>(t);
    constexpr double e = 2.718281828459045235360287; // alpha: x += e*w makes the current peak at w
    for (PopulationRun& r : pops_) {
        NeuronArray* chunk = r.chunks[tc].get();
        if (!chunk) continue;
        const std::size_t lo = static_cast<std::size_t>(r.bounds[tc]);
        const std::size_t n = static_cast<std::size_t>(chunk->lanes());
        const std::size_t size = static_cast<std::size_t>(r.pop->size);
        for (ChannelState& c : r.channels) {
            double* in = c.ring.data() + static_cast<std::size_t>(s % c.spec.delaySlots) * size + lo;
            if (c.spec.kind == SynapseSpec::Kind::Jump) {
                if (!directTarget(r, c, tc)) chunk->addToState(c.spec.state, in);
                continue;
            }
            const double scale = c.spec.kind == SynapseSpec::Kind::AlphaCurrent ? e : 1.0;
            double* x = c.x.data() + lo;
            for (std::size_t l = 0; l < n; ++l) {
                x[l] += scale * in[l];
                in[l] = 0.0;
            }
        }
        chunk->reset();
    }
}

void NetworkRunner::phaseB(int t, std::int64_t s) {
    for (std::size_t k = 0; k < net_.projections.size(); ++k) deliver(t, s, net_.projections[k], k);
    applyArrivals(t, s);
}

} // namespace scs::detail
