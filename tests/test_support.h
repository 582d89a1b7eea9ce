// test_support.h — helpers shared by tests: scratch directories and the reference-data path.
#pragma once
#include <filesystem>
#include <string>

namespace hiplab::test {

// A fresh, empty directory under the system temp dir, unique to this process and tag.
std::filesystem::path scratch_dir(const std::string& tag);

// ../shared/reference beside the project, or empty when it is absent (tests then skip with a notice).
std::filesystem::path reference_dir();

}  // namespace hiplab::test
