// SPDX-License-Identifier: MIT
// Tests for plugin metadata parsing, versions and dependency compatibility.
#include "plugin/PluginSpec.h"

#include "PluginTestSupport.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace scs {
namespace {

using plugintest::handWrittenFixtureDir;

TEST(PluginVersion, ValidatesAndComparesNumerically) {
    EXPECT_TRUE(isValidVersion("1"));
    EXPECT_TRUE(isValidVersion("1.2.3.4"));
    EXPECT_FALSE(isValidVersion("1.2.3.4.5"));
    EXPECT_FALSE(isValidVersion(""));
    EXPECT_FALSE(isValidVersion("1..2"));
    EXPECT_FALSE(isValidVersion("1.2."));
    EXPECT_FALSE(isValidVersion("v1.2"));
    EXPECT_FALSE(isValidVersion("1.-2"));
    EXPECT_LT(compareVersions("1.9", "1.10"), 0) << "components compare as numbers, not text";
    EXPECT_EQ(compareVersions("1.2", "1.2.0"), 0);
    EXPECT_GT(compareVersions("2.0.0", "1.99.99"), 0);
}

TEST(PluginSpec, ReadsCompleteMetadata) {
    const auto spec = PluginSpec::fromMetadata(nlohmann::json::parse(R"({
        "id": "nas", "name": "Architecture search", "version": "1.4.0", "compatible_version": "1.2.0",
        "api_version": 1, "description": "Searches networks.", "library": "libnas_engine.so",
        "dependencies": [{"id": "memristor", "version": "0.3"}]})"),
                                               "/opt/plugins/nas.scsplugin.json");
    EXPECT_EQ(spec.state(), PluginState::Read);
    EXPECT_TRUE(spec.errors().empty()) << spec.errorString();
    EXPECT_EQ(spec.id(), "nas");
    EXPECT_EQ(spec.name(), "Architecture search");
    EXPECT_EQ(spec.version(), "1.4.0");
    EXPECT_EQ(spec.compatibleVersion(), "1.2.0");
    EXPECT_EQ(spec.apiVersion(), 1u);
    EXPECT_EQ(spec.description(), "Searches networks.");
    EXPECT_EQ(spec.libraryPath(), std::filesystem::path("/opt/plugins/libnas_engine.so"));
    ASSERT_EQ(spec.dependencies().size(), 1u);
    EXPECT_EQ(spec.dependencies()[0].id, "memristor");
    EXPECT_EQ(spec.dependencies()[0].version, "0.3");
    EXPECT_EQ(spec.toJson()["state"], "read");
}

TEST(PluginSpec, AppliesDefaults) {
    const auto spec = PluginSpec::fromMetadata({{"id", "tiny"}, {"name", "Tiny"}, {"version", "2.1"}, {"api_version", 1}},
                                               "/p/tiny.scsplugin.json");
    EXPECT_FALSE(spec.hasError()) << spec.errorString();
    EXPECT_EQ(spec.compatibleVersion(), "2.1");
    EXPECT_EQ(spec.libraryPath(), std::filesystem::path("/p/libtiny.so"));
    EXPECT_TRUE(spec.dependencies().empty());
}

TEST(PluginSpec, ProvidesVersionsBetweenCompatibleAndCurrent) {
    const auto spec = PluginSpec::fromMetadata(
        {{"id", "base"}, {"name", "Base"}, {"version", "1.2.0"}, {"compatible_version", "1.0.0"}, {"api_version", 1}},
        "/p/base.scsplugin.json");
    EXPECT_TRUE(spec.provides("base", "1.0.0"));
    EXPECT_TRUE(spec.provides("base", "1.1.5"));
    EXPECT_TRUE(spec.provides("base", "1.2"));
    EXPECT_FALSE(spec.provides("base", "0.9.9")) << "older than the compatible version: API removed since";
    EXPECT_FALSE(spec.provides("base", "1.3.0")) << "newer than what is installed";
    EXPECT_FALSE(spec.provides("other", "1.1.0"));
}

