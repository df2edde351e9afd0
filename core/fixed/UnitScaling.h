// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the units fixed-point numbers are counted in.
#pragma once

#include "units/Dimension.h"

#include <string>

namespace scs::fixed {

/// Fixed-point hardware cannot hold SI values (a membrane potential of 0.065 V is 17 LSB of Q8.8),
/// so every quantity is expressed in a coherent unit system built on millivolt, millisecond,
/// nanoamp and centimetre: SI value = fixed value * fixedScale(dimension). Because the system is
/// coherent (1 uS * 1 mV = 1 nA, 1 nF * 1 mV / 1 ms = 1 nA, 1 Mohm * 1 nA = 1 mV), every equation
/// keeps its form and needs no rescaling constants; only literals with units are converted.
double fixedScale(const Dimension& dimension);

/// The unit a fixed value of `dimension` is counted in: "mV", "ms", "nA", "uS", "nF", "Mohm",
/// "kHz", "mV/ms", "nA/cm2", "uS/cm2", "nF/cm2"; else "<scale> <SI unit>"; "1" when dimensionless.
std::string fixedUnitName(const Dimension& dimension);

} // namespace scs::fixed
