// SPDX-License-Identifier: MIT
#include "expr/SourceError.h"
#include "ode/Protocol.h"

#include <gtest/gtest.h>

#include <cmath>

namespace scs {
namespace {

double at(const std::string& text, double t) {
    ProtocolSignal s(Protocol::parse(text), 1e-4);
    return s.at(t);
}

TEST(Protocol, DeterministicShapes) {
    EXPECT_DOUBLE_EQ(at("constant amplitude=2*nA", 0.3), 2e-9);
    EXPECT_DOUBLE_EQ(at("step amplitude=2*nA start=50*ms stop=150*ms offset=1*nA", 0.049), 1e-9);
    EXPECT_DOUBLE_EQ(at("step amplitude=2*nA start=50*ms stop=150*ms offset=1*nA", 500 * 1e-4), 3e-9);
    EXPECT_DOUBLE_EQ(at("step amplitude=2*nA start=50*ms stop=150*ms offset=1*nA", 0.15), 1e-9);
    EXPECT_NEAR(at("ramp amplitude=4*nA start=0*ms stop=100*ms", 0.025), 1e-9, 1e-21);
    EXPECT_DOUBLE_EQ(at("ramp amplitude=4*nA start=0*ms stop=100*ms", 0.2), 4e-9);
    EXPECT_NEAR(at("sine amplitude=1*nA frequency=10*Hz", 0.025), 1e-9, 1e-18);
    EXPECT_DOUBLE_EQ(at("pulse_train amplitude=1*nA frequency=100*Hz width=2*ms", 0.011), 1e-9);
    EXPECT_DOUBLE_EQ(at("pulse_train amplitude=1*nA frequency=100*Hz width=2*ms", 0.013), 0.0);
}

TEST(Protocol, NoiseIsReproducibleWithTheRightStatistics) {
    const Protocol p = Protocol::parse("noise amplitude=1*nA sigma=0.5*nA tau=5*ms seed=7");
    auto sample = [&] {
        ProtocolSignal s(p, 1e-4);
        std::vector<double> v;
        for (int i = 0; i < 200000; ++i) {
            s.advance(i);
            v.push_back(s.at(i * 1e-4));
        }
        return v;
    };
    const auto a = sample(), b = sample();
    EXPECT_EQ(a, b);
    double mean = 0, var = 0;
    for (double x : a) mean += x;
    mean /= static_cast<double>(a.size());
    for (double x : a) var += (x - mean) * (x - mean);
    const double sd = std::sqrt(var / static_cast<double>(a.size()));
    EXPECT_NEAR(mean, 1e-9, 0.05e-9);
    EXPECT_NEAR(sd, 0.5e-9, 0.05e-9);
    // Correlation time: lag-tau autocorrelation is about 1/e.
    double c = 0;
    const int lag = 50;
    for (std::size_t i = 0; i + lag < a.size(); ++i) c += (a[i] - mean) * (a[i + lag] - mean);
    c /= static_cast<double>(a.size() - lag) * sd * sd;
    EXPECT_NEAR(c, std::exp(-1.0), 0.07);
}

TEST(Protocol, TextRoundTripAndErrors) {
    const Protocol p = Protocol::parse("pulse_train amplitude=0.5*nA start=10*ms stop=90*ms frequency=50*Hz width=1*ms");
    EXPECT_EQ(Protocol::parse(p.toString()), p);
    EXPECT_THROW(Protocol::parse("square amplitude=1*nA"), ModelError);
    EXPECT_THROW(Protocol::parse("step amplitude=1*nA start=5*mV"), ModelError);
    EXPECT_THROW(Protocol::parse("sine amplitude=1*nA"), ModelError);
    EXPECT_THROW(Protocol::parse("step amplitude=1*nA offset=1*mV"), ModelError);
    EXPECT_THROW(Protocol::parse("step amplitude=1*nA colour=3"), ModelError);
}

} // namespace
} // namespace scs
