// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the generated text files of a bundle: constraints, Makefile, README.
#pragma once

#include "hdl/Bundle.h"

#include <string>

namespace scs::hdl {

/// Pin and clock constraints for the boards the README names: iCEBreaker (iCE40UP5K, PCF),
/// ULX3S (ECP5-25F, LPF), Arty A7-35T (Xilinx 7-series, XDC), and a tool-neutral SDC.
std::string pcfConstraints(const SvInterface& module);
std::string lpfConstraints(const SvInterface& module, double clockMHz);
std::string xdcConstraints(const SvInterface& module, double clockMHz);
std::string sdcConstraints(const SvInterface& module, double clockMHz);

/// sim/Makefile: `make` builds and runs the testbench with Verilator, `make icarus` with Icarus
/// Verilog; both run inside tb/ so the testbench finds its data files by name.
std::string simMakefile(const BundleSpec& spec);

/// reports/summary.md: one row per report (target, LUTs, FFs, ..., fmax), estimates marked.
std::string reportSummary(const std::vector<SynthesisReport>& reports);

/// README.md: what the bundle is, its ports, how to simulate and synthesise it.
std::string bundleReadme(const BundleSpec& spec);

} // namespace scs::hdl
