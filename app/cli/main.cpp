// SPDX-License-Identifier: MIT
// scstudio-cli: everything the studio does, headless, through the same engine calls.
#include "cli/AnalyseCommand.h"
#include "cli/CliArgs.h"
#include "cli/CompileCommand.h"
#include "cli/CosimCommand.h"
#include "cli/ExportCommand.h"
#include "cli/ModelsCommand.h"
#include "cli/PluginsCommand.h"
#include "cli/PrecisionCommand.h"
#include "cli/ProjectCommand.h"
#include "cli/RunCommand.h"
#include "cli/SimulateCommand.h"
#include "cli/SynthCommand.h"

#include "expr/SourceError.h"
#include "jobs/JobContext.h"
#include "ode/Simulation.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

const char* kUsage = "usage: scstudio-cli <command> [options]   (scstudio-cli <command> --help for details)\n"
                     "commands:\n"
                     "  simulate      simulate one neuron model; summary, CSV or JSON\n"
                     "  analyse KIND  run an analysis (fi, bifurcation, sensitivity, phase, heatmap, sta,\n"
                     "                frequency, isi, classify)\n"
                     "  models        list the model catalogue (--search TEXT, --json)\n"
                     "  check         check a model's equations and units; report errors with line and column\n"
                     "  plugins       list plugins and their problems; run a plugin job\n"
                     "  cosim         run a model's RTL under Verilator against the fixed-point model, bit for bit\n"
                     "  precision     check a model against a fixed-point format (ranges, quantisation, stalls)\n"
                     "  project SUB   .scstudio project files: info, validate, export-json, import-json\n"
                     "  run PROJECT   run a project's network; statistics per population, spikes to CSV or JSON\n"
                     "  compile       compile a model to one SystemVerilog module in a fixed-point format\n"
                     "  export        export a model's bundle: RTL, testbench, constraints, Makefile, reports\n"
                     "  synth         compile a model to RTL and synthesise it (yosys, nextpnr): LUTs, FFs, fmax\n"
                     "  version       print the studio version\n";

int dispatch(const std::string& command, const std::vector<std::string>& rest) {
    using namespace scs::cli;
    if (command == "simulate") return runSimulateCommand(rest, std::cout, std::cerr);
    if (command == "models") return runModelsCommand(rest, std::cout, std::cerr);
    if (command == "check") return runCheckCommand(rest, std::cout, std::cerr);
    if (command == "analyse" || command == "analyze") return runAnalyseCommand(rest, std::cout, std::cerr);
    if (command == "plugins") return runPluginsCommand(rest, std::cout, std::cerr);
    if (command == "cosim") return runCosimCommand(rest, std::cout, std::cerr);
    if (command == "precision") return runPrecisionCommand(rest, std::cout, std::cerr);
    if (command == "project") return runProjectCommand(rest, std::cout, std::cerr);
    if (command == "run") return runRunCommand(rest, std::cout, std::cerr);
    if (command == "compile") return runCompileCommand(rest, std::cout, std::cerr);
    if (command == "export") return runExportCommand(rest, std::cout, std::cerr);
    if (command == "synth") return runSynthCommand(rest, std::cout, std::cerr);
    if (command == "version" || command == "--version") {
        std::cout << "scstudio-cli " << SCS_VERSION << '\n';
        return 0;
    }
    if (command == "help" || command == "--help" || command == "-h") {
        std::cout << kUsage;
        return 0;
    }
    throw UsageError("unknown command '" + command + "'");
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    try {
        return dispatch(command, args);
    } catch (const scs::cli::UsageError& e) {
        std::cerr << "scstudio-cli: " << e.what() << '\n';
        return 2;
    } catch (const scs::ModelError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << "scstudio-cli: " << d.format() << '\n';
        return 1;
    } catch (const scs::JobCancelled&) {
        std::cerr << "scstudio-cli: cancelled\n";
        return 130;
    } catch (const std::exception& e) {
        std::cerr << "scstudio-cli: error: " << e.what() << '\n';
        return 1;
    }
}
