// SPDX-License-Identifier: MIT
// Property tests of the project store: random projects of every document type survive save → open
// and JSON export → import exactly (numbers bit for bit), run data is read only when asked for,
// a reopened project can be edited and saved over itself, and a plugin's tables survive a save.
#include "ProjectTestSupport.h"

#include "project/ProjectJson.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "project/Sqlite.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>

namespace scs::project {
namespace {

using namespace scs::project::test;
using scs::test::TempDir;

constexpr int kSeeds = 30;

std::string file(const TempDir& dir, const std::string& name = "project.scstudio") {
    return (dir.path() / name).string();
}

TEST(ProjectRoundTrip, RandomProjectsSurviveSaveAndOpenBitForBit) {
    ASSERT_FALSE(catalogue().entries().empty()) << "the bundled model catalogue did not load";
    for (int seed = 1; seed <= kSeeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Rng rng(static_cast<Rng::result_type>(seed));
        Project original = randomProject(rng);
        TempDir dir;
        ProjectStore::save(original, file(dir));
        Project reopened = ProjectStore::open(file(dir));
        EXPECT_EQ(reopened.openedSchemaVersion, schema::current);
        // Opening reads manifests only; every run's data waits in the file until asked for.
        for (const project::Run& r : reopened.runs) EXPECT_EQ(r.data, nullptr) << "run " << r.id;
        // The document of an unknown type is the only one this studio cannot show.
        EXPECT_EQ(reopened.warnings.size(), 1u) << describe(reopened.warnings);
        EXPECT_TRUE(differences(original, reopened).empty()) << describe(differences(original, reopened));
        for (const project::Run& r : reopened.runs) EXPECT_NE(r.data, nullptr) << "run " << r.id;

        // The opened project exports the same JSON as the one it was saved from (data read lazily).
        Project withSavedMeta = original;
        withSavedMeta.meta = reopened.meta;
        EXPECT_EQ(firstDifference(exportJson(withSavedMeta), exportJson(reopened)), "");
    }
}

TEST(ProjectRoundTrip, RandomProjectsSurviveJsonExportAndImport) {
    for (int seed = 1; seed <= kSeeds; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Rng rng(static_cast<Rng::result_type>(1000 + seed));
        const Project original = randomProject(rng);
        const std::string exported = exportJson(original);
        Project imported = importJson(exported, "export.json");
        // JSON has one NaN and re-formats a kept body that is JSON; everything else is exact.
        const auto jsonDiff = differences(original, imported, CompareOptions{true, true});
        EXPECT_TRUE(jsonDiff.empty()) << describe(jsonDiff);
        EXPECT_EQ(firstDifference(exported, exportJson(imported)), "");

        TempDir dir;
        ProjectStore::save(imported, file(dir));
        const Project reopened = ProjectStore::open(file(dir));
        EXPECT_TRUE(differences(imported, reopened).empty()) << describe(differences(imported, reopened));
    }
}

TEST(ProjectRoundTrip, KeptBodiesSurviveJsonExport) {
    // A kept body is the only copy of another program's document. JSON export may re-format a body
    // that is JSON, but must bring back the same value, and any other text byte for byte.
    Project p;
    for (const std::string body : {"\"a JSON string\"", "not JSON {", "", "{\"a\": 1}", "[1, 2]", "12.5", "null"}) {
        Document d;
        d.type = "network_graph";
        d.kept = true;
        d.keptTitle = "graph";
        d.keptBody = body;
        p.addDocument(d);
    }
    const Project imported = importJson(exportJson(p), "export.json");
    ASSERT_EQ(imported.documents.size(), p.documents.size());
    for (std::size_t i = 0; i < p.documents.size(); ++i) {
        const std::string& before = p.documents[i].keptBody;
        const std::string& after = imported.documents[i].keptBody;
        SCOPED_TRACE(before + " -> " + after);
        EXPECT_TRUE(imported.documents[i].kept);
        EXPECT_EQ(imported.documents[i].type, "network_graph");
        const auto value = nlohmann::json::parse(before, nullptr, false);
        if (value.is_discarded() || value.is_string())
            EXPECT_EQ(after, before);
        else
            EXPECT_EQ(nlohmann::json::parse(after).dump(), value.dump());
    }
}

TEST(ProjectRoundTrip, ExtremePlotRangesSurvive) {
    // Each value is finite, though their sum is not: a range is dropped only for a non-finite value.
    const double big = std::numeric_limits<double>::max();
    Project p;
    Document d;
    d.playground = playgroundFromCatalogue(catalogue().entries().front());
    p.view.plotRanges[std::to_string(p.addDocument(d).id) + "/v"] = PlotRange{-big, big, big, big};
    p.view.plotRanges["1/tiny"] = PlotRange{-0.0, std::numeric_limits<double>::denorm_min(), -1e-310, 0.0};
    TempDir dir;
    ProjectStore::save(p, file(dir));
    const Project reopened = ProjectStore::open(file(dir));
    EXPECT_TRUE(reopened.warnings.empty()) << describe(reopened.warnings);
    EXPECT_TRUE(differences(p, reopened).empty()) << describe(differences(p, reopened));
    EXPECT_TRUE(differences(p, importJson(exportJson(p), "export.json")).empty());
}

TEST(ProjectRoundTrip, RunDataIsReadFromTheFileWhenFirstAskedFor) {
    Rng rng(42);
    Project p = randomProject(rng);
    RunData data;
    data.traces.push_back(Trace{"v", "volt", {1.0, 2.0, 3.0}});
    project::Run run = randomRun(rng, p.documents.front().id);
    run.data = std::make_shared<const RunData>(data);
    const std::int64_t id = p.addRun(run).id;
    TempDir dir;
    ProjectStore::save(p, file(dir));

    Project opened = ProjectStore::open(file(dir));
    for (const project::Run& r : opened.runs) ASSERT_EQ(r.data, nullptr);
    // Change the blob behind the open project's back: if open had read it, the old values would show.
    {
        sql::Database db(file(dir), sql::Database::Mode::ReadWrite);
        const double changed[3] = {-1.0, -2.0, -3.0};
        sql::Statement s = db.prepare("UPDATE run_blobs SET data = ? WHERE run_id = ? AND name = 'v'");
        s.bindBlob(1, changed, sizeof changed).bind(2, id);
        s.run();
    }
    const auto loaded = opened.runData(id);
    ASSERT_EQ(loaded->traces.size(), 1u);
    EXPECT_TRUE(sameBits(loaded->traces[0].values, {-1.0, -2.0, -3.0}));
    EXPECT_EQ(opened.runData(id), loaded) << "a run's data is read once, then kept";
    EXPECT_EQ(opened.run(id)->data, loaded);
}

TEST(ProjectRoundTrip, ReopenedProjectEditedAndSavedOverItselfStaysEqual) {
    for (int seed = 1; seed <= 10; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Rng rng(static_cast<Rng::result_type>(500 + seed));
        // `expected` holds all data in memory and receives the same edits as the reopened copy.
        Project expected = randomProject(rng);
        expected.addRun(randomRun(rng, expected.documents.front().id));
        expected.addRun(randomRun(rng, expected.documents.front().id));
        TempDir dir;
        ProjectStore::save(expected, file(dir));
        expected.meta = ProjectStore::open(file(dir)).meta;

        Project edited = ProjectStore::open(file(dir));
        // Remove the newest run (its data never loaded) and record a new one for the same document,
        // as re-running a simulation does.
        expected.runs.pop_back();
        edited.runs.pop_back();
        project::Run fresh = randomRun(rng, edited.documents.front().id);
        fresh.id = edited.addRun(fresh).id;
        expected.addRun(fresh);
        // Edit a playground's parameter and a run's label.
        for (Project* p : {&expected, &edited}) {
            Document* d = p->document(p->documents.front().id);
            ASSERT_FALSE(d->playground.model.spec.parameters.empty());
            d->playground.model.spec.parameters.front().second = "1.5*mV";
            p->runs.front().manifest.label = "relabelled";
        }
        ProjectStore::save(edited, file(dir));
        EXPECT_TRUE(differences(expected, edited).empty()) << describe(differences(expected, edited));
        const Project reopened = ProjectStore::open(file(dir));
        EXPECT_TRUE(differences(expected, reopened).empty()) << describe(differences(expected, reopened));
        EXPECT_EQ(ProjectStore::validate(file(dir)), reopened.warnings) << "only the kept document's warning";
    }
}

TEST(ProjectRoundTrip, UnknownTablesSurviveEverySave) {
    Rng rng(99);
    Project p = randomProject(rng);
    TempDir dir;
    ProjectStore::save(p, file(dir));
    const std::string blob = std::string("\x00\x01\xff", 3);
    {
        // A plugin's own table, written with plain SQLite as a plugin would.
        sql::Database db(file(dir), sql::Database::Mode::ReadWrite);
        db.exec("CREATE TABLE plugin_x(id INTEGER PRIMARY KEY, note TEXT NOT NULL, data BLOB);"
                "CREATE INDEX plugin_x_by_note ON plugin_x(note);"
                "INSERT INTO plugin_x(note, data) VALUES('first', X'0001ff'), ('second', NULL);");
    }
    Project opened = ProjectStore::open(file(dir));
    opened.documents.front().playground.title = "edited";
    ProjectStore::save(opened, file(dir));                  // Save
    ProjectStore::save(opened, file(dir, "copy.scstudio")); // then Save As
    for (const std::string& path : {file(dir), file(dir, "copy.scstudio")}) {
        SCOPED_TRACE(path);
        sql::Database db(path, sql::Database::Mode::ReadOnly);
        ASSERT_TRUE(db.hasTable("plugin_x"));
        EXPECT_EQ(db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'plugin_x_by_note'"), 1);
        sql::Statement s = db.prepare("SELECT note, data FROM plugin_x ORDER BY id");
        ASSERT_TRUE(s.step());
        EXPECT_EQ(s.text(0), "first");
        const auto bytes = s.blob(1);
        EXPECT_EQ(std::string(bytes.begin(), bytes.end()), blob);
        ASSERT_TRUE(s.step());
        EXPECT_EQ(s.text(0), "second");
        EXPECT_TRUE(s.isNull(1));
        EXPECT_FALSE(s.step());
        EXPECT_EQ(ProjectStore::open(path).documents.front().title(), "edited");
    }
}

} // namespace
} // namespace scs::project
