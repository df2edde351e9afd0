// SPDX-License-Identifier: MIT
#include "hdl/Synthesis.h"

#include "hdl/NextpnrReport.h"
#include "hdl/PnrWrapper.h"
#include "hdl/SynthesisFlow.h"
#include "hdl/ToolProcess.h"
#include "hdl/YosysStat.h"
#include "jobs/JobContext.h"
#include "util/Sha256.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace scs::hdl {
namespace {

namespace fs = std::filesystem;

constexpr const char* kYosys = "yosys";
constexpr const char* kNextpnr = "nextpnr-ice40";

// A one-line reason the run stopped; becomes report.error.
class FlowError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The folder the tools run in: the caller's, or a fresh temporary one that is removed at the end.
class WorkDir {
public:
    explicit WorkDir(const fs::path& given) {
        if (!given.empty()) {
            fs::create_directories(given);
            path_ = given;
            return;
        }
        std::string pattern = (fs::temp_directory_path() / "scs-synth-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw FlowError("cannot create a temporary folder for synthesis");
        path_ = pattern;
        owned_ = true;
    }
    ~WorkDir() {
        std::error_code ec;
        if (owned_) fs::remove_all(path_, ec);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
    bool owned_ = false;
};

void writeText(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw FlowError("cannot write " + file.string());
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(std::string s) {
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

// The first line a tool marked as an error ("design.sv:2: ERROR: syntax error ..."), or "".
std::string firstErrorLine(const std::string& output) {
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line))
        if (line.find("ERROR:") != std::string::npos) return trim(line);
    return {};
}

// Progress inside one tool run: each line containing `marker` moves the bar a step from `low`
// towards `high`, `expected` steps filling it (the last few percent wait for the tool to exit).
class ProgressSpan {
public:
    ProgressSpan(JobContext* job, double low, double high, int expected, std::string marker, std::string message)
        : job_(job), low_(low), high_(high), expected_(expected), marker_(std::move(marker)),
          message_(std::move(message)) {
        reportProgress(job_, low_, message_);
    }
    void feed(std::string_view chunk) {
        if (!job_) return;
        pending_.append(chunk);
        std::size_t end;
        while ((end = pending_.find('\n')) != std::string::npos) {
            if (std::string_view(pending_).substr(0, end).find(marker_) != std::string_view::npos) ++seen_;
            pending_.erase(0, end + 1);
        }
        const double f = std::min(0.95, static_cast<double>(seen_) / expected_);
        reportProgress(job_, low_ + (high_ - low_) * f, message_);
    }

private:
    JobContext* job_;
    double low_, high_;
    int expected_;
    std::string marker_, message_;
    std::string pending_;
    int seen_ = 0;
};

// One tool run: its output goes to the report's log under a header naming the command.
ToolResult runLogged(const ToolCommand& command, ProgressSpan& progress, JobContext* job, SynthesisReport& report) {
    ToolCommand c = command;
    c.onOutput = [&progress](std::string_view chunk) { progress.feed(chunk); };
    std::string line;
    for (const auto& a : c.argv) line += (line.empty() ? "" : " ") + a;
    report.log += "==== " + line + "\n";
    ToolResult r = runTool(c, job);
    report.log += r.output;
    if (!r.output.empty() && r.output.back() != '\n') report.log += '\n';
    const std::string& tool = c.argv.front();
    if (r.timedOut) {
        std::ostringstream s;
        s << tool << ": timed out after " << command.timeoutSeconds << " s";
        throw FlowError(s.str());
    }
    if (r.exitCode != 0) {
        const std::string error = firstErrorLine(r.output);
        throw FlowError(tool + ": " + (error.empty() ? "exited with code " + std::to_string(r.exitCode) : error));
    }
    return r;
}

void requireTools(const std::vector<std::string>& tools, const SynthesisOptions& options, SynthesisReport& report) {
    for (const auto& tool : tools) report.tools.push_back(toolVersion(tool, options.toolPath));
    for (const auto& t : report.tools)
        if (!t.available) throw ToolMissing(t.tool);
}

bool fitsDevice(const SynthesisReport& r) {
    const DeviceCapacity& c = r.capacity;
    return r.luts <= c.luts && r.flipFlops <= c.flipFlops && r.bram <= c.bram && r.dsp <= c.dsp;
}

void placeAndRoute(const fs::path& dir, const std::string& top, const SynthesisOptions& options, JobContext* job,
                   SynthesisReport& report) {
    ToolCommand command;
    command.workDir = dir;
    command.timeoutSeconds = options.timeoutSeconds;
    command.searchPath = options.toolPath;

    std::string netlist = "netlist.json";
    const std::vector<ModulePort> ports = netlistPorts(readText(dir / netlist), top);
    if (portBits(ports) > kIce40PackagePins) {
        // Yosys again, on the module inside a wrapper with three pins; the counts above stay the
        // module's own, only placement and timing see the wrapper.
        writeText(dir / "pnr_wrapper.v", serialIoWrapper(top, ports, findClockPort(ports, options.clockPort)));
        writeText(dir / "pnr.ys", yosysScript(SynthesisTarget::Ice40, kPnrWrapperTop, {"design.sv", "pnr_wrapper.v"},
                                              "pnr-netlist.json", "pnr-stat.json"));
        command.argv = {kYosys, "-s", "pnr.ys"};
        ProgressSpan progress(job, 0.55, 0.65, yosysExpectedSteps(SynthesisTarget::Ice40), "Executing",
                              "yosys: synthesising the I/O wrapper");
        runLogged(command, progress, job, report);
        netlist = "pnr-netlist.json";
        report.notes.push_back("placed through a serial I/O wrapper: the module's " + std::to_string(portBits(ports)) +
                               " port bits exceed the " + std::to_string(kIce40PackagePins) +
                               " pins of the SG48 package; the placed utilisation includes the wrapper");
    }

    command.argv = {kNextpnr};
    for (auto& a : nextpnrIce40Arguments(netlist, "pnr-report.json", options.clockMHz, options.seed))
        command.argv.push_back(std::move(a));
    ProgressSpan progress(job, 0.65, 0.98, 6, "Info: ", "nextpnr-ice40: placing and routing");
    ToolResult r;
    try {
        r = runLogged(command, progress, job, report);
    } catch (const FlowError& e) {
        // Logic cells are LUTs, carries and flip-flops packed together, so a design can pass the
        // count check above and still not fit: that is a result, not a failed run.
        if (report.log.find("no BELs remaining") == std::string::npos) throw;
        report.notes.push_back(std::string("not placed: the design does not fit the ") + report.capacity.device + " (" +
                               e.what() + ")");
        return;
    }

    const std::string reportJson = readText(dir / "pnr-report.json");
    const PlaceAndRouteResult placed = reportJson.empty() ? parseNextpnrLog(r.output) : parseNextpnrReport(reportJson);
    report.fmaxMHz = placed.fmaxMHz;
    report.placedUtilisation = placed.utilisation();
    if (!report.fmaxMHz) report.notes.push_back("nextpnr reported no clock: the module has no registered path");
}

void runFlow(const std::string& svSource, const std::string& top, const SynthesisOptions& options, JobContext* job,
             SynthesisReport& report) {
    static const std::regex identifier("[A-Za-z_][A-Za-z0-9_$]*");
    if (!std::regex_match(top, identifier)) throw FlowError("'" + top + "' is not a module name");
    const bool pnr = report.target == SynthesisTarget::Ice40 && options.placeAndRoute;
    requireTools(pnr ? std::vector<std::string>{kYosys, kNextpnr} : std::vector<std::string>{kYosys}, options, report);
    checkCancelled(job);

    const WorkDir dir(options.workDir);
    writeText(dir.path() / "design.sv", svSource);
    writeText(dir.path() / "synth.ys", yosysScript(report.target, top, {"design.sv"}, "netlist.json", "stat.json"));
    ToolCommand command;
    command.argv = {kYosys, "-s", "synth.ys"};
    command.workDir = dir.path();
    command.timeoutSeconds = options.timeoutSeconds;
    command.searchPath = options.toolPath;
    {
        ProgressSpan progress(job, 0.02, pnr ? 0.55 : 0.98, yosysExpectedSteps(report.target), "Executing",
                              std::string("yosys: synthesising for ") + name(report.target));
        runLogged(command, progress, job, report);
    }
    const std::string stat = readText(dir.path() / "stat.json");
    if (stat.empty()) throw FlowError("yosys: no statistics written (stat.json is missing)");
    applyYosysStat(stat, top, report);

    if (pnr && !fitsDevice(report)) {
        // nextpnr would only fail; the counts already say what matters.
        std::ostringstream note;
        note << "not placed: the design needs " << report.luts << " LUTs and " << report.flipFlops
             << " flip-flops, more than the " << report.capacity.device << " has (" << report.capacity.luts << ", "
             << report.capacity.flipFlops << ")";
        report.notes.push_back(note.str());
    } else if (pnr) {
        placeAndRoute(dir.path(), top, options, job, report);
    }
    report.ok = true;
    reportProgress(job, 1.0, "done");
}

} // namespace

SynthesisReport synthesise(const std::string& svSource, const std::string& topModule, SynthesisTarget target,
                           const SynthesisOptions& options, JobContext* job) {
    const auto start = std::chrono::steady_clock::now();
    SynthesisReport report;
    report.target = target;
    report.module = topModule;
    report.capacity = deviceCapacity(target);
    report.utcTime = isoTimeUtcNow();
    try {
        runFlow(svSource, topModule, options, job, report);
    } catch (const JobCancelled&) {
        throw;
    } catch (const std::exception& e) {
        report.ok = false;
        report.error = e.what();
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace scs::hdl
