// SPDX-License-Identifier: MIT
#include "hdl/ToolProcess.h"

#include "jobs/JobContext.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace scs::hdl {
namespace {

using Clock = std::chrono::steady_clock;

// A runaway tool must not eat the memory of the studio; a Yosys log of a neuron is well under 1 MB.
constexpr std::size_t kMaxOutput = 32u << 20;
constexpr int kPollMs = 100;
constexpr auto kTermGrace = std::chrono::seconds(2);

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Ends the tool and everything it started (yosys runs yosys-abc as a child): the group gets
// SIGTERM so tools can clean up, then SIGKILL if it is still there after the grace period.
void killGroup(pid_t pid) {
    ::kill(-pid, SIGTERM);
    const auto deadline = Clock::now() + kTermGrace;
    int status = 0;
    while (Clock::now() < deadline) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) {
            ::kill(-pid, SIGKILL); // stragglers in the group (the leader is gone)
            return;
        }
        ::usleep(20000);
    }
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
}

int decodeStatus(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

} // namespace

ToolMissing::ToolMissing(const std::string& tool)
    : std::runtime_error(tool + " is not installed (not found on PATH)"), tool_(tool) {}

std::optional<std::filesystem::path> findTool(const std::string& tool, const std::string& searchPath) {
    if (tool.empty()) return std::nullopt;
    if (tool.find('/') != std::string::npos) {
        if (::access(tool.c_str(), X_OK) == 0) return std::filesystem::path(tool);
        return std::nullopt;
    }
    std::string path = searchPath;
    if (path.empty()) {
        const char* env = std::getenv("PATH");
        path = env ? env : "";
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find(':', start);
        if (end == std::string::npos) end = path.size();
        const std::string dir = end > start ? path.substr(start, end - start) : "."; // POSIX: empty is "."
        const std::filesystem::path candidate = std::filesystem::path(dir) / tool;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

ToolResult runTool(const ToolCommand& command, JobContext* job) {
    if (command.argv.empty()) throw std::invalid_argument("runTool: empty argv");
    checkCancelled(job);
    const auto program = findTool(command.argv.front(), command.searchPath);
    if (!program) throw ToolMissing(command.argv.front());

    // Everything the child needs is prepared before fork: between fork and exec only
    // async-signal-safe calls are allowed, since other threads may hold locks (malloc's).
    const std::string programPath = program->string();
    const std::string workDir = command.workDir.string();
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(programPath.c_str()));
    for (std::size_t i = 1; i < command.argv.size(); ++i) argv.push_back(const_cast<char*>(command.argv[i].c_str()));
    argv.push_back(nullptr);

    // O_CLOEXEC keeps these descriptors out of processes other threads start at the same time;
    // a leaked write end would hold our pipe open after our tool exits.
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        if (devNull >= 0) ::close(devNull);
        throw std::runtime_error("cannot start " + command.argv.front() + ": " + std::strerror(e));
    }
    if (pid == 0) {
        ::setpgid(0, 0); // its own group, so a cancel reaches the tool's children too
        if (devNull >= 0) ::dup2(devNull, 0);
        ::dup2(pipeFds[1], 1);
        ::dup2(pipeFds[1], 2);
        if (!workDir.empty() && ::chdir(workDir.c_str()) != 0) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid); // also from the parent: whichever runs first wins, both agree
    ::close(pipeFds[1]);
    if (devNull >= 0) ::close(devNull);

    ToolResult result;
    int fd = pipeFds[0];
    bool reaped = false;
    int status = 0;
    char buffer[65536];
    try {
        while (fd >= 0 || !reaped) {
            if (job && job->isCancelled()) {
                killGroup(pid);
                reaped = true;
                throw JobCancelled();
            }
            if (command.timeoutSeconds > 0 && since(start) > command.timeoutSeconds) {
                killGroup(pid);
                reaped = true;
                result.timedOut = true;
                status = 0;
                result.exitCode = 128 + SIGKILL;
                break;
            }
            if (fd >= 0) {
                pollfd p{fd, POLLIN, 0};
                const int n = ::poll(&p, 1, kPollMs);
                if (n > 0) {
                    const ssize_t got = ::read(fd, buffer, sizeof buffer);
                    if (got > 0) {
                        const auto size = static_cast<std::size_t>(got);
                        if (result.output.size() < kMaxOutput) result.output.append(buffer, size);
                        if (command.onOutput) command.onOutput(std::string_view(buffer, size));
                    } else if (got == 0 || errno != EINTR) {
                        ::close(fd);
                        fd = -1;
                    }
                } else if (n == 0 && reaped) {
                    // The tool has exited but a child of its own still holds the pipe: stop reading.
                    ::close(fd);
                    fd = -1;
                }
            } else {
                ::usleep(kPollMs * 1000);
            }
            if (!reaped) {
                const pid_t r = ::waitpid(pid, &status, WNOHANG);
                if (r == pid) {
                    reaped = true;
                    result.exitCode = decodeStatus(status);
                }
            }
        }
    } catch (...) {
        if (fd >= 0) ::close(fd);
        if (!reaped) killGroup(pid);
        throw;
    }
    if (fd >= 0) ::close(fd);
    if (result.output.size() >= kMaxOutput) result.output += "\n[output truncated]\n";
    result.seconds = since(start);
    return result;
}

ToolVersion toolVersion(const std::string& tool, const std::string& searchPath) {
    ToolVersion v;
    v.tool = tool;
    if (!findTool(tool, searchPath)) return v;
    ToolCommand command;
    // Yosys answers `-V` with one line; `--version` is not an option in older releases.
    command.argv = {tool, tool == "yosys" ? "-V" : "--version"};
    command.timeoutSeconds = 20;
    command.searchPath = searchPath;
    try {
        const ToolResult r = runTool(command);
        std::string first = r.output.substr(0, r.output.find('\n'));
        while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.pop_back();
        v.available = r.exitCode == 0 || !first.empty();
        v.version = first;
    } catch (const std::exception&) {
        v.available = false;
    }
    return v;
}

} // namespace scs::hdl
