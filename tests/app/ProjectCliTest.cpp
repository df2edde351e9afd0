// SPDX-License-Identifier: MIT
// scstudio-cli project as a user runs it: import the example, inspect, validate, round-trip JSON, and
// the one-line failures for missing, foreign, newer, damaged and protected files.
#include "support/TestSupport.h"

#include "project/ProjectJson.h"
#include "project/ProjectLock.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "project/Sqlite.h"
#include "util/Sha256.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace scs {
namespace {

namespace fs = std::filesystem;

test::ProcessResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), SCS_CLI_PATH);
    return test::runProcess(args);
}

std::string defaultJson() { return (test::sourceDir() / "projects" / "default.scstudio.json").string(); }

/// A failure as the CLI must report it: exactly one line on stderr, from main's error handler.
void expectOneLineError(const test::ProcessResult& r, int exitCode, const std::string& containing) {
    EXPECT_EQ(r.exitCode, exitCode) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("scstudio-cli: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(containing), std::string::npos) << r.err;
}

/// The example project plus one recorded run (a trace with awkward numbers, spikes, a payload),
/// saved through the core API as the studio would.
struct ProjectWithRun {
    std::string path;
    std::int64_t runId = 0;
    std::string sha;
};

ProjectWithRun saveProjectWithRun(const fs::path& dir) {
    project::Project p = project::importJson(test::readFile(defaultJson()), "default.scstudio.json");
    project::RunData data;
    data.traces.push_back({"v", "volt", {-0.065, 0.1, 1e-300, -0.0, std::numeric_limits<double>::quiet_NaN()}});
    data.traces.push_back({"t", "second", {0.0, 1e-4, 2e-4, 3e-4, 4e-4}});
    data.spikeIndex = {0, 0, 1};
    data.spikeTimes = {0.0101, 0.0502, 0.1};
    data.payload = {{"rate_hz", 12.5}};
    project::Run run;
    run.documentId = p.documents.front().id;
    run.manifest.kind = "simulation";
    run.manifest.label = "baseline";
    run.manifest.createdAt = "2026-11-23T10:00:00Z";
    run.manifest.engineVersion = "0.1.0";
    run.manifest.inputsSha256 = sha256Hex("the inputs of this run");
    run.manifest.summary = {{"spikes", 3}};
    run.data = std::make_shared<const project::RunData>(data);
    const std::int64_t id = p.addRun(run).id;
    const std::string path = (dir / "with-run.scstudio").string();
    project::ProjectStore::save(p, path);
    return {path, id, run.manifest.inputsSha256};
}

TEST(ProjectCli, ImportsTheExampleProjectThenShowsAndValidatesIt) {
    test::TempDir dir;
    const std::string out = (dir.path() / "default.scstudio").string();
    auto r = cli({"project", "import-json", defaultJson(), "--output", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, out + ": written (1 documents, 0 runs)\n");
    ASSERT_TRUE(fs::exists(out));

    r = cli({"project", "info", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind(out + "\n  schema version " + std::to_string(project::schema::current) + ",", 0), 0u)
        << r.out;
    EXPECT_NE(r.out.find("#1 playground \"Izhikevich RS playground\": model izhikevich_rs"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("runs: 0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("created "), std::string::npos) << r.out;

    r = cli({"project", "validate", out});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(r.out, out + ": valid\n");
    EXPECT_EQ(r.err, "");
}

TEST(ProjectCli, ImportNamesItsOutputAfterTheInput) {
    test::TempDir dir;
    const std::string text = test::readFile(defaultJson());
    test::writeFile(dir.path() / "a.scstudio.json", text);
    test::writeFile(dir.path() / "b.json", text);
    test::writeFile(dir.path() / "c.txt", text);
    for (const auto& [in, expected] : std::vector<std::pair<std::string, std::string>>{
             {"a.scstudio.json", "a.scstudio"}, {"b.json", "b.scstudio"}, {"c.txt", "c.txt.scstudio"}}) {
        const auto r = cli({"project", "import-json", (dir.path() / in).string()});
        EXPECT_EQ(r.exitCode, 0) << in << ": " << r.err;
        EXPECT_TRUE(fs::exists(dir.path() / expected)) << in;
    }
}

TEST(ProjectCli, InfoJsonListsDocumentsAndRunManifests) {
    test::TempDir dir;
    const auto saved = saveProjectWithRun(dir.path());
    const auto r = cli({"project", "info", saved.path, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["file"], saved.path);
    EXPECT_EQ(j["file_schema_version"], project::schema::current);
    EXPECT_EQ(j["migrated"], false);
    EXPECT_EQ(j["file_bytes"], fs::file_size(saved.path));
    ASSERT_EQ(j["documents"].size(), 1u);
    EXPECT_EQ(j["documents"][0]["title"], "Izhikevich RS playground");
    EXPECT_EQ(j["documents"][0]["type"], "playground");
    EXPECT_EQ(j["documents"][0]["model_id"], "izhikevich_rs");
    EXPECT_TRUE(j["documents"][0].contains("dt"));
    ASSERT_EQ(j["runs"].size(), 1u);
    EXPECT_EQ(j["runs"][0]["id"], saved.runId);
    EXPECT_EQ(j["runs"][0]["kind"], "simulation");
    EXPECT_EQ(j["runs"][0]["label"], "baseline");
    EXPECT_EQ(j["runs"][0]["inputs_sha256"], saved.sha);
    EXPECT_EQ(j["runs"][0]["summary"]["spikes"], 3);
    EXPECT_TRUE(j["meta"].contains("saved_at"));
    EXPECT_EQ(j["warnings"], nlohmann::json::array());

    const auto text = cli({"project", "info", saved.path});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("#" + std::to_string(saved.runId) +
                            " of document 1: simulation \"baseline\", created "
                            "2026-11-23T10:00:00Z, engine 0.1.0, inputs " +
                            saved.sha.substr(0, 12) + ", summary {\"spikes\":3}"),
              std::string::npos)
        << text.out;
}

TEST(ProjectCli, ExportImportExportGivesTheSameText) {
    test::TempDir dir;
    const auto saved = saveProjectWithRun(dir.path());
    const fs::path legacy = dir.path() / "legacy.scstudio";
    ASSERT_EQ(cli({"project", "import-json", defaultJson(), "--output", legacy.string()}).exitCode, 0);
    for (const std::string& original : {saved.path, legacy.string()}) {
        SCOPED_TRACE(original);
        const fs::path first = dir.path() / "first.json";
        const fs::path rebuilt = dir.path() / "rebuilt.scstudio";
        auto r = cli({"project", "export-json", original, "--output", first.string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out, "");
        r = cli({"project", "import-json", first.string(), "--output", rebuilt.string(), "--force"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        r = cli({"project", "export-json", rebuilt.string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out, test::readFile(first));
        // Nothing but the target is left in the folder by the atomic write.
        for (const auto& entry : fs::directory_iterator(dir.path()))
            EXPECT_EQ(entry.path().filename().string().find(".writing-"), std::string::npos) << entry.path();
    }

    const auto j = nlohmann::json::parse(cli({"project", "export-json", saved.path}).out);
    EXPECT_EQ(j["format"], "scstudio-project-json");
    ASSERT_EQ(j["documents"].size(), 1u);
    EXPECT_EQ(j["documents"][0]["title"], "Izhikevich RS playground");
    EXPECT_EQ(j["documents"][0]["body"]["model"]["id"], "izhikevich_rs");
    ASSERT_EQ(j["runs"].size(), 1u);
    EXPECT_EQ(j["runs"][0]["data"]["spikes"]["times"], nlohmann::json({0.0101, 0.0502, 0.1}));
    EXPECT_EQ(j["runs"][0]["data"]["traces"][0]["values"][4], "NaN");
}

TEST(ProjectCli, MissingRandomAndNewerFilesFailWithOneLine) {
    test::TempDir dir;
    const std::string missing = (dir.path() / "missing.scstudio").string();
    for (const char* sub : {"info", "validate", "export-json"})
        expectOneLineError(cli({"project", sub, missing}), 1,
                           "scstudio-cli: error: " + missing + ": cannot be opened (No such file or directory)");
    expectOneLineError(cli({"project", "import-json", (dir.path() / "missing.json").string()}), 1, "cannot be read");

    const fs::path random = dir.path() / "random.scstudio";
    std::mt19937 rng(42);
    std::string bytes(8192, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
    test::writeFile(random, bytes);
    for (const char* sub : {"info", "validate", "export-json"})
        expectOneLineError(cli({"project", sub, random.string()}), 1, "not a studio project");
    expectOneLineError(cli({"project", "import-json", random.string(), "--output", (dir.path() / "x").string()}), 1,
                       "not valid JSON");
    EXPECT_FALSE(fs::exists(dir.path() / "x"));

    const auto saved = saveProjectWithRun(dir.path());
    {
        sql::Database db(saved.path, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string before = test::readFile(saved.path);
    for (const char* sub : {"info", "validate", "export-json"})
        expectOneLineError(cli({"project", sub, saved.path}), 1,
                           "project schema version 99); this studio reads versions up to " +
                               std::to_string(project::schema::current));
    EXPECT_EQ(test::readFile(saved.path), before);
}

TEST(ProjectCli, InfoReadsNoRunDataButValidateChecksIt) {
    test::TempDir dir;
    const auto saved = saveProjectWithRun(dir.path());
    {
        sql::Database db(saved.path, sql::Database::Mode::ReadWrite);
        db.exec("UPDATE run_blobs SET data = zeroblob(5) WHERE name = 'spikes'");
    }
    // info lists the run from its manifest alone, so damaged data does not stop it.
    auto r = cli({"project", "info", saved.path});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("#" + std::to_string(saved.runId) + " of document 1"), std::string::npos) << r.out;

    r = cli({"project", "validate", saved.path});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    EXPECT_EQ(r.out.rfind(saved.path + ": run " + std::to_string(saved.runId) + ", blob 'spikes'", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("damaged"), std::string::npos) << r.out;

    const auto j = nlohmann::json::parse(cli({"project", "validate", saved.path, "--json"}).out);
    EXPECT_EQ(j["valid"], false);
    EXPECT_EQ(j["problems"].size(), 1u);

    expectOneLineError(cli({"project", "export-json", saved.path}), 1, "damaged");
}

TEST(ProjectCli, ImportRefusesToOverwriteWithoutForce) {
    test::TempDir dir;
    const std::string out = (dir.path() / "p.scstudio").string();
    ASSERT_EQ(cli({"project", "import-json", defaultJson(), "--output", out}).exitCode, 0);
    const std::string before = test::readFile(out);
    expectOneLineError(cli({"project", "import-json", defaultJson(), "--output", out}), 1,
                       out + ": already exists; not overwritten (use --force to replace it)");
    EXPECT_EQ(test::readFile(out), before);

    {
        // A studio holding the project open keeps it even against --force.
        const auto lock = project::ProjectLock::tryAcquire(out);
        ASSERT_TRUE(lock);
        expectOneLineError(cli({"project", "import-json", defaultJson(), "--output", out, "--force"}), 1,
                           "is open in a studio by ");
        EXPECT_EQ(test::readFile(out), before);
    }
    const auto r = cli({"project", "import-json", defaultJson(), "--output", out, "--force"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_FALSE(fs::exists(project::ProjectLock::lockPathFor(out)));
}

TEST(ProjectCli, OlderFilesAreShownAsMigrated) {
    test::TempDir dir;
    const auto exported =
        nlohmann::json::parse(cli({"project", "export-json", saveProjectWithRun(dir.path()).path}).out);
    const std::string old = (dir.path() / "v1.scstudio").string();
    {
        // Schema version 1 as ProjectSchema.h describes it: meta and documents only.
        sql::Database db(old, sql::Database::Mode::Create);
        db.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE documents(id INTEGER PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL, "
                "body TEXT NOT NULL);"
                "INSERT INTO meta VALUES('created_by', 'SC-NeuroCore Studio 0.0.1');");
        db.prepare("INSERT INTO documents VALUES(7, 'playground', 'Old playground', ?)")
            .bind(1, exported["documents"][0]["body"].dump())
            .run();
        db.exec("PRAGMA user_version = 1; PRAGMA application_id = " + std::to_string(project::schema::applicationId));
    }
    const std::string before = test::readFile(old);
    auto r = cli({"project", "info", old});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("schema version 1 (migrated from v1 to v" + std::to_string(project::schema::current)),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("#7 playground \"Old playground\": model izhikevich_rs"), std::string::npos) << r.out;
    r = cli({"project", "info", old, "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["file_schema_version"], 1);
    EXPECT_EQ(j["migrated"], true);
    EXPECT_EQ(cli({"project", "validate", old}).exitCode, 0);
    EXPECT_EQ(test::readFile(old), before);
}

TEST(ProjectCli, UsageMistakesExitTwo) {
    test::TempDir dir;
    const auto saved = saveProjectWithRun(dir.path());
    expectOneLineError(cli({"project"}), 2, "needs a subcommand");
    expectOneLineError(cli({"project", "info"}), 2, "project info needs a FILE");
    expectOneLineError(cli({"project", "frobnicate", saved.path}), 2, "unknown project subcommand 'frobnicate'");
    expectOneLineError(cli({"project", "info", saved.path, "--force"}), 2, "--force only applies to import-json");
    expectOneLineError(cli({"project", "info", saved.path, "--bogus"}), 2, "unknown argument '--bogus'");
    expectOneLineError(cli({"project", "export-json", saved.path, "--output", saved.path}), 2, "is the project itself");
    const auto help = cli({"project", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("import-json FILE.json"), std::string::npos);
}

} // namespace
} // namespace scs
