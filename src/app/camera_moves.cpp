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

namespace {
// Remembers the framing just made (what, the camera it gives, for which window and free part).
void record_framing(App& app, App::AppliedFraming::Kind kind, const OrbitCamera& target, int view = 0,
                    ui::CameraRequest request = ui::CameraRequest::kNone) {
  int fw = 0, fh = 0;
  if (app.window) glfwGetFramebufferSize(app.window, &fw, &fh);
  app.framing.kind = kind;
  app.framing.view = view;
  app.framing.request = request;
  app.framing.camera = target;
  app.framing.size = {fw, fh};
  app.framing.free = free_ndc(app);
}
}  // namespace

void frame_pelvis_and_legs(App& app, bool jump) {
  if (!app.has_model) return;
  OrbitCamera target = app.camera;
  frame_focus(target, app.model, app.pose, aspect_of(app.window), free_ndc(app));  // the pelvis and legs
  record_framing(app, App::AppliedFraming::Kind::kFocus, target);
  if (jump) app.camera = target;
  else glide_to(app, target);
}

bool reframe_if_view_changed(App& app, int fw, int fh) {
  using Kind = App::AppliedFraming::Kind;
  App::AppliedFraming& f = app.framing;
  if (f.kind == Kind::kNone || !app.has_model || fw <= 0 || fh <= 0) return false;
  const bool resized = f.size != glm::ivec2(fw, fh);
  // Panels that grow or shrink by a few pixels (a list's scroll bar) do not move the camera.
  const bool panels_moved = glm::any(glm::greaterThan(glm::abs(free_ndc(app) - f.free), glm::vec4(0.02f)));
  if (!resized && !panels_moved) return false;
  const bool held = same_view(app.glide.active() ? app.glide.to : app.camera, f.camera, app.ui.follow_hip);
  if (!held) {  // the user has taken the camera
    f.kind = Kind::kNone;
    return false;
  }
  const bool jump = resized;
  if (jump) app.glide.cancel();
  switch (f.kind) {
    case Kind::kFocus: frame_pelvis_and_legs(app, jump); break;
    case Kind::kDrillView:
      if (const OrbitCamera first = f.camera; !go_to_drill_view(app, f.view, jump, &first)) f.kind = Kind::kNone;
      break;
    case Kind::kRequest: camera_request(app, f.request, jump); break;
    case Kind::kNone: break;
  }
  return f.kind != Kind::kNone;
}

bool go_to_drill_view(App& app, int index, bool jump, const OrbitCamera* keep_direction) {
  const motion::Timeline* tl = app.session.timeline();
  if (!app.has_model || !app.body || !tl || index < 0 || index >= static_cast<int>(tl->drill().views.size())) return false;
  OrbitCamera target = app.camera;
  const motion::DrillView& view = tl->drill().views[static_cast<std::size_t>(index)];
  if (keep_direction) {
    target.yaw = keep_direction->yaw;
    target.pitch = keep_direction->pitch;
  } else {
    look_from_body_direction(target, app.session.current_pose().pelvis_world, view.from);
  }
  if (view.therapist) frame_person(target, app.model, app.pose, aspect_of(app.window), free_ndc(app));
  else frame_focus(target, app.model, app.pose, aspect_of(app.window), free_ndc(app));
  record_framing(app, App::AppliedFraming::Kind::kDrillView, target, index);
  if (jump) app.camera = target;
  else glide_to(app, target);
  return true;
}

void camera_request(App& app, ui::CameraRequest request, bool jump) {
  if (!app.has_model || request == ui::CameraRequest::kNone) return;
  const bool close_up = app.body && request == ui::CameraRequest::kWorkingHip;
  const std::optional<glm::vec3> hip = close_up ? std::optional(working_hip(app)) : std::nullopt;
  // Presets and "frame" show the pelvis and legs of the body (scene/framing.h), drawing all of it.
  const glm::vec4 free = free_ndc(app);
  auto fit = [&](OrbitCamera& c) { frame_focus(c, app.model, app.pose, aspect_of(app.window), free); };
  OrbitCamera target = camera_request_target(request, app.camera, fit, app.session.side(), hip, free);
  if (close_up) cover_depth(target, posed_bounds(app.model, app.pose));
  record_framing(app, App::AppliedFraming::Kind::kRequest, target, 0, request);
  if (jump) app.camera = target;
  else glide_to(app, target);
}

}  // namespace hiplab::app
