// Tests the computed highlighting through the headless renderer: during a clamshell's lift the
// gluteus medius pixels carry the "working" colour, and at rest (top leg lying on the bottom one)
// they do not. The activations come from the effort solve, not from a hand-made list.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "app/headless.h"
#include "app/paths.h"
#include "app/scene_options.h"
#include "assets/muscle_info.h"
#include "assets/model_loader.h"
#include "render/gl_context.h"
#include "scene/body_scene.h"
#include "session/session.h"
#include "test_support.h"

using namespace hiplab;

namespace {

struct Shot {
  glm::ivec3 rgb;       // sRGB 0..255 at the muscle's middle
  std::uint32_t picked;  // what is drawn there
  double activation;
};

Shot shoot(app::HeadlessSession& hs, const Model& model, ModelHandle handle, session::Session& s, double t, int muscle) {
  s.playback().scrub(t);
  s.view.overlay = false;
  s.view.highlight = HighlightMode::kWorking;
  session::ComputedFrame frame;
  session::compute_frame(s.current_pose(), s.view, frame);
  DrawList list;
  NodeTransforms pose = NodeTransforms::bind(model);
  build_frame(model, handle, frame.request, pose, list);
  // Looking down onto the top (right) hip of the side-lying body, from a little behind.
  OrbitCamera cam;
  cam.target = muscle_midpoint(frame.request.body, anatomy::Side::kRight, muscle);
  cam.yaw = -1.2f;
  cam.pitch = 1.2f;
  cam.distance = 0.9f;
  cam.scene_radius = 1.0f;
  const int w = 400, h = 400;
  REQUIRE(hs.renderer().render(list, cam, w, h, 4).ok());
  const Image img = hs.renderer().read_pixels();
  const std::uint8_t* p = img.pixel(w / 2, h / 2);
  Shot shot;
  shot.rgb = {p[0], p[1], p[2]};
  shot.picked = hs.renderer().pick(list, cam, w, h, w / 2, h / 2);
  shot.activation = frame.analysis.leg[0].muscle[static_cast<std::size_t>(muscle)].activation;
  return shot;
}

int chroma(glm::ivec3 c) { return std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}); }

}  // namespace

