// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — version of the studio and of the libraries it was built with (About, --version).
#pragma once

#include <string>
#include <vector>

namespace scs {

/// The studio's version, "MAJOR.MINOR.PATCH" from the top-level CMake project().
std::string studioVersion();

struct LibraryVersion {
    std::string name;    // e.g. "SQLite"
    std::string version; // e.g. "3.40.1"; free text for the compiler
};

/// Compiler, C++ standard, Eigen, SQLite (the runtime library, with the build headers' version when
/// they differ), nlohmann-json and the plugin API version, in that order. The GUI's About dialog
/// appends Qt and QCustomPlot itself (core links no Qt).
std::vector<LibraryVersion> libraryVersions();

/// One line per library, "name: version", for `--version` and bug reports.
std::string buildInfoText();

} // namespace scs
