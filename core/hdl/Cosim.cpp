// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — co-simulation: build once, stream stimulus and outputs through files,
// compare with FixedStepper.
//
// [SECTION] bits on the buses
// [SECTION] the build
// [SECTION] the run and the comparison
#include "Cosim.h"

#include "Identifiers.h"
#include "ToolProcess.h"

#include "fixed/FixedStepper.h"
#include "jobs/JobContext.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace scs::hdl {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// [SECTION] bits on the buses

/// The `width` (<= 32) bits at `offset` of a word array.
std::uint64_t bitsAt(const std::uint32_t* words, int wordCount, int offset, int width) {
    const int w = offset / 32, shift = offset % 32;
    std::uint64_t pair = words[w];
    if (w + 1 < wordCount) pair |= std::uint64_t{words[w + 1]} << 32;
    return (pair >> shift) & ((std::uint64_t{1} << width) - 1);
}

void setBits(std::uint32_t* words, int wordCount, int offset, int width, std::uint64_t value) {
    value &= (std::uint64_t{1} << width) - 1;
    const int w = offset / 32, shift = offset % 32;
    words[w] |= static_cast<std::uint32_t>(value << shift);
    if (shift + width > 32 && w + 1 < wordCount) words[w + 1] |= static_cast<std::uint32_t>(value >> (32 - shift));
}

std::int64_t decode(std::uint64_t raw, int width, bool isSigned) {
    if (isSigned && (raw >> (width - 1)) & 1) return static_cast<std::int64_t>(raw) - (std::int64_t{1} << width);
    return static_cast<std::int64_t>(raw);
}

std::string tail(const std::string& log, std::size_t lines) {
    std::size_t pos = log.size();
    for (std::size_t n = 0; n <= lines && pos > 0; ++n) pos = log.rfind('\n', pos - 1);
    return pos == std::string::npos ? log : log.substr(pos + 1);
}

void writeFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// [SECTION] the build

/// A fresh folder under `parent` (made if needed).
fs::path makeUniqueDirectory(const fs::path& parent) {
    fs::create_directories(parent);
    std::string pattern = (parent / "scs-cosim-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("cannot create a folder for co-simulation in " + parent.string());
    return pattern;
}

/// The C++ compiler Verilator's makefile will call: $CXX when set, else clang++ when it is on
/// PATH (it compiles Verilator's generated C++ at -O0 in about 60% of g++'s time, the bulk of a
/// co-simulation build), else g++ (Verilator's default).
std::string requireCompiler() {
    const char* cxx = std::getenv("CXX");
    if (cxx && *cxx) {
        if (!findTool(cxx)) throw ToolMissing(cxx);
        return cxx;
    }
    if (findTool("clang++")) return "clang++";
    if (!findTool("g++")) throw ToolMissing("g++");
    return "g++";
}

} // namespace

std::string CosimResult::summary() const {
    std::ostringstream out;
    out << id << ": ";
    if (mismatch) {
        out << "MISMATCH at cycle " << mismatch->cycle;
        if (latency > 1) out << " (step " << mismatch->step << ")";
        out << ": " << mismatch->signal << " expected " << mismatch->expected << " got " << mismatch->got << " ("
            << cycles << " cycles compared)";
        return out.str();
    }
    out << "match, " << cycles << " cycles";
    if (latency > 1) out << " (" << steps << " steps of " << latency << ")";
    out << ", " << spikes << " spikes, every state bit equal";
    if (trapCycle) out << "; both trapped at cycle " << *trapCycle << " (" << trapWhat << ")";
    return out.str();
}

