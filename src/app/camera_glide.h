// camera_glide.h — camera presets and close-ups glide instead of jumping. Pure maths over
// OrbitCamera (no window, no GL), so the interpolation is tested on its own.
//
// Over `duration` seconds the glide eases in and out (smoothstep of the time fraction); the
// target, yaw and pitch move linearly in that eased fraction, the distance geometrically (a zoom
// from 4 m to 0.25 m feels even instead of rushing the first metres), and the yaw the short way
// round. The field of view is left as the camera has it; the scene radius is the target's.
#pragma once
#include <functional>
#include <optional>

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "ui/app_ui.h"

namespace hiplab::app {

struct CameraGlide {
  OrbitCamera from, to;
  double start = -1.0;      // seconds on the caller's clock; < 0: no glide running
  double duration = 0.35;   // seconds

  bool active() const { return start >= 0.0; }
  // Starts a glide from `current` to `target` at time `now`. `to.yaw` is `target.yaw` moved by
  // whole turns to within half a turn of `current.yaw`.
  void begin(const OrbitCamera& current, const OrbitCamera& target, double now);
  // Puts the camera where the glide is at `now` (nothing when no glide runs); the glide ends once
  // its time is up, with the camera exactly on the target.
  void apply(OrbitCamera& camera, double now);
  // The user took the camera (orbit, pan, zoom): the glide stops where it is.
  void cancel() { start = -1.0; }
};

// Where a camera request (a view preset, frame, the working-hip close-up) takes `current`: presets
// turn to their direction and are framed by `fit`; the close-up looks at `working_hip` from the
// working side, a little in front and above, close enough to read the arcs (none without a body
// model: `working_hip` empty keeps the camera). kNone returns `current`.
// `free_ndc` is the part of the view the panels leave free (NDC x0, y0, x1, y1): framed views and
// the close-up are centred there (OrbitCamera::lens_shift).
// `fit` frames the scene from the direction chosen (the window passes scene/framing.h frame_focus,
// the same fit a new drill or model gets).
OrbitCamera camera_request_target(ui::CameraRequest request, const OrbitCamera& current,
                                  const std::function<void(OrbitCamera&)>& fit, anatomy::Side working_side,
                                  std::optional<glm::vec3> working_hip,
                                  const glm::vec4& free_ndc = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f));

// Whether two cameras look the same way from the same place: yaw (by whole turns aside), pitch,
// distance and lens shift alike, and the target unless `ignore_target` (the "follow the hip" mode
// moves it every frame). A glide ends exactly on its target, so a camera the user has not moved
// since is the same view as the one it glided to.
bool same_view(const OrbitCamera& a, const OrbitCamera& b, bool ignore_target);

}  // namespace hiplab::app
