// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — hardware command options.
#include "cli/HardwareOptions.h"

#include "fixed/FixedCompiler.h"
#include "hdl/SvPipeline.h"

#include <string>

namespace scs::cli {

fixed::FixedContract takeContract(CliArgs& args) {
    try {
        const auto q = args.take("q");
        const auto format = args.take("format");
        fixed::FixedContract contract;
        contract.format = fixed::QFormat::parse(q.value_or(format.value_or("Q8.8")));
        contract.overflow = fixed::parseOverflow(args.take("overflow").value_or("saturate"));
        contract.rounding = fixed::parseRounding(args.take("rounding").value_or("truncate"));
        return contract;
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

fixed::FixedModelProgram compileRun(const ModelRun& run, const fixed::FixedContract& contract) {
    fixed::FixedModelProgram program = fixed::compileFixed(run.model, fixed::compileOptionsFor(run.settings, contract));
    if (program.name.empty()) program.name = run.entry.id;
    return program;
}

int takePipelineStages(CliArgs& args) {
    const auto text = args.take("pipeline");
    if (!text) return 0;
    const int stages = parseInt(*text, "pipeline");
    if (stages < 0 || stages > hdl::kMaxPipelineStages)
        throw UsageError("--pipeline must be 0 .. " + std::to_string(hdl::kMaxPipelineStages) + ", not " + *text);
    return stages;
}

const char* pipelineOptionHelp() {
    return "  --pipeline N            pipeline stages in the step's datapath, 0 (default) .. 8; a step then\n"
           "                          takes N + 1 clock cycles and the longest path is about 1/(N+1) as long\n";
}

const char* contractOptionsHelp() {
    return "  --q FORMAT              fixed-point format, e.g. Q8.8 (default), Q16.16, UQ8.8 (alias --format)\n"
           "  --overflow MODE         saturate (default), wrap, trap\n"
           "  --rounding MODE         truncate (default), nearest, bankers, stochastic\n";
}

} // namespace scs::cli
