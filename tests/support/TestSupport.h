// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — shared test helpers: fixture paths, tolerant compares, running programs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace scs::test {

/// The folder of other tools' reference outputs (CMake cache variable SCS_FIXTURES_DIR).
std::filesystem::path fixturesDir();
/// The project's resources folder (model catalogue, presets).
std::filesystem::path resourcesDir();
std::filesystem::path sourceDir();
std::filesystem::path binaryDir();

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& text);

/// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// The largest |a - b| divided by the range (max - min) of `b`; for "within 1e-6 of the range".
double maxRangeRelativeError(const std::vector<double>& a, const std::vector<double>& b);

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
/// Runs `argv` (no shell; a bare argv[0] is looked up on PATH), capturing stdout and stderr. `stdinText` is written to
/// its input.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = {},
                         const std::vector<std::string>& extraEnv = {});

} // namespace scs::test
