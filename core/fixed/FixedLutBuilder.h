// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — lookup tables for the nonlinear functions of fixed-point models.
#pragma once

#include "FixedProgram.h"

#include <string>

namespace scs::fixed {

/// Whether `function` can be tabulated: exp, log, log10, sqrt, tanh, sinh, cosh, exprel, sigmoid
/// and "sin2pi" / "cos2pi" (sin(2 pi x) on [0, 1]; the compiler reduces sin and cos to them).
bool isTabulated(const std::string& function);

/// The function itself, in double precision (exprel(0) = 1).
double evaluateFunction(const std::string& function, double x);

/// Samples `function` on the part of `q`'s range where it is neither undefined nor flat
/// against a format limit, with at most `maxSegments` segments (a power-of-two raw spacing), and
/// measures the table's largest error. Precondition: isTabulated(function), maxSegments >= 1.
FixedLut buildLut(const std::string& function, const QFormat& q, int maxSegments);

} // namespace scs::fixed
