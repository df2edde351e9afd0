// SPDX-License-Identifier: MIT
// Calibrates and checks the pre-synthesis estimate (core/hdl/Estimate.h): compiles every catalogue
// model in each format, emits its SystemVerilog, synthesises it with Yosys on each target, and
// prints the estimate beside the real counts with the error per model and per target.
//
//   synth_calibration [--targets ice40,ecp5,xilinx7,generic] [--formats Q8.8,Q16.16]
//                     [--models lif,adex,...] [--pnr] [--data FILE.jsonl] [--reuse FILE.jsonl]
//
// --data writes one JSON line per run (the hardware inventory and Yosys' counts) for refitting
// the costs; --reuse takes Yosys' counts from such a file instead of running it again (to check
// new costs in seconds); --pnr also places and routes on iCE40 and prints fmax. Without --reuse
// it takes tens of minutes: not a test.
#include "fixed/FixedCompiler.h"
#include "hdl/Estimate.h"
#include "hdl/SvEmitter.h"
#include "hdl/Synthesis.h"
#include "models/ModelCatalogue.h"
#include "units/Quantity.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace scs;

namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

nlohmann::json inventoryJson(const hdl::HardwareInventory& inv) {
    nlohmann::json mults = nlohmann::json::array();
    for (const auto& m : inv.multipliers)
        mults.push_back({{"a", m.aBits},
                         {"b", m.bBits},
                         {"n", m.productBits},
                         {"constant", m.constant},
                         {"pp", m.partialProductBits}});
    return {{"width", inv.width},
            {"adder_bits", inv.adderBits},
            {"comparator_bits", inv.comparatorBits},
            {"equality_bits", inv.equalityBits},
            {"mux_bits", inv.muxBits},
            {"detect_bits", inv.saturationDetectBits},
            {"multipliers", mults},
            {"dividers", inv.dividers},
            {"table_bits", inv.tableBits},
            {"flag_gates", inv.flagGates},
            {"register_bits", inv.registerBits}};
}

double relativeError(int estimate, int real) {
    if (real == 0) return estimate == 0 ? 0.0 : 1.0;
    return static_cast<double>(estimate - real) / real;
}

struct Errors {
    std::vector<double> luts, ffs;
};

