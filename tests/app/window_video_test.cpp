// window_video_test.cpp — the window's Export video dialog carried out (src/app/window_video.h)
// without a window: an App with a renderer on a headless context, the body model uploaded and the
// clamshell chosen, as the window has them. The dialog's options give a preview frame and the
// clip's length; Export draws at most about 40 ms of clip frames per window frame (so the window
// keeps answering) and ends with the file, which ffprobe reads as asked; Cancel leaves no file.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "app/app_state.h"
#include "app/headless.h"
#include "app/paths.h"
#include "app/window_video.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "scene/body_pose.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {

struct WindowLike {
  std::unique_ptr<app::HeadlessSession> session;
  app::App app;
};

// Empty when the machine has no GL; else an App as the window holds it with the clamshell chosen.
std::unique_ptr<WindowLike> make_app(std::string& why) {
  auto session = app::HeadlessSession::create();
  if (!session) {
    if (test::gl_unavailable(session.error().message)) why = session.error().message;
    else FAIL(session.error().message);
    return nullptr;
  }
  auto w = std::make_unique<WindowLike>();
  w->session = std::move(session.value());
  auto renderer = Renderer::create();
  REQUIRE(renderer.ok());
  w->app.renderer = std::move(renderer.value());
  auto model = load_model(app::default_model_path());
  REQUIRE(model.ok());
  bake_ambient_occlusion(model.value());
  build_lods(model.value());
  auto handle = w->app.renderer->upload(model.value());
  REQUIRE(handle.ok());
  w->app.model = std::move(model.value());
  w->app.handle = handle.value();
  w->app.has_model = true;
  w->app.body = is_body_model(w->app.model);
  w->app.pose = NodeTransforms::bind(w->app.model);
  w->app.session.load_drills(app::asset_dir() + "/drills", "");
  REQUIRE(w->app.session.select_drill(w->app.session.find_drill("clamshell")).ok());
  return w;
}

}  // namespace

TEST_CASE("window Export video: a preview, then the clip one slice of frames per window frame, the file as asked") {
  if (std::system("command -v ffprobe >/dev/null 2>&1") != 0) HIPLAB_SKIP("ffprobe not installed (Debian package ffmpeg)");
  std::string why;
  auto w = make_app(why);
  if (!w) HIPLAB_SKIP(why);
  app::App& a = w->app;
  const auto dir = test::scratch_dir("window_video");
  ui::VideoDialog& v = a.ui.video;
  v.open = true;
  v.reps = 1;
  v.size = 3;  // 640x360
  v.fps = 5;
  v.path = (dir / "clamshell").string();
  app::video_options_changed(a);
  CHECK(v.status == "");
  CHECK(v.clip_s == doctest::Approx(6.0));  // set-up 2 s + one 4 s rep
  CHECK(v.preview_texture != 0);
  CHECK(v.preview_w == 420);
  CHECK(v.preview_h == 236);

  app::start_video_export(a);
  REQUIRE(v.running);
  CHECK(v.total == 30);
  int ticks = 0;
  double slowest_ms = 0.0;
  while (v.running && ticks < 2000) {
    const auto t0 = std::chrono::steady_clock::now();
    app::video_export_tick(a);
    slowest_ms = std::max(slowest_ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ++ticks;
    if (v.finishing) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  INFO(v.status);
  CHECK_FALSE(v.running);
  CHECK(v.done == 30);
  CHECK(v.status.rfind("Saved " + (dir / "clamshell.mp4").string(), 0) == 0);
  CHECK(ticks > 1);  // the window got its turn between slices
  // A slice is about 40 ms of frames plus the one that crossed it; on a loaded software renderer a
  // 640x360 frame takes up to ~150 ms.
  CHECK(slowest_ms < 1000.0);
  char cmd[512];
  std::snprintf(cmd, sizeof cmd, "ffprobe -v error -show_entries stream=codec_name,width,height -of csv=p=0 '%s'",
                (dir / "clamshell.mp4").c_str());
  std::string out;
  if (FILE* p = ::popen(cmd, "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
  }
  CHECK(out == "h264,640,360\n");
  app::end_video_export(a);
  a.renderer->release(a.handle);
  fs::remove_all(dir);
}

TEST_CASE("window Export video: Cancel stops it and leaves no file") {
  std::string why;
  auto w = make_app(why);
  if (!w) HIPLAB_SKIP(why);
  app::App& a = w->app;
  const auto dir = test::scratch_dir("window_video_cancel");
  ui::VideoDialog& v = a.ui.video;
  v.reps = 2;
  v.size = 3;
  v.fps = 10;
  v.format = 1;  // WebM
  v.path = (dir / "clip").string();
  app::start_video_export(a);
  REQUIRE(v.running);
  app::video_export_tick(a);
  app::video_export_tick(a);
  CHECK(v.done > 0);
  CHECK(v.done < v.total);
  CHECK_FALSE(fs::is_empty(dir));  // the temporary file
  app::cancel_video_export(a);
  CHECK_FALSE(v.running);
  CHECK(v.status == "Stopped: " + (dir / "clip.webm").string() + " was not written.");
  CHECK(fs::is_empty(dir));
  app::end_video_export(a);
  a.renderer->release(a.handle);
  fs::remove_all(dir);
}
