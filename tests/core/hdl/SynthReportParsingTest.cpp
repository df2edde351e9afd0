// SPDX-License-Identifier: MIT
// Reading what Yosys and nextpnr write, without running them: the statistics JSON, the nextpnr
// report and log, the report's own JSON form, and the place-and-route I/O wrapper.
#include "hdl/NextpnrReport.h"
#include "hdl/PnrWrapper.h"
#include "hdl/SynthesisFlow.h"
#include "hdl/SynthesisReportJson.h"
#include "hdl/YosysStat.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace scs::hdl;

namespace {

// Yosys 0.23, `tee -q -o stat.json stat -json` after synth_ice40 of a 16-bit LIF neuron.
const char* kIce40Stat = R"json({
   "creator": "Yosys 0.23 (git sha1 7ce5011c24b)",
   "invocation": "stat -json ",
   "modules": {
      "\\lif_q88": {
         "num_wires":         66,
         "num_cells":         256,
         "num_cells_by_type": { "SB_CARRY": 48, "SB_DFFSR": 17, "SB_LUT4": 191 }
      }
   },
      "design": {
         "num_wires":         66,
         "num_cells":         256,
         "num_cells_by_type": { "SB_CARRY": 48, "SB_DFFSR": 17, "SB_LUT4": 191 }
      }
})json";

} // namespace

TEST(SynthReportParsingTest, Ice40StatisticsAreTalliedByCellKind) {
    SynthesisReport r;
    r.target = SynthesisTarget::Ice40;
    applyYosysStat(kIce40Stat, "lif_q88", r);
    EXPECT_EQ(r.cells, 256);
    EXPECT_EQ(r.luts, 191);
    EXPECT_EQ(r.flipFlops, 17);
    EXPECT_EQ(r.carries, 48);
    EXPECT_EQ(r.bram, 0);
    EXPECT_EQ(r.dsp, 0);
    EXPECT_EQ(r.cellsByType.at("SB_DFFSR"), 17);
}

TEST(SynthReportParsingTest, WithoutADesignEntryTheTopModuleIsUsed) {
    const char* stat = R"({"modules": {"\\other": {"num_cells": 5, "num_cells_by_type": {"SB_LUT4": 5}},
                                       "\\top": {"num_cells": 3, "num_cells_by_type": {"SB_LUT4": 2, "SB_DFF": 1}}}})";
    SynthesisReport r;
    r.target = SynthesisTarget::Ice40;
    applyYosysStat(stat, "top", r);
    EXPECT_EQ(r.cells, 3);
    EXPECT_EQ(r.luts, 2);
    EXPECT_EQ(r.flipFlops, 1);
    EXPECT_THROW(applyYosysStat("no json here", "top", r), std::runtime_error);
    EXPECT_THROW(applyYosysStat(R"({"creator": "x"})", "top", r), std::runtime_error);
}

TEST(SynthReportParsingTest, EachTargetCountsItsOwnPrimitives) {
    const CellTally ecp5 =
        tallyCells({{"CCU2C", 16}, {"LUT4", 11}, {"MULT18X18D", 1}, {"PFUMX", 3}, {"TRELLIS_FF", 17}, {"DP16KD", 2}},
                   SynthesisTarget::Ecp5);
    EXPECT_EQ(ecp5.luts, 11);
    EXPECT_EQ(ecp5.flipFlops, 17);
    EXPECT_EQ(ecp5.carries, 16);
    EXPECT_EQ(ecp5.dsp, 1);
    EXPECT_EQ(ecp5.bram, 2);

    const CellTally xilinx = tallyCells({{"BUFG", 1},
                                         {"CARRY4", 5},
                                         {"DSP48E1", 1},
                                         {"FDRE", 15},
                                         {"FDSE", 2},
                                         {"IBUF", 18},
                                         {"LUT2", 17},
                                         {"LUT6", 3},
                                         {"LUT6_2", 1},
                                         {"SRL16E", 2},
                                         {"RAMB18E1", 3},
                                         {"RAMB36E1", 1}},
                                        SynthesisTarget::Xilinx7);
    EXPECT_EQ(xilinx.luts, 23);
    EXPECT_EQ(xilinx.flipFlops, 17);
    EXPECT_EQ(xilinx.carries, 5);
    EXPECT_EQ(xilinx.dsp, 1);
    EXPECT_EQ(xilinx.bram, 3); // one RAMB36 and three RAMB18 (two sites)

    const CellTally generic = tallyCells({{"$_ANDNOT_", 210},
                                          {"$_MUX_", 1},
                                          {"$_SDFF_PP0_", 16},
                                          {"$_DFFE_PP_", 1},
                                          {"$_XOR_", 158},
                                          {"$_DLATCH_P_", 2}},
                                         SynthesisTarget::Generic);
    EXPECT_EQ(generic.luts, 369);
    EXPECT_EQ(generic.flipFlops, 17);
}

