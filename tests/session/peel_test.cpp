// Tests src/session/peel.h and its use in session::compute_frame: a peel level takes away exactly
// the layers outside it in the regions it names (the deep layer never), the presets leave their
// own muscles in view with what lies over them gone, "peel to show" brings a muscle back or takes
// away what covers it, and compute_frame hides peeled muscles on both sides on top of the user's
// own visibility; highlighting still colours what is left in view.
#include <doctest/doctest.h>

#include <string>

#include "anatomy/muscle_data.h"
#include "assets/muscle_layers.h"
#include "session/session.h"
#include "session/view_state.h"

using namespace hiplab;
using anatomy::BodyRegion;
using anatomy::MuscleLayer;
using session::Peel;

namespace {

const anatomy::MuscleLayers& layers() {
  static const anatomy::MuscleLayers l = [] {
    auto r = load_muscle_layers(std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy/muscle_layers.json");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return r.value();
  }();
  return l;
}

int idx(const char* name) { return *anatomy::find_muscle(name); }
bool peeled(const Peel& p, const char* name) { return session::is_peeled(p, layers(), idx(name)); }

}  // namespace

TEST_CASE("peel: level N takes away exactly the layers above N, everywhere, and never the deep one") {
  for (int level = 0; level <= session::kMaxPeelLevel; ++level) {
    const Peel p = session::whole_body_peel(level);
    const auto gone = session::peeled_muscles(p, layers());
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      INFO(anatomy::muscle(m).name << " at level " << level);
      const int layer = static_cast<int>(layers().layer[static_cast<std::size_t>(m)]);
      CHECK(gone[static_cast<std::size_t>(m)] == (layer < level));
      CHECK(session::is_peeled(p, layers(), m) == gone[static_cast<std::size_t>(m)]);
    }
  }
  CHECK_FALSE(session::whole_body_peel(0).any());
  CHECK(session::whole_body_peel(9) == session::whole_body_peel(2));  // clamped
  CHECK(session::whole_body_peel(-1) == session::whole_body_peel(0));
  // Level 1: gluteus maximus off, medius on; level 2: medius off too, minimus and piriformis stay.
  CHECK(peeled(session::whole_body_peel(1), "glut_max2"));
  CHECK_FALSE(peeled(session::whole_body_peel(1), "glut_med2"));
  CHECK(peeled(session::whole_body_peel(2), "glut_med2"));
  CHECK_FALSE(peeled(session::whole_body_peel(2), "glut_min2"));
  CHECK_FALSE(peeled(session::whole_body_peel(2), "peri"));
  CHECK_FALSE(session::is_peeled(session::whole_body_peel(2), layers(), -1));
  CHECK_FALSE(session::is_peeled(session::whole_body_peel(2), layers(), anatomy::kMuscleCount));
}

TEST_CASE("peel: one region's level leaves the other regions whole, and kept muscles stay") {
  Peel p;
  p.level[static_cast<std::size_t>(BodyRegion::kThigh)] = 1;
  CHECK(peeled(p, "sar"));
  CHECK(peeled(p, "rect_fem"));
  CHECK_FALSE(peeled(p, "vas_lat"));
  CHECK_FALSE(peeled(p, "glut_max1"));  // hip: untouched
  CHECK_FALSE(peeled(p, "med_gas"));    // leg: untouched
  p.keep.set(static_cast<std::size_t>(idx("sar")));
  CHECK_FALSE(peeled(p, "sar"));
  CHECK(peeled(p, "rect_fem"));
}

