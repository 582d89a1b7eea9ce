#include "records/sqlite_connection.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "records/records.h"
#include "records/schema.h"

namespace hiplab::records {

namespace {

namespace fs = std::filesystem;

class SqliteConnection final : public SqlConnection {
 public:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string describe() const override { return "SQLite " + path_; }

  Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* stmt = nullptr;
    if (auto it = cache_.find(sql); it != cache_.end()) {
      stmt = it->second;
    } else {
      // $N -> ?N: SQLite numbers "$1" by first appearance, ?N by its number.
      std::string s = sql;
      for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '$' && s[i + 1] >= '0' && s[i + 1] <= '9') s[i] = '?';
      if (sqlite3_prepare_v2(db_, s.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return error("preparing");
      cache_[sql] = stmt;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int k = static_cast<int>(i) + 1;
      const SqlValue& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, k);
      else if (const auto* n = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt, k, *n);
      else if (const auto* d = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, k, *d);
      else {
        const std::string& t = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, k, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return error("binding");
    }
    std::vector<SqlRow> rows;
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        auto e = error("running");
        sqlite3_reset(stmt);
        return e;
      }
      SqlRow row;
      const int n = sqlite3_column_count(stmt);
      row.cols.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL: row.cols.emplace_back(std::nullopt); break;
          // SQLite's own text of a double keeps 15 digits; the exact decimal keeps every bit.
          case SQLITE_FLOAT: row.cols.emplace_back(exact_decimal(sqlite3_column_double(stmt, c))); break;
          default: {
            const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row.cols.emplace_back(std::string(t ? t : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Status exec_script(const std::string& sql) override {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : sqlite3_errmsg(db_);
      sqlite3_free(msg);
      return make_error(path_ + ": " + m);
    }
    return Ok{};
  }

  Status begin_write() override { return exec_script("BEGIN IMMEDIATE"); }
  Status begin_read() override { return exec_script("BEGIN DEFERRED"); }
  Status commit() override { return exec_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  std::string after_delete() override {
    int log = 0, done = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    if (rc == SQLITE_OK) return {};
    return path_ + ": the write-ahead log could not be truncated now (" + sqlite3_errmsg(db_) +
           "); the deleted rows leave it at the next checkpoint, when no other HipLab has the records open";
  }

  sqlite3* db() { return db_; }

 private:
  Error error(const char* what) const { return make_error(path_ + ": " + what + " a statement: " + sqlite3_errmsg(db_)); }

  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*> cache_;
};

// Reads the first 100 bytes (the database header) without opening the file for writing.
// Returns the bytes read (fewer for a short file).
Result<std::string> read_header(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return make_error(path + ": cannot be read (" + std::strerror(errno) + ")");
  std::string h(100, '\0');
  h.resize(std::fread(h.data(), 1, h.size(), f));
  std::fclose(f);
  return h;
}

// Creates the file owner-only (and its folder 0700) so no other user ever sees a health record,
// not even an empty one. O_EXCL: a file that appeared meanwhile is not ours to take.
Status create_private_file(const std::string& path) {
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty() && !fs::exists(dir)) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return make_error(dir.string() + ": cannot create the folder (" + ec.message() + ")");
    ::chmod(dir.c_str(), 0700);
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(path + ": cannot create the records database (" + std::strerror(errno) + ")");
  ::fsync(fd);
  ::close(fd);
  return Ok{};
}

// What the file at `path` is, before SQLite touches it: empty (new), ours, or refused.
Status check_header(const std::string& path) {
  auto h = read_header(path);
  if (!h) return h.error();
  if (h->empty()) return Ok{};  // created and never written (a crash before the first commit)
  static constexpr char kMagic[] = "SQLite format 3";
  if (h->size() < 100 || h->compare(0, sizeof kMagic, std::string(kMagic, sizeof kMagic)) != 0)
    return make_error(path + ": not a HipLab records database (not an SQLite file); it is left untouched — move it away or name another with --records");
  std::int64_t app = 0;
  for (int i = 68; i < 72; ++i) app = (app << 8) | static_cast<unsigned char>((*h)[static_cast<std::size_t>(i)]);
  if (app != kSqliteApplicationId) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%08llx", static_cast<unsigned long long>(app));
    return make_error(path + ": not a HipLab records database (an SQLite database of another application, application_id " + buf +
                      "); it is left untouched — move it away or name another with --records");
  }
  return Ok{};
}

Result<std::unique_ptr<SqliteConnection>> open_raw(const std::string& path, bool create) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (!exists) {
    if (!create) return make_error(path + ": no such records database");
    if (auto s = create_private_file(path); !s) return s.error();
  } else {
    if (!fs::is_regular_file(path, ec)) return make_error(path + ": not a HipLab records database (not a regular file); it is left untouched");
    if (auto s = check_header(path); !s) return s.error();
  }
  sqlite3* db = nullptr;
  // No SQLITE_OPEN_CREATE: the file exists by now, and SQLite must never make one of its own.
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return make_error(path + ": cannot open the records database (" + m + ")");
  }
  auto c = std::make_unique<SqliteConnection>(db, path);
  // Until the file is known to be whole and ours, closing must not write a checkpoint into it.
  sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  auto check = c->query("PRAGMA quick_check", {});
  if (!check || check->empty() || check->front().is_null(0) || check->front().text(0) != "ok") {
    const std::string why = !check ? check.error().message : (check->empty() || check->front().is_null(0)) ? "no answer" : check->front().text(0);
    return make_error(path + ": the records database is damaged (" + why +
                      "); it is left untouched — restore a backup (hiplab patients restore) or move it away");
  }
  if (auto s = c->exec_script("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL;"); !s) return s.error();
  return c;
}

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_sqlite_unmigrated(const std::string& path) {
  auto c = open_raw(path, true);
  if (!c) return c.error();
  return std::unique_ptr<SqlConnection>(std::move(c.value()));
}

Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path, bool create) {
  auto c = open_raw(path, create);
  if (!c) return c.error();
  if (auto v = read_schema_version(**c); !v) return make_error(path + ": " + v.error().message + "; it is left untouched");
  if (auto s = migrate(**c); !s) return s.error();
  auto mode = (*c)->query("PRAGMA journal_mode = WAL", {});
  if (!mode) return mode.error();
  if (mode->empty() || mode->front().text(0) != "wal")
    return make_error(path + ": the records database cannot use a write-ahead log here (journal_mode stays '" +
                      (mode->empty() ? std::string("?") : mode->front().text(0)) + "')");
  sqlite3_db_config((*c)->db(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  return std::unique_ptr<SqlConnection>(std::move(c.value()));
}

Result<std::string> sqlite_integrity_check(SqlConnection& c) {
  auto rows = c.query("PRAGMA integrity_check", {});
  if (!rows) return rows.error();
  if (rows->empty() || rows->front().is_null(0)) return std::string("no answer");
  return rows->front().text(0);
}

}  // namespace hiplab::records
