// Tests src/ui/pose_panel.cpp's slider list (ui/panels.h pose_slider_groups): the Pose panel has
// neck sliders (flexion, side-bending, rotation) within the neck's AAOS ranges, and a value set
// the way a slider sets it (begin_pose_edit, set_channel, end_pose_edit) during a playing drill
// reaches the posed head of the shipped body model, about the axis its sign names, while the
// drill's loads and contacts stay with the pose (as for the hip and knee sliders).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <glm/gtc/quaternion.hpp>

#include "anatomy/kinematics.h"
#include "assets/model_loader.h"
#include "core/units.h"
#include "motion/rom_limits.h"
#include "scene/body_pose.h"
#include "session/session.h"
#include "ui/panels.h"

using namespace hiplab;
using motion::Channel;

namespace {

// The head's rotation against the trunk's (the head node in the torso node's frame).
glm::dmat3 head_in_torso(const Model& m, const session::PoseSource& p, NodeTransforms& pose) {
  pose_body_model(m, BodyPoseInput{p.legs, p.upper, p.pelvis_world}, pose);
  const glm::dmat3 torso(pose.world[static_cast<std::size_t>(m.find_node("torso"))]);
  const glm::dmat3 head(pose.world[static_cast<std::size_t>(m.find_node("head"))]);
  return glm::transpose(torso) * head;
}

}  // namespace

TEST_CASE("the Pose panel has neck sliders within the neck's range") {
  const ui::PoseSliderGroup* neck = nullptr;
  for (const ui::PoseSliderGroup& g : ui::pose_slider_groups())
    if (std::string(g.title) == "Neck") neck = &g;
  REQUIRE(neck != nullptr);
  REQUIRE(neck->sliders.size() == 3);
  CHECK(neck->sliders[0].channel == Channel::kNeckFlexion);
  CHECK(neck->sliders[1].channel == Channel::kNeckBending);
  CHECK(neck->sliders[2].channel == Channel::kNeckRotation);
  // AAOS 1965: flexion and extension 45, lateral bending 45, rotation 60 each way.
  CHECK(rad_to_deg(motion::rom_limit(Channel::kNeckFlexion).max) == doctest::Approx(45.0));
  CHECK(rad_to_deg(motion::rom_limit(Channel::kNeckBending).min) == doctest::Approx(-45.0));
  CHECK(rad_to_deg(motion::rom_limit(Channel::kNeckRotation).max) == doctest::Approx(60.0));
  // The hip and knee sliders are still there, both sides.
  int legs = 0;
  for (const ui::PoseSliderGroup& g : ui::pose_slider_groups())
    for (const ui::PoseSlider& sl : g.sliders) legs += motion::leg_coord_of(sl.channel).has_value();
  CHECK(legs == 8);
}

TEST_CASE("a neck slider's value reaches the posed head, and the drill's loads stay") {
  auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  const Model& m = loaded.value();
  NodeTransforms pose = NodeTransforms::bind(m);
  const ui::PoseSliderGroup* neck = nullptr;
  for (const ui::PoseSliderGroup& g : ui::pose_slider_groups())
    if (std::string(g.title) == "Neck") neck = &g;
  REQUIRE(neck != nullptr);
  // The axis each channel turns the head about, in the head's frame (anatomy/upper_body.h), and
  // the direction a positive value turns it.
  const glm::dvec3 axis[3] = {{0, 0, -1}, {1, 0, 0}, {0, 1, 0}};
  for (int k = 0; k < 3; ++k) {
    const Channel c = neck->sliders[static_cast<std::size_t>(k)].channel;
    CAPTURE(motion::channel_name(c));
    session::Session s;
    s.load_drills(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills", "");
    REQUIRE(s.select_drill(s.find_drill("standing_cable_internal_rotation")).ok());
    s.playback().play();
    s.update(1.0);
    const session::PoseSource in_drill = s.current_pose();
    REQUIRE_FALSE(in_drill.loads.cables.empty());
    // The slider: grabbed, dragged to 30 deg (the other neck channels to 0), let go.
    s.begin_pose_edit();
    for (const ui::PoseSlider& other : neck->sliders) s.set_channel(other.channel, 0.0);
    const glm::dmat3 level = head_in_torso(m, s.current_pose(), pose);
    s.set_channel(c, deg_to_rad(30.0));
    s.end_pose_edit();
    CHECK_FALSE(s.playback().playing());
    CHECK(rad_to_deg(s.channel(c)) == doctest::Approx(30.0));
    const session::PoseSource manual = s.current_pose();
    // The head turned 30 deg from level, about the channel's axis.
    const glm::dquat q = glm::quat_cast(glm::transpose(level) * head_in_torso(m, manual, pose));
    CHECK(rad_to_deg(glm::angle(q)) == doctest::Approx(30.0).epsilon(0.01));
    CHECK(glm::dot(glm::axis(q), axis[k]) > 0.999);
    // The drill's loads and contacts stay with the pose.
    CHECK(manual.loads.cables.size() == in_drill.loads.cables.size());
    CHECK(manual.loads.contacts.size() == in_drill.loads.contacts.size());
    // Past the range the slider stops at the limit.
    s.set_channel(c, deg_to_rad(90.0));
    CHECK(s.channel(c) == doctest::Approx(motion::rom_limit(c).max));
    CHECK(s.at_limit(c));
  }
}
