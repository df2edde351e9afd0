// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — parameter sensitivity by central differences, all runs in one batch.
#include "analysis/Sensitivity.h"

#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace scs {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

SensitivityResult runSensitivity(const NeuronModel& model, const SimulationSettings& base,
                                 const SensitivitySettings& s, JobContext* job) {
    checkTiming(base, s.transient);
    if (!(s.perturbation > 0 && s.perturbation < 1))
        throw AnalysisError("sensitivity: the perturbation must be a fraction between 0 and 1 (got " +
                            std::to_string(s.perturbation) + ")");
    SensitivityResult r;
    r.rateMeasure = s.rate;
    if (s.parameters.empty()) {
        const bool driven = base.protocol.has_value();
        for (const auto& p : model.parameters())
            if (!(driven && p.name == base.drive)) r.parameters.push_back(p.name);
    } else {
        for (const auto& name : s.parameters) requireParameter(model, name, "sensitivity");
        r.parameters = s.parameters;
    }
    if (r.parameters.empty()) throw AnalysisError("sensitivity: the model has no parameters to perturb");

    const std::size_t p = r.parameters.size();
    for (const auto& name : r.parameters) r.values.push_back(parameterValue(model, base, name));

    // Copy 0: base; copy 1 + 2k: parameter k raised; copy 2 + 2k: lowered.
    BatchSettings batch;
    batch.base = base;
    batch.varied = r.parameters;
    batch.threads = s.threads;
    batch.values.push_back(r.values);
    for (std::size_t k = 0; k < p; ++k) {
        for (double sign : {+1.0, -1.0}) {
            std::vector<double> v = r.values;
            v[k] = r.values[k] * (1 + sign * s.perturbation);
            batch.values.push_back(std::move(v));
        }
    }
    batch.copies = batch.values.size();
    BatchResult out = runBatch(model, batch, job, 0, 0.99, "sensitivity");

    auto rateOf = [&](std::size_t copy, std::string* why) {
        if (copy < out.errors.size() && !out.errors[copy].empty()) {
            if (why) *why = "diverged: " + out.errors[copy];
            return kNaN;
        }
        return measureRate(out.spikeTimes[copy], s.transient, base.duration, s.rate);
    };
    std::string baseWhy;
    r.baseRate = rateOf(0, &baseWhy);
    for (std::size_t k = 0; k < p; ++k) {
        std::string why = baseWhy;
        const double plus = rateOf(1 + 2 * k, &why);
        const double minus = rateOf(2 + 2 * k, &why);
        r.ratePlus.push_back(plus);
        r.rateMinus.push_back(minus);
        const double v = r.values[k];
        const double diff = plus - minus;
        if (v == 0) {
            if (why.empty()) why = "parameter is 0: a relative perturbation does not change it";
            r.derivative.push_back(kNaN);
            r.elasticity.push_back(kNaN);
        } else {
            r.derivative.push_back(diff / (2 * s.perturbation * v));
            if (!(r.baseRate > 0) && why.empty()) why = "base rate is 0: elasticity undefined";
            r.elasticity.push_back(r.baseRate > 0 ? diff / (2 * s.perturbation * r.baseRate) : kNaN);
        }
        if (why.empty() && base.protocol && r.parameters[k] == base.drive)
            why = "driven by the protocol: the parameter's own value is not used";
        r.notes.push_back(why);
    }

    // Rank by |elasticity|; parameters without one (silent base) after, by the rate change.
    auto score = [&](std::size_t k) -> std::pair<int, double> {
        if (!std::isnan(r.elasticity[k])) return {2, std::abs(r.elasticity[k])};
        const double d = r.ratePlus[k] - r.rateMinus[k];
        return std::isnan(d) ? std::pair{0, 0.0} : std::pair{1, std::abs(d)};
    };
    for (std::size_t k = 0; k < p; ++k) r.ranking.push_back(k);
    std::stable_sort(r.ranking.begin(), r.ranking.end(), [&](std::size_t a, std::size_t b) { return score(a) > score(b); });
    reportProgress(job, 1.0, "sensitivity done");
    return r;
}

nlohmann::json toJson(const SensitivityResult& r) {
    return {{"kind", "sensitivity"},
            {"rate_measure", toString(r.rateMeasure)},
            {"base_rate", r.baseRate},
            {"parameters", r.parameters},
            {"values", r.values},
            {"rate_plus", r.ratePlus},
            {"rate_minus", r.rateMinus},
            {"derivative", r.derivative},
            {"elasticity", r.elasticity},
            {"notes", r.notes},
            {"ranking", r.ranking}};
}

} // namespace scs
