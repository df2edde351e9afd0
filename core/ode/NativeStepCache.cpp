// SPDX-License-Identifier: MIT
#include "ode/NativeStepCache.h"

#include "ode/CompiledModel.h"
#include "ode/LaneBlock.h"

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace scs {
namespace {

// A compile costs about 25 ms; the interpreter runs about 2 ns per instruction.
constexpr double kInstructionsWorthACompile = 12.5e6;
// Typing an equation makes a new model per keystroke; old steps are dropped beyond this.
constexpr std::size_t kMaxSteps = 64;

template <typename T>
void append(std::string& key, const T& value) {
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
void appendAll(std::string& key, const std::vector<T>& values) {
    append(key, values.size());
    for (const T& v : values) append(key, v);
}

void appendProgram(std::string& key, const Program& p) {
    append(key, p.code.size());
    for (const Instruction& in : p.code) {
        append(key, in.op);
        append(key, in.dst);
        append(key, in.a);
        append(key, in.b);
        append(key, in.c);
    }
}

// Everything the translation reads: two models with the same key compile to the same code.
std::string stepKey(const CompiledModel& m, Method method, int driveSlot) {
    std::string key;
    append(key, method);
    append(key, driveSlot);
    append(key, m.refractory);
    append(key, m.hasThreshold);
    for (std::uint16_t s : {m.tSlot, m.dtSlot, m.notRefractorySlot, m.refractorySlot, m.thresholdSlot}) append(key, s);
    appendAll(key, m.stateSlots);
    appendAll(key, m.derivativeSlots);
    for (bool flag : m.unlessRefractory) append(key, flag);
    appendProgram(key, m.derivatives);
    appendProgram(key, m.threshold);
    if (m.refractory == CompiledModel::Refractory::Condition) appendProgram(key, m.refractoryProgram);
    append(key, m.initialSlots.size());
    for (std::size_t s = 0; s < m.initialSlots.size(); ++s)
        if (m.constantSlots[s]) {
            append(key, s);
            append(key, m.initialSlots[s]);
        }
    return key;
}

bool turnedOffByEnvironment() {
    const char* value = std::getenv("SCS_NATIVE");
    return value && (std::strcmp(value, "0") == 0 || std::strcmp(value, "off") == 0);
}

} // namespace

NativeStepCache& NativeStepCache::instance() {
    // Never destroyed: see finishBeforeExit().
    static NativeStepCache* cache = new NativeStepCache;
    return *cache;
}

// libgccjit registers exit-time destructors for state it sets up during its first compile. Exit
// handlers run in reverse order of registration, so this one, registered once that compile has
// finished, runs before them: a background compile still running at exit completes while the
// compiler's state is intact. The first compile of all is made in the caller (find()), never in the
// background, so no compile can be running before this handler exists. The cache itself is never
// destroyed, so nothing is torn down under the worker.
void NativeStepCache::finishBeforeExit() {
    NativeStepCache& cache = instance();
    {
        std::lock_guard lock(cache.mutex_);
        cache.stopping_ = true;
        cache.queue_.clear();
    }
    cache.wake_.notify_all();
    if (cache.worker_.joinable()) cache.worker_.join();
}

NativeStepCache::NativeStepCache() {
    if (turnedOffByEnvironment()) disabled_ = "SCS_NATIVE=0";
    worker_ = std::thread([this] { backgroundLoop(); });
}

std::shared_ptr<const NativeStep> NativeStepCache::find(const CompiledModel& model, Method method, int driveSlot,
                                                        NativeCode policy, double interpretedInstructions) {
    if (policy == NativeCode::Never || !NativeStep::unsupportedReason(model, method).empty()) return nullptr;
    std::string key = stepKey(model, method, driveSlot);
    std::unique_lock lock(mutex_);
    if (!disabled_.empty()) return nullptr;
    if (auto it = steps_.find(key); it != steps_.end()) return it->second;
    const bool worthWaiting = policy == NativeCode::Always || interpretedInstructions > kInstructionsWorthACompile;
    if (worthWaiting || !compiledOnce_) return compileNow(key, model, method, driveSlot, lock);
    if (!pending_[key]) {
        pending_[key] = true;
        queue_.push_back(Job{std::move(key), std::make_shared<CompiledModel>(model), method, driveSlot});
        wake_.notify_one();
    }
    return nullptr;
}

std::shared_ptr<const NativeStep> NativeStepCache::compileNow(const std::string& key, const CompiledModel& model,
                                                              Method method, int driveSlot,
                                                              std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    std::shared_ptr<const NativeStep> step;
    std::string error;
    try {
        step = NativeStep::compile(model, method, driveSlot);
    } catch (const NativeCodeError& e) {
        error = e.what();
    }
    store(key, step, error);
    std::call_once(exitHandlerRegistered_, [this] {
        std::atexit(&NativeStepCache::finishBeforeExit);
        std::lock_guard guard(mutex_);
        compiledOnce_ = true;
    });
    return step;
}

void NativeStepCache::store(const std::string& key, std::shared_ptr<const NativeStep> step, const std::string& error) {
    std::lock_guard lock(mutex_);
    pending_.erase(key);
    if (!step) {
        if (disabled_.empty()) {
            disabled_ = error;
            std::cerr << "scstudio: native code is off (" << error << "); models run in the interpreter\n";
        }
        return;
    }
    if (steps_.size() >= kMaxSteps) steps_.erase(steps_.begin());
    steps_[key] = std::move(step);
}

void NativeStepCache::backgroundLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        Job job = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        compileNow(job.key, *job.model, job.method, job.driveSlot, lock);
        lock.lock();
        busy_ = false;
        if (queue_.empty()) idle_.notify_all();
    }
}

void NativeStepCache::waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

std::string NativeStepCache::disabledReason() const {
    std::lock_guard lock(mutex_);
    return disabled_;
}

} // namespace scs