TEST_CASE("peel presets: deep rotators from behind with the gluteal layers over them off, hip flexors in view") {
  const session::PeelPreset* rot = session::find_peel_preset("deep-rotators");
  REQUIRE(rot != nullptr);
  CHECK(rot->view == ViewPreset::kBack);
  const Peel p = session::preset_peel(*rot);
  CHECK(p.preset == "deep-rotators");
  for (const char* n : {"peri", "gem", "quad_fem"}) CHECK_MESSAGE(!peeled(p, n), n);
  for (const char* n : {"glut_max1", "glut_max2", "glut_max3", "glut_med1", "glut_med2", "glut_med3"}) CHECK_MESSAGE(peeled(p, n), n);
  // Only the hip region is peeled: the hamstrings and calf stay.
  for (const char* n : {"semiten", "bifemlh", "med_gas", "sar"}) CHECK_MESSAGE(!peeled(p, n), n);

  const session::PeelPreset* flex = session::find_peel_preset("hip-flexors");
  REQUIRE(flex != nullptr);
  CHECK(flex->view == ViewPreset::kFront);
  const Peel f = session::preset_peel(*flex);
  for (const char* n : {"iliacus", "psoas", "rect_fem", "sar", "tfl"}) CHECK_MESSAGE(!peeled(f, n), n);
  // What lies over and around them in front of the hip and thigh goes.
  for (const char* n : {"glut_max1", "glut_med1", "add_long", "grac", "pect", "vas_med", "vas_lat"}) CHECK_MESSAGE(peeled(f, n), n);
  CHECK_FALSE(peeled(f, "tib_ant"));

  CHECK(session::find_peel_preset("no-such") == nullptr);
  REQUIRE(session::parse_peel("deep-rotators").has_value());
  CHECK(*session::parse_peel("deep-rotators") == p);
  CHECK(*session::parse_peel("2") == session::whole_body_peel(2));
  CHECK(*session::parse_peel("0") == Peel{});
  for (const char* bad : {"", "3", "-1", "1.5", "two", "deep rotators", "02"}) CHECK_MESSAGE(!session::parse_peel(bad), bad);
  CHECK(session::peel_values_help().find("hip-flexors") != std::string::npos);
}

TEST_CASE("peel to show: a peeled muscle comes back, a covered one gets what covers it taken away") {
  // Piriformis under gluteus maximus and medius with nothing peeled: covered; peeling down to it
  // takes both gluteal layers of the hip and nothing elsewhere.
  const Peel none;
  CHECK(session::covered_by_layer(none, layers(), idx("peri")));
  const Peel down = session::peel_to_show(none, layers(), idx("peri"));
  CHECK_FALSE(peeled(down, "peri"));
  CHECK(peeled(down, "glut_max1"));
  CHECK(peeled(down, "glut_med3"));
  CHECK_FALSE(peeled(down, "sar"));
  CHECK_FALSE(session::covered_by_layer(down, layers(), idx("peri")));
  // A superficial muscle is never covered; one whose cover the user hid is not either.
  CHECK_FALSE(session::covered_by_layer(none, layers(), idx("glut_max1")));
  std::array<bool, anatomy::kMuscleCount> hidden{};
  for (int m = 0; m < anatomy::kMuscleCount; ++m)
    hidden[static_cast<std::size_t>(m)] = layers().region[static_cast<std::size_t>(m)] == BodyRegion::kLeg &&
                                          layers().layer[static_cast<std::size_t>(m)] != MuscleLayer::kDeep;
  CHECK(session::covered_by_layer(none, layers(), idx("tib_post")));
  CHECK_FALSE(session::covered_by_layer(none, layers(), idx("tib_post"), hidden));
  // Gluteus medius taken away by a whole-body level 2: brought back, with maximus still off and
  // the thigh and leg still at level 2.
  const Peel two = session::whole_body_peel(2);
  CHECK_FALSE(session::covered_by_layer(two, layers(), idx("glut_med1")));  // peeled, not covered
  const Peel back = session::peel_to_show(two, layers(), idx("glut_med1"));
  CHECK_FALSE(peeled(back, "glut_med1"));
  CHECK(peeled(back, "glut_max1"));
  CHECK(peeled(back, "vas_lat"));
  // From a preset: no longer the preset, its kept muscles still kept.
  const Peel rot = session::preset_peel(*session::find_peel_preset("deep-rotators"));
  const Peel from_rot = session::peel_to_show(rot, layers(), idx("glut_med2"));
  CHECK(from_rot.preset.empty());
  CHECK((from_rot.keep == rot.keep));
  CHECK_FALSE(peeled(from_rot, "glut_med2"));
  CHECK(peeled(from_rot, "glut_max2"));
}

