#include "test_support.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

namespace hiplab::test {

namespace {
std::vector<std::string>& skipped() {
  static std::vector<std::string> s;
  return s;
}
}  // namespace

void mark_skipped(const std::string& why) {
  const auto* test = doctest::getContextOptions()->currentTest;
  std::printf("SKIPPED: %s\n", why.c_str());
  std::fflush(stdout);
  skipped().push_back(std::string(test ? test->m_name : "?") + ": " + why);
}

int exit_status(int rc) {
  if (rc != 0 || skipped().empty()) return rc;
  std::printf("%zu test case(s) skipped (exit status %d):\n", skipped().size(), kSkipReturnCode);
  for (const std::string& s : skipped()) std::printf("  %s\n", s.c_str());
  return kSkipReturnCode;
}

std::filesystem::path scratch_dir(const std::string& tag) {
  auto dir = std::filesystem::temp_directory_path() /
             ("hiplab_test_" + std::to_string(::getpid()) + "_" + tag);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path reference_dir() {
  std::filesystem::path p = HIPLAB_REFERENCE_DIR;
  if (std::filesystem::is_directory(p)) return std::filesystem::canonical(p);
  return {};
}

bool gl_unavailable(const std::string& error_message) {
  return error_message.rfind("headless OpenGL unavailable", 0) == 0;
}

namespace {
// What `fn` writes to file descriptor `fd` (1 or 2), with its result; the descriptor is put back
// whatever `fn` does.
Captured capture_fd(int fd, const std::function<int()>& fn) {
  auto flush = [] {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
  };
  flush();
  const auto path = scratch_dir(fd == 1 ? "capture_stdout" : "capture_stderr") / "out.txt";
  const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int saved = ::dup(fd);
  if (file < 0 || saved < 0 || ::dup2(file, fd) < 0) throw std::runtime_error("capture: cannot redirect descriptor " + std::to_string(fd));
  ::close(file);
  Captured c;
  try {
    c.status = fn();
  } catch (...) {
    flush();
    ::dup2(saved, fd);
    ::close(saved);
    throw;
  }
  flush();
  ::dup2(saved, fd);
  ::close(saved);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  c.out = ss.str();
  std::filesystem::remove_all(path.parent_path());
  return c;
}
}  // namespace

Captured capture_stdout(const std::function<int()>& fn) { return capture_fd(1, fn); }
Captured capture_stderr(const std::function<int()>& fn) { return capture_fd(2, fn); }

std::string run_program(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

bool have_program(const std::string& name) { return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0; }

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777u;
}

}  // namespace hiplab::test
