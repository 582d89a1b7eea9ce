// Tests src/scene/force_arrows.h and the window's contact-arrow toggle (session::ViewSettings::
// contact_arrows): each force of 1 N or more becomes a shaft ending at its contact point, a head and
// a label in newtons, 2 mm per newton within 2..35 cm; with the toggle on, the shipped clamshell at
// the top of its lift draws one arrow per contact that carries load, and none with it off.
#include <doctest/doctest.h>

#include "scene/force_arrows.h"
#include "session/session.h"

using namespace hiplab;

TEST_CASE("force arrows: end at the contact point, 2 mm per newton, small forces left out") {
  DrawList list;
  const std::vector<ForceArrow> arrows = {{{0, 0, 0}, {0, 50, 0}}, {{1, 0, 0}, {0, 0.5f, 0}}, {{2, 0, 0}, {0, 1000, 0}}};
  CHECK(add_force_arrows(arrows, list) == 2);
  REQUIRE(list.overlay_lines.size() == 2);
  // 50 N straight up: the shaft starts 10 cm below the point and stops under the head.
  CHECK(list.overlay_lines[0].points[0].y == doctest::Approx(-0.10f));
  CHECK(list.overlay_lines[0].points[1].y < 0.0f);
  CHECK(list.overlay_lines[0].points[1].y > -0.04f);
  // 1000 N is capped at 35 cm.
  CHECK(list.overlay_lines[1].points[0].y == doctest::Approx(-0.35f));
  REQUIRE(list.overlay_labels.size() == 2);
  CHECK(list.overlay_labels[0].text == "50 N");
  CHECK(list.overlay_triangles.size() == 2);
}

TEST_CASE("force arrows: the toggle draws the clamshell's contact forces, off draws none") {
  session::Session s;
  s.load_drills(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills", "");
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  const motion::Timeline* tl = s.timeline();
  REQUIRE(tl != nullptr);
  const int open = tl->find_phase_instance("Open");
  REQUIRE(open >= 0);
  s.playback().scrub(tl->instances()[static_cast<std::size_t>(open)].start_s + 1.0);
  s.view.overlay = false;
  session::ComputedFrame off, on;
  session::compute_frame(s.current_pose(), s.view, off);
  CHECK(off.request.contact_forces.empty());
  s.view.contact_arrows = true;
  session::compute_frame(s.current_pose(), s.view, on);
  REQUIRE_FALSE(on.contacts.empty());
  CHECK(on.request.contact_forces.size() == on.contacts.size());
  DrawList list;
  int loaded = 0;
  for (const auto& c : on.contacts) loaded += glm::length(c.force) >= 1.0;
  CHECK(loaded >= 3);  // the mat under the bottom leg and the bottom foot under the top one
  CHECK(add_force_arrows(on.request.contact_forces, list) == loaded);
}
