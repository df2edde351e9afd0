// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — compiled native steps, kept by model so a model compiles once.
//
// Compiling a step takes a few tens of milliseconds; interpreting a short run can take less. A
// slider move changes parameter values, which the step reads from its slots, not its code, so
// every move after the first reuses the same step. `Auto` compiles at once only when the
// interpreter would take longer than the compile; otherwise the run interprets while a background
// thread compiles for the next run (the process's very first compile is always made at once; see
// finishBeforeExit). If libgccjit fails once (a missing assembler, say), native
// code is switched off for the process and one line on stderr says why: runs go on interpreted.
#pragma once

#include "ode/NativeStep.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace scs {

class NativeStepCache {
public:
    static NativeStepCache& instance();

    /// The native step for `model` integrated by `method` with `driveSlot` (-1: none), or null when
    /// this run should interpret. `interpretedInstructions` estimates the run's interpreter work.
    /// The environment variable SCS_NATIVE=0 turns native code off.
    std::shared_ptr<const NativeStep> find(const CompiledModel& model, Method method, int driveSlot, NativeCode policy,
                                           double interpretedInstructions);
    /// Blocks until no background compile is queued or running (for tests and benchmarks).
    void waitIdle();
    /// Why native code is off ("" while it is on).
    std::string disabledReason() const;

    NativeStepCache(const NativeStepCache&) = delete;
    NativeStepCache& operator=(const NativeStepCache&) = delete;

private:
    NativeStepCache();
    struct Job {
        std::string key;
        std::shared_ptr<const CompiledModel> model;
        Method method;
        int driveSlot;
    };
    std::shared_ptr<const NativeStep> compileNow(const std::string& key, const CompiledModel& model, Method method,
                                                 int driveSlot, std::unique_lock<std::mutex>& lock);
    void store(const std::string& key, std::shared_ptr<const NativeStep> step, const std::string& error);
    void backgroundLoop();
    static void finishBeforeExit();

    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::unordered_map<std::string, std::shared_ptr<const NativeStep>> steps_;
    std::unordered_map<std::string, bool> pending_;
    std::deque<Job> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    bool compiledOnce_ = false;
    std::once_flag exitHandlerRegistered_;
    std::string disabled_;
    std::thread worker_;
};

} // namespace scs
