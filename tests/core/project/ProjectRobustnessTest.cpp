// SPDX-License-Identifier: MIT
// Bad files and failing saves: each is refused with a message that says what is wrong, and the
// file on disk is byte-identical afterwards (a read-only folder and a full disk are staged in a
// forked child, as nobody when the tests run as root).
#include "ProjectTestSupport.h"

#include "project/ProjectJson.h"
#include "project/ProjectSchema.h"
#include "project/ProjectStore.h"
#include "project/Sqlite.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <csignal>

namespace scs::project {
namespace {

namespace fs = std::filesystem;
using namespace scs::project::test;
using scs::test::readFile;
using scs::test::TempDir;
using scs::test::writeFile;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A real saved project with a run; returns its path.
std::string savedProject(const TempDir& dir, const std::string& name = "project.scstudio", std::uint64_t seed = 5) {
    Rng rng(seed);
    Project p = randomProject(rng);
    p.addRun(randomRun(rng, p.documents.front().id));
    std::string path = (dir.path() / name).string();
    ProjectStore::save(p, path);
    return path;
}

/// Opening (and validating) `path` must throw a ProjectError naming the file and containing every
/// phrase, and leave the file as it was. Returns the message.
std::string expectRefused(const std::string& path, const std::vector<std::string>& phrases) {
    const bool isFile = fs::is_regular_file(path);
    const std::string before = isFile ? readFile(path) : std::string();
    std::string message;
    try {
        ProjectStore::open(path);
        ADD_FAILURE() << path << " opened";
    } catch (const ProjectError& e) {
        message = e.what();
    }
    EXPECT_TRUE(contains(message, path)) << message;
    for (const std::string& phrase : phrases)
        EXPECT_TRUE(contains(message, phrase)) << message << "\nlacks: " << phrase;
    EXPECT_THROW(ProjectStore::validate(path), ProjectError);
    if (isFile) {
        EXPECT_TRUE(readFile(path) == before) << "the file changed";
    }
    return message;
}

TEST(ProjectRobustness, EmptyFile) {
    TempDir dir;
    const std::string path = (dir.path() / "empty.scstudio").string();
    writeFile(path, "");
    expectRefused(path, {"the file is empty"});
}

TEST(ProjectRobustness, TruncatedFilesAtSeveralLengths) {
    TempDir dir;
    const std::string whole = readFile(savedProject(dir));
    ASSERT_GT(whole.size(), 3u * 4096u);
    for (const std::size_t length :
         {std::size_t(16), std::size_t(50), std::size_t(99), std::size_t(100), std::size_t(1000), std::size_t(4096),
          whole.size() / 2, whole.size() - 4096, whole.size() - 1}) {
        SCOPED_TRACE("cut at " + std::to_string(length) + " of " + std::to_string(whole.size()));
        const std::string path = (dir.path() / ("cut" + std::to_string(length) + ".scstudio")).string();
        writeFile(path, whole.substr(0, length));
        expectRefused(path, {"the file is truncated", std::to_string(length) + " "});
    }
}

TEST(ProjectRobustness, RandomBytes) {
    TempDir dir;
    Rng rng(11);
    for (const std::size_t size : {1u, 15u, 100u, 4096u, 70000u}) {
        std::string bytes(size, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        const std::string path = (dir.path() / ("random" + std::to_string(size) + ".scstudio")).string();
        writeFile(path, bytes);
        expectRefused(path, {"not a studio project", "not an SQLite database"});
    }
}

TEST(ProjectRobustness, TextFileWithTheRightExtension) {
    TempDir dir;
    const std::string path = (dir.path() / "notes.scstudio").string();
    writeFile(path, "{\"format\": \"scstudio-project-json\"}\nThis is a JSON export renamed by hand.\n");
    expectRefused(path, {"not a studio project", "not an SQLite database"});
}

TEST(ProjectRobustness, SqliteFileOfAnotherProgram) {
    TempDir dir;
    const std::string path = (dir.path() / "other.scstudio").string();
    {
        sql::Database db(path, sql::Database::Mode::Create);
        // The same table names as a project: only the application id tells them apart.
        db.exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES('a', 'b');");
    }
    expectRefused(path, {"not a studio project", "another program"});
}

TEST(ProjectRobustness, StudioFileWithAMissingTable) {
    TempDir dir;
    const std::string path = savedProject(dir);
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("DROP TABLE runs;");
    }
    expectRefused(path, {"damaged", "table 'runs' is missing"});
}

TEST(ProjectRobustness, FileOfANewerStudio) {
    TempDir dir;
    const std::string path = savedProject(dir);
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 99;");
    }
    expectRefused(path, {"newer studio", "version 99", "up to " + std::to_string(schema::current), "not changed"});
}

TEST(ProjectRobustness, FolderAndMissingFile) {
    TempDir dir;
    fs::create_directory(dir.path() / "folder.scstudio");
    expectRefused((dir.path() / "folder.scstudio").string(), {"is a folder"});
    expectRefused((dir.path() / "missing.scstudio").string(), {"cannot be opened", "No such file"});
}

TEST(ProjectRobustness, TextsThatAreNotUtf8OpenSaveAndRefuseOnlyJsonExport) {
    // Damage can leave bytes that are not UTF-8 in a title or a view-state key: the project must
    // still open and save; only JSON, which cannot hold such text, is refused with a ProjectError.
    TempDir dir;
    const std::string path = savedProject(dir);
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("UPDATE documents SET title = CAST(X'4C4946C3' AS TEXT) WHERE id = (SELECT min(id) FROM documents);"
                "INSERT INTO view_state(key, value) VALUES(CAST(X'73706CFF' AS TEXT), '[1, 2]');");
    }
    Project p = ProjectStore::open(path);
    const bool warned = std::any_of(p.warnings.begin(), p.warnings.end(),
                                    [](const std::string& w) { return contains(w, "view state"); });
    EXPECT_TRUE(warned) << describe(p.warnings);
    EXPECT_EQ(p.documents.front().title(), std::string("LIF\xC3"));
    try {
        (void)exportJson(p);
        ADD_FAILURE() << "exported text that is not UTF-8";
    } catch (const ProjectError& e) {
        EXPECT_TRUE(contains(e.what(), path + ": cannot be exported as JSON")) << e.what();
    }
    const std::string copy = (dir.path() / "copy.scstudio").string();
    EXPECT_NO_THROW(ProjectStore::save(p, copy));
    EXPECT_EQ(ProjectStore::open(copy).documents.front().title(), std::string("LIF\xC3"));
}

