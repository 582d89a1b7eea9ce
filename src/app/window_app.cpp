// window_app.cpp — see window_app.h. [SECTION]s: state, camera moves, model loading, input, frame,
// main loop.
#include "app/window_app.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>

#include "render/gl.h"  // before GLFW so it does not pull in the system GL header
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include "anatomy/muscle_data.h"
#include "app/paths.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/settings.h"
#include "core/log.h"
#include "core/units.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/body_scene.h"
#include "scene/landmarks.h"
#include "session/session.h"
#include "ui/app_ui.h"
#include "ui/ui_draw.h"

namespace hiplab::app {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] state
// ---------------------------------------------------------------------------------------------

struct CameraMove {
  OrbitCamera from, to;
  double start = -1.0, duration = 0.35;
};

struct App {
  GLFWwindow* window = nullptr;
  std::unique_ptr<Renderer> renderer;
  std::unique_ptr<ui::UiDraw> ui_draw;
  Model model;
  bool has_model = false, body = false;
  ModelHandle handle;
  Pose pose;
  OrbitCamera camera;
  CameraMove move;
  session::Session session;
  session::ComputedFrame frame;
  std::vector<MuscleInfo> muscle_info;
  ui::BoneCards bone_cards;  // descriptions, and the muscles attached to each mesh of the model
  DrawList list;
  ui::UiState ui;
  Settings settings;
  std::string settings_path;
  float base_scale = 1.0f;
  ImGuiStyle base_style;
  bool presentation_applied = false;
  // input
  double last_x = 0, last_y = 0;
  bool dragging_orbit = false, dragging_pan = false;
  int drag_hip_side = -1;  // >= 0 while dragging a thigh/shin: rotates that hip
  double press_x = 0, press_y = 0;
  double last_click_time = -1.0, click_x = 0, click_y = 0;
  float pending_scroll = 0.0f;
  std::vector<std::string> dropped;
  double hover_checked_at = 0.0;
  bool frame_pending = true;  // frame the posed model once the next frame is built
  int framed_drill = -2;
};

App* g_app = nullptr;

float aspect_of(GLFWwindow* w) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(w, &fw, &fh);
  return static_cast<float>(std::max(fw, 1)) / static_cast<float>(std::max(fh, 1));
}

