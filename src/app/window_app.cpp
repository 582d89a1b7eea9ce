// window_app.cpp — see window_app.h. The main loop: open the window and its GL context, set up the
// App (app/app_state.h) and ImGui, then per frame: events, mouse (app/mouse_input.h), panels, camera
// glides (app/camera_moves.h), the frame (app/window_frame.h); settings are app/window_settings.h,
// opening models app/model_open.h.
#include "app/window_app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <unistd.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/app_state.h"
#include "app/camera_moves.h"
#include "app/model_open.h"
#include "app/mouse_input.h"
#include "app/paths.h"
#include "app/process_memory.h"
#include "app/version.h"
#include "app/window_fit.h"
#include "app/window_frame.h"
#include "app/records_open.h"
#include "app/scene_options.h"
#include "app/window_settings.h"
#include "app/window_video.h"
#include "assets/activity_demands_loader.h"
#include "assets/muscle_layers.h"
#include "core/atomic_file.h"
#include "core/log.h"
#include "render/gl_context.h"
#include "render/image.h"
#include "render/texture.h"

namespace hiplab::app {

float aspect_of(GLFWwindow* w) {
  int fw = 1, fh = 1;
  if (w) glfwGetFramebufferSize(w, &fw, &fh);  // none: an App driven headless by a test
  return static_cast<float>(std::max(fw, 1)) / static_cast<float>(std::max(fh, 1));
}

namespace {

// Where the Handout dialog's page preview is drawn: a fresh owner-only folder (the page shows the
// patient's name), removed again once the picture is read.
std::string handout_preview_path() {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string dir = std::string(runtime && *runtime ? runtime : "/tmp") + "/hiplab-handout-XXXXXX";
  if (!mkdtemp(dir.data())) return "/nonexistent/hiplab-handout-preview.png";  // the child then says why
  return dir + "/page.png";
}

// The preview job ended: its picture becomes the dialog's page, or its message says why not.
void show_handout_preview(App& app, int status, const std::string& message) {
  const std::string file = app.handout_preview_file;
  app.handout_preview_file.clear();
  ui::HandoutDialog& d = app.ui.handout;
  if (status != 0) {
    app.ui.message = message;
    app.ui.message_is_error = true;
  } else if (auto image = read_png(file)) {
    app.handout_preview = Texture2D::create(image->rgba.data(), image->width, image->height, TextureFilter::kLinear);
    d.preview_texture = app.handout_preview ? app.handout_preview->id() : 0;
    d.preview_w = image->width;
    d.preview_h = image->height;
    app.ui.message = "Page " + std::to_string(d.preview_page) + " as it will print";
    app.ui.message_is_error = false;
  } else {
    app.ui.message = image.error().message;
    app.ui.message_is_error = true;
  }
  std::remove(file.c_str());
  const std::size_t slash = file.rfind('/');
  if (slash != std::string::npos) ::rmdir(file.substr(0, slash).c_str());
}

void apply_ui_scale(App& app) {
  const float scale = app.base_scale * (app.ui.presentation ? 1.75f : 1.0f);
  app.imgui->set_scale(scale);
  app.ui_draw->upload_fonts();
  app.ui.ui_scale = scale;
  app.presentation_applied = app.ui.presentation;
}

// A window with a GL 3.3 core context made current and its functions loaded; null after printing
// why not (the caller exits 1).
GLFWwindow* open_window(const WindowOptions& options, const Settings& st) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_SRGB_CAPABLE, GLFW_TRUE);
  // The X11 class the desktop entry's StartupWMClass names, so the launcher's icon is the window's.
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "HipLab");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "hiplab");
  // A size from --size is the user's; the remembered or default one is fitted to the screen it
  // opens on (app/window_fit.h), centred there when it had to shrink.
  WindowPlacement placement{options.width > 0 ? options.width : st.window_width,
                            options.height > 0 ? options.height : st.window_height};
  if (options.width <= 0 || options.height <= 0) {
    WorkArea area;
    float scale = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      glfwGetMonitorWorkarea(monitor, &area.x, &area.y, &area.width, &area.height);
      float sy = 1.0f;
      glfwGetMonitorContentScale(monitor, &scale, &sy);
      scale = std::max(scale, sy);
    }
    placement = fit_window(placement.width, placement.height, area, scale);
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once in its place
  GLFWwindow* window = glfwCreateWindow(placement.width, placement.height, "HipLab", nullptr, nullptr);
  if (window) {
    if (placement.place) glfwSetWindowPos(window, placement.x, placement.y);
    glfwShowWindow(window);
  }
  if (!window) {
    std::fprintf(stderr, "error: no OpenGL 3.3 core context could be had for a window; for a picture without one "
                         "run: hiplab render --out view.png\n");
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(options.frames > 0 ? 0 : 1);
  Status gl = load_gl(reinterpret_cast<GlProcLoader>(glfwGetProcAddress));
  if (!gl) {
    std::fprintf(stderr, "error: %s; for a picture without a window run: hiplab render --out view.png\n",
                 gl.error().message.c_str());
    glfwDestroyWindow(window);
    return nullptr;
  }
  enable_gl_debug_output();
  return window;
}

