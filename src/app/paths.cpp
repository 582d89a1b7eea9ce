#include "app/paths.h"

#include <cstdlib>

namespace hiplab::app {
namespace fs = std::filesystem;

namespace {
std::string home() {
  const char* h = std::getenv("HOME");
  return h && *h ? h : "/tmp";
}
}  // namespace

fs::path executable_dir() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p.parent_path();
}

std::string find_asset_dir(const char* env, const fs::path& exe_dir, const std::string& built_in) {
  if (env && *env) return env;
  if (!exe_dir.empty()) {
    // share/hiplab first: an installed /usr/bin/hiplab must not pick up a stray /usr/assets.
    for (const fs::path& c : {exe_dir / ".." / "share" / "hiplab", exe_dir / ".." / "assets",
                              exe_dir / ".." / ".." / "assets", exe_dir / "assets"}) {
      std::error_code ec;
      if (fs::is_directory(c / "models", ec)) return fs::weakly_canonical(c, ec).string();
    }
  }
  return built_in;
}

std::string asset_dir() {
  const char* env = std::getenv("HIPLAB_DATA_DIR");
  if (!env || !*env) env = std::getenv("HIPLAB_ASSETS");
  return find_asset_dir(env, executable_dir(), HIPLAB_ASSET_DIR);
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
