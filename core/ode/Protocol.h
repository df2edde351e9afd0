// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — input protocols that drive one parameter (usually the current I) over time.
#pragma once

#include "units/Dimension.h"

#include <cstdint>
#include <limits>
#include <string>

namespace scs {

/// A time course for the drive parameter. Amplitudes and offsets are in SI units of the driven
/// parameter (amp for I); times in seconds; frequencies in hertz.
///   constant:    offset + amplitude
///   step:        offset, plus amplitude during [start, stop)
///   ramp:        offset, rising linearly to offset + amplitude over [start, stop), then held
///   sine:        offset + amplitude * sin(2 pi frequency (t - start)) during [start, stop)
///   pulse_train: offset, plus amplitude for `width` at every 1/frequency from start, until stop
///   noise:       Ornstein-Uhlenbeck process with mean offset + amplitude, std dev sigma, time
///                constant tau, from a seeded generator (reproducible)
struct Protocol {
    enum class Kind { Constant, Step, Ramp, Sine, PulseTrain, Noise };
    Kind kind = Kind::Constant;
    double offset = 0.0;
    double amplitude = 0.0;
    double start = 0.0;
    double stop = std::numeric_limits<double>::infinity();
    double frequency = 0.0;
    double width = 0.0;
    double sigma = 0.0;
    double tau = 0.01;
    std::uint64_t seed = 1;
    Dimension dimension; // of offset, amplitude and sigma

    static Protocol constant(double value, Dimension d);

    /// Text form used by the CLI and files: "step amplitude=2*nA start=50*ms stop=150*ms".
    /// Keys: offset amplitude start stop frequency width sigma tau seed. Throws ModelError.
    static Protocol parse(const std::string& text);
    std::string toString() const;

    static const char* kindName(Kind k);
    bool operator==(const Protocol&) const = default;
};

/// One run's view of a protocol. Deterministic functions of t except noise, which advances once per
/// time step (call `advance` at the start of every step, in order).
class ProtocolSignal {
public:
    ProtocolSignal(const Protocol& p, double dt);
    /// Value at time t within the current step (noise is held constant through a step).
    double at(double t) const;
    void advance(std::int64_t step);

private:
    Protocol p_;
    double dt_;
    double noiseState_ = 0.0;
    std::uint64_t rng_;
};

} // namespace scs
