// SPDX-License-Identifier: MIT
#include "cli/SimulateCommand.h"

#include "cli/ModelOptions.h"
#include "cli/ProgressBar.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>

namespace scs::cli {
namespace {

const char* kHelp = "usage: scstudio-cli simulate --model NAME|FILE [options]\n"
                    "Simulates one neuron and prints a summary, or writes its traces and spikes.\n"
                    "output:\n"
                    "  --json                  print the result as JSON (t_ms, one array per state in SI units,\n"
                    "                          _units, spike_times_ms: the layout of the Brian2 fixtures)\n"
                    "  --csv                   print the traces as CSV\n"
                    "  --out FILE              write FILE.csv or FILE.json\n";

std::string siUnit(const Dimension& d) {
    if (d.isDimensionless()) return "1";
    static const std::pair<const char*, const char*> symbols[] = {{"volt", "V"},    {"amp", "A"},   {"second", "s"},
                                                                  {"siemens", "S"}, {"farad", "F"}, {"ohm", "ohm"}};
    std::string name = d.toString();
    for (const auto& [longName, symbol] : symbols)
        if (name == longName) return symbol;
    return name;
}

nlohmann::ordered_json toJson(const ModelRun& run, const SimulationResult& r) {
    nlohmann::ordered_json j;
    j["model"] = run.entry.id;
    j["method"] = r.method;
    j["engine"] = r.nativeCode ? "native" : "interpreter";
    j["dt_ms"] = r.dt * 1e3;
    j["duration_ms"] = r.duration() * 1e3;
    j["record_every_steps"] = r.recordEvery;
    std::vector<double> tms(r.time.size());
    for (std::size_t k = 0; k < r.time.size(); ++k) tms[k] = r.time[k] * 1e3;
    j["t_ms"] = tms;
    nlohmann::ordered_json units;
    for (std::size_t k = 0; k < r.names.size(); ++k) {
        j[r.names[k]] = r.traces[k];
        units[r.names[k]] = siUnit(r.dimensions[k]);
    }
    j["_units"] = units;
    if (!r.drive.empty()) j["drive"] = {{"name", run.settings.drive}, {"values", r.drive}};
    std::vector<double> spikes(r.spikeTimes.size());
    for (std::size_t k = 0; k < spikes.size(); ++k) spikes[k] = r.spikeTimes[k] * 1e3;
    j["spike_times_ms"] = spikes;
    j["spike_count"] = r.spikeTimes.size();
    j["rate_hz"] = r.firingRate();
    return j;
}

void writeCsv(std::ostream& out, const ModelRun& run, const SimulationResult& r) {
    out << std::setprecision(17) << "t_s";
    for (std::size_t k = 0; k < r.names.size(); ++k) out << ',' << r.names[k] << '_' << siUnit(r.dimensions[k]);
    if (!r.drive.empty()) out << ',' << run.settings.drive;
    out << ",spike\n";
    std::size_t nextSpike = 0;
    for (std::size_t i = 0; i < r.time.size(); ++i) {
        out << r.time[i];
        for (const auto& trace : r.traces) out << ',' << trace[i];
        if (!r.drive.empty()) out << ',' << r.drive[i];
        // A sample is marked when a spike happened in the steps it stands for.
        const std::int64_t step = static_cast<std::int64_t>(i) * r.recordEvery;
        int spikes = 0;
        while (nextSpike < r.spikeSteps.size() && r.spikeSteps[nextSpike] < step + r.recordEvery) {
            ++spikes;
            ++nextSpike;
        }
        out << ',' << spikes << '\n';
    }
}

} // namespace

int runSimulateCommand(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    CliArgs args(argv);
    if (args.flag("help")) {
        out << kHelp << modelOptionsHelp();
        return 0;
    }
    const bool json = args.flag("json");
    const bool csv = args.flag("csv");
    const auto outFile = args.take("out");
    ModelRun run = takeModelRun(args);
    args.expectEmpty();

    JobContext job;
    ProgressBar bar("simulating " + run.entry.id);
    bar.attach(job);
    const SimulationResult r = simulate(run.model, run.settings, &job);

    if (outFile) {
        std::ofstream file(*outFile);
        if (!file) throw std::runtime_error("cannot write '" + *outFile + "'");
        if (outFile->size() > 4 && outFile->substr(outFile->size() - 4) == ".csv")
            writeCsv(file, run, r);
        else
            file << toJson(run, r).dump() << '\n';
        if (!file) throw std::runtime_error("writing '" + *outFile + "' failed (disk full?)");
    }
    if (json) {
        out << toJson(run, r).dump() << '\n';
    } else if (csv) {
        writeCsv(out, run, r);
    } else {
        out << run.entry.id << ": " << r.spikeTimes.size() << " spikes in " << r.duration() * 1e3 << " ms ("
            << std::setprecision(4) << r.firingRate() << " Hz), method " << r.method << ", dt " << r.dt * 1e3 << " ms, "
            << (r.nativeCode ? "native step" : "interpreted") << '\n';
        for (std::size_t k = 0; k < r.names.size(); ++k) {
            const auto& tr = r.traces[k];
            const auto [lo, hi] = std::minmax_element(tr.begin(), tr.end());
            const auto& info = run.model.states()[k];
            out << "  " << info.name << ": " << *lo / info.displayScale << " .. " << *hi / info.displayScale << ' '
                << info.displayUnit << '\n';
        }
        if (outFile) out << "wrote " << *outFile << '\n';
    }
    (void)err;
    return 0;
}

} // namespace scs::cli
