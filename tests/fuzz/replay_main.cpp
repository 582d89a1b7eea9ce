// replay_main.cpp — runs a fuzz target (LLVMFuzzerTestOneInput) over every file of its corpus
// folders, as an ordinary test: the committed seeds and every input that once crashed a target
// (scripts/fuzz adds them) keep being checked in every build, sanitizers included, without clang.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (int a = 1; a < argc; ++a) {
    std::error_code ec;
    if (!fs::is_directory(argv[a], ec)) {
      std::fprintf(stderr, "%s: not a corpus folder\n", argv[a]);
      return 2;
    }
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(argv[a]))
      if (e.is_regular_file()) paths.push_back(e.path());
    for (const fs::path& p : paths) {
      std::ifstream in(p, std::ios::binary);
      const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++files;
    }
  }
  std::printf("replayed %zu inputs\n", files);
  return files > 0 ? 0 : 3;  // an empty corpus is a broken test, not a pass
}
