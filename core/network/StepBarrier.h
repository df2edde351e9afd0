// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a reusable barrier for lock-step worker threads that also agrees on a flag.
#pragma once

#include <atomic>
#include <thread>

namespace scs {

/// All `threads` call arrive() once per round; it returns when all have arrived, with the OR of the
/// flags they passed (so every thread takes the same decision to stop). Spins briefly, then yields:
/// rounds are short (one time step) but the machine may be shared.
class StepBarrier {
public:
    explicit StepBarrier(int threads) : n_(threads) {}

    bool arrive(bool flag) {
        if (n_ == 1) return flag;
        const unsigned generation = generation_.load(std::memory_order_acquire);
        if (flag) flags_[generation & 1].store(1, std::memory_order_relaxed);
        if (waiting_.fetch_add(1, std::memory_order_acq_rel) == n_ - 1) {
            waiting_.store(0, std::memory_order_relaxed);
            flags_[(generation + 1) & 1].store(0, std::memory_order_relaxed);
            generation_.fetch_add(1, std::memory_order_acq_rel);
        } else {
            for (int spin = 0; generation_.load(std::memory_order_acquire) == generation; ++spin) {
                if (spin < 100)
                    pause(); // about a microsecond, then let a descheduled peer run
                else
                    std::this_thread::yield();
            }
        }
        return flags_[generation & 1].load(std::memory_order_relaxed) != 0;
    }

private:
    static void pause() {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
    const int n_;
    std::atomic<int> waiting_{0};
    std::atomic<unsigned> generation_{0};
    std::atomic<int> flags_[2] = {0, 0};
};

} // namespace scs
