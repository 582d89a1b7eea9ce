// mouse_input.cpp — see mouse_input.h.
#include "app/mouse_input.h"

#include <algorithm>
#include <cmath>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/camera_moves.h"
#include "app/pick_drag.h"
#include "scene/body_scene.h"

namespace hiplab::app {
namespace {

// GLFW's callbacks carry no user pointer here (ImGui's backend owns the window's), so they reach
// the one running App through this.
App* g_app = nullptr;

void on_scroll(GLFWwindow*, double, double dy) {
  if (g_app) g_app->pending_scroll += static_cast<float>(dy);
}
void on_key(GLFWwindow*, int key, int, int action, int mods) {
  if (g_app && (action == GLFW_PRESS || action == GLFW_REPEAT))
    g_app->ui.keys_pressed.emplace_back(key, ((mods & GLFW_MOD_SHIFT) ? 1 : 0) | ((mods & GLFW_MOD_CONTROL) ? 2 : 0));
}
void on_drop(GLFWwindow*, int count, const char** paths) {
  if (g_app && count > 0) g_app->dropped.emplace_back(paths[0]);
}

glm::vec2 cursor_ndc(GLFWwindow* w, double x, double y) {
  int ww = 1, wh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  return {static_cast<float>(2.0 * x / std::max(ww, 1) - 1.0), static_cast<float>(1.0 - 2.0 * y / std::max(wh, 1))};
}

glm::ivec2 to_framebuffer(GLFWwindow* w, double x, double y) {
  int ww = 1, wh = 1, fw = 1, fh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  glfwGetFramebufferSize(w, &fw, &fh);
  return {static_cast<int>(x * fw / std::max(ww, 1)), static_cast<int>(y * fh / std::max(wh, 1))};
}

// A click (no drag) selects the muscle or the bone under the cursor (its card opens); a click on
// the background clears the selection.
void select_at(App& app, double x, double y) {
  const std::uint32_t id = pick_at(app, x, y);
  if (const auto mp = muscle_of_pick(id)) {
    session::select_muscle(app.session.view, std::pair{mp->side, mp->muscle});
  } else if (const auto mesh = app.body ? mesh_of_pick(app.model, id) : std::nullopt) {
    session::select_bone(app.session.view, app.model.meshes[*mesh].name);
  } else if (id == 0) {
    session::clear_selection(app.session.view);
  }
}

// The left button went down over the 3D view.
void press(App& app, double x, double y) {
  GLFWwindow* w = app.window;
  app.press_x = x;
  app.press_y = y;
  const double now = glfwGetTime();
  const bool double_click = is_double_click(app.last_click_time, app.click_x, app.click_y, now, x, y);
  const std::uint32_t id = app.has_model ? pick_at(app, x, y) : 0;
  // Alt+drag always orbits; otherwise grabbing the thigh or shin turns the hip.
  const int hip = app.body && !app.imgui->alt_down() ? hip_of_pick(app.model, id) : -1;
  if (double_click) {
    // A close-up: glide toward the surface point under the cursor.
    const glm::ivec2 p = to_framebuffer(w, x, y);
    if (auto depth = app.renderer->read_depth(p.x, p.y)) {
      OrbitCamera target = app.camera;
      const glm::vec3 point = app.camera.unproject(glm::vec3(cursor_ndc(w, x, y), *depth), aspect_of(w));
      target.distance = std::max(glm::length(app.camera.eye() - point), OrbitCamera::kMinDistance);
      target.target = point;
      glide_to(app, target);
    }
    app.last_click_time = -1.0;
    app.dragging_orbit = true;
    return;
  }
  if (hip >= 0) {
    // Grabbing the thigh or shin turns that hip (internal/external rotation), clamped.
    app.drag_hip_side = hip;
    app.session.begin_pose_edit();
  } else {
    app.dragging_orbit = true;
  }
  app.last_click_time = now;
  app.click_x = x;
  app.click_y = y;
}

}  // namespace

void install_input_callbacks(App& app) {
  g_app = &app;
  glfwSetScrollCallback(app.window, on_scroll);
  glfwSetKeyCallback(app.window, on_key);
  glfwSetDropCallback(app.window, on_drop);
}

void remove_input_callbacks() { g_app = nullptr; }

std::uint32_t pick_at(App& app, double x, double y) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(app.window, &fw, &fh);
  const glm::ivec2 p = to_framebuffer(app.window, x, y);
  return app.renderer->pick(app.list, app.camera, fw, fh, p.x, p.y);
}

void handle_mouse(App& app) {
  GLFWwindow* w = app.window;
  double x = 0, y = 0;
  glfwGetCursorPos(w, &x, &y);
  const double dx = x - app.last_x, dy = y - app.last_y;
  app.last_x = x;
  app.last_y = y;
  int ww = 1, wh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  const bool left = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
  const bool pan = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                   glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  if (!left) {
    if (app.drag_hip_side >= 0) app.session.end_pose_edit();
    const bool was_press = app.dragging_orbit || app.drag_hip_side >= 0;
    if (was_press && is_click(app.press_x, app.press_y, x, y) && app.has_model) select_at(app, x, y);
    app.dragging_orbit = false;
    app.drag_hip_side = -1;
  }
  if (!pan) app.dragging_pan = false;
  if (!app.imgui->mouse_over_ui()) {
    if (left && !app.dragging_orbit && app.drag_hip_side < 0 && app.imgui->left_clicked()) press(app, x, y);
    if (pan && !app.dragging_pan) app.dragging_pan = true;
    if (app.pending_scroll != 0.0f) {
      app.camera.zoom_toward(std::pow(0.88f, app.pending_scroll), cursor_ndc(w, x, y), aspect_of(w));
      app.glide.cancel();
    }
    // Hover: the name under the cursor, looked up once the mouse rests.
    if (!left && !pan && (dx != 0 || dy != 0)) {
      app.ui.hover_text.clear();
      app.hover_checked_at = glfwGetTime();
    } else if (app.hover_checked_at > 0 && glfwGetTime() - app.hover_checked_at > 0.25 && app.has_model) {
      app.ui.hover_text = pick_name(pick_at(app, x, y), app.model, app.body, app.muscle_info, app.bone_cards.info);
      app.hover_checked_at = -1.0;
    }
  }
  app.pending_scroll = 0.0f;
  if (app.drag_hip_side >= 0) {
    if (const double step = hip_drag_step(app.press_x, x, dx); step != 0.0) {
      const motion::Channel c = motion::leg_channel(app.drag_hip_side ? anatomy::Side::kLeft : anatomy::Side::kRight,
                                                    anatomy::LegCoord::kHipRotation);
      app.session.set_channel(c, app.session.channel(c) + step);
    }
  } else if (app.dragging_orbit && (dx != 0 || dy != 0)) {
    app.camera.orbit(static_cast<float>(dx), static_cast<float>(dy));
    app.glide.cancel();
  }
  if (app.dragging_pan && (dx != 0 || dy != 0)) {
    app.camera.pan(static_cast<float>(dx), static_cast<float>(dy), static_cast<float>(wh));
    app.glide.cancel();
  }
}

}  // namespace hiplab::app
