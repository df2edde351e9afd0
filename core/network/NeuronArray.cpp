// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — population chunk stepping: exact linear fast path, LaneBlock otherwise.
#include "network/NeuronArray.h"

#include "network/LinearKernel.h"

#include "ode/CompiledModel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <set>
#include <sstream>
#include <unsupported/Eigen/MatrixFunctions>

namespace scs {

namespace {

constexpr std::int64_t kNeverSpiked = std::numeric_limits<std::int64_t>::min() / 4;

int arity(OpCode op) {
    switch (op) {
    case OpCode::Rand:
    case OpCode::Randn:
        return 0;
    case OpCode::Clip:
        return 3;
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::Div:
    case OpCode::Pow:
    case OpCode::Mod:
    case OpCode::Lt:
    case OpCode::Le:
    case OpCode::Gt:
    case OpCode::Ge:
    case OpCode::Eq:
    case OpCode::Ne:
    case OpCode::And:
    case OpCode::Or:
    case OpCode::AddTo:
    case OpCode::SubFrom:
    case OpCode::MulBy:
    case OpCode::DivBy:
        return 2;
    default:
        return 1;
    }
}

/// The slots that the values of `outputs` depend on after running `p` (inputs read, transitively).
std::set<std::uint16_t> dependencies(const Program& p, const std::vector<std::uint16_t>& outputs) {
    std::set<std::uint16_t> live(outputs.begin(), outputs.end());
    for (auto it = p.code.rbegin(); it != p.code.rend(); ++it) {
        if (!live.count(it->dst)) continue;
        live.erase(it->dst);
        const std::uint16_t in[3] = {it->a, it->b, it->c};
        for (int k = 0; k < arity(it->op); ++k) live.insert(in[k]);
    }
    return live;
}

} // namespace

NeuronArray::NeuronArray(const NeuronModel& model, double dt, int lanes, std::uint64_t seed, std::uint64_t firstLane)
    : model_(model), m_(model_.compiled()), dt_(dt), L_(lanes), seed_(seed), firstLane_(firstLane),
      n_(m_.states.size()) {
    const std::size_t L = static_cast<std::size_t>(L_);
    slots_.resize(m_.initialSlots.size() * L);
    for (std::size_t k = 0; k < m_.initialSlots.size(); ++k)
        std::fill_n(slots_.begin() + static_cast<std::ptrdiff_t>(k * L), L, m_.initialSlots[k]);
    for (std::size_t l = 0; l < L; ++l) {
        rngs_.push_back(Random::stream(seed, firstLane + l));
        slot(m_.dtSlot)[l] = dt;
        slot(m_.indexSlot)[l] = static_cast<double>(firstLane + l);
    }
    errors_.assign(L, {});
}

void NeuronArray::setParameter(int lane, std::size_t parameter, double value) {
    const std::uint16_t s = m_.parameterSlots[parameter];
    slot(s)[lane] = value; // mirrored on the LaneBlock path so parameter() reads it
    if (block_) block_->setParameter(lane, s, value);
}

void NeuronArray::setState(int lane, std::size_t state, double value) {
    if (block_)
        block_->setState(lane, state, value);
    else
        slot(m_.stateSlots[state])[lane] = value;
}

double NeuronArray::state(int lane, std::size_t state) const {
    if (block_) return block_->state(lane, state);
    return slots_[m_.stateSlots[state] * static_cast<std::size_t>(L_) + static_cast<std::size_t>(lane)];
}

double NeuronArray::parameter(int lane, std::size_t parameter) const {
    // Parameters are mirrored in slots_ on both paths (setParameter* write both).
    return slots_[m_.parameterSlots[parameter] * static_cast<std::size_t>(L_) + static_cast<std::size_t>(lane)];
}

void NeuronArray::markDynamic(std::size_t parameter) { dynamicSlots_.push_back(m_.parameterSlots[parameter]); }

const std::string& NeuronArray::error(int lane) const {
    return block_ ? block_->error(lane) : errors_[static_cast<std::size_t>(lane)];
}

void NeuronArray::prepare() {
    const std::size_t L = static_cast<std::size_t>(L_);
    const std::string method = model_.effectiveMethod();
    std::set<std::uint16_t> varying(dynamicSlots_.begin(), dynamicSlots_.end());
    varying.insert(m_.tSlot);
    const auto dependsOnVarying = [&](const std::vector<std::uint16_t>& outputs) {
        for (std::uint16_t s : dependencies(m_.systemCoefficients, outputs))
            if (varying.count(s)) return true;
        return false;
    };
    if (method != "exact" || !m_.linearSystem)
        why_ = "the model is not integrated with the exact method";
    else if (m_.systemCoefficients.usesRandom)
        why_ = "the system uses random numbers";
    else if (m_.refractory == CompiledModel::Refractory::Condition)
        why_ = "refractoriness is a condition";
    else if (dependsOnVarying(m_.mSlots))
        why_ = "the system matrix changes during the run";
    if (why_.empty()) {
        runLanes(m_.systemCoefficients, slots_.data(), L_, rngs_.data());
        for (std::uint16_t s : m_.mSlots)
            for (std::size_t l = 1; l < L && why_.empty(); ++l)
                if (slot(s)[l] != slot(s)[0]) why_ = "neurons differ in the system matrix";
    }
    if (!why_.empty()) {
        block_ = std::make_unique<LaneBlock>(m_, methodFromName(method), dt_, L_, seed_, firstLane_);
        for (std::size_t l = 0; l < L; ++l) {
            for (std::uint16_t s : m_.parameterSlots) block_->setParameter(static_cast<int>(l), s, slot(s)[l]);
            for (std::size_t k = 0; k < n_; ++k) block_->setState(static_cast<int>(l), k, slot(m_.stateSlots[k])[l]);
        }
        block_->prepare();
        return;
    }
    fast_ = true;
    refractorySteps_.assign(L, 0);
    lastSpike_.assign(L, kNeverSpiked);
    notRefractory_.assign(L, 1.0);
    if (m_.refractory == CompiledModel::Refractory::Duration) {
        runLanes(m_.refractoryProgram, slots_.data(), L_, rngs_.data());
        for (std::size_t l = 0; l < L; ++l) // Brian2's timestep(): int((x + 1e-3*dt)/dt)
            refractorySteps_[l] = static_cast<std::int64_t>((slot(m_.refractorySlot)[l] + 1e-3 * dt_) / dt_);
    }
    // E = exp(M dt), F = integral_0^dt exp(M s) ds from exp([[M, I], [0, 0]] dt); frozen rows are zero.
    const Eigen::Index n = static_cast<Eigen::Index>(n_);
    Eigen::MatrixXd eActive, eFrozen;
    for (int frozen = 0; frozen < 2; ++frozen) {
        Eigen::MatrixXd aug = Eigen::MatrixXd::Zero(2 * n, 2 * n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const bool zero = frozen && m_.unlessRefractory[static_cast<std::size_t>(i)];
            for (Eigen::Index j = 0; j < n; ++j)
                aug(i, j) = zero ? 0.0 : slot(m_.mSlots[static_cast<std::size_t>(i * n + j)])[0] * dt_;
            aug(i, n + i) = dt_;
        }
        const Eigen::MatrixXd ex = aug.exp();
        (frozen ? eFrozen : eActive) = ex.topLeftCorner(n, n);
        auto& f = frozen ? fFrozen_ : fActive_;
        f.resize(n_ * n_);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = 0; j < n; ++j) f[static_cast<std::size_t>(i * n + j)] = ex(i, n + j);
    }
    denseFrozen_.assign(n_ * n_, 0.0);
    denseDelta_.assign(n_ * n_, 0.0);
    denseActive_.assign(n_ * n_, 0.0);
    for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = 0; j < n_; ++j) {
            denseFrozen_[i * n_ + j] = eFrozen(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            denseActive_[i * n_ + j] = eActive(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            denseDelta_[i * n_ + j] = denseActive_[i * n_ + j] - denseFrozen_[i * n_ + j];
        }
    for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t j = 0; j < n_; ++j) {
            const double a = eActive(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            const double f = eFrozen(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            if (a == 0.0 && f == 0.0) continue;
            eRow_.push_back(static_cast<std::uint32_t>(i));
            eCol_.push_back(static_cast<std::uint32_t>(j));
            eActive_.push_back(a);
            eFrozen_.push_back(f);
        }
    offActive_.assign(n_ * L, 0.0);
    offFrozen_.assign(n_ * L, 0.0);
    next_.assign(n_ * detail::kBlock, 0.0);
    dynamicOffsets_ = dependsOnVarying(m_.cSlots);
    computeOffsets();
    fired_.assign(detail::kBlock, 0);
    if (!dynamicOffsets_) { // static offsets equal in every lane (the usual case) are kept once
        bool uniform = true;
        for (std::size_t i = 0; i < n_ && uniform; ++i)
            for (std::size_t l = 1; l < L && uniform; ++l)
                uniform = offActive_[i * L + l] == offActive_[i * L] && offFrozen_[i * L + l] == offFrozen_[i * L];
        if (uniform) {
            for (std::size_t i = 0; i < n_; ++i) {
                offActive_[i] = offActive_[i * L];
                offFrozen_[i] = offFrozen_[i * L];
            }
            offActive_.resize(n_);
            offFrozen_.resize(n_);
            uniformOffsets_ = true;
        }
    }
    for (std::size_t i = 0; i < n_ && i < 32; ++i) {
        bool diagonal = true;
        for (std::size_t j = 0; j < n_; ++j) diagonal = diagonal && (i == j || denseActive_[i * n_ + j] == 0.0);
        if (diagonal) diagonalRows_ |= 1u << i;
    }
    for (std::size_t i = 0; uniformOffsets_ && i < n_; ++i) { // rows the refractory case changes
        FrozenRow row{i, offFrozen_[i], {}};
        bool differs = offFrozen_[i] != offActive_[i];
        for (std::size_t j = 0; j < n_; ++j) {
            if (denseFrozen_[i * n_ + j] != denseActive_[i * n_ + j]) differs = true;
            if (denseFrozen_[i * n_ + j] != 0.0) row.entries.emplace_back(j, denseFrozen_[i * n_ + j]);
        }
        if (differs) frozenRows_.push_back(std::move(row));
    }
    if (m_.threshold.code.size() == 1) {
        const Instruction& in = m_.threshold.code.front();
        if ((in.op == OpCode::Gt || in.op == OpCode::Ge || in.op == OpCode::Lt || in.op == OpCode::Le) &&
            in.dst == m_.thresholdSlot) {
            simpleThreshold_ = true;
            thresholdOp_ = in.op;
            thresholdA_ = in.a;
            thresholdB_ = in.b;
        }
    }
    needTime_ = dynamicOffsets_ || readsSlot(m_.tSlot);
    needNotRefractory_ = readsSlot(m_.notRefractorySlot);
}

void NeuronArray::computeOffsets() {
    // b = F c, with c's frozen rows zeroed for the refractory case (as LaneBlock masks rows).
    const std::size_t L = static_cast<std::size_t>(L_);
    std::fill(offActive_.begin(), offActive_.end(), 0.0);
    std::fill(offFrozen_.begin(), offFrozen_.end(), 0.0);
    for (std::size_t i = 0; i < n_; ++i) {
        for (std::size_t j = 0; j < n_; ++j) {
            const double fa = fActive_[i * n_ + j];
            const double ff = m_.unlessRefractory[j] ? 0.0 : fFrozen_[i * n_ + j];
            if (fa == 0.0 && ff == 0.0) continue;
            const double* __restrict c = slot(m_.cSlots[j]);
            double* __restrict oa = offActive_.data() + i * L;
            double* __restrict of = offFrozen_.data() + i * L;
            for (std::size_t l = 0; l < L; ++l) {
                oa[l] += fa * c[l];
                of[l] += ff * c[l];
            }
        }
    }
}

void NeuronArray::setParameterValues(std::size_t parameter, const double* values) {
    const std::uint16_t s = m_.parameterSlots[parameter];
    std::copy_n(values, L_, slot(s));
    if (block_)
        for (int l = 0; l < L_; ++l) block_->setParameter(l, s, values[l]);
}

void NeuronArray::addToState(std::size_t state, double* delta) {
    if (block_) {
        for (int l = 0; l < L_; ++l) block_->setState(l, state, block_->state(l, state) + delta[l]);
    } else {
        double* __restrict x = slot(m_.stateSlots[state]);
        for (int l = 0; l < L_; ++l) x[l] += delta[l];
    }
    std::fill_n(delta, L_, 0.0);
}

void NeuronArray::readState(std::size_t state, double* out) const {
    for (int l = 0; l < L_; ++l) out[l] = this->state(l, state);
}

bool NeuronArray::readsSlot(std::uint16_t slot) const {
    for (const Program* p : {&m_.threshold, &m_.reset, &m_.systemCoefficients, &m_.refractoryProgram})
        for (const Instruction& in : p->code) {
            const std::uint16_t inputs[3] = {in.a, in.b, in.c};
            for (int k = 0; k < arity(in.op); ++k)
                if (inputs[k] == slot) return true;
        }
    return false;
}

void NeuronArray::markErrors(std::size_t l0, std::size_t l1, std::int64_t step) {
    for (std::size_t k = 0; k < n_; ++k) {
        const double* x = slot(m_.stateSlots[k]);
        for (std::size_t l = l0; l < l1; ++l) {
            if (std::isfinite(x[l]) || !errors_[l].empty()) continue;
            std::ostringstream msg;
            msg.precision(6);
            msg << "the model diverged: '" << m_.states[k].name << "' became "
                << (std::isnan(x[l]) ? "NaN" : "infinite") << " at t = " << static_cast<double>(step + 1) * dt_ * 1e3
                << " ms (step " << step + 1 << "); check the parameters and weights";
            errors_[l] = msg.str();
            anyError_ = true;
        }
    }
}

const std::vector<int>& NeuronArray::update(std::int64_t step) {
    if (block_) {
        block_->beginStep(step);
        return block_->step(step);
    }
    const std::size_t L = static_cast<std::size_t>(L_);
    const double t = static_cast<double>(step) * dt_;
    spiked_.clear();
    if (needTime_) std::fill_n(slot(m_.tSlot), L, t);
    if (dynamicOffsets_) {
        runLanes(m_.systemCoefficients, slots_.data(), L_, rngs_.data());
        computeOffsets();
    }
    const bool refractory = m_.refractory == CompiledModel::Refractory::Duration;
    detail::BlockArgs k{n_,
                        L,
                        eRow_.size(),
                        slots_.data(),
                        m_.stateSlots.data(),
                        eRow_.data(),
                        eCol_.data(),
                        eActive_.data(),
                        eFrozen_.data(),
                        offActive_.data(),
                        offFrozen_.data(),
                        uniformOffsets_,
                        notRefractory_.data(),
                        refractory ? lastSpike_.data() : nullptr,
                        refractorySteps_.data(),
                        step,
                        0,
                        slot(thresholdA_),
                        slot(thresholdB_),
                        fired_.data(),
                        next_.data(),
                        denseFrozen_.data(),
                        denseDelta_.data(),
                        denseActive_.data(),
                        false,
                        diagonalRows_};
    if (simpleThreshold_ && m_.hasThreshold)
        k.thresholdOp = thresholdOp_ == OpCode::Gt   ? 1
                        : thresholdOp_ == OpCode::Ge ? 2
                        : thresholdOp_ == OpCode::Lt ? 3
                                                     : 4;
    // Small dense systems integrate every lane as active, then redo the few refractory lanes from their
    // saved states: a refractory neuron is rare (rate x refractory period), a per-lane blend is not.
    const bool dense = uniformOffsets_ && n_ >= 1 && n_ <= 4;
    if (dense) {
        k.activeOnly = true;
        std::size_t kept = 0;
        for (int lane : refractoryLanes_) {
            const std::size_t l = static_cast<std::size_t>(lane);
            if (step - lastSpike_[l] < refractorySteps_[l]) refractoryLanes_[kept++] = lane;
        }
        refractoryLanes_.resize(kept);
        refractoryOld_.resize(kept * n_);
        for (std::size_t q = 0; q < kept; ++q)
            for (std::size_t j = 0; j < n_; ++j)
                refractoryOld_[q * n_ + j] = slot(m_.stateSlots[j])[refractoryLanes_[q]];
        if (refractory && (needNotRefractory_ || !simpleThreshold_)) {
            for (std::size_t l = 0; l < L; ++l) notRefractory_[l] = 1.0;
            for (int lane : refractoryLanes_) notRefractory_[static_cast<std::size_t>(lane)] = 0.0;
        }
    }
    for (std::size_t l0 = 0; l0 < L; l0 += detail::kBlock) {
        const std::size_t l1 = std::min(L, l0 + detail::kBlock);
        if (detail::integrateBlock(k, l0, l1)) markErrors(l0, l1, step);
        if (!k.thresholdOp) continue;
        std::size_t l = 0;
        for (; l + 8 <= l1 - l0; l += 8) { // spikes are rare: skip eight quiet lanes at a time
            std::uint64_t word;
            std::memcpy(&word, fired_.data() + l, 8);
            if (!word) continue;
            for (std::size_t q = l; q < l + 8; ++q)
                if (fired_[q]) spiked_.push_back(static_cast<int>(l0 + q));
        }
        for (; l < l1 - l0; ++l)
            if (fired_[l]) spiked_.push_back(static_cast<int>(l0 + l));
    }
    if (dense) {
        // x' = E(frozen) x + b(frozen), only for the rows where it differs from the active step (for an
        // LIF only v, which stays put), from the states saved before the step.
        for (std::size_t q = 0; q < refractoryLanes_.size(); ++q) {
            const std::size_t l = static_cast<std::size_t>(refractoryLanes_[q]);
            bool finite = true;
            for (const FrozenRow& row : frozenRows_) {
                double acc = row.offset;
                for (const auto& [j, e] : row.entries) acc += e * refractoryOld_[q * n_ + j];
                slot(m_.stateSlots[row.row])[l] = acc;
                finite = finite && std::isfinite(acc);
            }
            if (!finite) markErrors(l, l + 1, step);
        }
        if (refractory && k.thresholdOp && !refractoryLanes_.empty())
            spiked_.erase(std::remove_if(spiked_.begin(), spiked_.end(),
                                         [&](int lane) {
                                             const std::size_t l = static_cast<std::size_t>(lane);
                                             return step - lastSpike_[l] < refractorySteps_[l];
                                         }),
                          spiked_.end());
    }
    if (needNotRefractory_) std::copy(notRefractory_.begin(), notRefractory_.end(), slot(m_.notRefractorySlot));
    if (!m_.hasThreshold) return spiked_;
    if (!simpleThreshold_) {
        runLanes(m_.threshold, slots_.data(), L_, rngs_.data());
        const double* thr = slot(m_.thresholdSlot);
        for (std::size_t l = 0; l < L; ++l)
            if (thr[l] != 0.0 && notRefractory_[l] != 0.0) spiked_.push_back(static_cast<int>(l));
    }
    if (anyError_) // a diverged neuron does not spike (the run stops at this step anyway)
        spiked_.erase(std::remove_if(spiked_.begin(), spiked_.end(),
                                     [&](int l) { return !errors_[static_cast<std::size_t>(l)].empty(); }),
                      spiked_.end());
    for (int lane : spiked_) {
        const std::size_t l = static_cast<std::size_t>(lane);
        lastSpike_[l] = step;
        slot(m_.lastSpikeSlot)[l] = t;
        if (refractory) slot(m_.notRefractorySlot)[l] = 0.0;
        if (refractory && refractorySteps_[l] > 0) refractoryLanes_.push_back(lane);
    }
    return spiked_;
}

void NeuronArray::reset() {
    if (block_ || spiked_.empty() || m_.reset.empty()) return;
    scratch_.resize(m_.initialSlots.size());
    runOnLanes(m_.reset, slots_.data(), L_, spiked_, m_.stateSlots, scratch_, rngs_.data());
}

} // namespace scs
