// SPDX-License-Identifier: MIT
#include "hdl/SynthesisReportJson.h"

#include <stdexcept>

namespace scs::hdl {
namespace {

constexpr int kFormatVersion = 1;

template <typename T>
void read(const nlohmann::json& j, const char* key, T& into) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    into = it->get<T>();
}

template <typename T>
void read(const nlohmann::json& j, const char* key, std::optional<T>& into) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    into = it->get<T>();
}

template <typename T>
nlohmann::json optional(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json toJson(const SynthesisReport& r) {
    nlohmann::json tools = nlohmann::json::array();
    for (const auto& t : r.tools)
        tools.push_back({{"tool", t.tool}, {"version", t.version}, {"available", t.available}});
    return {{"version", kFormatVersion},
            {"target", name(r.target)},
            {"module", r.module},
            {"estimated", r.estimated},
            {"ok", r.ok},
            {"error", r.error},
            {"luts", r.luts},
            {"flip_flops", r.flipFlops},
            {"carries", r.carries},
            {"bram", r.bram},
            {"dsp", r.dsp},
            {"cells", r.cells},
            {"cells_by_type", r.cellsByType},
            {"capacity",
             {{"device", r.capacity.device},
              {"luts", r.capacity.luts},
              {"flip_flops", r.capacity.flipFlops},
              {"bram", r.capacity.bram},
              {"dsp", r.capacity.dsp}}},
            {"fmax_mhz", optional(r.fmaxMHz)},
            {"placed_utilisation", optional(r.placedUtilisation)},
            {"tools", tools},
            {"notes", r.notes},
            {"log", r.log},
            {"utc_time", r.utcTime},
            {"seconds", r.seconds}};
}

SynthesisReport fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw std::invalid_argument("synthesis report: not a JSON object");
    SynthesisReport r;
    try {
        int version = kFormatVersion;
        read(j, "version", version);
        if (version > kFormatVersion)
            throw std::invalid_argument("synthesis report: format " + std::to_string(version) +
                                        " is newer than this studio reads (" + std::to_string(kFormatVersion) + ")");
        std::string target = name(r.target);
        read(j, "target", target);
        r.target = parseSynthesisTarget(target);
        read(j, "module", r.module);
        read(j, "estimated", r.estimated);
        read(j, "ok", r.ok);
        read(j, "error", r.error);
        read(j, "luts", r.luts);
        read(j, "flip_flops", r.flipFlops);
        read(j, "carries", r.carries);
        read(j, "bram", r.bram);
        read(j, "dsp", r.dsp);
        read(j, "cells", r.cells);
        read(j, "cells_by_type", r.cellsByType);
        if (const auto c = j.find("capacity"); c != j.end() && c->is_object()) {
            read(*c, "device", r.capacity.device);
            read(*c, "luts", r.capacity.luts);
            read(*c, "flip_flops", r.capacity.flipFlops);
            read(*c, "bram", r.capacity.bram);
            read(*c, "dsp", r.capacity.dsp);
        }
        read(j, "fmax_mhz", r.fmaxMHz);
        read(j, "placed_utilisation", r.placedUtilisation);
        if (const auto t = j.find("tools"); t != j.end() && t->is_array()) {
            for (const auto& e : *t) {
                ToolVersion v;
                read(e, "tool", v.tool);
                read(e, "version", v.version);
                read(e, "available", v.available);
                r.tools.push_back(v);
            }
        }
        read(j, "notes", r.notes);
        read(j, "log", r.log);
        read(j, "utc_time", r.utcTime);
        read(j, "seconds", r.seconds);
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("synthesis report: ") + e.what());
    }
    return r;
}

} // namespace scs::hdl
