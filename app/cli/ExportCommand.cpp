// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the export command.
#include "cli/ExportCommand.h"

#include "cli/HardwareOptions.h"
#include "cli/ProgressBar.h"
#include "fixed/PrecisionReport.h"
#include "hdl/BundleBuilder.h"
#include "hdl/Synthesis.h"

#include <optional>
#include <sstream>

namespace scs::cli {

namespace {

std::vector<hdl::SynthesisTarget> takeSynthTargets(CliArgs& args) {
    std::vector<hdl::SynthesisTarget> targets;
    const auto text = args.take("synth");
    if (!text) return targets;
    if (*text == "all") return hdl::synthesisTargets();
    std::stringstream list(*text);
    for (std::string item; std::getline(list, item, ',');) {
        try {
            targets.push_back(hdl::parseSynthesisTarget(item));
        } catch (const std::invalid_argument&) {
            throw UsageError("unknown target '" + item + "' in --synth (ice40, ecp5, xilinx7, generic, all)");
        }
    }
    return targets;
}

} // namespace

int runExportCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli export --model NAME|FILE --output DIR|FILE.zip [--q Q8.8] [--cycles N]\n"
               "                           [--pipeline N] [--synth TARGETS]\n"
               "Exports the model's bundle: rtl/, tb/ (a self-checking testbench with the spikes the C++ model\n"
               "expects), constraints/ (PCF, LPF, XDC, SDC), sim/Makefile (make: Verilator, make icarus: Icarus),\n"
               "reports/ (estimates, the precision report, and real synthesis runs with --synth), manifest.json\n"
               "with the SHA-256 of every file, and a README. A folder must be new or empty.\n"
               "  --output PATH           a new folder, or a .zip archive\n"
               "  --cycles N              testbench length in steps (default 10000)\n"
               "  --synth TARGETS         also synthesise: ice40, ecp5, xilinx7, generic, comma-separated, or all\n"
            << contractOptionsHelp() << pipelineOptionHelp() << modelOptionsHelp();
        return 0;
    }
    const fixed::FixedContract contract = takeContract(args);
    hdl::SvOptions rtlOptions;
    rtlOptions.pipelineStages = takePipelineStages(args);
    const auto output = args.take("output");
    if (!output) throw UsageError("export needs --output DIR or --output FILE.zip");
    const auto cyclesText = args.take("cycles");
    const int cycles = cyclesText ? parseInt(*cyclesText, "cycles") : hdl::kDefaultTestbenchSteps;
    if (cycles < 1) throw UsageError("--cycles must be at least 1");
    const std::vector<hdl::SynthesisTarget> targets = takeSynthTargets(args);
    const ModelRun run = takeModelRun(args);
    args.expectEmpty();

    const fixed::FixedModelProgram program = compileRun(run, contract);
    JobContext job;
    std::optional<ProgressBar> bar(std::in_place, "exporting " + program.name);
    bar->attach(job);
    std::vector<hdl::SynthesisReport> reports;
    const std::string rtl = hdl::emitSystemVerilog(program, rtlOptions);
    const std::string top = hdl::svInterface(program, rtlOptions).module;
    const double parts = static_cast<double>(targets.size() + 1);
    for (std::size_t k = 0; k < targets.size(); ++k) {
        JobContext part(&job, static_cast<double>(k) / parts, static_cast<double>(k + 1) / parts);
        reports.push_back(hdl::synthesise(rtl, top, targets[k], {}, &part));
        if (!reports.back().ok) err << "scstudio-cli: warning: " << reports.back().error << '\n';
    }
    hdl::BundleSpec spec = hdl::makeBundleSpec(program, run.settings, reports, cycles, rtlOptions);
    spec.precisionReport = fixed::precisionReport(run.model, run.settings, contract).text();
    JobContext writing(&job, static_cast<double>(targets.size()) / parts, 1.0);
    const hdl::BundleResult result = hdl::writeBundle(spec, *output, &writing);
    bar.reset(); // clears its line before the summary
    out << "exported " << result.files.size() << " files of " << top << " (" << contract.label() << ") to " << *output
        << '\n';
    return 0;
}

} // namespace scs::cli
