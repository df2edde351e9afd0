// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the error a network build or run throws: one line naming the item and field.
#pragma once

#include <stdexcept>
#include <string>

namespace scs {

/// Thrown by NetworkBuilder and NetworkSimulator for input that cannot be built or run (a unit
/// mismatch, an impossible in-degree, a run that would not fit in memory, a diverging model).
/// `what()` names the item ("projection 'ee'") and the field ("weight") so a user can act on it.
class NetworkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace scs