TEST_CASE("clamshell: gluteus medius pixels carry the working colour during the lift and not at rest") {
  const std::string path = app::default_model_path();
  auto hs = app::HeadlessSession::create(true);
  if (!hs.ok() && test::gl_unavailable(hs.error().message)) HIPLAB_SKIP(hs.error().message);
  REQUIRE_MESSAGE(hs.ok(), (hs.ok() ? "" : hs.error().message));
  auto model = load_model(path);  // the shipped body: required
  REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().message));
  auto handle = hs.value()->renderer().upload(model.value());
  REQUIRE(handle.ok());
  session::Session s;
  s.load_drills(app::asset_dir() + "/drills", "");
  const int clam = s.find_drill("clamshell");
  REQUIRE(clam >= 0);
  REQUIRE(s.select_drill(clam).ok());
  const auto* tl = s.timeline();
  REQUIRE(tl != nullptr);
  // The first "Rest" (top leg supported) and the end of the first "Open" (knee lifted).
  const int rest = tl->find_phase_instance("Rest"), open = tl->find_phase_instance("Open");
  REQUIRE(rest >= 0);
  REQUIRE(open >= 0);
  const auto& ri = tl->instances()[static_cast<std::size_t>(rest)];
  const auto& oi = tl->instances()[static_cast<std::size_t>(open)];
  const int gmed = *anatomy::find_muscle("glut_med3");
  // Gluteus maximus lies over the back of gluteus medius: hide it, as a teacher would to show it.
  for (const char* name : {"glut_max1", "glut_max2", "glut_max3"})
    for (auto& side : s.view.visibility) side[static_cast<std::size_t>(*anatomy::find_muscle(name))] = session::MuscleVisibility::kHidden;

  const Shot lift = shoot(*hs.value(), model.value(), handle.value(), s, oi.start_s + oi.duration_s * 0.95, gmed);
  const Shot at_rest = shoot(*hs.value(), model.value(), handle.value(), s, ri.start_s + ri.duration_s * 0.5, gmed);
  INFO("lift rgb " << lift.rgb.r << "," << lift.rgb.g << "," << lift.rgb.b << " activation " << lift.activation);
  INFO("rest rgb " << at_rest.rgb.r << "," << at_rest.rgb.g << "," << at_rest.rgb.b << " activation " << at_rest.activation);
  // The solve: working during the lift (DiStefano 2009: gluteus medius ~40% MVIC in a clamshell),
  // nothing to hold at rest.
  CHECK(lift.activation > 0.2);
  CHECK(at_rest.activation < 0.02);
  // The pixel at the muscle's middle is that muscle in both shots.
  // During the lift, the pixel at gluteus medius 3's middle may be medius 2's: since the volumes'
  // frames twist with the femur (scene/muscle_volume.h, AttachmentMotion::twist), medius 2's
  // section turns over medius 3's middle with the thigh turned out (picked 1001 for 1002). Both
  // are parts of one gluteus medius, and the colour checked below is that pixel's.
  const int gmed2 = *anatomy::find_muscle("glut_med2");
  CHECK((lift.picked == muscle_pick_id(anatomy::Side::kRight, gmed) || lift.picked == muscle_pick_id(anatomy::Side::kRight, gmed2)));
  CHECK(at_rest.picked == muscle_pick_id(anatomy::Side::kRight, gmed));
  // Working: a saturated warm colour of the effort map (inferno). At rest: muted and greyish.
  CHECK(chroma(lift.rgb) > 80);
  CHECK(lift.rgb.r > lift.rgb.b);
  CHECK(chroma(at_rest.rgb) < 45);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("apply_highlight: working and stretched muscles are opaque and shown through what covers them, resting ones are not") {
  biomech::BiomechResult r;
  const int gmed = *anatomy::find_muscle("glut_med3"), add = *anatomy::find_muscle("add_long");
  r.leg[0].muscle[static_cast<std::size_t>(gmed)].activation = 0.3;
  r.leg[0].muscle[static_cast<std::size_t>(add)].activation = 0.0;
  r.leg[0].muscle[static_cast<std::size_t>(gmed)].stretch_vs_anatomical = 0.95;
  r.leg[0].muscle[static_cast<std::size_t>(add)].stretch_vs_anatomical = 1.2;
  BodySceneOptions o;
  apply_highlight(r, HighlightMode::kWorking, o);
  const MuscleLook& g = o.muscles[0][static_cast<std::size_t>(gmed)];
  const MuscleLook& a = o.muscles[0][static_cast<std::size_t>(add)];
  CHECK(g.show_through);
  CHECK(g.colour.a == 1.0f);
  CHECK_FALSE(a.show_through);
  CHECK(a.colour == kRestMuscle);
  CHECK(kRestMuscle.a == 1.0f);  // resting muscles are opaque: the packed volumes are not a see-through ghost
  apply_highlight(r, HighlightMode::kStretched, o);
  CHECK_FALSE(o.muscles[0][static_cast<std::size_t>(gmed)].show_through);
  CHECK(o.muscles[0][static_cast<std::size_t>(add)].show_through);
  apply_highlight(r, HighlightMode::kNone, o);
  CHECK_FALSE(o.muscles[0][static_cast<std::size_t>(add)].show_through);
}

TEST_CASE("apply_highlight: only the muscles a picture names are shown through, however many stretch") {
  // A 90/90 hold stretches some twenty hip muscles past kShowThroughStretch; all of them seen
  // through each other made the front hip a heap of glass. The named ones (muscles_to_name) stay.
  biomech::BiomechResult r;
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kHipMuscleCount; ++m)
      r.leg[static_cast<std::size_t>(s)].muscle[static_cast<std::size_t>(m)].stretch_vs_anatomical = 1.10 + 0.001 * (m + 40 * s);
  BodySceneOptions o;
  apply_highlight(r, HighlightMode::kStretched, o);
  const auto named = muscles_to_name(r, HighlightMode::kStretched, kNamedMuscles);
  REQUIRE(named.size() == static_cast<std::size_t>(kNamedMuscles));
  int through = 0;
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m)
      if (o.muscles[static_cast<std::size_t>(s)][static_cast<std::size_t>(m)].show_through) {
        ++through;
        CHECK(std::find(named.begin(), named.end(), std::pair{static_cast<anatomy::Side>(s), m}) != named.end());
      }
  CHECK(through == kNamedMuscles);
  // Every stretched one is still coloured.
  CHECK(o.muscles[0][0].colour != kRestMuscle);
  CHECK(o.muscles[1][static_cast<std::size_t>(anatomy::kHipMuscleCount - 1)].colour != kRestMuscle);
}

