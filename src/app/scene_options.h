// scene_options.h — the command-line options that say which moment and which look a command shows
// (--model, --drill/--time/--phase, --side, --pose, --highlight, --skin, --peel), checked and turned into the
// pose and view settings the session computes a frame from (session/view_state.h). `hiplab export`
// takes them from here; `hiplab render` has the same options with the same meanings and checks (its
// own copy, older), so a frame exported and a frame rendered with the same options agree. A view
// option added for both (a peel depth) belongs here and in ViewSettings.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "assets/model.h"
#include "assets/muscle_info.h"
#include "core/result.h"
#include "motion/drill.h"
#include "motion/timeline.h"
#include "session/view_state.h"

namespace hiplab::app {

struct SceneOptions {
  std::string model;  // empty: the HipLab body
  std::string drill, phase, side = "right", pose, highlight, skin = "faint";
  std::string peel = "0";  // session::parse_peel: 0, 1, 2 or a preset id
  std::optional<double> time_s;
  bool key_moment = false;
};

// Adds the options above to `sub`, bound to `o` (which must outlive the parse).
void add_scene_options(CLI::App* sub, SceneOptions& o);

// The options checked: the drill moment (or the standing pose), the model's path and the view
// settings (highlight, skin, peel; the peel's layers are read by load_peel_layers). Errors are the user's (exit code 2) and name the option and what was
// expected.
struct SceneChoice {
  std::string model_path;
  bool posed = false;          // a drill or --pose: `moment` holds the pose; else standing
  motion::DrillFrame moment;
  anatomy::Side side = anatomy::Side::kRight;
  session::ViewSettings view;  // overlay, floor and contact arrows off
};
Result<SceneChoice> resolve_scene_options(const SceneOptions& o);

// Reads each muscle's layer (assets/anatomy/muscle_layers.json) into `view` when its peel takes
// anything away; a file that cannot be used is the caller's exit code 1.
Status load_peel_layers(session::ViewSettings& view);

// The muscles' names as the panels show them (muscles.json's display_name), for the names drawn
// in pictures (session::ViewSettings::display_names): from cards already loaded, or read from the
// shipped muscles.json (null, with a warning, if it cannot be read: the anatomy labels are used).
std::shared_ptr<const MuscleDisplayNames> muscle_display_names(const std::vector<MuscleInfo>& info);
std::shared_ptr<const MuscleDisplayNames> load_muscle_display_names();

// The pose to show for a body model: the drill moment (with --pose on top), or standing.
session::PoseSource scene_pose(const Model& model, const SceneChoice& choice);

}  // namespace hiplab::app
