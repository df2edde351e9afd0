// SPDX-License-Identifier: MIT
// Project files of every earlier schema version (tests/fixtures/projects/) open, migrate in memory
// to what their SQL holds, stay byte-identical on disk, and save as current-version files that
// reopen equal.
#include "ProjectTestSupport.h"

#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "project/Sqlite.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

namespace scs::project {
namespace {

namespace fs = std::filesystem;
using namespace scs::project::test;
using scs::test::readFile;
using scs::test::TempDir;

fs::path fixture(int version) {
    return scs::test::sourceDir() / "tests/fixtures/projects" / ("v" + std::to_string(version) + ".scstudio");
}

/// Saves `migrated` (its run data already in memory) as a new file and checks it is a current file
/// that reopens equal. The fixture it came from must not be touched by the save either.
void expectSavesAsCurrentVersion(Project& migrated, const fs::path& source, const std::string& sourceBytes) {
    TempDir dir;
    const std::string copy = (dir.path() / "migrated.scstudio").string();
    ProjectStore::save(migrated, copy);
    {
        sql::Database db(copy, sql::Database::Mode::ReadOnly);
        EXPECT_EQ(db.scalarInt("PRAGMA user_version"), schema::current);
        EXPECT_EQ(db.scalarInt("PRAGMA application_id"), schema::applicationId);
        const auto columns = db.columnNames("documents");
        EXPECT_NE(std::find(columns.begin(), columns.end(), "position"), columns.end());
    }
    const Project reopened = ProjectStore::open(copy);
    EXPECT_EQ(reopened.openedSchemaVersion, schema::current);
    EXPECT_TRUE(reopened.warnings.empty()) << describe(reopened.warnings);
    EXPECT_TRUE(differences(migrated, reopened).empty()) << describe(differences(migrated, reopened));
    EXPECT_TRUE(ProjectStore::validate(copy).empty());
    EXPECT_EQ(readFile(source), sourceBytes) << "saving a migrated project changed the file it came from";
}

TEST(ProjectMigration, EveryEarlierVersionHasAFixture) {
    for (int version = 1; version < schema::current; ++version)
        EXPECT_TRUE(fs::is_regular_file(fixture(version))) << fixture(version);
}

TEST(ProjectMigration, Version1OpensWithItsPlaygroundsInIdOrder) {
    const std::string before = readFile(fixture(1));
    Project p = ProjectStore::open(fixture(1).string());
    EXPECT_EQ(readFile(fixture(1)), before) << "opening an old file must not migrate it on disk";
    EXPECT_EQ(p.openedSchemaVersion, 1);
    EXPECT_TRUE(p.warnings.empty()) << describe(p.warnings);
    EXPECT_EQ(p.meta.at("created_by"), "SC-NeuroCore Studio 0.3.0");
    EXPECT_EQ(p.meta.at("saved_at"), "2026-03-02T17:30:00Z");
    ASSERT_EQ(p.documents.size(), 2u);

    // Version 1 had no position column: documents come in id order though the file stores 3 first.
    const Document& lif = p.documents[0];
    EXPECT_EQ(lif.id, 1);
    EXPECT_EQ(lif.type, doctype::playground);
    EXPECT_FALSE(lif.kept);
    EXPECT_EQ(lif.title(), "LIF at 2 nA");
    EXPECT_EQ(lif.playground.model.id, "lif");
    EXPECT_EQ(lif.playground.model.spec.parameter("R"), "12*Mohm");
    EXPECT_EQ(lif.playground.model.spec.parameter("tau"), "10*ms");
    ASSERT_NE(lif.playground.model.range("R"), nullptr);
    EXPECT_EQ(lif.playground.model.range("R")->max, "100*Mohm");
    EXPECT_EQ(lif.playground.simulation.dt, "0.05*ms");
    EXPECT_EQ(lif.playground.simulation.protocol, "step amplitude=2*nA start=20*ms stop=180*ms");
    EXPECT_EQ(lif.playground.analysis["selected"], "fi_curve");
    EXPECT_EQ(lif.playground.analysis["settings"]["fi_curve"]["points"], 16);
    EXPECT_EQ(lif.playground.analysis["settings"]["fi_curve"]["i_max"].get<double>(), 3e-9);

    const Document& izh = p.documents[1];
    EXPECT_EQ(izh.id, 3);
    EXPECT_EQ(izh.title(), "Izhikevich RS, slow recovery");
    EXPECT_EQ(izh.playground.model.id, "izhikevich_rs");
    EXPECT_EQ(izh.playground.model.spec.parameter("a"), "0.01");
    EXPECT_EQ(izh.playground.simulation.method, "rk4");
    EXPECT_EQ(izh.playground.simulation.duration, "300*ms");
    EXPECT_EQ(izh.playground.extra["notes"], "slower recovery than the catalogue's RS cell");

    EXPECT_TRUE(p.runs.empty());
    EXPECT_TRUE(p.view.openDocuments.empty());
    EXPECT_EQ(p.nextId(), 4);
    EXPECT_TRUE(ProjectStore::validate(fixture(1).string()).empty());
    expectSavesAsCurrentVersion(p, fixture(1), before);
}

TEST(ProjectMigration, Version2OpensWithItsRunsAndTheirData) {
    const std::string before = readFile(fixture(2));
    Project p = ProjectStore::open(fixture(2).string());
    EXPECT_EQ(readFile(fixture(2)), before);
    EXPECT_EQ(p.openedSchemaVersion, 2);
    EXPECT_TRUE(p.warnings.empty()) << describe(p.warnings);
    ASSERT_EQ(p.documents.size(), 2u);
    EXPECT_EQ(p.documents[0].title(), "LIF at 2 nA");
    EXPECT_EQ(p.documents[0].playground.model.spec.parameter("R"), "12*Mohm");
    const Document& fast = p.documents[1];
    EXPECT_EQ(fast.type, doctype::catalogueModel);
    EXPECT_FALSE(fast.kept);
    EXPECT_EQ(fast.model.id, "lif_fast");
    EXPECT_EQ(fast.title(), "LIF, fast membrane");
    EXPECT_EQ(fast.model.spec.parameter("tau"), "5*ms");
    EXPECT_EQ(fast.model.tags, (std::vector<std::string>{"lif", "user"}));

    ASSERT_EQ(p.runs.size(), 2u);
    const project::Run& sim = p.runs[0];
    EXPECT_EQ(sim.id, 3);
    EXPECT_EQ(sim.documentId, 1);
    EXPECT_EQ(sim.manifest.kind, "simulation");
    EXPECT_EQ(sim.manifest.label, "2 nA step");
    EXPECT_EQ(sim.manifest.createdAt, "2026-05-11T11:58:00Z");
    EXPECT_EQ(sim.manifest.engineVersion, "0.4.0");
    EXPECT_EQ(sim.manifest.inputsSha256.size(), 64u);
    EXPECT_EQ(sim.manifest.summary["spikes"], 2);
    EXPECT_EQ(p.runs[1].manifest.kind, "analysis:fi_curve");
    for (const project::Run& r : p.runs) EXPECT_EQ(r.data, nullptr) << "a migrated file's run data is read lazily too";

    const auto data = p.runData(3);
    ASSERT_EQ(data->traces.size(), 2u);
    EXPECT_EQ(data->traces[0].name, "t");
    EXPECT_EQ(data->traces[0].unit, "second");
    EXPECT_TRUE(sameBits(data->traces[0].values, {0.0, 1e-4, 2e-4, 3e-4}));
    EXPECT_EQ(data->traces[1].name, "v");
    EXPECT_TRUE(sameBits(data->traces[1].values, {-0.065, -0.0642, -0.0501, 0.02}));
    EXPECT_EQ(data->spikeIndex, (std::vector<std::int32_t>{0, 0}));
    EXPECT_TRUE(sameBits(data->spikeTimes, {0.0123, 0.0456}));
    EXPECT_TRUE(data->payload.is_null());
    const auto fi = p.runData(4);
    EXPECT_TRUE(fi->traces.empty());
    EXPECT_EQ(fi->payload["rates_hz"], (nlohmann::json{0, 5.5, 12.25}));
    EXPECT_EQ(fi->payload["currents_amp"][2].get<double>(), 2e-9);

    EXPECT_TRUE(ProjectStore::validate(fixture(2).string()).empty());
    // The new run's id must not collide with the fixture's: documents 1-2, runs 3-4.
    EXPECT_EQ(p.nextId(), 5);
    expectSavesAsCurrentVersion(p, fixture(2), before);
}

TEST(ProjectMigration, Version3OpensWithItsOrderViewStateAndKeptDocument) {
    const std::string before = readFile(fixture(3));
    Project p = ProjectStore::open(fixture(3).string());
    EXPECT_EQ(readFile(fixture(3)), before);
    EXPECT_EQ(p.openedSchemaVersion, 3);
    // The plugin document is the one warning: kept, not shown.
    ASSERT_EQ(p.warnings.size(), 1u) << describe(p.warnings);
    EXPECT_NE(p.warnings[0].find("board_recording"), std::string::npos) << p.warnings[0];
    EXPECT_EQ(p.meta.at("saved_at"), "2026-08-02T16:45:00Z");

    // Position order, not id order.
    ASSERT_EQ(p.documents.size(), 2u);
    const Document& kept = p.documents[0];
    EXPECT_EQ(kept.id, 2);
    EXPECT_TRUE(kept.kept);
    EXPECT_EQ(kept.type, "board_recording");
    EXPECT_EQ(kept.title(), "Bench capture");
    EXPECT_EQ(kept.keptBody, R"({"board": "ulx3s", "samples": [1, 2, 3]})");
    const Document& lif = p.documents[1];
    EXPECT_EQ(lif.id, 1);
    EXPECT_EQ(lif.type, doctype::playground);
    EXPECT_EQ(lif.playground.model.spec.parameter("R"), "12*Mohm");

    EXPECT_EQ(p.view.openDocuments, (std::vector<std::int64_t>{1}));
    EXPECT_EQ(p.view.activeDocument, 1);
    ASSERT_EQ(p.view.plotRanges.count("1/trace"), 1u);
    EXPECT_EQ(p.view.plotRanges.at("1/trace").yMin, -0.08);

    ASSERT_EQ(p.runs.size(), 1u);
    EXPECT_EQ(p.runs[0].manifest.createdAt, "2026-08-02T16:40:00Z");
    EXPECT_EQ(p.runs[0].data, nullptr);
    const auto data = p.runData(3);
    ASSERT_EQ(data->traces.size(), 2u);
    EXPECT_TRUE(sameBits(data->traces[1].values, {-0.065, -0.0642, -0.0501, 0.02}));
    EXPECT_TRUE(sameBits(data->spikeTimes, {0.0123, 0.0456}));
    EXPECT_TRUE(data->populationSpikes.empty()) << "a version 3 run has no network spikes";
    {
        // Migrated in memory: the new table exists there, empty.
        sql::Database& db = p.source->database();
        EXPECT_TRUE(db.hasTable("network_spikes"));
        EXPECT_EQ(db.scalarInt("SELECT count(*) FROM network_spikes"), 0);
    }
    EXPECT_EQ(ProjectStore::validate(fixture(3).string()), p.warnings);
    EXPECT_EQ(p.nextId(), 4);
    TempDir dir;
    const std::string copy = (dir.path() / "migrated.scstudio").string();
    ProjectStore::save(p, copy);
    const Project reopened = ProjectStore::open(copy);
    EXPECT_EQ(reopened.openedSchemaVersion, schema::current);
    EXPECT_TRUE(differences(p, reopened).empty()) << describe(differences(p, reopened));
    EXPECT_EQ(reopened.documents[0].keptBody, kept.keptBody);
    EXPECT_EQ(readFile(fixture(3)), before);
}

TEST(ProjectMigration, MigratedProjectCanBeEditedAndSaved) {
    // A user opens an old file, records a new run and saves elsewhere: old and new runs both survive.
    const std::string before = readFile(fixture(2));
    Project p = ProjectStore::open(fixture(2).string());
    project::Run fresh;
    fresh.documentId = 1;
    fresh.manifest.kind = "simulation";
    fresh.manifest.label = "after migration";
    RunData data;
    data.traces.push_back(Trace{"v", "volt", {-0.07, -0.06}});
    fresh.data = std::make_shared<const RunData>(data);
    const std::int64_t id = p.addRun(fresh).id;
    p.documents[0].playground.model.spec.setParameter("R", "20*Mohm");

    TempDir dir;
    const std::string copy = (dir.path() / "edited.scstudio").string();
    ProjectStore::save(p, copy); // nothing loaded yet: old runs come from the migrated copy
    const Project reopened = ProjectStore::open(copy);
    ASSERT_EQ(reopened.runs.size(), 3u);
    EXPECT_TRUE(sameBits(reopened.runData(3)->traces[1].values, {-0.065, -0.0642, -0.0501, 0.02}));
    EXPECT_TRUE(sameBits(reopened.runData(id)->traces[0].values, {-0.07, -0.06}));
    EXPECT_EQ(reopened.documents[0].playground.model.spec.parameter("R"), "20*Mohm");
    EXPECT_EQ(readFile(fixture(2)), before);
}

} // namespace
} // namespace scs::project