TEST_CASE("muscles_to_name: the busiest or most stretched first, one part per muscle, above the show-through floor, at most n") {
  biomech::BiomechResult r;
  auto set = [&](const char* name, int side, double act, double stretch) {
    const int m = *anatomy::find_muscle(name);
    r.leg[static_cast<std::size_t>(side)].muscle[static_cast<std::size_t>(m)].activation = act;
    r.leg[static_cast<std::size_t>(side)].muscle[static_cast<std::size_t>(m)].stretch_vs_anatomical = stretch;
    return m;
  };
  const int gmed3 = set("glut_med3", 0, 0.40, 1.00);
  set("glut_med2", 0, 0.30, 1.00);  // the same muscle: named once, by its busiest part
  const int peri = set("peri", 0, 0.25, 1.20);
  const int gmax1 = set("glut_max1", 1, 0.12, 1.10);
  set("add_long", 0, 0.05, 1.30);  // below 10%: not named as working
  const auto working = muscles_to_name(r, HighlightMode::kWorking, 3);
  REQUIRE(working.size() == 3);
  CHECK(working[0] == std::pair{anatomy::Side::kRight, gmed3});
  CHECK(working[1] == std::pair{anatomy::Side::kRight, peri});
  CHECK(working[2] == std::pair{static_cast<anatomy::Side>(1), gmax1});
  CHECK(muscles_to_name(r, HighlightMode::kWorking, 1).size() == 1);
  const auto stretched = muscles_to_name(r, HighlightMode::kStretched, 3);
  REQUIRE(stretched.size() == 3);
  CHECK(stretched[0].second == *anatomy::find_muscle("add_long"));
  CHECK(stretched[1].second == peri);
  CHECK(stretched[2].second == gmax1);
  CHECK(muscles_to_name(r, HighlightMode::kNone, 3).empty());
  CHECK(named_muscle_text(anatomy::Side::kRight, peri) == "Piriformis (R)");
  // Stretched, the hip's muscles are named before a knee-only muscle stretched more (a bent knee
  // stretches the vasti most: the figure-4 named only them); working, the busiest still lead.
  const int vmed = set("vas_med", 0, 0.50, 1.40);
  const auto stretched_hip = muscles_to_name(r, HighlightMode::kStretched, 4);
  REQUIRE(stretched_hip.size() == 4);
  CHECK(stretched_hip[0].second == *anatomy::find_muscle("add_long"));
  CHECK(stretched_hip[2].second == gmax1);
  CHECK(stretched_hip[3].second == vmed);
  CHECK(muscles_to_name(r, HighlightMode::kWorking, 1)[0].second == vmed);
}

// Issue 12, "the words a patient reads are plain": the muscles named in the view use the panels'
// words (muscles.json's display names: "Gluteus medius (back part)", not the anatomy label
// "gluteus medius (posterior)"), so the picture and the Working now list name a muscle alike; the
// view made by the render command and the window carries them into the frame's scene options.
TEST_CASE("named muscles in the view are named as the panels name them") {
  auto info = load_muscle_info(std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy/muscles.json");
  REQUIRE(info.ok());
  const auto names = app::muscle_display_names(info.value());
  REQUIRE(names);
  const int gmed3 = *anatomy::find_muscle("glut_med3");
  CHECK(named_muscle_text(anatomy::Side::kRight, gmed3, names.get()) == "Gluteus medius (back part) (R)");
  CHECK(named_muscle_text(anatomy::Side::kRight, gmed3) == "Gluteus medius (posterior) (R)");  // no names: the label
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const std::string& n = (*names)[static_cast<std::size_t>(m)];
    CHECK_MESSAGE(!n.empty(), anatomy::muscle(m).name << " has no display name in muscles.json");
    CHECK(named_muscle_text(anatomy::Side::kLeft, m, names.get()) == n + " (L)");
  }
  session::ViewSettings view;
  view.display_names = names;
  session::ComputedFrame frame;
  session::compute_frame(session::PoseSource{}, view, frame);
  CHECK(frame.request.body_options.display_names == names);
  CHECK(app::load_muscle_display_names() != nullptr);  // the shipped file, as render and video read it
}
