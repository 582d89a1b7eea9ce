// Tests src/app/paths.h: the data folder is found from an environment variable, from an install
// (bin/hiplab beside share/hiplab, any prefix) or a build folder next to the executable, and the
// compiled-in checkout path is only the last resort — so an installed copy runs with the checkout gone.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "app/paths.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {
// A data folder is recognised by its models/ subfolder.
fs::path make_data(const fs::path& dir) {
  fs::create_directories(dir / "models");
  return fs::weakly_canonical(dir);
}
}  // namespace

TEST_CASE("the data folder named by the environment wins over everything next to the executable") {
  const fs::path root = test::scratch_dir("paths_env");
  make_data(root / "share" / "hiplab");
  fs::create_directories(root / "bin");
  CHECK(app::find_asset_dir("/opt/hiplab-data", root / "bin", "/built/in") == "/opt/hiplab-data");
  // An empty variable counts as unset.
  CHECK(app::find_asset_dir("", root / "bin", "/built/in") == (root / "share" / "hiplab").string());
}

TEST_CASE("an installed binary finds share/hiplab beside its bin folder, under any prefix") {
  const fs::path prefix = test::scratch_dir("paths_install") / "some" / "prefix";
  const fs::path data = make_data(prefix / "share" / "hiplab");
  fs::create_directories(prefix / "bin");
  CHECK(app::find_asset_dir(nullptr, prefix / "bin", "/gone/checkout/assets") == data.string());
  // share/hiplab is preferred to an assets/ folder that happens to sit beside bin/.
  make_data(prefix / "assets");
  CHECK(app::find_asset_dir(nullptr, prefix / "bin", "/gone/checkout/assets") == data.string());
}

TEST_CASE("a build folder inside or beside the checkout finds the checkout's assets") {
  const fs::path checkout = test::scratch_dir("paths_build");
  const fs::path assets = make_data(checkout / "assets");
  fs::create_directories(checkout / "build" / "sub");
  CHECK(app::find_asset_dir(nullptr, checkout / "build", "/elsewhere") == assets.string());
  CHECK(app::find_asset_dir(nullptr, checkout / "build" / "sub", "/elsewhere") == assets.string());
}

TEST_CASE("with nothing beside the executable, the compiled-in folder is the answer") {
  const fs::path lone = test::scratch_dir("paths_none") / "bin";
  fs::create_directories(lone);
  // An assets folder without models/ is not a data folder.
  fs::create_directories(lone / ".." / "assets" / "drills");
  CHECK(app::find_asset_dir(nullptr, lone, "/built/in/assets") == "/built/in/assets");
  CHECK(app::find_asset_dir(nullptr, fs::path(), "/built/in/assets") == "/built/in/assets");
}

TEST_CASE("asset_dir reads HIPLAB_DATA_DIR, and this test binary finds the checkout's assets without it") {
  const char* old = std::getenv("HIPLAB_DATA_DIR");
  const std::string saved = old ? old : "";
  ::setenv("HIPLAB_DATA_DIR", "/portable/hiplab", 1);
  CHECK(app::asset_dir() == "/portable/hiplab");
  CHECK(app::default_model_path() == "/portable/hiplab/models/hiplab_body.glb");
  ::unsetenv("HIPLAB_DATA_DIR");
  if (!std::getenv("HIPLAB_ASSETS")) CHECK(fs::exists(app::default_model_path()));
  CHECK_FALSE(app::executable_dir().empty());
  if (!saved.empty()) ::setenv("HIPLAB_DATA_DIR", saved.c_str(), 1);
}
