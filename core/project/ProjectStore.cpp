// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — the .scstudio store. Reading never writes to the file; saving builds a
// complete new file beside the old one and renames it over, so the old file is intact until the
// new one is whole and on disk.
#include "ProjectStore.h"

#include "DocumentCodec.h"
#include "NetworkRunStore.h"
#include "ProjectSchema.h"
#include "RunCodec.h"

#include "util/AtomicFile.h"
#include "util/BuildInfo.h"
#include "util/Sha256.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace scs::project {

namespace fs = std::filesystem;

namespace {

/// Checks what can be told from the file's first 100 bytes before SQLite sees it, so the user
/// gets "truncated" or "not a studio project" rather than SQLite's generic messages.
void checkHeader(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw ProjectError(path + ": cannot be opened (" + std::strerror(errno) + ")");
    if (S_ISDIR(st.st_mode)) throw ProjectError(path + ": is a folder, not a project file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ProjectError(path + ": cannot be read (" + std::strerror(errno) + ")");
    if (st.st_size == 0) throw ProjectError(path + ": the file is empty (not a studio project)");
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    static constexpr char magic[] = "SQLite format 3";
    if (in.gcount() < 16 || std::memcmp(h.data(), magic, sizeof magic) != 0)
        throw ProjectError(path + ": not a studio project (not an SQLite database)");
    if (in.gcount() < 100)
        throw ProjectError(path + ": the file is truncated (" + std::to_string(st.st_size) + " bytes)");
    auto be32 = [&](int at) {
        return (std::uint32_t(h[at]) << 24) | (std::uint32_t(h[at + 1]) << 16) | (std::uint32_t(h[at + 2]) << 8) |
               h[at + 3];
    };
    const std::uint32_t pageSize = h[16] * 256u + h[17] == 1 ? 65536u : h[16] * 256u + h[17];
    // The header's page count is valid when written by SQLite ≥ 3.7.0, which its two change
    // counters confirm; the file must then hold every page.
    if (be32(24) == be32(92)) {
        const auto expected = static_cast<std::uint64_t>(pageSize) * be32(28);
        if (static_cast<std::uint64_t>(st.st_size) < expected)
            throw ProjectError(path + ": the file is truncated (" + std::to_string(st.st_size) + " of " +
                               std::to_string(expected) + " bytes; damaged in copying or by a full disk?)");
    }
}

std::string describeSqlite(const sql::Error& e) {
    const std::string system = e.systemErrno() ? std::string(" (") + std::strerror(e.systemErrno()) + ")" : "";
    switch (e.primary()) {
    case SQLITE_CORRUPT:
        return "the file is damaged (" + std::string(e.what()) + ")";
    case SQLITE_NOTADB:
        return "not a studio project (not an SQLite database)";
    case SQLITE_FULL:
        return "the disk is full" + system;
    case SQLITE_IOERR:
        return "a write or read failed" + system;
    default:
        return e.what() + system;
    }
}

std::vector<RunBlob> readBlobs(sql::Database& db, std::int64_t runId) {
    std::vector<RunBlob> blobs;
    sql::Statement s =
        db.prepare("SELECT name, unit, encoding, count, data FROM run_blobs WHERE run_id = ? ORDER BY position");
    s.bind(1, runId);
    while (s.step()) blobs.push_back(RunBlob{s.text(0), s.text(1), s.text(2), s.integer(3), s.blob(4)});
    return blobs;
}

ojson parseJson(const std::string& text, const std::string& where) {
    try {
        return ojson::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw ProjectError(where + ": not valid JSON");
    }
}

Project readProject(sql::Database& db) {
    Project p;
    {
        sql::Statement s = db.prepare("SELECT key, value FROM meta");
        while (s.step()) p.meta[s.text(0)] = s.text(1);
    }
    {
        sql::Statement s = db.prepare("SELECT id, type, title, body FROM documents ORDER BY position, id");
        while (s.step()) {
            Document d;
            d.id = s.integer(0);
            d.type = s.text(1);
            const std::string title = s.text(2);
            const std::string body = s.text(3);
            const std::string where = "document " + std::to_string(d.id) + " '" + title + "'";
            try {
                readDocumentBody(d, title, parseJson(body, where), where);
            } catch (const ProjectError& e) {
                // Kept byte for byte: a newer studio's document or a damaged one survives a save.
                d.kept = true;
                d.keptTitle = title;
                d.keptBody = body;
                p.warnings.push_back(std::string(e.what()) + "; it is kept unchanged but not shown");
            }
            p.documents.push_back(std::move(d));
        }
    }
    {
        sql::Statement s = db.prepare("SELECT id, document_id, kind, label, created_at, engine_version, inputs_sha256, "
                                      "summary FROM runs ORDER BY id");
        while (s.step()) {
            Run r;
            r.id = s.integer(0);
            r.documentId = s.integer(1);
            r.manifest = RunManifest{s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), nlohmann::json::object()};
            try {
                r.manifest.summary = nlohmann::json::parse(s.text(7));
            } catch (const nlohmann::json::exception&) {
                p.warnings.push_back("run " + std::to_string(r.id) + ": its summary is damaged; it is dropped");
            }
            p.runs.push_back(std::move(r));
        }
    }
    {
        ojson view = ojson::object();
        sql::Statement s = db.prepare("SELECT key, value FROM view_state");
        while (s.step()) {
            try {
                // The key becomes a JSON key, written on every save: it must be UTF-8 (dump checks).
                (void)ojson(s.text(0)).dump();
                view[s.text(0)] = ojson::parse(s.text(1));
            } catch (const nlohmann::json::exception&) {
                p.warnings.push_back("view state '" + s.text(0) + "' is damaged; the default is used");
            }
        }
        p.view = readViewState(view, p.warnings);
    }
    return p;
}

/// Rewrites every table this version owns from `project`; run blobs already in the file (copied
/// from the source) are kept when the run still exists and added for runs made since.
void writeProject(sql::Database& db, const Project& project, const std::map<std::string, std::string>& extraMeta) {
    db.exec("DELETE FROM documents; DELETE FROM view_state; DELETE FROM meta;");
    {
        sql::Statement s = db.prepare("INSERT INTO documents(id, type, title, body, position) VALUES(?, ?, ?, ?, ?)");
        int position = 0;
        for (const Document& d : project.documents) {
            const std::string body = d.kept ? d.keptBody : documentBody(d).dump(1);
            s.bind(1, d.id).bind(2, d.type).bind(3, d.title()).bind(4, body).bind(5, position++);
            s.run();
        }
    }
    // Runs: drop those no longer in the project, keep the source's, write the new ones.
    db.exec("CREATE TEMP TABLE keep_runs(id INTEGER PRIMARY KEY)");
    {
        sql::Statement keep = db.prepare("INSERT INTO keep_runs(id) VALUES(?)");
        for (const Run& r : project.runs)
            if (project.source && project.source->holdsRun(r.id)) keep.bind(1, r.id).run();
    }
    db.exec("DELETE FROM run_blobs WHERE run_id NOT IN (SELECT id FROM keep_runs);"
            "DELETE FROM network_spikes WHERE run_id NOT IN (SELECT id FROM keep_runs);"
            "DELETE FROM runs WHERE id NOT IN (SELECT id FROM keep_runs);"
            "DROP TABLE keep_runs;");
    {
        sql::Statement insertRun =
            db.prepare("INSERT INTO runs(id, document_id, kind, label, created_at, engine_version, "
                       "inputs_sha256, summary) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        sql::Statement insertBlob = db.prepare(
            "INSERT INTO run_blobs(run_id, position, name, unit, encoding, count, data) VALUES(?, ?, ?, ?, ?, ?, ?)");
        sql::Statement updateRun = db.prepare("UPDATE runs SET document_id = ?, label = ?, summary = ? WHERE id = ?");
        for (const Run& r : project.runs) {
            const RunManifest& m = r.manifest;
            if (project.source && project.source->holdsRun(r.id)) {
                updateRun.bind(1, r.documentId).bind(2, m.label).bind(3, m.summary.dump()).bind(4, r.id).run();
                continue;
            }
            if (!r.data) throw ProjectError("run " + std::to_string(r.id) + " has no data to save");
            insertRun.bind(1, r.id).bind(2, r.documentId).bind(3, m.kind).bind(4, m.label).bind(5, m.createdAt);
            insertRun.bind(6, m.engineVersion).bind(7, m.inputsSha256).bind(8, m.summary.dump()).run();
            int position = 0;
            for (const RunBlob& b : encodeRunData(*r.data)) {
                insertBlob.bind(1, r.id).bind(2, position++).bind(3, b.name).bind(4, b.unit).bind(5, b.encoding);
                insertBlob.bind(6, b.count).bindBlob(7, b.bytes.data(), b.bytes.size()).run();
            }
            writeNetworkSpikes(db, r.id, r.data->populationSpikes);
        }
    }
    {
        sql::Statement s = db.prepare("INSERT INTO view_state(key, value) VALUES(?, ?)");
        const ojson view = viewStateJson(project.view);
        for (const auto& [key, value] : view.items()) s.bind(1, key).bind(2, value.dump()).run();
    }
    {
        std::map<std::string, std::string> meta = project.meta;
        meta.try_emplace("created_by", "SC-NeuroCore Studio " + scs::studioVersion());
        meta.try_emplace("created_at", scs::isoTimeUtcNow());
        meta["saved_by"] = "SC-NeuroCore Studio " + scs::studioVersion();
        meta["saved_at"] = scs::isoTimeUtcNow();
        for (const auto& [k, v] : extraMeta) meta[k] = v;
        sql::Statement s = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
        for (const auto& [k, v] : meta) s.bind(1, k).bind(2, v).run();
    }
}

/// Flushes a file or folder to disk; a failure to flush the file fails the save.
void flushToDisk(const std::string& path, bool folder, const std::string& what) {
    const int err = scs::syncToDisk(path, folder);
    if (err != 0 && !folder) throw ProjectError(what + " (" + std::strerror(err) + ")");
}

/// A temporary file that is removed unless released (a failed or interrupted save leaves none).
struct TemporaryFile {
    std::string path;
    bool keep = false;
    ~TemporaryFile() {
        if (!keep) {
            std::error_code ignored;
            fs::remove(path, ignored);
            fs::remove(path + "-journal", ignored);
        }
    }
};

/// `db` as the source of `project`: it holds the data of every run the project lists.
std::shared_ptr<ProjectSource> sourceOf(sql::Database db, const std::string& path, const Project& project) {
    std::set<std::int64_t> ids;
    for (const Run& r : project.runs) ids.insert(r.id);
    return std::make_shared<ProjectSource>(std::move(db), path, std::move(ids));
}

} // namespace

