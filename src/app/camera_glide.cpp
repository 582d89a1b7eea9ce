// camera_glide.cpp — see camera_glide.h.
#include "app/camera_glide.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"

namespace hiplab::app {

void CameraGlide::begin(const OrbitCamera& current, const OrbitCamera& target, double now) {
  from = current;
  to = target;
  // Take the short way round in yaw.
  to.yaw = from.yaw + static_cast<float>(std::remainder(target.yaw - from.yaw, 2.0 * kPi));
  start = now;
}

void CameraGlide::apply(OrbitCamera& camera, double now) {
  if (!active()) return;
  const double t = std::clamp((now - start) / duration, 0.0, 1.0);
  const float e = static_cast<float>(t * t * (3.0 - 2.0 * t));
  camera.target = glm::mix(from.target, to.target, e);
  camera.yaw = from.yaw + (to.yaw - from.yaw) * e;
  camera.pitch = from.pitch + (to.pitch - from.pitch) * e;
  camera.distance = from.distance * std::pow(to.distance / from.distance, e);
  camera.lens_shift = glm::mix(from.lens_shift, to.lens_shift, e);
  camera.scene_radius = to.scene_radius;
  if (t >= 1.0) start = -1.0;
}

OrbitCamera camera_request_target(ui::CameraRequest request, const OrbitCamera& current,
                                  const std::function<void(OrbitCamera&)>& fit, anatomy::Side working_side,
                                  std::optional<glm::vec3> working_hip, const glm::vec4& free_ndc) {
  OrbitCamera target = current;
  auto preset = [&](ViewPreset v) {
    target.set_preset(v);
    fit(target);
  };
  const bool right = working_side == anatomy::Side::kRight;
  switch (request) {
    case ui::CameraRequest::kFront: preset(ViewPreset::kFront); break;
    case ui::CameraRequest::kBack: preset(ViewPreset::kBack); break;
    case ui::CameraRequest::kLeft: preset(ViewPreset::kLeft); break;
    case ui::CameraRequest::kRight: preset(ViewPreset::kRight); break;
    case ui::CameraRequest::kTop: preset(ViewPreset::kTop); break;
    case ui::CameraRequest::kReset: preset(ViewPreset::kFront); break;
    case ui::CameraRequest::kFrame: fit(target); break;
    case ui::CameraRequest::kWorkingHip:
      if (working_hip) {
        target.set_preset(right ? ViewPreset::kRight : ViewPreset::kLeft);
        target.yaw += right ? 0.6f : -0.6f;
        target.pitch = 0.35f;
        target.target = *working_hip;
        target.distance = 0.75f;
        target.lens_shift = {0.5f * (free_ndc.x + free_ndc.z), 0.5f * (free_ndc.y + free_ndc.w)};
      }
      break;
    case ui::CameraRequest::kNone: break;
  }
  return target;
}

bool same_view(const OrbitCamera& a, const OrbitCamera& b, bool ignore_target) {
  auto near = [](float x, float y) { return std::abs(x - y) <= 1e-4f * std::max(1.0f, std::abs(y)); };
  return std::abs(std::remainder(a.yaw - b.yaw, 2.0 * kPi)) <= 1e-4 && near(a.pitch, b.pitch) && near(a.distance, b.distance) &&
         glm::all(glm::lessThanEqual(glm::abs(a.lens_shift - b.lens_shift), glm::vec2(1e-4f))) &&
         (ignore_target || glm::all(glm::lessThanEqual(glm::abs(a.target - b.target), glm::vec3(1e-5f))));
}

}  // namespace hiplab::app
