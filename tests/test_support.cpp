#include "test_support.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
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

Captured capture_stdout(const std::function<int()>& fn) {
  std::cout.flush();
  std::fflush(stdout);
  const auto path = scratch_dir("capture") / "stdout.txt";
  const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int saved = ::dup(1);
  if (file < 0 || saved < 0 || ::dup2(file, 1) < 0) throw std::runtime_error("capture_stdout: cannot redirect stdout");
  ::close(file);
  Captured c;
  try {
    c.status = fn();
  } catch (...) {
    std::cout.flush();
    std::fflush(stdout);
    ::dup2(saved, 1);
    ::close(saved);
    throw;
  }
  std::cout.flush();
  std::fflush(stdout);
  ::dup2(saved, 1);
  ::close(saved);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  c.out = ss.str();
  std::filesystem::remove_all(path.parent_path());
  return c;
}

}  // namespace hiplab::test
