// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — validateNetwork: a valid graph has no issues; each defect is reported once,
// on the offending item and field, in a sentence naming the item.
#include "network/NetworkValidation.h"

#include "core/network/CubaNetwork.h"
#include "core/network/NetworkJsonFixtures.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace scs;

namespace {

std::string describe(const std::vector<NetworkIssue>& issues) {
    std::string text;
    for (const NetworkIssue& i : issues) text += "[" + i.itemId + " / " + i.field + "] " + i.message + "\n";
    return text;
}

struct Case {
    const char* what;
    std::function<void(NetworkGraph&)> edit;
    std::string itemId;
    std::string field;    // the issue's field starts with this
    std::string mentions; // the message contains this
};

TEST(NetworkValidation, ValidGraphsHaveNoIssues) {
    EXPECT_TRUE(validateNetwork(test::everyFieldNetwork()).empty())
        << describe(validateNetwork(test::everyFieldNetwork()));
    EXPECT_TRUE(validateNetwork(test::cubaNetwork()).empty()) << describe(validateNetwork(test::cubaNetwork()));
}

TEST(NetworkValidation, EachDefectIsReportedOnItsItem) {
    const std::vector<Case> cases{
        {"zero dt", [](NetworkGraph& g) { g.dt = "0*ms"; }, "", "dt", "positive"},
        {"duration in volts", [](NetworkGraph& g) { g.duration = "1*mV"; }, "", "duration", "volt"},
        {"empty id", [](NetworkGraph& g) { g.monitors[0].id = ""; }, "", "id", "'Spikes' has no id"},
        {"duplicate id", [](NetworkGraph& g) { g.stimuli[1].id = "exc"; }, "exc", "id", "Stimulus 'Kick'"},
        {"size 0", [](NetworkGraph& g) { g.populations[1].size = 0; }, "inh", "size", "Population 'Inhibitory'"},
        {"broken model", [](NetworkGraph& g) { g.populations[0].model.equations = "dv/dt = (El - v)/tua : volt"; },
         "exc", "model.equations", "line 1, column"},
        {"unknown parameter",
         [](NetworkGraph& g) {
             g.populations[0].parameters.push_back({"taum", ValueSpec::constant("1*ms")});
         },
         "exc", "parameters.taum", "no parameter 'taum'"},
        {"unknown state",
         [](NetworkGraph& g) {
             g.populations[1].initialValues.push_back({"w", ValueSpec::constant("0*mV")});
         },
         "inh", "initial_values.w", "no state variable 'w'"},
        {"parameter unit",
         [](NetworkGraph& g) {
             g.populations[0].parameters[0].second = {ValueSpec::Kind::Uniform, "8*mV", "9*mV"};
         },
         "exc", "parameters.tau", "second"},
        {"initial value expression unit",
         [](NetworkGraph& g) { g.populations[0].initialValues[0].second.a = "El + rand()*tau"; }, "exc",
         "initial_values.v", "Excitatory"},
        {"expression parse error", [](NetworkGraph& g) { g.populations[0].initialValues[0].second.a = "El + (rand()"; },
         "exc", "initial_values.v", "'El + (rand()'"},
        {"dangling source", [](NetworkGraph& g) { g.projections[0].source = "gone"; }, "e_to_i", "source", "'gone'"},
        {"into a stimulus", [](NetworkGraph& g) { g.projections[1].target = "kick"; }, "noise_to_e", "target",
         "is a stimulus"},
        {"from a current stimulus", [](NetworkGraph& g) { g.projections[1].source = "clamp"; }, "noise_to_e", "source",
         "cannot be the source"},
        {"jump onto a missing state",
         [](NetworkGraph& g) {
             g.projections[1].synapse.kind = SynapseSpec::Kind::Jump;
             g.projections[1].synapse.target = "ge";
         },
         "noise_to_e", "synapse.target", "no state variable 'ge'"},
        {"weight unit vs jump target",
         [](NetworkGraph& g) {
             g.projections[1].synapse.kind = SynapseSpec::Kind::Jump;
             g.projections[1].synapse.target = "v";
         },
         "noise_to_e", "weight", "volt"},
        {"current kind onto a missing parameter", [](NetworkGraph& g) { g.projections[1].synapse.target = "Isyn"; },
         "noise_to_e", "synapse.target", "no parameter 'Isyn'"},
        {"conductance weight in amp", [](NetworkGraph& g) { g.projections[0].weight = ValueSpec::constant("1*nA"); },
         "e_to_i", "weight", "siemens"},
        {"tau in volts", [](NetworkGraph& g) { g.projections[1].synapse.tau = "2*mV"; }, "noise_to_e", "synapse.tau",
         "second"},
        {"reversal in amp", [](NetworkGraph& g) { g.projections[0].synapse.reversal = "1*nA"; }, "e_to_i",
         "synapse.reversal", "volt"},
        {"negative delay", [](NetworkGraph& g) { g.projections[1].delay = ValueSpec::constant("-1*ms"); }, "noise_to_e",
         "delay", "negative"},
        {"uniform delay below zero",
         [](NetworkGraph& g) {
             g.projections[0].delay = {ValueSpec::Kind::Uniform, "-1*ms", "2*ms"};
         },
         "e_to_i", "delay", "negative"},
        {"delay beyond the ring buffer", [](NetworkGraph& g) { g.projections[1].delay = ValueSpec::constant("4*s"); },
         "noise_to_e", "delay", "65535 time steps"},
        {"delay in volts", [](NetworkGraph& g) { g.projections[1].delay = ValueSpec::constant("1*mV"); }, "noise_to_e",
         "delay", "second"},
        {"probability above 1",
         [](NetworkGraph& g) {
             g.projections[1].connectivity = {};
             g.projections[1].connectivity.probability = 1.5;
         },
         "noise_to_e", "connectivity.probability", "between 0 and 1"},
        {"in-degree above sources", [](NetworkGraph& g) { g.projections[1].connectivity.degree = 6; }, "noise_to_e",
         "connectivity.degree", "only 5 possible sources"},
        {"out-degree above targets",
         [](NetworkGraph& g) {
             g.projections[0].connectivity.kind = ConnectivityRule::Kind::FixedOutDegree;
             g.projections[0].connectivity.degree = 4;
         },
         "e_to_i", "connectivity.degree", "only 3 possible targets"},
        {"explicit pair out of range",
         [](NetworkGraph& g) {
             g.projections[0].connectivity.pairs.push_back({12, 0});
         },
         "e_to_i", "connectivity.pairs", "(12, 0)"},
        {"one-to-one of unequal sizes",
         [](NetworkGraph& g) { g.projections[0].connectivity.kind = ConnectivityRule::Kind::OneToOne; }, "e_to_i",
         "connectivity.kind", "equal sizes"},
        {"distance without positions",
         [](NetworkGraph& g) { g.projections[0].connectivity.kind = ConnectivityRule::Kind::Distance; }, "e_to_i",
         "connectivity.kind", "'Inhibitory' has none"},
        {"STDP w_max unit", [](NetworkGraph& g) { g.projections[0].stdp->wMax = "1*mV"; }, "e_to_i", "stdp.w_max",
         "siemens"},
        {"Poisson rate in seconds", [](NetworkGraph& g) { g.stimuli[0].rate = "5*ms"; }, "noise", "rate", "Background"},
        {"spike from a missing source",
         [](NetworkGraph& g) {
             g.stimuli[1].spikes.push_back({2, "1*ms"});
         },
         "kick", "spikes", "source 2"},
        {"spike at a negative time", [](NetworkGraph& g) { g.stimuli[1].spikes[1].second = "-1*ms"; }, "kick", "spikes",
         "negative time"},
        {"current into a missing parameter", [](NetworkGraph& g) { g.stimuli[2].parameter = "Iext"; }, "clamp",
         "parameter", "no parameter 'Iext'"},
        {"current protocol in volts",
         [](NetworkGraph& g) {
             g.stimuli[2].protocol.dimension = Dimension::base(Dimension::Ampere) * Dimension::base(Dimension::Metre);
         },
         "clamp", "protocol", "Clamp"},
        {"monitor on a missing population", [](NetworkGraph& g) { g.monitors[0].target = "nobody"; }, "spk", "target",
         "'nobody'"},
        {"monitor of a missing variable", [](NetworkGraph& g) { g.monitors[1].variables.push_back("w"); }, "vm",
         "variables", "no variable 'w'"},
        {"monitor index out of range", [](NetworkGraph& g) { g.monitors[1].indices.push_back(3); }, "vm", "indices",
         "neuron 3"},
        {"rate bin in volts", [](NetworkGraph& g) { g.monitors[2].binWidth = "1*mV"; }, "rate", "bin_width", "Rate"},
    };
    for (const Case& c : cases) {
        NetworkGraph g = test::everyFieldNetwork();
        c.edit(g);
        const auto issues = validateNetwork(g);
        ASSERT_EQ(issues.size(), 1u) << c.what << ":\n" << describe(issues);
        EXPECT_EQ(issues[0].itemId, c.itemId) << c.what;
        EXPECT_EQ(issues[0].field.rfind(c.field, 0), 0u) << c.what << ": field " << issues[0].field;
        EXPECT_NE(issues[0].message.find(c.mentions), std::string::npos) << c.what << ": " << issues[0].message;
        EXPECT_EQ(issues[0].message.back(), '.') << c.what << ": one sentence: " << issues[0].message;
    }
}

TEST(NetworkValidation, SelfConnectionsCountTowardsTheInDegree) {
    NetworkGraph g = test::everyFieldNetwork();
    Projection& p = g.projections[1];
    p.source = "inh";
    p.target = "inh";
    p.synapse.target = "I";
    p.connectivity.degree = 3; // three neurons: possible only when a neuron may connect to itself
    p.connectivity.allowSelfConnections = true;
    EXPECT_TRUE(validateNetwork(g).empty()) << describe(validateNetwork(g));
    p.connectivity.allowSelfConnections = false;
    const auto issues = validateNetwork(g);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_NE(issues[0].message.find("only 2 possible sources"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("self-connections excluded"), std::string::npos) << issues[0].message;
}

TEST(NetworkValidation, SeveralProblemsAreAllReportedAndABrokenModelOnlyOnce) {
    NetworkGraph g = test::everyFieldNetwork();
    g.populations[1].model.threshold = "v > "; // inh does not compile
    g.populations[0].size = -1;
    g.projections[0].source = "missing";
    const auto issues = validateNetwork(g);
    int modelIssues = 0, sizeIssues = 0, sourceIssues = 0;
    for (const NetworkIssue& i : issues) {
        modelIssues += i.itemId == "inh" && i.field.rfind("model", 0) == 0;
        sizeIssues += i.itemId == "exc" && i.field == "size";
        sourceIssues += i.itemId == "e_to_i" && i.field == "source";
    }
    EXPECT_GE(modelIssues, 1);
    EXPECT_EQ(sizeIssues, 1);
    EXPECT_EQ(sourceIssues, 1);
    // Projections into, a stimulus into and a monitor on the broken population add nothing more.
    EXPECT_EQ(issues.size(), static_cast<std::size_t>(modelIssues + 2)) << describe(issues);
}

} // namespace
