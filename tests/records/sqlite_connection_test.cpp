// Tests src/records/sqlite_connection.h: the file is private, in WAL with the promised settings;
// a corrupt or foreign file is reported and never written; a writer killed at random moments
// loses nothing it reported saved.
#include <doctest/doctest.h>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "records/location.h"
#include "records/schema.h"
#include "records/sqlite_connection.h"
#include "test_support.h"

namespace hiplab {

namespace {

namespace fs = std::filesystem;
using test::read_all;
using namespace records;

std::unique_ptr<Store> open_at(const fs::path& path) {
  auto s = open_store(RecordsLocation{RecordsLocation::Kind::kSqlite, path.string()}, "");
  if (!s) {
    FAIL(s.error().message);
    return nullptr;
  }
  return std::move(s.value());
}

std::string pragma(Store& s, const std::string& name) {
  auto r = s.connection().query("PRAGMA " + name);
  REQUIRE(r.ok());
  REQUIRE_FALSE(r->empty());
  return r->front().text(0);
}

TEST_CASE("records on SQLite: a new database is owner-only, in WAL, with foreign keys, secure delete and full sync") {
  const fs::path dir = test::scratch_dir("sqlite_new") / "deeper" / "hiplab";
  const fs::path path = dir / "records.sqlite";
  auto store = open_at(path);
  REQUIRE(store);
  CHECK((fs::status(path).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(dir).permissions() & fs::perms::all) == fs::perms::owner_all);
  Patient p;
  p.name = "x";
  REQUIRE(store->add_patient(p).ok());
  CHECK((fs::status(path.string() + "-wal").permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(pragma(*store, "journal_mode") == "wal");
  CHECK(pragma(*store, "foreign_keys") == "1");
  CHECK(pragma(*store, "secure_delete") == "1");
  CHECK(pragma(*store, "synchronous") == "2");  // FULL
  CHECK(pragma(*store, "application_id") == std::to_string(kSqliteApplicationId));
  CHECK(pragma(*store, "user_version") == std::to_string(kSchemaVersion));
}

// Each kind of file that is not a whole HipLab database: reported with the path, never written.
void refused_untouched(const fs::path& path, const std::string& expected) {
  const std::string before = read_all(path);
  const auto mtime = fs::last_write_time(path);
  auto s = open_store(RecordsLocation{RecordsLocation::Kind::kSqlite, path.string()}, "");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find(path.string()) == 0);
  CHECK_MESSAGE(s.error().message.find(expected) != std::string::npos, s.error().message);
  CHECK(s.error().message.find("left untouched") != std::string::npos);
  CHECK(read_all(path) == before);
  CHECK(fs::last_write_time(path) == mtime);
  CHECK_FALSE(fs::exists(path.string() + "-journal"));
}

TEST_CASE("records on SQLite: a corrupt or foreign file at the database path is detected, reported and left untouched") {
  const fs::path dir = test::scratch_dir("sqlite_corrupt");
  SUBCASE("random bytes") {
    std::mt19937 rng(7);
    std::string junk(8192, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    std::ofstream(dir / "junk.sqlite", std::ios::binary) << junk;
    refused_untouched(dir / "junk.sqlite", "not an SQLite file");
  }
  SUBCASE("a text file") {
    std::ofstream(dir / "notes.sqlite") << "patient notes I typed myself\n";
    refused_untouched(dir / "notes.sqlite", "not an SQLite file");
  }
  SUBCASE("another application's SQLite database") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "other.sqlite").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE stock(item TEXT); INSERT INTO stock VALUES ('bandage')", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    refused_untouched(dir / "other.sqlite", "another application");
  }
  SUBCASE("a HipLab database with damaged pages") {
    const fs::path path = dir / "damaged.sqlite";
    {
      auto store = open_at(path);
      REQUIRE(store);
      for (int i = 0; i < 400; ++i) {
        Patient p;
        p.name = "patient " + std::to_string(i);
        p.notes = std::string(300, 'x');
        REQUIRE(store->add_patient(p).ok());
      }
    }  // closed: the log is checkpointed into the file
    std::string bytes = read_all(path);
    REQUIRE(bytes.size() > 16384);
    for (std::size_t i = 2 * 4096; i < 4 * 4096; ++i) bytes[i] = static_cast<char>(0xA5);  // pages 3 and 4, headers and all
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
    refused_untouched(path, "damaged");
  }
}

TEST_CASE("records on SQLite: a writer killed at random moments 200 times loses nothing it reported saved") {
  const fs::path dir = test::scratch_dir("sqlite_kill");
  const fs::path path = dir / "records.sqlite";
  std::int64_t patient = 0;
  {
    auto store = open_at(path);
    REQUIRE(store);
    Patient p;
    p.name = "kill test";
    patient = store->add_patient(p)->id;
  }
  std::mt19937 rng(20261204);
  std::set<std::int64_t> reported;
  int kills_mid_run = 0;
  std::size_t waited_for = 0;  // commits the parent saw reported before it killed
  for (int round = 0; round < 200; ++round) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The writer: opens the database, adds visits as fast as it can and reports each one's id
      // after its commit returned.
      ::close(fds[0]);
      auto s = open_store(RecordsLocation{RecordsLocation::Kind::kSqlite, path.string()}, "");
      if (!s) ::_exit(3);
      if (::write(fds[1], "open\n", 5) != 5) ::_exit(5);
      for (int i = 0;; ++i) {
        Visit v;
        v.patient_id = patient;
        v.date = "2025-01-01";
        v.note = "round " + std::to_string(round);
        Measurement m;
        m.degrees = i % 90;
        v.measurements.assign(3, m);
        auto saved = (*s)->add_visit(v);
        if (!saved) ::_exit(4);
        const std::string line = std::to_string(saved->id) + "\n";
        if (::write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(5);
      }
    }
    ::close(fds[1]);
    // Killed at a random moment: one round in four at any time in its first 3 ms (while opening);
    // the others after the writer reported 0-3 commits, then at any time in the next 5 ms (mid-
    // transaction, mid-commit). Counting commits rather than waiting fixed times keeps the test
    // meaningful however slow the machine (a sanitizer build, a loaded disk).
    std::string got;
    char buf[4096];
    const int wait_commits = round % 4 == 0 ? -1 : std::uniform_int_distribution<int>(0, 3)(rng);
    waited_for += std::max(0, wait_commits);
    auto lines_in = [&got] { return static_cast<int>(std::count(got.begin(), got.end(), '\n')); };
    while (wait_commits >= 0 && lines_in() < 1 + wait_commits) {  // "open" and then the commits
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      got.append(buf, static_cast<std::size_t>(n));
    }
    ::usleep(static_cast<useconds_t>(std::uniform_int_distribution<int>(0, wait_commits < 0 ? 3000 : 5000)(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills_mid_run;
    else FAIL_CHECK("the writer ended by itself (status " << status << ")");
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    std::istringstream lines(got);
    for (std::string l; std::getline(lines, l);)
      if (!l.empty() && l != "open") reported.insert(std::stoll(l));
  }
  CHECK(kills_mid_run == 200);
  MESSAGE("visits reported saved before the kills: " << reported.size());
  CHECK(waited_for >= 150);  // the writer did get work done between kills
  CHECK(reported.size() >= waited_for);
  auto store = open_at(path);
  REQUIRE(store);
  auto ic = sqlite_integrity_check(store->connection());
  REQUIRE(ic.ok());
  CHECK(*ic == "ok");
  auto rec = store->load(patient);
  REQUIRE(rec.ok());
  std::set<std::int64_t> present;
  for (const Visit& v : rec->visits) {
    present.insert(v.id);
    CHECK(v.measurements.size() == 3);  // a visit is there whole or not at all
  }
  std::size_t missing = 0;
  for (std::int64_t id : reported) missing += present.count(id) ? 0 : 1;
  CHECK(missing == 0);
}

}  // namespace

}  // namespace hiplab
