// window_app.cpp — see window_app.h. [SECTION]s: input, model loading, main loop.
#include "app/window_app.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "render/gl.h"  // before GLFW so it does not pull in the system GL header
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/paths.h"
#include "assets/model_loader.h"
#include "core/log.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/model_scene.h"
#include "ui/viewer_ui.h"

namespace hiplab::app {
namespace {

struct App {
  GLFWwindow* window = nullptr;
  std::unique_ptr<Renderer> renderer;
  Model model;
  bool has_model = false;
  ModelHandle handle;
  Pose pose;
  OrbitCamera camera;
  ui::ViewerUiState ui;
  // input
  double last_x = 0, last_y = 0;
  bool dragging_orbit = false, dragging_pan = false;
  double last_click_time = -1.0, click_x = 0, click_y = 0;
  float pending_scroll = 0.0f;
  std::vector<std::string> dropped;
};

void describe(App& app) {
  const Model& m = app.model;
  app.ui.model_path = m.source;
  app.ui.model_lines = {std::to_string(m.meshes.size()) + " meshes, " + std::to_string(m.triangle_count()) + " triangles",
                        std::to_string(m.nodes.size()) + " nodes, " + std::to_string(m.bone_count()) + " bones",
                        "loaded in " + std::to_string(static_cast<int>(std::lround(m.load_ms))) + " ms"};
}

float aspect_of(GLFWwindow* w) {
  int fw = 1, fh = 1;
  glfwGetFramebufferSize(w, &fw, &fh);
  return static_cast<float>(std::max(fw, 1)) / static_cast<float>(std::max(fh, 1));
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
  app.pose = Pose::bind(app.model);
  app.camera.set_preset(ViewPreset::kFront);
  app.camera.frame(posed_bounds(app.model, app.pose), aspect_of(app.window));
  describe(app);
  if (!report.warnings.empty()) {
    app.ui.message = report.warnings.front() + (report.warnings.size() > 1 ? " (and more warnings in the log)" : "");
    app.ui.message_is_error = false;
  } else {
    app.ui.message.clear();
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] input
// ---------------------------------------------------------------------------------------------

App* g_app = nullptr;  // GLFW callbacks have no user pointer of ours besides the window's

void on_scroll(GLFWwindow*, double, double dy) {
  if (g_app) g_app->pending_scroll += static_cast<float>(dy);
}
void on_drop(GLFWwindow*, int count, const char** paths) {
  if (g_app && count > 0) g_app->dropped.emplace_back(paths[0]);
}

glm::vec2 cursor_ndc(GLFWwindow* w, double x, double y) {
  int ww = 1, wh = 1;
  glfwGetWindowSize(w, &ww, &wh);
  return {static_cast<float>(2.0 * x / std::max(ww, 1) - 1.0), static_cast<float>(1.0 - 2.0 * y / std::max(wh, 1))};
}

void handle_input(App& app) {
  ImGuiIO& io = ImGui::GetIO();
  GLFWwindow* w = app.window;
  double x = 0, y = 0;
  glfwGetCursorPos(w, &x, &y);
  const double dx = x - app.last_x, dy = y - app.last_y;
  app.last_x = x;
  app.last_y = y;
  int wh = 1, ww = 1;
  glfwGetWindowSize(w, &ww, &wh);
  const float aspect = aspect_of(w);

  const bool left = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
  const bool pan = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS ||
                   glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  if (!left) app.dragging_orbit = false;
  if (!pan) app.dragging_pan = false;
  if (!io.WantCaptureMouse) {
    if (left && !app.dragging_orbit && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      app.dragging_orbit = true;
      const double now = glfwGetTime();
      if (now - app.last_click_time < 0.35 && std::abs(x - app.click_x) < 4 && std::abs(y - app.click_y) < 4) {
        // Double-click: centre on the surface point under the cursor.
        int fw = 1, fh = 1;
        glfwGetFramebufferSize(w, &fw, &fh);
        const int px = static_cast<int>(x * fw / std::max(ww, 1)), py = static_cast<int>(y * fh / std::max(wh, 1));
        if (auto depth = app.renderer->read_depth(px, py)) {
          const glm::vec2 ndc = cursor_ndc(w, x, y);
          const glm::vec3 p = app.camera.unproject(glm::vec3(ndc, *depth), aspect);
          const glm::vec3 eye = app.camera.eye();
          app.camera.target = p;
          app.camera.distance = std::max(glm::length(eye - p), OrbitCamera::kMinDistance);
        }
        app.last_click_time = -1.0;
      } else {
        app.last_click_time = now;
        app.click_x = x;
        app.click_y = y;
      }
    }
    if (pan && !app.dragging_pan) app.dragging_pan = true;
    if (app.pending_scroll != 0.0f)
      app.camera.zoom_toward(std::pow(0.88f, app.pending_scroll), cursor_ndc(w, x, y), aspect);
  }
  app.pending_scroll = 0.0f;
  if (app.dragging_orbit && (dx != 0 || dy != 0)) app.camera.orbit(static_cast<float>(dx), static_cast<float>(dy));
  if (app.dragging_pan && (dx != 0 || dy != 0)) app.camera.pan(static_cast<float>(dx), static_cast<float>(dy), static_cast<float>(wh));

  if (!io.WantCaptureKeyboard) {
    const bool ctrl = io.KeyCtrl;
    if (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) glfwSetWindowShouldClose(w, 1);
    if (!ctrl) {
      if (ImGui::IsKeyPressed(GLFW_KEY_F, false) && app.has_model) app.camera.frame(posed_bounds(app.model, app.pose), aspect);
      // Dear ImGui 1.86 indexes keys by the backend's key codes (GLFW's).
      const int keys[] = {GLFW_KEY_1, GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_4, GLFW_KEY_5};
      const ViewPreset presets[] = {ViewPreset::kFront, ViewPreset::kBack, ViewPreset::kLeft, ViewPreset::kRight,
                                    ViewPreset::kTop};
      for (int i = 0; i < 5; ++i)
        if (ImGui::IsKeyPressed(keys[i], false)) app.camera.set_preset(presets[i]);
    }
  }
}

Status save_screenshot(GLFWwindow* w, const std::string& path) {
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
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_SRGB_CAPABLE, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "HipLab", nullptr, nullptr);
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
    App app;
    g_app = &app;
    app.window = window;
    auto renderer = Renderer::create();
    if (!renderer) {
      std::fprintf(stderr, "error: %s\n", renderer.error().message.c_str());
      glfwDestroyWindow(window);
      glfwTerminate();
      return 1;
    }
    app.renderer = std::move(renderer.value());
    app.ui.renderer_name = gl_description();
    glfwSetScrollCallback(window, on_scroll);  // before ImGui, which chains to it
    glfwSetDropCallback(window, on_drop);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    const float scale = std::max(1.0f, std::max(sx, sy));
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 6.0f;
    ImGui::GetStyle().ScaleAllSizes(scale);
    io.FontGlobalScale = scale;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    const std::string path = options.model.empty() ? default_model_path() : options.model;
    if (!open_model(app, path)) {
      std::fprintf(stderr, "error: %s\n", app.ui.message.c_str());
      if (!options.model.empty()) exit_code = 1;  // a model named on the command line must load
    }

    int frame = 0;
    auto last = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window) && exit_code == 0) {
      glfwPollEvents();
      for (const std::string& p : app.dropped) open_model(app, p);
      app.dropped.clear();

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      handle_input(app);
      ui::ViewerUiActions actions = ui::draw_viewer_ui(app.ui);
      if (actions.open_file) open_model(app, *actions.open_file);
      if (actions.preset) app.camera.set_preset(*actions.preset);
      if (actions.frame_model && app.has_model)
        app.camera.frame(posed_bounds(app.model, app.pose), aspect_of(window));
      ImGui::Render();

      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      if (fw > 0 && fh > 0) {
        DrawList list;
        if (app.has_model) add_model_to_scene(app.model, app.handle, app.pose, ModelSceneOptions{}, list);
        Status drawn = app.renderer->render(list, app.camera, fw, fh, 4);
        if (!drawn) {
          app.ui.message = drawn.error().message;
          app.ui.message_is_error = true;
        }
        app.renderer->present(fw, fh);
        app.ui.samples = app.renderer->samples();
        app.ui.gpu_ms = app.renderer->gpu_ms(false);
        glViewport(0, 0, fw, fh);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      }
      ++frame;
      const bool last_frame = options.frames > 0 && frame >= options.frames;
      if (last_frame && !options.screenshot.empty()) {
        Status s = save_screenshot(window, options.screenshot);
        if (!s) {
          std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
          exit_code = 1;
        } else {
          std::printf("%s\n", options.screenshot.c_str());
        }
      }
      glfwSwapBuffers(window);
      const auto now = std::chrono::steady_clock::now();
      app.ui.frame_ms = std::chrono::duration<double, std::milli>(now - last).count();
      last = now;
      if (last_frame) break;
    }
    if (gl_error_count() > 0) {
      std::fprintf(stderr, "error: OpenGL reported errors (last: %s)\n", gl_last_error().c_str());
      exit_code = 1;
    }
    ImGui_ImplOpenGL3_Shutdown();
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
