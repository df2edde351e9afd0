// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the cosim command.
#include "cli/CosimCommand.h"

#include "cli/HardwareOptions.h"
#include "fixed/FixedSimulation.h"
#include "hdl/Cosim.h"

#include <nlohmann/json.hpp>

#include <iomanip>

namespace scs::cli {

int runCosimCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << "usage: scstudio-cli cosim --model NAME|FILE [--q Q8.8] [--overflow M] [--rounding M]\n"
               "                          [--pipeline N] [--cycles 10000] [--keep DIR] [--json]\n"
               "Compiles the model to fixed point, prints it as SystemVerilog, runs it under Verilator for\n"
               "--cycles steps of the protocol sampled at dt, and compares every spike and state bit with\n"
               "the studio's fixed-point model in every clock cycle. Exit 0 on a match, 1 on a mismatch. Needs "
               "verilator, make\n"
               "and a C++ compiler on PATH. --keep DIR keeps the sources, build and data there.\n"
            << contractOptionsHelp() << pipelineOptionHelp() << modelOptionsHelp();
        return 0;
    }
    const bool json = args.flag("json");
    const fixed::FixedContract contract = takeContract(args);
    std::int64_t cycles = 10000;
    if (auto c = args.take("cycles")) cycles = parseInt(*c, "cycles");
    if (cycles < 1 || cycles > 100'000'000) throw UsageError("--cycles must be 1 .. 100000000");
    hdl::CosimOptions cosim;
    cosim.pipelineStages = takePipelineStages(args);
    if (auto keep = args.take("keep")) cosim.workDir = *keep;
    cosim.optimize = cycles > 1'000'000; // a long run pays for the slower optimised build
    const ModelRun run = takeModelRun(args);
    args.expectEmpty();

    const fixed::FixedModelProgram program = compileRun(run, contract);
    const std::vector<std::int64_t> input = fixed::driveCodes(program, run.settings, cycles);
    const hdl::CosimModel model({program}, cosim);
    const hdl::CosimResult r = model.run({input}, {program.name + " [" + contract.label() + "]"}).front();
    if (json) {
        nlohmann::ordered_json j = {{"model", program.name},
                                    {"contract", contract.label()},
                                    {"match", r.matched()},
                                    {"cycles", r.cycles},
                                    {"steps", r.steps},
                                    {"cycles_per_step", r.latency},
                                    {"spikes", r.spikes},
                                    {"build_seconds", model.buildSeconds()},
                                    {"run_seconds", model.lastRunSeconds()}};
        if (r.trapCycle) j["trap_cycle"] = *r.trapCycle;
        if (r.mismatch)
            j["mismatch"] = {{"cycle", r.mismatch->cycle},
                             {"step", r.mismatch->step},
                             {"signal", r.mismatch->signal},
                             {"expected", r.mismatch->expected},
                             {"got", r.mismatch->got}};
        out << j.dump(2) << '\n';
    } else {
        out << "cosim " << r.summary() << std::fixed << std::setprecision(2) << " (Verilator build "
            << model.buildSeconds() << " s, run " << model.lastRunSeconds() << " s)\n";
    }
    (void)err;
    return r.matched() ? 0 : 1;
}

} // namespace scs::cli
