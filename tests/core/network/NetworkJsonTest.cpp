// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — NetworkJson: every field round-trips, enums are readable, bad input names its path.
#include "network/NetworkJson.h"
#include "network/NetworkError.h"

#include "core/network/NetworkJsonFixtures.h"

#include <gtest/gtest.h>

#include <string>

using namespace scs;
using json = nlohmann::json;

namespace {

/// The message networkFromJson throws for `j` ("" when it does not throw).
std::string errorOf(const json& j) {
    try {
        networkFromJson(j);
    } catch (const NetworkError& e) {
        return e.what();
    }
    return {};
}

TEST(NetworkJson, EveryFieldRoundTripsThroughBothJsonFormsAndText) {
    const NetworkGraph g = test::everyFieldNetwork();
    EXPECT_EQ(networkFromJson(networkToJson(g)), g);
    EXPECT_EQ(networkFromJson(networkToOrderedJson(g)), g);
    // Through text, as a project file stores it.
    EXPECT_EQ(networkFromJson(json::parse(networkToOrderedJson(g).dump(1))), g);
    EXPECT_EQ(networkFromJson(nlohmann::ordered_json::parse(networkToJson(g).dump())), g);
}

TEST(NetworkJson, EachChangedFieldChangesTheJson) {
    // A writer that dropped a field would still round-trip the defaults; changing fields one at a
    // time and reading them back catches that.
    NetworkGraph g = test::everyFieldNetwork();
    g.projections[0].connectivity.allowSelfConnections = false;
    g.projections[1].stdp.reset();
    g.stimuli[2].protocol.stop = 0.2;
    g.populations[1].model.method = "";
    g.monitors[1].indices.clear();
    const NetworkGraph back = networkFromJson(networkToJson(g));
    EXPECT_EQ(back, g);
    EXPECT_NE(back, test::everyFieldNetwork());
    EXPECT_EQ(back.stimuli[2].protocol.stop, 0.2);
    EXPECT_FALSE(back.projections[1].stdp.has_value());
}

TEST(NetworkJson, EnumsAreReadableNamesAndConstantsArePlainText) {
    const json j = networkToJson(test::everyFieldNetwork());
    EXPECT_EQ(j["format"], "scstudio-network");
    EXPECT_EQ(j["projections"][0]["synapse"]["kind"], "exponential_conductance");
    EXPECT_EQ(j["projections"][0]["connectivity"]["kind"], "explicit");
    EXPECT_EQ(j["projections"][1]["synapse"]["kind"], "alpha_current");
    EXPECT_EQ(j["projections"][1]["connectivity"]["kind"], "fixed_in_degree");
    EXPECT_EQ(j["stimuli"][1]["kind"], "spike_generator");
    EXPECT_EQ(j["stimuli"][2]["protocol"]["kind"], "noise");
    EXPECT_TRUE(j["stimuli"][2]["protocol"]["stop"].is_null()) << "an endless protocol is null, not a number";
    EXPECT_EQ(j["monitors"][2]["kind"], "rate");
    EXPECT_EQ(j["projections"][1]["weight"], "0.1*nA");
    EXPECT_EQ(j["populations"][0]["parameters"][0]["value"]["kind"], "uniform");
    // A constant that carries a second text is written whole, so nothing is lost.
    EXPECT_EQ(j["populations"][0]["parameters"][1]["value"]["b"], "ignored but kept");
    // Model parameters keep the user's order (tau before El), which an object would not.
    EXPECT_EQ(j["populations"][0]["model"]["parameters"][0][0], "tau");
    EXPECT_EQ(j["seed"].get<std::uint64_t>(), 18446744073709551557ULL);
}

TEST(NetworkJson, ShortHandWrittenFormsRead) {
    const json j = json::parse(R"({
      "name": "hand written", "duration": "100*ms",
      "populations": [{"id": "p", "size": 10,
                       "model": {"equations": "dv/dt = -v/(10*ms) : volt", "parameters": {"a": "1", "b": "2*mV"}}}],
      "stimuli": [{"id": "c", "kind": "current", "target": "p", "protocol": "step amplitude=2*nA start=10*ms stop=50*ms"}],
      "monitors": [{"id": "m", "target": "p"}]
    })");
    const NetworkGraph g = networkFromJson(j);
    EXPECT_EQ(g.name, "hand written");
    EXPECT_EQ(g.dt, NetworkGraph{}.dt) << "a missing field takes the default";
    ASSERT_EQ(g.populations.size(), 1u);
    EXPECT_EQ(g.populations[0].size, 10);
    EXPECT_EQ(g.populations[0].model.parameter("b"), "2*mV");
    ASSERT_EQ(g.stimuli.size(), 1u);
    EXPECT_EQ(g.stimuli[0].protocol.kind, Protocol::Kind::Step);
    EXPECT_DOUBLE_EQ(g.stimuli[0].protocol.amplitude, 2e-9);
    EXPECT_EQ(g.stimuli[0].protocol.dimension, Dimension::base(Dimension::Ampere));
    EXPECT_EQ(g.monitors[0].kind, Monitor::Kind::Spikes);
}

