// Tests src/session/session.h: the hands-on pose (clamping, "at limit", undo/redo), taking over a
// playing drill's pose when a slider is grabbed, and switching the working side.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.h"
#include "motion/rom_limits.h"
#include "session/session.h"

using namespace hiplab;
using motion::Channel;

namespace {
std::string drills_dir() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/drills"; }
}  // namespace

TEST_CASE("hands-on angles are clamped to the range of motion and marked at the limit") {
  session::Session s;
  const Channel ir = motion::leg_channel(anatomy::Side::kRight, anatomy::LegCoord::kHipRotation);
  const double set = s.set_channel(ir, deg_to_rad(80.0));
  CHECK(set == doctest::Approx(motion::rom_limit(ir).max));
  CHECK(s.at_limit(ir));
  s.set_channel(ir, deg_to_rad(10.0));
  CHECK(s.channel(ir) == doctest::Approx(deg_to_rad(10.0)));
  CHECK_FALSE(s.at_limit(ir));
  // Non-finite input is ignored, never stored.
  s.set_channel(ir, std::numeric_limits<double>::quiet_NaN());
  CHECK(s.channel(ir) == doctest::Approx(deg_to_rad(10.0)));
  CHECK(s.current_pose().legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation] == doctest::Approx(deg_to_rad(10.0)));
}

TEST_CASE("pose edits undo and redo one gesture at a time, and reset returns to the anatomical position") {
  session::Session s;
  const Channel flex = motion::leg_channel(anatomy::Side::kLeft, anatomy::LegCoord::kHipFlexion);
  s.begin_pose_edit();  // one slider drag: many values, one undo step
  for (double d : {10.0, 20.0, 30.0}) s.set_channel(flex, deg_to_rad(d));
  s.end_pose_edit();
  s.begin_pose_edit();
  s.set_channel(flex, deg_to_rad(50.0));
  s.end_pose_edit();
  CHECK(s.channel(flex) == doctest::Approx(deg_to_rad(50.0)));
  s.undo();
  CHECK(s.channel(flex) == doctest::Approx(deg_to_rad(30.0)));
  s.undo();
  CHECK(s.channel(flex) == doctest::Approx(0.0));
  CHECK_FALSE(s.can_undo());
  s.redo();
  CHECK(s.channel(flex) == doctest::Approx(deg_to_rad(30.0)));
  s.reset_pose();
  CHECK(s.channel(flex) == doctest::Approx(0.0));
  s.undo();
  CHECK(s.channel(flex) == doctest::Approx(deg_to_rad(30.0)));
}

TEST_CASE("grabbing a slider pauses the playing drill and keeps its pose") {
  session::Session s;
  s.load_drills(drills_dir(), "");
  const int clam = s.find_drill("clamshell");
  REQUIRE(clam >= 0);
  REQUIRE(s.select_drill(clam).ok());
  s.playback().play();
  s.update(3.5);  // into the opening
  const Channel ir = motion::leg_channel(anatomy::Side::kRight, anatomy::LegCoord::kHipRotation);
  const double during = s.channel(ir);
  CHECK(during < -0.1);  // external rotation
  const auto pose_before = s.current_pose();
  s.begin_pose_edit();
  CHECK_FALSE(s.playback().playing());
  CHECK(s.mode() == session::Mode::kManual);
  CHECK(s.channel(ir) == doctest::Approx(during));
  const auto pose_after = s.current_pose();
  CHECK(pose_after.posture == pose_before.posture);
  for (int k = 0; k < 4; ++k)
    CHECK(pose_after.pelvis_world[3][k] == doctest::Approx(pose_before.pelvis_world[3][k]).epsilon(1e-9));
  s.end_pose_edit();
  // Play returns to the drill at the same time.
  s.set_mode(session::Mode::kDrill);
  CHECK(s.channel(ir) == doctest::Approx(during));
}

TEST_CASE("switching the working side mirrors the drill and keeps the time") {
  session::Session s;
  s.load_drills(drills_dir(), "");
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  s.playback().scrub(3.5);
  const double right = s.channel(motion::leg_channel(anatomy::Side::kRight, anatomy::LegCoord::kHipRotation));
  s.set_side(anatomy::Side::kLeft);
  CHECK(s.playback().time() == doctest::Approx(3.5));
  CHECK(s.channel(motion::leg_channel(anatomy::Side::kLeft, anatomy::LegCoord::kHipRotation)) == doctest::Approx(right));
  CHECK(s.current_pose().posture == biomech::Posture::kSideLyingOnRight);
}

TEST_CASE("hands-on mode keeps the drill's loads and contacts, and a reset drops them") {
  // Issue 13: grabbing a slider used to drop every load, so a leg lying on the floor was shown as
  // held up by muscles. The contacts taken over are the drill moment's (the clamshell's feet together).
  session::Session s;
  s.load_drills(drills_dir(), "");
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  s.playback().play();
  s.update(3.5);
  const auto in_drill = s.current_pose();
  REQUIRE_FALSE(in_drill.loads.contacts.empty());
  s.begin_pose_edit();
  s.set_channel(motion::leg_channel(anatomy::Side::kRight, anatomy::LegCoord::kHipRotation), deg_to_rad(-10.0));
  s.end_pose_edit();
  const auto manual = s.current_pose();
  REQUIRE(manual.loads.contacts.size() == in_drill.loads.contacts.size());
  for (size_t k = 0; k < manual.loads.contacts.size(); ++k)
    CHECK(manual.loads.contacts[k].label == in_drill.loads.contacts[k].label);
  bool feet = false;
  for (const auto& c : manual.loads.contacts) feet = feet || c.label == "ankle_r on ankle_l";
  CHECK(feet);
  s.reset_pose();
  CHECK(s.current_pose().loads.contacts.empty());
}

TEST_CASE("the computed frame lists each contact force for drawing: floor pushes point up at the floor") {
  session::Session s;
  s.load_drills(drills_dir(), "");
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  s.playback().play();
  s.update(3.5);
  const auto pose = s.current_pose();
  session::ViewSettings view;
  session::ComputedFrame frame;
  session::compute_frame(pose, view, frame);
  REQUIRE(frame.contacts.size() == pose.loads.contacts.size());
  double up = 0.0, lowest = 1e9;
  for (const session::ContactArrow& a : frame.contacts) {
    if (a.label.find(" on floor") == std::string::npos) continue;
    lowest = std::min(lowest, a.point.y);
    CHECK(a.point.y < 0.10);   // near the floor, in the scene's world
    CHECK(a.force.y >= 0.0);   // the floor pushes up
    up += a.force.y;
  }
  CHECK(std::abs(lowest) < 0.02);  // the body rests on the floor at its lowest contact
  CHECK(up > 10.0);                // the bottom leg lies on the floor
}
