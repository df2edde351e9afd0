// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — RTL test helpers.
#include "HdlTestSupport.h"

#include "hdl/ToolProcess.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace scs::hdl::rtltest {

using fixed::FixedInstr;
using fixed::FixedOp;

std::vector<std::pair<fixed::Overflow, fixed::Rounding>> allModes() {
    std::vector<std::pair<fixed::Overflow, fixed::Rounding>> modes;
    for (auto o : {fixed::Overflow::Saturate, fixed::Overflow::Wrap, fixed::Overflow::Trap})
        for (auto r : {fixed::Rounding::Truncate, fixed::Rounding::Nearest, fixed::Rounding::Bankers,
                       fixed::Rounding::Stochastic})
            modes.emplace_back(o, r);
    return modes;
}

namespace {

/// Builds a program instruction by instruction.
struct Builder {
    fixed::FixedModelProgram& p;
    std::uint32_t op(FixedOp o, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0, std::string note = {}) {
        FixedInstr in;
        in.op = o;
        in.a = a;
        in.b = b;
        in.c = c;
        in.flag = fixed::isFlag(o);
        in.note = std::move(note);
        return push(std::move(in));
    }
    std::uint32_t constant(std::int64_t raw, bool flag = false) {
        FixedInstr in;
        in.imm = raw;
        in.flag = flag;
        return push(std::move(in));
    }
    std::uint32_t mulConst(std::uint32_t a, std::int64_t imm, int shift) {
        FixedInstr in;
        in.op = FixedOp::MulConst;
        in.a = a;
        in.imm = imm;
        in.shift = shift;
        return push(std::move(in));
    }
    std::uint32_t push(FixedInstr in) {
        if (fixed::rounds(in.op)) in.roundingSite = p.roundingSites++;
        p.code.push_back(std::move(in));
        return static_cast<std::uint32_t>(p.code.size() - 1);
    }
};

std::int64_t uniform(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
}

/// A raw code in the format, often one of the interesting ones (ends, zero, one LSB).
std::int64_t randomCode(std::mt19937_64& rng, const fixed::QFormat& q) {
    switch (uniform(rng, 0, 9)) {
    case 0:
        return q.rawMin();
    case 1:
        return q.rawMax();
    case 2:
        return std::clamp<std::int64_t>(0, q.rawMin(), q.rawMax());
    case 3:
        return std::clamp<std::int64_t>(1, q.rawMin(), q.rawMax());
    case 4:
        return std::clamp<std::int64_t>(std::int64_t{1} << q.fraction, q.rawMin(), q.rawMax());
    default:
        return uniform(rng, q.rawMin(), q.rawMax());
    }
}

fixed::FixedLut randomLut(std::mt19937_64& rng, const fixed::QFormat& q) {
    fixed::FixedLut lut;
    lut.function = std::string(uniform(rng, 0, 1) ? "exp" : "tanh");
    lut.shift = static_cast<int>(uniform(rng, 0, std::min(q.width, 6)));
    lut.segments = static_cast<int>(uniform(rng, 1, 20));
    const std::int64_t span = std::int64_t{lut.segments} << lut.shift;
    lut.low = uniform(rng, q.rawMin() - span / 2, q.rawMax());
    std::int64_t y = randomCode(rng, q);
    for (int k = 0; k <= lut.segments; ++k) {
        lut.table.push_back(y);
        y = uniform(rng, 0, 3)
                ? std::clamp(y + uniform(rng, -(std::int64_t{1} << (q.width / 2)), std::int64_t{1} << (q.width / 2)),
                             q.rawMin(), q.rawMax())
                : randomCode(rng, q);
    }
    lut.table.push_back(lut.table.back());
    return lut;
}

} // namespace

fixed::FixedModelProgram handLif(const fixed::FixedContract& contract, std::int64_t refractoryCycles) {
    fixed::FixedModelProgram p;
    p.name = std::string("hand_lif");
    p.contract = contract;
    p.dt = 1e-4;
    const fixed::QFormat& q = contract.format;
    const auto code = [&](double value) { return static_cast<std::int64_t>(std::ldexp(value, q.fraction)); };
    p.states = {{"v", "mV", 1e-3, code(-65), true}};
    p.input = std::string("I");
    p.inputUnit = std::string("nA");
    p.inputScale = 1e-9;
    p.equations = std::string("dv/dt = (El - v + R*I)/tau : volt (unless refractory)");
    p.thresholdText = std::string("v > -50*mV");
    p.resetText = std::string("v = -65*mV");
    p.refractoryText = std::string("2*ms");
    Builder b{p};
    const auto v = b.op(FixedOp::State, 0, 0, 0, "v");
    const auto i = b.op(FixedOp::Input, 0, 0, 0, "I");
    const auto el = b.constant(code(-65));
    const auto leak = b.op(FixedOp::Sub, el, v, 0, "El - v");
    const auto drive = b.mulConst(i, 10 << 8, 8); // R = 10 Mohm
    const auto sum = b.op(FixedOp::Add, leak, drive);
    const auto step = b.mulConst(sum, 1 << 10, 10 + 6); // dt/tau = 0.01 ~ 2^-6.6
    const auto next = b.op(FixedOp::Add, v, step, 0, "v + dt * dv/dt");
    const auto nr = b.op(FixedOp::NotRefractory);
    const auto held = b.op(FixedOp::Select, nr, next, v);
    const auto threshold = b.op(FixedOp::Gt, held, b.constant(code(-50)), 0, "v > -50*mV");
    p.nextState = {held};
    p.resetState = {el};
    p.hasThreshold = true;
    p.threshold = threshold;
    p.refractory = fixed::FixedModelProgram::Refractory::Duration;
    p.refractoryCycles = refractoryCycles;
    return p;
}

