// SPDX-License-Identifier: MIT
#include "units/Dimension.h"

#include "units/UnitRegistry.h"

#include <sstream>

namespace scs {

bool Dimension::isDimensionless() const {
    for (auto e : exponents_)
        if (e != 0) return false;
    return true;
}

Dimension Dimension::operator*(const Dimension& o) const {
    Dimension r;
    for (int i = 0; i < Count; ++i) r.exponents_[i] = static_cast<std::int8_t>(exponents_[i] + o.exponents_[i]);
    return r;
}

Dimension Dimension::operator/(const Dimension& o) const {
    Dimension r;
    for (int i = 0; i < Count; ++i) r.exponents_[i] = static_cast<std::int8_t>(exponents_[i] - o.exponents_[i]);
    return r;
}

Dimension Dimension::power(int n) const {
    Dimension r;
    for (int i = 0; i < Count; ++i) r.exponents_[i] = static_cast<std::int8_t>(exponents_[i] * n);
    return r;
}

bool Dimension::divisibleBy(int n) const {
    for (auto e : exponents_)
        if (e % n != 0) return false;
    return true;
}

Dimension Dimension::root(int n) const {
    Dimension r;
    for (int i = 0; i < Count; ++i) r.exponents_[i] = static_cast<std::int8_t>(exponents_[i] / n);
    return r;
}

std::string Dimension::toString() const {
    if (isDimensionless()) return "1";
    if (auto name = UnitRegistry::instance().nameForDimension(*this)) return *name;
    static const char* names[Count] = {"metre", "kilogram", "second", "amp", "kelvin", "mole", "candela"};
    std::ostringstream out;
    bool first = true;
    for (int i = 0; i < Count; ++i) {
        if (exponents_[i] == 0) continue;
        if (!first) out << ' ';
        first = false;
        out << names[i];
        if (exponents_[i] != 1) out << '^' << int(exponents_[i]);
    }
    return out.str();
}

} // namespace scs
