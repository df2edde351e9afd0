// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the emitted RTL under the real tools: Verilator's -Wall lint over the
// catalogue and random models, the generated testbench under Icarus and Verilator, and trap mode.
// These tests fail (never skip) when a tool is missing: CI installs verilator and iverilog.
#include "HdlTestSupport.h"
#include "RandomModel.h"

#include "fixed/FixedCompiler.h"
#include "fixed/FixedStepper.h"
#include "hdl/Cosim.h"
#include "hdl/SvEmitter.h"
#include "hdl/SvText.h"
#include "hdl/TestbenchGenerator.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace scs;
using namespace scs::hdl;

namespace {

fixed::FixedModelProgram catalogueProgram(const std::string& id, const fixed::FixedContract& contract) {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* entry = catalogue.find(id);
    if (!entry) throw std::runtime_error("no catalogue model " + id);
    fixed::FixedCompileOptions options;
    options.contract = contract;
    options.dt = parseQuantity(entry->dt, "dt").value;
    options.drive = entry->drive;
    fixed::FixedModelProgram p = fixed::compileFixed(NeuronModel::compile(entry->spec), options);
    p.name = id;
    return p;
}

/// Writes the module, the testbench and its data for `program` into `dir`; returns the tb name.
std::string writeTestbench(const std::filesystem::path& dir, const fixed::FixedModelProgram& program,
                           const TestbenchData& data, int pipelineStages = 0) {
    TestbenchOptions options;
    options.module.pipelineStages = pipelineStages;
    const SvInterface ports = svInterface(program, options.module);
    rtltest::writeText(dir / (ports.module + ".sv"), emitSystemVerilog(program, options.module));
    rtltest::writeText(dir / ("tb_" + ports.module + ".sv"), emitTestbench(program, data, options));
    rtltest::writeText(dir / "stimulus.hex", stimulusHex(program, data));
    rtltest::writeText(dir / "expected_spikes.hex", expectedSpikesHex(data));
    return "tb_" + ports.module;
}

/// A model whose state grows until the format overflows: v gains I * dt / tau each step.
fixed::FixedModelProgram overflowingProgram() {
    ModelSpec spec;
    spec.name = "runaway";
    spec.equations = "dv/dt = (I + 0.01*v)/tau : 1\nI : 1";
    spec.parameters = {{"tau", "1*ms"}, {"I", "2"}};
    fixed::FixedCompileOptions options;
    options.contract = {fixed::QFormat::parse("Q8.8"), fixed::Overflow::Trap, fixed::Rounding::Stochastic};
    return fixed::compileFixed(NeuronModel::compile(spec), options);
}

} // namespace

TEST(RtlToolsTest, CatalogueAndRandomModulesLintCleanWithVerilatorWall) {
    scs::test::TempDir dir;
    std::vector<std::string> files;
    auto add = [&](const fixed::FixedModelProgram& p, const std::string& module, int pipelineStages = 0) {
        SvOptions o;
        o.moduleName = module;
        o.pipelineStages = pipelineStages;
        rtltest::writeText(dir.path() / (module + ".sv"), emitSystemVerilog(p, o));
        files.push_back(module + ".sv");
    };
    const auto modes = rtltest::allModes();
    int index = 0, modelIndex = 0;
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    for (const CatalogueEntry& entry : catalogue.entries()) {
        ++modelIndex;
        const NeuronModel model = NeuronModel::compile(entry.spec);
        // Four modes per model, rotating, so every combination is linted with several models
        // (all twelve per model would triple the time for little more coverage).
        for (int m = 0; m < 4; ++m) {
            const auto [overflow, rounding] = modes[static_cast<std::size_t>(modelIndex + 3 * m) % modes.size()];
            fixed::FixedCompileOptions options;
            options.contract = {fixed::QFormat::parse("Q16.16"), overflow, rounding};
            options.dt = parseQuantity(entry.dt, "dt").value;
            options.drive = entry.drive;
            try {
                // Every other one pipelined, with 1 to 4 stages.
                add(fixed::compileFixed(model, options), sv::cat("cat", std::to_string(index), "_", entry.id),
                    index % 2 ? 1 + index % 4 : 0);
                ++index;
            } catch (const ModelError&) {
                break; // listed by CosimCatalogueTest
            }
        }
    }
    std::mt19937_64 rng(99);
    for (int k = 0, made = 0; made < 36; ++k) {
        fixed::FixedCompileOptions options;
        options.contract = {fixed::QFormat::parse(k % 2 ? "Q8.8" : "Q12.12"), modes[k % 12].first,
                            modes[k % 12].second};
        try {
            add(fixed::compileFixed(NeuronModel::compile(rtltest::randomModelSpec(rng, "m")), options),
                sv::cat("model", std::to_string(made++)));
        } catch (const ModelError&) {}
    }
    ASSERT_GT(files.size(), 80u);
    EXPECT_EQ(rtltest::lintAllWithVerilator(dir.path(), files), "");

    // Random raw programs, every operation in every format (1..32 bits, unsigned too). Their
    // generator also combines constants, which the compiler folds away; Verilator propagates
    // such constants into comparisons and notes those as constant (CMPCONST, UNSIGNED), so only
    // those two notes are allowed here.
    files.clear();
    for (int k = 0; k < 48; ++k) {
        const auto [overflow, rounding] = modes[static_cast<std::size_t>(k) % modes.size()];
        const fixed::FixedContract contract{rtltest::randomFormat(rng), overflow, rounding};
        add(rtltest::randomProgram(rng, contract, "p"), sv::cat("prog", std::to_string(k)), k % 4);
    }
    EXPECT_EQ(rtltest::lintAllWithVerilator(dir.path(), files, {"-Wno-CMPCONST", "-Wno-UNSIGNED"}), "");
}

