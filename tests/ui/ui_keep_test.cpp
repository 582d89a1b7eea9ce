// Tests keeping the UI's unchanged panels between frames (ui/ui_draw.h, ui/ui_layers.h,
// DrawList::kept_regions): the real panels over the body while a clamshell plays, with the help
// overlay opening and closing and the mouse moving over a panel, drawn on one renderer with the
// unchanged panels kept and on another with everything drawn every frame, give the same pixels in
// every frame, while most of the panels are in fact kept.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <imgui.h>

#include "app/headless.h"
#include "app/paths.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/muscle_info.h"
#include "render/gl.h"
#include "render/gl_context.h"
#include "session/session.h"
#include "ui/app_ui.h"
#include "ui/ui_draw.h"
#include "test_support.h"

using namespace hiplab;

TEST_CASE("UI: panels kept from the last frame give the same pixels as drawing every panel every frame") {
  const std::string path = app::default_model_path();
  auto hs = app::HeadlessSession::create(true);
  if (!hs.ok() && test::gl_unavailable(hs.error().message)) HIPLAB_SKIP(hs.error().message);
  REQUIRE_MESSAGE(hs.ok(), (hs.ok() ? "" : hs.error().message));
  auto loaded = load_model(path);  // the shipped body: required
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  build_lods(loaded.value());
  const Model& model = loaded.value();
  Renderer& kept_r = hs.value()->renderer();
  auto full_r = Renderer::create();
  REQUIRE(full_r.ok());
  auto kept_h = kept_r.upload(model);
  auto full_h = full_r.value()->upload(model);
  REQUIRE(kept_h.ok());
  REQUIRE(full_h.ok());

  session::Session s;
  s.load_drills(app::asset_dir() + "/drills", "");
  const int clam = s.find_drill("clamshell");
  REQUIRE(clam >= 0);
  REQUIRE(s.select_drill(clam).ok());
  s.view.overlay = true;
  const auto* tl = s.timeline();
  REQUIRE(tl != nullptr);
  const int rest = tl->find_phase_instance("Rest"), open = tl->find_phase_instance("Open");
  REQUIRE(rest >= 0);
  REQUIRE(open >= 0);
  const double t0 = tl->instances()[static_cast<std::size_t>(rest)].start_s;
  const auto& oi = tl->instances()[static_cast<std::size_t>(open)];
  const double t1 = oi.start_s + oi.duration_s;
  std::vector<MuscleInfo> info;
  if (auto i = load_muscle_info(app::asset_dir() + "/anatomy/muscles.json")) info = std::move(i.value());

  const int w = 1280, h = 720;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  ui::apply_style();
  ui::setup_fonts(1.0f);
  auto kept_ui = ui::UiDraw::create();
  auto full_ui = ui::UiDraw::create();
  REQUIRE(kept_ui);
  REQUIRE(full_ui);
  kept_ui->upload_fonts();  // one atlas texture, named in the draw lists both draw

  ui::UiState ui_state;
  NodeTransforms kept_pose = NodeTransforms::bind(model), full_pose = NodeTransforms::bind(model);
  OrbitCamera cam;
  {
    // Framed on the drill's lying body, as the window frames a drill.
    s.playback().scrub(t0);
    session::ComputedFrame first;
    session::compute_frame(s.current_pose(), s.view, first);
    NodeTransforms posed = NodeTransforms::bind(model);
    DrawList scratch;
    build_frame(model, kept_h.value(), first.request, posed, scratch);
    cam = app::camera_for_view(model, posed, ViewPreset::kFront, static_cast<float>(w) / h);
  }
  const int frames = 18;
  int frames_with_kept = 0, frames_with_redrawn_panel = 0;
  std::size_t most_differing = 0;
  for (int f = 0; f < frames; ++f) {
    s.playback().scrub(t0 + (t1 - t0) * f / (frames - 1));
    ui_state.show_help = f >= 6 && f < 9;                                  // F1 help opens, then closes
    io.MousePos = f >= 11 && f < 14 ? ImVec2(60.0f, 183.0f) : ImVec2(-1, -1);  // over "Front (1)", then away
    session::ComputedFrame computed;
    session::compute_frame(s.current_pose(), s.view, computed);
    computed.request.body_options.muscle_px_per_m = cam.pixels_per_metre(static_cast<float>(h));
    io.DeltaTime = 1.0f / 30.0f;
    ImGui::NewFrame();
    ui::draw_app_ui(ui_state, s, computed, &model, info);
    ImGui::Render();

    DrawList kept_list, full_list;
    build_frame(model, kept_h.value(), computed.request, kept_pose, kept_list);
    build_frame(model, full_h.value(), computed.request, full_pose, full_list);
    REQUIRE(ui::render_scene_and_ui(kept_r, *kept_ui, kept_list, cam, w, h, 4, ImGui::GetDrawData(), true).ok());
    REQUIRE(ui::render_scene_and_ui(*full_r.value(), *full_ui, full_list, cam, w, h, 4, ImGui::GetDrawData(), false).ok());
    frames_with_kept += !kept_list.kept_regions.empty();
    frames_with_redrawn_panel += kept_ui->last_drawn_layers() > 0 && !kept_list.kept_regions.empty();

    const Image a = kept_r.read_pixels(), b = full_r.value()->read_pixels();
    REQUIRE(a.rgba.size() == b.rgba.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) differing += std::memcmp(&a.rgba[i], &b.rgba[i], 4) != 0;
    INFO("frame " << f << ": " << differing << " pixels differ");
    CHECK(differing == 0);
    most_differing = std::max(most_differing, differing);
  }
  MESSAGE("frames with kept panels: " << frames_with_kept << " of " << frames << "; most pixels differing in a frame: " << most_differing);
  CHECK(frames_with_kept >= frames / 2);   // the test is not vacuous: panels were kept ...
  CHECK(frames_with_redrawn_panel >= 3);   // ... while others were drawn again over the scene
  CHECK(gl_error_count() == 0);
  kept_ui.reset();
  full_ui.reset();
  ImGui::DestroyContext();
}
