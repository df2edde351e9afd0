// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — one time step of a single neuron, compiled to machine code at run time.
//
// The interpreter (Program.h) spends most of a single-neuron run dispatching instructions. For one
// lane, LaneBlock can instead call a function that libgccjit built from the same programs: the
// refractory condition, every integrator stage with the derivatives inlined, the finiteness check
// and the threshold, over locals the register allocator sees. It is a translation, not a second
// engine: each operation is the interpreter's own (the same IEEE operations in the same order, the
// same exp, exprel and generic-op helpers, no contraction into FMA), so its results are bit for bit
// the interpreter's. NativeStepCache decides when compiling pays and keeps the results.
#pragma once

#include "util/Random.h"

#include <memory>
#include <stdexcept>
#include <string>

struct gcc_jit_result;

namespace scs {

struct CompiledModel;
enum class Method;

/// When a single run uses native code (NativeStepCache decides).
enum class NativeCode {
    Auto,  // compile now when it pays, else in the background for the next run
    Never, // always interpret
    Always // compile now if not cached (still interprets if compiling fails)
};

/// Thrown when libgccjit cannot build a step (the compiler's own first error is in what()).
class NativeCodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The time and drive value of each integrator stage of one step; index 0 is the step's start,
/// which is also where the refractory condition and the threshold are evaluated.
struct StageInputs {
    double time[4] = {};
    double drive[4] = {};
};

/// What a native step reports, as bits of its return value.
enum NativeStepResult : int { kNativeNonFinite = 1, kNativeThresholdHeld = 2 };

class NativeStep {
public:
    /// The libgccjit in use, "12.2.0".
    static std::string libraryVersion();
    /// Whether `method` can run natively ("" or the reason it cannot).
    static std::string unsupportedReason(const CompiledModel& model, Method method);
    /// Builds the step. `driveSlot` is the slot a protocol overwrites at each stage, or -1.
    /// Throws NativeCodeError when libgccjit fails (for instance when `as` or `ld` is missing).
    static std::shared_ptr<const NativeStep> compile(const CompiledModel& model, Method method, int driveSlot);

    NativeStep(const NativeStep&) = delete;
    NativeStep& operator=(const NativeStep&) = delete;
    ~NativeStep();

    /// Advances the single lane whose slots are `slotValues` by one step (everything LaneBlock::step does
    /// before the spike bookkeeping). Returns NativeStepResult bits.
    int run(double* slotValues, const StageInputs& stages, Random* rng) const {
        return fn_(slotValues, stages.time, rng);
    }
    /// Wall time the compile took, seconds.
    double compileSeconds() const { return compileSeconds_; }

private:
    using Fn = int (*)(double* slotValues, const double* stages, Random* rng);
    NativeStep(gcc_jit_result* result, Fn fn, double seconds) : result_(result), fn_(fn), compileSeconds_(seconds) {}

    gcc_jit_result* result_;
    Fn fn_;
    double compileSeconds_;
};

} // namespace scs
