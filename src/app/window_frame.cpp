// window_frame.cpp — see window_frame.h.
#include "app/window_frame.h"

#include <algorithm>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/camera_moves.h"
#include "render/image.h"
#include "render/window_framebuffer.h"
#include "scene/body_scene.h"
#include "scene/landmarks.h"
#include "scene/framing.h"

namespace hiplab::app {

void build_list(App& app, bool transparent, bool gizmos, int viewport_w, int viewport_h) {
  app.list.clear();
  if (!app.has_model) return;
  if (app.body) {
    session::ViewSettings view = app.session.view;
    view.transparent_background = transparent;
    view.ui_scale = app.ui.presentation ? 1.5f * app.base_scale : app.base_scale;
    // The free part of the window (pixels, y down), and the same part of a picture of another size.
    glm::vec4 free = free_view_rect(app.ui.viewport, app.ui.panel_rects);
    if (app.ui.viewport.x > 0.0f && app.ui.viewport.y > 0.0f && viewport_w > 0 && viewport_h > 0) {
      const glm::vec2 k(static_cast<float>(viewport_w) / app.ui.viewport.x, static_cast<float>(viewport_h) / app.ui.viewport.y);
      free *= glm::vec4(k, k);
    }
    // Labels sized for the room they have in the window (1024x640 with a drill: about 300 px square
    // between the panels, where full-size labels covered the body).
    if (gizmos)
      view.ui_scale *= std::clamp(std::min(free.z - free.x, free.w - free.y) / (kLabelRoomPx * std::max(app.base_scale, 1.0f)), 0.75f, 1.0f);
    if (!gizmos) session::clear_selection(view);
    session::compute_frame(app.session.current_pose(), view, app.frame);
    app.frame.request.body_options.muscle_px_per_m = app.camera.pixels_per_metre(static_cast<float>(viewport_h));
    build_frame(app.model, app.handle, app.frame.request, app.pose, app.list);
    app.list.label_area = free;  // named muscles clear of the panels
    if (app.ui.show_labels && gizmos) add_landmark_labels(app.frame.request.body, app.session.side(), app.list);
  } else {
    FrameRequest r = default_frame_request(app.model);
    r.transparent_background = transparent;
    build_frame(app.model, app.handle, r, app.pose, app.list);
  }
}

void fit_view_if_needed(App& app, bool first_frame) {
  if (app.session.current_drill() != app.framed_drill) {
    app.framed_drill = app.session.current_drill();
    app.frame_pending = true;
  }
  if (!app.frame_pending || !app.has_model) return;
  app.frame_pending = false;
  // A drill opens in the first of its own views (its file's "views").
  if (go_to_drill_view(app, 0, first_frame)) return;
  frame_pelvis_and_legs(app, first_frame);
}

void draw_window_frame(App& app, ImDrawData* panels, int fw, int fh) {
  // Unchanged panels are kept from the last frame (ui/ui_draw.h).
  Status drawn = ui::render_scene_and_ui(*app.renderer, *app.ui_draw, app.list, app.camera, fw, fh, 4, panels);
  if (drawn) {
    app.renderer->present(fw, fh);
  } else {
    app.ui.message = drawn.error().message;
    app.ui.message_is_error = true;
    clear_window(fw, fh, {0.1f, 0.1f, 0.12f, 1.0f});
    app.ui_draw->draw(panels, fw, fh);
  }
  app.ui.samples = app.renderer->samples();
  app.ui.gpu_ms = app.renderer->gpu_ms(false);
}

Status save_screenshot(App& app, const ui::ScreenshotRequest& request) {
  build_list(app, request.transparent, /*gizmos=*/false, request.width, request.height);
  OrbitCamera cam = app.camera;
  Status s = app.renderer->render(app.list, cam, request.width, request.height, 4);
  if (!s) return s;
  return write_png(app.renderer->read_pixels(), request.path, request.transparent);
}

Status save_window_png(GLFWwindow* window, const std::string& path) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(window, &fw, &fh);
  return write_png(read_window_pixels(fw, fh), path);
}

}  // namespace hiplab::app
