// SPDX-License-Identifier: MIT
// Project file speed (issue 3): save and reopen a project of 10 playgrounds and one run of
// 1,000,000 spikes, each under 1 s; opening must not read run blobs until they are asked for.
// Files go to a fresh folder under $TMPDIR (else /tmp); saves include the fsync a real save does.
#include "models/ModelCatalogue.h"
#include "project/ProjectJson.h"
#include "project/ProjectStore.h"
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>

namespace {

namespace fs = std::filesystem;
using scs::project::Project;
using scs::project::ProjectStore;

constexpr std::size_t kSpikes = 1'000'000;
constexpr std::size_t kTraceSamples = 20'001; // 200 ms at dt 0.01 ms, as a playground records
constexpr int kPlaygrounds = 10;
constexpr int kNeurons = 1000;

/// 10 playgrounds from the catalogue and one simulation run: 1,000,000 spikes (random neuron,
/// sorted times over 10 s), traces t, v, u and a small analysis payload.
Project buildProject() {
    const scs::ModelCatalogue catalogue = scs::ModelCatalogue::loadDefault();
    if (catalogue.entries().empty()) throw std::runtime_error("the model catalogue is empty");
    Project p;
    for (int i = 0; i < kPlaygrounds; ++i) {
        scs::project::Document d;
        d.type = scs::project::doctype::playground;
        d.playground = scs::project::playgroundFromCatalogue(catalogue.entries()[i % catalogue.entries().size()]);
        p.addDocument(std::move(d));
    }
    std::mt19937_64 rng(20261123);
    scs::project::RunData data;
    std::uniform_int_distribution<std::int32_t> neuron(0, kNeurons - 1);
    std::uniform_real_distribution<double> time(0.0, 10.0);
    data.spikeIndex.resize(kSpikes);
    data.spikeTimes.resize(kSpikes);
    for (std::size_t i = 0; i < kSpikes; ++i) {
        data.spikeIndex[i] = neuron(rng);
        data.spikeTimes[i] = time(rng);
    }
    std::sort(data.spikeTimes.begin(), data.spikeTimes.end());
    scs::project::Trace t{"t", "second", {}}, v{"v", "volt", {}}, u{"u", "volt", {}};
    for (std::size_t i = 0; i < kTraceSamples; ++i) {
        t.values.push_back(static_cast<double>(i) * 1e-5);
        v.values.push_back(-0.065 + 0.03 * std::sin(static_cast<double>(i) * 1e-2));
        u.values.push_back(-0.013 + 0.002 * std::cos(static_cast<double>(i) * 1e-3));
    }
    data.traces = {std::move(t), std::move(v), std::move(u)};
    data.payload = {{"rate_hz", 100.0}, {"neurons", kNeurons}};
    scs::project::Run run;
    run.documentId = p.documents.front().id;
    run.manifest = {"simulation",
                    "1M spikes",
                    scs::isoTimeUtcNow(),
                    scs::studioVersion(),
                    scs::sha256Hex("bench_project inputs"),
                    {{"spikes", kSpikes}}};
    run.data = std::make_shared<const scs::project::RunData>(std::move(data));
    p.addRun(std::move(run));
    return p;
}

/// Built once per program: the project in memory, and the same project saved to `path`.
struct Fixture {
    fs::path dir;
    std::string path;
    Project project;
    std::int64_t runId = 0;
    double fileBytes = 0;
    std::string error; // set when the setup's own checks fail; every benchmark then reports it

    Fixture() {
        dir = fs::temp_directory_path() / ("scs-bench-project-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        path = (dir / "bench.scstudio").string();
        try {
            project = buildProject();
            runId = project.runs.front().id;
            Project copy = project; // saving adopts the file; keep `project` free of a source
            ProjectStore::save(copy, path);
            fileBytes = static_cast<double>(fs::file_size(path));
            // The contract the benchmarks measure: open reads manifests only, runData reads blobs.
            const Project opened = ProjectStore::open(path);
            if (opened.runs.size() != 1 || opened.documents.size() != kPlaygrounds)
                error = "the reopened project differs from the saved one";
            else if (opened.runs.front().data)
                error = "ProjectStore::open loaded run data (Run::data is not null after open)";
            else if (opened.runData(runId)->spikeTimes != project.runs.front().data->spikeTimes)
                error = "the reloaded spikes differ from the saved ones";
        } catch (const std::exception& e) {
            error = e.what();
        }
    }
    ~Fixture() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

bool ready(benchmark::State& state, const Fixture& f) {
    if (f.error.empty()) return true;
    state.SkipWithError(f.error.c_str());
    return false;
}

/// Saves `project` to a fresh path every iteration (the file's removal is not timed). adoptFile
/// is off so each iteration starts from the same state.
void saveLoop(benchmark::State& state, Project& project, const Fixture& f) {
    int n = 0;
    for (auto _ : state) {
        const std::string target = (f.dir / ("save-" + std::to_string(n++) + ".scstudio")).string();
        ProjectStore::save(project, target, ProjectStore::SaveOptions{false, {}});
        state.PauseTiming();
        fs::remove(target);
        state.ResumeTiming();
    }
    state.counters["file_MB"] = f.fileBytes / 1e6;
}

// A first save: the run's data is in memory and is encoded into blobs.
void Project_Save_New(benchmark::State& state) {
    Fixture& f = fixture();
    if (!ready(state, f)) return;
    saveLoop(state, f.project, f);
}
BENCHMARK(Project_Save_New)->Unit(benchmark::kMillisecond);

// Saving an opened project (after an edit): blobs are copied from the old file, not decoded.
void Project_Save_Reopened(benchmark::State& state) {
    Fixture& f = fixture();
    if (!ready(state, f)) return;
    Project opened = ProjectStore::open(f.path);
    saveLoop(state, opened, f);
}
BENCHMARK(Project_Save_Reopened)->Unit(benchmark::kMillisecond);

// What opening a project costs: documents, view state, run manifests; no run data.
void Project_Open(benchmark::State& state) {
    const Fixture& f = fixture();
    if (!ready(state, f)) return;
    bool loadedData = false;
    for (auto _ : state) {
        Project p = ProjectStore::open(f.path);
        loadedData = loadedData || p.runs.front().data != nullptr;
        benchmark::DoNotOptimize(p);
    }
    if (loadedData) state.SkipWithError("ProjectStore::open loaded run data");
    state.counters["file_MB"] = f.fileBytes / 1e6;
}
BENCHMARK(Project_Open)->Unit(benchmark::kMillisecond);

// Opening and then showing the run: its 1,000,000 spikes (and traces) are read and decoded.
void Project_OpenAndLoadSpikes(benchmark::State& state) {
    const Fixture& f = fixture();
    if (!ready(state, f)) return;
    std::size_t spikes = 0;
    for (auto _ : state) {
        Project p = ProjectStore::open(f.path);
        spikes = p.runData(f.runId)->spikeTimes.size();
        benchmark::DoNotOptimize(spikes);
    }
    state.counters["spikes"] = static_cast<double>(spikes);
}
BENCHMARK(Project_OpenAndLoadSpikes)->Unit(benchmark::kMillisecond);

// `scstudio-cli project export-json`: open, read the run, write every number as text.
void Project_ExportJson(benchmark::State& state) {
    const Fixture& f = fixture();
    if (!ready(state, f)) return;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const Project p = ProjectStore::open(f.path);
        bytes = scs::project::exportJson(p).size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["json_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(Project_ExportJson)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
