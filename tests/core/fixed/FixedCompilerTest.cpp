// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — lowering models to fixed-point code, and running it.
#include "fixed/FixedCompiler.h"
#include "fixed/FixedLutBuilder.h"
#include "fixed/FixedSimulation.h"
#include "fixed/FixedStepper.h"

#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace scs;
using namespace scs::fixed;

namespace {

FixedContract contract(const std::string& q, Overflow o = Overflow::Saturate, Rounding r = Rounding::Truncate) {
    return FixedContract{QFormat::parse(q), o, r};
}

FixedModelProgram compile(const ModelSpec& spec, const FixedContract& c, double dt = 1e-3) {
    FixedCompileOptions o;
    o.contract = c;
    o.dt = dt;
    return compileFixed(NeuronModel::compile(spec), o);
}

ModelSpec decay() {
    ModelSpec s;
    s.equations = "dv/dt = -v/tau : 1";
    s.parameters = {{"tau", "10*ms"}};
    s.initialValues = {{"v", "1"}};
    return s;
}

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

/// The diagnostic of compiling `spec` (fails the test if it compiles).
Diagnostic refusal(const ModelSpec& spec, const std::string& q = "Q16.16") {
    try {
        compile(spec, contract(q));
    } catch (const ModelError& e) {
        return e.diagnostics().front();
    }
    ADD_FAILURE() << "compiled: " << spec.equations;
    return {};
}

} // namespace

TEST(FixedCompiler, OneDecayStepIsTheConstantMultiplicationByHand) {
    // v' = v + v * (-dt/tau), with -0.1 kept as -52429 / 2^19 (the widest code within 16 bits + sign).
    const FixedModelProgram p = compile(decay(), contract("Q8.8"));
    FixedStepper stepper(p);
    EXPECT_EQ(stepper.state()[0], 256);
    stepper.step(0);
    const std::int64_t expected = 256 + static_cast<std::int64_t>(std::floor(256.0 * -52429 / (1 << 19)));
    EXPECT_EQ(stepper.state()[0], expected);
    EXPECT_EQ(expected, 230);
}

TEST(FixedCompiler, RoundingModesChangeTheDecayAsTheContractSays) {
    std::vector<std::int64_t> after;
    for (Rounding r : {Rounding::Truncate, Rounding::Nearest}) {
        FixedStepper stepper(compile(decay(), contract("Q8.8", Overflow::Saturate, r)));
        for (int i = 0; i < 40; ++i) stepper.step(0);
        after.push_back(stepper.state()[0]);
    }
    // Truncation always rounds the decrement away from zero (floor of a negative number): faster decay.
    EXPECT_LT(after[0], after[1]);
    EXPECT_NEAR(static_cast<double>(after[1]) / 256, std::exp(40 * std::log(0.9)), 0.02);
}

TEST(FixedCompiler, LifMatchesTheFloatRunInQ16_16) {
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.2;
    const auto c = compareFloatFixed(NeuronModel::compile(lif()), s, contract("Q16.16"));
    ASSERT_GT(c.floatRun.spikeTimes.size(), 5u);
    EXPECT_EQ(c.missingSpikes, 0);
    EXPECT_EQ(c.extraSpikes, 0);
    EXPECT_LE(c.maxSpikeShift, 0.2e-3);
    EXPECT_LT(c.errors[0].rms, 0.5e-3); // volts
    EXPECT_FALSE(c.fixedRun.trap);
}

TEST(FixedCompiler, RefractoryDurationHoldsTheStateForTheSameStepsAsTheFloatModel) {
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.05;
    s.parameterOverrides = {{"I", 5e-9}};
    const auto c = compareFloatFixed(NeuronModel::compile(lif()), s, contract("Q16.16"));
    ASSERT_GE(c.fixedRun.run.spikeSteps.size(), 2u);
    const auto& v = c.fixedRun.run.traces[0];
    const auto spike = static_cast<std::size_t>(c.fixedRun.run.spikeSteps[0]);
    // Reset at the spike step, then held for 2 ms = 20 steps.
    for (std::size_t i = spike + 1; i <= spike + 20; ++i) EXPECT_NEAR(v[i], -65e-3, 1e-6) << i;
    EXPECT_GT(v[spike + 22], -65e-3 + 1e-5);
    EXPECT_EQ(c.fixedRun.program.refractoryCycles, 20);
}

