// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the vectorised step of NeuronArray's fast path (engine-private).
//
// x' = E x + b over a block of lanes, with E and b chosen by each lane's refractory state, the new
// states written back, a finiteness check and an inline threshold. Compiled twice (x86-64-v3 with
// AVX2 and FMA, and plain x86-64); the loader picks the clone the machine supports.
#pragma once

#include <cstddef>
#include <cstdint>

namespace scs::detail {

constexpr std::size_t kBlock = 256; // lanes per block: a block's states and scratch stay in L1

/// What one block step needs; plain pointers so the kernel below can be compiled per instruction set.
struct BlockArgs {
    std::size_t n, L, entries;
    double* slots;
    const std::uint16_t* stateSlots;
    const std::uint32_t *eRow, *eCol;
    const double *eActive, *eFrozen;
    const double *offActive, *offFrozen; // [state * L + lane], or [state] when uniformOffsets
    bool uniformOffsets;
    double* notRefractory;
    const std::int64_t *lastSpike, *refractorySteps; // null: no refractoriness
    std::int64_t step;
    int thresholdOp; // 0 none, 1 >, 2 >=, 3 <, 4 <=
    const double *thrA, *thrB;
    std::uint8_t* fired;                    // [lane in block]
    double* next;                           // [state * kBlock + lane in block]
    const double *denseFrozen, *denseDelta; // E when refractory, E(active) - E(frozen); n*n row-major
    const double* denseActive;              // E when not refractory
    bool activeOnly;       // integrate every lane as not refractory (the caller redoes the refractory ones)
    unsigned diagonalRows; // bit i: row i of E(active) has only its diagonal entry
};

/// Steps lanes [l0, l1) (at most kBlock apart). Returns non-zero when a state became NaN or infinite.
int integrateBlock(const BlockArgs& k, std::size_t l0, std::size_t l1);

} // namespace scs::detail
