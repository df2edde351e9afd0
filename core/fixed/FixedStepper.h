// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one neuron stepped in fixed point, clock cycle by clock cycle: the C++ model
// that co-simulation compares the RTL against.
#pragma once

#include "FixedProgram.h"

#include <cstdint>
#include <vector>

namespace scs::fixed {

/// Executes a FixedModelProgram. Cheap to construct; not thread-safe (one per thread).
class FixedStepper {
public:
    explicit FixedStepper(FixedModelProgram program);

    /// Back to the initial states, the counter at 0 and the LFSR at its seed: the RTL's reset.
    void reset();
    /// One enabled cycle with drive `input` (raw). Returns whether the neuron spiked. Throws
    /// FixedOverflow under Overflow::Trap; the state is then left as it was before the step.
    bool step(std::int64_t input);

    const std::vector<std::int64_t>& state() const { return state_; }
    std::int64_t refractoryCounter() const { return counter_; }
    std::uint16_t lfsr() const { return lfsr_.state(); }
    /// The values of the last step's instructions (for debugging a mismatch).
    const std::vector<std::int64_t>& values() const { return values_; }

private:
    std::int64_t evaluate(const FixedInstr& in, std::int64_t input) const;
    std::int64_t fit(std::int64_t raw, const char* what) const;
    std::int64_t shiftProduct(std::int64_t product, int bits, std::uint16_t random) const;

    FixedModelProgram program_; // a copy: a stepper outlives the compile that made it
    std::int64_t rawMin_, rawMax_;
    bool stochastic_;
    bool narrowProducts_; // every product fits in 64 bits
    std::vector<std::int64_t> state_;
    std::vector<std::int64_t> values_;
    std::vector<std::uint32_t> live_; // the instructions that are not constants
    std::int64_t counter_ = 0;
    Lfsr16 lfsr_;
};

} // namespace scs::fixed
