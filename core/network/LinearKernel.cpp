// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the vectorised step of NeuronArray's fast path.
#include "network/LinearKernel.h"

#include <cstring>

namespace scs::detail {

namespace {

/// The active-only step for N states: x' = E(active) x + b(active) for every lane. Rows whose bit is
/// set in `Diagonal` depend only on their own state (decaying synaptic variables), so they skip the
/// zero terms. Returns whether a new state is NaN or infinite (exponent bits all ones).
template <std::size_t N, unsigned Diagonal>
__attribute__((always_inline)) inline bool integrateActive(const BlockArgs& k, std::size_t l0, std::size_t B) {
    double* __restrict x[N];
    for (std::size_t i = 0; i < N; ++i) x[i] = k.slots + k.stateSlots[i] * k.L + l0;
    double ea[N][N], oa[N];
    for (std::size_t i = 0; i < N; ++i) {
        oa[i] = k.offActive[i];
        for (std::size_t j = 0; j < N; ++j) ea[i][j] = k.denseActive[i * N + j];
    }
    std::uint64_t bad = 0;
    for (std::size_t l = 0; l < B; ++l) {
        double in[N], out[N];
        for (std::size_t j = 0; j < N; ++j) in[j] = x[j][l];
        for (std::size_t i = 0; i < N; ++i) {
            if ((Diagonal >> i) & 1u) {
                out[i] = oa[i] + ea[i][i] * in[i];
            } else {
                double acc = oa[i];
                for (std::size_t j = 0; j < N; ++j) acc += ea[i][j] * in[j];
                out[i] = acc;
            }
        }
        for (std::size_t i = 0; i < N; ++i) {
            std::uint64_t bits;
            std::memcpy(&bits, &out[i], sizeof bits);
            bad |= (bits & 0x7FF0000000000000ULL) == 0x7FF0000000000000ULL;
            x[i][l] = out[i];
        }
    }
    return bad != 0;
}

/// The same step for a model with exactly N states (N <= 4, uniform offsets): all rows of a lane are
/// computed in registers, one pass over the states instead of one per matrix entry. Returns whether the
/// block may hold a NaN or infinity (the active-only pass checks as it goes; the blended one does not).
template <std::size_t N>
__attribute__((always_inline)) inline bool integrateDense(const BlockArgs& k, std::size_t l0, std::size_t B,
                                                          const double* __restrict nr) {
    double* __restrict x[N];
    for (std::size_t i = 0; i < N; ++i) x[i] = k.slots + k.stateSlots[i] * k.L + l0;
    double ef[N][N], ed[N][N], of[N], od[N];
    for (std::size_t i = 0; i < N; ++i) {
        of[i] = k.offFrozen[i];
        od[i] = k.offActive[i] - k.offFrozen[i];
        for (std::size_t j = 0; j < N; ++j) ef[i][j] = k.denseFrozen[i * N + j], ed[i][j] = k.denseDelta[i * N + j];
    }
    for (std::size_t l = 0; l < B; ++l) {
        double in[N], out[N];
        for (std::size_t j = 0; j < N; ++j) in[j] = x[j][l];
        for (std::size_t i = 0; i < N; ++i) {
            double acc = of[i] + nr[l] * od[i];
            for (std::size_t j = 0; j < N; ++j) acc += (ef[i][j] + nr[l] * ed[i][j]) * in[j];
            out[i] = acc;
        }
        for (std::size_t i = 0; i < N; ++i) x[i][l] = out[i];
    }
    return true; // the caller checks finiteness
}

/// Non-zero when a state of lanes [l0, l0 + B) is NaN or infinite (exponent bits all ones).
__attribute__((always_inline)) inline int checkFinite(const BlockArgs& k, std::size_t l0, std::size_t B) {
    std::uint64_t bad = 0;
    constexpr std::uint64_t kExponent = 0x7FF0000000000000ULL;
    for (std::size_t i = 0; i < k.n; ++i) {
        const double* __restrict x = k.slots + k.stateSlots[i] * k.L + l0;
        for (std::size_t l = 0; l < B; ++l) {
            std::uint64_t bits;
            std::memcpy(&bits, x + l, sizeof bits);
            bad |= (bits & kExponent) == kExponent;
        }
    }
    return bad != 0;
}

/// The inline threshold ("a > b" on two slots) and not refractory, into k.fired. Always returns 0.
__attribute__((always_inline)) inline int checkThreshold(const BlockArgs& k, std::size_t l0, std::size_t B,
                                                         const double* __restrict nr) {
    if (!k.thresholdOp) return 0;
    if (k.activeOnly) { // refractory lanes are filtered by the caller
        const double* __restrict a = k.thrA + l0;
        const double* __restrict b = k.thrB + l0;
        std::uint8_t* __restrict fired = k.fired;
        switch (k.thresholdOp) {
        case 1:
            for (std::size_t l = 0; l < B; ++l) fired[l] = a[l] > b[l];
            break;
        case 2:
            for (std::size_t l = 0; l < B; ++l) fired[l] = a[l] >= b[l];
            break;
        case 3:
            for (std::size_t l = 0; l < B; ++l) fired[l] = a[l] < b[l];
            break;
        default:
            for (std::size_t l = 0; l < B; ++l) fired[l] = a[l] <= b[l];
            break;
        }
        return 0;
    }
    const double* __restrict a = k.thrA + l0;
    const double* __restrict b = k.thrB + l0;
    std::uint8_t* __restrict fired = k.fired;
    switch (k.thresholdOp) {
    case 1:
        for (std::size_t l = 0; l < B; ++l) fired[l] = (a[l] > b[l]) & (nr[l] != 0.0);
        break;
    case 2:
        for (std::size_t l = 0; l < B; ++l) fired[l] = (a[l] >= b[l]) & (nr[l] != 0.0);
        break;
    case 3:
        for (std::size_t l = 0; l < B; ++l) fired[l] = (a[l] < b[l]) & (nr[l] != 0.0);
        break;
    default:
        for (std::size_t l = 0; l < B; ++l) fired[l] = (a[l] <= b[l]) & (nr[l] != 0.0);
        break;
    }
    return 0;
}

} // namespace

/// For lanes [l0, l1) (at most kBlock): refractory mask, x' = E x + b with E and b blended per lane by
/// the mask, new states written back, the inline threshold into `fired`. Returns non-zero when a
/// state became NaN or infinite. Compiled for x86-64-v3 (AVX2, FMA) and plain x86-64; the loader
/// picks the clone the machine supports.
__attribute__((target_clones("arch=x86-64-v3", "default"))) int integrateBlock(const BlockArgs& k, std::size_t l0,
                                                                               std::size_t l1) {
    const std::size_t B = l1 - l0, L = k.L;
    double* __restrict nr = k.notRefractory + l0;
    if (k.lastSpike && !k.activeOnly) {
        const std::int64_t* __restrict last = k.lastSpike + l0;
        const std::int64_t* __restrict ref = k.refractorySteps + l0;
        for (std::size_t l = 0; l < B; ++l) nr[l] = (k.step - last[l]) >= ref[l] ? 1.0 : 0.0;
    }
    if (k.activeOnly && k.uniformOffsets && k.n >= 1 && k.n <= 4) {
        bool check = false;
        switch (k.n * 16 + k.diagonalRows) {
        case 16:
            check = integrateActive<1, 0>(k, l0, B);
            break;
        case 17:
            check = integrateActive<1, 1>(k, l0, B);
            break;
        case 32:
            check = integrateActive<2, 0>(k, l0, B);
            break;
        case 33:
            check = integrateActive<2, 1>(k, l0, B);
            break;
        case 34:
            check = integrateActive<2, 2>(k, l0, B);
            break;
        case 35:
            check = integrateActive<2, 3>(k, l0, B);
            break;
        case 48:
            check = integrateActive<3, 0>(k, l0, B);
            break;
        case 49:
            check = integrateActive<3, 1>(k, l0, B);
            break;
        case 50:
            check = integrateActive<3, 2>(k, l0, B);
            break;
        case 51:
            check = integrateActive<3, 3>(k, l0, B);
            break;
        case 52:
            check = integrateActive<3, 4>(k, l0, B);
            break;
        case 53:
            check = integrateActive<3, 5>(k, l0, B);
            break;
        case 54:
            check = integrateActive<3, 6>(k, l0, B);
            break;
        case 55:
            check = integrateActive<3, 7>(k, l0, B);
            break;
        case 64:
            check = integrateActive<4, 0>(k, l0, B);
            break;
        case 65:
            check = integrateActive<4, 1>(k, l0, B);
            break;
        case 66:
            check = integrateActive<4, 2>(k, l0, B);
            break;
        case 67:
            check = integrateActive<4, 3>(k, l0, B);
            break;
        case 68:
            check = integrateActive<4, 4>(k, l0, B);
            break;
        case 69:
            check = integrateActive<4, 5>(k, l0, B);
            break;
        case 70:
            check = integrateActive<4, 6>(k, l0, B);
            break;
        case 71:
            check = integrateActive<4, 7>(k, l0, B);
            break;
        case 72:
            check = integrateActive<4, 8>(k, l0, B);
            break;
        case 73:
            check = integrateActive<4, 9>(k, l0, B);
            break;
        case 74:
            check = integrateActive<4, 10>(k, l0, B);
            break;
        case 75:
            check = integrateActive<4, 11>(k, l0, B);
            break;
        case 76:
            check = integrateActive<4, 12>(k, l0, B);
            break;
        case 77:
            check = integrateActive<4, 13>(k, l0, B);
            break;
        case 78:
            check = integrateActive<4, 14>(k, l0, B);
            break;
        case 79:
            check = integrateActive<4, 15>(k, l0, B);
            break;
        default:
            break;
        }
        return checkThreshold(k, l0, B, nr) | (check ? checkFinite(k, l0, B) : 0);
    }
    if (k.uniformOffsets && k.n >= 1 && k.n <= 4) {
        bool check = false;
        switch (k.n) {
        case 1:
            check = integrateDense<1>(k, l0, B, nr);
            break;
        case 2:
            check = integrateDense<2>(k, l0, B, nr);
            break;
        case 3:
            check = integrateDense<3>(k, l0, B, nr);
            break;
        default:
            check = integrateDense<4>(k, l0, B, nr);
            break;
        }
        return checkThreshold(k, l0, B, nr) | (check ? checkFinite(k, l0, B) : 0);
    }
    for (std::size_t i = 0; i < k.n; ++i) {
        double* __restrict out = k.next + i * kBlock;
        if (k.uniformOffsets) {
            const double oa = k.offActive[i], of = k.offFrozen[i], d = oa - of;
            for (std::size_t l = 0; l < B; ++l) out[l] = of + nr[l] * d;
        } else {
            const double* __restrict oa = k.offActive + i * L + l0;
            const double* __restrict of = k.offFrozen + i * L + l0;
            for (std::size_t l = 0; l < B; ++l) out[l] = of[l] + nr[l] * (oa[l] - of[l]);
        }
    }
    for (std::size_t e = 0; e < k.entries; ++e) {
        const double* __restrict x = k.slots + k.stateSlots[k.eCol[e]] * L + l0;
        double* __restrict out = k.next + k.eRow[e] * kBlock;
        const double a = k.eActive[e], f = k.eFrozen[e];
        if (a == f) {
            for (std::size_t l = 0; l < B; ++l) out[l] += a * x[l];
        } else {
            const double d = a - f;
            for (std::size_t l = 0; l < B; ++l) out[l] += (f + nr[l] * d) * x[l];
        }
    }
    for (std::size_t i = 0; i < k.n; ++i)
        std::memcpy(k.slots + k.stateSlots[i] * L + l0, k.next + i * kBlock, B * sizeof(double));
    return checkThreshold(k, l0, B, nr) | checkFinite(k, l0, B);
}

} // namespace scs::detail
