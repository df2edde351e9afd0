// SPDX-License-Identifier: MIT
#include "ode/Simulation.h"

#include "ode/CompiledModel.h"
#include "ode/LaneBlock.h"
#include "ode/NativeStepCache.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <sstream>
#include <thread>

namespace scs {
namespace {

constexpr std::int64_t kMaxSteps = 1'000'000'000;
constexpr double kMaxRecordedBytes = 2.0e9;
constexpr std::int64_t kProgressEvery = 2048;

struct Plan {
    Method method;
    std::string methodName;
    std::int64_t steps;
    int recordEvery;
    std::int64_t samples;
};

std::string formatMs(double seconds) {
    std::ostringstream out;
    out.precision(6);
    out << seconds * 1e3 << " ms";
    return out.str();
}

Plan validate(const NeuronModel& model, const SimulationSettings& s, std::size_t copies, bool recordStates) {
    if (!(s.dt > 0) || !std::isfinite(s.dt)) throw SimulationError("dt must be a positive time, got " + formatMs(s.dt));
    if (!(s.duration > 0) || !std::isfinite(s.duration))
        throw SimulationError("the duration must be a positive time, got " + formatMs(s.duration));
    if (s.dt > s.duration)
        throw SimulationError("dt (" + formatMs(s.dt) + ") is longer than the duration (" + formatMs(s.duration) + ")");
    const double steps = std::round(s.duration / s.dt);
    if (steps > static_cast<double>(kMaxSteps))
        throw SimulationError("the run would take " + std::to_string(static_cast<long long>(steps)) +
                              " steps (more than 1e9): use a larger dt or a shorter duration");
    if (s.recordEvery < 1) throw SimulationError("record-every must be at least 1");
    Plan plan;
    plan.methodName = s.method.empty() ? model.effectiveMethod() : s.method;
    std::string why;
    if (!model.supportsMethod(plan.methodName, &why)) throw SimulationError(why);
    plan.method = methodFromName(plan.methodName);
    plan.steps = static_cast<std::int64_t>(steps);
    plan.recordEvery = s.recordEvery;
    plan.samples = recordStates ? (plan.steps + s.recordEvery - 1) / s.recordEvery : 0;
    const double bytes = static_cast<double>(plan.samples) * static_cast<double>(model.states().size() + 2) * 8.0 *
                         static_cast<double>(copies);
    if (bytes > kMaxRecordedBytes) {
        std::ostringstream msg;
        msg.precision(3);
        msg << "the run would record " << bytes / 1e9 << " GB of traces: record fewer samples (record-every) "
            << "or shorten the duration";
        throw SimulationError(msg.str());
    }
    return plan;
}

std::uint16_t parameterSlot(const NeuronModel& model, const std::string& name) {
    auto index = model.parameterIndex(name);
    if (!index) {
        std::string known;
        for (const auto& p : model.parameters()) known += (known.empty() ? "" : ", ") + p.name;
        throw SimulationError("the model has no parameter '" + name + "'" +
                              (known.empty() ? std::string() : " (parameters: " + known + ")"));
    }
    return model.compiled().parameterSlots[*index];
}

void checkProtocolUnits(const NeuronModel& model, const std::string& drive, const Protocol& p) {
    const auto& info = model.parameters()[*model.parameterIndex(drive)];
    const bool allZero = p.offset == 0 && p.amplitude == 0 && p.sigma == 0;
    if (!(info.dimension == p.dimension) && !allZero)
        throw SimulationError("the protocol's values are in " + p.dimension.toString() + " but '" + drive + "' is in " +
                              info.dimension.toString());
}

// Configures lane `lane` of `block` as copy `copy` of the batch (or the single run).
void configureLane(const NeuronModel& model, LaneBlock& block, int lane, const SimulationSettings& s,
                   const std::vector<std::uint16_t>& variedSlots, const std::vector<double>* variedValues,
                   const Protocol* protocol) {
    for (const auto& [name, value] : s.parameterOverrides) block.setParameter(lane, parameterSlot(model, name), value);
    if (variedValues)
        for (std::size_t k = 0; k < variedSlots.size(); ++k)
            block.setParameter(lane, variedSlots[k], (*variedValues)[k]);
    for (const auto& [name, value] : s.initialOverrides) {
        auto index = model.stateIndex(name);
        if (!index) throw SimulationError("the model has no state variable '" + name + "'");
        block.setState(lane, *index, value);
    }
    if (protocol) block.setDrive(lane, parameterSlot(model, s.drive), *protocol);
}

// What the interpreter would execute for the whole run: the derivatives once per stage, plus the
// threshold and the refractory condition, per step.
double interpretedInstructions(const CompiledModel& m, const Plan& plan) {
    const double stages = plan.method == Method::Rk4 ? 4 : plan.method == Method::Rk2 ? 2 : 1;
    const double perStep = stages * static_cast<double>(m.derivatives.code.size()) +
                           static_cast<double>(m.threshold.code.size() + m.refractoryProgram.code.size());
    return perStep * static_cast<double>(plan.steps);
}

} // namespace

const std::vector<double>* SimulationResult::trace(const std::string& name) const {
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == name) return &traces[k];
    return nullptr;
}

