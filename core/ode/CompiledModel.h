// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the internal, runnable form of a NeuronModel (engine-private).
#pragma once

#include "expr/Equations.h"
#include "ode/NeuronModel.h"
#include "ode/Program.h"

#include <map>
#include <string>
#include <vector>

namespace scs {

/// Slot layout and programs. Every program reads and writes one shared slot array whose initial
/// contents are `initialSlots` (constants and parameter values filled in).
struct CompiledModel {
    ModelSpec spec;
    std::vector<VariableInfo> states;
    std::vector<VariableInfo> subexpressions;
    std::vector<ParameterInfo> parameters;
    std::vector<double> initialState; // SI

    std::vector<double> initialSlots;
    std::vector<bool> constantSlots;           // [slot] literal, never written (native code folds them)
    std::vector<std::uint16_t> stateSlots;     // [state]
    std::vector<std::uint16_t> parameterSlots; // [parameter]
    std::uint16_t tSlot = 0, dtSlot = 0, notRefractorySlot = 0, lastSpikeSlot = 0, indexSlot = 0, countSlot = 0;

    Program derivatives; // writes derivativeSlots
    std::vector<std::uint16_t> derivativeSlots;
    std::vector<bool> unlessRefractory; // [state]

    bool hasThreshold = false;
    Program threshold; // writes thresholdSlot (0 or 1)
    std::uint16_t thresholdSlot = 0;
    Program reset; // assigns state slots in statement order

    enum class Refractory { None, Duration, Condition };
    Refractory refractory = Refractory::None;
    Program refractoryProgram; // Duration: seconds; Condition: 1 while refractory
    std::uint16_t refractorySlot = 0;

    // exponential_euler: dx/dt = A + B x for each state (A, B free of x).
    bool conditionallyLinear = false;
    std::string notConditionallyLinearWhy;
    Program linearParts;
    std::vector<std::uint16_t> aSlots, bSlots;

    // exact: dX/dt = M X + c with M, c free of states and time.
    bool linearSystem = false;
    std::string notLinearSystemWhy;
    Program systemCoefficients;
    std::vector<std::uint16_t> mSlots; // row-major n*n
    std::vector<std::uint16_t> cSlots;

    bool usesRandom = false;
    int slotCount() const { return static_cast<int>(initialSlots.size()); }
};

} // namespace scs
