// camera_moves.cpp — see camera_moves.h.
#include "app/camera_moves.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "anatomy/skeleton.h"
#include "scene/framing.h"

namespace hiplab::app {

glm::vec4 free_ndc(const App& app) {
  return ndc_rect_of(free_view_rect(app.ui.viewport, app.ui.panel_rects), app.ui.viewport);
}

void glide_to(App& app, const OrbitCamera& target) { app.glide.begin(app.camera, target, glfwGetTime()); }

void update_camera_glide(App& app) { app.glide.apply(app.camera, glfwGetTime()); }

glm::vec3 working_hip(const App& app) {
  const session::PoseSource p = app.session.current_pose();
  const glm::dvec3 c = anatomy::hip_centre(app.session.side());
  return glm::vec3(p.pelvis_world * glm::dvec4(c, 1.0));
}

bool go_to_drill_view(App& app, int index, bool jump) {
  const motion::Timeline* tl = app.session.timeline();
  if (!app.has_model || !app.body || !tl || index < 0 || index >= static_cast<int>(tl->drill().views.size())) return false;
  OrbitCamera target = app.camera;
  const motion::DrillView& view = tl->drill().views[static_cast<std::size_t>(index)];
  look_from_body_direction(target, app.session.current_pose().pelvis_world, view.from);
  if (view.therapist) frame_person(target, app.model, app.pose, aspect_of(app.window), free_ndc(app));
  else frame_focus(target, app.model, app.pose, aspect_of(app.window), free_ndc(app));
  if (jump) app.camera = target;
  else glide_to(app, target);
  return true;
}

void camera_request(App& app, ui::CameraRequest request) {
  if (!app.has_model || request == ui::CameraRequest::kNone) return;
  const bool close_up = app.body && request == ui::CameraRequest::kWorkingHip;
  const std::optional<glm::vec3> hip = close_up ? std::optional(working_hip(app)) : std::nullopt;
  // Presets and "frame" show the pelvis and legs of the body (scene/framing.h), drawing all of it.
  const glm::vec4 free = free_ndc(app);
  auto fit = [&](OrbitCamera& c) { frame_focus(c, app.model, app.pose, aspect_of(app.window), free); };
  OrbitCamera target = camera_request_target(request, app.camera, fit, app.session.side(), hip, free);
  if (close_up) cover_depth(target, posed_bounds(app.model, app.pose));
  glide_to(app, target);
}

}  // namespace hiplab::app
