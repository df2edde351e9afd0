// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — precision report.
#include "PrecisionReport.h"

#include "UnitScaling.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace scs::fixed {

namespace {

std::string number(double v) {
    std::ostringstream out;
    out << std::setprecision(4) << v;
    return out.str();
}

/// "12.5 mV"; just the number for a dimensionless value.
std::string quantity(double v, const std::string& unit) { return unit == "1" ? number(v) : number(v) + " " + unit; }

/// The format's ends with enough digits that 127.996 does not print as 128.
std::string rangeOf(const QFormat& q) {
    std::ostringstream out;
    out << std::setprecision(8) << q.minValue() << " .. " << q.maxValue();
    return out.str();
}

/// Bits to spare between the largest magnitude and the format's limit (log2 of the ratio).
int headroom(double low, double high, const QFormat& q) {
    const double largest = std::max(std::abs(low), std::abs(high));
    if (largest == 0) return q.width;
    const double limit = low < 0 ? -q.minValue() : q.maxValue();
    return static_cast<int>(std::floor(std::log2(limit / largest)));
}

QuantityPrecision measure(std::string name, std::string kind, const Dimension& d, double si, double low, double high,
                          const FixedContract& c) {
    QuantityPrecision q;
    q.name = std::move(name);
    q.kind = std::move(kind);
    q.unit = fixedUnitName(d);
    const double scale = fixedScale(d);
    q.value = si / scale;
    q.low = low / scale;
    q.high = high / scale;
    q.inRange = q.low >= c.format.minValue() && q.high <= c.format.maxValue();
    q.headroomBits = headroom(q.low, q.high, c.format);
    // Quantised as the compiler will: saturating, so an out-of-range value still has a number.
    const FixedContract saturating{c.format, Overflow::Saturate, c.rounding};
    q.quantized = saturating.toDouble(saturating.quantize(q.value));
    q.absError = std::abs(q.quantized - q.value);
    q.relError = q.value != 0 ? q.absError / std::abs(q.value) : 0;
    return q;
}

} // namespace

PrecisionReport precisionReport(const NeuronModel& model, const SimulationSettings& settings,
                                const FixedContract& contract, JobContext* job) {
    PrecisionReport report;
    report.contract = contract;
    report.resolution = contract.format.resolution();
    const std::string format = contract.format.label();
    std::vector<std::string> fatal, warnings;

    const Dimension second = Dimension::base(Dimension::Second);
    QuantityPrecision dt = measure("dt", "dt", second, settings.dt, settings.dt, settings.dt, contract);
    if (dt.quantized == 0)
        fatal.push_back("dt: " + quantity(dt.value, "ms") + " is below one LSB of " + format + " (" +
                        quantity(report.resolution, "ms") + "): nothing would ever change");
    else if (dt.relError > 0.01)
        warnings.push_back("dt: " + number(dt.value) + " ms becomes " + number(dt.quantized) + " ms (" +
                           number(100 * dt.relError) + " % off): every time constant runs that much off");
    report.rows.push_back(dt);

    std::vector<std::pair<std::string, double>> overrides = settings.parameterOverrides;
    for (const ParameterInfo& p : model.parameters()) {
        double si = p.value;
        for (const auto& [name, value] : overrides)
            if (name == p.name) si = value;
        QuantityPrecision q = measure(p.name, "parameter", p.dimension, si, si, si, contract);
        if (!q.inRange)
            fatal.push_back(p.name + ": " + quantity(q.value, q.unit) + " is outside " + format + " (" +
                            rangeOf(contract.format) + ")");
        else if (q.value != 0 && q.quantized == 0)
            fatal.push_back(p.name + ": " + quantity(q.value, q.unit) + " is below one LSB and becomes 0");
        else if (q.relError > 0.01)
            warnings.push_back(p.name + ": " + quantity(q.value, q.unit) + " becomes " + number(q.quantized) + " (" +
                               number(100 * q.relError) + " % off)");
        report.rows.push_back(q);
    }

    const SimulationResult run = simulate(model, settings, job);
    const std::vector<double> initial = model.initialState();
    for (std::size_t i = 0; i < model.states().size() && i < run.traces.size(); ++i) {
        const VariableInfo& s = model.states()[i];
        const std::vector<double>& trace = run.traces[i];
        const auto [lo, hi] = std::minmax_element(trace.begin(), trace.end());
        const double low = trace.empty() ? initial[i] : *lo, high = trace.empty() ? initial[i] : *hi;
        QuantityPrecision q = measure(s.name, "state", s.dimension, initial[i], low, high, contract);
        if (!q.inRange)
            fatal.push_back(s.name + ": visits " + number(q.low) + " .. " + quantity(q.high, q.unit) + ", outside " +
                            format + " (" + rangeOf(contract.format) + "): it would " +
                            (contract.overflow == Overflow::Wrap   ? "wrap around"
                             : contract.overflow == Overflow::Trap ? "trap"
                                                                   : "saturate"));
        else if (q.headroomBits < 1)
            warnings.push_back(s.name + ": less than one bit of headroom (" + number(q.low) + " .. " +
                               quantity(q.high, q.unit) + ")");
        // A step's change below one LSB is lost under truncation: the state stalls.
        std::vector<double> steps;
        for (std::size_t k = 1; k < trace.size(); ++k) {
            const double change = std::abs(trace[k] - trace[k - 1]) / fixedScale(s.dimension) / run.recordEvery;
            if (change > 0) steps.push_back(change);
        }
        if (!steps.empty()) {
            std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2), steps.end());
            const double median = steps[steps.size() / 2];
            if (median < report.resolution)
                warnings.push_back(s.name + ": half its changes per step are below one LSB (median " +
                                   quantity(median, q.unit) + " < " + number(report.resolution) +
                                   "): it may stall; use more fraction bits or stochastic rounding");
        }
        report.rows.push_back(q);
    }
    report.fatalRisks = static_cast<int>(fatal.size());
    report.risks = fatal;
    report.risks.insert(report.risks.end(), warnings.begin(), warnings.end());
    return report;
}

std::string PrecisionReport::text() const {
    std::ostringstream out;
    out << "fixed point: " << contract.label() << ", resolution " << number(resolution) << ", range "
        << rangeOf(contract.format) << "\n";
    out << std::left << std::setw(12) << "name" << std::setw(10) << "kind" << std::setw(8) << "unit" << std::setw(12)
        << "value" << std::setw(12) << "quantised" << std::setw(10) << "rel.err" << std::setw(22) << "range"
        << "headroom\n";
    for (const QuantityPrecision& q : rows)
        out << std::setw(12) << q.name << std::setw(10) << q.kind << std::setw(8) << q.unit << std::setw(12)
            << number(q.value) << std::setw(12) << number(q.quantized) << std::setw(10) << number(q.relError)
            << std::setw(22) << (number(q.low) + " .. " + number(q.high)) << q.headroomBits << " bits"
            << (q.inRange ? "" : "  OUT OF RANGE") << "\n";
    if (risks.empty()) out << "no risks found\n";
    for (const std::string& r : risks) out << "risk: " << r << "\n";
    return out.str();
}

} // namespace scs::fixed
