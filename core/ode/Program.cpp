// SPDX-License-Identifier: MIT
#include "ode/Program.h"

#include "util/VectorMath.h"

#include <cmath>

namespace scs {
namespace {

inline double sign(double x) { return (x > 0) - (x < 0); }

// Python's modulo: the result has the sign of the divisor (Brian2 follows Python).
inline double pymod(double a, double b) {
    const double r = std::fmod(a, b);
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

} // namespace

// The operation tables below are laid out one case per line on purpose.
// clang-format off
int operandCount(OpCode op) {
    switch (op) {
    case OpCode::Rand:
    case OpCode::Randn: return 0;
    case OpCode::Add: case OpCode::Sub: case OpCode::Mul: case OpCode::Div: case OpCode::Pow: case OpCode::Mod:
    case OpCode::Lt: case OpCode::Le: case OpCode::Gt: case OpCode::Ge: case OpCode::Eq: case OpCode::Ne:
    case OpCode::And: case OpCode::Or:
    case OpCode::AddTo: case OpCode::SubFrom: case OpCode::MulBy: case OpCode::DivBy: return 2;
    case OpCode::Clip: return 3;
    default: return 1;
    }
}

double applyOp(OpCode op, double a, double b, double c) {
    switch (op) {
    case OpCode::Copy: return a;
    case OpCode::Add: return a + b;
    case OpCode::Sub: return a - b;
    case OpCode::Mul: return a * b;
    case OpCode::Div: return a / b;
    case OpCode::Pow: return std::pow(a, b);
    case OpCode::Mod: return pymod(a, b);
    case OpCode::Neg: return -a;
    case OpCode::Lt: return a < b;
    case OpCode::Le: return a <= b;
    case OpCode::Gt: return a > b;
    case OpCode::Ge: return a >= b;
    case OpCode::Eq: return a == b;
    case OpCode::Ne: return a != b;
    case OpCode::And: return (a != 0) && (b != 0);
    case OpCode::Or: return (a != 0) || (b != 0);
    case OpCode::Not: return a == 0;
    case OpCode::Exp: return vmath::exp(a);
    case OpCode::Log: return std::log(a);
    case OpCode::Log10: return std::log10(a);
    case OpCode::Sqrt: return std::sqrt(a);
    case OpCode::Abs: return std::abs(a);
    case OpCode::Sin: return std::sin(a);
    case OpCode::Cos: return std::cos(a);
    case OpCode::Tan: return std::tan(a);
    case OpCode::Sinh: return std::sinh(a);
    case OpCode::Cosh: return std::cosh(a);
    case OpCode::Tanh: return std::tanh(a);
    case OpCode::Exprel: return vmath::exprel(a);
    case OpCode::Clip: return a < b ? b : (a > c ? c : a);
    case OpCode::Floor: return std::floor(a);
    case OpCode::Ceil: return std::ceil(a);
    case OpCode::Sign: return sign(a);
    case OpCode::Int: return std::trunc(a);
    case OpCode::Square: return a * a;
    case OpCode::Cube: return a * a * a;
    case OpCode::Reciprocal: return 1.0 / a;
    case OpCode::AddTo: return a + b;
    case OpCode::SubFrom: return a - b;
    case OpCode::MulBy: return a * b;
    case OpCode::DivBy: return a / b;
    case OpCode::Rand:
    case OpCode::Randn: return 0.0; // not foldable; never constant
    }
    return 0.0;
}

// exp and exprel come from vmath in every path (scalar, lanes, constant folding), so a batch lane
// and a single run of the same copy are bit-identical.
// Direct-threaded dispatch: every handler ends in its own indirect jump, which branch predictors
// learn far better than the single jump of a switch; the derivative programs are short fixed
// sequences replayed millions of times, so this is the interpreter's hot loop.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
void runScalar(const Program& p, double* s, Random* rng) {
    static void* const handlers[] = {
        &&op_copy, &&op_add, &&op_sub, &&op_mul, &&op_div, &&op_generic, &&op_generic, &&op_neg,
        &&op_generic, &&op_generic, &&op_gt, &&op_generic, &&op_generic, &&op_generic, &&op_generic,
        &&op_generic, &&op_generic,
        &&op_exp, &&op_generic, &&op_generic, &&op_generic, &&op_generic, &&op_generic, &&op_generic,
        &&op_generic, &&op_generic, &&op_generic, &&op_generic, &&op_exprel,
        &&op_generic, &&op_generic, &&op_generic, &&op_generic, &&op_generic, &&op_rand, &&op_randn,
        &&op_square, &&op_cube, &&op_reciprocal,
        &&op_add_to, &&op_sub_from, &&op_mul_by, &&op_div_by};
    static_assert(sizeof(handlers) / sizeof(handlers[0]) == static_cast<int>(OpCode::DivBy) + 1);
    const Instruction* ip = p.code.data();
    const Instruction* const end = ip + p.code.size();
#define SCS_NEXT()                                   \
    do {                                             \
        if (++ip == end) return;                     \
        goto* handlers[static_cast<int>(ip->op)];    \
    } while (0)
    if (ip == end) return;
    goto* handlers[static_cast<int>(ip->op)];
op_copy: s[ip->dst] = s[ip->a]; SCS_NEXT();
op_add: s[ip->dst] = s[ip->a] + s[ip->b]; SCS_NEXT();
op_sub: s[ip->dst] = s[ip->a] - s[ip->b]; SCS_NEXT();
op_mul: s[ip->dst] = s[ip->a] * s[ip->b]; SCS_NEXT();
op_div: s[ip->dst] = s[ip->a] / s[ip->b]; SCS_NEXT();
op_neg: s[ip->dst] = -s[ip->a]; SCS_NEXT();
op_gt: s[ip->dst] = s[ip->a] > s[ip->b]; SCS_NEXT();
op_exp: s[ip->dst] = vmath::exp(s[ip->a]); SCS_NEXT();
op_exprel: s[ip->dst] = vmath::exprel(s[ip->a]); SCS_NEXT();
op_square: { const double a = s[ip->a]; s[ip->dst] = a * a; } SCS_NEXT();
op_cube: { const double a = s[ip->a]; s[ip->dst] = a * a * a; } SCS_NEXT();
op_reciprocal: s[ip->dst] = 1.0 / s[ip->a]; SCS_NEXT();
op_rand: s[ip->dst] = rng->uniform(); SCS_NEXT();
op_randn: s[ip->dst] = rng->normal(); SCS_NEXT();
op_add_to: s[ip->dst] += s[ip->a]; SCS_NEXT();
op_sub_from: s[ip->dst] -= s[ip->a]; SCS_NEXT();
op_mul_by: s[ip->dst] *= s[ip->a]; SCS_NEXT();
op_div_by: s[ip->dst] /= s[ip->a]; SCS_NEXT();
op_generic: s[ip->dst] = applyOp(ip->op, s[ip->a], s[ip->b], s[ip->c]); SCS_NEXT();
#undef SCS_NEXT
}
#pragma GCC diagnostic pop

// Each lane loop vectorises; the AVX2 clone is picked at load time on machines that have it, the
// default clone runs anywhere x86-64 does.
__attribute__((target_clones("avx2", "default")))
void runLanes(const Program& p, double* s, int lanes, Random* rngs) {
    const std::size_t L = static_cast<std::size_t>(lanes);
    for (const Instruction& in : p.code) {
        double* __restrict d = s + in.dst * L;
        const double* a = s + in.a * L;
        const double* b = s + in.b * L;
        switch (in.op) {
        case OpCode::Copy: for (std::size_t l = 0; l < L; ++l) d[l] = a[l]; break;
        case OpCode::Add: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] + b[l]; break;
        case OpCode::Sub: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] - b[l]; break;
        case OpCode::Mul: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] * b[l]; break;
        case OpCode::Div: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] / b[l]; break;
        case OpCode::Neg: for (std::size_t l = 0; l < L; ++l) d[l] = -a[l]; break;
        case OpCode::Square: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] * a[l]; break;
        case OpCode::Cube: for (std::size_t l = 0; l < L; ++l) d[l] = a[l] * a[l] * a[l]; break;
        case OpCode::Reciprocal: for (std::size_t l = 0; l < L; ++l) d[l] = 1.0 / a[l]; break;
        case OpCode::Exp: for (std::size_t l = 0; l < L; ++l) d[l] = vmath::exp(a[l]); break;
        case OpCode::Exprel: for (std::size_t l = 0; l < L; ++l) d[l] = vmath::exprel(a[l]); break;
        case OpCode::AddTo: for (std::size_t l = 0; l < L; ++l) d[l] += a[l]; break;
        case OpCode::SubFrom: for (std::size_t l = 0; l < L; ++l) d[l] -= a[l]; break;
        case OpCode::MulBy: for (std::size_t l = 0; l < L; ++l) d[l] *= a[l]; break;
        case OpCode::DivBy: for (std::size_t l = 0; l < L; ++l) d[l] /= a[l]; break;
        case OpCode::Rand: for (std::size_t l = 0; l < L; ++l) d[l] = rngs[l].uniform(); break;
        case OpCode::Randn: for (std::size_t l = 0; l < L; ++l) d[l] = rngs[l].normal(); break;
        default: {
            const double* c = s + in.c * L;
            for (std::size_t l = 0; l < L; ++l) d[l] = applyOp(in.op, a[l], b[l], c[l]);
        }
        }
    }
}

void runOnLanes(const Program& p, double* slots, int lanes, const std::vector<int>& which,
                const std::vector<std::uint16_t>& writeBack, std::vector<double>& scratch, Random* rngs) {
    const auto L = static_cast<std::size_t>(lanes);
    const std::size_t slotCount = scratch.size();
    for (int lane : which) {
        const auto l = static_cast<std::size_t>(lane);
        for (std::size_t k = 0; k < slotCount; ++k) scratch[k] = slots[k * L + l];
        runScalar(p, scratch.data(), rngs ? &rngs[l] : nullptr);
        for (std::uint16_t s : writeBack) slots[s * L + l] = scratch[s];
    }
}

// clang-format on

} // namespace scs
