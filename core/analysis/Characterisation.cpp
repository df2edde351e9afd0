// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — characterisation suite: base run, pattern, f-I curve, sensitivity.
#include "analysis/Characterisation.h"

#include "analysis/AnalysisSupport.h"

#include <algorithm>
#include <cmath>

namespace scs {

CharacterisationResult runCharacterisation(const NeuronModel& model, const SimulationSettings& base,
                                           const CharacterisationSettings& s, JobContext* job) {
    checkTiming(base, s.transient);
    CharacterisationResult r;
    try {
        r.trace = runSingle(model, base, job, 0, 0.1, "base run");
    } catch (const SimulationError& e) {
        throw AnalysisError(std::string("characterisation: the base run failed: ") + e.what());
    }
    std::vector<double> spikes;
    for (double t : r.trace.spikeTimes)
        if (t >= s.transient) spikes.push_back(t);
    r.pattern = classifyFiringPattern(spikes, base.duration - s.transient, s.thresholds);
    for (std::size_t k = 0; k < r.trace.traces.size() && k < model.states().size(); ++k) {
        const auto& tr = r.trace.traces[k];
        StateRange range{model.states()[k].name, model.states()[k].dimension.toString(), 0, 0};
        if (!tr.empty()) {
            const auto [mn, mx] = std::minmax_element(tr.begin(), tr.end());
            range.min = *mn;
            range.max = *mx;
        }
        r.stateRanges.push_back(range);
    }

    // f-I curve over the given range or around the reference drive.
    if (model.parameterIndex(base.drive)) {
        FiCurveSettings fi;
        fi.points = s.fiPoints;
        fi.transient = s.transient;
        fi.threads = s.threads;
        fi.driveMin = s.fiMin;
        fi.driveMax = s.fiMax;
        if (!(s.fiMax > s.fiMin)) {
            const double reference = base.protocol ? base.protocol->offset + base.protocol->amplitude
                                                   : parameterValue(model, base, base.drive);
            fi.driveMin = std::min(0.0, 2 * reference);
            fi.driveMax = std::max(0.0, 2 * reference);
        }
        if (fi.driveMax > fi.driveMin) {
            SubJob sub(job, 0.1, 0.7, "f-I curve");
            try {
                r.fiCurve = runFiCurve(model, base, fi, sub.get());
                r.rheobase = r.fiCurve.rheobase;
                r.maxRate = r.fiCurve.maxRate;
            } catch (const JobCancelled&) {
                throw;
            } catch (const std::exception& e) {
                r.warnings.push_back(std::string("f-I curve: ") + e.what());
            }
        } else {
            r.warnings.push_back("f-I curve: no range given and the reference drive is 0");
        }
    } else {
        r.warnings.push_back("f-I curve: the model has no drive parameter '" + base.drive + "'");
    }
    checkCancelled(job);

    {
        SensitivitySettings sens;
        sens.perturbation = s.perturbation;
        sens.transient = s.transient;
        sens.threads = s.threads;
        SubJob sub(job, 0.7, 1.0, "sensitivity");
        try {
            r.sensitivity = runSensitivity(model, base, sens, sub.get());
            for (std::size_t k = 0; k < r.sensitivity.ranking.size() && k < s.topSensitivities; ++k)
                r.topParameters.push_back(r.sensitivity.parameters[r.sensitivity.ranking[k]]);
        } catch (const JobCancelled&) {
            throw;
        } catch (const std::exception& e) {
            r.warnings.push_back(std::string("sensitivity: ") + e.what());
        }
    }
    checkCancelled(job);
    reportProgress(job, 1.0, "characterisation done");
    return r;
}

nlohmann::json toJson(const CharacterisationResult& r, std::size_t maxTracePoints) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& s : r.stateRanges) ranges.push_back({{"name", s.name}, {"unit", s.unit}, {"min", s.min}, {"max", s.max}});
    nlohmann::json j = {{"kind", "characterise"},
                        {"pattern", toString(r.pattern.pattern)},
                        {"pattern_reason", r.pattern.reason},
                        {"isi_statistics", toJson(r.pattern.stats)},
                        {"state_ranges", ranges},
                        {"fi_curve", toJson(r.fiCurve)},
                        {"rheobase", r.rheobase},
                        {"max_rate", r.maxRate},
                        {"sensitivity", toJson(r.sensitivity)},
                        {"top_parameters", r.topParameters},
                        {"warnings", r.warnings},
                        {"spike_times", r.trace.spikeTimes}};
    if (maxTracePoints > 0 && !r.trace.time.empty()) {
        const std::size_t n = r.trace.time.size();
        const std::size_t stride = std::max<std::size_t>(1, (n + maxTracePoints - 1) / maxTracePoints);
        nlohmann::json trace = {{"names", r.trace.names}};
        std::vector<double> time;
        for (std::size_t i = 0; i < n; i += stride) time.push_back(r.trace.time[i]);
        trace["time"] = time;
        nlohmann::json values = nlohmann::json::array();
        for (const auto& tr : r.trace.traces) {
            std::vector<double> v;
            for (std::size_t i = 0; i < tr.size(); i += stride) v.push_back(tr[i]);
            values.push_back(v);
        }
        trace["traces"] = values;
        j["trace"] = trace;
    }
    return j;
}

} // namespace scs