// ImGui on the window, styled and scaled for its monitor.
void start_imgui(App& app, const WindowOptions& options) {
  app.imgui = ui::UiContext::for_window(app.window);
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(app.window, &sx, &sy);
  app.base_scale = std::clamp(std::max({1.0f, sx, sy}) * app.settings.ui_scale, 1.0f, 3.0f);
  app.ui.presentation = options.presentation;
  app.ui.show_help = options.help;
  app.ui.version = version_line();
  apply_ui_scale(app);
}

// Drills, muscle and bone cards, the remembered settings, the start drill, the model and the
// selection. Returns the exit code so far: 2 for a --drill or --select that names nothing, 1 for a
// --model that does not load.
int load_start_state(App& app, const WindowOptions& options, std::future<PreloadedModel>& preloaded) {
  int exit_code = 0;
  app.session.load_drills(asset_dir() + "/drills", data_dir() + "/drills");
  if (auto info = load_muscle_info(asset_dir() + "/anatomy/muscles.json")) app.muscle_info = std::move(info.value());
  else log_warning(info.error().message);
  app.session.view.display_names = muscle_display_names(app.muscle_info);  // the view names muscles as the panels do
  if (auto info = load_bone_info(asset_dir() + "/anatomy/bones.json")) app.bone_cards.info = std::move(info.value());
  else log_warning(info.error().message);
  // Without the layers the window works on, only unpeeled (the Muscles panel says why).
  if (auto layers = load_muscle_layers(asset_dir() + "/anatomy/muscle_layers.json")) app.session.view.layers = layers.value();
  else log_warning(layers.error().message);
  apply_settings(app, app.settings, options);
  if (!open_start_drill(app, options)) {
    std::fprintf(stderr, "error: --drill '%s': no such drill (see hiplab drills)\n", options.drill.c_str());
    exit_code = 2;
  }
  // The shipped body was being read while the window opened; a file named with --model is read
  // now, in the sandbox (app/import_sandbox.h).
  if (!(preloaded.valid() ? open_preloaded_model(app, preloaded.get()) : open_model(app, options.model))) {
    std::fprintf(stderr, "error: %s\n", app.ui.message.c_str());
    if (!options.model.empty()) exit_code = 1;  // a model named on the command line must load
  }
  // A peel preset named at start is seen from its own side, as its button turns the view (framed
  // on the first frame).
  if (const session::PeelPreset* preset = session::find_peel_preset(app.session.view.peel.preset); preset && !options.peel.empty())
    app.camera.set_preset(preset->view);
  if (!options.select.empty() &&
      !session::select_by_name(app.session.view, app.model, options.select, app.session.side())) {
    std::fprintf(stderr, "error: %s\n", session::unknown_selection_message(options.select).c_str());
    exit_code = 2;
  }
  if (options.patient > 0) {
    if (auto shown = ui::show_patient(app.ui.patients, app.session, options.patient); !shown) {
      std::fprintf(stderr, "error: --patient: %s\n", shown.error().message.c_str());
      exit_code = 1;
    }
  }
  return exit_code;
}

