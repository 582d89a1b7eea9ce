// Tests src/core/atomic_file.h: files the user keeps are replaced whole or not at all.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "test_support.h"

using namespace hiplab;

static std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST_CASE("write_file_atomic replaces the file and leaves no temporary behind") {
  const auto dir = test::scratch_dir("atomic");
  const auto path = (dir / "settings.json").string();
  REQUIRE(write_file_atomic(path, "first").ok());
  REQUIRE(write_file_atomic(path, "second, longer").ok());
  CHECK(slurp(path) == "second, longer");
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("write_file_atomic into a missing folder fails with the path in the message, old file kept") {
  const auto dir = test::scratch_dir("atomic_missing");
  const auto path = (dir / "nope" / "x.png").string();
  Status s = write_file_atomic(path, "data");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find(path) != std::string::npos);
  CHECK(s.error().message.find("No such file") != std::string::npos);
}
