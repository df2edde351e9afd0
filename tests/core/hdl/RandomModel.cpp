// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — random equation models. Text is built with ostream chains, whose operands
// C++17 evaluates left to right, so the random draws come in the same order with every compiler.
#include "RandomModel.h"

#include <sstream>
#include <vector>

namespace scs::hdl::rtltest {

namespace {

int pick(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

/// A number in [lo, hi] with three significant digits.
struct Number {
    double value;
};
Number number(std::mt19937_64& rng, double lo, double hi) {
    return {std::uniform_real_distribution<double>(lo, hi)(rng)};
}
std::ostream& operator<<(std::ostream& out, Number n) {
    const auto precision = out.precision(3);
    out << n.value;
    out.precision(precision);
    return out;
}

/// Writes expressions over the model's names.
class Expressions {
public:
    Expressions(std::mt19937_64& rng, std::vector<std::string> names) : rng_(rng), names_(std::move(names)) {}

    const std::string& name() {
        return names_[static_cast<std::size_t>(pick(rng_, 0, static_cast<int>(names_.size()) - 1))];
    }

    /// A small argument: a name, scaled, maybe shifted.
    void argument(std::ostream& out) {
        switch (pick(rng_, 0, 3)) {
        case 0:
            out << name();
            break;
        case 1:
            out << number(rng_, 0.2, 1.5) << "*" << name();
            break;
        case 2:
            out << name() << " - " << number(rng_, -1, 1);
            break;
        default:
            out << number(rng_, 0.3, 1.2) << "*" << name() << " + " << number(rng_, -0.5, 0.5);
            break;
        }
    }
    std::string argument() {
        std::ostringstream out;
        argument(out);
        return out.str();
    }

    /// A bounded (or gently growing) term.
    void term(std::ostream& out, int depth = 0) {
        const int kind = pick(rng_, 0, depth > 0 ? 9 : 15);
        out << number(rng_, -1.2, 1.2);
        switch (kind) {
        case 0:
            out << "*tanh(" << argument() << ")";
            break;
        case 1:
            out << "*" << name() << "*" << name() << "/(1 + " << name() << "**2)";
            break;
        case 2:
            out << "*exp(-(" << argument() << ")**2)";
            break;
        case 3:
            out << "*sin(" << argument() << ")";
            break;
        case 4:
            out << "*cos(" << argument() << ")";
            break;
        case 5:
            out << "*" << name();
            break;
        case 6:
            out << "*0.03*" << name() << "**3";
            break;
        case 7:
            out << "*clip(" << argument() << ", -1, 1)";
            break;
        case 8:
            out << "*abs(" << name() << ")";
            break;
        case 9:
            out << "*sqrt(abs(" << name() << ") + 0.25)";
            break;
        case 10:
            out << "*log(1 + " << name() << "**2)";
            break;
        case 11:
            out << "*(";
            term(out, depth + 1);
            out << ")*(";
            term(out, depth + 1);
            out << ")";
            break;
        case 12:
            out << "/(1 + abs(" << argument() << "))";
            break;
        case 13:
            out << "*exp(" << number(rng_, -1.0, 0.3) << "*abs(" << name() << "))";
            break;
        case 14:
            out << "*floor(" << name() << ")";
            break;
        default:
            out << "*sign(" << argument() << ")";
            break;
        }
    }

    std::string sum(int terms) {
        std::ostringstream out;
        for (int k = 0; k < terms; ++k) {
            if (k) out << " + ";
            term(out);
        }
        return out.str();
    }

private:
    std::mt19937_64& rng_;
    std::vector<std::string> names_;
};

std::string text(const std::ostringstream& out) { return out.str(); }

} // namespace

ModelSpec randomModelSpec(std::mt19937_64& rng, const std::string& name) {
    ModelSpec spec;
    spec.name = name;
    const int states = pick(rng, 1, 4);
    std::vector<std::string> stateNames;
    for (int k = 0; k < states; ++k) stateNames.push_back(text(std::ostringstream() << "x" << k));
    const bool threshold = pick(rng, 0, 5) != 0;
    const int refractory = threshold ? pick(rng, 0, 2) : 0; // none, duration, condition (needs a threshold)

    std::vector<std::string> names = stateNames;
    names.push_back("I");
    std::ostringstream eq;
    if (pick(rng, 0, 1) == 1) {
        Expressions sub(rng, names);
        eq << "m = " << sub.sum(pick(rng, 1, 2)) << " : 1\n";
        names.push_back("m");
    }
    Expressions e(rng, names);
    // Now and then a construct compileFixed refuses (rand(), t, %), so the test sees refusals.
    const char* const refusedTerms[] = {" + 0.01*rand()", " + 0.001*t/ms", " + 0.1*(x0 % 2)"};
    const int refused = pick(rng, 0, 24) == 0 ? pick(rng, 0, 2) : -1;
    for (int k = 0; k < states; ++k) {
        const std::string& x = stateNames[static_cast<std::size_t>(k)];
        eq << "d" << x << "/dt = (-" << x << " + " << e.sum(pick(rng, 1, 3)) << (k == 0 ? " + I" : "")
           << (k == 0 && refused >= 0 ? refusedTerms[refused] : "") << ")/tau" << k << " : 1";
        // x0 is not held under a condition on itself: it could never leave the refractory state.
        if (refractory != 0 && !(refractory == 2 && k == 0) && pick(rng, 0, 1) == 1) eq << " (unless refractory)";
        eq << "\n";
        spec.parameters.emplace_back(text(std::ostringstream() << "tau" << k),
                                     text(std::ostringstream() << number(rng, 2, 40) << "*ms"));
        spec.initialValues.emplace_back(x, text(std::ostringstream() << number(rng, -1, 1)));
    }
    eq << "I : 1";
    spec.equations = eq.str();
    spec.parameters.emplace_back("I", "0");

    double resetValue = 0;
    if (threshold) {
        std::ostringstream condition, reset;
        condition << "x0 > " << number(rng, 0.2, 1.5);
        if (states > 1 && pick(rng, 0, 3) == 0) condition << " and x1 < " << number(rng, 0.5, 3);
        resetValue = number(rng, -1.5, 0).value;
        reset << "x0 = " << Number{resetValue};
        if (states > 1 && pick(rng, 0, 1) == 1) reset << "\nx1 += " << number(rng, 0.05, 0.5);
        if (states > 2 && pick(rng, 0, 2) == 0) reset << "\nx2 = x2*" << number(rng, 0.3, 0.9);
        spec.threshold = condition.str();
        spec.reset = reset.str();
    }
    if (refractory == 1) spec.refractory = text(std::ostringstream() << number(rng, 0.1, 5) << "*ms");
    // Refractory while x0 is still near its reset value (a condition above the threshold would
    // hold whenever the threshold does, and the neuron could never fire).
    if (refractory == 2)
        spec.refractory = text(std::ostringstream() << "x0 < " << Number{resetValue + number(rng, 0.05, 0.4).value});
    return spec;
}

std::string randomProtocolText(std::mt19937_64& rng) {
    std::ostringstream out;
    switch (pick(rng, 0, 4)) {
    case 0:
        out << "sine offset=" << number(rng, 0, 1.5) << " amplitude=" << number(rng, 0.5, 2)
            << " frequency=" << number(rng, 5, 80) << "*Hz";
        break;
    case 1:
        out << "noise amplitude=" << number(rng, 0.5, 2) << " sigma=" << number(rng, 0.2, 1.5)
            << " tau=" << number(rng, 1, 20) << "*ms seed=" << pick(rng, 1, 1000);
        break;
    case 2:
        out << "pulse_train amplitude=" << number(rng, 0.5, 3) << " frequency=" << number(rng, 10, 100)
            << "*Hz width=" << number(rng, 1, 5) << "*ms";
        break;
    case 3:
        out << "ramp amplitude=" << number(rng, 1, 4) << " start=50*ms stop=" << number(rng, 200, 900) << "*ms";
        break;
    default:
        out << "step offset=" << number(rng, 0, 1) << " amplitude=" << number(rng, 0.5, 3)
            << " start=100*ms stop=700*ms";
        break;
    }
    return out.str();
}

} // namespace scs::hdl::rtltest