double SimulationResult::firingRate() const {
    const double d = duration();
    return d > 0 ? static_cast<double>(spikeTimes.size()) / d : 0.0;
}

SimulationResult simulate(const NeuronModel& model, const SimulationSettings& s, JobContext* job) {
    const Plan plan = validate(model, s, 1, true);
    const CompiledModel& m = model.compiled();
    LaneBlock block(m, plan.method, s.dt, 1, s.seed, 0);
    if (s.protocol) checkProtocolUnits(model, s.drive, *s.protocol);
    configureLane(model, block, 0, s, {}, nullptr, s.protocol ? &*s.protocol : nullptr);
    block.prepare();
    block.useNative(NativeStepCache::instance().find(m, plan.method, block.driveSlot(), s.nativeCode,
                                                     interpretedInstructions(m, plan)));

    SimulationResult r;
    r.method = plan.methodName;
    r.nativeCode = block.isNative();
    r.dt = s.dt;
    r.recordEvery = plan.recordEvery;
    r.steps = plan.steps;
    const std::size_t n = m.states.size();
    for (const auto& v : m.states) {
        r.names.push_back(v.name);
        r.dimensions.push_back(v.dimension);
    }
    r.traces.assign(n, {});
    for (auto& tr : r.traces) tr.reserve(static_cast<std::size_t>(plan.samples));
    r.time.reserve(static_cast<std::size_t>(plan.samples));
    const bool recordDrive = model.parameterIndex(s.drive).has_value();
    const std::uint16_t driveSlot = recordDrive ? parameterSlot(model, s.drive) : 0;
    double driveConstant = 0.0;
    if (recordDrive) {
        driveConstant = m.initialSlots[driveSlot];
        for (const auto& [name, value] : s.parameterOverrides)
            if (name == s.drive) driveConstant = value;
    }

    for (std::int64_t i = 0; i < plan.steps; ++i) {
        block.beginStep(i);
        if (i % plan.recordEvery == 0) {
            const double t = static_cast<double>(i) * s.dt;
            r.time.push_back(t);
            for (std::size_t k = 0; k < n; ++k) r.traces[k].push_back(block.state(0, k));
            if (recordDrive) r.drive.push_back(s.protocol ? block.protocolValue(0, t) : driveConstant);
        }
        const auto& spiked = block.step(i);
        if (!spiked.empty()) {
            r.spikeSteps.push_back(i);
            r.spikeTimes.push_back(static_cast<double>(i) * s.dt);
        }
        if (block.anyError()) throw SimulationError(block.error(0));
        if (job && i % kProgressEvery == 0) {
            job->throwIfCancelled();
            job->setProgress(static_cast<double>(i) / static_cast<double>(plan.steps));
        }
    }
    reportProgress(job, 1.0);
    return r;
}