TEST(NetworkJson, MalformedInputNamesTheFieldPath) {
    const json good = networkToJson(test::everyFieldNetwork());
    auto with = [&](const std::string& pointer, const json& value) {
        json j = good;
        j[json::json_pointer(pointer)] = value;
        return errorOf(j);
    };
    EXPECT_EQ(errorOf(good), "");

    std::string e = with("/populations/1/size", "three");
    EXPECT_NE(e.find("populations[1].size"), std::string::npos) << e;
    EXPECT_NE(e.find("whole number"), std::string::npos) << e;

    e = with("/projections/0/connectivity/kind", "fixed_probabilty");
    EXPECT_NE(e.find("projections[0].connectivity.kind"), std::string::npos) << e;
    EXPECT_NE(e.find("unknown name 'fixed_probabilty'"), std::string::npos) << e;
    EXPECT_NE(e.find("fixed_probability"), std::string::npos) << "the message lists the valid names: " << e;

    e = with("/projections/1/synapse/kind", 3);
    EXPECT_NE(e.find("projections[1].synapse.kind: must be text"), std::string::npos) << e;

    e = with("/stimuli/1/spikes/1", json::array({1}));
    EXPECT_NE(e.find("stimuli[1].spikes[1]"), std::string::npos) << e;

    e = with("/projections/0/connectivity/pairs/2/0", 1.5);
    EXPECT_NE(e.find("projections[0].connectivity.pairs[2][0]"), std::string::npos) << e;

    e = with("/populations/0/size", 1e12);
    EXPECT_NE(e.find("populations[0].size"), std::string::npos) << e;

    e = with("/populations/0/size", 4294967297LL);
    EXPECT_NE(e.find("out of range"), std::string::npos) << e;

    e = with("/seed", -1);
    EXPECT_NE(e.find("network.seed: must not be negative"), std::string::npos) << e;

    e = with("/monitors/0/kind", "voltage");
    EXPECT_NE(e.find("monitors[0].kind"), std::string::npos) << e;

    e = with("/populations/0/initial_values/0/value/kind", "gaussian");
    EXPECT_NE(e.find("populations[0].initial_values[0].value.kind"), std::string::npos) << e;

    e = with("/populations/0/model/parameters/1", json::array({"El"}));
    EXPECT_NE(e.find("populations[0].model.parameters[1]"), std::string::npos) << e;

    e = with("/stimuli/2/protocol", "wobble amplitude=1*nA");
    EXPECT_NE(e.find("stimuli[2].protocol"), std::string::npos) << e;

    e = with("/stimuli/2/protocol/dimension", json::array({0, 0, 0}));
    EXPECT_NE(e.find("stimuli[2].protocol.dimension"), std::string::npos) << e;

    e = with("/populations/0/canvas", json::array({1}));
    EXPECT_NE(e.find("populations[0].canvas"), std::string::npos) << e;

    e = with("/projections", json::object());
    EXPECT_NE(e.find("network.projections: must be an array"), std::string::npos) << e;

    e = with("/version", 99);
    EXPECT_NE(e.find("newer studio"), std::string::npos) << e;

    e = with("/format", "something-else");
    EXPECT_NE(e.find("network.format"), std::string::npos) << e;

    e = errorOf(json::array());
    EXPECT_NE(e.find("network: must be an object"), std::string::npos) << e;
}

} // namespace