// Frames until the window closes (or options.frames are drawn); returns the exit code.
int main_loop(App& app, const WindowOptions& options) {
  GLFWwindow* window = app.window;
  int exit_code = 0;
  int frame = 0;
  bool ready_written = false;
  auto last = std::chrono::steady_clock::now();
  while (!glfwWindowShouldClose(window)) {
    glfwPollEvents();
    for (const std::string& p : app.dropped) start_model_open(app, p);  // the last one dropped wins
    app.dropped.clear();
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - last).count(), 0.1);
    app.ui.frame_ms = std::chrono::duration<double, std::milli>(now - last).count();
    if (app.ui.developer && frame % 15 == 0) app.ui.resident_mib = process_memory().resident_mib;  // for F12
    last = now;
    app.session.update(dt);

    app.imgui->new_frame();
    handle_mouse(app);
    ui::UiActions actions = ui::draw_app_ui(app.ui, app.session, app.frame, app.has_model ? &app.model : nullptr,
                                            app.muscle_info, &app.bone_cards);
    if (actions.quit) glfwSetWindowShouldClose(window, 1);
    if (actions.open_file) start_model_open(app, *actions.open_file);
    if (actions.cancel_load) app.loading.cancel();
    poll_model_open(app);
    camera_request(app, actions.camera);
    if (actions.drill_view) go_to_drill_view(app, *actions.drill_view, false);
    if (app.ui.follow_hip && app.body && !app.glide.active())
      app.camera.target = glm::mix(app.camera.target, working_hip(app), 0.2f);
    update_camera_glide(app);
    app.camera.mirrored = app.session.view.mirror;
    if (actions.settings_changed) store_settings(app);
    ImDrawData* panels = app.imgui->finish_frame();
    if (app.presentation_applied != app.ui.presentation) apply_ui_scale(app);

    if (actions.video_cancel) cancel_video_export(app);
    if (actions.video_export) start_video_export(app);
    if (actions.video_options_changed) video_options_changed(app);
    video_export_tick(app);
    if (actions.screenshot) {
      Status s = save_screenshot(app, *actions.screenshot);
      app.ui.message = s ? "Saved " + actions.screenshot->path : s.error().message;
      app.ui.message_is_error = !s;
    }
    if (actions.handout) {
      std::vector<std::string> argv{own_program_path()};
      argv.insert(argv.end(), actions.handout->begin(), actions.handout->end());
      // A preview goes to a private temporary file (the arguments end with --out FILE).
      app.handout_preview_file.clear();
      if (actions.handout_preview) {
        app.handout_preview_file = handout_preview_path();
        argv.back() = app.handout_preview_file;
      }
      const bool started = app.handout_job.start(argv);
      app.ui.handout.running = started;
      app.ui.handout.previewing = started && actions.handout_preview;
      app.ui.message = started ? (actions.handout_preview ? "Drawing the handout's page..." : "Making the handout...") : app.handout_job.why();
      app.ui.message_is_error = !started;
    }
    if (const auto ended = app.handout_job.poll()) {
      app.ui.handout.running = false;
      app.ui.handout.previewing = false;
      if (!app.handout_preview_file.empty()) {
        show_handout_preview(app, ended->status, ended->message);
      } else {
        app.ui.message = ended->status == 0 ? "Saved " + ended->message : ended->message;
        app.ui.message_is_error = ended->status != 0;
      }
    }
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window, &fw, &fh);
    if (fw > 0 && fh > 0) {
      build_list(app, false, true, fw, fh);
      fit_view_if_needed(app, frame == 0);
      reframe_if_view_changed(app, fw, fh);
      draw_window_frame(app, panels, fw, fh);
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
    // The first frame is shown: now the levels of detail (app/model_open.h). A scripted run waits
    // for them, so what it draws after the first frame does not depend on the machine's speed.
    if (frame == 1) start_deferred_lods(app);
    poll_deferred_lods(app, options.frames > 0);
    // Then the bones' fields (the volumes pushed out of bone): no frame waits for them, as a
    // scripted run's clicks must not land in a frozen window (they took 3 s in the sanitizer
    // build); a scripted run waits only before its last frame, so its picture is the pushed one.
    start_deferred_bone_fields(app);
    poll_deferred_bone_fields(app, options.frames > 0 && frame + 1 >= options.frames);
    if (!ready_written && !options.ready_file.empty() && frame >= 2 && !app.lods_pending && !app.lod_build.valid() &&
        !app.bone_fields_pending && !app.bone_field_build.valid() && !app.loading.active()) {
      ready_written = true;
      if (Status s = write_file_atomic(options.ready_file, "ready\n"); !s) log_warning(s.error().message);
    }
  }
  if (options.report_state) {
    const motion::Drill* d = app.session.drill();
    int ww = 0, wh = 0, wx = 0, wy = 0;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetWindowPos(window, &wx, &wy);
    // The side panels as last drawn (x,y,width,height in the window, y down; 0s where not drawn).
    const glm::vec4 l = app.ui.side_panels[0].rect, r = app.ui.side_panels[1].rect;
    // The camera as it ended (framing: what the app last framed and whether the camera is still
    // that: "none" once the user moved it).
    const char* framing = "none";
    switch (app.framing.kind) {
      case App::AppliedFraming::Kind::kFocus: framing = "pelvis-and-legs"; break;
      case App::AppliedFraming::Kind::kDrillView: framing = "drill-view"; break;
      case App::AppliedFraming::Kind::kRequest: framing = "button"; break;
      case App::AppliedFraming::Kind::kNone: break;
    }
    std::printf("drill=%s playing=%s time=%.2f window=%dx%d+%d+%d bone_fields=%zu left_panel=%.0f,%.0f,%.0f,%.0f "
                "right_panel=%.0f,%.0f,%.0f,%.0f framing=%s camera=%.4f,%.4f,%.4f,%.4f,%.4f label_scale=%.2f\n",
                d ? d->id.c_str() : "none", app.session.playback().playing() && app.session.mode() == session::Mode::kDrill ? "yes" : "no",
                app.session.playback().time(), ww, wh, wx, wy, app.model.bone_fields.size(), l.x, l.y, l.z, l.w, r.x, r.y, r.z, r.w,
                framing, app.camera.yaw, app.camera.pitch, app.camera.distance, app.camera.lens_shift.x, app.camera.lens_shift.y,
                app.list.ui_scale);
  }
  return exit_code;
}

}  // namespace

