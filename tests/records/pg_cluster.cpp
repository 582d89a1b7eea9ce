#include "records/pg_cluster.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hiplab::test {

namespace {

namespace fs = std::filesystem;

// The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl (HIPLAB_PG_BIN overrides).
std::string find_bin() {
  if (const char* e = std::getenv("HIPLAB_PG_BIN"); e && *e) return e;
  std::string best;
  int best_v = -1;
  std::error_code ec;
  for (const auto& d : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = d.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    const int v = std::atoi(d.path().filename().c_str());
    if (v > best_v) {
      best_v = v;
      best = bin.string();
    }
  }
  return best;
}

std::string as_owner_prefix() { return ::geteuid() == 0 ? "runuser -u nobody -- " : ""; }

int run(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

std::string stop_command(const std::string& bin, const std::string& dir) {
  return "cd " + dir + " && " + as_owner_prefix() + bin + "/pg_ctl -D " + dir + "/data -m immediate -s stop >/dev/null 2>&1";
}

// A fresh cluster's data folder in dir/data. initdb is the slow part (a second or more, each test
// process starting its own cluster), so the first process of a build runs it once into
// <build>/pg_template (under a lock) and every cluster after that is a copy of it. Returns why it
// failed, or "".
std::string make_data_dir(const std::string& bin, const std::string& dir) {
  const fs::path tmpl = fs::path(HIPLAB_BINARY_DIR) / "pg_template";
  const std::string owner = as_owner_prefix();
  const int lock = ::open((fs::path(HIPLAB_BINARY_DIR) / "pg_template.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) return "cannot lock the cluster template in " HIPLAB_BINARY_DIR;
  std::string why;
  std::string made_by;
  {
    std::ifstream in(tmpl / "ready");
    std::getline(in, made_by);
  }
  if (made_by != bin) {  // none yet, or made by another PostgreSQL version
    std::error_code ec;
    fs::remove_all(tmpl, ec);
    fs::create_directories(tmpl, ec);
    if (::geteuid() == 0) {
      const passwd* pw = ::getpwnam("nobody");
      if (!pw || ::chown(tmpl.c_str(), pw->pw_uid, pw->pw_gid) != 0) why = "cannot give the cluster template's folder to 'nobody'";
    }
    if (why.empty() && run("cd " + tmpl.string() + " && " + owner + bin + "/initdb -D " + tmpl.string() +
                           "/data -U hiplab --auth=trust -N -E UTF8 --locale=C >" + dir + "/initdb.log 2>&1") != 0)
      why = "initdb failed (see " + dir + "/initdb.log)";
    if (why.empty()) std::ofstream(tmpl / "ready") << bin << "\n";
  }
  // cp -a keeps the owner (nobody, when root copies) and the 0700 PostgreSQL insists on.
  if (why.empty() && run("cp -a " + tmpl.string() + "/data " + dir + "/data") != 0) why = "cannot copy the cluster template";
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return why;
}

std::unique_ptr<PgCluster> g_cluster;
std::string g_why;
bool g_absent = false, g_tried = false;

}  // namespace

PgCluster* PgCluster::shared(std::string* why, bool* binaries_absent) {
  if (!g_tried) {
    g_tried = true;
    const std::string bin = find_bin();
    if (bin.empty()) {
      g_absent = true;
      g_why = "PostgreSQL's initdb and pg_ctl are not installed (Debian: postgresql); the PostgreSQL back end is not tested here";
    } else {
      char tmpl[] = "/tmp/hiplab-pg-XXXXXX";
      if (!::mkdtemp(tmpl)) {
        g_why = "cannot make a temporary folder for the cluster";
      } else {
        const std::string dir = tmpl;
        if (::geteuid() == 0) {
          const passwd* pw = ::getpwnam("nobody");
          if (!pw || ::chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) g_why = "running as root, and the folder cannot be given to 'nobody'";
        }
        std::unique_ptr<PgCluster> c(new PgCluster());
        c->dir_ = dir;
        // The watchdog: started before the server so that nothing can start one it would not stop.
        int fds[2];
        if (g_why.empty() && ::pipe2(fds, O_CLOEXEC) == 0) {
          const pid_t pid = ::fork();
          if (pid == 0) {
            ::close(fds[1]);
            char b;
            while (::read(fds[0], &b, 1) > 0) {
            }
            const int ignored = run(stop_command(bin, dir) + "; rm -rf " + dir);
            (void)ignored;
            ::_exit(0);
          }
          ::close(fds[0]);
          c->watchdog_pipe_ = fds[1];
          c->watchdog_pid_ = pid;
        }
        const std::string pre = "cd " + dir + " && " + as_owner_prefix();
        if (g_why.empty()) g_why = make_data_dir(bin, dir);
        if (g_why.empty() && run(pre + bin + "/pg_ctl -D " + dir + "/data -w -s -l " + dir + "/server.log -o \"-k " + dir +
                                 " -c listen_addresses= -F\" start >/dev/null 2>&1") != 0)
          g_why = "pg_ctl start failed (see " + dir + "/server.log)";
        if (g_why.empty()) g_cluster = std::move(c);
      }
    }
  }
  if (why) *why = g_why;
  if (binaries_absent) *binaries_absent = g_absent;
  return g_cluster.get();
}

std::string PgCluster::new_database() {
  std::string name = "t";  // appended, not "t" + ...: GCC 12 warns falsely (-Wrestrict) on that
  name += std::to_string(++databases_);
  PGconn* conn = PQconnectdb(("host=" + dir_ + " user=hiplab dbname=postgres").c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string m = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("test cluster: " + m);
  }
  PGresult* r = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string m = PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("test cluster: CREATE DATABASE: " + m);
  return "host=" + dir_ + " user=hiplab dbname=" + name;
}

PgCluster::~PgCluster() {
  // Closing the pipe tells the watchdog to stop the server and remove the folder; wait for it.
  if (watchdog_pipe_ >= 0) ::close(watchdog_pipe_);
  if (watchdog_pid_ > 0) ::waitpid(watchdog_pid_, nullptr, 0);
}

}  // namespace hiplab::test