TEST(ProjectRobustness, SaveIntoReadOnlyFolderLeavesTheFileAsItWas) {
    TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    const fs::path folder = dir.path() / "read-only";
    fs::create_directory(folder);
    const std::string path = savedProject(dir, "read-only/project.scstudio");
    const std::string before = readFile(path);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // Root may write anywhere: the child saves as nobody, for whom the folder is read-only.
    const std::string message = inChildProcess(
        [&] {
            Project p = ProjectStore::open(path);
            p.documents.front().playground.title = "edited";
            try {
                ProjectStore::save(p, path);
                return std::string("saved");
            } catch (const ProjectError& e) {
                return std::string(e.what());
            }
        },
        true);
    EXPECT_TRUE(contains(message, "not saved")) << message;
    EXPECT_TRUE(contains(message, "cannot create a file in " + folder.string())) << message;
    EXPECT_TRUE(contains(message, "Permission denied")) << message;
    EXPECT_TRUE(contains(message, "the file on disk is unchanged")) << message;
    EXPECT_TRUE(readFile(path) == before);
    EXPECT_TRUE(filesStartingWith(folder, ".project.scstudio.saving-").empty());
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::add); // so TempDir can remove it
}

TEST(ProjectRobustness, SaveOnAFullDiskLeavesTheFileAsItWas) {
    TempDir dir;
    const std::string path = savedProject(dir);
    const std::string before = readFile(path);
    // The new project is far bigger than the old file; the child may write only a little more.
    Rng rng(3);
    Project bigger = randomProject(rng);
    project::Run run = randomRun(rng, bigger.documents.front().id);
    RunData data;
    data.traces.push_back(Trace{"v", "volt", std::vector<double>(200000, -0.065)});
    run.data = std::make_shared<const RunData>(data);
    bigger.addRun(run);
    const auto limit = static_cast<rlim_t>(before.size() + 16384);
    const std::string message = inChildProcess(
        [&] {
            std::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG
            const rlimit r{limit, limit};
            if (::setrlimit(RLIMIT_FSIZE, &r) != 0) return std::string("child: setrlimit failed");
            try {
                ProjectStore::save(bigger, path);
                return std::string("saved");
            } catch (const ProjectError& e) {
                return std::string(e.what());
            }
        },
        false);
    EXPECT_TRUE(contains(message, "not saved")) << message;
    // EFBIG comes back from SQLite as a failed write; ENOSPC as a full disk.
    EXPECT_TRUE(contains(message, "a write or read failed") || contains(message, "the disk is full")) << message;
    EXPECT_TRUE(contains(message, "the file on disk is unchanged")) << message;
    EXPECT_TRUE(readFile(path) == before);
    EXPECT_TRUE(filesStartingWith(dir.path(), ".project.scstudio.saving-").empty());
    EXPECT_EQ(ProjectStore::validate(path), ProjectStore::open(path).warnings) << "the old project is whole";
}