TEST(SynthReportParsingTest, NextpnrReportGivesTheSlowestClockAndLogicCells) {
    const char* report = R"({"fmax": {"clk$SB_IO_IN_$glb_clk": {"achieved": 21.0894832611084, "constraint": 12},
                                      "other": {"achieved": 55.5, "constraint": 12}},
                             "utilization": {"ICESTORM_LC": {"available": 5280, "used": 214},
                                             "SB_IO": {"available": 96, "used": 35}}})";
    const PlaceAndRouteResult r = parseNextpnrReport(report);
    ASSERT_TRUE(r.fmaxMHz);
    EXPECT_NEAR(*r.fmaxMHz, 21.089, 1e-3);
    EXPECT_EQ(r.logicCellsUsed, 214);
    EXPECT_EQ(r.logicCellsAvailable, 5280);
    ASSERT_TRUE(r.utilisation());
    EXPECT_NEAR(*r.utilisation(), 214.0 / 5280, 1e-12);
    EXPECT_FALSE(parseNextpnrReport("{}").fmaxMHz);
    EXPECT_THROW(parseNextpnrReport("not json"), std::runtime_error);
}

TEST(SynthReportParsingTest, NextpnrLogGivesThePostRoutingFrequency) {
    const char* log = "Info: Device utilisation:\n"
                      "Info: \t         ICESTORM_LC:   214/ 5280     4%\n"
                      "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 19.86 MHz (PASS at 12.00 MHz)\n"
                      "Info: Routing..\n"
                      "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 21.09 MHz (PASS at 12.00 MHz)\n";
    const PlaceAndRouteResult r = parseNextpnrLog(log);
    ASSERT_TRUE(r.fmaxMHz);
    EXPECT_DOUBLE_EQ(*r.fmaxMHz, 21.09);
    EXPECT_EQ(r.logicCellsUsed, 214);
    EXPECT_FALSE(parseNextpnrLog("nothing").fmaxMHz);
}

TEST(SynthReportParsingTest, ReportJsonRoundTripsEveryField) {
    SynthesisReport r;
    r.target = SynthesisTarget::Ecp5;
    r.module = "adex";
    r.ok = true;
    r.error = "";
    r.luts = 123;
    r.flipFlops = 45;
    r.carries = 6;
    r.bram = 1;
    r.dsp = 2;
    r.cells = 200;
    r.cellsByType = {{"LUT4", 123}, {"TRELLIS_FF", 45}};
    r.capacity = deviceCapacity(SynthesisTarget::Ecp5);
    r.fmaxMHz = 87.5;
    r.tools = {{"yosys", "Yosys 0.23", true}, {"nextpnr-ice40", "", false}};
    r.notes = {"a note"};
    r.log = "line 1\nline 2\n";
    r.utcTime = "2025-01-31T12:00:00Z";
    r.seconds = 3.25;
    const nlohmann::json j = toJson(r);
    EXPECT_TRUE(j["placed_utilisation"].is_null());
    const SynthesisReport back = fromJson(nlohmann::json::parse(j.dump()));
    EXPECT_EQ(toJson(back), j);
    EXPECT_EQ(back.target, SynthesisTarget::Ecp5);
    EXPECT_EQ(back.cellsByType, r.cellsByType);
    EXPECT_EQ(back.capacity.device, "LFE5U-25F");
    EXPECT_EQ(back.fmaxMHz, r.fmaxMHz);
    EXPECT_FALSE(back.placedUtilisation);
    ASSERT_EQ(back.tools.size(), 2u);
    EXPECT_FALSE(back.tools[1].available);

    SynthesisReport estimated;
    estimated.estimated = true;
    estimated.placedUtilisation = 0.25;
    EXPECT_EQ(toJson(fromJson(toJson(estimated))), toJson(estimated));
}

