// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — small models with known answers, written inline for the analysis tests.
#pragma once

#include "ode/ModelSpec.h"
#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <cmath>

namespace scs::test {

// LIF with El = Vr = -65 mV, theta = -50 mV, R = 10 Mohm, tau = 10 ms, t_ref = 2 ms.
constexpr double kLifEl = -65e-3, kLifTheta = -50e-3, kLifR = 10e6, kLifTau = 10e-3, kLifRef = 2e-3;

inline ModelSpec lifSpec(double refractory = kLifRef) {
    ModelSpec s;
    s.name = "lif_test";
    s.equations = "dv/dt = (El - v + R*I)/tau : volt (unless refractory)\nI : amp";
    s.threshold = "v > theta";
    s.reset = "v = El";
    s.refractory = refractory > 0 ? std::to_string(refractory * 1e3) + "*ms" : "";
    s.parameters = {{"El", "-65*mV"}, {"theta", "-50*mV"}, {"R", "10*Mohm"}, {"tau", "10*ms"}, {"I", "0*nA"}};
    s.initialValues = {{"v", "-65*mV"}};
    return s;
}

/// Closed-form LIF rate (Hz) for a constant current: 0 at or below rheobase.
inline double lifRate(double I, double R = kLifR, double tau = kLifTau, double ref = kLifRef) {
    const double drive = R * I, gap = kLifTheta - kLifEl;
    if (drive <= gap) return 0;
    return 1.0 / (ref + tau * std::log(drive / (drive - gap)));
}

/// A 2-D linear system dx/dt = (a x + b y + c)/tau, dy/dt = (d x + e y + f)/tau, dimensionless
/// states; tau = 1 s.
inline ModelSpec linearSpec(double a, double b, double c, double d, double e, double f) {
    ModelSpec s;
    s.name = "linear2d";
    s.equations = "dx/dt = (a*x + b*y + c)/tau : 1\ndy/dt = (d*x + e*y + f)/tau : 1";
    auto num = [](double v) { return std::to_string(v); };
    s.parameters = {{"a", num(a)}, {"b", num(b)}, {"c", num(c)}, {"d", num(d)},
                    {"e", num(e)}, {"f", num(f)}, {"tau", "1*second"}};
    s.initialValues = {{"x", "0.3"}, {"y", "-0.2"}};
    return s;
}

inline SimulationSettings lifSettings(double duration, double dt = 0.01e-3) {
    SimulationSettings s;
    s.dt = dt;
    s.duration = duration;
    s.recordEvery = 10;
    s.drive = "I";
    return s;
}

} // namespace scs::test
