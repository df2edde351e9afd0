// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — checks a fixed-point program before it is printed as RTL, and learns the
// shape of each value (a W-bit number or a one-bit flag) that the printer needs.
#pragma once

#include "fixed/FixedProgram.h"

#include <cstdint>
#include <vector>

namespace scs::hdl {

/// What the SystemVerilog printer learns about a program's values.
struct ProgramShape {
    std::vector<bool> flag; // [value]: a one-bit flag, else a W-bit raw number
    std::vector<int> uses;  // [value]: how often it is read (operands, next, reset, threshold, condition)
};

/// Checks everything the RTL relies on and FixedStepper assumes: the format (1..32 bits), operands
/// that name earlier values of the right kind, constants, initial states and table entries inside
/// the format, table geometry, shifts the contract allows (0..64), and a refractory condition
/// computed before any NotRefractory reads it (the stepper would read the previous step's value).
/// Throws std::runtime_error naming the value and the rule it breaks.
ProgramShape checkProgram(const fixed::FixedModelProgram& program);

/// The values an instruction reads, including the refractory condition a NotRefractory stands for
/// under Refractory::Condition.
std::vector<std::uint32_t> valueOperands(const fixed::FixedModelProgram& program, const fixed::FixedInstr& instruction);

} // namespace scs::hdl
