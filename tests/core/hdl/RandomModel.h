// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a seeded generator of random equation models (Brian2 text) for the RTL
// property test: 1-4 states, + - * /, integer powers, tabulated functions, subexpressions,
// thresholds, resets, refractoriness by duration or condition, "(unless refractory)".
#pragma once

#include "ode/ModelSpec.h"

#include <random>
#include <string>

namespace scs::hdl::rtltest {

/// A random dimensionless model driven by `I : 1`, with time constants in ms. Its states mostly
/// relax towards bounded functions of each other, so they wander over a few units without
/// running away (formats with 6 or more integer bits hold them). Deterministic for a given rng.
ModelSpec randomModelSpec(std::mt19937_64& rng, const std::string& name);

/// A drive protocol text for such a model ("sine offset=0.5 amplitude=1.5 frequency=37*Hz", ...).
std::string randomProtocolText(std::mt19937_64& rng);

} // namespace scs::hdl::rtltest
