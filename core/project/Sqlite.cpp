// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — SQLite RAII layer.
#include "Sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace scs::sql {

namespace {

std::string describe(sqlite3* db, int code) {
    // The connection's message is more precise ("no such table: runs") when it belongs to `code`.
    if (db && sqlite3_extended_errcode(db) == code) return sqlite3_errmsg(db);
    return sqlite3_errstr(code);
}

} // namespace

Database::Database(const std::string& path, Mode mode) : path_(path) {
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = describe(db_, rc);
        const int systemErrno = db_ ? sqlite3_system_errno(db_) : 0;
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(rc, message, systemErrno);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process's open transaction (a studio of an older build, the sqlite3 shell) is waited
    // for briefly instead of failing at once.
    sqlite3_busy_timeout(db_, 2000);
}

Database::~Database() { close(); }

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

void Database::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

void Database::fail(int code, const std::string& what) const {
    throw Error(code, what + ": " + describe(db_, code), sqlite3_system_errno(db_));
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Error(sqlite3_extended_errcode(db_), text, sqlite3_system_errno(db_));
    }
}

Statement Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
    return Statement(db_, stmt);
}

std::int64_t Database::scalarInt(const std::string& sql) {
    Statement s = prepare(sql);
    return s.step() ? s.integer(0) : 0;
}

bool Database::hasTable(const std::string& name) {
    Statement s = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, name);
    return s.step();
}

std::vector<std::string> Database::tableNames() {
    std::vector<std::string> names;
    Statement s =
        prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (s.step()) names.push_back(s.text(0));
    return names;
}

std::vector<std::string> Database::columnNames(const std::string& table) {
    std::vector<std::string> names;
    Statement s = prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    s.bind(1, table);
    while (s.step()) names.push_back(s.text(0));
    return names;
}

void Database::backupTo(Database& target) {
    sqlite3_backup* backup = sqlite3_backup_init(target.db_, "main", db_, "main");
    if (!backup) target.fail(sqlite3_extended_errcode(target.db_), "cannot start copying the project");
    const int step = sqlite3_backup_step(backup, -1);
    const int finish = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE)
        throw Error(step, std::string("copying the project failed: ") + sqlite3_errstr(step),
                    sqlite3_system_errno(target.db_));
    if (finish != SQLITE_OK) target.fail(finish, "copying the project failed");
}

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t bytes) {
    // SQLITE_STATIC: callers keep the bytes alive until the statement has run.
    if (bytes == 0)
        sqlite3_bind_zeroblob(stmt_, index, 0);
    else
        sqlite3_bind_blob64(stmt_, index, data, bytes, SQLITE_STATIC);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(sqlite3_extended_errcode(db_), describe(db_, rc), sqlite3_system_errno(db_));
}

void Statement::run() {
    while (step()) {}
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>();
}

std::size_t Statement::bytes(int column) const { return static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)); }

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

} // namespace scs::sql
