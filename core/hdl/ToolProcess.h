// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — running an external EDA tool (yosys, nextpnr) as a child process: argv
// without a shell, output captured, a timeout, and cancellation that kills the whole process tree.
#pragma once

#include "hdl/SynthesisReport.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace scs {
class JobContext;
}

namespace scs::hdl {

/// A tool that is not on the search path. what() is one line naming it: "yosys is not installed
/// (not found on PATH)".
class ToolMissing : public std::runtime_error {
public:
    explicit ToolMissing(const std::string& tool);
    const std::string& tool() const { return tool_; }

private:
    std::string tool_;
};

struct ToolCommand {
    std::vector<std::string> argv; // argv[0]: a program name looked up on the search path, or a path
    std::filesystem::path workDir; // empty: the current directory
    double timeoutSeconds = 0;     // 0: no limit
    /// A PATH-style list (dirs separated by ':') searched instead of $PATH; empty: $PATH.
    std::string searchPath;
    /// Called on the calling thread with each chunk of output as it arrives (for progress); a
    /// chunk may end mid-line.
    std::function<void(std::string_view chunk)> onOutput;
};

struct ToolResult {
    int exitCode = -1; // the exit status; 128 + signal when killed by a signal
    bool timedOut = false;
    std::string output; // stdout and stderr interleaved as the tool wrote them
    double seconds = 0;
};

/// Where `tool` would be run from: a name containing '/' is taken as a path; otherwise the first
/// executable file of that name in `searchPath` (or $PATH when empty). nullopt when none.
std::optional<std::filesystem::path> findTool(const std::string& tool, const std::string& searchPath = {});

/// Runs the command and waits for it, polling `job` (may be null) about ten times a second. On
/// cancellation the tool's process group gets SIGTERM, then SIGKILL after a grace period, and
/// JobCancelled is thrown. A timeout kills it the same way and returns timedOut = true. Throws
/// ToolMissing when argv[0] cannot be found, std::runtime_error when it cannot be started. A
/// non-zero exit is not an error here: the caller reads exitCode and output. Thread-safe: the
/// child is started with only async-signal-safe calls between fork and exec.
ToolResult runTool(const ToolCommand& command, JobContext* job = nullptr);

/// The first line of `tool --version` (yosys: `-V`); available = false and version "" when the
/// tool is missing or does not answer.
ToolVersion toolVersion(const std::string& tool, const std::string& searchPath = {});

} // namespace scs::hdl
