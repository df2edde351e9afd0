// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — pipeline planning: stages in operand order, registers exactly where a
// later stage reads, shorter stages, and what the emitted module declares.
#include "hdl/SvPipeline.h"
#include "fixed/FixedCompiler.h"
#include "hdl/HardwareInventory.h"
#include "hdl/SvEmitter.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace scs;
using namespace scs::hdl;

namespace {

fixed::FixedModelProgram catalogueProgram(const std::string& id, const std::string& format = "Q16.16") {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    const CatalogueEntry* entry = catalogue.find(id);
    if (!entry) throw std::runtime_error("no catalogue model " + id);
    fixed::FixedCompileOptions options;
    options.contract = {fixed::QFormat::parse(format), fixed::Overflow::Saturate, fixed::Rounding::Truncate};
    options.dt = parseQuantity(entry->dt, "dt").value;
    options.drive = entry->drive;
    return fixed::compileFixed(NeuronModel::compile(entry->spec), options);
}

} // namespace

TEST(SvPipelineTest, StagesFollowOperandsAndRegistersSitWhereALaterStageReads) {
    for (const std::string id : {"lif", "izhikevich_rs", "adex", "hodgkin_huxley"}) {
        const fixed::FixedModelProgram p = catalogueProgram(id);
        for (int stages = 0; stages <= 4; ++stages) {
            const PipelinePlan plan = planPipeline(p, stages);
            ASSERT_EQ(plan.stage.size(), p.code.size());
            std::vector<bool> readLater(p.code.size(), false);
            for (std::size_t v = 0; v < p.code.size(); ++v) {
                EXPECT_GE(plan.stage[v], 0);
                EXPECT_LE(plan.stage[v], stages);
                for (std::uint32_t a : valueOperands(p, p.code[v])) {
                    if (plan.stable[a]) continue;
                    EXPECT_LE(plan.stage[a], plan.stage[v]) << id << ": value " << v << " before its operand " << a;
                    if (plan.stage[a] < plan.stage[v]) readLater[a] = true;
                }
            }
            for (std::uint32_t out : p.nextState)
                if (!plan.stable[out] && plan.stage[out] < stages) readLater[out] = true;
            for (std::uint32_t out : p.resetState)
                if (!plan.stable[out] && plan.stage[out] < stages) readLater[out] = true;
            std::vector<std::uint32_t> flags;
            if (p.hasThreshold) flags.push_back(p.threshold);
            if (p.refractory == fixed::FixedModelProgram::Refractory::Condition) flags.push_back(p.refractoryCondition);
            for (std::uint32_t out : flags)
                if (!plan.stable[out] && plan.stage[out] < stages) readLater[out] = true;
            EXPECT_EQ(plan.registered, readLater) << id << " with " << stages << " stages";
            if (stages == 0) {
                EXPECT_DOUBLE_EQ(plan.longestStage, plan.depth) << id;
            }
        }
    }
}

TEST(SvPipelineTest, StagesShortenTheLongestPathDownToTheLongestOperation) {
    const fixed::FixedModelProgram hh = catalogueProgram("hodgkin_huxley");
    const PipelinePlan none = planPipeline(hh, 0);
    const PipelinePlan two = planPipeline(hh, 2);
    const PipelinePlan four = planPipeline(hh, 4);
    EXPECT_EQ(none.latency(), 1);
    EXPECT_EQ(two.latency(), 3);
    EXPECT_LT(two.longestStage, 0.6 * none.longestStage);
    // An operation is never split: a Q16.16 division alone is the floor.
    double longestOperation = 0;
    for (const auto& in : hh.code) longestOperation = std::max(longestOperation, operationDepth(hh, in));
    EXPECT_LE(four.longestStage, two.longestStage);
    EXPECT_GE(four.longestStage, longestOperation);

    // Without divisions (Izhikevich: products and sums) more stages keep shortening it.
    const fixed::FixedModelProgram izh = catalogueProgram("izhikevich_rs");
    EXPECT_LT(planPipeline(izh, 1).longestStage, planPipeline(izh, 0).longestStage);
    EXPECT_LT(planPipeline(izh, 3).longestStage, planPipeline(izh, 1).longestStage);
    EXPECT_EQ(planPipeline(hh, 99).stages, kMaxPipelineStages) << "clamped";
    EXPECT_EQ(planPipeline(hh, -1).stages, 0) << "clamped";
}

TEST(SvPipelineTest, EmittedModuleDeclaresThePhaseAndEveryRegisterAndTheEstimateCountsThem) {
    const fixed::FixedModelProgram p = catalogueProgram("izhikevich_rs", "Q8.8");
    SvOptions options;
    options.pipelineStages = 2;
    const std::string text = emitSystemVerilog(p, options);
    EXPECT_EQ(svInterface(p, options).latency, 3);
    EXPECT_NE(text.find("logic [1:0] phase;"), std::string::npos);
    EXPECT_NE(text.find("3 enabled clock cycles (2 pipeline stages)"), std::string::npos);
    const PipelinePlan plan = planPipeline(p, 2);
    int registers = 0;
    for (std::size_t v = 0; v < plan.registered.size(); ++v) {
        if (!plan.registered[v]) continue;
        ++registers;
        std::string net = "n"; // appended: GCC 12 warns falsely (-Wrestrict) on "n" + to_string
        net += std::to_string(v);
        std::string capture = net;
        capture.append("_r <= ").append(net).append(";");
        EXPECT_NE(text.find(capture), std::string::npos) << "value " << v << " is not captured";
    }
    EXPECT_GT(registers, 0);
    EXPECT_EQ(emitSystemVerilog(p).find("phase"), std::string::npos) << "no pipeline, no phase counter";

    const HardwareInventory flat = countHardware(p), piped = countHardware(p, 2);
    EXPECT_EQ(flat.pipelineBits, 0);
    EXPECT_GE(piped.pipelineBits, registers);
    EXPECT_EQ(piped.registerBits, flat.registerBits + piped.pipelineBits);
}
