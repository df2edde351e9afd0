// SPDX-License-Identifier: MIT
#include "ode/LaneBlock.h"

#include "ode/Simulation.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <unsupported/Eigen/MatrixFunctions>

namespace scs {

Method methodFromName(const std::string& name) {
    if (name == "euler") return Method::Euler;
    if (name == "rk2") return Method::Rk2;
    if (name == "rk4") return Method::Rk4;
    if (name == "exponential_euler") return Method::ExponentialEuler;
    if (name == "exact") return Method::Exact;
    throw SimulationError("unknown integration method '" + name + "'");
}

namespace {
constexpr std::int64_t kNeverSpiked = std::numeric_limits<std::int64_t>::min() / 4;

const char* methodName(Method m) {
    switch (m) {
    case Method::Euler:
        return "euler";
    case Method::Rk2:
        return "rk2";
    case Method::Rk4:
        return "rk4";
    case Method::ExponentialEuler:
        return "exponential_euler";
    case Method::Exact:
        return "exact";
    }
    return "?";
}
} // namespace

LaneBlock::LaneBlock(const CompiledModel& model, Method method, double dt, int lanes, std::uint64_t seed,
                     std::uint64_t firstLane)
    : m_(model), method_(method), dt_(dt), L_(lanes), n_(model.states.size()) {
    const std::size_t L = static_cast<std::size_t>(L_);
    for (bool flag : model.unlessRefractory) unless_.push_back(flag ? 1 : 0);
    slots_.resize(model.initialSlots.size() * L);
    for (std::size_t k = 0; k < model.initialSlots.size(); ++k)
        for (std::size_t l = 0; l < L; ++l) slots_[k * L + l] = model.initialSlots[k];
    for (std::size_t l = 0; l < L; ++l) {
        rngs_.push_back(Random::stream(seed, firstLane + l));
        slots_[model.dtSlot * L + l] = dt;
        slots_[model.indexSlot * L + l] = static_cast<double>(firstLane + l);
    }
    x0_.resize(n_ * L);
    acc_.resize(n_ * L);
    lastSpikeStep_.assign(L, kNeverSpiked);
    refractorySteps_.assign(L, 0);
    errors_.assign(L, {});
    exactCache_.resize(L);
}

void LaneBlock::setDrive(int lane, std::uint16_t slot, const Protocol& protocol) {
    driveSlot_ = slot;
    if (signals_.empty()) signals_.assign(static_cast<std::size_t>(L_), ProtocolSignal(protocol, dt_));
    signals_[static_cast<std::size_t>(lane)] = ProtocolSignal(protocol, dt_);
}

void LaneBlock::beginStep(std::int64_t stepIndex) {
    for (auto& s : signals_) s.advance(stepIndex);
}

double LaneBlock::protocolValue(int lane, double t) const {
    return signals_.empty() ? 0.0 : signals_[static_cast<std::size_t>(lane)].at(t);
}

void LaneBlock::prepare() {
    if (m_.refractory != CompiledModel::Refractory::Duration) return;
    runProgram(m_.refractoryProgram);
    for (int l = 0; l < L_; ++l) {
        const double duration = slots_[m_.refractorySlot * L_ + l];
        // Brian2's timestep(): int((x + 1e-3*dt)/dt).
        refractorySteps_[static_cast<std::size_t>(l)] = static_cast<std::int64_t>((duration + 1e-3 * dt_) / dt_);
    }
}

void LaneBlock::runProgram(const Program& p) {
    if (L_ == 1)
        runScalar(p, slots_.data(), rngs_.data());
    else
        runLanes(p, slots_.data(), L_, rngs_.data());
}

void LaneBlock::setStageTime(double t) {
    const std::size_t L = static_cast<std::size_t>(L_);
    for (std::size_t l = 0; l < L; ++l) slots_[m_.tSlot * L + l] = t;
    if (driveSlot_ >= 0)
        for (std::size_t l = 0; l < L; ++l) slots_[static_cast<std::size_t>(driveSlot_) * L + l] = signals_[l].at(t);
}

void LaneBlock::integrate(double t) {
    const std::size_t L = static_cast<std::size_t>(L_);
    const double dt = dt_;
    auto x = [&](std::size_t k, std::size_t l) -> double& { return slots_[m_.stateSlots[k] * L + l]; };
    auto f = [&](std::size_t k, std::size_t l) { return slots_[m_.derivativeSlots[k] * L + l] * mask(k, l); };
    switch (method_) {
    case Method::Euler:
        setStageTime(t);
        runProgram(m_.derivatives);
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x(k, l) = x(k, l) + dt * f(k, l);
        break;
    case Method::Rk2:
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x0_[k * L + l] = x(k, l);
        setStageTime(t);
        runProgram(m_.derivatives);
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x(k, l) = x0_[k * L + l] + 0.5 * (dt * f(k, l));
        setStageTime(t + 0.5 * dt);
        runProgram(m_.derivatives);
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x(k, l) = x0_[k * L + l] + dt * f(k, l);
        break;
    case Method::Rk4: {
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x0_[k * L + l] = x(k, l);
        static constexpr double stageTime[4] = {0.0, 0.5, 0.5, 1.0};
        static constexpr double nextWeight[3] = {0.5, 0.5, 1.0};
        static constexpr double sumWeight[4] = {1.0, 2.0, 2.0, 1.0};
        for (int s = 0; s < 4; ++s) {
            setStageTime(t + stageTime[s] * dt);
            runProgram(m_.derivatives);
            for (std::size_t k = 0; k < n_; ++k) {
                for (std::size_t l = 0; l < L; ++l) {
                    const double kk = dt * f(k, l);
                    double& a = acc_[k * L + l];
                    a = s == 0 ? kk : a + sumWeight[s] * kk;
                    if (s < 3) x(k, l) = x0_[k * L + l] + nextWeight[s] * kk;
                }
            }
        }
        for (std::size_t k = 0; k < n_; ++k)
            for (std::size_t l = 0; l < L; ++l) x(k, l) = x0_[k * L + l] + acc_[k * L + l] / 6.0;
        break;
    }
    case Method::ExponentialEuler:
        setStageTime(t);
        runProgram(m_.linearParts);
        for (std::size_t k = 0; k < n_; ++k) {
            for (std::size_t l = 0; l < L; ++l) {
                if (mask(k, l) == 0.0) continue;
                const double A = slots_[m_.aSlots[k] * L + l];
                const double B = slots_[m_.bSlots[k] * L + l];
                if (B == 0.0) {
                    x(k, l) = x(k, l) + dt * A;
                } else {
                    const double BA = A / B;
                    x(k, l) = -BA + (BA + x(k, l)) * std::exp(B * dt);
                }
            }
        }
        break;
    case Method::Exact:
        setStageTime(t);
        runProgram(m_.systemCoefficients);
        integrateExact();
        break;
    }
}

void LaneBlock::integrateExact() {
    const std::size_t L = static_cast<std::size_t>(L_);
    const Eigen::Index n = static_cast<Eigen::Index>(n_);
    for (std::size_t l = 0; l < L; ++l) {
        // Rows of variables frozen by refractoriness have zero derivative.
        std::vector<double> m(n_ * n_);
        Eigen::VectorXd c(n), x(n);
        for (std::size_t i = 0; i < n_; ++i) {
            const double rowMask = mask(i, l);
            for (std::size_t j = 0; j < n_; ++j) m[i * n_ + j] = rowMask * slots_[m_.mSlots[i * n_ + j] * L + l];
            c(static_cast<Eigen::Index>(i)) = rowMask * slots_[m_.cSlots[i] * L + l];
            x(static_cast<Eigen::Index>(i)) = slots_[m_.stateSlots[i] * L + l];
        }
        Eigen::VectorXd next(n);
        if (n_ == 1) {
            const double a = m[0], b = c(0);
            if (a == 0.0)
                next(0) = x(0) + b * dt_;
            else
                next(0) = -b / a + (x(0) + b / a) * std::exp(a * dt_);
        } else {
            ExactCache& cache = exactCache_[l];
            if (cache.m != m) {
                // exp([[M, I], [0, 0]] dt) = [[E, F], [0, I]] with E = exp(M dt), F = integral of exp(M s).
                Eigen::MatrixXd aug = Eigen::MatrixXd::Zero(2 * n, 2 * n);
                for (Eigen::Index i = 0; i < n; ++i) {
                    for (Eigen::Index j = 0; j < n; ++j) aug(i, j) = m[static_cast<std::size_t>(i * n + j)] * dt_;
                    aug(i, n + i) = dt_;
                }
                const Eigen::MatrixXd ex = aug.exp();
                cache.e = ex.topLeftCorner(n, n);
                cache.f = ex.topRightCorner(n, n);
                cache.m = m;
            }
            next = cache.e * x + cache.f * c;
        }
        for (std::size_t i = 0; i < n_; ++i) slots_[m_.stateSlots[i] * L + l] = next(static_cast<Eigen::Index>(i));
    }
}

void LaneBlock::checkFinite(std::int64_t stepIndex) {
    const std::size_t L = static_cast<std::size_t>(L_);
    for (std::size_t k = 0; k < n_; ++k) {
        for (std::size_t l = 0; l < L; ++l) {
            const double v = slots_[m_.stateSlots[k] * L + l];
            if (std::isfinite(v) || !errors_[l].empty()) continue;
            std::ostringstream msg;
            msg.precision(6);
            msg << "the model diverged: '" << m_.states[k].name << "' became " << (std::isnan(v) ? "NaN" : "infinite")
                << " at t = " << static_cast<double>(stepIndex + 1) * dt_ * 1e3 << " ms (step " << stepIndex + 1
                << ") with " << methodName(method_) << "; try a smaller dt or the rk4 method, or check the parameters";
            errors_[l] = msg.str();
            anyError_ = true;
        }
    }
}

void LaneBlock::useNative(std::shared_ptr<const NativeStep> step) {
    if (step && L_ != 1) throw SimulationError("native steps run one lane at a time");
    native_ = std::move(step);
}

void LaneBlock::updateRefractoryDuration(std::int64_t stepIndex) {
    const std::size_t L = static_cast<std::size_t>(L_);
    for (std::size_t l = 0; l < L; ++l)
        slots_[m_.notRefractorySlot * L + l] = (stepIndex - lastSpikeStep_[l]) >= refractorySteps_[l] ? 1.0 : 0.0;
}

// The stage times of integrate() (t + 0 dt, t + dt/2, t + dt/2, t + dt for rk4), for lane 0.
StageInputs LaneBlock::stageInputs(double t) const {
    static constexpr double rk4Offsets[4] = {0.0, 0.5, 0.5, 1.0};
    StageInputs in;
    const int stages = method_ == Method::Rk4 ? 4 : method_ == Method::Rk2 ? 2 : 1;
    for (int s = 0; s < stages; ++s) {
        in.time[s] = t + rk4Offsets[s] * dt_;
        if (driveSlot_ >= 0) in.drive[s] = signals_[0].at(in.time[s]);
    }
    return in;
}

const std::vector<int>& LaneBlock::step(std::int64_t stepIndex) {
    spiked_.clear();
    const std::size_t L = static_cast<std::size_t>(L_);
    const double t = static_cast<double>(stepIndex) * dt_;
    if (native_) return stepNative(stepIndex, t);

    // Refractoriness is decided from the values at the start of the step.
    switch (m_.refractory) {
    case CompiledModel::Refractory::None:
        break;
    case CompiledModel::Refractory::Duration:
        updateRefractoryDuration(stepIndex);
        break;
    case CompiledModel::Refractory::Condition:
        setStageTime(t);
        runProgram(m_.refractoryProgram);
        for (std::size_t l = 0; l < L; ++l)
            slots_[m_.notRefractorySlot * L + l] = slots_[m_.refractorySlot * L + l] != 0.0 ? 0.0 : 1.0;
        break;
    }

    integrate(t);
    checkFinite(stepIndex);

    if (!m_.hasThreshold) return spiked_;
    setStageTime(t);
    runProgram(m_.threshold);
    const bool refractory = m_.refractory != CompiledModel::Refractory::None;
    for (std::size_t l = 0; l < L; ++l) {
        if (slots_[m_.thresholdSlot * L + l] == 0.0) continue;
        if (refractory && slots_[m_.notRefractorySlot * L + l] == 0.0) continue;
        if (!errors_[l].empty()) continue;
        spiked_.push_back(static_cast<int>(l));
    }
    return spikeAndReset(stepIndex, t);
}

// The same step as the interpreted path above, with everything up to the threshold in native code.
const std::vector<int>& LaneBlock::stepNative(std::int64_t stepIndex, double t) {
    if (m_.refractory == CompiledModel::Refractory::Duration) updateRefractoryDuration(stepIndex);
    const int result = native_->run(slots_.data(), stageInputs(t), rngs_.data());
    if (result & kNativeNonFinite) checkFinite(stepIndex);
    const bool refractory = m_.refractory != CompiledModel::Refractory::None;
    const bool held = (result & kNativeThresholdHeld) != 0;
    if (held && !(refractory && slots_[m_.notRefractorySlot] == 0.0) && errors_[0].empty()) spiked_.push_back(0);
    return spikeAndReset(stepIndex, t);
}

// Marks the lanes in spiked_ refractory and runs the reset for them.
const std::vector<int>& LaneBlock::spikeAndReset(std::int64_t stepIndex, double t) {
    if (spiked_.empty()) return spiked_;
    const std::size_t L = static_cast<std::size_t>(L_);
    const bool refractory = m_.refractory != CompiledModel::Refractory::None;
    for (int lane : spiked_) {
        const std::size_t l = static_cast<std::size_t>(lane);
        lastSpikeStep_[l] = stepIndex;
        slots_[m_.lastSpikeSlot * L + l] = t;
        // Without refractoriness nothing would ever set it back: "(unless refractory)" then never freezes.
        if (refractory) slots_[m_.notRefractorySlot * L + l] = 0.0;
    }
    if (m_.reset.empty()) return spiked_;
    if (L_ == 1) {
        runScalar(m_.reset, slots_.data(), rngs_.data());
        return spiked_;
    }
    // Reset only the lanes that spiked.
    scratch_.resize(m_.initialSlots.size());
    runOnLanes(m_.reset, slots_.data(), L_, spiked_, m_.stateSlots, scratch_, rngs_.data());
    return spiked_;
}

} // namespace scs