CosimModel::CosimModel(std::vector<fixed::FixedModelProgram> programs, const CosimOptions& options, JobContext* job)
    : programs_(std::move(programs)), options_(options) {
    if (programs_.empty()) throw std::invalid_argument("co-simulation needs at least one program");
    for (const char* tool : {"verilator", "make"})
        if (!findTool(tool)) throw ToolMissing(tool);
    const std::string compiler = requireCompiler();

    std::string modules;
    std::vector<SvInterface> interfaces;
    for (std::size_t k = 0; k < programs_.size(); ++k) {
        SvOptions o;
        o.moduleName = "c" + std::to_string(k) + "_" + legalIdentifier(programs_[k].name);
        o.pipelineStages =
            k < options_.stagesPerProgram.size() ? options_.stagesPerProgram[k] : options_.pipelineStages;
        modules += emitSystemVerilog(programs_[k], o) + "\n";
        interfaces.push_back(svInterface(programs_[k], o));
    }
    layout_ = cosimLayout(interfaces);

    // SCS_COSIM_KEEP=DIR keeps every build made without a work folder under DIR, to look at a
    // failing run (CI) or time the build.
    const char* keep = std::getenv("SCS_COSIM_KEEP");
    const char* tmp = std::getenv("TMPDIR");
    temporary_ = options_.workDir.empty() && !(keep && *keep);
    if (!options_.workDir.empty())
        dir_ = options_.workDir;
    else if (keep && *keep)
        dir_ = makeUniqueDirectory(keep);
    else
        dir_ = makeUniqueDirectory(tmp && *tmp ? tmp : "/tmp");
    fs::create_directories(dir_);
    writeFile(dir_ / "modules.sv", modules);
    writeFile(dir_ / "top.sv", cosimTopModule(layout_));
    writeFile(dir_ / "harness.cpp", cosimHarness(layout_));

    // -O0 for the generated C++ unless asked: tests run many small modules briefly, so compile
    // time is what counts (at Verilator's default -Os a few hundred modules take minutes on two
    // cores). The runtime library is always -O1: it is small. Every register is reset before the
    // first compared cycle, so X-initialisation can be the cheapest (zeros), and comments in the
    // generated C++ only slow the compiler.
    const std::string level = options_.optimize ? "-O1" : "-O0";
    const auto start = Clock::now();
    ToolCommand build;
    // clang-format off
    build.argv = {"verilator", "--cc", "--exe", "--build", "-j", std::to_string(std::max(1, options_.jobs)),
                  "--top-module", kCosimTop, "-Wno-fatal", "-DSCS_NO_TRAP_FATAL",
                  "--x-initial", "fast", "--no-decoration", "--Mdir", "obj", "-o", "harness",
                  "-MAKEFLAGS", "CXX=" + compiler + " OPT_FAST=" + level + " OPT_SLOW=-O0 OPT_GLOBAL=-O1",
                  "modules.sv", "top.sv", "harness.cpp"};
    // clang-format on
    build.workDir = dir_;
    build.timeoutSeconds = options_.timeoutSeconds;
    const ToolResult result = runTool(build, job);
    buildSeconds_ = secondsSince(start);
    writeFile(dir_ / "build.log", result.output);
    if (result.timedOut) throw std::runtime_error("the Verilator build took longer than the time limit");
    if (result.exitCode != 0 || !fs::exists(dir_ / "obj" / "harness"))
        throw std::runtime_error("the Verilator build failed (exit " + std::to_string(result.exitCode) + "):\n" +
                                 tail(result.output, 25));
}

