// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the names of units (Brian2's spelling) and their SI scale.
#pragma once

#include "units/Dimension.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scs {

/// One named unit: `value` in SI base units per one of it (mV -> 1e-3, volt).
struct Unit {
    std::string name;
    double scale = 1.0;
    Dimension dimension;
};

/// Every unit name the equation language knows: SI base and derived units, each with the SI
/// prefixes in Brian2's two spellings (`mV` and `mvolt`, `nS` and `nsiemens`, `Mohm`, `uF`, ...).
/// Immutable after construction; safe to read from any thread.
class UnitRegistry {
public:
    static const UnitRegistry& instance();

    std::optional<Unit> find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name).has_value(); }
    /// The canonical derived-unit name for a dimension ("volt" for V), if there is one.
    std::optional<std::string> nameForDimension(const Dimension& d) const;
    /// All known names, for completion in editors.
    std::vector<std::string> names() const;

private:
    UnitRegistry();
    void addWithPrefixes(const std::string& longName, const std::string& symbol, double scale,
                         Dimension dim, bool canonical);
    std::map<std::string, Unit, std::less<>> units_;
    std::vector<std::pair<Dimension, std::string>> canonicalNames_;
};

} // namespace scs
