// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — bundle text files.
#include "hdl/BundleContents.h"

#include "fixed/FixedContract.h"

#include <iomanip>
#include <sstream>

namespace scs::hdl {

namespace {

std::string number(double v, int precision = 6) {
    std::ostringstream out;
    out << std::setprecision(precision) << v;
    return out.str();
}

std::string rtlFile(const BundleSpec& spec) { return "../rtl/" + spec.module.module + ".sv"; }

std::string testbenchSources(const BundleSpec& spec) {
    std::string out;
    for (const BundleFile& f : spec.testbenchFiles)
        if (f.path.size() > 3 && (f.path.ends_with(".sv") || f.path.ends_with(".v"))) out += " ../tb/" + f.path;
    return out;
}

} // namespace

std::string pcfConstraints(const SvInterface& m) {
    std::ostringstream out;
    out << "# iCEBreaker (iCE40UP5K-SG48): the 12 MHz oscillator, user button and red LED.\n"
        << "# The input and state buses are left unplaced (nextpnr --pcf-allow-unconstrained): a design\n"
        << "# that drives them from a host wraps this module and places its own pins.\n"
        << "set_io " << m.clock << " 35\n"
        << "set_io " << m.reset << " 10\n"
        << "set_io " << m.spike << " 11\n";
    return out.str();
}

std::string lpfConstraints(const SvInterface& m, double clockMHz) {
    std::ostringstream out;
    out << "# ULX3S (LFE5U-25F): clk_25mhz, button 0 and LED 0. Buses are left to a wrapper.\n"
        << "LOCATE COMP \"" << m.clock << "\" SITE \"G2\";\n"
        << "IOBUF PORT \"" << m.clock << "\" IO_TYPE=LVCMOS33;\n"
        << "FREQUENCY PORT \"" << m.clock << "\" " << number(clockMHz) << " MHZ;\n"
        << "LOCATE COMP \"" << m.reset << "\" SITE \"D6\";\n"
        << "IOBUF PORT \"" << m.reset << "\" IO_TYPE=LVCMOS33;\n"
        << "LOCATE COMP \"" << m.spike << "\" SITE \"B2\";\n"
        << "IOBUF PORT \"" << m.spike << "\" IO_TYPE=LVCMOS33;\n";
    return out.str();
}

std::string xdcConstraints(const SvInterface& m, double clockMHz) {
    std::ostringstream out;
    out << "# Arty A7-35T (XC7A35T): the 100 MHz oscillator, BTN0 and LD4. Buses are left to a wrapper.\n"
        << "set_property -dict { PACKAGE_PIN E3 IOSTANDARD LVCMOS33 } [get_ports { " << m.clock << " }]\n"
        << "create_clock -name " << m.clock << " -period " << number(1000.0 / clockMHz, 4) << " [get_ports { "
        << m.clock << " }]\n"
        << "set_property -dict { PACKAGE_PIN D9 IOSTANDARD LVCMOS33 } [get_ports { " << m.reset << " }]\n"
        << "set_property -dict { PACKAGE_PIN H5 IOSTANDARD LVCMOS33 } [get_ports { " << m.spike << " }]\n";
    return out.str();
}

std::string sdcConstraints(const SvInterface& m, double clockMHz) {
    std::ostringstream out;
    out << "# Tool-neutral timing: one clock; every step of the neuron is one cycle of it.\n"
        << "create_clock -name " << m.clock << " -period " << number(1000.0 / clockMHz, 4) << " [get_ports " << m.clock
        << "]\n";
    return out.str();
}

std::string simMakefile(const BundleSpec& spec) {
    const std::string top = spec.testbenchModule;
    std::ostringstream out;
    out << "# Builds and runs the testbench of " << spec.module.module << ".\n"
        << "#   make          Verilator (verilator --binary), then runs it\n"
        << "#   make icarus   Icarus Verilog (iverilog -g2012), then runs it with vvp\n"
        << "# Both run inside ../tb, where the testbench reads its stimulus and expected spikes; a run\n"
        << "# that does not match prints FAIL and exits non-zero. SCS_NO_TRAP_FATAL: an overflow under the\n"
        << "# trap mode raises the module's trap output, which the testbench checks, instead of stopping.\n"
        << "TOP := " << top << "\n"
        << "SOURCES := " << rtlFile(spec) << testbenchSources(spec) << "\n"
        << "VERILATOR ?= verilator\n"
        << "IVERILOG ?= iverilog\n"
        << "VVP ?= vvp\n\n"
        << ".PHONY: all verilator icarus clean\n"
        << "all: verilator\n\n"
        << "verilator: obj_dir/$(TOP)\n"
        << "\tcd ../tb && ../sim/obj_dir/$(TOP)\n\n"
        << "obj_dir/$(TOP): $(SOURCES)\n"
        << "\t$(VERILATOR) --binary -Wno-fatal -DSCS_NO_TRAP_FATAL --top-module $(TOP) -Mdir obj_dir -o $(TOP) "
           "$(SOURCES)\n\n"
        << "icarus: $(TOP).vvp\n"
        << "\tcd ../tb && $(VVP) ../sim/$(TOP).vvp\n\n"
        << "$(TOP).vvp: $(SOURCES)\n"
        << "\t$(IVERILOG) -g2012 -DSCS_NO_TRAP_FATAL -s $(TOP) -o $@ $(SOURCES)\n\n"
        << "clean:\n"
        << "\trm -rf obj_dir $(TOP).vvp ../tb/*.vcd\n";
    return out.str();
}

std::string reportSummary(const std::vector<SynthesisReport>& reports) {
    std::ostringstream out;
    out << "| target | kind | LUTs | FFs | carries | BRAM | DSP | cells | fmax (MHz) | LUT use |\n"
        << "|---|---|---|---|---|---|---|---|---|---|\n";
    for (const SynthesisReport& r : reports) {
        out << "| " << name(r.target) << " | " << (r.estimated ? "estimate" : "yosys") << " | ";
        if (!r.ok) {
            out << "failed: " << r.error << " | | | | | | | |\n";
            continue;
        }
        out << r.luts << " | " << r.flipFlops << " | " << r.carries << " | " << r.bram << " | " << r.dsp << " | "
            << r.cells << " | " << (r.fmaxMHz ? number(*r.fmaxMHz, 4) : std::string("-")) << " | "
            << (r.capacity.luts > 0 ? number(100 * r.lutUtilisation(), 3) + " %" : std::string("-")) << " |\n";
    }
    return out.str();
}

std::string bundleReadme(const BundleSpec& spec) {
    const fixed::FixedModelProgram& p = spec.program;
    const SvInterface& m = spec.module;
    const std::string bits = (m.isSigned ? "signed [" : "[") + std::to_string(m.width - 1) + ":0]";
    std::ostringstream out;
    out << "# " << m.module << ": " << (p.name.empty() ? "a neuron" : p.name) << " in fixed point\n\n"
        << "Exported by SC-NeuroCore Studio. The RTL steps bit for bit like the studio's fixed-point\n"
        << "simulation: " << p.contract.label() << ", forward Euler with dt = " << number(p.dt * 1e3)
        << " ms per enabled clock cycle.\n\n"
        << "## Model\n\n```\n"
        << p.equations << "\n```\n\n"
        << "- threshold: `" << (p.thresholdText.empty() ? "(none)" : p.thresholdText) << "`\n"
        << "- reset: `" << (p.resetText.empty() ? "(none)" : p.resetText) << "`\n"
        << "- refractory: `" << (p.refractoryText.empty() ? "(none)" : p.refractoryText) << "`\n\n"
        << "Every value is counted in millivolts, milliseconds, nanoamps and the units they imply\n"
        << "(manifest.json lists each state's unit); one LSB is 2^-" << p.contract.format.fraction << ".\n\n"
        << "## Ports\n\n"
        << "| port | direction | width | meaning |\n|---|---|---|---|\n"
        << "| " << m.clock << " | in | 1 | clock |\n"
        << "| " << m.reset << " | in | 1 | synchronous reset, active high: initial states |\n"
        << "| " << m.enable << " | in | 1 | "
        << (m.latency == 1 ? std::string("one Euler step per cycle while high")
                           : "one Euler step per " + std::to_string(m.latency) + " cycles while high (pipelined)")
        << " |\n";
    if (!m.input.empty())
        out << "| " << m.input << " | in | " << bits << " | drive `" << p.input << "` in " << p.inputUnit << " |\n";
    out << "| " << m.spike << " | out | 1 | high in the cycle after a step that spiked |\n";
    for (std::size_t k = 0; k < m.states.size() && k < p.states.size(); ++k)
        out << "| " << m.states[k] << " | out | " << bits << " | state `" << p.states[k].name << "` in "
            << p.states[k].unit << " |\n";
    out << "| " << m.trap << " | out | 1 | sticky: an operation overflowed (overflow mode trap) |\n\n"
        << "## Layout\n\n"
        << "- `rtl/` the module\n"
        << "- `tb/` a self-checking testbench (" << spec.cycles << " steps), its stimulus and the spikes the\n"
        << "  studio's model expects\n"
        << "- `constraints/` PCF (iCEBreaker), LPF (ULX3S), XDC (Arty A7), SDC\n"
        << "- `sim/Makefile` builds and runs the testbench\n"
        << "- `reports/` synthesis reports and estimates, the precision report\n"
        << "- `manifest.json` versions, the source model, the fixed-point contract and the SHA-256 of every file\n\n"
        << "## Simulate\n\n"
        << "```\ncd sim\nmake          # Verilator\nmake icarus   # Icarus Verilog\n```\n\n"
        << "Both print PASS when every spike matches the studio's expectation.\n\n"
        << "## Synthesise\n\n"
        << "```\nyosys -p 'read_verilog -sv rtl/" << m.module << ".sv; synth_ice40 -top " << m.module << " -json "
        << m.module << ".json'\n"
        << "nextpnr-ice40 --up5k --package sg48 --json " << m.module << ".json --pcf constraints/" << m.module
        << ".pcf --pcf-allow-unconstrained\n```\n\n";
    if (!spec.reports.empty()) out << "## Reports\n\n" << reportSummary(spec.reports) << "\n";
    return out.str();
}

} // namespace scs::hdl
