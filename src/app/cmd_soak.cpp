// cmd_soak.cpp — `hiplab soak`: renders headless frames for a given time, cycling every shipped
// drill on both sides through the three highlight modes (each drill played for a few seconds of its
// own time at 30 frames a second), every fourth cycle sweeping the hands-on angles of both legs
// through their ranges, with the real UI panels, the overlay and the labels, as the window draws
// them. Each minute it prints resident memory, the minute's median frame time and GL errors; at the
// end a verdict: resident memory after the first minute (warm-up) grows by at most 5%, the last
// minute's median frame time is within 25% of the second minute's, no GL error. Exit 1 otherwise.
// Not part of CI (scripts/test): it is meant to run for 30 minutes or more.
#include "app/cmd_soak.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include <unistd.h>

#include "app/cli_values.h"
#include "app/headless.h"
#include "app/paths.h"
#include "app/process_memory.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/muscle_info.h"
#include "render/gl_context.h"
#include "scene/frame_builder.h"
#include "scene/landmarks.h"
#include "session/session.h"
#include "ui/app_ui.h"
#include "ui/ui_context.h"
#include "ui/ui_draw.h"

namespace hiplab::app {
namespace {

using Clock = std::chrono::steady_clock;

double resident_mib() { return process_memory().resident_mib; }

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

Command add_soak_command(CLI::App& app) {
  struct Opts {
    double minutes = 30.0;
    std::string size = "1280x720";
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("soak", "Render headless frames for a long time, cycling every drill, side, highlight "
                                            "and the hands-on angles; print memory and frame time each minute");
  sub->add_option("--minutes", o->minutes, "How long to run (0.1..1440; at least 30 for a verdict worth quoting)");
  sub->add_option("--size", o->size, "Viewport WxH");
  auto run = [o]() -> int {
    if (!(o->minutes >= 0.1 && o->minutes <= 1440.0)) {
      std::fprintf(stderr, "error: --minutes %g: expected 0.1..1440\n", o->minutes);
      return 2;
    }
    auto size = parse_size("--size", o->size, kMaxRenderSize);
    if (!size) {
      std::fprintf(stderr, "error: %s\n", size.error().message.c_str());
      return 2;
    }
    auto loaded = load_prepared_body();
    if (!loaded) {
      std::fprintf(stderr, "error: %s\n", loaded.error().message.c_str());
      return 1;
    }
    const Model& model = loaded.value();
    auto hs = HeadlessSession::create();
    if (!hs) {
      std::fprintf(stderr, "error: %s\n", hs.error().message.c_str());
      return 1;
    }
    Renderer& r = hs.value()->renderer();
    auto handle = r.upload(model);
    if (!handle) {
      std::fprintf(stderr, "error: %s\n", handle.error().message.c_str());
      return 1;
    }
    session::Session s;
    s.load_drills(asset_dir() + "/drills", "");
    if (s.drills().empty()) {
      std::fprintf(stderr, "error: no drills in %s/drills\n", asset_dir().c_str());
      return 1;
    }
    std::vector<MuscleInfo> info;
    if (auto i = load_muscle_info(asset_dir() + "/anatomy/muscles.json")) info = std::move(i.value());
    auto imgui = ui::UiContext::offscreen(size->width, size->height);
    imgui->set_scale(1.0f);
    auto ui_draw = ui::UiDraw::create();
    if (!ui_draw) {
      std::fprintf(stderr, "error: the UI shaders do not build\n");
      return 1;
    }
    ui_draw->upload_fonts();
    ui::UiState ui_state;
    const float aspect = static_cast<float>(size->width) / static_cast<float>(size->height);
    NodeTransforms pose = NodeTransforms::bind(model);
    OrbitCamera cam = camera_for_view(model, pose, ViewPreset::kFront, aspect);
    DrawList list;
    session::ComputedFrame computed;

    const auto start = Clock::now();
    const double total_s = o->minutes * 60.0;
    std::vector<double> minute_ms;
    std::vector<double> minute_median, minute_rss;
    int gl_errors = 0, frame = 0, cycle = 0, minute = 0;
    std::printf("%-7s %-10s %-14s %-10s %s\n", "minute", "frames", "frame median", "resident", "GL errors");
    const HighlightMode modes[] = {HighlightMode::kWorking, HighlightMode::kStretched, HighlightMode::kNone};
    constexpr int kFramesPerDrill = 150;  // five seconds of the drill's own time at 30 fps
    while (std::chrono::duration<double>(Clock::now() - start).count() < total_s) {
      // What this stretch of frames shows: drill, side and highlight, or the hands-on sweep.
      const int drills = static_cast<int>(s.drills().size());
      const int d = cycle % drills, side = (cycle / drills) % 2, mode = (cycle / (2 * drills)) % 3;
      const bool sweep = cycle % 4 == 3;
      if (!sweep) {
        if (!s.select_drill(d)) return 1;
        s.set_side(side ? anatomy::Side::kLeft : anatomy::Side::kRight);
      } else {
        if (!s.select_drill(-1)) return 1;  // no drill: the hands-on pose
        s.begin_pose_edit();
      }
      s.view.highlight = modes[mode];
      s.view.overlay = true;
      for (int k = 0; k < kFramesPerDrill; ++k, ++frame) {
        const auto t0 = Clock::now();
        if (sweep) {
          // Both legs through their ranges: flexion, adduction, rotation and knee, out of phase.
          const double ph = 2.0 * 3.14159265358979 * k / kFramesPerDrill;
          for (anatomy::Side sd : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
            s.set_channel(motion::leg_channel(sd, anatomy::LegCoord::kHipFlexion), 1.2 * std::sin(ph) + 0.5);
            s.set_channel(motion::leg_channel(sd, anatomy::LegCoord::kHipAdduction), 0.5 * std::sin(2.0 * ph));
            s.set_channel(motion::leg_channel(sd, anatomy::LegCoord::kHipRotation), 0.8 * std::sin(3.0 * ph));
            s.set_channel(motion::leg_channel(sd, anatomy::LegCoord::kKneeFlexion), 1.0 + std::sin(ph));
          }
        } else {
          s.playback().scrub(std::fmod(k / 30.0, s.timeline()->duration()));
        }
        list.clear();
        session::compute_frame(s.current_pose(), s.view, computed);
        computed.request.body_options.muscle_px_per_m = cam.pixels_per_metre(static_cast<float>(size->height));
        build_frame(model, handle.value(), computed.request, pose, list);
        add_landmark_labels(computed.request.body, s.side(), list);
        imgui->new_frame();
        ui::draw_app_ui(ui_state, s, computed, &model, info);
        ImDrawData* panels = imgui->finish_frame();
        if (Status st = ui::render_scene_and_ui(r, *ui_draw, list, cam, size->width, size->height, 4, panels, true); !st) {
          std::fprintf(stderr, "error: %s\n", st.error().message.c_str());
          return 1;
        }
        finish_gl_work();
        minute_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed >= 60.0 * (minute + 1) || elapsed >= total_s) {
          ++minute;
          gl_errors = gl_error_count();
          minute_median.push_back(median(minute_ms));
          minute_rss.push_back(resident_mib());
          std::printf("%-7d %-10d %-11.2f ms %-7.1f MiB %d\n", minute, frame + 1, minute_median.back(), minute_rss.back(), gl_errors);
          std::fflush(stdout);
          minute_ms.clear();
          if (elapsed >= total_s) break;
        }
      }
      if (sweep) s.end_pose_edit();
      ++cycle;
    }
    if (minute_rss.empty()) return 1;
    // Warm-up: the first minute (caches, shader variants, fonts); the frame time baseline is the
    // second minute's (the first includes compiles).
    const double rss0 = minute_rss.front(), rss1 = minute_rss.back();
    const double growth = rss0 > 0.0 ? (rss1 - rss0) / rss0 : 0.0;
    const double base_ms = minute_median.size() > 1 ? minute_median[1] : minute_median.front();
    const double last_ms = minute_median.back();
    const bool memory_ok = growth <= 0.05, time_ok = last_ms <= 1.25 * base_ms, gl_ok = gl_errors == 0;
    std::printf("soak: %d frames in %d minute(s), %d drill/side/highlight stretches; resident %.1f -> %.1f MiB (%+.1f%% after "
                "warm-up, limit +5%%): %s; frame median %.2f -> %.2f ms (limit +25%%): %s; GL errors %d: %s\n",
                frame, minute, cycle, rss0, rss1, 100.0 * growth, memory_ok ? "ok" : "GROWING", base_ms, last_ms,
                time_ok ? "ok" : "SLOWER", gl_errors, gl_ok ? "ok" : "ERRORS");
    return memory_ok && time_ok && gl_ok ? 0 : 1;
  };
  return {sub, run};
}

}  // namespace hiplab::app
