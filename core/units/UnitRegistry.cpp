// SPDX-License-Identifier: MIT
#include "units/UnitRegistry.h"

#include <cmath>

namespace scs {
namespace {

using B = Dimension::Base;

Dimension dim(int m, int kg, int s, int a, int k = 0, int mol = 0, int cd = 0) {
    return Dimension::base(B::Metre, m) * Dimension::base(B::Kilogram, kg) * Dimension::base(B::Second, s) *
           Dimension::base(B::Ampere, a) * Dimension::base(B::Kelvin, k) * Dimension::base(B::Mole, mol) *
           Dimension::base(B::Candela, cd);
}

struct Prefix {
    const char* symbol;
    const char* word;
    int exponent;
};

constexpr Prefix kPrefixes[] = {
    {"y", "yocto", -24}, {"z", "zepto", -21}, {"a", "atto", -18}, {"f", "femto", -15}, {"p", "pico", -12},
    {"n", "nano", -9},   {"u", "micro", -6},  {"m", "milli", -3}, {"c", "centi", -2}, {"d", "deci", -1},
    {"da", "deka", 1},   {"h", "hecto", 2},   {"k", "kilo", 3},   {"M", "mega", 6},  {"G", "giga", 9},
    {"T", "tera", 12},   {"P", "peta", 15},   {"E", "exa", 18},   {"Z", "zetta", 21}, {"Y", "yotta", 24},
};

} // namespace

const UnitRegistry& UnitRegistry::instance() {
    static const UnitRegistry registry;
    return registry;
}

void UnitRegistry::addWithPrefixes(const std::string& longName, const std::string& symbol, double scale,
                                   Dimension d, bool canonical) {
    units_[longName] = Unit{longName, scale, d};
    if (!symbol.empty()) units_[symbol] = Unit{symbol, scale, d};
    if (canonical) canonicalNames_.emplace_back(d, longName);
    for (const auto& p : kPrefixes) {
        const double s = scale * std::pow(10.0, p.exponent);
        // Brian2 spells prefixed units as symbol+longName ("mvolt") and symbol+symbol ("mV").
        units_.try_emplace(std::string(p.symbol) + longName, Unit{std::string(p.symbol) + longName, s, d});
        if (!symbol.empty())
            units_.try_emplace(std::string(p.symbol) + symbol, Unit{std::string(p.symbol) + symbol, s, d});
    }
}

UnitRegistry::UnitRegistry() {
    // Base units. "kilogram" is base; "gram" carries the prefixes.
    addWithPrefixes("metre", "m", 1.0, dim(1, 0, 0, 0), true);
    addWithPrefixes("meter", "", 1.0, dim(1, 0, 0, 0), false);
    units_["kilogram"] = Unit{"kilogram", 1.0, dim(0, 1, 0, 0)};
    canonicalNames_.emplace_back(dim(0, 1, 0, 0), "kilogram");
    addWithPrefixes("gram", "g", 1e-3, dim(0, 1, 0, 0), false);
    addWithPrefixes("second", "s", 1.0, dim(0, 0, 1, 0), true);
    addWithPrefixes("amp", "A", 1.0, dim(0, 0, 0, 1), true);
    addWithPrefixes("ampere", "", 1.0, dim(0, 0, 0, 1), false);
    addWithPrefixes("kelvin", "K", 1.0, dim(0, 0, 0, 0, 1), true);
    addWithPrefixes("mole", "mol", 1.0, dim(0, 0, 0, 0, 0, 1), true);
    addWithPrefixes("candela", "cd", 1.0, dim(0, 0, 0, 0, 0, 0, 1), true);
    // Derived units.
    addWithPrefixes("volt", "V", 1.0, dim(2, 1, -3, -1), true);
    addWithPrefixes("ohm", "", 1.0, dim(2, 1, -3, -2), true);
    addWithPrefixes("siemens", "S", 1.0, dim(-2, -1, 3, 2), true);
    addWithPrefixes("farad", "F", 1.0, dim(-2, -1, 4, 2), true);
    addWithPrefixes("hertz", "Hz", 1.0, dim(0, 0, -1, 0), true);
    addWithPrefixes("coulomb", "C", 1.0, dim(0, 0, 1, 1), true);
    addWithPrefixes("joule", "J", 1.0, dim(2, 1, -2, 0), true);
    addWithPrefixes("watt", "W", 1.0, dim(2, 1, -3, 0), true);
    addWithPrefixes("newton", "N", 1.0, dim(1, 1, -2, 0), true);
    addWithPrefixes("pascal", "Pa", 1.0, dim(-1, 1, -2, 0), true);
    addWithPrefixes("henry", "H", 1.0, dim(2, 1, -2, -2), true);
    addWithPrefixes("tesla", "T", 1.0, dim(0, 1, -2, -1), true);
    addWithPrefixes("weber", "Wb", 1.0, dim(2, 1, -2, -1), true);
    addWithPrefixes("katal", "kat", 1.0, dim(0, 0, -1, 0, 0, 1), true);
    addWithPrefixes("liter", "l", 1e-3, dim(3, 0, 0, 0), false);
    addWithPrefixes("litre", "L", 1e-3, dim(3, 0, 0, 0), false);
    addWithPrefixes("molar", "M", 1e3, dim(-3, 0, 0, 0, 0, 1), false);
    // Brian2's area and volume shorthands for membrane densities.
    for (const auto& [name, len] : {std::pair{"m", 1.0}, {"cm", 1e-2}, {"mm", 1e-3}, {"um", 1e-6}, {"nm", 1e-9}}) {
        units_[std::string(name) + "2"] = Unit{std::string(name) + "2", len * len, dim(2, 0, 0, 0)};
        units_[std::string(name) + "3"] = Unit{std::string(name) + "3", len * len * len, dim(3, 0, 0, 0)};
    }
    // Dimensionless names Brian2 accepts in declarations.
    units_["radian"] = Unit{"radian", 1.0, Dimension{}};
    units_["steradian"] = Unit{"steradian", 1.0, Dimension{}};
}

std::optional<Unit> UnitRegistry::find(std::string_view name) const {
    auto it = units_.find(name);
    if (it == units_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> UnitRegistry::nameForDimension(const Dimension& d) const {
    for (const auto& [dimension, name] : canonicalNames_)
        if (dimension == d) return name;
    return std::nullopt;
}

std::vector<std::string> UnitRegistry::names() const {
    std::vector<std::string> out;
    out.reserve(units_.size());
    for (const auto& [name, unit] : units_) out.push_back(name);
    return out;
}

} // namespace scs
