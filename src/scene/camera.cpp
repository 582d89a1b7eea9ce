#include "scene/camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace hiplab {

std::optional<ViewPreset> parse_view_preset(const std::string& name) {
  if (name == "front") return ViewPreset::kFront;
  if (name == "back") return ViewPreset::kBack;
  if (name == "left") return ViewPreset::kLeft;
  if (name == "right" || name == "side") return ViewPreset::kRight;
  if (name == "top") return ViewPreset::kTop;
  return std::nullopt;
}

const char* view_preset_name(ViewPreset v) {
  switch (v) {
    case ViewPreset::kFront: return "front";
    case ViewPreset::kBack: return "back";
    case ViewPreset::kLeft: return "left";
    case ViewPreset::kRight: return "right";
    case ViewPreset::kTop: return "top";
  }
  return "front";
}

glm::vec3 OrbitCamera::eye() const {
  const glm::vec3 dir(std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw));
  return target + distance * dir;
}
glm::vec3 OrbitCamera::forward() const { return glm::normalize(target - eye()); }
glm::vec3 OrbitCamera::right() const { return glm::vec3(std::cos(yaw), 0.0f, -std::sin(yaw)); }
glm::vec3 OrbitCamera::up() const { return glm::normalize(glm::cross(right(), forward())); }

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target, up()); }

float OrbitCamera::near_plane() const { return std::max(0.005f, (distance - 2.0f * scene_radius) * 0.5f); }
float OrbitCamera::far_plane() const { return distance + 4.0f * scene_radius + 1.0f; }

glm::mat4 OrbitCamera::projection(float aspect) const {
  glm::mat4 p = glm::perspective(fov_y, std::max(aspect, 1e-3f), near_plane(), far_plane());
  if (mirrored) p = glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f)) * p;
  if (lens_shift == glm::vec2(0.0f)) return p;
  // Shift after projection: x_ndc += shift.x (clip x += shift.x * w), likewise y.
  return glm::translate(glm::mat4(1.0f), glm::vec3(lens_shift, 0.0f)) * p;
}

float OrbitCamera::pixels_per_metre(float viewport_h_px) const {
  return 0.5f * viewport_h_px / (std::max(distance, kMinDistance) * std::tan(0.5f * fov_y));
}

void OrbitCamera::orbit(float dx_px, float dy_px) {
  if (mirrored) dx_px = -dx_px;  // the picture turns the way the hand moves
  const float k = 0.3f * 3.14159265f / 180.0f;
  yaw -= dx_px * k;
  pitch = std::clamp(pitch + dy_px * k, -kMaxPitch, kMaxPitch);
  yaw = std::remainder(yaw, 2.0f * 3.14159265f);
}

void OrbitCamera::pan(float dx_px, float dy_px, float viewport_h_px) {
  const float world_per_px = 2.0f * distance * std::tan(0.5f * fov_y) / std::max(viewport_h_px, 1.0f);
  if (mirrored) dx_px = -dx_px;
  target += (-dx_px * right() + dy_px * up()) * world_per_px;
}

void OrbitCamera::zoom_toward(float factor, glm::vec2 cursor_ndc, float aspect) {
  factor = std::clamp(factor, 0.05f, 20.0f);
  // Point under the cursor on the plane through the target facing the camera.
  const float half_h = distance * std::tan(0.5f * fov_y);
  glm::vec2 c = cursor_ndc - lens_shift;  // the target sits at the lens shift, not the centre
  if (mirrored) c.x = -c.x;
  const glm::vec3 under = target + right() * (c.x * half_h * aspect) + up() * (c.y * half_h);
  const float new_distance = std::max(distance * factor, kMinDistance);
  const float f = new_distance / distance;
  target = under + (target - under) * f;
  distance = new_distance;
}

void OrbitCamera::frame(const Aabb& box, float aspect, const glm::vec4& ndc_rect) {
  target = box.centre();
  scene_radius = std::max(0.5f * glm::length(box.size()), 1e-3f);
  const float half_w = std::max(0.5f * (ndc_rect.z - ndc_rect.x), 0.05f), half_h = std::max(0.5f * (ndc_rect.w - ndc_rect.y), 0.05f);
  lens_shift = {0.5f * (ndc_rect.x + ndc_rect.z), 0.5f * (ndc_rect.y + ndc_rect.w)};
  // The nearest distance at which every corner of the box is inside the view from this direction
  // (tighter than the bounding sphere, so a lying body fills a wide view), with a 6% margin.
  const float tan_y = std::tan(0.5f * fov_y) * half_h, tan_x = std::tan(0.5f * fov_y) * std::max(aspect, 1e-3f) * half_w;
  const glm::vec3 r = right(), u = up(), toward_eye = -forward();
  float d = 1e-3f;
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y, (i & 4) ? box.max.z : box.min.z);
    const glm::vec3 c = corner - target;
    const float z = glm::dot(c, toward_eye);
    d = std::max({d, z + std::fabs(glm::dot(c, r)) / tan_x, z + std::fabs(glm::dot(c, u)) / tan_y});
  }
  distance = std::max(d * 1.06f, kMinDistance);
}

