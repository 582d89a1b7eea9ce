// Tests src/app/cmd_drill_moment.h: --pose parsing names the bad item; a drill moment by name,
// phase and side.
#include "app/cmd_drill_moment.h"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

#include "anatomy/muscle_names.h"
#include "assets/drill_loader.h"
#include "biomech/frame_analysis.h"
#include "core/units.h"
#include "motion/timeline.h"
#include "scene/body_scene.h"
#include "scene/highlight.h"

using namespace hiplab;
using namespace hiplab::app;

TEST_CASE("--pose DOF=DEG pairs parse to radians and a bad item is named") {
  auto ok = parse_pose_assignments("hip_rotation_r=30, knee_l=90,pelvis_x_m=0.1");
  REQUIRE(ok.ok());
  REQUIRE(ok->size() == 3);
  CHECK((*ok)[0].first == motion::Channel::kHipRotationR);
  CHECK((*ok)[0].second == doctest::Approx(deg_to_rad(30.0)));
  CHECK((*ok)[2].second == doctest::Approx(0.1));
  auto bad = parse_pose_assignments("hip_rotation_r=30,knee_q=90");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("--pose item 2 'knee_q=90': unknown joint 'knee_q'") != std::string::npos);
  CHECK(parse_pose_assignments("knee_r=abc").error().message.find("item 1 'knee_r=abc': expected a finite number") != std::string::npos);
  CHECK(parse_pose_assignments("knee_r").error().message.find("expected DOF=DEG") != std::string::npos);
  CHECK_FALSE(parse_pose_assignments("").ok());
}

TEST_CASE("a drill moment by id, phase and side") {
  auto f = resolve_drill_moment("clamshell", std::nullopt, std::string("Open"), anatomy::Side::kLeft);
  REQUIRE(f.ok());
  CHECK(f->phase_name == "Open");
  CHECK(f->posture == biomech::Posture::kSideLyingOnRight);
  CHECK(f->legs.leg(anatomy::Side::kLeft)[anatomy::LegCoord::kHipRotation] < 0.0);  // opening: external rotation
  auto t = resolve_drill_moment("Clamshell", 4.0, std::nullopt, anatomy::Side::kRight);  // 2 s rest, then 2 s opening
  REQUIRE(t.ok());
  CHECK(t->legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation] == doctest::Approx(deg_to_rad(-23.3)));  // the top of the opening (clamshell.json)
  CHECK(resolve_drill_moment("no_such_drill", {}, {}, anatomy::Side::kRight).error().message.find("clamshell") != std::string::npos);
  CHECK(resolve_drill_moment("clamshell", {}, std::string("Fly"), anatomy::Side::kRight).error().message.find("'Open'") != std::string::npos);
  CHECK(resolve_drill_moment("clamshell", 1e6, {}, anatomy::Side::kRight).error().message.find("--time") != std::string::npos);
  CHECK(parse_side("left").value() == anatomy::Side::kLeft);
  CHECK_FALSE(parse_side("up").ok());
}

TEST_CASE("--pose: one grammar for render and activations, a leg joint without _r/_l sets both legs, a suffixed item wins") {
  auto p = app::parse_pose_assignments("knee_r=30,knee=90,hip_flexion=45");
  REQUIRE(p.ok());
  std::map<motion::Channel, double> v;
  for (const auto& [c, x] : p.value()) v[c] = x;  // later entries win, as when applied in order
  using anatomy::LegCoord;
  using anatomy::Side;
  CHECK(v[motion::leg_channel(Side::kRight, LegCoord::kKneeFlexion)] == doctest::Approx(deg_to_rad(30.0)));
  CHECK(v[motion::leg_channel(Side::kLeft, LegCoord::kKneeFlexion)] == doctest::Approx(deg_to_rad(90.0)));
  CHECK(v[motion::leg_channel(Side::kLeft, LegCoord::kHipFlexion)] == doctest::Approx(deg_to_rad(45.0)));
  CHECK(v[motion::leg_channel(Side::kRight, LegCoord::kHipFlexion)] == doctest::Approx(deg_to_rad(45.0)));
  auto far = app::parse_pose_assignments("knee=200");
  REQUIRE_FALSE(far.ok());
  CHECK(far.error().message.find("-180..180") != std::string::npos);
  CHECK(motion::side_of(motion::leg_channel(Side::kLeft, LegCoord::kAnkle)) == Side::kLeft);
  CHECK_FALSE(motion::leg_coord_of(*motion::find_channel("lumbar_flexion")).has_value());
}

