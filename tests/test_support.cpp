#include "test_support.h"

#include <cstdio>
#include <unistd.h>

namespace hiplab::test {

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
  std::fprintf(stderr, "notice: %s is absent; reference-data checks are skipped\n", p.c_str());
  return {};
}

}  // namespace hiplab::test
