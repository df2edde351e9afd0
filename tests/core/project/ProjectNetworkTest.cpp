// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — network documents and network runs in the project file and its JSON form.
#include "ProjectTestSupport.h"

#include "project/DocumentCodec.h"
#include "project/NetworkRunStore.h"
#include "project/ProjectJson.h"
#include "project/ProjectStore.h"
#include "project/Sqlite.h"
#include "support/TestSupport.h"

#include "core/network/NetworkJsonFixtures.h"

#include <gtest/gtest.h>

namespace scs::project {
namespace {

using namespace scs::project::test;
using scs::test::TempDir;

std::string scalarText(sql::Database& db, const std::string& query) {
    sql::Statement s = db.prepare(query);
    return s.step() ? s.text(0) : std::string();
}

scs::NetworkResult sampleResult() {
    scs::NetworkResult r;
    r.dt = 1e-4;
    r.steps = 2500;
    r.synapses = 1234567;
    r.synapticEvents = 987654321;
    r.wallSeconds = 0.125;
    r.spikes.push_back({"exc", "Excitatory", 12, {3, 3, 17, 2499}, {0, 11, 5, 7}});
    r.spikes.push_back({"inh", "Inhibitory", 3, {}, {}});
    r.spikes.push_back({"big", "Many", 100000, {}, {}});
    for (int k = 0; k < 50000; ++k) { // enough that a whole-run decode and a one-population read differ
        r.spikes[2].steps.push_back(k / 20);
        r.spikes[2].neurons.push_back((k * 7919) % 100000);
    }
    r.traces.push_back({"vm", "inh", "v", 2, "mV", 1e-3, {-0.065, -0.0649, -0.05}});
    r.traces.push_back({"vm", "inh", "I", 0, "nA", 1e-9, {0, 1e-10, 2e-10}});
    r.rates.push_back({"rate", "exc", 2e-3, {0, 40, 12.5}});
    return r;
}

void expectSameResult(const scs::NetworkResult& a, const scs::NetworkResult& b) {
    EXPECT_EQ(a.dt, b.dt);
    EXPECT_EQ(a.steps, b.steps);
    EXPECT_EQ(a.synapses, b.synapses);
    EXPECT_EQ(a.synapticEvents, b.synapticEvents);
    EXPECT_EQ(a.wallSeconds, b.wallSeconds);
    ASSERT_EQ(a.spikes.size(), b.spikes.size());
    for (std::size_t i = 0; i < a.spikes.size(); ++i) {
        EXPECT_EQ(a.spikes[i].populationId, b.spikes[i].populationId);
        EXPECT_EQ(a.spikes[i].name, b.spikes[i].name);
        EXPECT_EQ(a.spikes[i].size, b.spikes[i].size);
        EXPECT_EQ(a.spikes[i].steps, b.spikes[i].steps);
        EXPECT_EQ(a.spikes[i].neurons, b.spikes[i].neurons);
    }
    ASSERT_EQ(a.traces.size(), b.traces.size());
    for (std::size_t i = 0; i < a.traces.size(); ++i) {
        const auto &x = a.traces[i], &y = b.traces[i];
        EXPECT_TRUE(x.monitorId == y.monitorId && x.populationId == y.populationId && x.variable == y.variable &&
                    x.neuron == y.neuron && x.unit == y.unit && x.scale == y.scale)
            << "trace " << i;
        EXPECT_TRUE(sameBits(x.values, y.values)) << "trace " << i;
    }
    ASSERT_EQ(a.rates.size(), b.rates.size());
    for (std::size_t i = 0; i < a.rates.size(); ++i) {
        EXPECT_EQ(a.rates[i].monitorId, b.rates[i].monitorId);
        EXPECT_EQ(a.rates[i].populationId, b.rates[i].populationId);
        EXPECT_EQ(a.rates[i].binWidth, b.rates[i].binWidth);
        EXPECT_TRUE(sameBits(a.rates[i].hz, b.rates[i].hz));
    }
}

/// A project with one network document and one run of it.
Project networkProject(std::int64_t& runId) {
    Project p;
    Document d;
    d.type = doctype::network;
    d.network = scs::test::everyFieldNetwork();
    const std::int64_t docId = p.addDocument(d).id;
    runId = p.addRun(makeNetworkRun(sampleResult(), docId, "first run", "abc")).id;
    return p;
}

TEST(ProjectNetwork, NetworkDocumentAndRunSurviveSaveAndOpen) {
    std::int64_t runId = 0;
    Project p = networkProject(runId);
    TempDir dir;
    const std::string path = (dir.path() / "net.scstudio").string();
    ProjectStore::save(p, path);

    Project opened = ProjectStore::open(path);
    EXPECT_TRUE(opened.warnings.empty()) << describe(opened.warnings);
    ASSERT_EQ(opened.documents.size(), 1u);
    EXPECT_EQ(opened.documents[0].type, doctype::network);
    EXPECT_EQ(opened.documents[0].network, scs::test::everyFieldNetwork());
    EXPECT_EQ(opened.documents[0].title(), scs::test::everyFieldNetwork().name);
    const project::Run* run = opened.run(runId);
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->manifest.kind, networkRunKind);
    EXPECT_EQ(run->manifest.summary["spikes"]["big"], 50000);
    EXPECT_EQ(run->manifest.summary["synapses"], 1234567);

