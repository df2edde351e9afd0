// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — BuildInfo: versions gathered from compile-time macros and runtime calls.
#include "util/BuildInfo.h"

#include "ode/NativeStepCache.h"
#include "plugin/PluginApi.h"

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace scs {
namespace {

std::string compilerVersion() {
#if defined(__clang__)
    return "Clang " + std::to_string(__clang_major__) + "." + std::to_string(__clang_minor__) + "." +
           std::to_string(__clang_patchlevel__);
#elif defined(__GNUC__)
    return "GCC " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
           std::to_string(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
    return "MSVC " + std::to_string(_MSC_VER);
#else
    return "unknown compiler";
#endif
}

std::string cxxStandard() {
    // __cplusplus is YYYYMM of the standard the code was compiled as.
    const long value = __cplusplus;
    std::string name;
    if (value > 202002L)
        name = "C++23";
    else if (value >= 202002L)
        name = "C++20";
    else if (value >= 201703L)
        name = "C++17";
    else
        name = "pre-C++17";
    return name + " (" + std::to_string(value) + ")";
}

std::string dotted(int major, int minor, int patch) {
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

} // namespace

std::string studioVersion() {
#ifdef SCS_VERSION
    return SCS_VERSION;
#else
    return "0.0.0-unknown";
#endif
}

std::vector<LibraryVersion> libraryVersions() {
    std::vector<LibraryVersion> out;
    out.push_back({"Compiler", compilerVersion()});
    out.push_back({"C++ standard", cxxStandard()});
    out.push_back({"Eigen", dotted(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION)});
    // The runtime library is what actually reads project files; name the headers too if they differ.
    std::string sqlite = sqlite3_libversion();
    if (sqlite != SQLITE_VERSION) sqlite += " (built against " SQLITE_VERSION ")";
    out.push_back({"SQLite", sqlite});
    out.push_back({"nlohmann-json",
                   dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)});
    std::string jit = NativeStep::libraryVersion();
    if (const std::string off = NativeStepCache::instance().disabledReason(); !off.empty())
        jit += " (native steps off: " + off + ")";
    out.push_back({"libgccjit", jit});
    out.push_back({"Plugin API", std::to_string(kPluginApiVersion)});
    return out;
}

std::string buildInfoText() {
    std::string text = "SC-NeuroCore Studio " + studioVersion() + "\n";
    for (const auto& lib : libraryVersions()) text += lib.name + ": " + lib.version + "\n";
    return text;
}

} // namespace scs
