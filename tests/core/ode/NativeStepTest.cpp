// SPDX-License-Identifier: MIT
// Native steps (libgccjit) against the interpreter: the same bits for every catalogue model and
// method, for models that use every kind of operation, randomness, refractoriness and a driven
// protocol; the same divergence message; and the cache that compiles a model once.
#include "models/ModelCatalogue.h"
#include "ode/NativeStepCache.h"
#include "ode/Simulation.h"
#include "units/Quantity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace scs {
namespace {

SimulationResult run(const NeuronModel& model, SimulationSettings s, NativeCode code) {
    s.nativeCode = code;
    return simulate(model, s);
}

// Bit for bit: the same IEEE operations in the same order must give the same doubles.
void expectSameBits(const SimulationResult& interpreted, const SimulationResult& native, const std::string& what) {
    ASSERT_FALSE(interpreted.nativeCode) << what;
    ASSERT_TRUE(native.nativeCode) << what << ": " << NativeStepCache::instance().disabledReason();
    EXPECT_EQ(interpreted.spikeSteps, native.spikeSteps) << what;
    ASSERT_EQ(interpreted.traces.size(), native.traces.size());
    for (std::size_t k = 0; k < interpreted.traces.size(); ++k) {
        const auto& a = interpreted.traces[k];
        const auto& b = native.traces[k];
        ASSERT_EQ(a.size(), b.size());
        std::size_t firstDifference = a.size();
        for (std::size_t i = 0; i < a.size() && firstDifference == a.size(); ++i)
            if (std::memcmp(&a[i], &b[i], sizeof(double)) != 0) firstDifference = i;
        EXPECT_EQ(firstDifference, a.size())
            << what << ": '" << interpreted.names[k] << "' differs at sample " << firstDifference << " ("
            << a[firstDifference] << " vs " << b[firstDifference] << ")";
    }
}

TEST(NativeStep, EveryCatalogueModelGivesTheInterpretersBitsWithEveryExplicitMethod) {
    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    ASSERT_GE(catalogue.entries().size(), 15u);
    int compared = 0;
    for (const CatalogueEntry& entry : catalogue.entries()) {
        const NeuronModel model = NeuronModel::compile(entry.spec);
        SimulationSettings s;
        s.dt = parseQuantity(entry.dt, "dt").value;
        s.duration = 3000 * s.dt;
        s.drive = entry.drive;
        if (!entry.protocol.empty()) s.protocol = Protocol::parse(entry.protocol);
        for (const char* method : {"euler", "rk2", "rk4"}) {
            s.method = method;
            SimulationResult interpreted;
            try {
                interpreted = run(model, s, NativeCode::Never);
            } catch (const SimulationError& e) {
                // A model may diverge with euler at its dt; the native step must say the same.
                EXPECT_THROW(
                    {
                        try {
                            run(model, s, NativeCode::Always);
                        } catch (const SimulationError& native) {
                            EXPECT_STREQ(native.what(), e.what());
                            throw;
                        }
                    },
                    SimulationError);
                continue;
            }
            expectSameBits(interpreted, run(model, s, NativeCode::Always), entry.id + " " + method);
            ++compared;
        }
    }
    EXPECT_GE(compared, 40);
}

TEST(NativeStep, EveryOperationRandomnessAndRefractoryConditionMatchBitForBit) {
    ModelSpec spec;
    spec.equations =
        "dv/dt = (-v + drive + 0.3*sin(w*t) + 0.2*clip(u, -1, 1) + g)/tau + s*randn()/tau : 1 (unless refractory)\n"
        "du/dt = (v**2 - u + (v > 0.5) - (v <= -0.2) + (u >= 0 and v < 1) + (u == 0 or v != 0) + "
        "int(not (v > 2)))/tau2 : 1\n"
        "dc/dt = (abs(v) % 0.7 + floor(v) + ceil(u) + sign(v) + log(1 + v**2) + exprel(v) + "
        "tanh(u)**3 + cosh(0.1*u) + sinh(0.1*v) + cos(u) + tan(0.1*v) + log10(2 + u**2) + "
        "(2 + v**2)**-1 + (2 + v**2)**1.5 + exp(-v) - c)/tau : 1\n"
        "g = 0.05*rand() : 1\n"
        "drive : 1\n";
    spec.parameters = {{"tau", "10*ms"}, {"tau2", "30*ms"}, {"w", "200*Hz"}, {"s", "0.1"}};
    spec.threshold = "v > 1";
    spec.reset = "v = 0\nu += 0.5\nc *= 0.9";
    spec.refractory = "t - lastspike < 1.5*ms and u > -10";
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.dt = 0.05e-3;
    s.duration = 0.3;
    s.seed = 7;
    s.drive = "drive";
    s.protocol = Protocol::parse("noise offset=1.3 sigma=0.4 tau=5*ms");
    for (const char* method : {"euler", "rk2", "rk4"}) {
        s.method = method;
        const SimulationResult interpreted = run(model, s, NativeCode::Never);
        EXPECT_GT(interpreted.spikeSteps.size(), 3u) << method;
        expectSameBits(interpreted, run(model, s, NativeCode::Always), method);
    }
}

TEST(NativeStep, RefractoryDurationAndUnlessRefractoryMatchBitForBit) {
    ModelSpec spec;
    spec.equations = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\n"
                     "dw/dt = -w/(50*ms) : volt";
    spec.parameters = {{"El", "-70*mV"}, {"R", "100*Mohm"}, {"tau", "10*ms"}, {"I", "0.3*nA"}};
    spec.initialValues = {{"v", "-70*mV"}};
    spec.threshold = "v > -50*mV";
    spec.reset = "v = -65*mV\nw += 1*mV";
    spec.refractory = "3*ms";
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.5;
    s.protocol = Protocol::parse("sine offset=0.3*nA amplitude=0.1*nA frequency=7*Hz");
    s.method = "rk4";
    const SimulationResult interpreted = run(model, s, NativeCode::Never);
    EXPECT_GT(interpreted.spikeSteps.size(), 10u);
    expectSameBits(interpreted, run(model, s, NativeCode::Always), "refractory lif");
}

TEST(NativeStep, ADivergingModelStopsWithTheSameMessage) {
    ModelSpec spec;
    spec.equations = "dv/dt = v**2/ms : 1";
    spec.initialValues = {{"v", "1"}};
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.05;
    s.method = "rk4";
    std::string interpreted, native;
    try {
        run(model, s, NativeCode::Never);
    } catch (const SimulationError& e) {
        interpreted = e.what();
    }
    try {
        run(model, s, NativeCode::Always);
    } catch (const SimulationError& e) {
        native = e.what();
    }
    EXPECT_NE(interpreted.find("diverged"), std::string::npos) << interpreted;
    EXPECT_EQ(native, interpreted);
}

TEST(NativeStepCache, AModelCompilesOnceAndParameterChangesReuseIt) {
    ModelSpec spec;
    spec.equations = "dv/dt = (a - v)/tau + 0.001*v**3/tau : 1";
    spec.parameters = {{"a", "0.5"}, {"tau", "17*ms"}};
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.dt = 0.1e-3;
    s.duration = 0.01; // far too short to be worth waiting for a compile
    s.method = "rk2";
    // A process's first compile is always made at once; after it, short runs compile in the background.
    ModelSpec other = spec;
    other.equations = "dv/dt = (a - v)/tau : 1";
    run(NeuronModel::compile(other), s, NativeCode::Always);
    NativeStepCache::instance().waitIdle();
    EXPECT_FALSE(run(model, s, NativeCode::Auto).nativeCode); // compiles in the background
    NativeStepCache::instance().waitIdle();
    SimulationResult before = run(model, s, NativeCode::Auto);
    EXPECT_TRUE(before.nativeCode);
    s.parameterOverrides = {{"a", 0.9}};
    const SimulationResult moved = run(model, s, NativeCode::Auto);
    EXPECT_TRUE(moved.nativeCode);
    EXPECT_NE(moved.traces[0].back(), before.traces[0].back());
    // Recompiling the text gives the same code, so the step is found again.
    EXPECT_TRUE(run(NeuronModel::compile(spec), s, NativeCode::Auto).nativeCode);
    EXPECT_FALSE(run(model, s, NativeCode::Never).nativeCode);
}

TEST(NativeStepCache, MethodsWithoutANativeStepInterpret) {
    ModelSpec spec;
    spec.equations = "dv/dt = -v/tau : 1";
    spec.parameters = {{"tau", "10*ms"}};
    spec.initialValues = {{"v", "1"}};
    const NeuronModel model = NeuronModel::compile(spec);
    SimulationSettings s;
    s.duration = 0.01;
    for (const char* method : {"exact", "exponential_euler"}) {
        s.method = method;
        EXPECT_FALSE(run(model, s, NativeCode::Always).nativeCode) << method;
    }
}

} // namespace
} // namespace scs