int run_window_app(const WindowOptions& options) {
  // The shipped body is read on a worker thread while the window and its GL context open.
  std::future<PreloadedModel> preloaded;
  if (options.model.empty()) preloaded = preload_model(default_model_path());
  glfwSetErrorCallback([](int, const char* d) { log_warning(std::string("GLFW: ") + d); });
  if (!glfwInit()) {
    std::fprintf(stderr, "error: no display to open a window on; for a picture without one run: "
                         "hiplab render --out view.png\n");
    return 1;
  }
  const std::string settings_path = config_dir() + "/settings.json";
  SettingsLoad loaded_settings = load_settings(settings_path);
  if (!loaded_settings.warning.empty()) log_warning(loaded_settings.warning);
  GLFWwindow* window = open_window(options, loaded_settings.settings);
  if (!window) {
    glfwTerminate();
    return 1;
  }

  int exit_code = 0;
  {
    auto app_ptr = std::make_unique<App>();
    App& app = *app_ptr;
    app.window = window;
    app.settings = loaded_settings.settings;
    app.settings_path = settings_path;
    if (!loaded_settings.warning.empty()) app.ui.message = loaded_settings.warning;
    // Patients' records: offered unless switched off; opened only when the Patients window is
    // first shown, so a window that never shows it never creates a records file.
    {
      auto where = records::parse_records_location(app.settings.records, settings_path + ": records", default_records_path());
      app.ui.patients.available = !where || where->kind != records::RecordsLocation::Kind::kOff;
      if (where) app.ui.patients.open_store = [w = *where] { return open_records(w); };
      else app.ui.patients.error = where.error().message;
      // The activities' range for the charts and the overlay; without it the charts just lack the lines.
      if (auto acts = load_activity_demands(asset_dir() + "/anatomy/activity_demands.json"))
        app.ui.patients.activities = std::make_shared<const anatomy::ActivityDemands>(std::move(acts.value()));
      else
        std::fprintf(stderr, "warning: %s\n", acts.error().message.c_str());
    }
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
    install_input_callbacks(app);  // before ImGui, which chains to them
    start_imgui(app, options);

    exit_code = load_start_state(app, options, preloaded);
    if (exit_code == 0) exit_code = main_loop(app, options);
    if (options.frames == 0) store_settings(app);
    if (gl_error_count() > 0) {
      std::fprintf(stderr, "error: OpenGL reported errors (last: %s)\n", gl_last_error().c_str());
      exit_code = 1;
    }
    end_video_export(app);
    ui::release_patient_textures(app.ui.patients);  // while the GL context is still there
    app.ui_draw.reset();
    app.imgui.reset();
    if (app.has_model) app.renderer->release(app.handle);
    app.renderer.reset();
    remove_input_callbacks();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace hiplab::app
