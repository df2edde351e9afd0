// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — running a neuron model: one copy with traces, or many copies in a batch.
#pragma once

#include "jobs/JobContext.h"
#include "ode/NativeStep.h"
#include "ode/NeuronModel.h"
#include "ode/Protocol.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace scs {

/// Settings of one run. Times in seconds, values in SI.
struct SimulationSettings {
    double dt = 0.1e-3;
    double duration = 0.2;
    std::string method;      // "" = the model's own (spec.method) or Brian2's default
    int recordEvery = 1;     // record states every N steps (at the start of the step, as Brian2)
    std::uint64_t seed = 1;  // for rand(), randn() and noise protocols
    std::string drive = "I"; // the parameter the protocol drives; ignored if the model lacks it
    std::optional<Protocol> protocol;
    std::vector<std::pair<std::string, double>> parameterOverrides; // SI
    std::vector<std::pair<std::string, double>> initialOverrides;   // SI
    NativeCode nativeCode = NativeCode::Auto; // single runs with euler, rk2 or rk4 (NativeStepCache.h)
};

/// What one run produced. Traces are in SI units, one per state variable, sampled at `time`.
struct SimulationResult {
    std::string method;
    double dt = 0;
    int recordEvery = 1;
    std::int64_t steps = 0;
    std::vector<double> time;
    std::vector<std::string> names;
    std::vector<Dimension> dimensions;
    std::vector<std::vector<double>> traces;
    std::vector<double> drive;      // drive parameter at each sample; empty when nothing is driven
    std::vector<double> spikeTimes; // seconds: the times of the steps whose threshold held
    std::vector<std::int64_t> spikeSteps;
    bool nativeCode = false; // the step ran as compiled machine code, not interpreted

    const std::vector<double>* trace(const std::string& name) const;
    double duration() const { return static_cast<double>(steps) * dt; }
    double firingRate() const; // Hz over the whole run
};

/// A run that cannot start (bad dt or duration, unknown method) or that diverged (NaN/Inf).
/// `what()` is one line a user can act on, naming the variable and time when it diverged.
class SimulationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Runs one neuron. Throws SimulationError, JobCancelled (when `job` is cancelled).
/// Preconditions checked: 0 < dt, dt <= duration, duration/dt <= 1e9 steps.
SimulationResult simulate(const NeuronModel& model, const SimulationSettings& settings, JobContext* job = nullptr);

/// Many independent copies of one model that differ in some parameters and/or protocol.
struct BatchSettings {
    SimulationSettings base;
    std::vector<std::string> varied;         // parameter names varied across copies
    std::vector<std::vector<double>> values; // values[copy][k] for varied[k], SI
    std::vector<Protocol> protocols;         // empty, or one per copy (overrides base.protocol)
    std::size_t copies = 0;                  // number of copies; taken from values/protocols if 0
    int threads = 0;                         // 0 = all hardware threads
    bool recordStates = false;               // keep traces (every base.recordEvery steps)
};

struct BatchResult {
    std::vector<std::vector<double>> spikeTimes;          // [copy]
    std::vector<std::vector<std::vector<double>>> traces; // [copy][state][sample] if recorded
    std::vector<double> time;                             // sample times if recorded
    std::vector<std::string> names;
    std::vector<std::string> errors; // [copy] "" or why that copy diverged
};

/// Runs the copies in parallel; a copy that diverges is reported in `errors`, not thrown.
/// Results do not depend on the thread count. Throws SimulationError for invalid settings.
BatchResult simulateBatch(const NeuronModel& model, const BatchSettings& batch, JobContext* job = nullptr);

} // namespace scs
