// Tests src/scene/camera.h: orbit camera maths (presets, framing, pan, zoom toward the cursor).
#include <doctest/doctest.h>

#include <cmath>

#include "scene/camera.h"

using namespace hiplab;

namespace {
glm::vec3 project(const OrbitCamera& c, glm::vec3 p, float aspect) {
  glm::vec4 clip = c.projection(aspect) * c.view() * glm::vec4(p, 1.0f);
  return glm::vec3(clip) / clip.w;
}
}  // namespace

TEST_CASE("presets look from the body's anatomical directions (OpenSim frame: x anterior, z right)") {
  OrbitCamera c;
  c.set_preset(ViewPreset::kFront);
  CHECK(c.eye().x > 0.9f * c.distance);  // in front of the body
  c.set_preset(ViewPreset::kBack);
  CHECK(c.eye().x < -0.9f * c.distance);
  c.set_preset(ViewPreset::kRight);
  CHECK(c.eye().z > 0.9f * c.distance);
  c.set_preset(ViewPreset::kLeft);
  CHECK(c.eye().z < -0.9f * c.distance);
  c.set_preset(ViewPreset::kTop);
  CHECK(c.eye().y > 0.99f * c.distance);
  // Seen from the front, the body's right side (+z) appears on the viewer's left.
  c.set_preset(ViewPreset::kFront);
  CHECK(project(c, {0, 0, 0.2f}, 1.0f).x < 0.0f);
}

TEST_CASE("parse_view_preset accepts the documented names only") {
  CHECK(parse_view_preset("front") == ViewPreset::kFront);
  CHECK(parse_view_preset("side") == ViewPreset::kRight);
  CHECK_FALSE(parse_view_preset("Front").has_value());
  CHECK_FALSE(parse_view_preset("").has_value());
}

TEST_CASE("frame puts every corner of the box inside the view, for wide and tall viewports") {
  Aabb box{{-0.3f, 0.0f, -0.2f}, {0.3f, 1.8f, 0.2f}};
  for (float aspect : {0.5f, 1.0f, 2.0f}) {
    OrbitCamera c;
    c.set_preset(ViewPreset::kFront);
    c.frame(box, aspect);
    for (int i = 0; i < 8; ++i) {
      glm::vec3 p((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y, (i & 4) ? box.max.z : box.min.z);
      glm::vec3 n = project(c, p, aspect);
      CHECK(std::fabs(n.x) <= 1.0f);
      CHECK(std::fabs(n.y) <= 1.0f);
      CHECK(n.z > -1.0f);
      CHECK(n.z < 1.0f);
    }
  }
}

TEST_CASE("zoom toward the cursor keeps the point under the cursor fixed") {
  OrbitCamera c;
  c.set_preset(ViewPreset::kRight);
  c.distance = 3.0f;
  const float aspect = 1.5f;
  const glm::vec2 cursor(0.5f, -0.25f);
  // The world point under the cursor at the target's depth.
  const float half_h = c.distance * std::tan(0.5f * c.fov_y);
  const glm::vec3 under = c.target + c.right() * (cursor.x * half_h * aspect) + c.up() * (cursor.y * half_h);
  c.zoom_toward(0.5f, cursor, aspect);
  CHECK(c.distance == doctest::Approx(1.5f));
  const glm::vec3 n = project(c, under, aspect);
  CHECK(n.x == doctest::Approx(cursor.x).epsilon(1e-4));
  CHECK(n.y == doctest::Approx(cursor.y).epsilon(1e-4));
}

TEST_CASE("pan moves the scene with the cursor, and orbit keeps pitch below the poles") {
  OrbitCamera c;
  c.set_preset(ViewPreset::kFront);
  const float aspect = 1.0f, h = 800.0f;
  const glm::vec3 p = c.target;
  const glm::vec3 before = project(c, p, aspect);
  c.pan(100.0f, 0.0f, h);  // drag 100 px to the right
  const glm::vec3 after = project(c, p, aspect);
  CHECK((after.x - before.x) * 0.5f * h == doctest::Approx(100.0f).epsilon(1e-3));
  c.orbit(0.0f, 100000.0f);
  CHECK(c.pitch <= OrbitCamera::kMaxPitch);
  c.orbit(0.0f, -100000.0f);
  CHECK(c.pitch >= -OrbitCamera::kMaxPitch);
}

TEST_CASE("unproject inverts the projection") {
  OrbitCamera c;
  c.yaw = 0.7f;
  c.pitch = 0.3f;
  const glm::vec3 p(0.1f, 0.2f, -0.3f);
  const glm::vec3 n = project(c, p, 1.3f);
  const glm::vec3 back = c.unproject(n, 1.3f);
  CHECK(glm::length(back - p) < 1e-4f);
}

TEST_CASE("camera: the mirror view swaps left and right on screen and keeps drags feeling the same") {
  OrbitCamera cam;
  cam.set_preset(ViewPreset::kFront);
  const float aspect = 1.5f;
  const glm::vec3 to_the_right = cam.target + 0.3f * cam.right();
  auto ndc_x = [&](const OrbitCamera& c) {
    const glm::vec4 p = c.projection(aspect) * c.view() * glm::vec4(to_the_right, 1.0f);
    return p.x / p.w;
  };
  const float plain = ndc_x(cam);
  OrbitCamera m = cam;
  m.mirrored = true;
  CHECK(plain > 0.05f);
  CHECK(ndc_x(m) == doctest::Approx(-plain));
  // Dragging right turns the picture the same way on screen in both views (the yaw goes the other way).
  OrbitCamera a = cam, b = m;
  a.orbit(50.0f, 0.0f);
  b.orbit(50.0f, 0.0f);
  CHECK(a.yaw - cam.yaw == doctest::Approx(-(b.yaw - m.yaw)));
}
