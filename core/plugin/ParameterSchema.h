// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — declared job parameters: checks a schema and validates parameters against it.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace scs {

// The accepted subset of JSON Schema, enough to generate a panel and to reject bad input early:
//   {"type": "object",
//    "properties": {
//      "<id>": {"type": "number"|"integer"|"string"|"boolean"|"array"|"object",
//               "title": "...", "description": "...", "unit": "volt",      (hints for panels)
//               "default": <value>, "minimum": <n>, "maximum": <n>,         (numbers, integers)
//               "enum": [<values>], "items": {"type": ...}},               (strings, arrays)
//      ...},
//    "required": ["<id>", ...],
//    "additionalProperties": false}          (default false: unknown parameters are rejected)
// Parameter ids are lower_snake_case.

/// Empty if `schema` is acceptable (null or {} mean "no parameters"), else what is wrong with it.
std::string checkParameterSchema(const nlohmann::json& schema);

/// Returns `params` with defaults filled in. Throws std::invalid_argument with one line naming the
/// parameter, e.g. "parameter 'values': expected array, got string". `params` null means {}.
/// Precondition: checkParameterSchema(schema) is empty.
nlohmann::json validateParameters(const nlohmann::json& schema, const nlohmann::json& params);

} // namespace scs
