// Tests src/app/camera_glide.h: a glide starts on the current camera and ends exactly on the
// target, eases in (slower than linear at first), zooms geometrically, takes the short way round
// in yaw, and stops when cancelled; a camera request's target (presets frame the model, the
// working-hip close-up looks at the hip from the working side).
#include <doctest/doctest.h>

#include <cmath>

#include "app/camera_glide.h"

using namespace hiplab;
using app::CameraGlide;

namespace {

OrbitCamera camera(glm::vec3 target, float yaw, float pitch, float distance) {
  OrbitCamera c;
  c.target = target;
  c.yaw = yaw;
  c.pitch = pitch;
  c.distance = distance;
  return c;
}

}  // namespace

TEST_CASE("Camera glide: starts where the camera is and ends exactly on the target") {
  const OrbitCamera a = camera({0, 0, 0}, 0.0f, 0.1f, 4.0f);
  OrbitCamera b = camera({1, 2, 3}, 1.0f, 0.5f, 0.25f);
  b.scene_radius = 2.5f;
  CameraGlide g;
  CHECK_FALSE(g.active());
  g.begin(a, b, 10.0);
  CHECK(g.active());
  OrbitCamera c = a;
  g.apply(c, 10.0);
  CHECK(c.distance == doctest::Approx(4.0f));
  CHECK(c.yaw == doctest::Approx(0.0f));
  CHECK(c.target.x == doctest::Approx(0.0f));
  g.apply(c, 10.0 + g.duration + 0.01);
  CHECK_FALSE(g.active());
  CHECK(c.target.x == doctest::Approx(1.0f));
  CHECK(c.target.y == doctest::Approx(2.0f));
  CHECK(c.target.z == doctest::Approx(3.0f));
  CHECK(c.yaw == doctest::Approx(1.0f));
  CHECK(c.pitch == doctest::Approx(0.5f));
  CHECK(c.distance == doctest::Approx(0.25f));
  CHECK(c.scene_radius == doctest::Approx(2.5f));
  // Once ended, the camera is the user's again: applying changes nothing.
  c.yaw = 2.0f;
  g.apply(c, 20.0);
  CHECK(c.yaw == 2.0f);
}

TEST_CASE("Camera glide: eases in and out, halfway at half time, and zooms geometrically") {
  const OrbitCamera a = camera({0, 0, 0}, 0.0f, 0.0f, 4.0f);
  const OrbitCamera b = camera({2, 0, 0}, 0.0f, 0.0f, 0.25f);
  CameraGlide g;
  g.begin(a, b, 0.0);
  OrbitCamera c = a;
  g.apply(c, 0.25 * g.duration);
  // smoothstep(0.25) = 0.15625: a quarter of the time covers less than a quarter of the way.
  CHECK(c.target.x == doctest::Approx(2.0f * 0.15625f));
  g.apply(c, 0.5 * g.duration);
  CHECK(c.target.x == doctest::Approx(1.0f));
  // Halfway in a geometric zoom is the geometric mean: sqrt(4 * 0.25) = 1 m (linear would be 2.125).
  CHECK(c.distance == doctest::Approx(1.0f));
  CHECK(g.active());
}

TEST_CASE("Camera glide: yaw takes the short way round") {
  // From just short of +pi to just past -pi: 0.28 rad through pi, not 6 rad back through 0.
  const OrbitCamera a = camera({0, 0, 0}, 3.0f, 0.0f, 1.0f);
  const OrbitCamera b = camera({0, 0, 0}, -3.0f, 0.0f, 1.0f);
  CameraGlide g;
  g.begin(a, b, 0.0);
  CHECK(g.to.yaw == doctest::Approx(2.0 * 3.14159265 - 3.0).epsilon(1e-5));
  OrbitCamera c = a;
  g.apply(c, 0.5 * g.duration);
  CHECK(std::abs(c.yaw) > 3.0f);  // through pi, not through 0
  g.apply(c, g.duration);
  // The same direction as -3 rad, a whole turn on.
  CHECK(std::cos(c.yaw) == doctest::Approx(std::cos(-3.0f)));
  CHECK(std::sin(c.yaw) == doctest::Approx(std::sin(-3.0f)));
}

TEST_CASE("Camera glide: cancel stops the glide where it is") {
  const OrbitCamera a = camera({0, 0, 0}, 0.0f, 0.0f, 2.0f);
  const OrbitCamera b = camera({1, 0, 0}, 0.0f, 0.0f, 2.0f);
  CameraGlide g;
  g.begin(a, b, 0.0);
  OrbitCamera c = a;
  g.apply(c, 0.5 * g.duration);
  g.cancel();
  CHECK_FALSE(g.active());
  const float x = c.target.x;
  g.apply(c, g.duration);
  CHECK(c.target.x == x);
}

