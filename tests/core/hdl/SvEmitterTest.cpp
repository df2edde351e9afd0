// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the SystemVerilog emitter: text, names, refusals and lint.
#include "HdlTestSupport.h"

#include "hdl/Identifiers.h"
#include "hdl/SvEmitter.h"

#include "support/TestSupport.h"

#include <gtest/gtest.h>

using namespace scs;
using namespace scs::hdl;

namespace {

fixed::FixedContract q88(fixed::Overflow o = fixed::Overflow::Saturate, fixed::Rounding r = fixed::Rounding::Truncate) {
    return {fixed::QFormat::parse("Q8.8"), o, r};
}

} // namespace

TEST(SvEmitterTest, HandWrittenLifLintsCleanInEveryMode) {
    scs::test::TempDir dir;
    for (const auto& [o, r] : rtltest::allModes()) {
        const fixed::FixedModelProgram p = rtltest::handLif(q88(o, r));
        SvOptions options;
        options.moduleName = std::string("lif_") + fixed::name(o) + "_" + fixed::name(r);
        const std::string text = emitSystemVerilog(p, options);
        const auto file = dir.path() / (options.moduleName + ".sv");
        rtltest::writeText(file, text);
        EXPECT_EQ(rtltest::lintWithVerilator(file, options.moduleName), "") << text;
    }
}

TEST(SvEmitterTest, TheSameProgramGivesTheSameTextAndDocumentedPorts) {
    const fixed::FixedModelProgram p = rtltest::handLif(q88(fixed::Overflow::Trap, fixed::Rounding::Stochastic));
    const std::string text = emitSystemVerilog(p);
    const fixed::FixedModelProgram copy = p;
    EXPECT_EQ(emitSystemVerilog(copy), text) << "output must be deterministic";
    const SvInterface ports = svInterface(p);
    EXPECT_EQ(ports.module, "hand_lif");
    EXPECT_EQ(ports.input, "in_I");
    EXPECT_EQ(ports.states, std::vector<std::string>{"v_q"});
    for (const char* expected :
         {"module hand_lif (", "input  wire signed [15:0] in_I", "output logic signed [15:0] v_q", "output logic trap",
          "16'hace1", "$fatal", "`ifndef SCS_NO_TRAP_FATAL", "// synthesis translate_off", "v + dt * dv/dt",
          "Contract: Q8.8, trap, stochastic"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
}

TEST(SvEmitterTest, ProgramsTheStepperCouldNotRunAreRefusedWithTheRule) {
    auto refusal = [](const fixed::FixedModelProgram& p) {
        try {
            emitSystemVerilog(p);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("printed");
    };
    const fixed::FixedContract c = q88();
    fixed::FixedModelProgram later = rtltest::handLif(c);
    later.code[3].b = 7; // "El - v" reading a value computed after it
    EXPECT_NE(refusal(later).find("value 3 reads value 7, which is not computed before it"), std::string::npos)
        << refusal(later);

    fixed::FixedModelProgram condition = rtltest::handLif(c);
    condition.refractory = fixed::FixedModelProgram::Refractory::Condition;
    condition.refractoryCondition = 11; // computed after NotRefractory (value 8) reads it
    EXPECT_NE(refusal(condition).find("before the condition is computed"), std::string::npos) << refusal(condition);

    fixed::FixedModelProgram flag = rtltest::handLif(c);
    flag.nextState[0] = 11; // a comparison as the next membrane potential
    EXPECT_NE(refusal(flag).find("is a flag, not a number"), std::string::npos) << refusal(flag);

    fixed::FixedModelProgram wide = rtltest::handLif(c);
    wide.contract.format = {40, 8, true};
    EXPECT_NE(refusal(wide).find("40 bits"), std::string::npos) << refusal(wide);

    fixed::FixedModelProgram outside = rtltest::handLif(c);
    outside.states[0].initial = 1 << 20;
    EXPECT_NE(refusal(outside).find("initial value of 'v' is outside the format"), std::string::npos)
        << refusal(outside);
}
