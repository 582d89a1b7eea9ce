// Every built-in drill (assets/drills/*.json) loads, validates, plays to the end on both sides,
// keeps every joint inside its range of motion (AAOS 1965, rom_limits.h) unless the phase is marked
// end_range, and rests on the floor: sampled at 100 times, no representative contact
// (floor_contacts.h) is below the floor and, during holds, the drill's floor_contacts are within 2 cm
// of it. (tests/app/drill_posture_test.cpp checks the same on the skinned body mesh.)
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "assets/drill_loader.h"
#include "core/units.h"
#include "motion/floor_contacts.h"
#include "motion/hand_reach.h"
#include "motion/rom_limits.h"
#include "motion/timeline.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {
std::string drill_dir() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/drills"; }
}  // namespace

TEST_CASE("all thirteen built-in drills load without errors, the three comparison drills marked as such") {
  const DrillFolder f = load_drill_folder(drill_dir());
  for (const auto& e : f.errors) FAIL_CHECK(e);
  CHECK(f.drills.size() == 13);
  for (const Drill& d : f.drills)
    CHECK_MESSAGE((d.kind == "comparison") == (d.id == "side_lying_hip_abduction" || d.id == "clamshell_30" || d.id == "clamshell_60"), d.id);
  for (const char* id : {"ninety_ninety_hip_switch", "ir_pails_rails_supine", "ir_pails_rails_9090", "clamshell",
                         "reverse_clamshell", "seated_band_internal_rotation", "standing_cable_internal_rotation",
                         "kneeling_windmill", "tall_kneeling_foot_windmill", "figure4_self_test", "side_lying_hip_abduction", "clamshell_30",
                         "clamshell_60"}) {
    bool found = false;
    for (const Drill& d : f.drills) found = found || d.id == id;
    CHECK_MESSAGE(found, id);
  }
}

TEST_CASE("built-in drills play to the end on both sides within range of motion and resting on the floor") {
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(!f.drills.empty());
  for (const Drill& drill : f.drills) {
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE_MESSAGE(tl.ok(), drill.id);
      const Timeline& t = tl.value();
      CHECK(t.duration() > 0.0);
      const DrillFrame last = t.evaluate(t.duration());
      CHECK(last.instance == static_cast<int>(t.instances().size()) - 1);
      for (int i = 0; i <= 99; ++i) {
        const double time = t.duration() * i / 99.0;
        const DrillFrame fr = t.evaluate(time);
        const std::string side_name = side == anatomy::Side::kRight ? "right" : "left";
        INFO(drill.id << " " << side_name << " t=" << time << " phase '"
                      << fr.phase_name << "'");
        if (!fr.end_range)
          for (int c = 0; c < kChannelCount; ++c) {
            const Channel ch = channel_at(c);
            CHECK_MESSAGE(within_rom(ch, fr.channels[ch], 1e-6),
                          channel_name(ch) << " = " << rad_to_deg(fr.channels[ch]) << " deg");
          }
        const auto h = contact_heights(contact_spheres(fr.legs, fr.upper), fr.pelvis_world);
        for (int c = 0; c < kContactCount; ++c)
          CHECK_MESSAGE(h[c] >= -0.01, contact_name(static_cast<ContactPoint>(c)) << " at " << h[c] << " m");
        if (fr.hold)
          for (ContactPoint c : t.drill().floor_points_of(fr.phase_index))
            CHECK_MESSAGE(h[contact_index(c)] <= 0.02, contact_name(c) << " rests at " << h[contact_index(c)] << " m");
      }
    }
  }
}

TEST_CASE("the clamshell is labelled as external rotation and the figure-4 as a test of external rotation and abduction") {
  auto c = load_drill_file(drill_dir() + "/clamshell.json");
  REQUIRE(c.ok());
  REQUIRE(!c->myths.empty());
  CHECK(c->myths[0].correction.find("EXTERNAL") != std::string::npos);
  // Opening the clamshell turns the top hip OUT (negative = external rotation).
  auto t = Timeline::build(c.value(), anatomy::Side::kRight);
  REQUIRE(t.ok());
  const int open = t->find_phase_instance("Open");
  REQUIRE(open >= 0);
  const auto& oi = t->instances()[static_cast<std::size_t>(open)];
  CHECK(t->evaluate(oi.start_s + oi.duration_s).legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation] < -0.4);
  auto f = load_drill_file(drill_dir() + "/figure4_self_test.json");
  REQUIRE(f.ok());
  CHECK(f->kind == "test");
  CHECK(f->summary.find("External Rotation") != std::string::npos);
  CHECK(f->summary.find("ABduction") != std::string::npos);
}