BatchResult simulateBatch(const NeuronModel& model, const BatchSettings& batch, JobContext* job) {
    std::size_t copies = batch.copies;
    if (copies == 0) copies = std::max(batch.values.size(), batch.protocols.size());
    if (copies == 0) throw SimulationError("a batch needs at least one copy");
    if (!batch.values.empty() && batch.values.size() != copies)
        throw SimulationError("the batch has " + std::to_string(batch.values.size()) + " value rows for " +
                              std::to_string(copies) + " copies");
    if (!batch.protocols.empty() && batch.protocols.size() != copies)
        throw SimulationError("the batch has " + std::to_string(batch.protocols.size()) + " protocols for " +
                              std::to_string(copies) + " copies");
    for (const auto& row : batch.values)
        if (row.size() != batch.varied.size())
            throw SimulationError("every value row needs one value per varied parameter");
    const Plan plan = validate(model, batch.base, copies, batch.recordStates);
    std::vector<std::uint16_t> variedSlots;
    for (const auto& name : batch.varied) variedSlots.push_back(parameterSlot(model, name));
    const Protocol* baseProtocol = batch.base.protocol ? &*batch.base.protocol : nullptr;
    if (baseProtocol) checkProtocolUnits(model, batch.base.drive, *baseProtocol);
    if (!batch.protocols.empty()) {
        parameterSlot(model, batch.base.drive);
        for (const auto& p : batch.protocols) checkProtocolUnits(model, batch.base.drive, p);
    }

    const CompiledModel& m = model.compiled();
    const std::size_t n = m.states.size();
    BatchResult result;
    result.spikeTimes.assign(copies, {});
    result.errors.assign(copies, {});
    for (const auto& v : m.states) result.names.push_back(v.name);
    if (batch.recordStates) {
        result.traces.assign(copies, std::vector<std::vector<double>>(n));
        for (std::int64_t i = 0; i < plan.steps; i += plan.recordEvery)
            result.time.push_back(static_cast<double>(i) * batch.base.dt);
    }

    // Blocks of lanes; a block is always run whole by one thread, so results are independent of
    // the thread count. 16 lanes keep each instruction's loop short enough to stay in L1.
    constexpr std::size_t kLanesPerBlock = 16;
    const std::size_t blocks = (copies + kLanesPerBlock - 1) / kLanesPerBlock;
    unsigned threads =
        batch.threads > 0 ? static_cast<unsigned>(batch.threads) : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
    std::atomic<std::size_t> nextBlock{0};
    std::atomic<std::int64_t> stepsDone{0};
    std::atomic<bool> cancelled{false};
    const double totalSteps = static_cast<double>(plan.steps) * static_cast<double>(blocks);

    // An exception in a worker (say, an unknown parameter in the overrides) must reach the caller,
    // not terminate the program: the first one is kept, the others stop, and it is rethrown.
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        for (;;) {
            const std::size_t blockIndex = nextBlock.fetch_add(1);
            if (blockIndex >= blocks || cancelled.load()) return;
            const std::size_t first = blockIndex * kLanesPerBlock;
            const int lanes = static_cast<int>(std::min(kLanesPerBlock, copies - first));
            LaneBlock block(m, plan.method, batch.base.dt, lanes, batch.base.seed, first);
            for (int l = 0; l < lanes; ++l) {
                const std::size_t copy = first + static_cast<std::size_t>(l);
                const Protocol* p = batch.protocols.empty() ? baseProtocol : &batch.protocols[copy];
                configureLane(model, block, l, batch.base, variedSlots,
                              batch.values.empty() ? nullptr : &batch.values[copy], p);
            }
            block.prepare();
            for (std::int64_t i = 0; i < plan.steps; ++i) {
                if (batch.recordStates && i % plan.recordEvery == 0)
                    for (int l = 0; l < lanes; ++l)
                        for (std::size_t k = 0; k < n; ++k)
                            result.traces[first + static_cast<std::size_t>(l)][k].push_back(block.state(l, k));
                block.beginStep(i);
                for (int lane : block.step(i))
                    result.spikeTimes[first + static_cast<std::size_t>(lane)].push_back(static_cast<double>(i) *
                                                                                        batch.base.dt);
                if (i % kProgressEvery == kProgressEvery - 1) {
                    stepsDone.fetch_add(kProgressEvery);
                    if (job && job->isCancelled()) {
                        cancelled.store(true);
                        return;
                    }
                }
            }
            stepsDone.fetch_add(plan.steps % kProgressEvery);
            for (int l = 0; l < lanes; ++l) result.errors[first + static_cast<std::size_t>(l)] = block.error(l);
        }
    };
    auto worker = [&] {
        try {
            work();
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure) failure = std::current_exception();
            cancelled.store(true);
        }
    };

    std::vector<std::thread> pool;
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(worker);
    if (!job) {
        worker();
        for (auto& t : pool) t.join();
        if (failure) std::rethrow_exception(failure);
        return result;
    }
    // A reporter publishes progress while the calling thread works too; it is woken at once when
    // the work ends, so small batches (slider-speed sweeps) pay no polling delay.
    std::mutex doneMutex;
    std::condition_variable doneSignal;
    bool done = false;
    std::thread reporter([&] {
        std::unique_lock lock(doneMutex);
        while (!done) {
            job->setProgress(static_cast<double>(stepsDone.load()) / totalSteps);
            doneSignal.wait_for(lock, std::chrono::milliseconds(50));
        }
    });
    worker();
    for (auto& t : pool) t.join();
    {
        std::lock_guard lock(doneMutex);
        done = true;
    }
    doneSignal.notify_all();
    reporter.join();
    if (failure) std::rethrow_exception(failure);
    if (cancelled.load() || job->isCancelled()) throw JobCancelled();
    job->setProgress(1.0);
    return result;
}

} // namespace scs
