// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio-cli analyse`: option reading, running as a job, summaries.
//
// [SECTION] option helpers      values with units checked against the parameter they set
// [SECTION] kinds               one function per analysis: read options, run, summarise
// [SECTION] entry point         dispatch, progress bar, Ctrl-C -> cancel, --json / --out
#include "cli/AnalyseCommand.h"

#include "analysis/AnalysisSupport.h"
#include "analysis/Bifurcation.h"
#include "analysis/Characterisation.h"
#include "analysis/FiCurve.h"
#include "analysis/FiringPattern.h"
#include "analysis/FrequencyResponse.h"
#include "analysis/ParameterHeatmap.h"
#include "analysis/PhasePlane.h"
#include "analysis/Sensitivity.h"
#include "analysis/SpikeTriggeredAverage.h"
#include "cli/CliArgs.h"
#include "cli/ModelOptions.h"
#include "cli/ProgressBar.h"
#include "units/Quantity.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <fstream>
#include <functional>
#include <iomanip>
#include <map>
#include <sstream>

namespace scs::cli {
namespace {

const char* kHelp =
    "usage: scstudio-cli analyse KIND --model NAME|FILE [options]\n"
    "kinds and their options (values take units: --min 0*nA --transient 50*ms):\n"
    "  fi            f-I curve: --min V --max V --points N --transient T --refine N\n"
    "  bifurcation   --sweep PARAM --min V --max V --points N --state NAME\n"
    "  sensitivity   --params A,B,... (default: all) --perturbation F --transient T\n"
    "  phase         --x STATE --y STATE [--x-min V --x-max V --y-min V --y-max V]\n"
    "                --grid N --contour-grid N --drive-value V --hold STATE=VALUE\n"
    "  heatmap       --x PARAM --x-min V --x-max V --x-points N (same for --y) --transient T\n"
    "  sta           --signal drive|STATE --before T --after T --transient T\n"
    "                (needs --protocol, e.g. 'noise offset=1*nA sigma=0.5*nA tau=5*ms')\n"
    "  frequency     --f-min HZ --f-max HZ --points N --offset V --amplitude V --linear --transient T\n"
    "  isi           ISI statistics of one run: --transient T\n"
    "  classify      firing pattern of one run: --transient T\n"
    "  characterise  base run, pattern, f-I curve, sensitivity: --min V --max V --points N --top N\n"
    "common: --threads N   --json (print the result JSON)   --out FILE (write it to FILE)\n";

// [SECTION] option helpers

std::string unitHint(const Dimension& d) {
    const DisplayUnit u = preferredDisplayUnit(d);
    return u.name.empty() ? "a plain number" : "units of " + d.toString() + ", e.g. 1*" + u.name;
}

std::optional<double> takeQuantity(CliArgs& a, const std::string& option, const Dimension& dim) {
    const auto text = a.take(option);
    if (!text) return std::nullopt;
    const Quantity q = parseQuantity(*text, option);
    if (!(q.dimension == dim) && !(q.value == 0 && q.dimension.isDimensionless()))
        throw UsageError("--" + option + " needs " + unitHint(dim) + "; got '" + *text + "' (" +
                         q.dimension.toString() + ")");
    return q.value;
}

double takeQuantity(CliArgs& a, const std::string& option, const Dimension& dim, double fallback) {
    return takeQuantity(a, option, dim).value_or(fallback);
}

double requireQuantity(CliArgs& a, const std::string& option, const Dimension& dim, const std::string& what) {
    auto v = takeQuantity(a, option, dim);
    if (!v) throw UsageError("--" + option + " is required: " + what + ", in " + unitHint(dim));
    return *v;
}

double takeTime(CliArgs& a, const std::string& option, double fallback) {
    return takeQuantity(a, option, Dimension::base(Dimension::Second), fallback);
}

// Hz with or without the unit: "--f-min 5" and "--f-min 5*Hz" mean the same.
double takeFrequency(CliArgs& a, const std::string& option, double fallback) {
    const auto text = a.take(option);
    if (!text) return fallback;
    const Quantity q = parseQuantity(*text, option);
    if (!q.dimension.isDimensionless() && !(q.dimension == Dimension::base(Dimension::Second, -1)))
        throw UsageError("--" + option + " needs a frequency such as 10*Hz; got '" + *text + "'");
    return q.value;
}

std::size_t takeCount(CliArgs& a, const std::string& option, std::size_t fallback) {
    const auto text = a.take(option);
    if (!text) return fallback;
    const int n = parseInt(*text, option);
    if (n < 0) throw UsageError("--" + option + " must not be negative");
    return static_cast<std::size_t>(n);
}

double takeNumber(CliArgs& a, const std::string& option, double fallback) {
    return takeQuantity(a, option, Dimension{}, fallback);
}

std::string require(CliArgs& a, const std::string& option, const std::string& what) {
    auto v = a.take(option);
    if (!v || v->empty()) throw UsageError("--" + option + " is required: " + what);
    return *v;
}

const ParameterInfo& parameterFor(const ModelRun& run, const std::string& name, const std::string& option) {
    if (auto i = run.model.parameterIndex(name)) return run.model.parameters()[*i];
    throw UsageError("--" + option + ": model '" + run.entry.id + "' has no parameter '" + name + "'");
}

// "-65 mV"-style text of an SI value in the dimension's preferred unit.
std::string show(double si, const Dimension& d) {
    const DisplayUnit u = preferredDisplayUnit(d);
    std::ostringstream s;
    if (std::isnan(si)) s << "n/a";
    else s << std::setprecision(5) << si / u.scale << (u.name.empty() ? "" : " " + u.name);
    return s.str();
}

struct Outcome {
    nlohmann::json json;
    std::string summary;
};
using Kind = std::function<Outcome(ModelRun&, CliArgs&, JobContext&, int threads)>;

// [SECTION] kinds

Outcome fi(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    const Dimension dim = parameterFor(run, run.settings.drive, "drive").dimension;
    FiCurveSettings s;
    s.driveMin = takeQuantity(a, "min", dim, 0.0);
    s.driveMax = requireQuantity(a, "max", dim, "the largest drive");
    s.points = takeCount(a, "points", 20);
    s.transient = takeTime(a, "transient", 0);
    s.rheobaseRefinements = takeCount(a, "refine", 2);
    s.threads = threads;
    a.expectEmpty();
    const FiCurveResult r = runFiCurve(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "f-I curve of " << run.entry.id << " (drive " << r.drive << ")\n";
    for (std::size_t i = 0; i < r.drives.size(); ++i)
        o << "  " << std::setw(12) << show(r.drives[i], dim) << "  " << std::setw(9) << std::setprecision(4)
          << r.rate[i] << " Hz" << (r.errors[i].empty() ? "" : "  (" + r.errors[i] + ")") << '\n';
    o << "rheobase " << show(r.rheobase, dim) << ", max rate " << std::setprecision(4) << r.maxRate << " Hz\n";
    return {toJson(r), o.str()};
}

Outcome bifurcation(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    BifurcationSettings s;
    s.parameter = require(a, "sweep", "the parameter to sweep");
    const Dimension dim = parameterFor(run, s.parameter, "sweep").dimension;
    s.min = takeQuantity(a, "min", dim, 0.0);
    s.max = takeQuantity(a, "max", dim, 1.0);
    s.points = takeCount(a, "points", 50);
    s.state = a.take("state").value_or("");
    s.threads = threads;
    a.expectEmpty();
    const BifurcationResult r = runBifurcation(run.model, run.settings, s, &job);
    const Dimension sd = run.model.states()[*run.model.stateIndex(r.state)].dimension;
    std::ostringstream o;
    o << "bifurcation of " << r.state << " over " << r.parameter << '\n';
    for (std::size_t i = 0; i < r.parameterValues.size(); ++i) {
        o << "  " << std::setw(12) << show(r.parameterValues[i], dim) << ": ";
        if (!r.errors[i].empty()) o << r.errors[i];
        else if (r.extremaCount[i] == 0) o << "fixed point " << show(r.attractor[i].front(), sd);
        else {
            const auto [lo, hi] = std::minmax_element(r.attractor[i].begin(), r.attractor[i].end());
            o << r.maxima[i].size() << " max / " << r.minima[i].size() << " min, " << show(*lo, sd) << " .. "
              << show(*hi, sd);
        }
        o << '\n';
    }
    return {toJson(r), o.str()};
}

Outcome sensitivity(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    SensitivitySettings s;
    if (auto list = a.take("params")) {
        std::stringstream ss(*list);
        for (std::string name; std::getline(ss, name, ',');)
            if (!name.empty()) s.parameters.push_back(name);
    }
    s.perturbation = takeNumber(a, "perturbation", 0.05);
    s.transient = takeTime(a, "transient", 0);
    s.threads = threads;
    a.expectEmpty();
    const SensitivityResult r = runSensitivity(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "sensitivity of the rate (" << std::setprecision(4) << r.baseRate << " Hz) of " << run.entry.id
      << ", +/-" << s.perturbation * 100 << " %\n";
    for (std::size_t k : r.ranking)
        o << "  " << std::setw(14) << r.parameters[k] << "  elasticity " << std::setw(10) << r.elasticity[k]
          << (r.notes[k].empty() ? "" : "  (" + r.notes[k] + ")") << '\n';
    return {toJson(r), o.str()};
}

Outcome phase(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    PhasePlaneSettings s;
    const auto& states = run.model.states();
    if (states.size() < 2)
        throw UsageError("a phase plane needs a model with at least 2 state variables; '" + run.entry.id + "' has " +
                         std::to_string(states.size()));
    s.xState = a.take("x").value_or(states.empty() ? "" : states[0].name);
    s.yState = a.take("y").value_or(states.size() < 2 ? "" : states[1].name);
    auto dimOf = [&](const std::string& name, const std::string& option) {
        auto i = run.model.stateIndex(name);
        if (!i) throw UsageError("--" + option + ": model '" + run.entry.id + "' has no state '" + name + "'");
        return states[*i].dimension;
    };
    const Dimension dx = dimOf(s.xState, "x"), dy = dimOf(s.yState, "y");
    s.xMin = takeQuantity(a, "x-min", dx, 0.0);
    s.xMax = takeQuantity(a, "x-max", dx, 0.0);
    s.yMin = takeQuantity(a, "y-min", dy, 0.0);
    s.yMax = takeQuantity(a, "y-max", dy, 0.0);
    s.fieldPoints = takeCount(a, "grid", 21);
    s.nullclinePoints = takeCount(a, "contour-grid", 81);
    if (run.model.parameterIndex(run.settings.drive))
        if (auto v = takeQuantity(a, "drive-value", parameterFor(run, run.settings.drive, "drive").dimension))
            s.driveValue = *v;
    for (const auto& h : a.takeAll("hold")) {
        const auto eq = h.find('=');
        if (eq == std::string::npos) throw UsageError("--hold needs STATE=VALUE, got '" + h + "'");
        const std::string name = h.substr(0, eq);
        const Dimension d = dimOf(name, "hold");
        const Quantity q = parseQuantity(h.substr(eq + 1), "hold");
        if (!(q.dimension == d)) throw UsageError("--hold " + name + " needs " + unitHint(d) + "; got '" + h + "'");
        s.fixedStates.emplace_back(name, q.value);
    }
    s.threads = threads;
    a.expectEmpty();
    const PhasePlaneResult r = runPhasePlane(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "phase plane " << r.xState << " x " << r.yState << " of " << run.entry.id << ": " << r.xNullcline.size()
      << " " << r.xState << "-nullcline piece(s), " << r.yNullcline.size() << " " << r.yState
      << "-nullcline piece(s)\n";
    for (const auto& f : r.fixedPoints)
        o << "  fixed point " << r.xState << " = " << show(f.x, dx) << ", " << r.yState << " = " << show(f.y, dy)
          << ": " << f.type << '\n';
    if (!r.trajectoryError.empty()) o << "  trajectory failed: " << r.trajectoryError << '\n';
    return {toJson(r), o.str()};
}

Outcome heatmap(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    HeatmapSettings s;
    s.xParameter = require(a, "x", "the parameter on the x axis");
    s.yParameter = require(a, "y", "the parameter on the y axis");
    const Dimension dx = parameterFor(run, s.xParameter, "x").dimension;
    const Dimension dy = parameterFor(run, s.yParameter, "y").dimension;
    s.xMin = takeQuantity(a, "x-min", dx, 0.0);
    s.xMax = takeQuantity(a, "x-max", dx, 1.0);
    s.yMin = takeQuantity(a, "y-min", dy, 0.0);
    s.yMax = takeQuantity(a, "y-max", dy, 1.0);
    s.xPoints = takeCount(a, "x-points", 20);
    s.yPoints = takeCount(a, "y-points", 20);
    s.transient = takeTime(a, "transient", 0);
    s.threads = threads;
    a.expectEmpty();
    const HeatmapResult r = runHeatmap(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "rate heatmap of " << run.entry.id << ": " << r.xParameter << " (" << r.xValues.size() << ") x "
      << r.yParameter << " (" << r.yValues.size() << "), rate " << std::setprecision(4) << r.minRate << " .. "
      << r.maxRate << " Hz\n";
    return {toJson(r), o.str()};
}

Outcome sta(ModelRun& run, CliArgs& a, JobContext& job, int) {
    StaSettings s;
    s.signal = a.take("signal").value_or("drive");
    s.before = takeTime(a, "before", 20e-3);
    s.after = takeTime(a, "after", 5e-3);
    s.transient = takeTime(a, "transient", 0);
    a.expectEmpty();
    const StaResult r = runSpikeTriggeredAverage(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "spike-triggered average of " << r.signal << " (" << r.spikesUsed << " of " << r.spikesTotal
      << " spikes): peak at " << std::setprecision(4) << r.peakLag * 1e3 << " ms\n";
    return {toJson(r), o.str()};
}

Outcome frequency(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    const Dimension dim = parameterFor(run, run.settings.drive, "drive").dimension;
    FrequencyResponseSettings s;
    s.minFrequency = takeFrequency(a, "f-min", 1);
    s.maxFrequency = takeFrequency(a, "f-max", 100);
    s.points = takeCount(a, "points", 20);
    s.logSpacing = !a.flag("linear");
    s.offset = takeQuantity(a, "offset", dim, 0.0);
    s.amplitude = requireQuantity(a, "amplitude", dim, "the sine amplitude");
    s.transient = takeTime(a, "transient", 0);
    s.threads = threads;
    a.expectEmpty();
    const FrequencyResponseResult r = runFrequencyResponse(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << "frequency response of " << run.entry.id << '\n';
    for (std::size_t i = 0; i < r.frequency.size(); ++i)
        o << "  " << std::setw(10) << std::setprecision(4) << r.frequency[i] << " Hz: rate " << std::setw(8)
          << r.rate[i] << " Hz, vector strength " << r.vectorStrength[i] << '\n';
    return {toJson(r), o.str()};
}

Outcome isiOrClassify(ModelRun& run, CliArgs& a, JobContext& job, bool classify) {
    const double transient = takeTime(a, "transient", 0);
    a.expectEmpty();
    checkTiming(run.settings, transient);
    const SimulationResult sim = simulate(run.model, run.settings, &job);
    std::vector<double> spikes;
    for (double t : sim.spikeTimes)
        if (t >= transient) spikes.push_back(t);
    const FiringPatternResult r = classifyFiringPattern(spikes, sim.duration() - transient);
    const IsiStatistics& s = r.stats;
    std::ostringstream o;
    if (classify) o << run.entry.id << ": " << toString(r.pattern) << " (" << r.reason << ")\n";
    o << std::setprecision(4) << "  spikes " << s.spikeCount << ", rate " << s.rate << " Hz, mean ISI "
      << s.meanIsi * 1e3 << " ms, CV " << s.cv << ", LV " << s.localVariation << ", adaptation "
      << s.adaptationIndex << ", bursts " << s.burstCount << '\n';
    nlohmann::json j = classify ? toJson(r) : toJson(s);
    j["kind"] = classify ? "classify" : "isi";
    return {j, o.str()};
}

Outcome characterise(ModelRun& run, CliArgs& a, JobContext& job, int threads) {
    CharacterisationSettings s;
    if (run.model.parameterIndex(run.settings.drive)) {
        const Dimension dim = run.model.parameters()[*run.model.parameterIndex(run.settings.drive)].dimension;
        s.fiMin = takeQuantity(a, "min", dim, 0.0);
        s.fiMax = takeQuantity(a, "max", dim, 0.0);
    }
    s.fiPoints = takeCount(a, "points", 20);
    s.transient = takeTime(a, "transient", 0);
    s.topSensitivities = takeCount(a, "top", 5);
    s.threads = threads;
    a.expectEmpty();
    const CharacterisationResult r = runCharacterisation(run.model, run.settings, s, &job);
    std::ostringstream o;
    o << run.entry.id << ": " << toString(r.pattern.pattern) << " (" << r.pattern.reason << ")\n";
    if (auto i = run.model.parameterIndex(run.settings.drive))
        o << "  rheobase " << show(r.rheobase, run.model.parameters()[*i].dimension) << ", max rate "
          << std::setprecision(4) << r.maxRate << " Hz\n";
    o << "  most sensitive:";
    for (const auto& p : r.topParameters) o << ' ' << p;
    o << '\n';
    for (const auto& w : r.warnings) o << "  warning: " << w << '\n';
    return {toJson(r, 0), o.str()};
}

// [SECTION] entry point

std::atomic<JobContext*> g_interruptible{nullptr};

void cancelOnInterrupt(int) {
    if (JobContext* job = g_interruptible.load()) job->cancel();
}

// Ctrl-C cancels the running analysis (which then stops promptly) instead of killing the process.
class InterruptGuard {
public:
    explicit InterruptGuard(JobContext& job) {
        g_interruptible = &job;
        previous_ = std::signal(SIGINT, cancelOnInterrupt);
    }
    ~InterruptGuard() {
        std::signal(SIGINT, previous_ == SIG_ERR ? SIG_DFL : previous_);
        g_interruptible = nullptr;
    }

private:
    void (*previous_)(int) = SIG_DFL;
};

} // namespace

int runAnalyseCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    const auto kind = args.positional();
    if (!kind || *kind == "help" || args.flag("help")) {
        out << kHelp << modelOptionsHelp();
        return 0;
    }
    const std::map<std::string, Kind> kinds = {
        {"fi", fi},
        {"bifurcation", bifurcation},
        {"sensitivity", sensitivity},
        {"phase", phase},
        {"heatmap", heatmap},
        {"sta", sta},
        {"frequency", frequency},
        {"isi", [](ModelRun& r, CliArgs& a, JobContext& j, int) { return isiOrClassify(r, a, j, false); }},
        {"classify", [](ModelRun& r, CliArgs& a, JobContext& j, int) { return isiOrClassify(r, a, j, true); }},
        {"characterise", characterise},
        {"characterize", characterise},
    };
    const auto it = kinds.find(*kind);
    if (it == kinds.end())
        throw UsageError("unknown analysis '" + *kind +
                         "' (fi, bifurcation, sensitivity, phase, heatmap, sta, frequency, isi, classify, "
                         "characterise)");
    const bool json = args.flag("json");
    const auto outFile = args.take("out");
    int threads = 0;
    if (auto t = args.take("threads")) threads = parseInt(*t, "threads");
    ModelRun run = takeModelRun(args);

    JobContext job;
    ProgressBar bar("analysing " + run.entry.id + " (" + *kind + ")");
    bar.attach(job);
    InterruptGuard interrupt(job);
    Outcome outcome = it->second(run, args, job, threads);
    outcome.json["model"] = run.entry.id;

    if (outFile) {
        std::ofstream file(*outFile);
        if (!file) throw std::runtime_error("cannot write '" + *outFile + "'");
        file << outcome.json.dump() << '\n';
        if (!file) throw std::runtime_error("writing '" + *outFile + "' failed (disk full?)");
    }
    if (json) out << outcome.json.dump() << '\n';
    else out << outcome.summary << (outFile ? "wrote " + *outFile + '\n' : "");
    (void)err;
    return 0;
}

} // namespace scs::cli