fixed::QFormat randomFormat(std::mt19937_64& rng) {
    fixed::QFormat q;
    q.width = static_cast<int>(uniform(rng, 0, 4) == 0 ? uniform(rng, 1, 32) : uniform(rng, 8, 32));
    // 32-bit unsigned formats are left out: FixedStepper multiplies in int64, which their
    // products (up to 2^64) overflow.
    q.isSigned = uniform(rng, 0, 3) != 0 || q.width == 32;
    q.fraction = static_cast<int>(uniform(rng, 0, q.isSigned ? q.width - 1 : q.width));
    return q;
}

fixed::FixedModelProgram randomProgram(std::mt19937_64& rng, const fixed::FixedContract& contract,
                                       const std::string& name) {
    using Refractory = fixed::FixedModelProgram::Refractory;
    fixed::FixedModelProgram p;
    p.name = name;
    p.contract = contract;
    const fixed::QFormat& q = contract.format;
    Builder b{p};
    std::vector<std::uint32_t> numbers, flags;
    auto anyNumber = [&] {
        // Mostly recent values, so chains of operations form.
        const std::size_t n = numbers.size();
        const std::size_t back = static_cast<std::size_t>(uniform(rng, 0, std::min<std::int64_t>(5, n - 1)));
        return uniform(rng, 0, 2) ? numbers[n - 1 - back] : numbers[static_cast<std::size_t>(uniform(rng, 0, n - 1))];
    };
    auto anyFlag = [&] {
        if (flags.empty() || uniform(rng, 0, 3) == 0) {
            const auto o =
                static_cast<FixedOp>(uniform(rng, static_cast<int>(FixedOp::Lt), static_cast<int>(FixedOp::Ne)));
            flags.push_back(b.op(o, anyNumber(), anyNumber()));
        }
        return flags[static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(flags.size()) - 1))];
    };

    const int stateCount = static_cast<int>(uniform(rng, 1, 4));
    for (int k = 0; k < stateCount; ++k) {
        std::string state(1, 's');
        state += std::to_string(k);
        p.states.push_back({state, "1", 1, randomCode(rng, q), uniform(rng, 0, 1) == 1});
        numbers.push_back(b.op(FixedOp::State, 0, 0, 0, p.states.back().name));
        p.code.back().index = k;
    }
    if (uniform(rng, 0, 3) != 0) {
        p.input = std::string("drive");
        numbers.push_back(b.op(FixedOp::Input, 0, 0, 0, "drive"));
    }
    for (int k = 0; k < 3; ++k) numbers.push_back(b.constant(randomCode(rng, q)));
    flags.push_back(b.constant(uniform(rng, 0, 1), true));

    p.refractory = static_cast<Refractory>(uniform(rng, 0, 2));
    if (p.refractory == Refractory::Duration) p.refractoryCycles = uniform(rng, 0, 40);
    if (p.refractory == Refractory::Condition) p.refractoryCondition = anyFlag();
    const auto notRefractory = b.op(FixedOp::NotRefractory);
    flags.push_back(notRefractory);

    const int count = static_cast<int>(uniform(rng, 8, 40));
    for (int k = 0; k < count; ++k) {
        const auto o =
            static_cast<FixedOp>(uniform(rng, static_cast<int>(FixedOp::Add), static_cast<int>(FixedOp::Select)));
        switch (o) {
        case FixedOp::MulConst: {
            // As the compiler makes them: |code| < 2^W, kept with up to W + F fraction bits.
            const std::int64_t limit = (std::int64_t{1} << uniform(rng, 1, q.width)) - 1;
            const int shift = static_cast<int>(uniform(rng, 0, std::min(q.width + q.fraction, 63)));
            numbers.push_back(b.mulConst(anyNumber(), uniform(rng, -limit, limit), shift));
            break;
        }
        case FixedOp::Lut: {
            p.luts.push_back(randomLut(rng, q));
            const auto v = b.op(FixedOp::Lut, anyNumber());
            p.code.back().index = static_cast<int>(p.luts.size() - 1);
            numbers.push_back(v);
            break;
        }
        case FixedOp::Div: {
            // Divisors are sometimes a zero constant, to reach the division-by-zero rule.
            const auto den = uniform(rng, 0, 7) == 0 ? b.constant(0) : anyNumber();
            numbers.push_back(b.op(o, anyNumber(), den));
            break;
        }
        case FixedOp::Lt:
        case FixedOp::Le:
        case FixedOp::Gt:
        case FixedOp::Ge:
        case FixedOp::Eq:
        case FixedOp::Ne:
            flags.push_back(uniform(rng, 0, 5) == 0 ? b.op(o, anyFlag(), anyFlag())
                                                    : b.op(o, anyNumber(), anyNumber()));
            break;
        case FixedOp::And:
        case FixedOp::Or:
            flags.push_back(b.op(o, uniform(rng, 0, 4) ? anyFlag() : anyNumber(), anyFlag()));
            break;
        case FixedOp::Not:
            flags.push_back(b.op(o, uniform(rng, 0, 4) ? anyFlag() : anyNumber()));
            break;
        case FixedOp::Select:
            if (uniform(rng, 0, 4) == 0)
                flags.push_back(b.op(o, anyFlag(), anyFlag(), anyFlag()));
            else
                numbers.push_back(b.op(o, anyFlag(), anyNumber(), anyNumber()));
            break;
        default:
            numbers.push_back(b.op(o, anyNumber(), anyNumber()));
            break;
        }
    }
    // Each state moves by a small multiple of some value (an Euler-like update), so the states
    // wander instead of jumping to a fixed point at once.
    for (int k = 0; k < stateCount; ++k) {
        const auto increment = b.mulConst(anyNumber(), uniform(rng, -255, 255), static_cast<int>(uniform(rng, 4, 10)));
        std::uint32_t next = b.op(FixedOp::Add, static_cast<std::uint32_t>(k), increment);
        if (p.states[static_cast<std::size_t>(k)].unlessRefractory)
            next = b.op(FixedOp::Select, notRefractory, next, static_cast<std::uint32_t>(k));
        p.nextState.push_back(uniform(rng, 0, 5) == 0 ? anyNumber() : next);
        numbers.push_back(next);
    }
    p.hasThreshold = uniform(rng, 0, 4) != 0;
    if (p.hasThreshold) p.threshold = b.op(FixedOp::Gt, p.nextState[0], b.constant(randomCode(rng, q)));
    for (int k = 0; k < stateCount; ++k)
        p.resetState.push_back(uniform(rng, 0, 2) == 0 ? p.nextState[static_cast<std::size_t>(k)] : anyNumber());
    return p;
}

