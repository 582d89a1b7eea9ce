// version.h — the version HipLab was built as and the source commit it was built from (`git
// describe` at build time, "unknown" without git). Defined in a file the build generates
// (cmake/version.cmake), so a new commit recompiles one file.
#pragma once
#include <string>
#include <string_view>

namespace hiplab::app {

std::string_view version();        // the project version, e.g. "0.1.0"
std::string_view source_commit();  // e.g. "bb05406a1c2d" or "bb05406a1c2d-dirty", or "unknown"
// What `hiplab --version` prints: "hiplab 0.1.0 (commit bb05406a1c2d)".
inline std::string version_line() {
  return "hiplab " + std::string(version()) + " (commit " + std::string(source_commit()) + ")";
}

}  // namespace hiplab::app
