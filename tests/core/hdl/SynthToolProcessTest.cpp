// SPDX-License-Identifier: MIT
// Running external tools: output captured, exit codes, working folder, timeout, cancellation that
// kills the whole process group, and a missing tool named in one line.
#include "hdl/ToolProcess.h"
#include "jobs/JobContext.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

using namespace scs::hdl;

namespace {

// Running, not merely a zombie waiting for a parent (in a container PID 1 may never reap it).
bool processAlive(const std::string& pidText) {
    const int pid = std::stoi(pidText);
    if (pid <= 0 || ::kill(pid, 0) != 0) return false;
    std::string stat;
    try {
        stat = scs::test::readFile("/proc/" + std::to_string(pid) + "/stat");
    } catch (const std::exception&) {
        return false;
    }
    const auto paren = stat.rfind(')');
    return paren == std::string::npos || paren + 2 >= stat.size() || stat[paren + 2] != 'Z';
}

} // namespace

TEST(SynthToolProcessTest, CapturesBothStreamsAndTheExitCode) {
    ToolCommand c;
    c.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"};
    const ToolResult r = runTool(c);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.output.find("out\n"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("err\n"), std::string::npos) << r.output;
}

TEST(SynthToolProcessTest, RunsInTheWorkingFolderAndStreamsOutput) {
    scs::test::TempDir dir;
    ToolCommand c;
    c.argv = {"pwd"};
    c.workDir = dir.path();
    std::string streamed;
    c.onOutput = [&](std::string_view chunk) { streamed.append(chunk); };
    const ToolResult r = runTool(c);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.output, std::filesystem::canonical(dir.path()).string() + "\n");
    EXPECT_EQ(streamed, r.output);
}

TEST(SynthToolProcessTest, AMissingToolIsNamedInOneLine) {
    EXPECT_FALSE(findTool("scs-no-such-tool"));
    ToolCommand c;
    c.argv = {"scs-no-such-tool", "--version"};
    try {
        runTool(c);
        FAIL() << "expected ToolMissing";
    } catch (const ToolMissing& e) {
        EXPECT_STREQ(e.what(), "scs-no-such-tool is not installed (not found on PATH)");
        EXPECT_EQ(e.tool(), "scs-no-such-tool");
    }
    scs::test::TempDir empty;
    EXPECT_FALSE(findTool("sh", empty.path().string())); // an explicit search path replaces $PATH
    EXPECT_TRUE(findTool("sh"));
    const ToolVersion v = toolVersion("scs-no-such-tool");
    EXPECT_FALSE(v.available);
    EXPECT_EQ(v.version, "");
}

TEST(SynthToolProcessTest, ATimeoutKillsTheTool) {
    ToolCommand c;
    c.argv = {"sleep", "30"};
    c.timeoutSeconds = 0.3;
    const auto start = std::chrono::steady_clock::now();
    const ToolResult r = runTool(c);
    EXPECT_TRUE(r.timedOut);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

TEST(SynthToolProcessTest, CancellingKillsTheToolAndItsChildren) {
    scs::test::TempDir dir;
    ToolCommand c;
    // The shell starts a grandchild, as yosys starts yosys-abc; both must go.
    c.argv = {"sh", "-c", "sleep 30 & echo $! > child.pid; echo $$ > shell.pid; wait"};
    c.workDir = dir.path();
    scs::JobContext job;
    std::thread canceller([&] {
        for (int i = 0; i < 100 && !std::filesystem::exists(dir.path() / "shell.pid"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        job.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(runTool(c, &job), scs::JobCancelled);
    canceller.join();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
    const std::string shell = scs::test::readFile(dir.path() / "shell.pid");
    const std::string child = scs::test::readFile(dir.path() / "child.pid");
    EXPECT_FALSE(processAlive(shell));
    // The grandchild is reparented to init, which reaps it shortly after the kill.
    for (int i = 0; i < 50 && processAlive(child); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(processAlive(child));
}

TEST(SynthToolProcessTest, YosysAndNextpnrReportTheirVersions) {
    // CI installs both; a missing tool fails here rather than skipping.
    const ToolVersion yosys = toolVersion("yosys");
    EXPECT_TRUE(yosys.available);
    EXPECT_EQ(yosys.version.rfind("Yosys ", 0), 0u) << yosys.version;
    const ToolVersion nextpnr = toolVersion("nextpnr-ice40");
    EXPECT_TRUE(nextpnr.available);
    EXPECT_NE(nextpnr.version.find("nextpnr-ice40"), std::string::npos) << nextpnr.version;
}
