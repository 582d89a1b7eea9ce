// camera_moves.cpp — see camera_moves.h.
#include "app/camera_moves.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "anatomy/skeleton.h"

namespace hiplab::app {

void glide_to(App& app, const OrbitCamera& target) { app.glide.begin(app.camera, target, glfwGetTime()); }

void update_camera_glide(App& app) { app.glide.apply(app.camera, glfwGetTime()); }

glm::vec3 working_hip(const App& app) {
  const session::PoseSource p = app.session.current_pose();
  const glm::dvec3 c = anatomy::hip_centre(app.session.side());
  return glm::vec3(p.pelvis_world * glm::dvec4(c, 1.0));
}

void camera_request(App& app, ui::CameraRequest request) {
  if (!app.has_model || request == ui::CameraRequest::kNone) return;
  const bool close_up = app.body && request == ui::CameraRequest::kWorkingHip;
  const std::optional<glm::vec3> hip = close_up ? std::optional(working_hip(app)) : std::nullopt;
  glide_to(app, camera_request_target(request, app.camera, posed_bounds(app.model, app.pose), aspect_of(app.window),
                                      app.session.side(), hip));
}

}  // namespace hiplab::app
