// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the datapath printer. Every wide temporary is sized so the exact result
// fits (as FixedContract's __int128 arithmetic), then rounded and fitted to W bits the same way.
//
// [SECTION] helpers
// [SECTION] fit and roundShift
// [SECTION] division
// [SECTION] lookup tables
// [SECTION] instructions

#include "SvDatapath.h"

#include "SvText.h"

#include <algorithm>
#include <optional>

namespace scs::hdl {

using fixed::FixedOp;
using fixed::Overflow;
using fixed::Rounding;
using fixed::Wide;

namespace {

std::string bit(const std::string& net, int index) { return net + "[" + std::to_string(index) + "]"; }
std::string slice(const std::string& net, int high, int low) {
    return net + "[" + std::to_string(high) + ":" + std::to_string(low) + "]";
}
std::string zeros(int n) { return sv::cat("{", std::to_string(n), "{1'b0}}"); }

} // namespace

SvDatapath::SvDatapath(const fixed::FixedModelProgram& program, const ProgramShape& shape, const PipelinePlan& plan,
                       IdentifierScope& scope, SvDatapathInputs inputs)
    : p_(program), shape_(shape), plan_(plan), scope_(scope), in_(std::move(inputs)), w_(program.contract.format.width),
      f_(program.contract.format.fraction), signed_(program.contract.format.isSigned) {}

// [SECTION] helpers

std::string SvDatapath::value(std::uint32_t v) const {
    const bool fromRegister = plan_.registered[v] && plan_.stage[v] < currentStage_;
    return fromRegister ? registerNames_.at(v) : names_[v];
}

std::string SvDatapath::flag(std::uint32_t v) const { return shape_.flag[v] ? value(v) : "(|" + value(v) + ")"; }

std::string SvDatapath::counterIsZero() const {
    return "(" + in_.counter + " == " + sv::literal(in_.counterWidth, 0, false) + ")";
}

void SvDatapath::declare(const std::string& name, int width, bool isSigned, const std::string& expr,
                         const std::string& comment) {
    const std::string range = sv::netRange(width, isSigned);
    nets_ << "    wire " << range << (range.empty() ? "" : " ") << name << " = " << expr << ";";
    if (!comment.empty()) nets_ << " // " << sv::commentText(comment);
    nets_ << '\n';
}

std::string SvDatapath::extend(const std::string& value, int to) const {
    if (to == w_) return value;
    const std::string fill = signed_ ? bit(value, w_ - 1) : "1'b0";
    return sv::cat("{{", std::to_string(to - w_), "{", fill, "}}, ", value, "}");
}

std::string SvDatapath::lit(int width, Wide value) const { return sv::literal(width, value, true); }

std::string SvDatapath::rawLimit(bool max) const {
    const fixed::QFormat& q = p_.contract.format;
    return sv::literal(w_, max ? q.rawMax() : q.rawMin(), signed_);
}

std::string SvDatapath::random(int site) {
    const int r = (5 * site) % 16;
    auto it = rotations_.find(r);
    if (it == rotations_.end()) it = rotations_.emplace(r, scope_.claim(in_.lfsr + "_rot" + std::to_string(r))).first;
    return it->second;
}

// [SECTION] fit and roundShift

std::string SvDatapath::fit(std::uint32_t v, const std::string& wide, int width) {
    const Overflow mode = p_.contract.overflow;
    if (mode == Overflow::Wrap) {
        unused_.push_back(wide); // only its low W bits matter
        return slice(wide, w_ - 1, 0);
    }
    // Outside the range: a signed result's bits above the sign differ from it; an unsigned
    // result has a bit set above W.
    const std::string out = signed_ ? sv::cat("(", slice(wide, width - 1, w_ - 1), " != {",
                                              std::to_string(width - w_ + 1), "{", bit(wide, width - 1), "}})")
                                    : sv::cat("(|", slice(wide, width - 1, w_), ")");
    const std::string overflow = temp(v, "ovf");
    declare(overflow, 1, false, out);
    if (mode == Overflow::Trap) {
        overflows_.push_back({currentStage_, overflow});
        return slice(wide, w_ - 1, 0);
    }
    return overflow + " ? (" + bit(wide, width - 1) + " ? " + rawLimit(false) + " : " + rawLimit(true) +
           ") : " + slice(wide, w_ - 1, 0);
}

std::string SvDatapath::roundShift(std::uint32_t v, const std::string& wide, int width, int bits, int site) {
    if (bits <= 0) return wide;
    Rounding mode = p_.contract.rounding;
    if (mode == Rounding::Stochastic && site < 0) mode = Rounding::Truncate; // no random word: noise 0
    const std::string shifted = temp(v, "shr");
    switch (mode) {
    case Rounding::Truncate:
        declare(shifted, width, true, wide + " >>> " + std::to_string(bits), "floor");
        return shifted;
    case Rounding::Stochastic: {
        // FixedContract::roundShift: add the random word's top bits below the LSB, then floor.
        const std::string r = random(site);
        const std::string noise = bits <= 16 ? sv::cat("{", zeros(width - bits), ", ", slice(r, 15, 16 - bits), "}")
                                             : sv::cat("{", zeros(width - bits), ", ", r, ", ", zeros(bits - 16), "}");
        const std::string sum = temp(v, "noisy");
        declare(sum, width, true, wide + " + " + noise, "plus random bits below the LSB");
        declare(shifted, width, true, sum + " >>> " + std::to_string(bits), "stochastic floor");
        return shifted;
    }
    case Rounding::Nearest:
    case Rounding::Bankers: {
        declare(shifted, width, true, wide + " >>> " + std::to_string(bits), "floor");
        // Above half: round up. Exactly half: up when the floor is >= 0 (ties away from zero) or
        // odd (ties to even).
        const std::string tie = mode == Rounding::Nearest ? sv::cat("!", bit(shifted, width - 1)) : bit(shifted, 0);
        const std::string below = bits == 1 ? tie : sv::cat("(|", slice(wide, bits - 2, 0), ") || ", tie);
        const std::string up = temp(v, "up");
        declare(up, 1, false, bit(wide, bits - 1) + " && (" + below + ")");
        const std::string rounded = temp(v, "rnd");
        declare(rounded, width, true, shifted + " + {" + zeros(width - 1) + ", " + up + "}",
                mode == Rounding::Nearest ? "to nearest, ties away from zero" : "to nearest, ties to even");
        return rounded;
    }
    }
    return wide;
}

// [SECTION] division

std::string SvDatapath::divide(std::uint32_t v, const fixed::FixedInstr& in) {
    // FixedContract::div: (a << F) / b with a floor, then rounded by the remainder; b == 0 gives
    // the end of the range in a's sign (or traps).
    const int n = w_ + f_ + 3;
    const std::string a = value(in.a);
    const std::string b = value(in.b);
    const std::string zero = temp(v, "by0"), neg = temp(v, "negd"), num = temp(v, "num"), den = temp(v, "den");
    const std::string qt = temp(v, "qt"), rt = temp(v, "rt"), fl = temp(v, "fl"), q = temp(v, "q");
    declare(zero, 1, false, b + " == " + sv::literal(w_, 0, signed_), "division by zero");
    const std::string numerator = f_ == 0 ? extend(a, n) : sv::cat("{", extend(a, n - f_), ", ", zeros(f_), "}");
    declare(neg, 1, false, signed_ ? bit(b, w_ - 1) : "1'b0");
    declare(num, n, true, neg + " ? " + lit(n, 0) + " - " + numerator + " : " + numerator, "a << F, sign moved");
    // A zero divisor is replaced by 1 so simulators never produce X; the result is overridden.
    declare(den, n, true,
            zero + " ? " + lit(n, 1) + " : (" + neg + " ? " + lit(n, 0) + " - " + extend(b, n) + " : " + extend(b, n) +
                ")");
    declare(qt, n, true, num + " / " + den, "truncated towards zero");
    declare(rt, n, true, num + " % " + den);
    declare(fl, 1, false, "(" + rt + " != " + lit(n, 0) + ") && " + bit(num, n - 1), "floor correction");
    declare(q, n, true, qt + " - {" + zeros(n - 1) + ", " + fl + "}", "floor");

    std::string rounded = q;
    Rounding mode = p_.contract.rounding;
    if (mode == Rounding::Stochastic && in.roundingSite < 0) mode = Rounding::Truncate;
    if (mode != Rounding::Truncate) {
        const std::string rem = temp(v, "rem"), up = temp(v, "up");
        declare(rem, n, true, fl + " ? " + rt + " + " + den + " : " + rt, "0 <= rem < den");
        if (mode == Rounding::Stochastic) {
            // (rem << 16) + random * den >= den << 16, exact in n + 18 unsigned bits.
            const int m = n + 18;
            const std::string lhs = temp(v, "sl"), rhs = temp(v, "sr");
            declare(lhs, m, false,
                    "{2'b00, " + rem + ", 16'h0000} + {" + zeros(n + 2) + ", " + random(in.roundingSite) + "} * {" +
                        zeros(18) + ", " + den + "}");
            declare(rhs, m, false, "{2'b00, " + den + ", 16'h0000}");
            declare(up, 1, false, lhs + " >= " + rhs, "stochastic: up with probability rem/den");
        } else {
            const std::string twice = temp(v, "rem2");
            declare(twice, n, true, rem + " <<< 1");
            const std::string tie = mode == Rounding::Nearest ? sv::cat("!", bit(q, n - 1)) : bit(q, 0);
            declare(up, 1, false,
                    "(" + rem + " != " + lit(n, 0) + ") && ((" + twice + " > " + den + ") || ((" + twice +
                        " == " + den + ") && " + tie + "))",
                    mode == Rounding::Nearest ? "to nearest, ties away from zero" : "to nearest, ties to even");
        }
        rounded = temp(v, "rnd");
        declare(rounded, n, true, q + " + {" + zeros(n - 1) + ", " + up + "}");
    }
    const std::string fitted = temp(v, "fit");
    declare(fitted, w_, signed_, fit(v, rounded, n));
    if (p_.contract.overflow == Overflow::Trap) overflows_.push_back({currentStage_, zero});
    const std::string signOfA = signed_ ? bit(a, w_ - 1) : "1'b0";
    return zero + " ? (" + signOfA + " ? " + rawLimit(false) + " : " + rawLimit(true) + ") : " + fitted;
}

// [SECTION] lookup tables

std::string SvDatapath::lutTable(int index) {
    // One packed constant per table, entry k at bits [k*W +: W], read with an indexed part-select.
    // (A function with a case per entry compiles to a switch at every call site: hundreds of
    // modules with 258-entry tables took Verilator's C++ compile minutes. Icarus does not take
    // unpacked array parameters, so the table is one wide vector.)
    if (auto it = lutTables_.find(index); it != lutTables_.end()) return it->second;
    const fixed::FixedLut& lut = p_.luts[static_cast<std::size_t>(index)];
    const std::string name = scope_.claim("lut_" + lut.function);
    const std::size_t n = lut.table.size();
    std::ostringstream out;
    out << "    // " << sv::commentText(lut.function) << " sampled at " << lut.segments + 1 << " points from raw "
        << lut.low << " every 2^" << lut.shift << " (largest error " << lut.maxError << "); entry k at ["
        << "k*" << w_ << " +: " << w_ << "]\n";
    out << "    localparam [" << n * static_cast<std::size_t>(w_) - 1 << ":0] " << name << " = {";
    for (std::size_t k = n; k-- > 0;) {
        if ((n - 1 - k) % 8 == 0) out << "\n        /* " << k << " */";
        out << ' ' << sv::literal(w_, lut.table[k], false) << (k ? "," : "");
    }
    out << "\n    };\n";
    tables_ += out.str();
    return lutTables_[index] = name;
}

std::string SvDatapath::lookup(std::uint32_t v, const fixed::FixedInstr& in) {
    // fixed::lookup: clamp to [low, high], index = offset >> shift, interpolate with the rest.
    const fixed::FixedLut& lut = p_.luts[static_cast<std::size_t>(in.index)];
    const std::string table = lutTable(in.index);
    const int ib = fixed::indexBits(lut), s = lut.shift;
    const int lw = std::max({w_ + 2, sv::signedBits(lut.low) + 1, sv::signedBits(lut.high()) + 1, s + ib + 1}) + 1;
    // Bits of a position in the table vector: Verilator wants exactly enough to address it.
    const int pb = sv::unsignedBits(static_cast<std::int64_t>(lut.table.size()) * w_ - 1);
    const std::string x = temp(v, "x"), c = temp(v, "clamp"), o = temp(v, "off"), i = temp(v, "i");
    const std::string at = temp(v, "at"), t0 = temp(v, "t0");
    declare(x, lw, true, extend(value(in.a), lw));
    declare(c, lw, true,
            sv::cat(x, " < ", lit(lw, lut.low), " ? ", lit(lw, lut.low), " : (", x, " > ", lit(lw, lut.high()), " ? ",
                    lit(lw, lut.high()), " : ", x, ")"));
    declare(o, lw, true, c + " - " + lit(lw, lut.low));
    unused_.push_back(o); // bits above the index
    declare(i, ib, false, slice(o, s + ib - 1, s), "segment");
    declare(at, pb, false,
            sv::cat(pb > ib ? sv::cat("{", zeros(pb - ib), ", ", i, "}") : i, " * ", sv::literal(pb, w_, false)));
    declare(t0, w_, signed_, sv::cat(table, "[", at, " +: ", std::to_string(w_), "]"));
    if (s == 0) return t0;
    const int d = w_ + 3 + s;
    const std::string frac = temp(v, "frac"), at1 = temp(v, "at1"), t1 = temp(v, "t1"), diff = temp(v, "diff");
    const std::string step = temp(v, "step"), shifted = temp(v, "shr");
    declare(frac, s, false, slice(o, s - 1, 0), "position inside the segment");
    declare(at1, pb, false, sv::cat(at, " + ", sv::literal(pb, w_, false)));
    declare(t1, w_, signed_, sv::cat(table, "[", at1, " +: ", std::to_string(w_), "]"));
    declare(diff, d, true, extend(t1, d) + " - " + extend(t0, d));
    declare(step, d, true, diff + " * {" + zeros(d - s) + ", " + frac + "}");
    declare(shifted, d, true, step + " >>> " + std::to_string(s));
    unused_.push_back(shifted); // the interpolated step fits in W bits
    return t0 + " + " + slice(shifted, w_ - 1, 0);
}

// [SECTION] instructions

std::optional<bool> SvDatapath::knownComparison(const fixed::FixedInstr& in) const {
    const bool flags = shape_.flag[in.a];
    const std::int64_t low = flags ? 0 : p_.contract.format.rawMin(), high = flags ? 1 : p_.contract.format.rawMax();
    auto constant = [&](std::uint32_t v) -> std::optional<std::int64_t> {
        if (p_.code[v].op == FixedOp::Const) return p_.code[v].imm;
        return std::nullopt;
    };
    const auto a = constant(in.a), b = constant(in.b);
    auto compare = [&](std::int64_t x, std::int64_t y) {
        switch (in.op) {
        case FixedOp::Lt:
            return x < y;
        case FixedOp::Le:
            return x <= y;
        case FixedOp::Gt:
            return x > y;
        case FixedOp::Ge:
            return x >= y;
        case FixedOp::Eq:
            return x == y;
        default:
            return x != y;
        }
    };
    if (in.a == in.b) return compare(0, 0);
    if (a && b) return compare(*a, *b);
    // One side at an end of the range: x < MIN, x <= MAX, MAX < x, MIN <= x ...
    const bool lowFirst = in.op == FixedOp::Lt || in.op == FixedOp::Le;
    const auto& smaller = lowFirst ? a : b; // the side that must be the smaller one
    const auto& larger = lowFirst ? b : a;
    const bool strict = in.op == FixedOp::Lt || in.op == FixedOp::Gt;
    if (in.op == FixedOp::Eq || in.op == FixedOp::Ne) return std::nullopt;
    if (strict && larger && *larger == low) return false;    // x < MIN
    if (strict && smaller && *smaller == high) return false; // MAX < x
    if (!strict && larger && *larger == high) return true;   // x <= MAX
    if (!strict && smaller && *smaller == low) return true;  // MIN <= x
    return std::nullopt;
}

std::string SvDatapath::expression(std::uint32_t v, const fixed::FixedInstr& in) {
    const std::string a = value(in.a), b = value(in.b);
    const int wide = w_ + 2; // sums, differences, negations and ceilings of W-bit values
    if (in.op >= FixedOp::Lt && in.op <= FixedOp::Ne) {
        if (const auto known = knownComparison(in)) {
            // Printed as a constant: lint would flag the comparison itself (CMPCONST, UNSIGNED).
            unused_.push_back(a);
            unused_.push_back(b);
            return *known ? "1'b1" : "1'b0";
        }
    }
    switch (in.op) {
    case FixedOp::Const:
        return shape_.flag[v] ? (in.imm ? "1'b1" : "1'b0") : sv::literal(w_, in.imm, signed_);
    case FixedOp::State:
        return in_.states[static_cast<std::size_t>(in.index)];
    case FixedOp::Input:
        return in_.input;
    case FixedOp::NotRefractory:
        switch (p_.refractory) {
        case fixed::FixedModelProgram::Refractory::None:
            return "1'b1";
        case fixed::FixedModelProgram::Refractory::Duration:
            return counterIsZero();
        case fixed::FixedModelProgram::Refractory::Condition:
            return sv::cat("!", flag(p_.refractoryCondition));
        }
        return "1'b1";
    case FixedOp::Add:
    case FixedOp::Sub:
    case FixedOp::Neg:
    case FixedOp::Abs:
    case FixedOp::Ceil: {
        if (in.op == FixedOp::Ceil && f_ == 0) return a;
        const std::string exact = temp(v, "exact");
        std::string expr;
        if (in.op == FixedOp::Add) expr = extend(a, wide) + " + " + extend(b, wide);
        if (in.op == FixedOp::Sub) expr = extend(a, wide) + " - " + extend(b, wide);
        if (in.op == FixedOp::Neg) expr = lit(wide, 0) + " - " + extend(a, wide);
        if (in.op == FixedOp::Abs)
            expr = signed_ ? bit(a, w_ - 1) + " ? " + lit(wide, 0) + " - " + extend(a, wide) + " : " + extend(a, wide)
                           : extend(a, wide);
        if (in.op == FixedOp::Ceil) // up to the next whole number: add 2^F - 1, clear the fraction
            expr = sv::cat("(", extend(a, wide), " + ", lit(wide, (Wide{1} << f_) - 1), ") & ",
                           lit(wide, -(Wide{1} << f_)));
        declare(exact, wide, true, expr);
        return fit(v, exact, wide);
    }
    case FixedOp::Mul:
    case FixedOp::MulConst: {
        // Exact, and no wider than needed (past 64 bits Verilator's C++ slows down): a W x W
        // product of signed formats is at most 2^(2W-2) in magnitude, so with the random bits
        // below the LSB it still fits 2W bits; unsigned ones need one more for the sign. A
        // constant of B bits times a W-bit value fits W + B bits (W + 1 + B unsigned); adding
        // up to 2^bits of noise may need one bit above the larger of the two.
        const bool constant = in.op == FixedOp::MulConst;
        const int bits = constant ? std::max(in.shift, 0) : f_;
        const int operand = signed_ ? w_ : w_ + 1;
        const int n =
            constant ? std::max(operand + sv::signedBits(in.imm), bits + 1) + 1 : (signed_ ? 2 * w_ : 2 * w_ + 1);
        const std::string exact = temp(v, "prod");
        declare(exact, n, true, extend(a, n) + " * " + (constant ? lit(n, in.imm) : extend(b, n)));
        return fit(v, roundShift(v, exact, n, bits, in.roundingSite), n);
    }
    case FixedOp::Div:
        return divide(v, in);
    case FixedOp::Min:
        return "(" + b + " < " + a + ") ? " + b + " : " + a;
    case FixedOp::Max:
        return "(" + a + " < " + b + ") ? " + b + " : " + a;
    case FixedOp::Floor: // clear the fraction bits: towards -infinity, never out of range
        if (f_ == 0) return a;
        if (f_ == w_) {
            unused_.push_back(a);
            return sv::literal(w_, 0, signed_);
        }
        return a + " & " + sv::literal(w_, -(Wide{1} << f_), signed_);
    case FixedOp::Lut:
        return lookup(v, in);
    case FixedOp::Lt:
        return a + " < " + b;
    case FixedOp::Le:
        return a + " <= " + b;
    case FixedOp::Gt:
        return a + " > " + b;
    case FixedOp::Ge:
        return a + " >= " + b;
    case FixedOp::Eq:
        return a + " == " + b;
    case FixedOp::Ne:
        return a + " != " + b;
    case FixedOp::And:
        return flag(in.a) + " && " + flag(in.b);
    case FixedOp::Or:
        return flag(in.a) + " || " + flag(in.b);
    case FixedOp::Not:
        return sv::cat("!", flag(in.a));
    case FixedOp::Select:
        return flag(in.a) + " ? " + b + " : " + value(in.c);
    }
    return a;
}

void SvDatapath::print() {
    names_.clear();
    for (std::size_t v = 0; v < p_.code.size(); ++v) names_.push_back(scope_.claim(sv::cat("n", std::to_string(v))));
    for (std::size_t v = 0; v < p_.code.size(); ++v) {
        if (!plan_.registered[v]) continue;
        const auto id = static_cast<std::uint32_t>(v);
        registerNames_[id] = scope_.claim(names_[v] + "_r");
        registers_.push_back(
            {registerNames_[id], names_[v], shape_.flag[v] ? 1 : w_, !shape_.flag[v] && signed_, plan_.stage[v]});
    }
    for (std::size_t v = 0; v < p_.code.size(); ++v) {
        const fixed::FixedInstr& in = p_.code[v];
        const auto id = static_cast<std::uint32_t>(v);
        currentStage_ = plan_.stage[v];
        if (plan_.stages > 0 && (v == 0 || plan_.stage[v] != plan_.stage[v - 1]) && !plan_.stable[v])
            nets_ << "    // stage " << currentStage_ << '\n';
        const std::string expr = expression(id, in);
        std::string comment = fixed::name(in.op);
        if (!in.note.empty()) comment += ": " + in.note;
        declare(names_[v], shape_.flag[v] ? 1 : w_, !shape_.flag[v] && signed_, expr, comment);
        if (shape_.uses[v] == 0) unused_.push_back(names_[v]);
    }
    currentStage_ = plan_.stages; // what the module reads afterwards, it reads in the last stage
}

} // namespace scs::hdl
