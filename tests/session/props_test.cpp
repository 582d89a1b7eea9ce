// Tests session::drill_props and scene/props.h with the shipped drills: the mat lies under every
// floor contact of the drills done on the floor, the bench top is where the seated drill's seat
// contacts act, and the band and the cable are drawn along the line the effort solve pulls along
// (the anchor the drill file names, the point on the leg), the band thinner when stretched.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "biomech/posture.h"
#include "motion/floor_contacts.h"
#include "scene/props.h"
#include "session/session.h"
#include "session/view_state.h"

using namespace hiplab;

namespace {

session::Session drills() {
  session::Session s;
  s.load_drills(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills", "");
  return s;
}

// Inside the mat's rectangle (xz), with a margin.
bool on_mat(const Props& p, glm::vec3 x, float margin) {
  const glm::vec3 d = x - p.mat_centre;
  const glm::vec3 side = glm::normalize(glm::cross(p.mat_axis, glm::vec3(0, 1, 0)));
  return std::abs(glm::dot(d, p.mat_axis)) <= 0.5f * p.mat_size.x - margin && std::abs(glm::dot(d, side)) <= 0.5f * p.mat_size.y - margin;
}

}  // namespace

TEST_CASE("props: every floor contact of a drill done on the floor lies on its mat, through the whole drill") {
  session::Session s = drills();
  int checked = 0;
  for (std::size_t d = 0; d < s.drills().size(); ++d) {
    REQUIRE(s.select_drill(static_cast<int>(d)).ok());
    const biomech::Posture posture = s.current_pose().posture;
    const bool floor = posture != biomech::Posture::kStanding && posture != biomech::Posture::kSeated;
    INFO(s.drill()->id);
    for (int i = 0; i <= 40; ++i) {
      s.playback().scrub(s.timeline()->duration() * i / 40.0);
      const session::PoseSource pose = s.current_pose();
      session::ComputedFrame f;
      session::compute_frame(pose, s.view, f);
      const Props& p = f.request.props;
      CHECK(p.mat == floor);
      if (!floor) continue;
      for (std::size_t k = 0; k < f.contacts.size(); ++k) {
        if (pose.loads.contacts[k].on != biomech::ContactSurface::kFloor) continue;
        const glm::vec3 d = glm::vec3(f.contacts[k].point) - p.mat_centre;
        INFO(f.contacts[k].label << " at sample " << i << ": " << glm::dot(d, p.mat_axis) << " m along the mat, "
                                 << glm::dot(d, glm::normalize(glm::cross(p.mat_axis, glm::vec3(0, 1, 0)))) << " m across");
        CHECK(on_mat(p, glm::vec3(f.contacts[k].point), 0.03f));

        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("props: the seated drill's bench top is where its seat contacts act") {
  session::Session s = drills();
  REQUIRE(s.select_drill(s.find_drill("seated_band_internal_rotation")).ok());
  const session::PoseSource pose = s.current_pose();
  REQUIRE(pose.posture == biomech::Posture::kSeated);
  session::ComputedFrame f;
  session::compute_frame(pose, s.view, f);
  const Props& p = f.request.props;
  REQUIRE(p.seat_top.has_value());
  CHECK_FALSE(p.mat);
  int seat = 0;
  for (std::size_t k = 0; k < f.contacts.size(); ++k) {
    if (pose.loads.contacts[k].on != biomech::ContactSurface::kSupport) continue;
    ++seat;
    const glm::vec3 x(f.contacts[k].point);
    CHECK(x.y >= p.seat_top->y - 1e-4f);       // nothing sits inside the bench
    // Each seat contact is on it: the sitting bones' skin within 3 cm; a thigh's support acts at
    // its centre of mass, inside the thigh (under 8 cm up: about half an adult thigh's thickness).
    CHECK(x.y <= p.seat_top->y + (pose.loads.contacts[k].at.centre_of_mass ? 0.08f : 0.03f));
    const glm::vec3 d = x - *p.seat_top;
    CHECK(std::abs(glm::dot(d, p.seat_axis)) <= 0.5f * p.seat_size.x);
  }
  CHECK(seat > 0);
  CHECK(p.seat_top->y > 0.3f);  // a bench, not a mat: the seated drill sits at chair height
}

TEST_CASE("props: the band and the cable are drawn along the effort solve's pull, from the leg to the file's anchor") {
  session::Session s = drills();
  for (const char* id : {"seated_band_internal_rotation", "standing_cable_internal_rotation"}) {
    INFO(std::string(id));
    REQUIRE(s.select_drill(s.find_drill(id)).ok());
    bool found = false;
    for (int i = 0; i <= 40 && !found; ++i) {
      s.playback().scrub(s.timeline()->duration() * i / 40.0);
      const session::PoseSource pose = s.current_pose();
      if (pose.loads.bands.empty() && pose.loads.cables.empty()) continue;
      found = true;
      session::ComputedFrame f;
      session::compute_frame(pose, s.view, f);
      const Props& p = f.request.props;
      REQUIRE(p.pulls.size() == pose.loads.bands.size() + pose.loads.cables.size());
      // The anchor or pulley of the drill file (biomech world: pelvis origin, posture axes), placed in
      // the scene the way the pelvis is: the drawn end must be that point.
      const glm::dmat3 w2p = glm::transpose(biomech::pelvis_to_world(pose.posture));
      std::size_t k = 0;
      for (const biomech::ElasticBand& b : pose.loads.bands) {
        const glm::vec3 anchor(pose.pelvis_world * glm::dvec4(w2p * b.anchor_world, 1.0));
        CHECK(glm::length(p.pulls[k].target - anchor) < 1e-4f);
        CHECK(p.pulls[k].elastic);
        // Its stretch is its drawn length over the rest length; stretched, it is drawn thinner.
        const float len = glm::length(p.pulls[k].target - p.pulls[k].attachment);
        if (b.rest_length_m > 0.0) CHECK(p.pulls[k].stretch == doctest::Approx(len / b.rest_length_m).epsilon(1e-3));
        if (p.pulls[k].stretch > 1.05f) CHECK(band_radius(p.pulls[k].stretch) < kBandRadius);
        ++k;
      }
      for (const biomech::Cable& c : pose.loads.cables) {
        const glm::vec3 pulley(pose.pelvis_world * glm::dvec4(w2p * c.pulley_world, 1.0));
        CHECK(glm::length(p.pulls[k].target - pulley) < 1e-4f);
        CHECK_FALSE(p.pulls[k].elastic);
        ++k;
      }
      // The leg end is near the ankle the file names (within a shank's width of the posed body's
      // lowest points, well off the thigh): below the knee, i.e. lower than the pelvis by 0.5 m or more.
      for (const PropPull& q : p.pulls) CHECK(q.attachment.y < static_cast<float>(pose.pelvis_world[3].y) - 0.35f);
      // Drawn: one part per pull (the cable's stack too), each along its line.
      DrawList list;
      add_props(p, list);
      REQUIRE(list.dynamic_meshes.size() == 1);
      const DynamicMesh& m = list.dynamic_meshes[0];
      const PropPull& q = p.pulls.front();
      const float r = q.elastic ? band_radius(q.stretch) : kCableRadius;
      int near_line = 0;  // in the part drawn along it
      for (const MeshDraw& part : list.meshes) {
        int n = 0;
        for (int i2 = 0; i2 < part.index_count; ++i2) {
          const glm::vec3 x = m.vertices[m.indices[static_cast<std::size_t>(part.first_index + i2)]].position;
          const glm::vec3 ab = q.target - q.attachment;
          const float t = std::clamp(glm::dot(x - q.attachment, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
          n += glm::length(x - (q.attachment + t * ab)) <= r + 1e-4f;
        }
        near_line = std::max(near_line, n);
      }
      CHECK(near_line >= 16);  // the tube's rings at both ends
    }
    CHECK(found);
  }
}

TEST_CASE("props: the mat is drawn by the floor (no geometry of its own), where the props put it") {
  session::Session s = drills();
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  session::ComputedFrame f;
  session::compute_frame(s.current_pose(), s.view, f);
  const Props& p = f.request.props;
  REQUIRE(p.mat);
  DrawList list;
  add_props(p, list);
  CHECK(list.floor.mat);
  CHECK(list.floor.mat_centre == glm::vec2(p.mat_centre.x, p.mat_centre.z));
  CHECK(glm::length(list.floor.mat_axis) == doctest::Approx(1.0f));
  CHECK(list.floor.mat_half == 0.5f * p.mat_size);
  CHECK(list.meshes.empty());  // the side-lying clamshell has no bench, band or cable
}

TEST_CASE("props: none when the view turns them off, none standing without a band or cable") {
  session::Session s = drills();
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  session::ComputedFrame f;
  s.view.props = false;
  session::compute_frame(s.current_pose(), s.view, f);
  CHECK_FALSE(f.request.props.mat);
  DrawList list;
  add_props(f.request.props, list);
  CHECK(list.meshes.empty());
  CHECK(list.dynamic_meshes.empty());
  CHECK_FALSE(list.floor.mat);
}

TEST_CASE("the body's mass set in the view reaches the effort solve: the floor carries a heavier leg harder") {
  session::Session s = drills();
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  auto total_push = [&](double mass) {
    s.view.body.mass_kg = mass;
    session::ComputedFrame f;
    session::compute_frame(s.current_pose(), s.view, f);
    double n = 0.0;
    for (const session::ContactArrow& c : f.contacts) n += c.push_n;
    return n;
  };
  const double light = total_push(50.0), heavy = total_push(100.0), heavier = total_push(150.0);
  CHECK(light > 1.0);
  // Segment masses scale with body mass (de Leva 1996): each added 50 kg adds about the same push
  // (the weight part grows in proportion; the part that carries the passive muscle forces, which do
  // not depend on mass, stays: the clamshell's rest has the bottom foot on its outer edge only).
  CHECK(heavy > light);
  CHECK((heavier - heavy) / (heavy - light) == doctest::Approx(1.0).epsilon(0.05));
}

TEST_CASE("props: the supine PAILs draws a partner's hand at the ankle, on the side the external-rotation effort pushes toward") {
  session::Session s = drills();
  REQUIRE(s.select_drill(s.find_drill("ir_pails_rails_supine")).ok());
  auto at_phase = [&](const char* name) {
    const int i = s.timeline()->find_phase_instance(name);
    REQUIRE(i >= 0);
    const auto& in = s.timeline()->instances()[static_cast<std::size_t>(i)];
    s.playback().scrub(in.start_s + 0.5 * in.duration_s);
    session::ComputedFrame f;
    session::compute_frame(s.current_pose(), s.view, f);
    return f.request.props;
  };
  const Props pails = at_phase("PAILs: push the foot in");
  REQUIRE(pails.partner_hand.has_value());
  // The palm rests on the ankle's skin (contact sphere, floor_contacts.h): its centre 1.2 cm (half
  // the palm's thickness) outside it, within 5 mm.
  const session::PoseSource pose = s.current_pose();
  const motion::ContactSpheres sp = motion::contact_spheres(pose.legs, pose.upper);
  const int ankle = motion::contact_index(motion::ContactPoint::kAnkleR);
  const glm::vec3 centre(pose.pelvis_world * glm::dvec4(sp.centre[static_cast<std::size_t>(ankle)], 1.0));
  CHECK(glm::length(pails.partner_hand->palm - centre) == doctest::Approx(sp.radius[static_cast<std::size_t>(ankle)] + 0.012).epsilon(0.1));
  // External rotation (the PAILs effort) moves the ankle toward the hand: it resists that push.
  anatomy::LegAngles out = pose.legs;
  out.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipRotation] -= 0.05;
  const glm::vec3 moved(pose.pelvis_world * glm::dvec4(motion::contact_spheres(out, pose.upper).centre[static_cast<std::size_t>(ankle)], 1.0));
  CHECK(glm::dot(moved - centre, pails.partner_hand->palm - centre) > 0.0f);
  CHECK(glm::dot(pails.partner_hand->press, pails.partner_hand->palm - centre) < 0.0f);  // it presses toward the ankle
  DrawList list;
  add_props(pails, list);
  CHECK_FALSE(list.meshes.empty());
  // RAILs: the partner lets go.
  CHECK_FALSE(at_phase("RAILs: pull further in").partner_hand.has_value());
}