double meanAbs(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += std::abs(x);
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

double maxAbs(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m = std::max(m, std::abs(x));
    return m;
}

int within(const std::vector<double>& v, double limit) {
    int n = 0;
    for (double x : v) n += std::abs(x) <= limit ? 1 : 0;
    return n;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<hdl::SynthesisTarget> targets = hdl::synthesisTargets();
    std::vector<std::string> formats = {"Q8.8", "Q16.16"};
    std::vector<std::string> only;
    std::string dataFile, reuseFile;
    bool pnr = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const std::string next = i + 1 < argc ? argv[i + 1] : "";
        if (a == "--targets") {
            targets.clear();
            for (const auto& t : split(next)) targets.push_back(hdl::parseSynthesisTarget(t));
            ++i;
        } else if (a == "--formats") {
            formats = split(next), ++i;
        } else if (a == "--models") {
            only = split(next), ++i;
        } else if (a == "--data") {
            dataFile = next, ++i;
        } else if (a == "--reuse") {
            reuseFile = next, ++i;
        } else if (a == "--pnr") {
            pnr = true;
        } else {
            std::cerr << "usage: synth_calibration [--targets T,...] [--formats Q8.8,...] [--models id,...] [--pnr]"
                         " [--data FILE]\n";
            return 2;
        }
    }
    std::ofstream data;
    if (!dataFile.empty()) data.open(dataFile);
    std::map<std::string, nlohmann::json> reused; // "model format target" -> a --data line
    if (!reuseFile.empty()) {
        std::ifstream in(reuseFile);
        std::string line;
        while (std::getline(in, line)) {
            const auto j = nlohmann::json::parse(line);
            reused[j["model"].get<std::string>() + " " + j["format"].get<std::string>() + " " +
                   j["target"].get<std::string>()] = j;
        }
    }

    const ModelCatalogue catalogue = ModelCatalogue::loadDefault();
    std::map<std::string, Errors> errors; // by target
    std::printf("%-22s %-7s %-8s %7s %7s %7s %6s %6s %7s %4s %4s %8s\n", "model", "format", "target", "LUTs", "est",
                "err", "FFs", "est", "err", "DSP", "est", "fmax");
    for (const auto& entry : catalogue.entries()) {
        if (!only.empty() && std::find(only.begin(), only.end(), entry.id) == only.end()) continue;
        for (const auto& format : formats) {
            fixed::FixedModelProgram program;
            std::string source, top;
            try {
                fixed::FixedCompileOptions o;
                o.contract.format = fixed::QFormat::parse(format);
                o.dt = parseQuantity(entry.dt, "dt").value;
                o.drive = entry.drive;
                program = fixed::compileFixed(NeuronModel::compile(entry.spec), o);
                source = hdl::emitSystemVerilog(program);
                top = hdl::svInterface(program).module;
            } catch (const std::exception& e) {
                std::printf("%-22s %-7s skipped: %s\n", entry.id.c_str(), format.c_str(), e.what());
                continue;
            }
            const hdl::HardwareInventory inv = hdl::countHardware(program);
            for (hdl::SynthesisTarget target : targets) {
                hdl::SynthesisReport real;
                const std::string key = entry.id + " " + format + " " + hdl::name(target);
                if (!reuseFile.empty()) {
                    const auto it = reused.find(key);
                    if (it == reused.end()) continue;
                    real.ok = true;
                    real.luts = it->second["luts"], real.flipFlops = it->second["ffs"];
                    real.carries = it->second["carries"], real.dsp = it->second["dsp"];
                    real.bram = it->second["bram"];
                    real.cellsByType = it->second["cells"].get<std::map<std::string, int>>();
                } else {
                    hdl::SynthesisOptions options;
                    options.placeAndRoute = pnr;
                    real = hdl::synthesise(source, top, target, options);
                }
                if (!real.ok) {
                    std::printf("%-22s %-7s %-8s failed: %s\n", entry.id.c_str(), format.c_str(), hdl::name(target),
                                real.error.c_str());
                    continue;
                }
                const hdl::SynthesisReport est = hdl::estimate(program, target);
                long fabricProducts = 0; // partial-product bits of the multipliers left in fabric
                long dspSumBits = 0;     // bits of the adders that sum DSP tiles
                for (const auto& m : inv.multipliers) {
                    const int blocks = hdl::dspBlocks(m, hdl::costModel(target));
                    if (blocks == 0)
                        fabricProducts += m.partialProductBits;
                    else
                        dspSumBits += static_cast<long>(blocks - 1) * m.productBits;
                }
                const double lutErr = relativeError(est.luts, real.luts);
                const double ffErr = relativeError(est.flipFlops, real.flipFlops);
                errors[hdl::name(target)].luts.push_back(lutErr);
                errors[hdl::name(target)].ffs.push_back(ffErr);
                std::printf("%-22s %-7s %-8s %7d %7d %+6.0f%% %6d %6d %+6.0f%% %4d %4d %8s\n", entry.id.c_str(),
                            format.c_str(), hdl::name(target), real.luts, est.luts, lutErr * 100, real.flipFlops,
                            est.flipFlops, ffErr * 100, real.dsp, est.dsp,
                            real.fmaxMHz ? std::to_string(*real.fmaxMHz).substr(0, 6).c_str() : "-");
                std::fflush(stdout);
                if (data.is_open())
                    data << nlohmann::json{{"model", entry.id},
                                           {"format", format},
                                           {"target", hdl::name(target)},
                                           {"luts", real.luts},
                                           {"ffs", real.flipFlops},
                                           {"carries", real.carries},
                                           {"dsp", real.dsp},
                                           {"bram", real.bram},
                                           {"cells", real.cellsByType},
                                           {"inventory", inventoryJson(inv)},
                                           {"dsp_est", est.dsp},
                                           {"fabric_pp", fabricProducts},
                                           {"dsp_sum_bits", dspSumBits},
                                           {"seconds", real.seconds}}
                                .dump()
                         << std::endl; // flushed: a long run can be stopped and still be used
            }
        }
    }
    std::printf("\n%-8s %5s %14s %14s %12s %12s\n", "target", "runs", "LUT mean|err|", "LUT max|err|", "LUT <=25%",
                "FF max|err|");
    for (const auto& [target, e] : errors)
        std::printf("%-8s %5zu %13.1f%% %13.1f%% %7d/%-4zu %11.1f%%\n", target.c_str(), e.luts.size(),
                    meanAbs(e.luts) * 100, maxAbs(e.luts) * 100, within(e.luts, 0.25), e.luts.size(),
                    maxAbs(e.ffs) * 100);
    return 0;
}
