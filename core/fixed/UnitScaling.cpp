// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the fixed-point unit system.
#include "UnitScaling.h"

#include <array>
#include <cmath>
#include <sstream>
#include <utility>

namespace scs::fixed {

namespace {

using D = Dimension;

D volt() { return D::base(D::Kilogram) * D::base(D::Metre, 2) / D::base(D::Second, 3) / D::base(D::Ampere); }

/// Scales of the base units. The kilogram's follows from the volt's: V = kg m^2 s^-3 A^-1, so
/// kg = 1e-3 V * (1e-3 s)^3 * 1e-9 A / (1e-2 m)^2 = 1e-17 kg.
constexpr std::array<double, D::Count> kBase = {1e-2, 1e-17, 1e-3, 1e-9, 1.0, 1.0, 1.0};

} // namespace

double fixedScale(const Dimension& d) {
    double scale = 1;
    for (int b = 0; b < D::Count; ++b) scale *= std::pow(kBase[static_cast<std::size_t>(b)], d.exponent(D::Base(b)));
    return scale;
}

std::string fixedUnitName(const Dimension& d) {
    if (d.isDimensionless()) return "1";
    const D second = D::base(D::Second), amp = D::base(D::Ampere), area = D::base(D::Metre, 2);
    const D siemens = amp / volt(), farad = amp * second / volt();
    const std::pair<D, const char*> named[] = {{volt(), "mV"},
                                               {second, "ms"},
                                               {amp, "nA"},
                                               {siemens, "uS"},
                                               {farad, "nF"},
                                               {volt() / amp, "Mohm"},
                                               {D() / second, "kHz"},
                                               {volt() / second, "mV/ms"},
                                               {amp / area, "nA/cm2"},
                                               {siemens / area, "uS/cm2"},
                                               {farad / area, "nF/cm2"}};
    for (const auto& [dimension, name] : named)
        if (dimension == d) return name;
    std::ostringstream out;
    out << fixedScale(d) << ' ' << d.toString();
    return out.str();
}

} // namespace scs::fixed