CosimModel::~CosimModel() {
    if (!temporary_) return;
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

// [SECTION] the run and the comparison

std::vector<CosimResult> CosimModel::run(const std::vector<std::vector<std::int64_t>>& inputs,
                                         const std::vector<std::string>& ids, JobContext* job) const {
    const std::size_t n = programs_.size();
    if (inputs.size() != n) throw std::invalid_argument("co-simulation needs one input sequence per program");
    // Each module takes its own number of cycles per step; the longest run sets the length.
    auto latencyOf = [&](std::size_t k) { return layout_.slots[k].ports.latency; };
    auto stepLength = [&](std::size_t k) { return static_cast<std::int64_t>(inputs[k].size()) * latencyOf(k); };
    std::int64_t cycles = 0;
    for (std::size_t k = 0; k < n; ++k) cycles = std::max(cycles, stepLength(k));

    // Stimulus: one word array per cycle; a step's input is held for all its cycles.
    const int inWords = layout_.inputWords, outWords = layout_.outputWords;
    {
        std::vector<std::uint32_t> frame(static_cast<std::size_t>(inWords));
        std::ofstream stimulus(dir_ / "stimulus.bin", std::ios::binary);
        for (std::int64_t c = 0; c < cycles; ++c) {
            std::fill(frame.begin(), frame.end(), 0u);
            for (std::size_t k = 0; k < n; ++k) {
                const CosimSlot& slot = layout_.slots[k];
                if (slot.input < 0 || c >= stepLength(k)) continue;
                const std::int64_t step = c / latencyOf(k);
                const std::int64_t code = inputs[k][static_cast<std::size_t>(step)];
                if (!programs_[k].contract.fits(code))
                    throw std::invalid_argument("input code " + std::to_string(code) + " of '" + programs_[k].name +
                                                "' at step " + std::to_string(step) + " is outside its format");
                setBits(frame.data(), inWords, slot.input, slot.ports.width, static_cast<std::uint64_t>(code));
            }
            stimulus.write(reinterpret_cast<const char*>(frame.data()), static_cast<std::streamsize>(frame.size() * 4));
        }
        if (!stimulus) throw std::runtime_error("cannot write the co-simulation stimulus");
    }

    const auto start = Clock::now();
    ToolCommand harness;
    harness.argv = {(dir_ / "obj" / "harness").string(), "stimulus.bin", "outputs.bin", std::to_string(cycles)};
    harness.workDir = dir_;
    harness.timeoutSeconds = options_.timeoutSeconds;
    const ToolResult ran = runTool(harness, job);
    runSeconds_ = secondsSince(start);
    if (ran.timedOut || ran.exitCode != 0)
        throw std::runtime_error("the co-simulation harness failed (exit " + std::to_string(ran.exitCode) +
                                 "): " + tail(ran.output, 10));

    struct Track {
        fixed::FixedStepper stepper;
        CosimResult result;
        bool done = false;
    };
    std::vector<Track> tracks;
    tracks.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        tracks.push_back({fixed::FixedStepper(programs_[k]), {}, false});
        tracks.back().result.id = k < ids.size() ? ids[k] : programs_[k].name;
        tracks.back().result.latency = latencyOf(k);
    }
    std::ifstream outputs(dir_ / "outputs.bin", std::ios::binary);
    std::vector<std::uint32_t> frame(static_cast<std::size_t>(outWords));
    for (std::int64_t c = 0; c < cycles; ++c) {
        if (!outputs.read(reinterpret_cast<char*>(frame.data()), static_cast<std::streamsize>(frame.size() * 4)))
            throw std::runtime_error("the co-simulation outputs end at cycle " + std::to_string(c));
        if ((c & 1023) == 0) checkCancelled(job);
        for (std::size_t k = 0; k < n; ++k) {
            Track& t = tracks[k];
            if (t.done || c >= stepLength(k)) continue;
            const CosimSlot& slot = layout_.slots[k];
            const fixed::FixedModelProgram& p = programs_[k];
            // Before a step's last cycle the module shows the previous step's results.
            const int latency = latencyOf(k);
            const bool stepEnds = c % latency == latency - 1;
            bool spike = false, trapped = false;
            if (stepEnds) {
                try {
                    spike = t.stepper.step(inputs[k][static_cast<std::size_t>(c / latency)]);
                } catch (const fixed::FixedOverflow& e) {
                    trapped = true;
                    t.result.trapWhat = e.what();
                }
            }
            auto differ = [&](const std::string& signal, std::int64_t expected, std::int64_t got) {
                if (expected == got) return false;
                t.result.mismatch = CosimMismatch{c, c / latency, signal, expected, got};
                return true;
            };
            const auto gotTrap = static_cast<std::int64_t>(bitsAt(frame.data(), outWords, slot.trap, 1));
            const auto gotSpike = static_cast<std::int64_t>(bitsAt(frame.data(), outWords, slot.spike, 1));
            bool bad = differ("trap", trapped, gotTrap) || differ("spike", spike, gotSpike);
            for (std::size_t s = 0; s < p.states.size() && !bad; ++s)
                bad = differ(p.states[s].name, t.stepper.state()[s],
                             decode(bitsAt(frame.data(), outWords, slot.states[s], slot.ports.width), slot.ports.width,
                                    slot.ports.isSigned));
            t.result.cycles = c + 1;
            t.result.steps = (c + 1) / latency;
            t.result.spikes += spike ? 1 : 0;
            if (trapped) t.result.trapCycle = c;
            t.done = bad || trapped;
        }
    }
    std::vector<CosimResult> results;
    for (auto& t : tracks) results.push_back(std::move(t.result));
    return results;
}

CosimResult cosimulate(const fixed::FixedModelProgram& program, const std::vector<std::int64_t>& input,
                       const CosimOptions& options, JobContext* job) {
    const CosimModel model({program}, options, job);
    return model.run({input}, {}, job).front();
}

} // namespace scs::hdl
