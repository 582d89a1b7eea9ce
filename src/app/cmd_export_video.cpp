#include "app/cmd_export_video.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include <unistd.h>

#include "app/headless.h"
#include "app/paths.h"
#include "app/video_export.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"

namespace hiplab::app {

namespace {

// Ctrl+C (SIGINT) and SIGTERM ask the export to stop between frames; the handler only sets a flag.
std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }

std::string seconds_text(double s) {
  const int n = static_cast<int>(s + 0.5);
  char buf[32];
  if (n >= 60) std::snprintf(buf, sizeof buf, "%d min %02d s", n / 60, n % 60);
  else std::snprintf(buf, sizeof buf, "%d s", n);
  return buf;
}

// The progress line: a bar redrawn in place on a terminal (at most 10 times a second), else one
// plain line at each tenth done. The time left is the mean time per frame so far times the frames left.
class Progress {
 public:
  explicit Progress(std::string name) : name_(std::move(name)), tty_(::isatty(2) == 1), start_(Clock::now()) {}
  void update(int done, int total) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    const double left = done > 0 ? elapsed / done * (total - done) : 0.0;
    const int percent = total > 0 ? done * 100 / total : 100;
    if (tty_) {
      const auto now = Clock::now();
      if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
      last_ = now;
      constexpr int kWidth = 30;
      const int filled = total > 0 ? done * kWidth / total : kWidth;
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.append(static_cast<std::size_t>(kWidth - filled), '.');
      std::fprintf(stderr, "\r%s [%s] %3d%%  %d/%d frames  %s left   ", name_.c_str(), bar.c_str(), percent, done, total,
                   seconds_text(left).c_str());
      if (done == total) std::fputc('\n', stderr);
    } else {
      while (next_tenth_ <= 10 && percent >= next_tenth_ * 10) {
        std::fprintf(stderr, "%s: %d%% (%d/%d frames), about %s left\n", name_.c_str(), next_tenth_ * 10, done, total,
                     seconds_text(left).c_str());
        ++next_tenth_;
      }
    }
    std::fflush(stderr);
  }
  void interrupted() {
    if (tty_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string name_;
  bool tty_;
  Clock::time_point start_, last_{};
  int next_tenth_ = 1;
};

}  // namespace

Command add_export_video_command(CLI::App& app) {
  auto o = std::make_shared<VideoOptions>();
  CLI::App* sub = app.add_subcommand("export-video", "Export a drill as a video (MP4 or WebM) or an animated GIF, captioned, to send home");
  sub->add_option("--drill", o->drill, "A drill by id, name or file (see hiplab drills)")->required();
  sub->add_option("--side", o->side, "Working side: left or right (the drill mirrored)");
  sub->add_option("--reps", o->reps, "Reps in the clip (default 3, or the drill's reps per set when fewer); set-up once, then the reps");
  sub->add_option("--view", o->view, "front, back, left, right (or side), top; or drill / drill:N, the drill's own views (default: its first)");
  sub->add_option("--highlight", o->highlight, "working | stretched | none (default: the drill's own)");
  sub->add_option("--overlay", o->overlay, "on | off: the joint-limit overlay at both hips (default off)");
  sub->add_option("--captions", o->captions, "on | off: the phase's cue, the hold countdown and the rep burnt in (default on)");
  sub->add_option("--size", o->size, "Picture size WxH (default 1280x720; 480x270 for a GIF, at most 800 wide)");
  sub->add_option("--fps", o->fps, "Frames per second, 1..60 (default 30; 15 for a GIF)");
  sub->add_option("--out", o->out, "Output file: .mp4 (H.264), .webm (VP9) or .gif; written under a temporary name, "
                                   "renamed when complete")->required();

  auto run = [o]() -> int {
    auto plan = plan_video(*o);
    if (!plan) {
      std::fprintf(stderr, "error: %s\n", plan.error().message.c_str());
      return 2;
    }
    auto model = load_prepared_body();
    if (!model) {
      std::fprintf(stderr, "error: %s\n", model.error().message.c_str());
      return 1;
    }
    auto session = HeadlessSession::create();
    if (!session) {
      std::fprintf(stderr, "error: %s\n", session.error().message.c_str());
      return 1;
    }
    prepare_camera(plan.value(), model.value());
    g_stop = false;
    struct sigaction stop_action {}, old_int {}, old_term {};
    stop_action.sa_handler = on_stop_signal;
    sigemptyset(&stop_action.sa_mask);
    sigaction(SIGINT, &stop_action, &old_int);
    sigaction(SIGTERM, &stop_action, &old_term);
    Progress progress("export-video");
    auto result = export_video(plan.value(), *session.value(), model.value(),
                               [&](int done, int total) { progress.update(done, total); }, &g_stop);
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
    if (!result) {
      progress.interrupted();
      std::fprintf(stderr, "error: %s\n", result.error().message.c_str());
      return 1;
    }
    if (result->stopped) {
      progress.interrupted();
      std::fprintf(stderr, "export-video: stopped; %s was not written\n", o->out.c_str());
      return 130;  // as a shell reports a command ended by Ctrl+C
    }
    std::fprintf(stderr, "export-video: %d frames, %.1f s of %s at %dx%d, %d fps, %.1f MB in %.1f s\n", result->frames,
                 static_cast<double>(result->frames) / plan->video.fps, media::video_format_name(plan->video.format),
                 plan->video.width, plan->video.height, plan->video.fps, static_cast<double>(result->bytes) / 1e6,
                 result->seconds);
    std::printf("%s\n", o->out.c_str());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
