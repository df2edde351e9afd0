// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — project store tests' shared parts: random projects, deep compare, child processes.
#pragma once

#include "project/ProjectModel.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace scs::project::test {

using Rng = std::mt19937_64;

/// The bundled catalogue, read once per test process.
const scs::ModelCatalogue& catalogue();

/// A double that exercises the encoding: -0.0, denormals, NaN (with payload and sign), ±inf,
/// the extremes and ordinary values. With `finite`, only numbers JSON can hold.
double randomDouble(Rng& rng, bool finite = false);
/// Valid UTF-8 with JSON's awkward characters: quotes, backslashes, braces, control characters,
/// multibyte letters. Length in [0, maxLength] code points.
std::string randomText(Rng& rng, std::size_t maxLength = 24);

RunData randomRunData(Rng& rng);
/// A run of `documentId` with a full manifest and `data` in memory.
Run randomRun(Rng& rng, std::int64_t documentId);
/// Every document type: playgrounds on random catalogue models with edited parameters, catalogue
/// models, a kept document of an unknown type; runs, view state with plot ranges and meta. All run
/// data is in memory, so the result is the reference a reopened copy is compared with.
Project randomProject(Rng& rng);

/// How strictly two projects must agree.
struct CompareOptions {
    /// JSON writes NaN as "NaN": any NaN matches any NaN. Otherwise doubles match bit for bit.
    bool anyNan = false;
    /// JSON export re-formats a kept body that is JSON: then it must mean the same, not be the same bytes.
    bool keptBodyAsJson = false;
};
/// Every difference between `expected` and `actual` (empty: equal). Run data is read through
/// runData(), so an opened project's data comes from its file. `actual` may carry the meta a save
/// adds (created_*, saved_*); any other extra or changed meta entry is a difference.
std::vector<std::string> differences(const Project& expected, const Project& actual, CompareOptions options = {});
/// The differences, one a line, for a test message.
std::string describe(const std::vector<std::string>& differences);

/// Equal texts, or the first line where they differ (exports are too long to print whole).
std::string firstDifference(const std::string& expected, const std::string& actual);

bool sameBits(const std::vector<double>& a, const std::vector<double>& b);

/// Runs `body` in a forked child; when the test runs as root, the child first becomes nobody
/// (65534), so a read-only folder is read-only for it. Returns what `body` returned, or a line
/// starting "child:" when the child could not run it (died, could not drop privileges).
std::string inChildProcess(const std::function<std::string()>& body, bool dropRoot);

/// Files in `dir` whose name starts with `prefix`.
std::vector<std::filesystem::path> filesStartingWith(const std::filesystem::path& dir, const std::string& prefix);

} // namespace scs::project::test
