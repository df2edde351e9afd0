// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the readable enum names of the network JSON form (shared by writer and reader).
#pragma once

#include "network/NetworkGraph.h"

#include <array>
#include <utility>

namespace scs::networkjson {

// Enum values and their names in files; the first entry is the default a writer falls back to.

template <class E, std::size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

inline constexpr Names<ValueSpec::Kind, 4> kValueKinds{{{ValueSpec::Kind::Constant, "constant"},
                                                        {ValueSpec::Kind::Uniform, "uniform"},
                                                        {ValueSpec::Kind::Normal, "normal"},
                                                        {ValueSpec::Kind::Expression, "expression"}}};
inline constexpr Names<SynapseSpec::Kind, 4> kSynapseKinds{
    {{SynapseSpec::Kind::Jump, "jump"},
     {SynapseSpec::Kind::ExponentialCurrent, "exponential_current"},
     {SynapseSpec::Kind::AlphaCurrent, "alpha_current"},
     {SynapseSpec::Kind::ExponentialConductance, "exponential_conductance"}}};
inline constexpr Names<ConnectivityRule::Kind, 7> kRuleKinds{
    {{ConnectivityRule::Kind::AllToAll, "all_to_all"},
     {ConnectivityRule::Kind::OneToOne, "one_to_one"},
     {ConnectivityRule::Kind::FixedProbability, "fixed_probability"},
     {ConnectivityRule::Kind::FixedInDegree, "fixed_in_degree"},
     {ConnectivityRule::Kind::FixedOutDegree, "fixed_out_degree"},
     {ConnectivityRule::Kind::Explicit, "explicit"},
     {ConnectivityRule::Kind::Distance, "distance"}}};
inline constexpr Names<Stimulus::Kind, 3> kStimulusKinds{{{Stimulus::Kind::Poisson, "poisson"},
                                                          {Stimulus::Kind::SpikeGenerator, "spike_generator"},
                                                          {Stimulus::Kind::Current, "current"}}};
inline constexpr Names<Monitor::Kind, 3> kMonitorKinds{
    {{Monitor::Kind::Spikes, "spikes"}, {Monitor::Kind::State, "state"}, {Monitor::Kind::Rate, "rate"}}};
inline constexpr Names<Protocol::Kind, 6> kProtocolKinds{{{Protocol::Kind::Constant, "constant"},
                                                          {Protocol::Kind::Step, "step"},
                                                          {Protocol::Kind::Ramp, "ramp"},
                                                          {Protocol::Kind::Sine, "sine"},
                                                          {Protocol::Kind::PulseTrain, "pulse_train"},
                                                          {Protocol::Kind::Noise, "noise"}}};

template <class E, std::size_t N>
const char* nameOf(const Names<E, N>& names, E value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return names[0].second;
}

} // namespace scs::networkjson
