#include "records/pg_connection.h"

#include <cstring>

#include <libpq-fe.h>

#include "records/records.h"
#include "records/schema.h"

namespace hiplab::records {

namespace {

// libpq's messages span lines ("...failed: ...\n\tIs the server running...?"); errors here are one line.
std::string one_line(std::string m) {
  std::string out;
  for (char c : m) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Where the connection goes, for messages: the words libpq reads, without any password.
std::string safe_description(PGconn* conn) {
  std::string out;
  auto add = [&](const char* key, const char* v) {
    if (!v || !*v) return;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on chained + of short strings.
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += v;
  };
  add("dbname", PQdb(conn));
  add("user", PQuser(conn));
  add("host", PQhost(conn));
  add("port", PQport(conn));
  return out;
}

class PgConnection final : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn), label_("PostgreSQL (" + safe_description(conn) + ")") {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string describe() const override { return label_; }

  Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v)) text[i] = std::to_string(*n);
      else if (const auto* d = std::get_if<double>(&v)) text[i] = exact_decimal(*d);
      else text[i] = std::get<std::string>(v);
      values[i] = text[i].c_str();
    }
    PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      Error e = error(res);
      PQclear(res);
      return e;
    }
    std::vector<SqlRow> rows(static_cast<std::size_t>(PQntuples(res)));
    const int cols = PQnfields(res);
    for (int r = 0; r < PQntuples(res); ++r) {
      SqlRow& row = rows[static_cast<std::size_t>(r)];
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) row.cols.emplace_back(std::nullopt);
        else row.cols.emplace_back(std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c))));
      }
    }
    PQclear(res);
    return rows;
  }

  Status exec_script(const std::string& sql) override {
    PGresult* res = PQexec(conn_, sql.c_str());
    const ExecStatusType st = PQresultStatus(res);
    Status out = Ok{};
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) out = error(res);
    PQclear(res);
    return out;
  }

  Status begin_write() override { return exec_script("BEGIN"); }
  Status begin_read() override { return exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  Status commit() override {
    // COMMIT of a transaction that failed earlier answers "ROLLBACK" without an error.
    PGresult* res = PQexec(conn_, "COMMIT");
    Status out = Ok{};
    if (PQresultStatus(res) != PGRES_COMMAND_OK) out = error(res);
    else if (std::strcmp(PQcmdStatus(res), "COMMIT") != 0) out = make_error(label_ + ": the transaction was rolled back, nothing was saved");
    PQclear(res);
    return out;
  }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  Error error(const PGresult* res) const {
    std::string m = res ? PQresultErrorMessage(res) : "";
    if (m.empty()) m = PQerrorMessage(conn_);
    return make_error(label_ + ": " + one_line(m));
  }

  PGconn* conn_;
  std::string label_;
};

void quiet_notices(void*, const char*) {}  // "schema already exists, skipping" is not news

Result<std::unique_ptr<PgConnection>> connect(const std::string& conninfo) {
  if (auto s = check_conninfo(conninfo, "the connection string"); !s) return s.error();
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (!conn) return make_error("PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string m = one_line(PQerrorMessage(conn));
    const std::string where = safe_description(conn);
    PQfinish(conn);
    return make_error("PostgreSQL (" + where + "): cannot connect: " + m);
  }
  PQsetNoticeProcessor(conn, quiet_notices, nullptr);
  auto c = std::make_unique<PgConnection>(conn);
  // Our tables in our own schema; text in UTF-8 whatever the client's locale.
  if (auto s = c->exec_script("SET search_path TO hiplab; SET client_encoding TO 'UTF8'"); !s) return s.error();
  return c;
}

}  // namespace

bool looks_like_postgres(const std::string& spec) {
  if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0) return true;
  // "service=clinic", "host=/run/postgresql dbname=x": words, never a path that starts like one.
  return spec.find('=') != std::string::npos && spec[0] != '/' && spec[0] != '.' && spec[0] != '~';
}

Status check_conninfo(const std::string& conninfo, const std::string& field) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (!opts) {
    const std::string m = one_line(err ? err : "cannot be read");
    PQfreemem(err);
    return make_error(field + ": not a PostgreSQL connection string (" + m + ")");
  }
  bool password = false;
  for (PQconninfoOption* o = opts; o->keyword; ++o)
    if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) password = true;
  PQconninfoFree(opts);
  if (password)
    return make_error(field + ": a password in the connection string is refused (it would be kept in settings or shown to other users); "
                      "put it in ~/.pgpass or a service file (~/.pg_service.conf) instead");
  return Ok{};
}

Result<std::unique_ptr<SqlConnection>> open_postgres_unmigrated(const std::string& conninfo) {
  auto c = connect(conninfo);
  if (!c) return c.error();
  return std::unique_ptr<SqlConnection>(std::move(c.value()));
}

Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& conninfo) {
  auto c = connect(conninfo);
  if (!c) return c.error();
  if (auto s = migrate(**c); !s) {
    const std::string& m = s.error().message;
    return m.rfind((*c)->describe(), 0) == 0 ? s.error() : make_error((*c)->describe() + ": " + m);
  }
  return std::unique_ptr<SqlConnection>(std::move(c.value()));
}

}  // namespace hiplab::records
