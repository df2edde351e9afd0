// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — how well a model fits a fixed-point contract, before any RTL exists.
#pragma once

#include "FixedContract.h"

#include "ode/NeuronModel.h"
#include "ode/Simulation.h"

#include <string>
#include <vector>

namespace scs {
class JobContext;
}

namespace scs::fixed {

/// One parameter, state or the time step, in fixed-point units (UnitScaling.h).
struct QuantityPrecision {
    std::string name;
    std::string kind; // "parameter", "state" or "dt"
    std::string unit; // the fixed-point unit, "mV"
    double value = 0; // in that unit (a state: its initial value)
    double quantized = 0;
    double absError = 0;      // |quantized - value|, in the unit
    double relError = 0;      // absError / |value|; 0 for a zero value
    double low = 0, high = 0; // a state: the range the float simulation visited; else the value
    bool inRange = true;
    /// Bits to spare above the largest magnitude (negative: that many bits short).
    int headroomBits = 0;
};

/// The precision report of issue 4: every parameter and state checked against the format's range,
/// the quantisation error of dt and of every parameter, and the overflow and stall risks found.
struct PrecisionReport {
    FixedContract contract;
    double resolution = 0; // one LSB, in fixed-point units
    std::vector<QuantityPrecision> rows;
    /// One line each, most serious first ("v: visits -70 .. 30 mV, outside Q8.8 (...)").
    std::vector<std::string> risks;
    /// No value leaves the range and nothing that is non-zero quantises to zero.
    bool fits() const { return fatalRisks == 0; }
    int fatalRisks = 0;
    std::string text() const;
};

/// Simulates `model` in floating point with `settings` to learn the states' ranges, then checks
/// every quantity against `contract`. Throws what simulate() throws (SimulationError, JobCancelled).
PrecisionReport precisionReport(const NeuronModel& model, const SimulationSettings& settings,
                                const FixedContract& contract, JobContext* job = nullptr);

} // namespace scs::fixed
