// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — everything that goes into a model's bundle, made from the model.
#pragma once

#include "hdl/Bundle.h"
#include "hdl/SvEmitter.h"

#include "ode/Simulation.h"

#include <vector>

namespace scs::hdl {

/// How many steps a bundle's testbench runs unless told.
inline constexpr int kDefaultTestbenchSteps = 10000;

/// The bundle of `program`: its RTL; a self-checking testbench driven for `cycles` steps with the
/// input codes of `settings` (its protocol, or the drive's constant value) and the spikes the C++
/// fixed-point model produces on them; the pre-synthesis estimate of every target; the latest
/// synthesis run of each target among `runs`; and the versions of the tools that made them.
/// `rtl` chooses the module's name and pipeline stages. Throws what emitSystemVerilog throws.
BundleSpec makeBundleSpec(const fixed::FixedModelProgram& program, const SimulationSettings& settings,
                          const std::vector<SynthesisReport>& runs = {}, int cycles = kDefaultTestbenchSteps,
                          const SvOptions& rtl = {});

} // namespace scs::hdl