TEST_CASE("compute_frame: peeled muscles are hidden on both sides, over the user's own visibility, and only with layers") {
  session::ViewSettings view;
  view.overlay = false;
  view.peel = session::whole_body_peel(1);
  const session::PoseSource pose;
  session::ComputedFrame frame;
  session::compute_frame(pose, view, frame);  // no layers: nothing can be peeled
  for (const auto& side : frame.request.body_options.muscles)
    for (const MuscleLook& look : side) CHECK(look.visible);

  view.layers = layers();
  view.visibility[0][static_cast<std::size_t>(idx("peri"))] = session::MuscleVisibility::kHidden;
  view.visibility[1][static_cast<std::size_t>(idx("glut_med1"))] = session::MuscleVisibility::kFaded;
  session::compute_frame(pose, view, frame);
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      INFO(anatomy::muscle(m).name << " side " << s);
      const bool superficial = layers().layer[static_cast<std::size_t>(m)] == MuscleLayer::kSuperficial;
      const bool user_hidden = s == 0 && m == idx("peri");
      CHECK(frame.request.body_options.muscles[static_cast<std::size_t>(s)][static_cast<std::size_t>(m)].visible ==
            (!superficial && !user_hidden));
      CHECK(session::muscle_peeled(view, m) == superficial);
    }
  // The faded one stays faded under a peel that keeps it.
  CHECK(frame.request.body_options.muscles[1][static_cast<std::size_t>(idx("glut_med1"))].colour.a < 0.2f);
  // Under a layer: gluteus medius with maximus on (level 0); not once the user faded maximus.
  view.peel = Peel{};
  CHECK(session::muscle_under_layer(view, anatomy::Side::kRight, idx("glut_med1")));
  for (const char* n : {"glut_max1", "glut_max2", "glut_max3", "tfl"})
    view.visibility[0][static_cast<std::size_t>(idx(n))] = session::MuscleVisibility::kFaded;
  CHECK_FALSE(session::muscle_under_layer(view, anatomy::Side::kRight, idx("glut_med1")));
  CHECK(session::muscle_under_layer(view, anatomy::Side::kLeft, idx("glut_med1")));
}

TEST_CASE("describe_peel names each region's state") {
  CHECK(session::describe_peel(Peel{}) == "hip, thigh, leg: all layers on");
  Peel p;
  p.level = {2, 1, 0};
  CHECK(session::describe_peel(p) ==
        "hip: superficial and intermediate layers off; thigh: superficial layer off; leg: all layers on");
}

TEST_CASE("peel with highlighting: in a clamshell's lift the working muscles left in view keep their working colours") {
  session::Session s;
  s.load_drills(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills", "");
  const int clam = s.find_drill("clamshell");
  REQUIRE(clam >= 0);
  REQUIRE(s.select_drill(clam).ok());
  const int open = s.timeline()->find_phase_instance("Open");
  REQUIRE(open >= 0);
  const auto& oi = s.timeline()->instances()[static_cast<std::size_t>(open)];
  s.playback().scrub(oi.start_s + oi.duration_s * 0.95);
  s.view.highlight = HighlightMode::kWorking;
  s.view.layers = layers();
  s.view.peel = session::whole_body_peel(1);
  session::ComputedFrame frame;
  session::compute_frame(s.current_pose(), s.view, frame);
  int working_shown = 0;
  for (int side = 0; side < anatomy::kSideCount; ++side)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const double a = frame.analysis.leg[static_cast<std::size_t>(side)].muscle[static_cast<std::size_t>(m)].activation;
      const MuscleLook& look = frame.request.body_options.muscles[static_cast<std::size_t>(side)][static_cast<std::size_t>(m)];
      INFO(anatomy::muscle(m).name << " side " << side << " activation " << a);
      CHECK(look.visible == !session::muscle_peeled(s.view, m));
      CHECK(look.colour == working_colour(a));
      working_shown += look.visible && a >= kRestActivation;
    }
  // Gluteus medius (intermediate) and the deep rotators carry the lift (DiStefano 2009): shown.
  CHECK(working_shown >= 3);
}
