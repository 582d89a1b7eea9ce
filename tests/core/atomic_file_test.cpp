// Tests src/core/atomic_file.h: files the user keeps are replaced whole or not at all, keep their
// permissions, and no temporary or open descriptor is left behind on any way out.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

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

namespace {

std::filesystem::perms perms_of(const std::filesystem::path& p) {
  return std::filesystem::status(p).permissions() & std::filesystem::perms::mask;
}

std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

int open_descriptors() {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
    (void)e;
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("write_file_atomic keeps a replaced file's permissions, and a new file gets 0666 less the umask") {
  using std::filesystem::perms;
  const auto dir = test::scratch_dir("atomic_perms");
  const auto path = (dir / "settings.json").string();
  REQUIRE(write_file_atomic(path, "first").ok());
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK(static_cast<mode_t>(perms_of(path)) == (0666 & ~mask));

  for (perms p : {perms::owner_read | perms::owner_write,
                  perms::owner_read | perms::owner_write | perms::group_read,
                  perms::owner_all | perms::group_read | perms::group_exec}) {
    std::filesystem::permissions(path, p);
    REQUIRE(write_file_atomic(path, "rewritten").ok());
    CHECK(perms_of(path) == p);
    CHECK(slurp(path) == "rewritten");
  }
}

TEST_CASE("write_file_atomic that cannot replace the target leaves it and no temporary behind") {
  const auto dir = test::scratch_dir("atomic_fail");
  // The target is a folder: the temporary is written, the rename over the folder fails.
  const auto folder = dir / "taken";
  std::filesystem::create_directory(folder);
  std::ofstream(folder / "inside.txt") << "kept";
  Status s = write_file_atomic(folder.string(), "data");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find(folder.string()) == 0);
  CHECK(std::filesystem::is_directory(folder));
  CHECK(slurp(folder / "inside.txt") == "kept");
  CHECK(names_in(dir) == std::vector<std::string>{"taken"});
}

TEST_CASE("write_file_atomic into a read-only folder fails, the old file is kept and nothing is added") {
  if (::geteuid() == 0) HIPLAB_SKIP("running as root: a read-only folder does not stop root's writes");
  const auto dir = test::scratch_dir("atomic_readonly");
  const auto path = (dir / "view.png").string();
  REQUIRE(write_file_atomic(path, "old picture").ok());
  std::filesystem::permissions(dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  Status s = write_file_atomic(path, "new picture");
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find("Permission denied") != std::string::npos);
  CHECK(slurp(path) == "old picture");
  CHECK(names_in(dir) == std::vector<std::string>{"view.png"});
}

TEST_CASE("write_file_atomic closes its descriptors on success and on every failure") {
  const auto dir = test::scratch_dir("atomic_fds");
  std::filesystem::create_directory(dir / "taken");
  const int before = open_descriptors();
  CHECK(write_file_atomic((dir / "ok.txt").string(), "fine").ok());
  CHECK_FALSE(write_file_atomic((dir / "taken").string(), "rename fails").ok());
  CHECK_FALSE(write_file_atomic((dir / "missing" / "x").string(), "open fails").ok());
  CHECK(open_descriptors() == before);
}

TEST_CASE("write_file_atomic does not write through a link planted where its temporary goes") {
  const auto dir = test::scratch_dir("atomic_link");
  const auto victim = dir / "victim.txt";
  std::ofstream(victim) << "untouched";
  const auto path = (dir / "out.txt").string();
  std::filesystem::create_symlink(victim, path + ".tmp" + std::to_string(::getpid()));
  REQUIRE(write_file_atomic(path, "written").ok());
  CHECK(slurp(victim) == "untouched");
  CHECK(slurp(path) == "written");
  CHECK(names_in(dir) == std::vector<std::string>{"out.txt", "victim.txt"});
}