std::vector<std::int64_t> randomDrive(std::mt19937_64& rng, const fixed::QFormat& q, std::int64_t cycles) {
    std::vector<std::int64_t> codes;
    codes.reserve(static_cast<std::size_t>(cycles));
    std::int64_t x = randomCode(rng, q);
    const std::int64_t step = std::max<std::int64_t>(1, (q.rawMax() - q.rawMin()) >> 6);
    for (std::int64_t c = 0; c < cycles; ++c) {
        const auto r = uniform(rng, 0, 999);
        if (r < 5)
            x = randomCode(rng, q);
        else if (r < 700)
            x = std::clamp(x + uniform(rng, -step, step), q.rawMin(), q.rawMax());
        codes.push_back(x);
    }
    return codes;
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
}

std::string lintWithVerilator(const std::filesystem::path& file, const std::string& module) {
    if (!findTool("verilator")) {
        ADD_FAILURE() << "verilator is not on PATH (CI installs it: apt-get install verilator)";
        return "verilator missing";
    }
    ToolCommand lint;
    lint.argv = {"verilator", "--lint-only", "-Wall", "--top-module", module, file.filename().string()};
    lint.workDir = file.parent_path();
    lint.timeoutSeconds = 120;
    const ToolResult run = runTool(lint);
    return run.exitCode == 0 && run.output.empty() ? std::string{}
                                                   : run.output + " (exit " + std::to_string(run.exitCode) + ")";
}

std::string lintAllWithVerilator(const std::filesystem::path& dir, const std::vector<std::string>& files,
                                 const std::vector<std::string>& extraOptions) {
    std::vector<std::string> argv = {"verilator", "--lint-only", "-Wall", "-Wno-MULTITOP"};
    argv.insert(argv.end(), extraOptions.begin(), extraOptions.end());
    argv.insert(argv.end(), files.begin(), files.end());
    const ToolOutput run = runIn(dir, argv);
    return run.exitCode == 0 && run.output.empty() ? std::string{}
                                                   : run.output + " (exit " + std::to_string(run.exitCode) + ")";
}

ToolOutput runIn(const std::filesystem::path& dir, const std::vector<std::string>& argv) {
    if (!findTool(argv.front())) {
        ADD_FAILURE() << argv.front() << " is not on PATH (CI installs verilator and iverilog)";
        return {};
    }
    ToolCommand command;
    command.argv = argv;
    command.workDir = dir;
    command.timeoutSeconds = 300;
    const ToolResult r = runTool(command);
    return {r.timedOut ? -1 : r.exitCode, r.output};
}

} // namespace scs::hdl::rtltest
