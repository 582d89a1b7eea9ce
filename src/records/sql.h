// sql.h — the little the records store needs from a SQL database, so that one store
// (records/sql_store.cpp) and one schema (records/schema.h) serve SQLite and PostgreSQL alike.
// Statements use PostgreSQL's numbered parameters ($1, $2, ...); the SQLite connection reads them as
// its own ?1, ?2. Values travel typed (integers, doubles, text, NULL): a double is bound as a double
// in SQLite and as its shortest exact decimal in PostgreSQL, so it comes back bit for bit.
// A connection is used by one thread at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"

namespace hiplab::records {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// One result row: each column as text (NULL: nullopt), as both databases give it.
struct SqlRow {
  std::vector<std::optional<std::string>> cols;
  bool is_null(std::size_t i) const { return !cols.at(i).has_value(); }
  const std::string& text(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
};

enum class Dialect { kSqlite, kPostgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement and returns its rows. Errors carry the database's message.
  virtual Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params = {}) = 0;
  // Several statements without parameters (schema scripts).
  virtual Status exec_script(const std::string& sql) = 0;
  // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE, so two writers never
  // deadlock on an upgrade); PostgreSQL begins a read-committed transaction.
  virtual Status begin_write() = 0;
  // A consistent view for several reads (SQLite: a deferred transaction; PostgreSQL: repeatable
  // read, read only), ended with commit().
  virtual Status begin_read() = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;  // never fails visibly: a failed transaction is rolled back or gone
  // After a delete, what the back end does so the deleted rows leave its files: SQLite checkpoints
  // and truncates its write-ahead log (with secure_delete on, the freed pages are already zeroed).
  // Returns a notice when that could not be done now (another reader holds the log), else "".
  virtual std::string after_delete() { return {}; }
  // "SQLite /path/records.sqlite" or "PostgreSQL dbname=... host=..." (never a password).
  virtual std::string describe() const = 0;
};

// A write transaction that rolls back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(SqlConnection& c) : c_(c) {}
  ~WriteTransaction() {
    if (open_) c_.rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  Status begin() {
    auto s = c_.begin_write();
    open_ = s.ok();
    return s;
  }
  // A commit that fails (a full disk, a lost server) is rolled back: nothing half-done stays open.
  Status commit() {
    open_ = false;
    auto s = c_.commit();
    if (!s) c_.rollback();
    return s;
  }

 private:
  SqlConnection& c_;
  bool open_ = false;
};

}  // namespace hiplab::records
