// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the compile command.
#include "cli/CompileCommand.h"

#include "cli/HardwareOptions.h"
#include "hdl/SvEmitter.h"
#include "util/AtomicFile.h"

#include <chrono>
#include <cmath>

namespace scs::cli {

int runCompileCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli compile --model NAME|FILE [--q Q8.8] [--overflow M] [--rounding M]\n"
               "                            [--pipeline N] [--module NAME] [--output FILE.sv]\n"
               "Compiles the model to one synthesisable SystemVerilog module (forward Euler in the fixed-point\n"
               "format) and prints it, or writes it to FILE. Constructs without a fixed-point form are refused\n"
               "with their line and column.\n"
            << contractOptionsHelp() << pipelineOptionHelp() << modelOptionsHelp();
        return 0;
    }
    const fixed::FixedContract contract = takeContract(args);
    hdl::SvOptions options;
    options.moduleName = args.take("module").value_or("");
    options.pipelineStages = takePipelineStages(args);
    const auto output = args.take("output");
    const ModelRun run = takeModelRun(args);
    args.expectEmpty();

    const auto start = std::chrono::steady_clock::now();
    const fixed::FixedModelProgram program = compileRun(run, contract);
    const std::string text = hdl::emitSystemVerilog(program, options);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!output) {
        out << text;
        return 0;
    }
    writeFileAtomically(*output, text);
    err << "compiled " << hdl::svInterface(program, options).module << " (" << contract.label() << ", "
        << program.code.size() << " operations, " << program.luts.size() << " tables) to " << *output << " in "
        << std::lround(ms) << " ms\n";
    return 0;
}

} // namespace scs::cli
