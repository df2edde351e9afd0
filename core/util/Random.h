// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a small, fast, portable random generator (xoshiro256**), seeded by
// splitmix64, so that the same seed gives the same numbers on every platform and compiler.
#pragma once

#include <cmath>
#include <cstdint>

namespace scs {

class Random {
public:
    explicit Random(std::uint64_t seed = 1) { reseed(seed); }

    void reseed(std::uint64_t seed) {
        for (auto& word : s_) word = splitmix(seed);
        hasSpare_ = false;
    }
    /// A generator for stream `index` of `seed` (e.g. one per neuron): independent and reproducible.
    static Random stream(std::uint64_t seed, std::uint64_t index) {
        return Random(seed ^ (0x9E3779B97F4A7C15ULL * (index + 1)));
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Standard normal (Box-Muller, polar form avoided for determinism of the call count).
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u1 = uniform();
        while (u1 <= 0.0) u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        constexpr double twoPi = 6.283185307179586476925286766559;
        spare_ = r * std::sin(twoPi * u2);
        hasSpare_ = true;
        return r * std::cos(twoPi * u2);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t s_[4]{};
    double spare_ = 0;
    bool hasSpare_ = false;
};

} // namespace scs
