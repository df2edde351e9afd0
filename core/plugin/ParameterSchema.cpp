// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — ParameterSchema: a small validator for declared job parameters.
#include "plugin/ParameterSchema.h"

#include "plugin/JobDescriptor.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace scs {
namespace {

constexpr std::array<std::string_view, 6> kTypes{"number", "integer", "string", "boolean", "array", "object"};

bool isKnownType(const nlohmann::json& type) {
    if (!type.is_string()) return false;
    for (auto t : kTypes)
        if (type.get<std::string>() == t) return true;
    return false;
}

std::string typeName(const nlohmann::json& value) {
    if (value.is_number_integer() || value.is_number_unsigned()) return "integer";
    if (value.is_number_float()) return "number";
    return value.type_name();
}

bool matchesType(const std::string& type, const nlohmann::json& value) {
    if (type == "number") return value.is_number();
    if (type == "integer") {
        if (value.is_number_integer()) return true;
        // 3.0 written by a tool is still an integer.
        return value.is_number_float() && std::isfinite(value.get<double>()) &&
               value.get<double>() == std::floor(value.get<double>());
    }
    if (type == "string") return value.is_string();
    if (type == "boolean") return value.is_boolean();
    if (type == "array") return value.is_array();
    if (type == "object") return value.is_object();
    return false;
}

std::string checkProperty(const std::string& name, const nlohmann::json& prop) {
    const std::string where = "parameter '" + name + "': ";
    if (!isValidPersistentId(name)) return "parameter id '" + name + "' is not lower_snake_case";
    if (!prop.is_object()) return where + "declaration must be an object";
    if (!prop.contains("type") || !isKnownType(prop["type"]))
        return where + "\"type\" must be one of number, integer, string, boolean, array, object";
    const std::string type = prop["type"].get<std::string>();
    for (const char* bound : {"minimum", "maximum"})
        if (prop.contains(bound) && !prop[bound].is_number()) return where + "\"" + bound + "\" must be a number";
    if (prop.contains("enum") && (!prop["enum"].is_array() || prop["enum"].empty()))
        return where + "\"enum\" must be a non-empty array";
    if (prop.contains("items")) {
        if (type != "array") return where + "\"items\" is only allowed for arrays";
        if (!prop["items"].is_object() || !prop["items"].contains("type") || !isKnownType(prop["items"]["type"]))
            return where + "\"items\" must declare a known \"type\"";
    }
    if (prop.contains("default") && !matchesType(type, prop["default"]))
        return where + "default value " + prop["default"].dump() + " is not of type " + type;
    return {};
}

void checkValue(const std::string& name, const nlohmann::json& prop, const nlohmann::json& value) {
    const std::string where = "parameter '" + name + "': ";
    const std::string type = prop["type"].get<std::string>();
    if (!matchesType(type, value)) throw std::invalid_argument(where + "expected " + type + ", got " + typeName(value));
    if (value.is_number()) {
        const double v = value.get<double>();
        if (!std::isfinite(v)) throw std::invalid_argument(where + "must be a finite number");
        if (prop.contains("minimum") && v < prop["minimum"].get<double>())
            throw std::invalid_argument(where + value.dump() + " is below the minimum " + prop["minimum"].dump());
        if (prop.contains("maximum") && v > prop["maximum"].get<double>())
            throw std::invalid_argument(where + value.dump() + " is above the maximum " + prop["maximum"].dump());
    }
    if (prop.contains("enum")) {
        bool found = false;
        for (const auto& allowed : prop["enum"]) found = found || allowed == value;
        if (!found) throw std::invalid_argument(where + value.dump() + " is not one of " + prop["enum"].dump());
    }
    if (value.is_array() && prop.contains("items")) {
        const std::string itemType = prop["items"]["type"].get<std::string>();
        for (std::size_t i = 0; i < value.size(); ++i)
            if (!matchesType(itemType, value[i]))
                throw std::invalid_argument(where + "item " + std::to_string(i) + ": expected " + itemType + ", got " +
                                            typeName(value[i]));
    }
}

} // namespace

std::string checkParameterSchema(const nlohmann::json& schema) {
    if (schema.is_null() || (schema.is_object() && schema.empty())) return {};
    if (!schema.is_object()) return "parameter schema must be a JSON object";
    if (schema.contains("type") && schema["type"] != "object") return "parameter schema \"type\" must be \"object\"";
    if (schema.contains("properties") && !schema["properties"].is_object())
        return "parameter schema \"properties\" must be an object";
    if (schema.contains("additionalProperties") && !schema["additionalProperties"].is_boolean())
        return "parameter schema \"additionalProperties\" must be true or false";
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [name, prop] : properties.items())
        if (auto problem = checkProperty(name, prop); !problem.empty()) return problem;
    if (schema.contains("required")) {
        if (!schema["required"].is_array()) return "parameter schema \"required\" must be an array of ids";
        for (const auto& id : schema["required"]) {
            if (!id.is_string()) return "parameter schema \"required\" must be an array of ids";
            if (!properties.contains(id.get<std::string>()))
                return "required parameter '" + id.get<std::string>() + "' is not declared in \"properties\"";
        }
    }
    return {};
}

nlohmann::json validateParameters(const nlohmann::json& schema, const nlohmann::json& params) {
    nlohmann::json out = params.is_null() ? nlohmann::json::object() : params;
    if (!out.is_object()) throw std::invalid_argument("parameters must be a JSON object, got " + typeName(out));
    if (schema.is_null() || schema.empty()) {
        if (!out.empty()) throw std::invalid_argument("this job takes no parameters, got '" + out.begin().key() + "'");
        return out;
    }
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    const bool allowExtra = schema.value("additionalProperties", false);
    for (const auto& [name, value] : out.items()) {
        if (!properties.contains(name)) {
            if (allowExtra) continue;
            std::string known;
            for (const auto& [k, v] : properties.items()) known += (known.empty() ? "" : ", ") + k;
            throw std::invalid_argument("unknown parameter '" + name + "' (expected: " + (known.empty() ? "none" : known) +
                                        ")");
        }
        checkValue(name, properties[name], value);
    }
    for (const auto& id : schema.value("required", nlohmann::json::array()))
        if (!out.contains(id.get<std::string>()))
            throw std::invalid_argument("missing required parameter '" + id.get<std::string>() + "'");
    for (const auto& [name, prop] : properties.items())
        if (!out.contains(name) && prop.contains("default")) out[name] = prop["default"];
    return out;
}

} // namespace scs