TEST_CASE("Camera glide: a glide that ended is the same view as its target, a moved camera is not") {
  // The window frames a resized window again only while the camera is the framing's (app/camera_moves.h
  // reframe_if_view_changed): after a glide the short way round (yaw a whole turn on), still the same.
  const OrbitCamera a = camera({0, 0, 0}, 3.0f, 0.1f, 2.0f);
  OrbitCamera b = camera({0.1f, 0.9f, 0}, -3.0f, 0.2f, 1.5f);
  b.lens_shift = {-0.03f, 0.02f};
  CameraGlide g;
  g.begin(a, b, 0.0);
  OrbitCamera c = a;
  g.apply(c, 0.5 * g.duration);
  CHECK_FALSE(app::same_view(c, b, false));  // halfway
  g.apply(c, g.duration);
  CHECK(c.yaw != b.yaw);  // a whole turn apart ...
  CHECK(app::same_view(c, b, false));  // ... but the same view
  OrbitCamera moved = c;
  moved.orbit(4.0f, 0.0f);  // the user orbits
  CHECK_FALSE(app::same_view(moved, b, false));
  moved = c;
  moved.distance *= 0.88f;  // zooms
  CHECK_FALSE(app::same_view(moved, b, false));
  moved = c;
  moved.lens_shift.x += 0.01f;
  CHECK_FALSE(app::same_view(moved, b, false));
  moved = c;
  moved.target.x += 0.01f;  // pans, or "follow the hip" moves the target
  CHECK_FALSE(app::same_view(moved, b, false));
  CHECK(app::same_view(moved, b, true));
}

TEST_CASE("Camera request: presets frame the model, the close-up looks at the working hip") {
  const OrbitCamera cur = camera({5, 5, 5}, 0.3f, 0.4f, 7.0f);
  Aabb box;
  box.min = {-0.2f, 0.0f, -0.3f};
  box.max = {0.2f, 1.8f, 0.3f};
  const glm::vec3 hip{0.1f, 0.9f, 0.08f};
  auto fit = [&](OrbitCamera& c) { c.frame(box, 1.5f); };

  const OrbitCamera front = app::camera_request_target(ui::CameraRequest::kFront, cur, fit, anatomy::Side::kRight, hip);
  OrbitCamera expected = cur;
  expected.set_preset(ViewPreset::kFront);
  CHECK(front.yaw == doctest::Approx(expected.yaw));
  CHECK(front.target.y == doctest::Approx(0.9f));  // the box's centre
  CHECK(front.distance < cur.distance);             // framed: close enough to fill the view

  // Frame keeps the direction and moves to the box.
  const OrbitCamera framed = app::camera_request_target(ui::CameraRequest::kFrame, cur, fit, anatomy::Side::kRight, hip);
  CHECK(framed.yaw == doctest::Approx(cur.yaw));
  CHECK(framed.pitch == doctest::Approx(cur.pitch));
  CHECK(framed.target.y == doctest::Approx(0.9f));

  // The close-up: from the working side, turned 0.6 rad toward the front, 0.35 rad above, 0.75 m.
  OrbitCamera right_side = cur;
  right_side.set_preset(ViewPreset::kRight);
  const OrbitCamera r = app::camera_request_target(ui::CameraRequest::kWorkingHip, cur, fit, anatomy::Side::kRight, hip);
  CHECK(r.yaw == doctest::Approx(right_side.yaw + 0.6f));
  CHECK(r.pitch == doctest::Approx(0.35f));
  CHECK(r.distance == doctest::Approx(0.75f));
  CHECK(r.target.z == doctest::Approx(hip.z));
  OrbitCamera left_side = cur;
  left_side.set_preset(ViewPreset::kLeft);
  const OrbitCamera l = app::camera_request_target(ui::CameraRequest::kWorkingHip, cur, fit, anatomy::Side::kLeft, hip);
  CHECK(l.yaw == doctest::Approx(left_side.yaw - 0.6f));
  // Without a body model there is no hip: the camera stays.
  const OrbitCamera none = app::camera_request_target(ui::CameraRequest::kWorkingHip, cur, fit, anatomy::Side::kRight, std::nullopt);
  CHECK(none.distance == cur.distance);
  CHECK(none.yaw == cur.yaw);
  const OrbitCamera same = app::camera_request_target(ui::CameraRequest::kNone, cur, fit, anatomy::Side::kRight, hip);
  CHECK(same.target.x == cur.target.x);
}
