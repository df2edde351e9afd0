// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one Verilator model for many neuron modules: a top that packs every
// module's ports into two wide buses, and a generic C++ harness that streams the input bus from a
// file and the output bus to another, one word array per cycle.
#pragma once

#include "SvEmitter.h"

#include <string>
#include <vector>

namespace scs::hdl {

/// Where one module's ports sit on the buses (bit offsets).
struct CosimSlot {
    SvInterface ports;
    int input = -1;          // its input port on the input bus; -1 when it has none
    int spike = 0, trap = 0; // output bus bits
    std::vector<int> states; // [state] offset of `width` bits on the output bus
};

/// All slots. Bus widths are padded to whole 32-bit words, at least three, so Verilator always
/// makes them word arrays (VlWide) and one harness fits every build.
struct CosimLayout {
    std::vector<CosimSlot> slots;
    int inputWords = 3, outputWords = 3;
};

/// Assigns offsets in the order given.
CosimLayout cosimLayout(const std::vector<SvInterface>& modules);

inline constexpr const char* kCosimTop = "scs_cosim_top";

/// The top module: clk, rst, en shared by every instance; `in_bus` and `out_bus`.
std::string cosimTopModule(const CosimLayout& layout);

/// The harness main(): `harness STIMULUS OUTPUT CYCLES`. It holds rst for one edge, then for each
/// cycle reads inputWords 32-bit little-endian words into in_bus, raises en, clocks one rising edge
/// and writes outputWords words of out_bus (the registered results of that step).
std::string cosimHarness(const CosimLayout& layout);

} // namespace scs::hdl