struct BadMetadataCase {
    const char* file;
    const char* expectedId;
    const char* expectedError; // substring of errorString()
};

// Readable test names and values in ctest: "malformed_0 = malformed.scsplugin.json: metadata is...".
void PrintTo(const BadMetadataCase& c, std::ostream* os) { *os << c.file << ": " << c.expectedError; }
std::string caseName(const ::testing::TestParamInfo<BadMetadataCase>& info) {
    std::string name = info.param.file;
    name = name.substr(0, name.find('.')) + "_" + std::to_string(info.index);
    return name;
}

class PluginSpecBadFile : public ::testing::TestWithParam<BadMetadataCase> {};

TEST_P(PluginSpecBadFile, IsFailedWithAPreciseMessage) {
    const auto& c = GetParam();
    const auto spec = PluginSpec::fromMetadataFile(handWrittenFixtureDir() / c.file);
    EXPECT_EQ(spec.state(), PluginState::Failed);
    EXPECT_EQ(spec.id(), c.expectedId);
    EXPECT_NE(spec.errorString().find(c.expectedError), std::string::npos)
        << "errors were: " << spec.errorString();
}

INSTANTIATE_TEST_SUITE_P(
    HandWrittenFixtures, PluginSpecBadFile,
    ::testing::Values(
        BadMetadataCase{"malformed.scsplugin.json", "malformed", "metadata is not valid JSON: [json.exception.parse_error.101] parse error at line 4"},
        BadMetadataCase{"missing_fields.scsplugin.json", "missing_fields", "metadata field \"name\" is missing"},
        BadMetadataCase{"missing_fields.scsplugin.json", "missing_fields", "metadata field \"version\" is missing"},
        BadMetadataCase{"missing_fields.scsplugin.json", "missing_fields", "metadata field \"api_version\" is missing"},
        BadMetadataCase{"missing_fields.scsplugin.json", "missing_fields", "metadata field \"description\" must be a string"},
        BadMetadataCase{"id_mismatch.scsplugin.json", "something_else",
                        "metadata id 'something_else' does not match the file name 'id_mismatch.scsplugin.json'"},
        BadMetadataCase{"escaping_library.scsplugin.json", "escaping_library",
                        "library '../../lib/libc.so.6' must be a file name in the plugin's directory"},
        BadMetadataCase{"bad_version.scsplugin.json", "bad_version", "version 'one.two' is not of the form 1.2.3"},
        BadMetadataCase{"bad_version.scsplugin.json", "bad_version",
                        "dependency {\"id\":\"template\"} must be {\"id\": \"...\", \"version\": \"1.2.3\"}"},
        BadMetadataCase{"does_not_exist.scsplugin.json", "does_not_exist", "cannot read metadata file"}),
    caseName);

TEST(PluginSpec, RejectsNonObjectsAndBadIds) {
    auto array = PluginSpec::fromMetadata(nlohmann::json::array(), "/p/x.scsplugin.json");
    EXPECT_EQ(array.errorString(), "metadata must be a JSON object, got array");
    EXPECT_EQ(array.id(), "x");
    auto badId = PluginSpec::fromMetadata({{"id", "My-Plugin"}, {"name", "n"}, {"version", "1"}, {"api_version", 1}},
                                          "/p/My-Plugin.scsplugin.json");
    EXPECT_EQ(badId.errorString(), "plugin id 'My-Plugin' is not lower_snake_case");
    auto api = PluginSpec::fromMetadata({{"id", "x"}, {"name", "n"}, {"version", "1"}, {"api_version", -1}},
                                        "/p/x.scsplugin.json");
    EXPECT_EQ(api.errorString(), "metadata field \"api_version\" must be a positive integer");
    auto compat = PluginSpec::fromMetadata(
        {{"id", "x"}, {"name", "n"}, {"version", "1.0"}, {"compatible_version", "2.0"}, {"api_version", 1}},
        "/p/x.scsplugin.json");
    EXPECT_EQ(compat.errorString(), "compatible_version 2.0 is newer than version 1.0");
}

} // namespace
} // namespace scs
