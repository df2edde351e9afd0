// SPDX-License-Identifier: MIT
// Helpers for the plugin tests: temporary plugin directories, fixture locations, mapped libraries.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace scs::plugintest {

namespace fs = std::filesystem;

/// The CMake-built fixture plugins (plugins/testing/).
inline fs::path builtFixtureDir() { return fs::path(SCS_TEST_BINARY_DIR) / "test-plugins"; }
/// The real plugins (the template) as built for running from the build tree.
inline fs::path builtPluginDir() { return fs::path(SCS_PLUGIN_BUILD_DIR); }
/// Hand-written broken metadata and non-ELF libraries.
inline fs::path handWrittenFixtureDir() { return fs::path(SCS_TEST_SOURCE_DIR) / "tests/core/plugin/fixtures"; }

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "scs-plugin-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

/// Copies `<id>.scsplugin.json` and, if present, `lib<id>.so` from `from` into `to`.
inline void copyPlugin(const fs::path& from, const std::string& id, const fs::path& to) {
    fs::copy_file(from / (id + ".scsplugin.json"), to / (id + ".scsplugin.json"), fs::copy_options::overwrite_existing);
    const fs::path lib = from / ("lib" + id + ".so");
    if (fs::exists(lib)) fs::copy_file(lib, to / lib.filename(), fs::copy_options::overwrite_existing);
}

inline void writeFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

/// True if a file whose path contains `needle` is mapped into this process (/proc/self/maps):
/// tells whether a plugin library was dlopen()ed and is still loaded.
inline bool isMapped(const std::string& needle) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (line.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace scs::plugintest
