// SPDX-License-Identifier: MIT
#include "ode/Protocol.h"

#include "expr/SourceError.h"
#include "units/Quantity.h"
#include "util/Random.h"

#include <cmath>
#include <sstream>

namespace scs {
namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;
// Boundaries are compared with a tolerance far below any dt, so that 500*0.1ms counts as 50 ms.
constexpr double kTimeEps = 1e-12;

const std::pair<Protocol::Kind, const char*> kKinds[] = {
    {Protocol::Kind::Constant, "constant"}, {Protocol::Kind::Step, "step"},
    {Protocol::Kind::Ramp, "ramp"},         {Protocol::Kind::Sine, "sine"},
    {Protocol::Kind::PulseTrain, "pulse_train"}, {Protocol::Kind::Noise, "noise"}};

bool within(const Protocol& p, double t) { return t + kTimeEps >= p.start && t + kTimeEps < p.stop; }

} // namespace

const char* Protocol::kindName(Kind k) {
    for (const auto& [kind, name] : kKinds)
        if (kind == k) return name;
    return "constant";
}

Protocol Protocol::constant(double value, Dimension d) {
    Protocol p;
    p.amplitude = value;
    p.dimension = d;
    return p;
}

Protocol Protocol::parse(const std::string& text) {
    std::istringstream in(text);
    std::string kindText;
    in >> kindText;
    Protocol p;
    bool known = false;
    for (const auto& [kind, name] : kKinds)
        if (kindText == name) p.kind = kind, known = true;
    if (!known)
        throw ModelError("protocol", {1, 1, static_cast<int>(std::max<std::size_t>(1, kindText.size()))},
                         "unknown protocol '" + kindText + "' (use constant, step, ramp, sine, pulse_train or noise)");
    const Dimension second = Dimension::base(Dimension::Second);
    bool haveValueDimension = false;
    std::string item;
    while (in >> item) {
        const auto eq = item.find('=');
        const std::string key = eq == std::string::npos ? "amplitude" : item.substr(0, eq);
        const std::string value = eq == std::string::npos ? item : item.substr(eq + 1);
        const SourcePos pos{1, static_cast<int>(text.find(item)) + 1, static_cast<int>(item.size())};
        Quantity q;
        try {
            q = parseQuantity(value, "protocol");
        } catch (const ModelError& e) {
            throw ModelError("protocol", pos, "'" + key + "': " + e.diagnostics().front().message);
        }
        auto needTime = [&](double& field) {
            if (!(q.dimension == second)) throw ModelError("protocol", pos, "'" + key + "' must be a time, e.g. 50*ms");
            field = q.value;
        };
        if (key == "offset" || key == "amplitude" || key == "sigma") {
            if (haveValueDimension && !(q.dimension == p.dimension) && q.value != 0.0)
                throw ModelError("protocol", pos, "'" + key + "' is in " + q.dimension.toString() +
                                                      " but other values are in " + p.dimension.toString());
            if (q.value != 0.0 || !haveValueDimension) {
                p.dimension = q.dimension;
                haveValueDimension = q.value != 0.0;
            }
            (key == "offset" ? p.offset : key == "amplitude" ? p.amplitude : p.sigma) = q.value;
        } else if (key == "start") {
            needTime(p.start);
        } else if (key == "stop") {
            needTime(p.stop);
        } else if (key == "width") {
            needTime(p.width);
        } else if (key == "tau") {
            needTime(p.tau);
            if (p.tau <= 0) throw ModelError("protocol", pos, "'tau' must be positive");
        } else if (key == "frequency") {
            if (!(q.dimension == Dimension::base(Dimension::Second, -1)))
                throw ModelError("protocol", pos, "'frequency' must be in Hz");
            p.frequency = q.value;
        } else if (key == "seed") {
            if (!q.dimension.isDimensionless() || q.value < 0) throw ModelError("protocol", pos, "'seed' must be a whole number");
            p.seed = static_cast<std::uint64_t>(q.value);
        } else {
            throw ModelError("protocol", pos,
                             "unknown key '" + key + "' (offset, amplitude, start, stop, frequency, width, sigma, tau, seed)");
        }
    }
    if ((p.kind == Kind::Sine || p.kind == Kind::PulseTrain) && p.frequency <= 0)
        throw ModelError("protocol", {1, 1, static_cast<int>(kindText.size())}, kindText + " needs frequency=...*Hz");
    if (p.kind == Kind::PulseTrain && p.width <= 0)
        throw ModelError("protocol", {1, 1, static_cast<int>(kindText.size())}, "pulse_train needs width=...*ms");
    if (p.stop <= p.start) throw ModelError("protocol", {1, 1, 1}, "'stop' must come after 'start'");
    return p;
}

