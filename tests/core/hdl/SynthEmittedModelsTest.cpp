// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — real synthesis of the emitted LIF and Izhikevich modules on every target:
// the parsed report has cells, LUTs and the module's flip-flops, and nextpnr's fmax on iCE40.
#include "fixed/FixedCompiler.h"
#include "hdl/SvEmitter.h"
#include "hdl/Synthesis.h"
#include "models/ModelCatalogue.h"

#include <gtest/gtest.h>

using namespace scs;
using namespace scs::hdl;

namespace {

/// Catalogue model `id` in Q8.8, saturate, truncate, at its own dt.
fixed::FixedModelProgram emitted(const std::string& id) {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* entry = catalogue.find(id);
    if (!entry) throw std::runtime_error("no catalogue model " + id);
    fixed::FixedCompileOptions o;
    o.contract.format = fixed::QFormat::parse("Q8.8");
    o.dt = 0.1e-3;
    fixed::FixedModelProgram p = fixed::compileFixed(NeuronModel::compile(entry->spec), o);
    p.name = id;
    return p;
}

class SynthEmittedModelsTest : public ::testing::TestWithParam<std::string> {};

} // namespace

TEST_P(SynthEmittedModelsTest, EveryTargetReportsCellsAndIce40ReportsFmax) {
    const fixed::FixedModelProgram program = emitted(GetParam());
    const std::string rtl = emitSystemVerilog(program);
    const std::string top = svInterface(program).module;
    // Registers: every state, the spike and trap flags, and the refractory counter when there is one.
    const int stateBits = static_cast<int>(program.states.size()) * program.contract.format.width;
    for (SynthesisTarget target : synthesisTargets()) {
        const SynthesisReport r = synthesise(rtl, top, target);
        ASSERT_TRUE(r.ok) << name(target) << ": " << r.error << "\n" << r.log.substr(0, 2000);
        EXPECT_EQ(r.module, top);
        EXPECT_GT(r.cells, 0) << name(target);
        EXPECT_GE(r.flipFlops, stateBits) << name(target);
        EXPECT_FALSE(r.cellsByType.empty()) << name(target);
        if (target != SynthesisTarget::Generic) {
            EXPECT_GT(r.luts, 0) << name(target);
            EXPECT_GT(r.capacity.luts, 0) << name(target);
        }
        if (target == SynthesisTarget::Ice40) {
            ASSERT_TRUE(r.fmaxMHz.has_value()) << r.log.substr(r.log.size() > 3000 ? r.log.size() - 3000 : 0);
            EXPECT_GT(*r.fmaxMHz, 1.0);
        } else {
            EXPECT_FALSE(r.fmaxMHz.has_value()) << name(target) << ": no place and route for it";
        }
        EXPECT_FALSE(r.tools.empty()) << name(target);
    }
}

INSTANTIATE_TEST_SUITE_P(LifAndIzhikevich, SynthEmittedModelsTest, ::testing::Values("lif", "izhikevich_rs"));
