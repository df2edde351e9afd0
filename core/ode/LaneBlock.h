// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — steps a block of independent copies ("lanes") of one compiled model.
//
// One implementation serves single runs (one lane) and batches (many lanes, slot-major so every
// instruction is a short loop the compiler vectorises). Semantics follow Brian2's schedule within a
// time step: record states (start of step), update refractoriness, integrate, check the threshold,
// then mark refractory and run the reset for the lanes that spiked.
#pragma once

#include "ode/CompiledModel.h"
#include "ode/NativeStep.h"
#include "ode/Protocol.h"
#include "util/Random.h"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

namespace scs {

enum class Method { Euler, Rk2, Rk4, ExponentialEuler, Exact };
Method methodFromName(const std::string& name);

class LaneBlock {
public:
    /// `firstLane` numbers the lanes globally so random streams do not depend on how lanes are
    /// split into blocks (and hence not on the thread count).
    LaneBlock(const CompiledModel& model, Method method, double dt, int lanes, std::uint64_t seed,
              std::uint64_t firstLane);

    void setParameter(int lane, std::uint16_t slot, double value) { slots_[slot * L_ + lane] = value; }
    void setState(int lane, std::size_t state, double value) { slots_[m_.stateSlots[state] * L_ + lane] = value; }
    double state(int lane, std::size_t state) const { return slots_[m_.stateSlots[state] * L_ + lane]; }
    /// The parameter slot a protocol drives in `lane`, with its signal.
    void setDrive(int lane, std::uint16_t slot, const Protocol& protocol);
    bool hasDrive() const { return driveSlot_ >= 0; }
    /// The slot the protocol drives, or -1.
    int driveSlot() const { return driveSlot_; }
    /// Steps the single lane with native code from now on (null: interpret). Only for one lane.
    void useNative(std::shared_ptr<const NativeStep> step);
    bool isNative() const { return native_ != nullptr; }

    /// Computes refractory durations (they may depend on parameters). Call after setting parameters.
    void prepare();
    /// Moves protocol signals to step `stepIndex` (noise advances here). Call before step().
    void beginStep(std::int64_t stepIndex);
    /// The protocol's value for `lane` at time t of the current step (no protocol: 0).
    double protocolValue(int lane, double t) const;
    /// Advances every lane by one step. Returns the lanes that spiked in this step.
    const std::vector<int>& step(std::int64_t stepIndex);
    /// "" while lane is finite; else why it diverged (first occurrence only).
    const std::string& error(int lane) const { return errors_[static_cast<std::size_t>(lane)]; }
    bool anyError() const { return anyError_; }
    int lanes() const { return L_; }

private:
    void runProgram(const Program& p);
    void updateRefractoryDuration(std::int64_t stepIndex);
    StageInputs stageInputs(double t) const;
    const std::vector<int>& stepNative(std::int64_t stepIndex, double t);
    const std::vector<int>& spikeAndReset(std::int64_t stepIndex, double t);
    void setStageTime(double t);
    void integrate(double t);
    void integrateExact();
    void checkFinite(std::int64_t stepIndex);
    double mask(std::size_t state, std::size_t lane) const {
        return unless_[state] ? slots_[m_.notRefractorySlot * static_cast<std::size_t>(L_) + lane] : 1.0;
    }

    const CompiledModel& m_;
    Method method_;
    double dt_;
    int L_;
    std::size_t n_;                    // states
    std::vector<std::uint8_t> unless_; // [state] frozen while refractory (a byte, not vector<bool>)
    std::vector<double> slots_;
    std::vector<Random> rngs_;
    std::vector<double> x0_, acc_;
    int driveSlot_ = -1;
    std::vector<ProtocolSignal> signals_;
    std::vector<std::int64_t> lastSpikeStep_;
    std::vector<std::int64_t> refractorySteps_;
    std::vector<std::string> errors_;
    bool anyError_ = false;
    std::vector<int> spiked_;
    std::vector<double> scratch_; // one lane's slots, for resets of single lanes in a batch
    std::shared_ptr<const NativeStep> native_;

    struct ExactCache {
        std::vector<double> m;
        Eigen::MatrixXd e, f;
    };
    std::vector<ExactCache> exactCache_; // [lane]
};

} // namespace scs
