// app_state.h — what the window app holds while it runs: the window, the renderer, the model,
// the session and the state of the mouse. One App lives for one run_window_app() call; the
// files beside it each do one job on it (camera_moves, model_open, mouse_input, window_frame,
// window_settings, window_video) and window_app.cpp wires them into the main loop.
#pragma once
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "app/camera_glide.h"
#include "app/handout_job.h"
#include "app/video_export.h"
#include "render/texture.h"
#include "app/model_load_job.h"
#include "ui/ui_context.h"
#include "ui/ui_draw.h"
#include "assets/model.h"
#include "assets/muscle_info.h"
#include "assets/node_transforms.h"
#include "assets/settings.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/draw_list.h"
#include "session/session.h"
#include "ui/app_ui.h"

struct GLFWwindow;


namespace hiplab::app {

// The window's Export video dialog at work (app/window_video.h).
struct VideoWork {
  VideoWork();
  ~VideoWork();
  std::unique_ptr<VideoExportJob> job;  // frames still to draw
  std::future<Result<VideoResult>> finishing;  // every frame drawn: the encoder finishing the file
  std::unique_ptr<Texture2D> preview;
  std::string out;
};

struct App {
  GLFWwindow* window = nullptr;
  std::unique_ptr<Renderer> renderer;
  std::unique_ptr<ui::UiDraw> ui_draw;
  Model model;
  bool has_model = false, body = false;  // body: the HipLab body model (muscles, bone cards)
  ModelHandle handle;
  NodeTransforms pose;
  OrbitCamera camera;
  CameraGlide glide;
  session::Session session;
  session::ComputedFrame frame;
  std::vector<MuscleInfo> muscle_info;
  ui::BoneCards bone_cards;  // descriptions, and the muscles attached to each mesh of the model
  DrawList list;
  ui::UiState ui;
  Settings settings;
  std::string settings_path;
  float base_scale = 1.0f;
  HandoutJob handout_job;  // the Handout dialog's PDF, made beside the window (app/handout_job.h)
  std::string handout_preview_file;           // the page picture the running job makes ("" when it makes the PDF)
  std::unique_ptr<Texture2D> handout_preview; // the dialog's last page preview
  std::unique_ptr<ui::UiContext> imgui;  // Dear ImGui on this window (ui/ui_context.h)
  bool presentation_applied = false;
  // input
  double last_x = 0, last_y = 0;
  bool dragging_orbit = false, dragging_pan = false;
  int drag_hip_side = -1;  // >= 0 while dragging a thigh/shin: rotates that hip (0 right, 1 left)
  double press_x = 0, press_y = 0;
  double last_click_time = -1.0, click_x = 0, click_y = 0;
  float pending_scroll = 0.0f;
  std::vector<std::string> dropped;
  ModelLoadJob loading;  // a model being opened off the UI thread (app/model_open.h)
  // The start-up model's levels of detail, made on a worker thread after the first frame
  // (app/model_open.h); they replace the model only if it is still the one they were made from.
  std::future<Model> lod_build;
  bool lods_pending = false;
  int model_generation = 0, lod_generation = -1;
  // Then the bones' distance fields that keep its muscle volumes out of bone (assets/bone_field.h),
  // on their own worker that no frame waits for (a scripted run only before its last frame).
  std::future<std::vector<BoneField>> bone_field_build;
  bool bone_fields_pending = false;
  int bone_field_generation = -1;
  double hover_checked_at = 0.0;
  bool frame_pending = true;  // frame the posed model once the next frame is built
  int framed_drill = -2;
  // The framing the app applied last (a drill's view, the pelvis and legs, a camera button) and
  // the camera it gave, the window's size and the free part of the view it was made for: while the
  // camera is still that one (or gliding to it), a window made larger or smaller, or panels that
  // leave another part of the view free, get the same framing again (app/camera_moves.h
  // reframe_if_view_changed). An orbit, pan or zoom by the user leaves it alone.
  struct AppliedFraming {
    enum class Kind { kNone, kFocus, kDrillView, kRequest };
    Kind kind = Kind::kNone;
    int view = 0;                                               // kDrillView: its index
    ui::CameraRequest request = ui::CameraRequest::kNone;       // kRequest
    OrbitCamera camera;
    glm::ivec2 size{0};
    glm::vec4 free{0.0f};
  } framing;
  VideoWork video;
};

// Width / height of the window's framebuffer (1 when minimised, or without a window).
float aspect_of(GLFWwindow* window);
// The part of the view the UI's docked panels left free in the last frame, in NDC (x0, y0, x1, y1)
// for OrbitCamera::frame (scene/framing.h free_view_rect; the whole view before the first frame).
glm::vec4 free_ndc(const App& app);

}  // namespace hiplab::app