TEST(ProjectRobustness, SaveOfARunWithoutDataFailsCleanly) {
    TempDir dir;
    const std::string path = savedProject(dir);
    const std::string before = readFile(path);
    Project p = ProjectStore::open(path);
    project::Run empty;
    empty.documentId = p.documents.front().id;
    p.addRun(empty);
    try {
        ProjectStore::save(p, path);
        ADD_FAILURE() << "saved a run without data";
    } catch (const ProjectError& e) {
        EXPECT_TRUE(contains(e.what(), "has no data to save")) << e.what();
        EXPECT_TRUE(contains(e.what(), "the file on disk is unchanged")) << e.what();
    }
    EXPECT_TRUE(readFile(path) == before);
    EXPECT_TRUE(filesStartingWith(dir.path(), ".project.scstudio.saving-").empty());
}

TEST(ProjectRobustness, DamagedRunBlobIsReportedWhenRead) {
    TempDir dir;
    Rng rng(8);
    Project p = randomProject(rng);
    p.runs.clear();
    RunData good, damaged;
    good.traces.push_back(Trace{"v", "volt", {1.0, 2.0}});
    damaged.traces.push_back(Trace{"v", "volt", std::vector<double>(10, 0.5)});
    damaged.spikeIndex = {1, 2};
    damaged.spikeTimes = {0.1, 0.2};
    project::Run a = randomRun(rng, p.documents.front().id), b = a;
    a.data = std::make_shared<const RunData>(good);
    b.data = std::make_shared<const RunData>(damaged);
    const std::int64_t goodId = p.addRun(a).id;
    const std::int64_t badId = p.addRun(b).id;
    const std::string path = (dir.path() / "p.scstudio").string();
    ProjectStore::save(p, path);

    // Each damage in turn: a trace short of its count, then counts so large that count × size
    // wraps around to the (empty) blob's size.
    const std::vector<std::pair<std::string, std::string>> damages{
        {"UPDATE run_blobs SET data = substr(data, 1, 40) WHERE name = 'v' AND run_id = ?", "40 bytes for 10 values"},
        {"UPDATE run_blobs SET count = 2305843009213693952, data = X'' WHERE name = 'v' AND run_id = ?", "damaged"},
        {"UPDATE run_blobs SET count = 4611686018427387904, data = X'' WHERE name = 'spikes' AND run_id = ?",
         "damaged"}};
    for (const auto& [statement, phrase] : damages) {
        SCOPED_TRACE(statement);
        const std::string copy = (dir.path() / "damaged.scstudio").string();
        fs::copy_file(path, copy, fs::copy_options::overwrite_existing);
        {
            sql::Database db(copy, sql::Database::Mode::ReadWrite);
            db.prepare(statement).bind(1, badId).run();
        }
        const std::string before = readFile(copy);
        Project opened = ProjectStore::open(copy); // manifests are fine; the blob is read later
        EXPECT_TRUE(sameBits(opened.runData(goodId)->traces[0].values, {1.0, 2.0})) << "other runs still load";
        try {
            opened.runData(badId);
            ADD_FAILURE() << "damaged run data was read";
        } catch (const ProjectError& e) {
            EXPECT_TRUE(contains(e.what(), copy + ": run " + std::to_string(badId))) << e.what();
            EXPECT_TRUE(contains(e.what(), phrase)) << e.what();
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not a ProjectError: " << e.what();
        }
        EXPECT_THROW(exportJson(opened), ProjectError);
        const auto problems = ProjectStore::validate(copy);
        const std::string expected = phrase; // a copy: lambdas cannot capture structured bindings in every compiler
        const bool reported = std::any_of(problems.begin(), problems.end(), [&](const std::string& s) {
            return contains(s, "run " + std::to_string(badId)) && contains(s, expected);
        });
        EXPECT_TRUE(reported) << describe(problems);
        EXPECT_TRUE(readFile(copy) == before);
    }
}

} // namespace
} // namespace scs::project
