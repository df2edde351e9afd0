// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one population chunk of a network: many neurons of one model, stepped together.
//
// Two engines behind one interface. Linear models integrated with "exact" whose system matrix is the
// same for every neuron (LIF, CUBA, ...) take a fast path: the step is x' = E x + b with E = exp(M dt)
// precomputed for the refractory and non-refractory cases, a few fused multiply-adds per neuron over
// slot-major arrays, vectorised in LinearKernel (small systems: every neuron stepped as active, the
// few refractory ones redone from saved states). Every other model runs in a LaneBlock (any method).
// The fast path splits a step the way Brian2 schedules it (update and threshold, then the caller
// delivers synaptic input, then `reset`); LaneBlock resets inside its step, so on that path input
// that arrives in a neuron's spiking step lands after its reset.
// Threading: one NeuronArray is used by one thread at a time (the simulator gives each thread its chunks).
#pragma once

#include "ode/LaneBlock.h"
#include "ode/NeuronModel.h"

#include <memory>
#include <string>
#include <vector>

namespace scs {

class NeuronArray {
public:
    /// Lanes are numbered globally from `firstLane` so random streams do not depend on chunking.
    NeuronArray(const NeuronModel& model, double dt, int lanes, std::uint64_t seed, std::uint64_t firstLane);

    int lanes() const { return L_; }
    void setParameter(int lane, std::size_t parameter, double value);
    void setState(int lane, std::size_t state, double value);
    double state(int lane, std::size_t state) const;
    double parameter(int lane, std::size_t parameter) const;
    /// Declares that `parameter` is rewritten before every step (synaptic or injected current).
    /// Precondition: before prepare().
    void markDynamic(std::size_t parameter);
    /// Chooses the engine and precomputes what it needs. Call once, after setting values.
    void prepare();
    bool fastPath() const { return fast_; }
    const std::string& why() const { return why_; } // why the fast path was not taken

    /// Sets `parameter` of every lane from values[0..lanes).
    void setParameterValues(std::size_t parameter, const double* values);
    /// Adds delta[0..lanes) to `state` of every lane and sets delta to zero.
    void addToState(std::size_t state, double* delta);
    /// The lanes of `state`, contiguous, on the fast path (null on the LaneBlock path): the simulator adds
    /// zero-delay synaptic input straight into it.
    double* stateData(std::size_t state) { return block_ ? nullptr : slot(m_.stateSlots[state]); }
    /// Copies `state` of every lane into out[0..lanes).
    void readState(std::size_t state, double* out) const;

    /// Integrates one step and checks thresholds; returns the lanes that spiked.
    const std::vector<int>& update(std::int64_t step);
    /// Runs the reset for the lanes of the last update (no-op on the LaneBlock path).
    void reset();
    bool anyError() const { return block_ ? block_->anyError() : anyError_; }
    const std::string& error(int lane) const;

private:
    void computeOffsets();
    void markErrors(std::size_t l0, std::size_t l1, std::int64_t step);
    bool readsSlot(std::uint16_t slot) const;
    double* slot(std::uint16_t s) { return slots_.data() + static_cast<std::size_t>(s) * L_; }

    const NeuronModel model_; // shares the compiled programs
    const CompiledModel& m_;
    double dt_;
    int L_;
    std::uint64_t seed_, firstLane_;
    std::size_t n_;
    std::vector<double> slots_; // slot-major, as LaneBlock
    std::vector<Random> rngs_;
    std::vector<std::uint16_t> dynamicSlots_;
    std::unique_ptr<LaneBlock> block_;
    bool fast_ = false;
    bool dynamicOffsets_ = false;
    std::string why_;

    // Non-zero entries of E (SoA): row, column, value when not refractory / when refractory.
    std::vector<std::uint32_t> eRow_, eCol_;
    std::vector<double> eActive_, eFrozen_;
    std::vector<double> fActive_, fFrozen_;                      // F, n*n row-major
    std::vector<double> denseFrozen_, denseDelta_, denseActive_; // n*n row-major; delta = active - frozen
    struct FrozenRow {
        std::size_t row;
        double offset;
        std::vector<std::pair<std::size_t, double>> entries; // non-zero E(frozen) entries (column, value)
    };
    std::vector<FrozenRow> frozenRows_;         // dense path: rows whose refractory step differs from the active one
    std::vector<int> refractoryLanes_;          // dense path: lanes refractory in this step
    std::vector<double> refractoryOld_;         // their states before the step, [lane in list * n + state]
    std::vector<double> offActive_, offFrozen_; // [state * L + lane]
    std::vector<double> next_;                  // [state * kBlock + lane in block]
    // A threshold that is one comparison of two slots ("v > Vt") is evaluated inline, block by block.
    bool simpleThreshold_ = false;
    OpCode thresholdOp_ = OpCode::Gt;
    std::uint16_t thresholdA_ = 0, thresholdB_ = 0;
    bool needTime_ = false, needNotRefractory_ = false;
    bool uniformOffsets_ = false;
    unsigned diagonalRows_ = 0;       // bit i: row i of E(active) is diagonal (see LinearKernel)
    std::vector<std::uint8_t> fired_; // [lane in block]
    std::vector<double> notRefractory_;
    std::vector<std::int64_t> lastSpike_, refractorySteps_;
    std::vector<int> spiked_;
    std::vector<double> scratch_;
    std::vector<std::string> errors_;
    bool anyError_ = false;
};

} // namespace scs