TEST_CASE("the key moment of a drill is computed: the clamshell's is in its lift, every drill's is inside it") {
  const KnownDrills known = app::load_known_drills();
  REQUIRE_FALSE(known.drills.empty());
  for (const KnownDrill& k : known.drills) {
    INFO(k.drill.id);
    auto tl = motion::Timeline::build(k.drill, anatomy::Side::kRight);
    REQUIRE(tl.ok());
    const double t = app::key_moment_time(tl.value());
    CHECK(t >= 0.0);
    CHECK(t <= tl->duration());
    // A stretching drill that holds its stretch shows it held: the 90/90 switch in its sitting
    // hold, not mid-switch with both knees up (which stretches the hips more for a moment).
    bool holds = false;
    for (const motion::Phase& p : k.drill.phases) holds = holds || p.hold;
    if (holds && k.drill.highlight == "stretched") CHECK(k.drill.phases[static_cast<std::size_t>(tl->evaluate(t).phase_index)].hold);
    if (k.drill.id == "ninety_ninety_hip_switch") CHECK(tl->evaluate(t).phase_name.find("(hold)") != std::string::npos);
    if (k.drill.id == "clamshell") {
      // The lift or the top of it, where gluteus medius and the deep rotators work (DiStefano 2009),
      // never the rest with the top leg lying on the bottom one.
      const motion::DrillFrame f = tl->evaluate(t);
      CHECK(f.phase_name != "Rest");
      biomech::BiomechInput in;
      in.pose = f.legs;
      in.posture = f.posture;
      in.loads = f.loads;
      biomech::BiomechResult r;
      biomech::analyze_frame(in, r);
      CHECK(r.leg[0].muscle[static_cast<std::size_t>(*anatomy::find_muscle("glut_med3"))].activation > 0.15);
    }
  }
}

// The side-lying drills' key-moment pictures name the leg that does the drill (issue 12, and the
// clamshell whose picture named "Gluteus medius (posterior) (L)", the bottom leg, while its text
// says the top hip works). Lying on the side the pelvis now rests on the mat at the side of the hip
// (motion/floor_contacts.cpp hip_side_*), so the bottom hip's muscles no longer hold it from rolling:
// at each drill's computed key moment the three muscles a picture names (the most working, one part
// per muscle, scene/highlight.h) are all on the working (top) leg, for both working sides.
TEST_CASE("side-lying drills: the key-moment picture names only the top leg's muscles") {
  for (const char* id : {"clamshell", "clamshell_30", "clamshell_60", "reverse_clamshell", "side_lying_hip_abduction"})
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto d = load_drill_file(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills/" + id + ".json");
      REQUIRE(d.ok());
      auto tl = motion::Timeline::build(d.value(), side);
      REQUIRE(tl.ok());
      const double t = key_moment_time(tl.value());
      auto r = std::make_unique<biomech::BiomechResult>();
      biomech::analyze_frame(motion::biomech_input(tl->evaluate(t)), *r);
      const auto named = muscles_to_name(*r, HighlightMode::kWorking, 3);
      CHECK(named.size() == 3);
      for (const auto& [s, m] : named)
        CHECK_MESSAGE(s == side, id << " at " << t << " s names " << named_muscle_text(s, m));
    }
}
