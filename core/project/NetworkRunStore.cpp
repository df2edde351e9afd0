// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — network runs: result <-> run data, and the network_spikes rows.
#include "NetworkRunStore.h"

#include "ProjectError.h"
#include "ProjectStore.h"

#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <bit>
#include <cstring>

namespace scs::project {

static_assert(std::endian::native == std::endian::little, "network spike blobs are stored little-endian");

namespace {

std::vector<unsigned char> bytesOf(const std::vector<std::int32_t>& values) {
    std::vector<unsigned char> out(values.size() * sizeof(std::int32_t));
    if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
    return out;
}

std::vector<std::int32_t> int32sOf(const std::vector<unsigned char>& bytes, std::int64_t count,
                                   const std::string& what) {
    // Divide rather than multiply: a damaged count times 4 can wrap around to the blob's size.
    if (count < 0 || bytes.size() % sizeof(std::int32_t) != 0 ||
        bytes.size() / sizeof(std::int32_t) != static_cast<std::uint64_t>(count))
        throw ProjectError(what + ": " + std::to_string(bytes.size()) + " bytes for " + std::to_string(count) +
                           " spikes (damaged)");
    std::vector<std::int32_t> values(static_cast<std::size_t>(count));
    if (count) std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
}

std::string traceName(const scs::StateTrace& t) {
    return t.populationId + "." + t.variable + "[" + std::to_string(t.neuron) + "]";
}

} // namespace

Run makeNetworkRun(const scs::NetworkResult& result, std::int64_t documentId, const std::string& label,
                   const std::string& inputsSha256) {
    auto data = std::make_shared<RunData>();
    nlohmann::json traces = nlohmann::json::array();
    for (const scs::StateTrace& t : result.traces) {
        data->traces.push_back(Trace{traceName(t), "", t.values});
        traces.push_back({{"monitor_id", t.monitorId},
                          {"population_id", t.populationId},
                          {"variable", t.variable},
                          {"neuron", t.neuron},
                          {"unit", t.unit},
                          {"scale", t.scale}});
    }
    nlohmann::json rates = nlohmann::json::array();
    for (const scs::RateTrace& r : result.rates) {
        data->traces.push_back(Trace{r.populationId + ".rate", "hertz", r.hz});
        rates.push_back({{"monitor_id", r.monitorId}, {"population_id", r.populationId}, {"bin_width", r.binWidth}});
    }
    data->payload = {{"network_run", 1},
                     {"dt", result.dt},
                     {"steps", result.steps},
                     {"synapses", result.synapses},
                     {"synaptic_events", result.synapticEvents},
                     {"wall_seconds", result.wallSeconds},
                     {"state_traces", traces},
                     {"rate_traces", rates}};
    data->populationSpikes = result.spikes;

    Run run;
    run.documentId = documentId;
    run.manifest.kind = networkRunKind;
    run.manifest.label = label;
    run.manifest.createdAt = scs::isoTimeUtcNow();
    run.manifest.engineVersion = scs::studioVersion();
    run.manifest.inputsSha256 = inputsSha256;
    nlohmann::json counts = nlohmann::json::object();
    for (const scs::PopulationSpikes& s : result.spikes) counts[s.populationId] = s.count();
    run.manifest.summary = {{"dt", result.dt},
                            {"steps", result.steps},
                            {"synapses", result.synapses},
                            {"synaptic_events", result.synapticEvents},
                            {"spikes", counts}};
    run.data = std::move(data);
    return run;
}

scs::NetworkResult networkResultOf(const RunData& data, const std::string& where) {
    const nlohmann::json& p = data.payload;
    if (!p.is_object() || !p.contains("network_run")) throw ProjectError(where + ": not a network run");
    scs::NetworkResult r;
    try {
        r.dt = p.at("dt").get<double>();
        r.steps = p.at("steps").get<std::int64_t>();
        r.synapses = p.at("synapses").get<std::uint64_t>();
        r.synapticEvents = p.at("synaptic_events").get<std::uint64_t>();
        r.wallSeconds = p.value("wall_seconds", 0.0);
        const nlohmann::json& traces = p.at("state_traces");
        const nlohmann::json& rates = p.at("rate_traces");
        if (data.traces.size() != traces.size() + rates.size())
            throw ProjectError(where + ": " + std::to_string(data.traces.size()) + " traces for " +
                               std::to_string(traces.size() + rates.size()) + " monitors (damaged)");
        std::size_t k = 0;
        for (const nlohmann::json& t : traces) {
            r.traces.push_back(
                scs::StateTrace{t.at("monitor_id").get<std::string>(), t.at("population_id").get<std::string>(),
                                t.at("variable").get<std::string>(), t.at("neuron").get<int>(),
                                t.at("unit").get<std::string>(), t.at("scale").get<double>(), data.traces[k++].values});
        }
        for (const nlohmann::json& t : rates)
            r.rates.push_back(scs::RateTrace{t.at("monitor_id").get<std::string>(),
                                             t.at("population_id").get<std::string>(), t.at("bin_width").get<double>(),
                                             data.traces[k++].values});
    } catch (const nlohmann::json::exception& e) {
        throw ProjectError(where + ": the network run's description is damaged (" + e.what() + ")");
    }
    r.spikes = data.populationSpikes;
    for (const scs::PopulationSpikes& s : r.spikes)
        if (s.steps.size() != s.neurons.size())
            throw ProjectError(where + ": population '" + s.populationId +
                               "': spike steps and neurons differ in length");
    return r;
}

scs::PopulationSpikes loadPopulationSpikes(const Project& project, std::int64_t runId,
                                           const std::string& populationId) {
    const Run* run = project.run(runId);
    const std::string where = "run " + std::to_string(runId);
    if (!run) throw ProjectError("the project has no run " + std::to_string(runId));
    if (run->data) {
        for (const scs::PopulationSpikes& s : run->data->populationSpikes)
            if (s.populationId == populationId) return s;
    } else if (project.source && project.source->holdsRun(runId)) {
        try {
            auto rows = readNetworkSpikes(project.source->database(), runId, project.source->path() + ": " + where,
                                          populationId);
            if (!rows.empty()) return std::move(rows.front());
        } catch (const sql::Error& e) {
            throw ProjectError(project.source->path() + ": " + where + ": " + e.what());
        }
    } else {
        throw ProjectError(where + " has no data in memory or in the file");
    }
    throw ProjectError(where + " has no spikes of population '" + populationId + "'");
}

void writeNetworkSpikes(sql::Database& db, std::int64_t runId, const std::vector<scs::PopulationSpikes>& spikes) {
    if (spikes.empty()) return;
    sql::Statement s = db.prepare("INSERT INTO network_spikes(run_id, position, population_id, name, size, count, "
                                  "steps, neurons) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const scs::PopulationSpikes& p : spikes) {
        if (p.steps.size() != p.neurons.size())
            throw ProjectError("run " + std::to_string(runId) + ", population '" + p.populationId +
                               "': spike steps and neurons differ in length");
        const auto steps = bytesOf(p.steps);
        const auto neurons = bytesOf(p.neurons);
        s.bind(1, runId).bind(2, position++).bind(3, p.populationId).bind(4, p.name).bind(5, p.size);
        s.bind(6, static_cast<std::int64_t>(p.count()));
        s.bindBlob(7, steps.data(), steps.size()).bindBlob(8, neurons.data(), neurons.size()).run();
    }
}

std::vector<scs::PopulationSpikes> readNetworkSpikes(sql::Database& db, std::int64_t runId, const std::string& where,
                                                     const std::string& only) {
    std::vector<scs::PopulationSpikes> out;
    sql::Statement s = db.prepare(only.empty() ? "SELECT population_id, name, size, count, steps, neurons FROM "
                                                 "network_spikes WHERE run_id = ? ORDER BY position"
                                               : "SELECT population_id, name, size, count, steps, neurons FROM "
                                                 "network_spikes WHERE run_id = ? AND population_id = ?");
    s.bind(1, runId);
    if (!only.empty()) s.bind(2, only);
    while (s.step()) {
        scs::PopulationSpikes p;
        p.populationId = s.text(0);
        p.name = s.text(1);
        p.size = static_cast<int>(s.integer(2));
        const std::string what = where + ", spikes of population '" + p.populationId + "'";
        p.steps = int32sOf(s.blob(4), s.integer(3), what);
        p.neurons = int32sOf(s.blob(5), s.integer(3), what);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace scs::project
