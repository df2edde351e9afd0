// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a value in SI base units with its dimension.
#pragma once

#include "expr/SourceError.h" // parseQuantity throws ModelError
#include "units/Dimension.h"

#include <string>

namespace scs {

struct Quantity {
    double value = 0.0; // in SI base units (volt, amp, second, ...)
    Dimension dimension;

    /// "-65 mV"-style text in the given unit, or in SI with the dimension's name.
    std::string toString() const;
};

/// Evaluates a constant expression of numbers, unit names and functions ("-65*mV", "10*Mohm",
/// "0.5", "1/(10*ms)", "2*nA"). Throws ModelError naming `field` when the text is malformed or
/// mentions an unknown name.
Quantity parseQuantity(const std::string& text, const std::string& field);

/// The unit a value was written in, for display: "-65*mV" -> ("mV", 1e-3); "0.02" -> ("", 1).
/// Falls back to the SI name of `dimension` when the text names no single unit.
struct DisplayUnit {
    std::string name;   // "" for dimensionless
    double scale = 1.0; // SI per display unit
};
DisplayUnit displayUnitFor(const std::string& valueText, const Dimension& dimension);

/// A readable unit for a dimension when nothing was written (volt -> mV, amp -> nA, second -> ms).
DisplayUnit preferredDisplayUnit(const Dimension& dimension);

} // namespace scs
