// pg_cluster.h — a throwaway PostgreSQL cluster for the records tests: Debian's initdb and pg_ctl,
// listening only on a Unix socket in a temporary folder, trust authentication, fsync off (a test
// cluster; what PostgreSQL promises on power loss is not what these tests check).
//
// initdb refuses to run as root, so when the tests run as root the cluster belongs to "nobody"
// (runuser), in a folder owned by that user. A watchdog process waits on a pipe from the test
// process and stops the cluster and removes its folder when the pipe closes — however the test
// process ends, a crash included — so no server is ever left behind. initdb runs once per build
// folder (<build>/pg_template, made under a lock); each cluster starts from a copy of it.
#pragma once
#include <string>

namespace hiplab::test {

class PgCluster {
 public:
  // The cluster of this process, started at the first call; null when it cannot be (`why` says why:
  // PostgreSQL's binaries are absent — the caller skips — or they failed, which the caller reports).
  static PgCluster* shared(std::string* why, bool* binaries_absent);

  // A connection string to a new, empty database of this cluster.
  std::string new_database();

  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

 private:
  PgCluster() = default;
  std::string dir_;
  int watchdog_pipe_ = -1, watchdog_pid_ = -1, databases_ = 0;
};

}  // namespace hiplab::test