RunData ProjectSource::loadRunData(std::int64_t runId) {
    const std::string where = path_ + ": run " + std::to_string(runId);
    try {
        RunData data = decodeRunData(readBlobs(db_, runId), where);
        data.populationSpikes = readNetworkSpikes(db_, runId, where);
        return data;
    } catch (const sql::Error& e) {
        throw ProjectError(where + ": " + describeSqlite(e));
    }
}

Project ProjectStore::open(const std::string& path) {
    checkHeader(path);
    try {
        sql::Database file(path, sql::Database::Mode::ReadOnly);
        const auto appId = static_cast<std::int32_t>(file.scalarInt("PRAGMA application_id"));
        const int version = static_cast<int>(file.scalarInt("PRAGMA user_version"));
        if (appId != schema::applicationId)
            throw ProjectError(path + ": not a studio project (an SQLite database of another program)");
        if (version > schema::current)
            throw ProjectError(path + ": written by a newer studio (project schema version " + std::to_string(version) +
                               "); this studio reads versions up to " + std::to_string(schema::current) +
                               ". The file was not changed");
        if (version < 1) throw ProjectError(path + ": invalid project schema version " + std::to_string(version));
        sql::Database db;
        if (version < schema::current) {
            db = sql::Database(":memory:", sql::Database::Mode::Create);
            file.backupTo(db);
            try {
                schema::migrate(db, version);
            } catch (const sql::Error& e) {
                throw ProjectError(path + ": cannot be migrated from schema version " + std::to_string(version) + " (" +
                                   e.what() + "). The file was not changed");
            }
            file.close();
        } else {
            db = std::move(file);
        }
        for (const std::string& table : schema::requiredTables())
            if (!db.hasTable(table))
                throw ProjectError(path + ": the project is damaged: table '" + table + "' is missing");
        Project project = readProject(db);
        project.openedSchemaVersion = version;
        project.source = sourceOf(std::move(db), path, project);
        return project;
    } catch (const sql::Error& e) {
        throw ProjectError(path + ": " + describeSqlite(e));
    }
}