TEST(FixedCompiler, TrapModeReportsTheOverflowingOperationAndTime) {
    ModelSpec s;
    s.equations = "dv/dt = v/tau : 1";
    s.parameters = {{"tau", "1*ms"}};
    s.initialValues = {{"v", "1"}};
    SimulationSettings settings;
    settings.dt = 0.1e-3;
    settings.duration = 0.1;
    const auto r = simulateFixed(NeuronModel::compile(s), settings, contract("Q8.8", Overflow::Trap));
    ASSERT_TRUE(r.trap);
    EXPECT_NE(r.trap->find("outside Q8.8"), std::string::npos) << *r.trap;
    EXPECT_NE(r.trap->find("ms (step"), std::string::npos) << *r.trap;
    // 1.1^n passes 128 after 51 steps.
    EXPECT_NEAR(static_cast<double>(r.trapStep), 51, 2);
    const auto saturated = simulateFixed(NeuronModel::compile(s), settings, contract("Q8.8"));
    EXPECT_FALSE(saturated.trap);
    EXPECT_NEAR(saturated.run.traces[0].back(), QFormat::parse("Q8.8").maxValue(), 1e-9);
}

TEST(FixedCompiler, RefusesWhatHasNoFixedPointFormWithLineAndColumn) {
    ModelSpec s = decay();
    s.equations = "dv/dt = -v/tau : 1\ndw/dt = (rand() - w)/tau : 1";
    Diagnostic d = refusal(s);
    EXPECT_EQ(d.field, "equations");
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_EQ(d.pos.column, 10);
    EXPECT_NE(d.message.find("deterministic"), std::string::npos) << d.message;

    s.equations = "dv/dt = (sin(t/tau) - v)/tau : 1";
    d = refusal(s);
    EXPECT_NE(d.message.find("'t'"), std::string::npos) << d.message;

    s.equations = "dv/dt = -v**1.5/tau : 1";
    d = refusal(s);
    EXPECT_NE(d.message.find("whole-number exponent"), std::string::npos) << d.message;

    s.equations = "dv/dt = -(v % 2)/tau : 1";
    d = refusal(s);
    EXPECT_NE(d.message.find("'%'"), std::string::npos) << d.message;
}

