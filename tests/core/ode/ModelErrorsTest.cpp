// SPDX-License-Identifier: MIT
// Bad input gives a clear message at the right place, never a crash.
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <gtest/gtest.h>

namespace scs {
namespace {

ModelSpec lif() {
    ModelSpec s;
    s.equations = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\nI : amp";
    s.threshold = "v > -50*mV";
    s.reset = "v = -65*mV";
    s.refractory = "2*ms";
    s.parameters = {{"El", "-65*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "2*nA"}};
    s.initialValues = {{"v", "-65*mV"}};
    return s;
}

Diagnostic onlyError(const std::vector<Diagnostic>& ds) {
    EXPECT_EQ(ds.size(), 1u);
    return ds.empty() ? Diagnostic{} : ds.front();
}

TEST(ModelErrors, ValidModelHasNoDiagnostics) { EXPECT_TRUE(NeuronModel::diagnose(lif()).empty()); }

TEST(ModelErrors, SyntaxErrorPointsAtLineAndColumn) {
    ModelSpec s = lif();
    s.equations = "I : amp\ndv/dt = (El - v + R*I))/tau : volt";
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_EQ(d.field, "equations");
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_EQ(d.pos.column, 23);
    EXPECT_NE(d.message.find("unexpected ')'"), std::string::npos) << d.message;
}

TEST(ModelErrors, UnknownNameSuggestsTheCloseOne) {
    ModelSpec s = lif();
    s.equations = "dv/dt = (El - v + R*I)/tua : volt\nI : amp";
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_EQ(d.pos.line, 1);
    EXPECT_EQ(d.pos.column, 24);
    EXPECT_NE(d.message.find("unknown name 'tua'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("did you mean 'tau'"), std::string::npos) << d.message;
}

TEST(ModelErrors, UnitMismatchInASumNamesBothUnits) {
    ModelSpec s = lif();
    s.equations = "dv/dt = (El - v + I)/tau : volt\nI : amp";
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_NE(d.message.find("units do not match"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("volt"), std::string::npos);
    EXPECT_NE(d.message.find("amp"), std::string::npos);
    EXPECT_EQ(d.pos.column, 17); // the '+' joining volt and amp
}

TEST(ModelErrors, DerivativeWithWrongUnitsIsRejected) {
    ModelSpec s = lif();
    s.equations = "dv/dt = (El - v + R*I) : volt\nI : amp";
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_NE(d.message.find("dv/dt must be in"), std::string::npos) << d.message;
}

TEST(ModelErrors, ResetWithoutThresholdIsRejected) {
    ModelSpec s = lif();
    s.threshold.clear();
    s.refractory.clear();
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_EQ(d.field, "reset");
    EXPECT_NE(d.message.find("needs a threshold"), std::string::npos);
}

TEST(ModelErrors, ThresholdMustBeACondition) {
    ModelSpec s = lif();
    s.threshold = "v + 1*mV";
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_EQ(d.field, "threshold");
    EXPECT_NE(d.message.find("must be a condition"), std::string::npos);
}

TEST(ModelErrors, ResetOfANonStateAndBadRefractoryAreBothReported) {
    ModelSpec s = lif();
    s.reset = "vv = -65*mV";
    s.refractory = "2*mV";
    const auto ds = NeuronModel::diagnose(s);
    ASSERT_EQ(ds.size(), 2u);
    EXPECT_EQ(ds[0].field, "reset");
    EXPECT_NE(ds[0].message.find("did you mean 'v'"), std::string::npos) << ds[0].message;
    EXPECT_EQ(ds[1].field, "refractory");
    EXPECT_NE(ds[1].message.find("duration"), std::string::npos);
}

TEST(ModelErrors, BadParameterValueAndUnknownUnit) {
    ModelSpec s = lif();
    s.setParameter("tau", "10*msec");
    const Diagnostic d = onlyError(NeuronModel::diagnose(s));
    EXPECT_EQ(d.field, "parameters");
    EXPECT_NE(d.message.find("tau"), std::string::npos);
    EXPECT_NE(d.message.find("unknown unit 'msec'"), std::string::npos) << d.message;
}

TEST(ModelErrors, MissingColonUnknownFlagAndBadCharacter) {
    ModelSpec s = lif();
    s.equations = "dv/dt = -v/tau\ndw/dt = -w/tau : 1 (unles refractory)\ndu/dt = -u/tau $ 2 : 1";
    const auto ds = NeuronModel::diagnose(s);
    ASSERT_EQ(ds.size(), 3u);
    EXPECT_NE(ds[0].message.find("missing ': unit'"), std::string::npos);
    EXPECT_NE(ds[1].message.find("unknown flag"), std::string::npos);
    EXPECT_NE(ds[2].message.find("unexpected character '$'"), std::string::npos);
    EXPECT_EQ(ds[2].pos.line, 3);
}

TEST(ModelErrors, CompileThrowsWithEveryDiagnostic) {
    ModelSpec s = lif();
    s.threshold = "v > -50*mA";
    try {
        NeuronModel::compile(s);
        FAIL() << "expected a ModelError";
    } catch (const ModelError& e) {
        EXPECT_EQ(e.diagnostics().size(), 1u);
        EXPECT_NE(std::string(e.what()).find("threshold:1:"), std::string::npos) << e.what();
    }
}

TEST(ModelErrors, EmptyModelAndReservedNames) {
    ModelSpec s;
    EXPECT_NE(onlyError(NeuronModel::diagnose(s)).message.find("no equations"), std::string::npos);
    s.equations = "dt/dt = 1/ms : 1";
    EXPECT_NE(onlyError(NeuronModel::diagnose(s)).message.find("reserved"), std::string::npos);
}

TEST(SimulationErrors, AbsurdDtAndDurationAreRefused) {
    const NeuronModel m = NeuronModel::compile(lif());
    SimulationSettings s;
    s.dt = 0;
    EXPECT_THROW(simulate(m, s), SimulationError);
    s.dt = -1e-4;
    EXPECT_THROW(simulate(m, s), SimulationError);
    s.dt = 1e-3;
    s.duration = 1e-4;
    try {
        simulate(m, s);
        FAIL();
    } catch (const SimulationError& e) {
        EXPECT_NE(std::string(e.what()).find("longer than the duration"), std::string::npos);
    }
    s.dt = 1e-12;
    s.duration = 10;
    try {
        simulate(m, s);
        FAIL();
    } catch (const SimulationError& e) {
        EXPECT_NE(std::string(e.what()).find("steps"), std::string::npos);
    }
}

TEST(SimulationErrors, DivergenceNamesTheVariableAndTime) {
    ModelSpec s;
    s.equations = "dx/dt = x**2/ms : 1";
    s.initialValues = {{"x", "1"}};
    const NeuronModel m = NeuronModel::compile(s);
    SimulationSettings settings;
    settings.dt = 0.1e-3;
    settings.duration = 0.01;
    try {
        simulate(m, settings);
        FAIL() << "expected divergence";
    } catch (const SimulationError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("diverged"), std::string::npos) << msg;
        EXPECT_NE(msg.find("'x'"), std::string::npos) << msg;
        EXPECT_NE(msg.find("ms"), std::string::npos) << msg;
    }
}

TEST(SimulationErrors, UnknownMethodParameterAndProtocolUnits) {
    const NeuronModel m = NeuronModel::compile(lif());
    SimulationSettings s;
    s.method = "rk45";
    EXPECT_THROW(simulate(m, s), SimulationError);
    s.method = "euler";
    s.parameterOverrides = {{"taum", 0.01}};
    EXPECT_THROW(simulate(m, s), SimulationError);
    s.parameterOverrides.clear();
    s.protocol = Protocol::parse("step amplitude=10*mV");
    try {
        simulate(m, s);
        FAIL();
    } catch (const SimulationError& e) {
        EXPECT_NE(std::string(e.what()).find("'I' is in amp"), std::string::npos) << e.what();
    }
}

TEST(SimulationErrors, ExactMethodRefusedForNonlinearModels) {
    ModelSpec s;
    s.equations = "dv/dt = (v**2/mV - v)/ms : volt";
    const NeuronModel m = NeuronModel::compile(s);
    EXPECT_EQ(m.defaultMethod(), "euler");
    std::string why;
    EXPECT_FALSE(m.supportsMethod("exact", &why));
    EXPECT_NE(why.find("linear"), std::string::npos);
}

} // namespace
} // namespace scs