    // One population's spikes come straight from its row; the run's data is not decoded.
    const scs::PopulationSpikes exc = loadPopulationSpikes(opened, runId, "exc");
    EXPECT_EQ(run->data, nullptr) << "reading one population must not load the whole run";
    EXPECT_EQ(exc.steps, (std::vector<std::int32_t>{3, 3, 17, 2499}));
    EXPECT_EQ(exc.neurons, (std::vector<std::int32_t>{0, 11, 5, 7}));
    EXPECT_EQ(exc.size, 12);
    EXPECT_EQ(loadPopulationSpikes(opened, runId, "inh").count(), 0u);
    EXPECT_THROW(loadPopulationSpikes(opened, runId, "nobody"), ProjectError);
    EXPECT_THROW(loadPopulationSpikes(opened, runId + 100, "exc"), ProjectError);

    expectSameResult(networkResultOf(*opened.runData(runId), "run"), sampleResult());
    EXPECT_EQ(loadPopulationSpikes(opened, runId, "big").steps, sampleResult().spikes[2].steps) << "from memory too";
    EXPECT_TRUE(differences(p, opened).empty()) << describe(differences(p, opened));
    EXPECT_TRUE(ProjectStore::validate(path).empty());

    // The body is the readable JSON form (enum names, not numbers).
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    const std::string body = scalarText(db, "SELECT body FROM documents");
    EXPECT_NE(body.find("\"exponential_conductance\""), std::string::npos);
    EXPECT_EQ(db.scalarInt("SELECT count(*) FROM network_spikes WHERE run_id = " + std::to_string(runId)), 3);
}

TEST(ProjectNetwork, RemovedNetworkRunLeavesNoSpikeRows) {
    std::int64_t runId = 0;
    Project p = networkProject(runId);
    TempDir dir;
    const std::string path = (dir.path() / "net.scstudio").string();
    ProjectStore::save(p, path);
    Project opened = ProjectStore::open(path);
    const std::int64_t second =
        opened.addRun(makeNetworkRun(sampleResult(), opened.documents[0].id, "second", "def")).id;
    opened.removeRunsOf(opened.documents[0].id, "nothing"); // no-op: a kind no run has
    std::erase_if(opened.runs, [&](const project::Run& r) { return r.id == runId; });
    ProjectStore::save(opened, path);
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    EXPECT_EQ(db.scalarInt("SELECT count(*) FROM network_spikes WHERE run_id = " + std::to_string(runId)), 0);
    EXPECT_EQ(db.scalarInt("SELECT count(*) FROM network_spikes WHERE run_id = " + std::to_string(second)), 3);
}

TEST(ProjectNetwork, NetworkDocumentAndRunSurviveJsonExportAndImport) {
    std::int64_t runId = 0;
    const Project p = networkProject(runId);
    const std::string text = exportJson(p);
    EXPECT_NE(text.find("\"network_spikes\""), std::string::npos);
    const Project back = importJson(text, "net.json");
    EXPECT_TRUE(differences(p, back).empty()) << describe(differences(p, back));
    expectSameResult(networkResultOf(*back.runData(runId), "run"), sampleResult());
    EXPECT_EQ(exportJson(back), text);
}

TEST(ProjectNetwork, UnreadableNetworkBodyIsKeptByteForByte) {
    TempDir dir;
    const std::string path = (dir.path() / "net.scstudio").string();
    {
        Project p;
        Document d;
        d.type = doctype::network;
        d.network = scs::test::everyFieldNetwork();
        p.addDocument(d);
        ProjectStore::save(p, path);
    }
    // A newer studio's connectivity rule: this one cannot read it, but must not lose it.
    std::string body;
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        body = scalarText(db, "SELECT body FROM documents");
        const auto at = body.find("\"explicit\"");
        ASSERT_NE(at, std::string::npos);
        body.replace(at, 10, "\"small_world\"");
        sql::Statement s = db.prepare("UPDATE documents SET body = ?");
        s.bind(1, body).run();
    }
    Project opened = ProjectStore::open(path);
    ASSERT_EQ(opened.warnings.size(), 1u);
    EXPECT_NE(opened.warnings[0].find("projections[0].connectivity.kind"), std::string::npos) << opened.warnings[0];
    EXPECT_NE(opened.warnings[0].find("small_world"), std::string::npos) << opened.warnings[0];
    ASSERT_TRUE(opened.documents[0].kept);
    ProjectStore::save(opened, path);
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    EXPECT_EQ(scalarText(db, "SELECT body FROM documents"), body);
    EXPECT_EQ(scalarText(db, "SELECT type FROM documents"), "network");
}

TEST(ProjectNetwork, DamagedSpikeRowIsReportedNotCrashed) {
    std::int64_t runId = 0;
    Project p = networkProject(runId);
    TempDir dir;
    const std::string path = (dir.path() / "net.scstudio").string();
    ProjectStore::save(p, path);
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("UPDATE network_spikes SET count = count + 1 WHERE population_id = 'exc'");
    }
    const Project opened = ProjectStore::open(path);
    try {
        loadPopulationSpikes(opened, runId, "exc");
        FAIL() << "a count that does not match the blob must be refused";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("population 'exc'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
    }
    EXPECT_THROW(opened.runData(runId), ProjectError);
    const auto problems = ProjectStore::validate(path);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("damaged"), std::string::npos) << problems[0];
}

TEST(ProjectNetwork, ARunThatIsNotANetworkRunIsRefusedClearly) {
    RunData data;
    data.payload = {{"rates_hz", {1, 2}}};
    try {
        networkResultOf(data, "run 7");
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_EQ(std::string(e.what()), "run 7: not a network run");
    }
    RunData network = *makeNetworkRun(sampleResult(), 1, "x").data;
    network.traces.pop_back();
    EXPECT_THROW(networkResultOf(network, "run 8"), ProjectError);
}

} // namespace
} // namespace scs::project
