// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the bundle a hardware engineer takes to the board (DESIGN.md, Bundle):
// rtl/, tb/, constraints/, sim/, reports/, manifest.json and a README, in a folder or a .zip.
#pragma once

#include "hdl/SvEmitter.h"
#include "hdl/SynthesisReport.h"

#include "fixed/FixedProgram.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace scs {
class JobContext;
}

namespace scs::hdl {

/// One file of a bundle: its path inside the bundle ("rtl/lif.sv") and its bytes.
struct BundleFile {
    std::string path;
    std::string content;
};

/// Everything a bundle is made from. The testbench's files are referred to by bare names from
/// inside tb/ (the simulation runs there), its top module is `testbenchModule`.
struct BundleSpec {
    fixed::FixedModelProgram program;
    SvInterface module;
    std::string rtl;
    std::string testbenchModule;
    std::vector<BundleFile> testbenchFiles; // paths relative to tb/
    int cycles = 0;                         // how many steps the testbench runs
    std::vector<SynthesisReport> reports;   // real runs and estimates, any targets
    std::string precisionReport;            // the precision report's text; "" to leave it out
    std::vector<ToolVersion> tools;         // versions of the tools the reports came from
    double clockMHz = 12;                   // for the timing constraints
};

/// The bundle's files, manifest.json last (it lists every other file's SHA-256 and size).
/// Deterministic except for the manifest's creation time.
std::vector<BundleFile> bundleFiles(const BundleSpec& spec);

struct BundleResult {
    std::filesystem::path location;
    std::vector<std::string> files; // paths inside the bundle
    nlohmann::json manifest;
};

/// Writes the bundle to `target`: a folder (created; it must not exist or be empty, so nothing of
/// the user's is overwritten) or, when `target` ends in ".zip", an archive built with the `zip`
/// tool in a temporary folder and moved into place atomically. Throws std::runtime_error with one
/// line naming the path and the reason (ToolMissing when zip is needed and missing), JobCancelled.
BundleResult writeBundle(const BundleSpec& spec, const std::filesystem::path& target, JobContext* job = nullptr);

/// Checks every file the manifest of the bundle folder `folder` lists against its SHA-256.
/// Returns the problems, one line each ("rtl/lif.sv: SHA-256 differs"); empty when all match.
std::vector<std::string> verifyBundle(const std::filesystem::path& folder);

} // namespace scs::hdl
