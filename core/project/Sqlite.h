// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a thin RAII layer over the SQLite C API for the project store.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace scs::sql {

/// An SQLite call failed. `code` is SQLite's extended result code (SQLITE_CORRUPT, SQLITE_FULL...).
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& message, int systemErrno = 0)
        : std::runtime_error(message), code_(code), systemErrno_(systemErrno) {}
    int code() const { return code_; }
    /// The operating system's errno behind an I/O failure (ENOSPC, EFBIG, EACCES), else 0.
    int systemErrno() const { return systemErrno_; }
    /// The primary result code (code & 0xff).
    int primary() const { return code_ & 0xff; }

private:
    int code_;
    int systemErrno_;
};

class Statement;

/// One connection. Move-only; closes on destruction.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database() = default;
    /// Opens `path` (or ":memory:"). Throws Error.
    Database(const std::string& path, Mode mode);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool isOpen() const { return db_ != nullptr; }
    sqlite3* handle() const { return db_; }
    /// Runs one or more statements without results. Throws Error.
    void exec(const std::string& sql);
    Statement prepare(std::string_view sql);
    /// The first column of the first row of `sql` as an integer (PRAGMA user_version...).
    std::int64_t scalarInt(const std::string& sql);
    bool hasTable(const std::string& name);
    std::vector<std::string> tableNames();
    std::vector<std::string> columnNames(const std::string& table);
    /// Copies this whole database into `target` (the SQLite backup API).
    void backupTo(Database& target);
    void close();

private:
    [[noreturn]] void fail(int code, const std::string& what) const;
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// A prepared statement. Bind indexes start at 1; column indexes at 0.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, const std::string& value);
    Statement& bindBlob(int index, const void* data, std::size_t bytes);
    /// True while there is a row to read; false when done. Throws Error.
    bool step();
    /// Runs a statement that returns no rows, then resets it for the next bindings.
    void run();
    void reset();

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    /// Bytes of a blob column; empty for NULL.
    std::vector<unsigned char> blob(int column) const;
    std::size_t bytes(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

} // namespace scs::sql
