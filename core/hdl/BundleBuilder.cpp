// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — assembling a bundle's contents.
#include "hdl/BundleBuilder.h"

#include "hdl/Estimate.h"
#include "hdl/SvEmitter.h"
#include "hdl/TestbenchGenerator.h"
#include "hdl/ToolProcess.h"

#include <map>

namespace scs::hdl {

BundleSpec makeBundleSpec(const fixed::FixedModelProgram& program, const SimulationSettings& settings,
                          const std::vector<SynthesisReport>& runs, int cycles, const SvOptions& rtl) {
    BundleSpec spec;
    spec.program = program;
    spec.module = svInterface(program, rtl);
    spec.rtl = emitSystemVerilog(program, rtl);
    spec.cycles = cycles;
    const TestbenchData data = protocolRun(program, settings.protocol, cycles);
    spec.testbenchModule = "tb_" + spec.module.module;
    TestbenchOptions options;
    options.module = rtl;
    spec.testbenchFiles = {{spec.testbenchModule + ".sv", emitTestbench(program, data, options)},
                           {options.stimulusFile, stimulusHex(program, data)},
                           {options.expectedFile, expectedSpikesHex(data)}};
    std::map<SynthesisTarget, const SynthesisReport*> latest; // runs are oldest first
    for (const SynthesisReport& r : runs)
        if (!r.estimated && r.module == spec.module.module) latest[r.target] = &r;
    for (const auto& [target, report] : latest) spec.reports.push_back(*report);
    for (SynthesisTarget target : synthesisTargets())
        spec.reports.push_back(estimate(program, target, rtl.pipelineStages));
    // The tools the bundle's Makefile and README use, as found on this machine (missing: noted so).
    for (const char* tool : {"verilator", "iverilog", "yosys", "nextpnr-ice40"})
        spec.tools.push_back(toolVersion(tool));
    return spec;
}

} // namespace scs::hdl
