// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the run command: open a project, run its network, print the statistics.
#include "cli/RunCommand.h"

#include "cli/CliArgs.h"
#include "cli/ProgressBar.h"
#include "network/NetworkSimulator.h"
#include "network/SpikeStatistics.h"
#include "project/ProjectJson.h"
#include "project/ProjectStore.h"
#include "units/Quantity.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

namespace scs::cli {

namespace {

const char* kHelp =
    "usage: scstudio-cli run PROJECT [--network NAME] [--duration 1*s] [--threads N] [--out FILE.csv|FILE.json]\n"
    "                        [--json]\n"
    "Runs the network of PROJECT (a .scstudio file, or a project's .json form) and prints, per population,\n"
    "its size, spikes, mean rate, CV of the inter-spike intervals, synchrony and silent fraction.\n"
    "  --network NAME   the network document with this name (default: the first)\n"
    "  --duration T     simulated time, e.g. 500*ms (default: the network's)\n"
    "  --threads N      worker threads (default: all cores; the spikes do not depend on it)\n"
    "  --out FILE       every spike: CSV (population,neuron,time_s) or JSON (per population)\n"
    "  --json           the statistics as JSON\n";

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

project::Project openProject(const std::string& path) {
    if (!endsWith(path, ".json")) return project::ProjectStore::open(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    return project::importJson(text.str(), path);
}

const NetworkGraph& chooseNetwork(const project::Project& p, const std::optional<std::string>& name,
                                  const std::string& path) {
    std::vector<std::string> names;
    for (const project::Document& d : p.documents) {
        if (d.type != project::doctype::network || d.kept) continue;
        if (!name || d.network.name == *name) return d.network;
        names.push_back(d.network.name);
    }
    if (!name) throw std::runtime_error(path + " has no network");
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw std::runtime_error(path + " has no network named '" + *name + "'" +
                             (known.empty() ? std::string() : " (it has: " + known + ")"));
}

std::string spikesCsv(const NetworkResult& r) {
    std::ostringstream out;
    out << "population,neuron,time_s\n" << std::setprecision(10);
    for (const PopulationSpikes& p : r.spikes)
        for (std::size_t k = 0; k < p.count(); ++k)
            out << p.name << ',' << p.neurons[k] << ',' << p.steps[k] * r.dt << '\n';
    return out.str();
}

std::string spikesJson(const NetworkResult& r) {
    nlohmann::ordered_json populations = nlohmann::ordered_json::array();
    for (const PopulationSpikes& p : r.spikes) {
        std::vector<double> times(p.count());
        for (std::size_t k = 0; k < p.count(); ++k) times[k] = p.steps[k] * r.dt;
        populations.push_back(
            {{"id", p.populationId}, {"name", p.name}, {"size", p.size}, {"neurons", p.neurons}, {"times_s", times}});
    }
    return nlohmann::ordered_json{{"dt_s", r.dt}, {"duration_s", r.duration()}, {"populations", populations}}.dump() +
           "\n";
}

} // namespace

int runRunCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << kHelp;
        return 0;
    }
    const bool json = args.flag("json");
    const std::optional<std::string> name = args.take("network");
    const std::optional<std::string> outFile = args.take("out");
    NetworkRunOptions options;
    if (auto t = args.take("threads")) {
        options.threads = parseInt(*t, "threads");
        if (options.threads < 1) throw UsageError("--threads must be at least 1");
    }
    if (auto d = args.take("duration")) {
        const Quantity q = parseQuantity(*d, "duration");
        if (q.dimension != Dimension::base(Dimension::Second) || !(q.value > 0))
            throw UsageError("--duration must be a positive time, e.g. 500*ms, not '" + *d + "'");
        options.duration = q.value;
    }
    if (outFile && !endsWith(*outFile, ".csv") && !endsWith(*outFile, ".json"))
        throw UsageError("--out must end in .csv or .json");
    const std::optional<std::string> path = args.positional();
    if (!path) throw UsageError("run needs a PROJECT file (see --help)");
    args.expectEmpty();

    const project::Project project = openProject(*path);
    const NetworkGraph& graph = chooseNetwork(project, name, *path);
    JobContext job;
    NetworkResult result;
    {
        ProgressBar bar("running " + (graph.name.empty() ? std::string("the network") : graph.name));
        bar.attach(job);
        result = simulateNetwork(graph, options, &job);
    }
    if (outFile) writeFileAtomically(*outFile, endsWith(*outFile, ".csv") ? spikesCsv(result) : spikesJson(result));

    const std::vector<PopulationStatistics> stats = computeNetworkStatistics(result);
    const double eventsPerSecond = result.wallSeconds > 0 ? result.synapticEvents / result.wallSeconds : 0;
    if (json) {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const PopulationStatistics& s : stats)
            rows.push_back({{"id", s.populationId},
                            {"name", s.name},
                            {"size", s.size},
                            {"spikes", s.spikes},
                            {"rate_hz", s.meanRate},
                            {"cv_isi", s.cvIsi},
                            {"synchrony", s.synchrony},
                            {"silent_fraction", s.silentFraction}});
        out << nlohmann::ordered_json{{"network", graph.name},        {"duration_s", result.duration()},
                                      {"synapses", result.synapses},  {"synaptic_events", result.synapticEvents},
                                      {"wall_s", result.wallSeconds}, {"populations", rows}}
                   .dump(2)
            << '\n';
    } else {
        out << graph.name << ": " << result.duration() << " s simulated in " << std::fixed << std::setprecision(3)
            << result.wallSeconds << " s, " << result.synapses << " synapses, " << std::setprecision(0)
            << eventsPerSecond << " synaptic events/s\n";
        out << std::left << std::setw(20) << "population" << std::right << std::setw(9) << "size" << std::setw(11)
            << "spikes" << std::setw(11) << "rate Hz" << std::setw(9) << "CV ISI" << std::setw(11) << "synchrony"
            << std::setw(8) << "silent" << '\n';
        // A CV needs two intervals in some neuron: "-" when no neuron has them.
        auto cv = [](const PopulationStatistics& s) {
            std::ostringstream text;
            if (s.neuronsWithCv > 0 && std::isfinite(s.cvIsi))
                text << std::fixed << std::setprecision(3) << s.cvIsi;
            else
                text << '-';
            return text.str();
        };
        for (const PopulationStatistics& s : stats)
            out << std::left << std::setw(20) << s.name << std::right << std::setw(9) << s.size << std::setw(11)
                << s.spikes << std::setprecision(2) << std::setw(11) << s.meanRate << std::setw(9) << cv(s)
                << std::setprecision(3) << std::setw(11) << s.synchrony << std::setprecision(2) << std::setw(8)
                << s.silentFraction << '\n';
    }
    (void)err;
    return 0;
}

} // namespace scs::cli