std::string pick_name(const App& app, std::uint32_t id) {
  if (id >= kMusclePickBase) {
    const int side = static_cast<int>((id - kMusclePickBase) / 100), m = static_cast<int>((id - kMusclePickBase) % 100);
    if (m < anatomy::kMuscleCount) {
      for (const MuscleInfo& i : app.muscle_info)
        if (i.name == anatomy::muscle(m).name) return i.display_name + (side ? " (left)" : " (right)");
      return std::string(anatomy::muscle(m).label);
    }
    return {};
  }
  if (id >= kBonePickBase && id - kBonePickBase < app.model.meshes.size()) {
    const std::string& name = app.model.meshes[id - kBonePickBase].name;
    if (const BoneInfo* b = app.body ? find_bone_info(app.bone_cards.info, name) : nullptr) {
      const auto side = anatomy::split_side_suffix(name).side;
      return b->display_name + (!side ? "" : *side == anatomy::Side::kRight ? " (right)" : " (left)");
    }
    return name;
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] camera moves: presets and close-ups glide instead of jumping.
// ---------------------------------------------------------------------------------------------

void glide_to(App& app, const OrbitCamera& target) {
  app.move.from = app.camera;
  app.move.to = target;
  // Take the short way round in yaw.
  app.move.to.yaw = app.move.from.yaw + static_cast<float>(std::remainder(target.yaw - app.move.from.yaw, 2.0 * kPi));
  app.move.start = glfwGetTime();
}

void update_camera_move(App& app) {
  if (app.move.start < 0) return;
  const double t = std::clamp((glfwGetTime() - app.move.start) / app.move.duration, 0.0, 1.0);
  const float e = static_cast<float>(t * t * (3.0 - 2.0 * t));
  const OrbitCamera& a = app.move.from;
  const OrbitCamera& b = app.move.to;
  app.camera.target = glm::mix(a.target, b.target, e);
  app.camera.yaw = a.yaw + (b.yaw - a.yaw) * e;
  app.camera.pitch = a.pitch + (b.pitch - a.pitch) * e;
  app.camera.distance = a.distance * std::pow(b.distance / a.distance, e);
  app.camera.scene_radius = b.scene_radius;
  if (t >= 1.0) app.move.start = -1.0;
}

glm::vec3 working_hip(const App& app) {
  const session::PoseSource p = app.session.current_pose();
  const glm::dvec3 c = anatomy::hip_centre(app.session.side());
  return glm::vec3(p.pelvis_world * glm::dvec4(c, 1.0));
}

void camera_request(App& app, ui::CameraRequest r) {
  if (!app.has_model || r == ui::CameraRequest::kNone) return;
  OrbitCamera target = app.camera;
  const float aspect = aspect_of(app.window);
  auto preset = [&](ViewPreset v) {
    target.set_preset(v);
    target.frame(posed_bounds(app.model, app.pose), aspect);
  };
  switch (r) {
    case ui::CameraRequest::kFront: preset(ViewPreset::kFront); break;
    case ui::CameraRequest::kBack: preset(ViewPreset::kBack); break;
    case ui::CameraRequest::kLeft: preset(ViewPreset::kLeft); break;
    case ui::CameraRequest::kRight: preset(ViewPreset::kRight); break;
    case ui::CameraRequest::kTop: preset(ViewPreset::kTop); break;
    case ui::CameraRequest::kReset: preset(ViewPreset::kFront); break;
    case ui::CameraRequest::kFrame: target.frame(posed_bounds(app.model, app.pose), aspect); break;
    case ui::CameraRequest::kWorkingHip:
      if (app.body) {
        // From the working side, a little in front and above, close enough to read the arcs.
        target.set_preset(app.session.side() == anatomy::Side::kRight ? ViewPreset::kRight : ViewPreset::kLeft);
        target.yaw += app.session.side() == anatomy::Side::kRight ? 0.6f : -0.6f;
        target.pitch = 0.35f;
        target.target = working_hip(app);
        target.distance = 0.75f;
      }
      break;
    case ui::CameraRequest::kNone: break;
  }
  glide_to(app, target);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] model loading: a failed load keeps the current model and shows the message.
// ---------------------------------------------------------------------------------------------

bool open_model(App& app, const std::string& path) {
  LoadReport report;
  auto loaded = load_model(path, &report);
  if (!loaded) {
    app.ui.message = loaded.error().message;
    app.ui.message_is_error = true;
    return false;
  }
  bake_ambient_occlusion(loaded.value());
  build_lods(loaded.value());  // levels of detail for a software renderer (assets/model_lod.h)
  auto handle = app.renderer->upload(loaded.value());
  if (!handle) {
    app.ui.message = path + ": " + handle.error().message;
    app.ui.message_is_error = true;
    return false;
  }
  if (app.has_model) app.renderer->release(app.handle);
  app.model = std::move(loaded.value());
  app.handle = handle.value();
  app.has_model = true;
  app.body = is_body_model(app.model);
  // Which muscles start and end on each bone, from this model's own geometry.
  app.bone_cards.attachments = app.body ? compute_bone_attachments(app.model) : std::vector<std::vector<MuscleAttachment>>{};
  session::clear_selection(app.session.view);
  app.pose = Pose::bind(app.model);
  app.camera.set_preset(ViewPreset::kFront);
  app.camera.frame(posed_bounds(app.model, app.pose), aspect_of(app.window));
  app.frame_pending = true;
  const Model& m = app.model;
  app.ui.model_path = m.source;
  app.ui.model_lines = {std::to_string(m.meshes.size()) + " meshes, " + std::to_string(m.triangle_count()) + " triangles",
                        std::to_string(m.nodes.size()) + " nodes, " + std::to_string(m.bone_count()) + " bones",
                        "loaded in " + std::to_string(static_cast<int>(std::lround(m.load_ms))) + " ms"};
  if (!report.warnings.empty()) {
    app.ui.message = report.warnings.front() + (report.warnings.size() > 1 ? " (more in the log)" : "");
    app.ui.message_is_error = false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] input
// ---------------------------------------------------------------------------------------------

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

std::uint32_t pick_at(App& app, double x, double y) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(app.window, &fw, &fh);
  const glm::ivec2 p = to_framebuffer(app.window, x, y);
  return app.renderer->pick(app.list, app.camera, fw, fh, p.x, p.y);
}

// Which hip a thigh or shin pick belongs to (its bones or the hip and thigh muscles on it):
// 0 right, 1 left, -1 none.
int hip_of_pick(const App& app, std::uint32_t id) {
  if (id >= kMusclePickBase) return static_cast<int>((id - kMusclePickBase) / 100) == 0 ? 0 : 1;
  if (id < kBonePickBase || id - kBonePickBase >= app.model.meshes.size()) return -1;
  const std::string& name = app.model.meshes[id - kBonePickBase].name;
  for (const char* part : {"femur", "tibia", "fibula", "patella"})
    if (name.rfind(part, 0) == 0) return name.size() > 2 && name.substr(name.size() - 2) == "_l" ? 1 : 0;
  return -1;
}

void handle_mouse(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  GLFWwindow* w = app.window;
  double x = 0, y = 0;
  glfwGetCursorPos(w, &x, &y);
  const double dx = x - app.last_x, dy = y - app.last_y;
  app.last_x = x;
  app.last_y = y;
  int ww = 1, wh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  const float aspect = aspect_of(w);
  const bool left = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
  const bool pan = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                   glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  if (!left) {
    if (app.drag_hip_side >= 0) app.session.end_pose_edit();
    const bool was_press = app.dragging_orbit || app.drag_hip_side >= 0;
    if (was_press && std::abs(x - app.press_x) < 3 && std::abs(y - app.press_y) < 3 && app.has_model) {
      // A click (no drag): select the muscle or the bone under the cursor (its card opens).
      const std::uint32_t id = pick_at(app, x, y);
      if (id >= kMusclePickBase) {
        const int side = static_cast<int>((id - kMusclePickBase) / 100), m = static_cast<int>((id - kMusclePickBase) % 100);
        session::select_muscle(app.session.view, std::pair{side ? anatomy::Side::kLeft : anatomy::Side::kRight, m});
      } else if (id >= kBonePickBase && app.body && id - kBonePickBase < app.model.meshes.size()) {
        session::select_bone(app.session.view, app.model.meshes[id - kBonePickBase].name);
      } else if (id == 0) {
        session::clear_selection(app.session.view);
      }
    }
    app.dragging_orbit = false;
    app.drag_hip_side = -1;
  }
  if (!pan) app.dragging_pan = false;
  if (!io.WantCaptureMouse) {
    if (left && !app.dragging_orbit && app.drag_hip_side < 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      app.press_x = x;
      app.press_y = y;
      const double now = glfwGetTime();
      const bool double_click = now - app.last_click_time < 0.35 && std::abs(x - app.click_x) < 4 && std::abs(y - app.click_y) < 4;
      const std::uint32_t id = app.has_model ? pick_at(app, x, y) : 0;
      // Alt+drag always orbits; otherwise grabbing the thigh or shin turns the hip.
      const int hip = app.body && !io.KeyAlt ? hip_of_pick(app, id) : -1;
      if (double_click) {
        const glm::ivec2 p = to_framebuffer(w, x, y);
        if (auto depth = app.renderer->read_depth(p.x, p.y)) {
          OrbitCamera target = app.camera;
          const glm::vec3 point = app.camera.unproject(glm::vec3(cursor_ndc(w, x, y), *depth), aspect);
          target.distance = std::max(glm::length(app.camera.eye() - point), OrbitCamera::kMinDistance);
          target.target = point;
          glide_to(app, target);
        }
        app.last_click_time = -1.0;
        app.dragging_orbit = true;
      } else if (hip >= 0) {
        // Grabbing the thigh or shin turns that hip (internal/external rotation), clamped.
        app.drag_hip_side = hip;
        app.session.begin_pose_edit();
        app.last_click_time = now;
        app.click_x = x;
        app.click_y = y;
      } else {
        app.dragging_orbit = true;
        app.last_click_time = now;
        app.click_x = x;
        app.click_y = y;
      }
    }
    if (pan && !app.dragging_pan) app.dragging_pan = true;
    if (app.pending_scroll != 0.0f) {
      app.camera.zoom_toward(std::pow(0.88f, app.pending_scroll), cursor_ndc(w, x, y), aspect);
      app.move.start = -1.0;
    }
    // Hover: the name under the cursor, looked up once the mouse rests.
    if (!left && !pan && (dx != 0 || dy != 0)) {
      app.ui.hover_text.clear();
      app.hover_checked_at = glfwGetTime();
    } else if (app.hover_checked_at > 0 && glfwGetTime() - app.hover_checked_at > 0.25 && app.has_model) {
      app.ui.hover_text = pick_name(app, pick_at(app, x, y));
      app.hover_checked_at = -1.0;
    }
  }
  app.pending_scroll = 0.0f;
  if (app.drag_hip_side >= 0 && dx != 0 && std::abs(x - app.press_x) >= 3) {
    const motion::Channel c = motion::leg_channel(app.drag_hip_side ? anatomy::Side::kLeft : anatomy::Side::kRight,
                                                  anatomy::LegCoord::kHipRotation);
    app.session.set_channel(c, app.session.channel(c) + deg_to_rad(0.4 * dx));
  } else if (app.dragging_orbit && (dx != 0 || dy != 0)) {
    app.camera.orbit(static_cast<float>(dx), static_cast<float>(dy));
    app.move.start = -1.0;
  }
  if (app.dragging_pan && (dx != 0 || dy != 0)) {
    app.camera.pan(static_cast<float>(dx), static_cast<float>(dy), static_cast<float>(wh));
    app.move.start = -1.0;
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] frame
// ---------------------------------------------------------------------------------------------

void build_list(App& app, bool transparent, bool gizmos, int viewport_h) {
  app.list.clear();
  if (!app.has_model) return;
  if (app.body) {
    session::ViewSettings view = app.session.view;
    view.transparent_background = transparent;
    view.ui_scale = app.ui.presentation ? 1.5f * app.base_scale : app.base_scale;
    if (!gizmos) session::clear_selection(view);
    session::compute_frame(app.session.current_pose(), view, app.frame);
    app.frame.request.body_options.muscle_px_per_m = app.camera.pixels_per_metre(static_cast<float>(viewport_h));
    build_frame(app.model, app.handle, app.frame.request, app.pose, app.list);
    if (app.ui.show_labels && gizmos) add_landmark_labels(app.frame.request.body, app.session.side(), app.list);
  } else {
    FrameRequest r = default_frame_request(app.model);
    r.transparent_background = transparent;
    build_frame(app.model, app.handle, r, app.pose, app.list);
  }
}

Status save_screenshot(App& app, const ui::ScreenshotRequest& req) {
  build_list(app, req.transparent, /*gizmos=*/false, req.height);
  OrbitCamera cam = app.camera;
  Status s = app.renderer->render(app.list, cam, req.width, req.height, 4);
  if (!s) return s;
  return write_png(app.renderer->read_pixels(), req.path, req.transparent);
}

Status save_window_png(GLFWwindow* w, const std::string& path) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(w, &fw, &fh);
  Image img;
  img.width = fw;
  img.height = fh;
  img.rgba.resize(static_cast<std::size_t>(fw) * static_cast<std::size_t>(fh) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, fw, fh, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  Image flipped = img;
  const std::size_t row = static_cast<std::size_t>(fw) * 4;
  for (int yy = 0; yy < fh; ++yy)
    std::copy_n(&img.rgba[static_cast<std::size_t>(fh - 1 - yy) * row], row, &flipped.rgba[static_cast<std::size_t>(yy) * row]);
  return write_png(flipped, path);
}

void apply_ui_scale(App& app) {
  const float scale = app.base_scale * (app.ui.presentation ? 1.75f : 1.0f);
  ImGui::GetStyle() = app.base_style;
  ImGui::GetStyle().ScaleAllSizes(scale);
  ui::setup_fonts(scale);
  app.ui_draw->upload_fonts();
  app.ui.ui_scale = scale;
  app.presentation_applied = app.ui.presentation;
}

void store_settings(App& app) {
  Settings& s = app.settings;
  int ww = 0, wh = 0;
  glfwGetWindowSize(app.window, &ww, &wh);
  if (ww > 0 && wh > 0) s.window_width = ww, s.window_height = wh;
  s.highlight = highlight_mode_name(app.session.view.highlight);
  s.age_group = std::string(app.session.view.norm.id);
  s.last_drill = app.session.drill() ? app.session.drill()->id : "";
  s.side = app.session.side() == anatomy::Side::kLeft ? "left" : "right";
  s.overlay = app.session.view.overlay;
  s.show_skin = app.session.view.show_skin;
  s.show_labels = app.ui.show_labels;
  Status saved = save_settings(s, app.settings_path);
  if (!saved) log_warning(saved.error().message);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] main loop
// ---------------------------------------------------------------------------------------------

int run_window_app(const WindowOptions& options) {
  glfwSetErrorCallback([](int, const char* d) { log_warning(std::string("GLFW: ") + d); });
  if (!glfwInit()) {
    std::fprintf(stderr, "error: no display to open a window on; for a picture without one run: "
                         "hiplab render --out view.png\n");
    return 1;
  }
  const std::string settings_path = config_dir() + "/settings.json";
  SettingsLoad loaded_settings = load_settings(settings_path);
  if (!loaded_settings.warning.empty()) log_warning(loaded_settings.warning);
  const Settings& st = loaded_settings.settings;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_SRGB_CAPABLE, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width > 0 ? options.width : st.window_width,
                                        options.height > 0 ? options.height : st.window_height, "HipLab", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "error: no OpenGL 3.3 core context could be had for a window; for a picture without one "
                         "run: hiplab render --out view.png\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(options.frames > 0 ? 0 : 1);
  Status gl = load_gl(reinterpret_cast<GlProcLoader>(glfwGetProcAddress));
  if (!gl) {
    std::fprintf(stderr, "error: %s; for a picture without a window run: hiplab render --out view.png\n",
                 gl.error().message.c_str());
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }
  enable_gl_debug_output();

  int exit_code = 0;
  {
    auto app_ptr = std::make_unique<App>();
    App& app = *app_ptr;
    g_app = &app;
    app.window = window;
    app.settings = st;
    app.settings_path = settings_path;
    if (!loaded_settings.warning.empty()) app.ui.message = loaded_settings.warning;
    auto renderer = Renderer::create();
    if (!renderer) {
      std::fprintf(stderr, "error: %s\n", renderer.error().message.c_str());
      glfwDestroyWindow(window);
      glfwTerminate();
      return 1;
    }
    app.renderer = std::move(renderer.value());
    app.ui_draw = ui::UiDraw::create();
    if (!app.ui_draw) {
      std::fprintf(stderr, "error: the UI shaders do not build (see the warning above)\n");
      app.renderer.reset();
      glfwDestroyWindow(window);
      glfwTerminate();
      return 1;
    }
    app.ui.renderer_name = gl_description();
    glfwSetScrollCallback(window, on_scroll);  // before ImGui, which chains to them
    glfwSetKeyCallback(window, on_key);
    glfwSetDropCallback(window, on_drop);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    app.base_scale = std::clamp(std::max({1.0f, sx, sy}) * st.ui_scale, 1.0f, 3.0f);
    ui::apply_style();
    app.base_style = ImGui::GetStyle();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    app.ui.presentation = options.presentation;
    app.ui.show_help = options.help;
    apply_ui_scale(app);

    // Drills, muscle cards and the model; remembered settings on top.
    app.session.load_drills(asset_dir() + "/drills", data_dir() + "/drills");
    if (auto info = load_muscle_info(asset_dir() + "/anatomy/muscles.json")) app.muscle_info = std::move(info.value());
    else log_warning(info.error().message);
    if (auto info = load_bone_info(asset_dir() + "/anatomy/bones.json")) app.bone_cards.info = std::move(info.value());
    else log_warning(info.error().message);
    session::ViewSettings& v = app.session.view;
    parse_highlight_mode(st.highlight, v.highlight);
    if (auto n = anatomy::find_rom_norm(st.age_group)) v.norm = *n;
    v.overlay = st.overlay;
    v.show_skin = st.show_skin;
    app.ui.show_labels = st.show_labels;
    const std::string side = options.side.empty() ? st.side : options.side;
    app.session.set_side(side == "left" ? anatomy::Side::kLeft : anatomy::Side::kRight);
    const std::string drill = options.drill.empty() ? st.last_drill : options.drill;
    if (!drill.empty()) {
      const int index = app.session.find_drill(drill);
      if (index >= 0 && app.session.select_drill(index)) {
        if (options.time_s >= 0) app.session.playback().scrub(options.time_s);
        else app.session.playback().play();
      } else if (!options.drill.empty()) {
        std::fprintf(stderr, "error: --drill '%s': no such drill (see hiplab drills)\n", options.drill.c_str());
        exit_code = 2;
      }
    }
    const std::string path = options.model.empty() ? default_model_path() : options.model;
    if (!open_model(app, path)) {
      std::fprintf(stderr, "error: %s\n", app.ui.message.c_str());
      if (!options.model.empty()) exit_code = 1;  // a model named on the command line must load
    }
    if (!options.select.empty() && !session::select_by_name(v, app.model, options.select, app.session.side())) {
      std::fprintf(stderr, "error: %s\n", session::unknown_selection_message(options.select).c_str());
      exit_code = 2;
    }

    int frame = 0;
    auto last = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window) && exit_code == 0) {
      glfwPollEvents();
      for (const std::string& p : app.dropped) open_model(app, p);
      app.dropped.clear();
      const auto now = std::chrono::steady_clock::now();
      const double dt = std::min(std::chrono::duration<double>(now - last).count(), 0.1);
      app.ui.frame_ms = std::chrono::duration<double, std::milli>(now - last).count();
      last = now;
      app.session.update(dt);

      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      handle_mouse(app);
      ui::UiActions actions = ui::draw_app_ui(app.ui, app.session, app.frame, app.has_model ? &app.model : nullptr,
                                              app.muscle_info, &app.bone_cards);
      if (actions.quit) glfwSetWindowShouldClose(window, 1);
      if (actions.open_file) open_model(app, *actions.open_file);
      camera_request(app, actions.camera);
      if (app.ui.follow_hip && app.body && app.move.start < 0) app.camera.target = glm::mix(app.camera.target, working_hip(app), 0.2f);
      update_camera_move(app);
      if (actions.settings_changed) store_settings(app);
      ImGui::Render();
      if (app.presentation_applied != app.ui.presentation) apply_ui_scale(app);

      if (actions.screenshot) {
        Status s = save_screenshot(app, *actions.screenshot);
        app.ui.message = s ? "Saved " + actions.screenshot->path : s.error().message;
        app.ui.message_is_error = !s;
      }
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      if (fw > 0 && fh > 0) {
        build_list(app, false, true, fh);
        if (app.session.current_drill() != app.framed_drill) {
          app.framed_drill = app.session.current_drill();
          app.frame_pending = true;
        }
        if (app.frame_pending && app.has_model) {
          // A new model or drill: fit the posed body (lying, sitting or standing) into the view.
          app.frame_pending = false;
          OrbitCamera target = app.camera;
          target.frame(posed_bounds(app.model, app.pose), aspect_of(window));
          if (frame == 0) app.camera = target;
          else glide_to(app, target);
        }
        // The scene and the panels into the renderer's image (unchanged panels are kept from the
        // last frame: ui/ui_draw.h), then onto the screen.
        Status drawn = ui::render_scene_and_ui(*app.renderer, *app.ui_draw, app.list, app.camera, fw, fh, 4, ImGui::GetDrawData());
        if (drawn) {
          app.renderer->present(fw, fh);
        } else {
          app.ui.message = drawn.error().message;
          app.ui.message_is_error = true;
          glBindFramebuffer(GL_FRAMEBUFFER, 0);
          glViewport(0, 0, fw, fh);
          glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
          glClear(GL_COLOR_BUFFER_BIT);
          app.ui_draw->draw(ImGui::GetDrawData(), fw, fh);
        }
        app.ui.samples = app.renderer->samples();
        app.ui.gpu_ms = app.renderer->gpu_ms(false);
      }
      ++frame;
      const bool last_frame = options.frames > 0 && frame >= options.frames;
      if (last_frame && !options.screenshot.empty()) {
        Status s = save_window_png(window, options.screenshot);
        if (!s) {
          std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
          exit_code = 1;
        } else {
          std::printf("%s\n", options.screenshot.c_str());
        }
      }
      glfwSwapBuffers(window);
      if (last_frame) break;
    }
    if (options.frames == 0) store_settings(app);
    if (gl_error_count() > 0) {
      std::fprintf(stderr, "error: OpenGL reported errors (last: %s)\n", gl_last_error().c_str());
      exit_code = 1;
    }
    app.ui_draw.reset();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    if (app.has_model) app.renderer->release(app.handle);
    app.renderer.reset();
    g_app = nullptr;
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace hiplab::app