TEST(SynthReportParsingTest, ReportJsonRefusesWhatItCannotRead) {
    EXPECT_THROW(fromJson(nlohmann::json::array()), std::invalid_argument);
    EXPECT_THROW(fromJson({{"target", "quartus"}}), std::invalid_argument);
    EXPECT_THROW(fromJson({{"luts", "many"}}), std::invalid_argument);
    EXPECT_THROW(fromJson({{"version", 99}}), std::invalid_argument);
    const SynthesisReport old = fromJson({{"target", "ice40"}, {"luts", 7}}); // missing keys: defaults
    EXPECT_EQ(old.luts, 7);
    EXPECT_FALSE(old.ok);
}

TEST(SynthReportParsingTest, TargetsHaveNamesAndCapacities) {
    for (SynthesisTarget t : synthesisTargets()) EXPECT_EQ(parseSynthesisTarget(name(t)), t);
    EXPECT_THROW(parseSynthesisTarget("ice41"), std::invalid_argument);
    EXPECT_EQ(deviceCapacity(SynthesisTarget::Ice40).luts, 5280);
    EXPECT_EQ(deviceCapacity(SynthesisTarget::Xilinx7).flipFlops, 41600);
    EXPECT_EQ(deviceCapacity(SynthesisTarget::Generic).luts, 0);
    SynthesisReport r;
    r.target = SynthesisTarget::Ice40;
    r.capacity = deviceCapacity(r.target);
    r.luts = 528;
    EXPECT_DOUBLE_EQ(r.lutUtilisation(), 0.1);
    r.capacity = {};
    EXPECT_DOUBLE_EQ(r.lutUtilisation(), 0.0);
}

TEST(SynthReportParsingTest, WrapperFeedsInputsSeriallyAndFoldsOutputs) {
    const char* netlist = R"({"modules": {"wide": {"ports": {
        "clk": {"direction": "input", "bits": [2]},
        "a": {"direction": "input", "bits": [3, 4, 5]},
        "b": {"direction": "input", "bits": [6]},
        "q": {"direction": "output", "bits": [7, 8]}}}}})";
    const auto ports = netlistPorts(netlist, "wide");
    ASSERT_EQ(ports.size(), 4u);
    EXPECT_EQ(portBits(ports), 7);
    EXPECT_EQ(findClockPort(ports, "clk"), "clk");
    EXPECT_EQ(findClockPort(ports, "nothing"), "clk");
    const std::string v = serialIoWrapper("wide", ports, "clk");
    EXPECT_NE(v.find("module scs_pnr_wrapper (input wire clk, input wire sin, output reg sout);"), std::string::npos)
        << v;
    EXPECT_NE(v.find("reg [3:0] shift;"), std::string::npos) << v;
    EXPECT_NE(v.find(".a(shift[2:0])"), std::string::npos) << v;
    EXPECT_NE(v.find(".b(shift[3:3])"), std::string::npos) << v;
    EXPECT_NE(v.find(".q(outs[1:0])"), std::string::npos) << v;
    EXPECT_NE(v.find(".clk(clk)"), std::string::npos) << v;
    EXPECT_NE(v.find("sout <= ^outs;"), std::string::npos) << v;
    EXPECT_THROW(netlistPorts(netlist, "missing"), std::runtime_error);
}

TEST(SynthReportParsingTest, FlowScriptsNameTheTargetsPasses) {
    const std::string s = yosysScript(SynthesisTarget::Xilinx7, "lif", {"design.sv"}, "n.json", "s.json");
    EXPECT_NE(s.find("read_verilog -sv design.sv\n"), std::string::npos) << s;
    EXPECT_NE(s.find("synth_xilinx -flatten -top lif\n"), std::string::npos) << s;
    EXPECT_NE(s.find("write_json n.json\n"), std::string::npos) << s;
    EXPECT_NE(s.find("tee -q -o s.json stat -json\n"), std::string::npos) << s;
    EXPECT_EQ(yosysSynthCommand(SynthesisTarget::Ice40, "x"), "synth_ice40 -top x");
    EXPECT_EQ(yosysSynthCommand(SynthesisTarget::Generic, "x"), "synth -flatten -top x");
    const auto args = nextpnrIce40Arguments("n.json", "r.json", 12, 1);
    EXPECT_NE(std::find(args.begin(), args.end(), "--timing-allow-fail"), args.end());
    EXPECT_NE(std::find(args.begin(), args.end(), "12"), args.end());
}
