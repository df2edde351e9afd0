// SPDX-License-Identifier: MIT
// Tests for BuildInfo: the studio version and the list of library versions.
#include "util/BuildInfo.h"

#include "plugin/PluginApi.h"

#include <gtest/gtest.h>

#include <regex>
#include <sqlite3.h>

namespace scs {
namespace {

const LibraryVersion* find(const std::vector<LibraryVersion>& all, const std::string& name) {
    for (const auto& lib : all)
        if (lib.name == name) return &lib;
    return nullptr;
}

TEST(BuildInfo, StudioVersionIsTheProjectVersion) {
    EXPECT_EQ(studioVersion(), SCS_VERSION);
    EXPECT_TRUE(std::regex_match(studioVersion(), std::regex(R"(\d+\.\d+\.\d+)"))) << studioVersion();
}

TEST(BuildInfo, ListsEveryLibraryInOrderWithRealVersions) {
    const auto libs = libraryVersions();
    std::vector<std::string> names;
    for (const auto& lib : libs) names.push_back(lib.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Compiler", "C++ standard", "Eigen", "SQLite", "nlohmann-json",
                                               "libgccjit", "Plugin API"}));
    const std::regex dotted(R"(\d+\.\d+\.\d+.*)");
    EXPECT_TRUE(std::regex_match(find(libs, "Eigen")->version, dotted)) << find(libs, "Eigen")->version;
    EXPECT_TRUE(std::regex_match(find(libs, "nlohmann-json")->version, dotted));
    EXPECT_TRUE(std::regex_match(find(libs, "libgccjit")->version, dotted)) << find(libs, "libgccjit")->version;
    // The runtime library's version, not just the header's.
    EXPECT_EQ(find(libs, "SQLite")->version.rfind(sqlite3_libversion(), 0), 0u) << find(libs, "SQLite")->version;
    EXPECT_EQ(find(libs, "Plugin API")->version, std::to_string(kPluginApiVersion));
    EXPECT_EQ(find(libs, "C++ standard")->version.rfind("C++20", 0), 0u) << find(libs, "C++ standard")->version;
    EXPECT_TRUE(std::regex_match(find(libs, "Compiler")->version, std::regex(R"((GCC|Clang) \d+\.\d+\.\d+)")));
}

TEST(BuildInfo, TextHasOneLinePerLibrary) {
    const std::string text = buildInfoText();
    EXPECT_EQ(text.rfind("SC-NeuroCore Studio " + studioVersion() + "\n", 0), 0u);
    for (const auto& lib : libraryVersions())
        EXPECT_NE(text.find(lib.name + ": " + lib.version + "\n"), std::string::npos) << lib.name;
}

} // namespace
} // namespace scs