TEST(RtlToolsTest, GeneratedTestbenchPassesUnderIcarusAndVerilator) {
    const fixed::FixedModelProgram lif = catalogueProgram(
        "lif", {fixed::QFormat::parse("Q8.8"), fixed::Overflow::Saturate, fixed::Rounding::Stochastic});
    const TestbenchData data = protocolRun(lif, Protocol::parse("step amplitude=2*nA start=20*ms stop=180*ms"), 4000);
    ASSERT_GT(data.spikeCycles.size(), 5u) << "the LIF should fire under 2 nA";
    scs::test::TempDir dir;
    const std::string tb = writeTestbench(dir.path(), lif, data);

    const auto compiled = rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-o", "sim", tb + ".sv", "lif.sv"});
    ASSERT_EQ(compiled.exitCode, 0) << compiled.output;
    const auto ran = rtltest::runIn(dir.path(), {"vvp", "-n", "sim"});
    EXPECT_EQ(ran.exitCode, 0) << ran.output;
    EXPECT_NE(ran.output.find("PASS: lif, 4000 cycles"), std::string::npos) << ran.output;
    EXPECT_TRUE(std::filesystem::file_size(dir.path() / (tb + ".vcd")) > 1000) << "the VCD was not written";

    const auto built = rtltest::runIn(
        dir.path(), {"verilator", "--binary", "-j", "2", "-DSCS_NO_VCD", "--top-module", tb, tb + ".sv", "lif.sv"});
    ASSERT_EQ(built.exitCode, 0) << built.output;
    const auto verilated = rtltest::runIn(dir.path(), {(dir.path() / "obj_dir" / ("V" + tb)).string()});
    EXPECT_EQ(verilated.exitCode, 0) << verilated.output;
    EXPECT_NE(verilated.output.find("PASS: lif"), std::string::npos) << verilated.output;

    // The testbench really checks: one expected spike moved by a cycle makes it fail.
    TestbenchData wrong = data;
    wrong.spikeCycles[2] += 1;
    rtltest::writeText(dir.path() / "expected_spikes.hex", expectedSpikesHex(wrong));
    const auto failed = rtltest::runIn(dir.path(), {"vvp", "-n", "sim"});
    EXPECT_NE(failed.output.find("FAIL: lif"), std::string::npos) << failed.output;
    EXPECT_NE(failed.exitCode, 0) << "$fatal must give a failing exit status";
}

