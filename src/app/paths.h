// paths.h — where HipLab finds its data (model, drills, anatomy cards) and keeps user files (XDG
// base directories).
#pragma once
#include <filesystem>
#include <string>

namespace hiplab::app {

// The data folder (models/, drills/, anatomy/), found in this order:
//  1. $HIPLAB_DATA_DIR (or its older name $HIPLAB_ASSETS), for a portable copy or a test;
//  2. next to the executable, the first of <exe>/../share/hiplab (an install: bin/hiplab beside
//     share/hiplab, whatever the prefix), <exe>/../assets, <exe>/../../assets (a build folder
//     inside or beside the checkout), <exe>/assets — one that holds a models/ folder;
//  3. the checkout's assets/ this binary was built from (compiled in), which may be gone.
std::string asset_dir();
// The rule of asset_dir() on its inputs: `env` is the variable's value (null or empty: unset),
// `exe_dir` the executable's folder (empty: unknown), `built_in` the compiled-in fallback.
std::string find_asset_dir(const char* env, const std::filesystem::path& exe_dir, const std::string& built_in);
// The folder of the running executable (/proc/self/exe), empty when it cannot be read.
std::filesystem::path executable_dir();
// assets/models/hiplab_body.glb — the default model.
std::string default_model_path();
// $XDG_CONFIG_HOME/hiplab (default ~/.config/hiplab) and $XDG_DATA_HOME/hiplab (~/.local/share/hiplab).
std::string config_dir();
std::string data_dir();

}  // namespace hiplab::app