TEST(FixedCompiler, RefusesAParameterOutsideTheFormatNamingIt) {
    ModelSpec s = lif();
    s.parameters.emplace_back("Vt", "200*mV");
    s.threshold = "v > Vt";
    const Diagnostic d = refusal(s, "Q8.8");
    EXPECT_EQ(d.field, "threshold");
    EXPECT_EQ(d.pos.column, 5);
    EXPECT_NE(d.message.find("'Vt'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("outside Q8.8"), std::string::npos) << d.message;
}

TEST(FixedCompiler, ConstantFactorsOfAProductNeedNotFitTheFormat) {
    // g is 2000 uS, far outside Q8.8, but only dt * g / C (= 0.2) is ever multiplied by.
    ModelSpec s = lif();
    s.parameters.emplace_back("g", "2*mS");
    s.parameters.emplace_back("C", "10*nF");
    s.equations = "dv/dt = (El - v + R*I)/tau - g*(v - El)/C : volt (unless refractory)\nI : amp";
    EXPECT_NO_THROW(compile(s, contract("Q8.8"), 1e-6));
}

TEST(FixedCompiler, RefusesAnInitialValueOutsideTheFormat) {
    ModelSpec s = decay();
    s.initialValues = {{"v", "300"}};
    const Diagnostic d = refusal(s, "Q8.8");
    EXPECT_EQ(d.field, "v");
    EXPECT_NE(d.message.find("initial value"), std::string::npos) << d.message;
}

TEST(FixedLut, TablesFollowTheirFunctionsClosely) {
    const QFormat q = QFormat::parse("Q16.16");
    for (const std::string f : {"exp", "log", "sqrt", "tanh", "sinh", "cosh", "exprel", "sin2pi", "cos2pi"}) {
        const FixedLut lut = buildLut(f, q, 1024);
        EXPECT_EQ(lut.table.size(), static_cast<std::size_t>(lut.segments) + 2) << f;
        EXPECT_LE(lut.segments, 1024) << f;
        // Where the function is smooth linear interpolation is within a few thousandths of the
        // function's own size. Not near log's and sqrt's vertical tangent at 0: their tables are
        // uniform, so their first segments are coarse (maxError says how coarse), nor where steep
        // functions meet the format's limit.
        const std::int64_t stride = std::max<std::int64_t>(1, (lut.high() - lut.low) / 20000);
        for (std::int64_t x = lut.low; x <= lut.high(); x += stride) {
            const double at = static_cast<double>(x) * q.resolution();
            const double exact = evaluateFunction(f, at);
            if ((f == "log" || f == "sqrt") && x < lut.high() / 8) continue;
            if (std::abs(exact) > q.maxValue() / 4) continue;
            const double got = static_cast<double>(lookup(lut, x)) * q.resolution();
            ASSERT_NEAR(got, exact, 2e-3 * std::max(1.0, std::abs(exact)) + 2e-3) << f << "(" << at << ")";
        }
        EXPECT_GT(lut.maxError, 0) << f;
        if (f == "log") {
            EXPECT_GT(lut.maxError, 1) << "the coarse first segment is reported";
        }
    }
    const FixedLut exp = buildLut("exp", q, 1024);
    EXPECT_NEAR(static_cast<double>(lookup(exp, 0)) * q.resolution(), 1.0, 1e-3);
    EXPECT_EQ(lookup(exp, q.rawMin()), exp.table.front()); // clamped below the domain
}

TEST(FixedCompiler, SinAndCosAreReducedToOnePeriod) {
    ModelSpec s;
    s.equations = "dv/dt = (sin(w) - v)/tau : 1\ndw/dt = 1/ms : 1";
    s.parameters = {{"tau", "1*ms"}};
    SimulationSettings settings;
    settings.dt = 0.01e-3;
    settings.duration = 0.02; // w runs to 20: several periods
    const auto c = compareFloatFixed(NeuronModel::compile(s), settings, contract("Q16.16"));
    EXPECT_LT(c.errors[0].maxAbs, 0.01);
}

// Every catalogue model compiles in Q16.16; these fire exactly as often as their float (euler)
// runs over the catalogue's own protocol. adex, adex_bursting and hindmarsh_rose are bursting
// models whose burst timing is sensitive to the last bit; the Morris-Lecar models are driven with
// 45 uA, outside Q16.16's +-32.8 uA (nA units), so their input saturates.
TEST(FixedCompiler, CatalogueModelsFireAsTheirFloatRunsInQ16_16) {
    const std::set<std::string> exact = {
        "eif",           "fitzhugh_nagumo", "hodgkin_huxley", "hodgkin_huxley_1952", "if",  "izhikevich_ch",
        "izhikevich_fs", "izhikevich_ib",   "izhikevich_lts", "izhikevich_rs",       "lif", "lif_noisy",
        "qif",           "wang_buzsaki"};
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    int compared = 0;
    for (const auto& e : catalogue.entries()) {
        SimulationSettings s;
        s.dt = parseQuantity(e.dt, "dt").value;
        s.duration = parseQuantity(e.duration, "duration").value;
        if (!e.protocol.empty()) s.protocol = Protocol::parse(e.protocol);
        s.drive = e.drive;
        const auto c = compareFloatFixed(NeuronModel::compile(e.spec), s, contract("Q16.16"));
        EXPECT_FALSE(c.fixedRun.trap) << e.id;
        if (!exact.count(e.id)) continue;
        ++compared;
        EXPECT_EQ(c.fixedRun.run.spikeTimes.size(), c.floatRun.spikeTimes.size()) << e.id << ": " << c.summary();
        EXPECT_GT(c.matchedSpikes, 0) << e.id;
    }
    EXPECT_EQ(compared, static_cast<int>(exact.size()));
}

TEST(FixedStepper, ThirtyTwoBitUnsignedProductsSaturateInsteadOfOverflowing) {
    // v' = v * v and w' = w * (1 - 2^-32) kept with 64 fraction bits: products beyond 64 bits.
    FixedModelProgram p;
    p.contract = contract("UQ16.16");
    const std::int64_t max = p.contract.format.rawMax();
    p.states = {{"v", "1", 1, max, false}, {"w", "1", 1, max, false}};
    FixedInstr v, w, square, scaled;
    v.op = FixedOp::State;
    w.op = FixedOp::State;
    w.index = 1;
    square.op = FixedOp::Mul;
    square.roundingSite = 0;
    scaled.op = FixedOp::MulConst;
    scaled.a = 1;
    scaled.imm = 0xFFFFFFFF;
    scaled.shift = 64 - 16; // the constant (2^32 - 1) / 2^48, applied to a raw code
    scaled.roundingSite = 1;
    p.code = {v, w, square, scaled};
    p.nextState = {2, 3};
    p.resetState = {2, 3};
    FixedStepper stepper(p);
    stepper.step(0);
    EXPECT_EQ(stepper.state()[0], max);
    EXPECT_EQ(stepper.state()[1], static_cast<std::int64_t>((Wide{max} * 0xFFFFFFFF) >> 48));
}