TEST(RtlToolsTest, TrapRisesInTheCycleTheStepperThrows) {
    const fixed::FixedModelProgram p = overflowingProgram();
    // The C++ reference: the step that throws.
    fixed::FixedStepper stepper(p);
    const std::vector<std::int64_t> drive(3000, 2 << 8);
    std::int64_t thrown = -1;
    for (std::size_t c = 0; c < drive.size() && thrown < 0; ++c) {
        try {
            stepper.step(drive[c]);
        } catch (const fixed::FixedOverflow&) {
            thrown = static_cast<std::int64_t>(c);
        }
    }
    ASSERT_GT(thrown, 100) << "the state should take a while to overflow";

    const CosimResult r = cosimulate(p, drive);
    EXPECT_TRUE(r.matched()) << r.summary();
    ASSERT_TRUE(r.trapCycle.has_value()) << r.summary();
    EXPECT_EQ(*r.trapCycle, thrown) << "trap must rise in the very cycle FixedStepper throws";

    // Icarus: the testbench checks trap against the expected cycle; without SCS_NO_TRAP_FATAL the
    // module itself stops the simulation with $fatal.
    scs::test::TempDir dir;
    const TestbenchData data = expectedRun(p, drive);
    ASSERT_EQ(data.trapCycle, thrown);
    const std::string tb = writeTestbench(dir.path(), p, data);
    const auto withFlag = rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-DSCS_NO_TRAP_FATAL", "-DSCS_NO_VCD", "-o",
                                                      "sim", tb + ".sv", "runaway.sv"});
    ASSERT_EQ(withFlag.exitCode, 0) << withFlag.output;
    const auto passed = rtltest::runIn(dir.path(), {"vvp", "-n", "sim"});
    EXPECT_NE(passed.output.find("PASS: runaway"), std::string::npos) << passed.output;
    const auto fatal =
        rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-DSCS_NO_VCD", "-o", "fatal", tb + ".sv", "runaway.sv"});
    ASSERT_EQ(fatal.exitCode, 0) << fatal.output;
    const auto stopped = rtltest::runIn(dir.path(), {"vvp", "-n", "fatal"});
    EXPECT_NE(stopped.output.find("runaway: an operation overflowed Q8.8"), std::string::npos) << stopped.output;
    EXPECT_NE(stopped.exitCode, 0);
}

TEST(RtlToolsTest, PipelinedModulesPassTheirTestbenchAndTrapAtTheEndOfTheStep) {
    // LIF with two pipeline stages: three cycles per step, the same spikes.
    const fixed::FixedModelProgram lif =
        catalogueProgram("lif", {fixed::QFormat::parse("Q8.8"), fixed::Overflow::Saturate, fixed::Rounding::Nearest});
    const TestbenchData data = protocolRun(lif, Protocol::parse("step amplitude=2*nA start=20*ms stop=180*ms"), 2000);
    ASSERT_GT(data.spikeCycles.size(), 3u);
    scs::test::TempDir dir;
    const std::string tb = writeTestbench(dir.path(), lif, data, 2);
    const auto compiled =
        rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-DSCS_NO_VCD", "-o", "sim", tb + ".sv", "lif.sv"});
    ASSERT_EQ(compiled.exitCode, 0) << compiled.output;
    const auto ran = rtltest::runIn(dir.path(), {"vvp", "-n", "sim"});
    EXPECT_EQ(ran.exitCode, 0) << ran.output;
    EXPECT_NE(ran.output.find("PASS: lif, 2000 cycles"), std::string::npos) << ran.output;

    // The same testbench against the unpipelined module fails: it expects the latency.
    rtltest::writeText(dir.path() / "lif.sv", emitSystemVerilog(lif));
    const auto rebuilt =
        rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-DSCS_NO_VCD", "-o", "sim", tb + ".sv", "lif.sv"});
    ASSERT_EQ(rebuilt.exitCode, 0) << rebuilt.output;
    EXPECT_NE(rtltest::runIn(dir.path(), {"vvp", "-n", "sim"}).output.find("FAIL: lif"), std::string::npos);

    // Trap mode, three stages: trap rises at the end of the step FixedStepper throws in, the
    // overflow having happened in any of its stages.
    const fixed::FixedModelProgram runaway = overflowingProgram();
    const std::vector<std::int64_t> drive(3000, 2 << 8);
    const TestbenchData trapData = expectedRun(runaway, drive);
    ASSERT_TRUE(trapData.trapCycle.has_value());
    CosimOptions cosim;
    cosim.pipelineStages = 3;
    const CosimResult r = cosimulate(runaway, drive, cosim);
    EXPECT_TRUE(r.matched()) << r.summary();
    ASSERT_TRUE(r.trapCycle.has_value()) << r.summary();
    EXPECT_EQ(r.latency, 4);
    EXPECT_EQ(*r.trapCycle, (*trapData.trapCycle + 1) * 4 - 1) << r.summary();
    const std::string trapTb = writeTestbench(dir.path(), runaway, trapData, 3);
    const auto trapBuilt = rtltest::runIn(dir.path(), {"iverilog", "-g2012", "-DSCS_NO_TRAP_FATAL", "-DSCS_NO_VCD",
                                                       "-o", "trap", trapTb + ".sv", "runaway.sv"});
    ASSERT_EQ(trapBuilt.exitCode, 0) << trapBuilt.output;
    const auto trapRan = rtltest::runIn(dir.path(), {"vvp", "-n", "trap"});
    EXPECT_NE(trapRan.output.find("PASS: runaway"), std::string::npos) << trapRan.output;
}
