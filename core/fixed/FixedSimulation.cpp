// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — fixed-point runs and the float/fixed comparison.
#include "FixedSimulation.h"

#include "FixedStepper.h"

#include "jobs/JobContext.h"
#include "ode/Protocol.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace scs::fixed {

namespace {

constexpr std::int64_t kProgressEvery = 4096;

std::int64_t stepCount(const SimulationSettings& s) {
    if (!(s.dt > 0) || !(s.duration >= s.dt)) throw SimulationError("dt must be positive and at most the duration");
    const double steps = std::round(s.duration / s.dt);
    if (steps > 1e9) throw SimulationError("the run would take more than 1e9 steps: use a larger dt");
    return static_cast<std::int64_t>(steps);
}

} // namespace

std::int64_t inputCode(const FixedModelProgram& program, double si) {
    if (program.input.empty()) return 0;
    const QFormat& q = program.contract.format;
    const double scaled = std::round(std::ldexp(si / program.inputScale, q.fraction));
    if (!(scaled >= static_cast<double>(q.rawMin()))) return q.rawMin();
    if (!(scaled <= static_cast<double>(q.rawMax()))) return q.rawMax();
    return static_cast<std::int64_t>(scaled);
}

std::vector<std::int64_t> driveCodes(const FixedModelProgram& program, const SimulationSettings& s,
                                     std::int64_t steps) {
    std::vector<std::int64_t> codes(static_cast<std::size_t>(steps), 0);
    if (program.input.empty()) return codes;
    if (!s.protocol) {
        double value = 0;
        for (const auto& [name, v] : program.parameters)
            if (name == program.input) value = v * program.inputScale;
        std::fill(codes.begin(), codes.end(), inputCode(program, value));
        return codes;
    }
    ProtocolSignal signal(*s.protocol, s.dt);
    for (std::int64_t i = 0; i < steps; ++i) {
        signal.advance(i);
        codes[static_cast<std::size_t>(i)] = inputCode(program, signal.at(static_cast<double>(i) * s.dt));
    }
    return codes;
}

FixedSimulationResult simulateFixed(const NeuronModel& model, const SimulationSettings& s,
                                    const FixedContract& contract, JobContext* job, int lutSegments) {
    const std::int64_t steps = stepCount(s);
    if (s.recordEvery < 1) throw SimulationError("record-every must be at least 1");
    FixedSimulationResult result;
    result.program = compileFixed(model, compileOptionsFor(s, contract, lutSegments));
    const FixedModelProgram& program = result.program;
    const std::vector<std::int64_t> codes = driveCodes(program, s, steps);

    SimulationResult& r = result.run;
    r.method = "euler (" + contract.label() + ")";
    r.dt = s.dt;
    r.recordEvery = s.recordEvery;
    r.steps = steps;
    const auto& states = model.states();
    for (const auto& v : states) {
        r.names.push_back(v.name);
        r.dimensions.push_back(v.dimension);
    }
    r.traces.assign(states.size(), {});
    FixedStepper stepper(program);
    for (std::int64_t i = 0; i < steps; ++i) {
        const double t = static_cast<double>(i) * s.dt;
        if (i % s.recordEvery == 0) {
            r.time.push_back(t);
            for (std::size_t k = 0; k < states.size(); ++k)
                r.traces[k].push_back(contract.toDouble(stepper.state()[k]) * program.states[k].scale);
            if (!program.input.empty())
                r.drive.push_back(contract.toDouble(codes[static_cast<std::size_t>(i)]) * program.inputScale);
        }
        try {
            if (stepper.step(codes[static_cast<std::size_t>(i)])) {
                r.spikeSteps.push_back(i);
                r.spikeTimes.push_back(t);
            }
        } catch (const FixedOverflow& e) {
            std::ostringstream msg;
            msg << e.what() << " at t = " << t * 1e3 << " ms (step " << i << ")";
            result.trap = msg.str();
            result.trapStep = i;
            break;
        }
        if (job && i % kProgressEvery == 0) {
            job->throwIfCancelled();
            job->setProgress(static_cast<double>(i) / static_cast<double>(steps));
        }
    }
    reportProgress(job, 1.0);
    return result;
}

FloatFixedComparison compareFloatFixed(const NeuronModel& model, SimulationSettings s, const FixedContract& contract,
                                       JobContext* job, double window) {
    s.method = "euler";
    FloatFixedComparison c;
    c.window = window;
    c.floatRun = simulate(model, s);
    c.fixedRun = simulateFixed(model, s, contract, job);
    const SimulationResult& f = c.floatRun;
    const SimulationResult& x = c.fixedRun.run;
    const std::size_t samples = std::min(f.time.size(), x.time.size());
    for (std::size_t k = 0; k < f.names.size(); ++k) {
        TraceError e;
        e.name = f.names[k];
        double sumSquares = 0, sum = 0;
        for (std::size_t i = 0; i < samples; ++i) {
            const double d = x.traces[k][i] - f.traces[k][i];
            e.maxAbs = std::max(e.maxAbs, std::abs(d));
            sumSquares += d * d;
            sum += d;
        }
        if (samples > 0) {
            e.rms = std::sqrt(sumSquares / static_cast<double>(samples));
            e.meanSigned = sum / static_cast<double>(samples);
        }
        c.errors.push_back(e);
    }
    // Greedy in time order: each float spike takes the earliest unused fixed spike within the window.
    std::size_t next = 0;
    double shiftSum = 0;
    for (double t : f.spikeTimes) {
        while (next < x.spikeTimes.size() && x.spikeTimes[next] < t - window) {
            ++c.extraSpikes;
            ++next;
        }
        if (next < x.spikeTimes.size() && std::abs(x.spikeTimes[next] - t) <= window) {
            const double shift = std::abs(x.spikeTimes[next] - t);
            shiftSum += shift;
            c.maxSpikeShift = std::max(c.maxSpikeShift, shift);
            ++c.matchedSpikes;
            ++next;
        } else {
            ++c.missingSpikes;
        }
    }
    c.extraSpikes += static_cast<int>(x.spikeTimes.size() - next);
    if (c.matchedSpikes > 0) c.meanSpikeShift = shiftSum / c.matchedSpikes;
    return c;
}

std::string FloatFixedComparison::summary() const {
    std::ostringstream out;
    out << std::setprecision(4);
    out << fixedRun.program.contract.label() << " against float (euler): " << floatRun.spikeTimes.size()
        << " float spikes, " << fixedRun.run.spikeTimes.size() << " fixed; " << matchedSpikes << " matched within "
        << window * 1e3 << " ms, " << missingSpikes << " missing, " << extraSpikes << " extra";
    if (matchedSpikes > 0)
        out << "; spike shift mean " << meanSpikeShift * 1e3 << " ms, max " << maxSpikeShift * 1e3 << " ms";
    out << "\n";
    for (const auto& e : errors)
        out << "  " << e.name << ": max |error| " << e.maxAbs << ", RMS " << e.rms << ", bias " << e.meanSigned
            << " (SI)\n";
    if (fixedRun.trap) out << "  trapped: " << *fixedRun.trap << "\n";
    return out.str();
}

} // namespace scs::fixed