void OrbitCamera::frame_points(std::span<const glm::vec3> points, float pad, float aspect, const glm::vec4& ndc_rect) {
  if (points.empty()) return;
  Aabb box{points[0], points[0]};
  for (const glm::vec3& p : points) box.min = glm::min(box.min, p), box.max = glm::max(box.max, p);
  box.min -= glm::vec3(pad);
  box.max += glm::vec3(pad);
  frame(box, aspect, ndc_rect);  // a start: target, lens shift, scene radius
  const float half_w = std::max(0.5f * (ndc_rect.z - ndc_rect.x), 0.05f), half_h = std::max(0.5f * (ndc_rect.w - ndc_rect.y), 0.05f);
  const float tan_y = std::tan(0.5f * fov_y) * half_h, tan_x = std::tan(0.5f * fov_y) * std::max(aspect, 1e-3f) * half_w;
  const glm::vec3 r = right(), u = up(), toward_eye = -forward();
  // Twice: fit the distance for the current target, then move the target (across the view) to the
  // middle of what the points cover; the second pass fits the centred picture.
  for (int pass = 0; pass < 3; ++pass) {
    float d = kMinDistance;
    for (const glm::vec3& p : points) {
      const glm::vec3 c = p - target;
      const float z = glm::dot(c, toward_eye) + pad;
      d = std::max({d, z + (std::fabs(glm::dot(c, r)) + pad) / tan_x, z + (std::fabs(glm::dot(c, u)) + pad) / tan_y});
    }
    distance = d * 1.04f;
    if (pass == 2) break;
    // Where the points reach on screen, in units of the fitted half-size (-1..1).
    float lo_x = 1e9f, hi_x = -1e9f, lo_y = 1e9f, hi_y = -1e9f;
    for (const glm::vec3& p : points) {
      const glm::vec3 c = p - target;
      const float depth = std::max(distance - glm::dot(c, toward_eye), 1e-3f);
      const float x = glm::dot(c, r), y = glm::dot(c, u);
      lo_x = std::min(lo_x, (x - pad) / (depth * tan_x)), hi_x = std::max(hi_x, (x + pad) / (depth * tan_x));
      lo_y = std::min(lo_y, (y - pad) / (depth * tan_y)), hi_y = std::max(hi_y, (y + pad) / (depth * tan_y));
    }
    target += r * (0.5f * (lo_x + hi_x) * distance * tan_x) + u * (0.5f * (lo_y + hi_y) * distance * tan_y);
  }
}

void OrbitCamera::set_preset(ViewPreset preset) {
  // Side presets look 7° down so the floor and its contact shadow read; top looks straight down.
  constexpr float kSidePitch = 0.12f;
  const float half_pi = 0.5f * 3.14159265f;
  switch (preset) {
    case ViewPreset::kFront: yaw = half_pi; pitch = kSidePitch; break;
    case ViewPreset::kBack: yaw = -half_pi; pitch = kSidePitch; break;
    case ViewPreset::kRight: yaw = 0.0f; pitch = kSidePitch; break;
    case ViewPreset::kLeft: yaw = 2.0f * half_pi; pitch = kSidePitch; break;
    case ViewPreset::kTop: yaw = half_pi; pitch = kMaxPitch; break;
  }
}

glm::vec3 OrbitCamera::unproject(glm::vec3 ndc, float aspect) const {
  const glm::mat4 inv = glm::inverse(projection(aspect) * view());
  const glm::vec4 p = inv * glm::vec4(ndc, 1.0f);
  return glm::vec3(p) / p.w;
}

void OrbitCamera::ray(glm::vec2 ndc, float aspect, glm::vec3& origin, glm::vec3& dir) const {
  origin = eye();
  dir = glm::normalize(unproject(glm::vec3(ndc, 1.0f), aspect) - origin);
}

}  // namespace hiplab
