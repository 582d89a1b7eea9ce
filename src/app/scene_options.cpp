#include "app/scene_options.h"

#include "app/cmd_drill_moment.h"
#include "app/paths.h"
#include "assets/muscle_layers.h"
#include "core/log.h"
#include "motion/timeline.h"
#include "scene/highlight.h"

namespace hiplab::app {

void add_scene_options(CLI::App* sub, SceneOptions& o) {
  sub->add_option("--model", o.model, "Model file (glTF/GLB, FBX, COLLADA); default: the HipLab body");
  sub->add_option("--drill", o.drill, "A drill by id, name or file (see hiplab drills); body model only");
  sub->add_option("--time", o.time_s, "Seconds into the drill");
  sub->add_option("--phase", o.phase, "... or the middle of this phase");
  sub->add_flag("--key-moment", o.key_moment, "... or the drill's key moment: when the muscles it highlights work or stretch most (computed)");
  sub->add_option("--side", o.side, "Working side: left or right (the drill mirrored)");
  sub->add_option("--pose", o.pose, "DOF=DEG,... on top of the drill's pose (e.g. hip_rotation_r=30,knee_r=90)");
  sub->add_option("--highlight", o.highlight, "working | stretched | none (default: the drill's own, else none)");
  sub->add_option("--skin", o.skin, "faint | outline | off: the body surface (body model)");
  sub->add_option("--peel", o.peel,
                  "Muscle layers taken away from the outside in: 0 none, 1 the superficial layer, 2 superficial and "
                  "intermediate; or a preset: deep-rotators, hip-flexors (body model)");
}

Result<SceneChoice> resolve_scene_options(const SceneOptions& o) {
  SceneChoice c;
  c.view.highlight = o.drill.empty() ? HighlightMode::kNone : HighlightMode::kWorking;
  if (!o.highlight.empty() && !parse_highlight_mode(o.highlight, c.view.highlight))
    return make_error("--highlight '" + o.highlight + "': expected working, stretched or none");
  if (o.skin != "faint" && o.skin != "outline" && o.skin != "off")
    return make_error("--skin '" + o.skin + "': expected faint, outline or off");
  c.view.show_skin = o.skin != "off";
  c.view.skin_outline = o.skin == "outline";
  c.view.overlay = false;
  c.view.floor = false;
  c.view.contact_arrows = false;
  const std::optional<session::Peel> peel = session::parse_peel(o.peel);
  if (!peel) return make_error("--peel '" + o.peel + "': expected " + session::peel_values_help());
  c.view.peel = *peel;
  auto side = parse_side(o.side);
  if (!side) return side.error();  // the message names --side
  c.side = side.value();
  std::vector<std::pair<motion::Channel, double>> assignments;
  if (!o.pose.empty()) {
    auto parsed = parse_pose_assignments(o.pose);
    if (!parsed) return parsed.error();
    assignments = parsed.value();
  }
  if (!o.drill.empty()) {
    std::string drill_highlight;
    auto m = resolve_drill_moment(o.drill, o.time_s, o.phase.empty() ? std::nullopt : std::optional(o.phase), c.side, nullptr,
                                  &drill_highlight, o.key_moment);
    if (!m) return m.error();
    c.moment = m.value();
    // The highlight that fits the drill, as its file names it (as render and the window do).
    if (o.highlight.empty() && !drill_highlight.empty()) parse_highlight_mode(drill_highlight, c.view.highlight);
  } else if (o.time_s || !o.phase.empty() || o.key_moment) {
    return make_error("--time/--phase/--key-moment need --drill NAME");
  } else {
    c.moment.pelvis_world = motion::pelvis_placement(biomech::Posture::kStanding, c.moment.channels);
  }
  if (!assignments.empty()) apply_pose_assignments(c.moment, assignments);
  c.posed = !o.drill.empty() || !assignments.empty();
  c.model_path = o.model.empty() ? default_model_path() : o.model;
  return c;
}

Status load_peel_layers(session::ViewSettings& view) {
  if (!view.peel.any()) return Ok{};
  auto layers = load_muscle_layers(asset_dir() + "/anatomy/muscle_layers.json");
  if (!layers) return layers.error();
  view.layers = layers.value();
  return Ok{};
}

std::shared_ptr<const MuscleDisplayNames> muscle_display_names(const std::vector<MuscleInfo>& info) {
  auto names = std::make_shared<MuscleDisplayNames>();
  for (const MuscleInfo& i : info)
    if (const auto m = anatomy::find_muscle(i.name); m && !i.display_name.empty()) (*names)[static_cast<std::size_t>(*m)] = i.display_name;
  return names;
}

std::shared_ptr<const MuscleDisplayNames> load_muscle_display_names() {
  auto info = load_muscle_info(asset_dir() + "/anatomy/muscles.json");
  if (!info) {
    log_warning(info.error().message);
    return nullptr;
  }
  return muscle_display_names(info.value());
}

session::PoseSource scene_pose(const Model& model, const SceneChoice& choice) {
  session::PoseSource pose = session::standing_pose(model);
  if (choice.posed) {
    pose.legs = choice.moment.legs;
    pose.upper = choice.moment.upper;
    pose.pelvis_world = choice.moment.pelvis_world;
    pose.posture = choice.moment.posture;
    pose.loads = choice.moment.loads;
    pose.partner_hand = choice.moment.partner_hand;
    pose.grip = choice.moment.grip;
  }
  return pose;
}

}  // namespace hiplab::app
