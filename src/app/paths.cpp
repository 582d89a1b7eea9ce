#include "app/paths.h"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace hiplab::app {
namespace fs = std::filesystem;

namespace {
fs::path exe_dir() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p.parent_path();
}
std::string home() {
  const char* h = std::getenv("HOME");
  return h && *h ? h : "/tmp";
}
}  // namespace

std::string asset_dir() {
  if (const char* env = std::getenv("HIPLAB_ASSETS"); env && *env) return env;
  const fs::path exe = exe_dir();
  for (const fs::path& c : {exe / ".." / "assets", exe / ".." / ".." / "assets", exe / "assets"}) {
    std::error_code ec;
    if (fs::is_directory(c / "models", ec)) return fs::weakly_canonical(c).string();
  }
  return HIPLAB_ASSET_DIR;
}

std::string default_model_path() { return (fs::path(asset_dir()) / "models" / "hiplab_body.glb").string(); }

std::string config_dir() {
  const char* x = std::getenv("XDG_CONFIG_HOME");
  return ((x && *x) ? fs::path(x) : fs::path(home()) / ".config") / "hiplab";
}

std::string data_dir() {
  const char* x = std::getenv("XDG_DATA_HOME");
  return ((x && *x) ? fs::path(x) : fs::path(home()) / ".local" / "share") / "hiplab";
}

}  // namespace hiplab::app
