#include "app/handout_job.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace hiplab::app {

HandoutJob::~HandoutJob() {
  if (pid_ > 0) {
    int st = 0;
    ::waitpid(pid_, &st, 0);
  }
  if (!log_.empty()) ::unlink(log_.c_str());
}

bool HandoutJob::start(const std::vector<std::string>& argv) {
  if (pid_ > 0) {
    why_ = "a handout is being made already";
    return false;
  }
  if (argv.empty()) {
    why_ = "no program to run";
    return false;
  }
  std::string tmpl = (std::filesystem::temp_directory_path() / "hiplab_handout_XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    why_ = std::string("cannot make a temporary file (") + std::strerror(errno) + ")";
    return false;
  }
  if (!log_.empty()) ::unlink(log_.c_str());
  log_ = tmpl;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fd, 1);
  posix_spawn_file_actions_adddup2(&actions, fd, 2);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fd);
  if (rc != 0) {
    why_ = argv[0] + ": cannot start (" + std::strerror(rc) + ")";
    return false;
  }
  pid_ = pid;
  return true;
}

std::optional<HandoutJob::Ended> HandoutJob::poll() {
  if (pid_ <= 0) return std::nullopt;
  int st = 0;
  const pid_t r = ::waitpid(pid_, &st, WNOHANG);
  if (r == 0) return std::nullopt;
  pid_ = -1;
  Ended e;
  e.status = r < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
  std::ifstream in(log_);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) e.message = line;
  return e;
}

std::string own_program_path() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("hiplab") : p.string();
}

}  // namespace hiplab::app
