// paths.h — where HipLab finds its assets and keeps user files (XDG base directories).
#pragma once
#include <string>

namespace hiplab::app {

// The assets folder: $HIPLAB_ASSETS, else <exe>/../assets or <exe>/../../assets when present (a
// build tree or an install), else the source tree's assets/ this binary was built from.
std::string asset_dir();
// assets/models/hiplab_body.glb — the default model.
std::string default_model_path();
// $XDG_CONFIG_HOME/hiplab (default ~/.config/hiplab) and $XDG_DATA_HOME/hiplab (~/.local/share/hiplab).
std::string config_dir();
std::string data_dir();

}  // namespace hiplab::app