TEST_CASE("dosage follows the brief: band rotation 3x15, clamshell 3x20 per side, cable pulls 3x12 per leg, 5 minutes daily") {
  auto dose = [&](const char* id) {
    auto d = load_drill_file(drill_dir() + "/" + id + ".json");
    REQUIRE(d.ok());
    return d->dosage;
  };
  const Dosage band = dose("seated_band_internal_rotation");
  CHECK(band.sets == 3);
  CHECK(band.reps == 15);
  const Dosage clam = dose("clamshell");
  CHECK(clam.sets == 3);
  CHECK(clam.reps == 20);
  CHECK(clam.per_side);
  const Dosage cable = dose("standing_cable_internal_rotation");
  CHECK(cable.sets == 3);
  CHECK(cable.reps == 12);
  CHECK(cable.per_side);
  CHECK(dose("ninety_ninety_hip_switch").daily_minutes == 5.0);
}

TEST_CASE("PAILs are an external-rotation effort and RAILs an internal-rotation effort in both PAILs/RAILs drills") {
  for (const char* id : {"ir_pails_rails_supine", "ir_pails_rails_9090"}) {
    auto d = load_drill_file(drill_dir() + "/" + id + ".json");
    REQUIRE(d.ok());
    bool pails = false, rails = false, passive = false;
    for (const Phase& p : d->phases) {
      if (p.name.find("Passive") != std::string::npos) passive = p.hold;
      for (const auto& e : p.loads.loads.efforts) {
        if (p.name.find("PAILs") != std::string::npos) pails = e.coord == anatomy::LegCoord::kHipRotation && e.fraction < 0;
        if (p.name.find("RAILs") != std::string::npos) rails = e.coord == anatomy::LegCoord::kHipRotation && e.fraction > 0;
      }
    }
    CHECK_MESSAGE(passive, id);
    CHECK_MESSAGE(pails, id);
    CHECK_MESSAGE(rails, id);
  }
}

// Issue 12: "contacts with the floor, mat, chair or bench stay within 1 cm in holds". Every landmark
// contact of every shipped drill, sampled at 100 times on both sides, in its hold phases and
// the phases that keep their pose (the side-lying rest pose floated 4.5 cm): a landmark
// on the floor has its skin (sphere bottom) within 1 cm of y = 0, and a landmark on another landmark
// (a head on a hand, a hand on a thigh, the top foot on the bottom one) has its skin within 1 cm of
// the other's: neither floating nor sunk in by more. A segment "on support" (the seat) acts where the
// drawn bench top is by construction (session/view_state.cpp drill_props, tests/session/props_test).
TEST_CASE("in holds and rests every landmark contact of the shipped drills touches its surface within 1 cm") {
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(!f.drills.empty());
  for (const Drill& drill : f.drills)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE(tl.ok());
      double worst = 0.0;
      std::string worst_what;
      for (int i = 0; i <= 99; ++i) {
        const double time = tl->duration() * i / 99.0;
        const DrillFrame fr = tl->evaluate(time);
        // Holds, and phases that keep their pose (no keyframes: a setup "Rest").
        const bool still = tl->drill().phases[static_cast<std::size_t>(fr.phase_index)].keyframes.empty();
        if (!fr.hold && !still) continue;
        const ContactSpheres s = contact_spheres(fr.legs, fr.upper);
        for (const DrillContact& c : tl->drill().contacts_of(fr.phase_index)) {
          const std::optional<double> g = contact_gap(c, s, fr.pelvis_world);
          if (!g) continue;
          const double gap = *g;
          if (std::abs(gap) > std::abs(worst)) {
            worst = gap;
            worst_what = contact_label(c) + " in '" + fr.phase_name + "'";
          }
          CHECK_MESSAGE(std::abs(gap) <= 0.01, drill.id << std::string(side == anatomy::Side::kRight ? " right " : " left ") << "t=" << time
                                                        << " '" << fr.phase_name << "': " << contact_label(c) << " is "
                                                        << gap * 100.0 << " cm from its surface");
        }
      }
      MESSAGE(drill.id << std::string(side == anatomy::Side::kRight ? " right" : " left") << ": worst contact gap in holds "
                       << worst * 100.0 << " cm (" << worst_what << ")");
    }
}

