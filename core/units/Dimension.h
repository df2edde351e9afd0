// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — physical dimensions as integer exponents of the seven SI base units.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace scs {

/// Exponents of (metre, kilogram, second, ampere, kelvin, mole, candela). Brian2's convention:
/// every quantity is stored in SI base units and carries one of these.
class Dimension {
public:
    enum Base : int { Metre, Kilogram, Second, Ampere, Kelvin, Mole, Candela, Count };

    constexpr Dimension() = default;
    static constexpr Dimension base(Base b, int exponent = 1) {
        Dimension d;
        d.exponents_[b] = static_cast<std::int8_t>(exponent);
        return d;
    }

    bool isDimensionless() const;
    int exponent(Base b) const { return exponents_[b]; }

    Dimension operator*(const Dimension& o) const;
    Dimension operator/(const Dimension& o) const;
    Dimension power(int n) const;
    /// Precondition: every exponent is divisible by `n` (checked by the caller).
    Dimension root(int n) const;
    bool divisibleBy(int n) const;

    bool operator==(const Dimension& o) const = default;

    /// A readable name: a derived unit when one matches ("volt", "amp", "siemens"), else the base
    /// form ("metre^-2 kilogram"), "1" when dimensionless.
    std::string toString() const;

private:
    std::array<std::int8_t, Count> exponents_{};
};

} // namespace scs