void ProjectStore::save(Project& project, const std::string& path, const SaveOptions& options) {
    const fs::path target = fs::absolute(path);
    const std::string failure = path + ": not saved: ";
    const std::string unchanged = "; the file on disk is unchanged";
    TemporaryFile temporary{scs::temporaryPathBeside(target, "saving")};
    try {
        {
            sql::Database out(temporary.path, sql::Database::Mode::Create);
            // The temporary file is thrown away on any failure, so it needs no journal.
            out.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
            if (project.source)
                project.source->database().backupTo(out);
            else
                schema::create(out);
            out.exec("BEGIN");
            writeProject(out, project, options.extraMeta);
            out.exec("PRAGMA user_version = " + std::to_string(schema::current) +
                     "; PRAGMA application_id = " + std::to_string(schema::applicationId) + "; COMMIT;");
            out.close();
        }
        flushToDisk(temporary.path, false, failure + "cannot flush to disk");
        if (std::rename(temporary.path.c_str(), target.c_str()) != 0)
            throw ProjectError(failure + "cannot replace the file (" + std::strerror(errno) + ")" + unchanged);
        temporary.keep = true;
        flushToDisk(target.parent_path().string(), true, failure + "cannot flush the folder");
    } catch (const sql::Error& e) {
        std::string reason = describeSqlite(e);
        if (e.primary() == SQLITE_CANTOPEN) {
            // SQLite retries a failed create as a read-only open, so its errno is that retry's
            // ENOENT; creating the file ourselves gives the real reason (EACCES, EROFS, ENOSPC).
            int systemErrno = e.systemErrno();
            const int probe = ::open(temporary.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (probe < 0)
                systemErrno = errno;
            else
                ::close(probe); // removed with the temporary file
            reason = "cannot create a file in " + target.parent_path().string() +
                     (systemErrno ? std::string(" (") + std::strerror(systemErrno) + ")" : "");
        }
        throw ProjectError(failure + reason + unchanged);
    } catch (const ProjectError& e) {
        const std::string what = e.what();
        throw ProjectError(what.find(unchanged) == std::string::npos ? what + unchanged : what);
    }
    if (options.adoptFile) {
        project.source =
            sourceOf(sql::Database(target.string(), sql::Database::Mode::ReadOnly), target.string(), project);
        project.openedSchemaVersion = schema::current;
    }
}

std::vector<std::string> ProjectStore::validate(const std::string& path) {
    Project project = open(path);
    std::vector<std::string> problems = project.warnings;
    try {
        sql::Statement s = project.source->database().prepare("PRAGMA integrity_check");
        while (s.step())
            if (s.text(0) != "ok") problems.push_back("integrity: " + s.text(0));
    } catch (const sql::Error& e) {
        problems.push_back(describeSqlite(e));
    }
    for (const Run& r : project.runs) {
        if (!project.document(r.documentId))
            problems.push_back("run " + std::to_string(r.id) + " belongs to document " + std::to_string(r.documentId) +
                               ", which the project does not have");
        try {
            project.runData(r.id);
        } catch (const ProjectError& e) {
            problems.emplace_back(e.what());
        }
    }
    return problems;
}

} // namespace scs::project