TEST_CASE("the 90/90 hip switch plants both hands on the floor behind the pelvis in its holds") {
  auto d = load_drill_file(drill_dir() + "/ninety_ninety_hip_switch.json");
  REQUIRE(d.ok());
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    auto tl = Timeline::build(d.value(), side);
    REQUIRE(tl.ok());
    for (const char* phase : {"Right front (hold)", "Left front (hold)"}) {
      const int i = tl->find_phase_instance(phase);
      REQUIRE(i >= 0);
      const auto& in = tl->instances()[static_cast<std::size_t>(i)];
      const DrillFrame f = tl->evaluate(in.start_s + 0.5 * in.duration_s);
      const ContactSpheres s = contact_spheres(f.legs, f.upper);
      const auto h = contact_heights(s, f.pelvis_world);
      for (ContactPoint hand : {ContactPoint::kHandR, ContactPoint::kHandL}) {
        INFO(phase << " " << contact_name(hand));
        CHECK(std::abs(h[contact_index(hand)]) < 0.01);
        CHECK(s.centre[contact_index(hand)].x < -0.1);  // behind the hip joints (pelvis frame, x anterior)
      }
    }
  }
}

// Issue 12: "under the head when side-lying" — the head rests on the bottom arm. Every side-lying
// drill names the side of the head resting on the bottom (mat-side) upper arm, and in every one of
// 100 samples (not only holds: the head stays put while the top leg moves), on both working sides,
// the two skins (contact spheres, floor_contacts.h) are within 1 cm: the head neither hangs in the
// air nor sinks into the arm. The neck (anatomy/upper_body.h) bends toward the mat to get there,
// inside its range (checked with the other joints above).
TEST_CASE("side-lying, the head rests on the bottom arm within 1 cm in every frame, the neck bent toward the mat") {
  const DrillFolder f = load_drill_folder(drill_dir());
  int side_lying = 0;
  for (const Drill& drill : f.drills) {
    if (drill.posture != biomech::Posture::kSideLying) continue;
    ++side_lying;
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE(tl.ok());
      // The working (top) side is `side`; the head rests on the other side's arm.
      const anatomy::Side bottom = side == anatomy::Side::kRight ? anatomy::Side::kLeft : anatomy::Side::kRight;
      const ContactPoint head = bottom == anatomy::Side::kLeft ? ContactPoint::kHeadSideL : ContactPoint::kHeadSideR;
      const ContactPoint arm = bottom == anatomy::Side::kLeft ? ContactPoint::kUpperArmL : ContactPoint::kUpperArmR;
      double worst = 0.0;
      for (int i = 0; i <= 99; ++i) {
        const double time = tl->duration() * i / 99.0;
        const DrillFrame fr = tl->evaluate(time);
        bool named = false;
        for (const DrillContact& c : tl->drill().contacts_of(fr.phase_index)) {
          if (c.at != head || c.on != biomech::ContactSurface::kBody || c.other != arm) continue;
          named = true;
          CHECK_FALSE(c.carries);  // the head's weight is not part of the hip's effort solve
          const double gap = contact_gap(c, contact_spheres(fr.legs, fr.upper), fr.pelvis_world).value();
          worst = std::max(worst, std::abs(gap));
          CHECK_MESSAGE(std::abs(gap) <= 0.01, drill.id << " t=" << time << ": the head is " << gap * 100.0 << " cm from the arm");
        }
        CHECK_MESSAGE(named, drill.id << " '" << fr.phase_name << "' names no head on the bottom arm");
        // Bent toward the mat: + bending is toward the right, so toward a bottom left side is -.
        const double toward_mat = bottom == anatomy::Side::kLeft ? -fr.upper.neck_bending : fr.upper.neck_bending;
        CHECK(toward_mat > deg_to_rad(20.0));
      }
      MESSAGE(drill.id << std::string(side == anatomy::Side::kRight ? " right" : " left") << ": head on the arm, worst gap " << worst * 100.0 << " cm");
    }
  }
  CHECK(side_lying == 5);
}

