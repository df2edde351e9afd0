// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the synth command.
#include "cli/SynthCommand.h"

#include "cli/CliArgs.h"
#include "cli/HardwareOptions.h"
#include "cli/ModelOptions.h"
#include "cli/ProgressBar.h"
#include "hdl/Estimate.h"
#include "hdl/SvEmitter.h"
#include "hdl/Synthesis.h"
#include "hdl/SynthesisReportJson.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

namespace scs::cli {
namespace {

const char* kHelp = "usage: scstudio-cli synth --model NAME|FILE [--q Q8.8] [--target ice40|ecp5|xilinx7|generic|all]\n"
                    "       scstudio-cli synth --sv FILE --top MODULE [--target ...]\n"
                    "Compiles the model to fixed-point SystemVerilog and synthesises it with Yosys (iCE40 also placed\n"
                    "and routed with nextpnr-ice40 for fmax); prints LUTs, flip-flops, carries, BRAM, DSP, fmax and\n"
                    "utilisation per target beside the pre-synthesis estimate. Exit 1 when a tool is missing or\n"
                    "synthesis fails.\n"
                    "options:\n"
                    "  --target T              ice40 (default), ecp5, xilinx7, generic, or all\n"
                    "  --json                  print the reports as JSON (without the tool logs)\n"
                    "  --log FILE              write the tools' whole output to FILE\n"
                    "  --clock MHZ             nextpnr's timing target (default 12)\n"
                    "  --no-pnr                skip place and route on iCE40 (no fmax)\n"
                    "  --tools DIRS            search these ':'-separated folders for the tools instead of PATH\n"
                    "  --work-dir DIR          run the tools in DIR/<target> and keep their files\n"
                    "  --sv FILE --top MODULE  synthesise a SystemVerilog file instead of a model (no estimate)\n";

// Ctrl-C reaches only our process group, not the tools (they run in their own so a cancel can
// kill all of them): the handler cancels the job, and the runner kills the tools.
std::atomic<JobContext*> gRunningJob{nullptr};

extern "C" void cancelRunningJob(int) {
    if (JobContext* job = gRunningJob.load()) job->cancel(); // an atomic store: signal-safe
}

class InterruptGuard {
public:
    explicit InterruptGuard(JobContext& job) {
        gRunningJob.store(&job);
        struct sigaction action {};
        action.sa_handler = cancelRunningJob;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &oldInt_);
        sigaction(SIGTERM, &action, &oldTerm_);
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &oldInt_, nullptr);
        sigaction(SIGTERM, &oldTerm_, nullptr);
        gRunningJob.store(nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction oldInt_ {
    }, oldTerm_{};
};

std::string readSource(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError("cannot read '" + file + "'");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<hdl::SynthesisTarget> takeTargets(CliArgs& args) {
    const std::string text = args.take("target").value_or("ice40");
    if (text == "all") return hdl::synthesisTargets();
    try {
        return {hdl::parseSynthesisTarget(text)};
    } catch (const std::invalid_argument&) {
        throw UsageError("unknown target '" + text + "' (ice40, ecp5, xilinx7, generic, all)");
    }
}

std::string fixed1(double v) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << v;
    return s.str();
}

void printTable(std::ostream& out, const std::vector<hdl::SynthesisReport>& reports,
                const std::vector<std::optional<hdl::SynthesisReport>>& estimates) {
    const bool withEstimate = std::any_of(estimates.begin(), estimates.end(), [](const auto& e) { return e; });
    out << std::left << std::setw(9) << "target" << std::setw(11) << "device" << std::right << std::setw(7) << "LUTs"
        << std::setw(7) << "FFs" << std::setw(8) << "carries" << std::setw(6) << "BRAM" << std::setw(5) << "DSP"
        << std::setw(10) << "fmax MHz" << std::setw(8) << "util";
    if (withEstimate) out << "   estimate LUTs/FFs/DSP";
    out << '\n';
    for (std::size_t k = 0; k < reports.size(); ++k) {
        const hdl::SynthesisReport& r = reports[k];
        out << std::left << std::setw(9) << hdl::name(r.target) << std::setw(11)
            << (r.capacity.device.empty() ? "gates" : r.capacity.device) << std::right;
        if (!r.ok) {
            out << "  failed: " << r.error << '\n';
            continue;
        }
        // Utilisation: nextpnr's placed logic cells when it ran, else LUTs over the device's.
        double util = -1; // unknown
        if (r.placedUtilisation)
            util = *r.placedUtilisation;
        else if (r.capacity.luts > 0)
            util = r.lutUtilisation();
        out << std::setw(7) << r.luts << std::setw(7) << r.flipFlops << std::setw(8) << r.carries << std::setw(6)
            << r.bram << std::setw(5) << r.dsp << std::setw(10) << (r.fmaxMHz ? fixed1(*r.fmaxMHz) : "-")
            << std::setw(8) << (util >= 0 ? fixed1(util * 100) + "%" : "-");
        if (withEstimate && estimates[k])
            out << "   " << estimates[k]->luts << "/" << estimates[k]->flipFlops << "/" << estimates[k]->dsp;
        out << '\n';
    }
    for (const auto& r : reports)
        for (const auto& note : r.notes) out << hdl::name(r.target) << ": " << note << '\n';
}

} // namespace

int runSynthCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << kHelp << contractOptionsHelp() << pipelineOptionHelp() << modelOptionsHelp();
        return 0;
    }
    const bool json = args.flag("json");
    const std::optional<std::string> logFile = args.take("log");
    const std::vector<hdl::SynthesisTarget> targets = takeTargets(args);
    hdl::SynthesisOptions options;
    if (args.flag("no-pnr")) options.placeAndRoute = false;
    if (auto clock = args.take("clock")) {
        try {
            options.clockMHz = std::stod(*clock);
        } catch (const std::exception&) {
            options.clockMHz = 0;
        }
        if (!(options.clockMHz > 0)) throw UsageError("--clock needs a frequency in MHz, e.g. --clock 12");
    }
    options.toolPath = args.take("tools").value_or("");
    const std::filesystem::path workRoot = args.take("work-dir").value_or("");

    const fixed::FixedContract contract = takeContract(args);
    hdl::SvOptions rtl;
    rtl.pipelineStages = takePipelineStages(args);

    // The design: a model compiled and emitted, or a given SystemVerilog file.
    std::string source, top;
    std::optional<fixed::FixedModelProgram> program;
    if (auto sv = args.take("sv")) {
        source = readSource(*sv);
        top = args.take("top").value_or("");
        if (top.empty()) throw UsageError("--sv needs --top MODULE, the module to synthesise");
        args.expectEmpty();
    } else {
        const ModelRun run = takeModelRun(args);
        args.expectEmpty();
        program = compileRun(run, contract);
        source = hdl::emitSystemVerilog(*program, rtl);
        top = hdl::svInterface(*program, rtl).module;
    }

    std::vector<hdl::SynthesisReport> reports;
    std::vector<std::optional<hdl::SynthesisReport>> estimates;
    {
        // One bar over all targets: the work's context reports each target's share into the bar's.
        JobContext barJob, job;
        ProgressBar bar("synthesising " + top);
        bar.attach(barJob);
        std::size_t current = 0;
        const double n = static_cast<double>(targets.size());
        job.setProgressListener([&](double f, const std::string& message) {
            barJob.setProgress((static_cast<double>(current) + f) / n, message);
        });
        InterruptGuard interrupts(job);
        for (; current < targets.size(); ++current) {
            hdl::SynthesisOptions o = options;
            if (!workRoot.empty()) o.workDir = workRoot / hdl::name(targets[current]);
            reports.push_back(hdl::synthesise(source, top, targets[current], o, &job));
            estimates.push_back(program ? std::optional(hdl::estimate(*program, targets[current], rtl.pipelineStages))
                                        : std::nullopt);
        }
    }

    if (logFile) {
        std::ofstream log(*logFile, std::ios::binary);
        for (const auto& r : reports) log << "######## " << hdl::name(r.target) << "\n" << r.log;
        if (!log) throw std::runtime_error("cannot write '" + *logFile + "'");
    }
    if (json) {
        nlohmann::json rows = nlohmann::json::array();
        for (std::size_t k = 0; k < reports.size(); ++k) {
            nlohmann::json row = hdl::toJson(reports[k]);
            row.erase("log"); // --log FILE has it
            if (estimates[k]) {
                nlohmann::json e = hdl::toJson(*estimates[k]);
                e.erase("log");
                row["estimate"] = e;
            }
            rows.push_back(row);
        }
        out << nlohmann::json{{"module", top}, {"contract", contract.label()}, {"reports", rows}}.dump(2) << '\n';
    } else {
        out << "module " << top;
        if (program) out << " (" << contract.label() << ")";
        out << '\n';
        printTable(out, reports, estimates);
    }
    for (const auto& r : reports) {
        if (!r.ok) {
            err << "scstudio-cli: synthesis for " << hdl::name(r.target) << " failed: " << r.error << '\n';
            return 1;
        }
    }
    return 0;
}

} // namespace scs::cli