std::string Protocol::toString() const {
    const DisplayUnit value = preferredDisplayUnit(dimension);
    auto withUnit = [](double v, const DisplayUnit& u) {
        std::ostringstream out;
        out.precision(12);
        out << v / u.scale;
        if (!u.name.empty()) out << '*' << u.name;
        return out.str();
    };
    const DisplayUnit ms{"ms", 1e-3};
    std::ostringstream out;
    out << kindName(kind);
    if (offset != 0) out << " offset=" << withUnit(offset, value);
    out << " amplitude=" << withUnit(amplitude, value);
    if (start != 0) out << " start=" << withUnit(start, ms);
    if (std::isfinite(stop)) out << " stop=" << withUnit(stop, ms);
    if (kind == Kind::Sine || kind == Kind::PulseTrain) out << " frequency=" << withUnit(frequency, {"Hz", 1.0});
    if (kind == Kind::PulseTrain) out << " width=" << withUnit(width, ms);
    if (kind == Kind::Noise) {
        out << " sigma=" << withUnit(sigma, value) << " tau=" << withUnit(tau, ms);
        if (seed != 1) out << " seed=" << seed;
    }
    return out.str();
}

ProtocolSignal::ProtocolSignal(const Protocol& p, double dt) : p_(p), dt_(dt), rng_(p.seed) {
    if (p_.kind == Protocol::Kind::Noise) {
        Random r(rng_);
        noiseState_ = p_.sigma * r.normal(); // start in the stationary distribution
        rng_ = r.next();
    }
}

void ProtocolSignal::advance(std::int64_t step) {
    if (p_.kind != Protocol::Kind::Noise || step == 0) return;
    // Exact Ornstein-Uhlenbeck update over one step.
    const double decay = std::exp(-dt_ / p_.tau);
    Random r(rng_);
    noiseState_ = noiseState_ * decay + p_.sigma * std::sqrt(1.0 - decay * decay) * r.normal();
    rng_ = r.next();
}

double ProtocolSignal::at(double t) const {
    switch (p_.kind) {
    case Protocol::Kind::Constant: return p_.offset + p_.amplitude;
    case Protocol::Kind::Step: return p_.offset + (within(p_, t) ? p_.amplitude : 0.0);
    case Protocol::Kind::Ramp: {
        if (t + kTimeEps < p_.start) return p_.offset;
        if (t + kTimeEps >= p_.stop) return p_.offset + p_.amplitude;
        return p_.offset + p_.amplitude * (t - p_.start) / (p_.stop - p_.start);
    }
    case Protocol::Kind::Sine:
        return p_.offset + (within(p_, t) ? p_.amplitude * std::sin(kTwoPi * p_.frequency * (t - p_.start)) : 0.0);
    case Protocol::Kind::PulseTrain: {
        if (!within(p_, t)) return p_.offset;
        const double period = 1.0 / p_.frequency;
        const double phase = std::fmod(t - p_.start + kTimeEps, period);
        return p_.offset + (phase < p_.width ? p_.amplitude : 0.0);
    }
    case Protocol::Kind::Noise:
        return p_.offset + (within(p_, t) ? p_.amplitude + noiseState_ : 0.0);
    }
    return 0.0;
}

} // namespace scs