// Issue 12: "where the hands are (... holding a cable ...)". The standing cable drill's cue says "Hold
// the machine, stand tall": in every one of 100 samples, on both working sides, the standing-side
// hand holds the machine's handle — the middle of its grip (the hand landmark's centre) within 1 cm
// of the handle the drill names — and the handle is beside the cable's column (within 0.6 m of the
// pulley horizontally), on the standing side.
TEST_CASE("the standing cable drill's hand holds the machine's handle within 1 cm in every frame") {
  auto d = load_drill_file(drill_dir() + "/standing_cable_internal_rotation.json");
  REQUIRE(d.ok());
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    auto tl = Timeline::build(d.value(), side);
    REQUIRE(tl.ok());
    const anatomy::Side standing = side == anatomy::Side::kRight ? anatomy::Side::kLeft : anatomy::Side::kRight;
    double worst = 0.0;
    for (int i = 0; i <= 99; ++i) {
      const DrillFrame fr = tl->evaluate(tl->duration() * i / 99.0);
      REQUIRE_MESSAGE(fr.grip.has_value(), "'" << fr.phase_name << "' names no grip");
      CHECK(fr.grip->hand == standing);
      const double gap = grip_gap(*fr.grip, contact_spheres(fr.legs, fr.upper));
      worst = std::max(worst, gap);
      CHECK_MESSAGE(gap <= 0.01, "t=" << fr.time_s << ": the hand is " << gap * 100.0 << " cm from the handle");
      REQUIRE(!fr.loads.cables.empty());
      const glm::dvec3 pulley = fr.loads.cables[0].pulley_world;
      CHECK(std::hypot(pulley.x - fr.grip->at.x, pulley.z - fr.grip->at.z) < 0.6);
      CHECK((standing == anatomy::Side::kLeft ? -fr.grip->at.z : fr.grip->at.z) > 0.3);
    }
    MESSAGE(std::string(side == anatomy::Side::kRight ? "right" : "left") << ": the hand holds the handle, worst " << worst * 100.0 << " cm");
  }
}

// Issue 12: "drills pose the whole person" — and move it as a person moves: the arms (shoulder
// flexion and abduction, elbow flexion: authored, then moved by the hands' reach, hand_reach.h) change
// by less than 10 deg from one 1/30 s frame to the next in every built-in drill, on both sides. The
// bound is a sane one, not a literature figure: 300 deg/s, a brisk reach; a drill's arms move much
// more slowly (the 90/90 switch's fastest, 8 deg a frame, is the hand following the pelvis as it
// rolls). Before, the 90/90 switch's hands could not reach the floor mid-switch (the body stood on
// its feet) and the reach threw the arms overhead and back: 240 deg in one frame.
TEST_CASE("the arms move smoothly: shoulder and elbow angles change by less than 10 deg a 1/30 s frame in every drill") {
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(!f.drills.empty());
  constexpr double kFrame = 1.0 / 30.0;
  const double limit = deg_to_rad(10.0);
  const Channel arm[] = {Channel::kShoulderFlexionR, Channel::kShoulderAbductionR, Channel::kElbowFlexionR,
                         Channel::kShoulderFlexionL, Channel::kShoulderAbductionL, Channel::kElbowFlexionL};
  for (const Drill& drill : f.drills) {
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE_MESSAGE(tl.ok(), drill.id);
      double worst = 0.0, worst_t = 0.0;
      ChannelValues prev = tl->evaluate(0.0).channels;
      for (double t = kFrame; t <= tl->duration() + 1e-9; t += kFrame) {
        const ChannelValues now = tl->evaluate(t).channels;
        for (Channel c : arm) {
          const double d = std::abs(now[c] - prev[c]);
          if (d > worst) worst = d, worst_t = t;
        }
        prev = now;
      }
      MESSAGE(drill.id << std::string(side == anatomy::Side::kRight ? " right" : " left") << ": the arms' largest change in a frame "
                       << rad_to_deg(worst) << " deg at " << worst_t << " s");
      CHECK_MESSAGE(worst < limit, drill.id << " at " << worst_t << " s: " << rad_to_deg(worst) << " deg in one frame");
    }
  }
}
