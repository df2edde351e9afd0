// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SystemVerilog identifiers: keywords, mangling, uniqueness, and a model whose
// names are all keywords or clash with the fixed ports, through compile, lint and co-simulation.
#include "HdlTestSupport.h"

#include "fixed/FixedCompiler.h"
#include "hdl/Cosim.h"
#include "hdl/Identifiers.h"
#include "hdl/SvEmitter.h"

#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <set>

using namespace scs;
using namespace scs::hdl;

TEST(IdentifiersTest, KnowsTheKeywordsOfEveryStandardUpTo2017) {
    for (const char* k :
         {"reg",    "logic",   "begin",        "end",     "input", "output",     "module",       "wire",
          "always", "assign",  "interconnect", "nettype", "soft",  "implements", "s_until_with", "sync_reject_on",
          "uwire",  "checker", "let",          "untyped", "xor",   "bit",        "int",          "type",
          "table",  "cell",    "config"})
        EXPECT_TRUE(isSystemVerilogKeyword(k)) << k;
    for (const char* k : {"v", "I", "Reg", "begin_", "clk", "spike", "tau", "x_q", "do_", "sv"})
        EXPECT_FALSE(isSystemVerilogKeyword(k)) << k;
}

TEST(IdentifiersTest, MangledNamesAreLegalAndStable) {
    EXPECT_EQ(legalIdentifier("v"), "v");
    EXPECT_EQ(legalIdentifier("reg"), "reg_");
    EXPECT_EQ(legalIdentifier("logic"), "logic_");
    EXPECT_EQ(legalIdentifier("3d"), "x_3d");
    EXPECT_EQ(legalIdentifier("_private"), "x_private");
    EXPECT_EQ(legalIdentifier("Leaky integrate-and-fire"), "Leaky_integrate_and_fire");
    EXPECT_EQ(legalIdentifier("a__b"), "a_b") << "Verilator reserves double underscores";
    EXPECT_EQ(legalIdentifier(""), "x");
    EXPECT_EQ(legalIdentifier("\xc3\xa9t\xc3\xa9"), "x_t_");
    EXPECT_EQ(legalIdentifier(std::string(100, 'a')).size(), 64u);
    IdentifierScope scope;
    EXPECT_EQ(scope.claim("v"), "v");
    EXPECT_EQ(scope.claim("v"), "v_2");
    EXPECT_EQ(scope.claim("v_2"), "v_2_2");
    EXPECT_EQ(scope.claim("reg"), "reg_");
    EXPECT_EQ(scope.claim("reg"), "reg_2") << "no double underscore after a keyword's '_'";
}

TEST(IdentifiersTest, EveryKeywordAsAStateNameGivesUniqueLegalPorts) {
    fixed::FixedModelProgram p =
        rtltest::handLif({fixed::QFormat::parse("Q8.8"), fixed::Overflow::Saturate, fixed::Rounding::Truncate});
    const fixed::FixedState v = p.states[0];
    p.states.clear();
    p.nextState.clear();
    p.resetState.clear();
    const std::vector<std::string> names = {"reg", "reg_", "clk", "spike", "trap", "in_I", "en", "rst", "n3", "fire"};
    for (const auto& name : names) {
        p.states.push_back(v);
        p.states.back().name = name;
        p.nextState.push_back(p.nextState.empty() ? 9 : 0); // v's update, then copies of v
        p.resetState.push_back(2);
    }
    const SvInterface ports = svInterface(p);
    std::set<std::string> seen = {ports.clock, ports.reset, ports.enable, ports.spike, ports.trap, ports.input};
    for (const auto& s : ports.states) {
        EXPECT_FALSE(isSystemVerilogKeyword(s)) << s;
        EXPECT_TRUE(seen.insert(s).second) << s << " is used twice";
    }
    scs::test::TempDir dir;
    const std::string module = ports.module;
    rtltest::writeText(dir.path() / (module + ".sv"), emitSystemVerilog(p));
    EXPECT_EQ(rtltest::lintWithVerilator(dir.path() / (module + ".sv"), module), "");
}

TEST(IdentifiersTest, AModelNamedInKeywordsCompilesLintsAndCosimulates) {
    ModelSpec spec;
    spec.name = "module";
    spec.equations = "dreg/dt = (-reg + logic + output)/tau : 1 (unless refractory)\n"
                     "dlogic/dt = (begin - logic)/tau : 1\n"
                     "dbegin/dt = (0.5*reg - begin)/always : 1\n"
                     "wire = reg*logic : 1\n"
                     "output : 1";
    spec.threshold = "reg > 0.8 and wire > -1";
    spec.reset = "reg = 0\nlogic += 0.1";
    spec.refractory = "1*ms";
    spec.parameters = {{"tau", "5*ms"}, {"always", "20*ms"}, {"output", "0"}};
    spec.initialValues = {{"reg", "0.1"}, {"logic", "0"}, {"begin", "0"}};
    fixed::FixedCompileOptions options;
    options.contract = {fixed::QFormat::parse("Q8.8"), fixed::Overflow::Saturate, fixed::Rounding::Nearest};
    options.drive = "output";
    const fixed::FixedModelProgram program = fixed::compileFixed(NeuronModel::compile(spec), options);
    const SvInterface ports = svInterface(program);
    EXPECT_EQ(ports.module, "module_");
    EXPECT_EQ(ports.input, "in_output");
    EXPECT_EQ(ports.states, (std::vector<std::string>{"reg_q", "logic_q", "begin_q"}));

    scs::test::TempDir dir;
    rtltest::writeText(dir.path() / "module_.sv", emitSystemVerilog(program));
    EXPECT_EQ(rtltest::lintWithVerilator(dir.path() / "module_.sv", "module_"), "");
    std::vector<std::int64_t> drive(10000);
    for (std::size_t c = 0; c < drive.size(); ++c) drive[c] = (c / 500) % 2 ? 400 : 100; // 1.56 and 0.39
    const CosimResult r = cosimulate(program, drive);
    EXPECT_TRUE(r.matched()) << r.summary();
    EXPECT_GT(r.spikes, 0) << r.summary();
}
