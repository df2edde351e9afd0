// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — fitting a module with more ports than the package has pins through place
// and route: a wrapper that feeds its inputs from a shift register and folds its outputs into one
// register, so the logic survives optimisation and the timing is measured register to register.
#pragma once

#include <string>
#include <vector>

namespace scs::hdl {

struct ModulePort {
    std::string name;
    std::string direction; // "input", "output", "inout"
    int width = 1;
};

/// The ports of `module` in a Yosys `write_json` netlist, sorted by name. Throws
/// std::runtime_error when the text is not such a netlist or lacks the module.
std::vector<ModulePort> netlistPorts(const std::string& netlistJson, const std::string& module);

/// Total port bits, the clock included: what must fit the package's I/O pins.
int portBits(const std::vector<ModulePort>& ports);

/// The name of the clock among `ports`: `preferred` if it is a one-bit input, else the first
/// one-bit input whose name contains "clk" or "clock"; "" when there is none.
std::string findClockPort(const std::vector<ModulePort>& ports, const std::string& preferred);

/// The name of the wrapper's top module.
inline constexpr const char* kPnrWrapperTop = "scs_pnr_wrapper";

/// Verilog for `scs_pnr_wrapper(input clk, input sin, output sout)`: every input of `module`
/// except `clock` comes from one shift register loaded through `sin`; all outputs are XOR-folded
/// into the register driving `sout`. It costs one flip-flop per input bit and about one LUT per
/// three output bits, which the placed utilisation then includes.
std::string serialIoWrapper(const std::string& module, const std::vector<ModulePort>& ports, const std::string& clock);

} // namespace scs::hdl
