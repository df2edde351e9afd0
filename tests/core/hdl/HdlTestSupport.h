// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — helpers for the RTL tests: hand-written and random fixed-point programs,
// random drive codes, and running the HDL tools (random equation models: RandomModel.h).
#pragma once

#include "fixed/FixedProgram.h"

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace scs::hdl::rtltest {

/// The twelve overflow x rounding combinations, in a fixed order.
std::vector<std::pair<fixed::Overflow, fixed::Rounding>> allModes();

/// A leaky integrate-and-fire neuron written by hand (v in "mV", input I, threshold, reset,
/// refractory for `refractoryCycles`), in `contract`'s format (at least Q8.8's range).
fixed::FixedModelProgram handLif(const fixed::FixedContract& contract, std::int64_t refractoryCycles = 20);

/// A random straight-line program that uses every kind of operation with random operands,
/// tables, constants and refractoriness, in `contract`. Deterministic for a given `rng` state.
fixed::FixedModelProgram randomProgram(std::mt19937_64& rng, const fixed::FixedContract& contract,
                                       const std::string& name);

/// A random format: 1..32 bits, any legal fraction, signed or unsigned.
fixed::QFormat randomFormat(std::mt19937_64& rng);

/// `cycles` input codes inside `format`: a random walk with jumps and stretches held at the ends.
std::vector<std::int64_t> randomDrive(std::mt19937_64& rng, const fixed::QFormat& format, std::int64_t cycles);

/// Writes `text` to `file` (creating folders).
void writeText(const std::filesystem::path& file, const std::string& text);

/// `verilator --lint-only -Wall` on `file` (top `module`): "" when clean, else its output.
/// Fails the calling test (not skips) when Verilator is missing.
std::string lintWithVerilator(const std::filesystem::path& file, const std::string& module);

/// One `verilator --lint-only -Wall -Wno-MULTITOP` over many module files in one folder (each
/// file named after its module): "" when clean, else the output. Fails the test when Verilator
/// is missing.
std::string lintAllWithVerilator(const std::filesystem::path& dir, const std::vector<std::string>& files,
                                 const std::vector<std::string>& extraOptions = {});

/// Runs `argv` in `dir` (timeout 300 s), failing the test when argv[0] is not on PATH.
struct ToolOutput {
    int exitCode = -1;
    std::string output;
};
ToolOutput runIn(const std::filesystem::path& dir, const std::vector<std::string>& argv);

} // namespace scs::hdl::rtltest
