// SPDX-License-Identifier: MIT
// Tests for declared job parameters: schema checks, validation messages, defaults.
#include "plugin/ParameterSchema.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace scs {
namespace {

const nlohmann::json kSchema = nlohmann::json::parse(R"({
  "type": "object",
  "properties": {
    "values":   {"type": "array", "items": {"type": "number"}},
    "steps":    {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
    "method":   {"type": "string", "enum": ["euler", "rk4"], "default": "rk4"},
    "verbose":  {"type": "boolean"},
    "tau":      {"type": "number", "unit": "second", "minimum": 0}
  },
  "required": ["values"]
})");

std::string messageOf(const nlohmann::json& params) {
    try {
        validateParameters(kSchema, params);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(ParameterSchema, AcceptsValidParamsAndFillsDefaults) {
    ASSERT_EQ(checkParameterSchema(kSchema), "");
    const auto out = validateParameters(kSchema, {{"values", {1, 2.5}}, {"verbose", true}});
    EXPECT_EQ(out["values"], nlohmann::json({1, 2.5}));
    EXPECT_EQ(out["steps"], 10);
    EXPECT_EQ(out["method"], "rk4");
    EXPECT_EQ(out["verbose"], true);
    EXPECT_FALSE(out.contains("tau")) << "no default declared, so nothing is invented";
}

TEST(ParameterSchema, IntegerAcceptsWholeFloats) {
    EXPECT_EQ(validateParameters(kSchema, {{"values", nlohmann::json::array()}, {"steps", 3.0}})["steps"], 3.0);
    EXPECT_EQ(messageOf({{"values", nlohmann::json::array()}, {"steps", 3.5}}), "parameter 'steps': expected integer, got number");
}

TEST(ParameterSchema, RejectsBadInputWithOneLineNamingTheParameter) {
    EXPECT_EQ(messageOf({{"values", "1,2"}}), "parameter 'values': expected array, got string");
    EXPECT_EQ(messageOf({{"values", {1, "x"}}}), "parameter 'values': item 1: expected number, got string");
    EXPECT_EQ(messageOf(nlohmann::json::object()), "missing required parameter 'values'");
    EXPECT_EQ(messageOf({{"values", {1}}, {"stpes", 3}}),
              "unknown parameter 'stpes' (expected: method, steps, tau, values, verbose)");
    EXPECT_EQ(messageOf({{"values", {1}}, {"steps", 0}}), "parameter 'steps': 0 is below the minimum 1");
    EXPECT_EQ(messageOf({{"values", {1}}, {"steps", 101}}), "parameter 'steps': 101 is above the maximum 100");
    EXPECT_EQ(messageOf({{"values", {1}}, {"method", "rk2"}}), "parameter 'method': \"rk2\" is not one of [\"euler\",\"rk4\"]");
    EXPECT_EQ(messageOf({{"values", {1}}, {"tau", -1e-3}}), "parameter 'tau': -0.001 is below the minimum 0");
    EXPECT_EQ(messageOf(nlohmann::json::array()), "parameters must be a JSON object, got array");
}

TEST(ParameterSchema, NullParamsMeanEmptyAndEmptySchemaMeansNone) {
    EXPECT_EQ(validateParameters(nlohmann::json::object(), nullptr), nlohmann::json::object());
    EXPECT_THROW(validateParameters(nlohmann::json::object(), {{"x", 1}}), std::invalid_argument);
    EXPECT_EQ(validateParameters({{"type", "object"}, {"properties", {{"n", {{"type", "integer"}, {"default", 4}}}}}},
                                 nullptr)["n"],
              4);
}

TEST(ParameterSchema, MalformedSchemasAreExplained) {
    EXPECT_EQ(checkParameterSchema(nullptr), "");
    EXPECT_EQ(checkParameterSchema(nlohmann::json::array()), "parameter schema must be a JSON object");
    EXPECT_EQ(checkParameterSchema({{"type", "array"}}), "parameter schema \"type\" must be \"object\"");
    EXPECT_EQ(checkParameterSchema({{"properties", {{"n", {{"type", "float"}}}}}}),
              "parameter 'n': \"type\" must be one of number, integer, string, boolean, array, object");
    EXPECT_EQ(checkParameterSchema({{"properties", {{"BadId", {{"type", "number"}}}}}}),
              "parameter id 'BadId' is not lower_snake_case");
    EXPECT_EQ(checkParameterSchema({{"properties", {{"n", {{"type", "integer"}, {"default", "four"}}}}}}),
              "parameter 'n': default value \"four\" is not of type integer");
    EXPECT_EQ(checkParameterSchema({{"properties", {{"n", {{"type", "number"}}}}}, {"required", {"m"}}}),
              "required parameter 'm' is not declared in \"properties\"");
    EXPECT_EQ(checkParameterSchema({{"properties", {{"n", {{"type", "number"}, {"items", {{"type", "number"}}}}}}}}),
              "parameter 'n': \"items\" is only allowed for arrays");
}

} // namespace
} // namespace scs
