#include "app/window_video.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app/video_export.h"
#include "render/texture.h"

namespace hiplab::app {

VideoWork::VideoWork() = default;
VideoWork::~VideoWork() = default;

namespace {

Result<VideoPlan> dialog_plan(const App& app) {
  const ui::VideoDialog& v = app.ui.video;
  const int index = app.session.current_drill();
  if (index < 0) return make_error("no drill is chosen");
  VideoOptions o;
  o.drill = app.session.drills()[static_cast<std::size_t>(index)].file;
  o.side = v.side == 0 ? "right" : "left";
  o.reps = v.reps;
  o.view = ui::video_dialog_view(v);
  o.highlight = ui::video_dialog_highlight(v);
  o.overlay = v.overlay ? "on" : "off";
  o.captions = v.captions ? "on" : "off";
  const ui::VideoSize& size = ui::kVideoSizes[std::clamp(v.size, 0, static_cast<int>(std::size(ui::kVideoSizes)) - 1)];
  o.size = std::to_string(size.width) + "x" + std::to_string(size.height);
  o.fps = v.fps;
  o.out = ui::video_dialog_file(v);
  auto plan = plan_video(o);
  if (!plan) return plan;
  prepare_camera(plan.value(), app.model);
  return plan;
}

void report(App& app, const std::string& text, bool error) {
  app.ui.video.status = text;
  app.ui.video.status_error = error;
}

// A smaller copy for the dialog (each output pixel the mean of the input pixels it covers), so the
// preview keeps the look of the full-size frame and its text.
Image shrink(const Image& in, int width) {
  if (in.width <= width) return in;
  Image out;
  out.width = width;
  out.height = std::max(1, in.height * width / in.width);
  out.rgba.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4, 0);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      const int x0 = x * in.width / out.width, x1 = std::max(x0 + 1, (x + 1) * in.width / out.width);
      const int y0 = y * in.height / out.height, y1 = std::max(y0 + 1, (y + 1) * in.height / out.height);
      unsigned sum[4] = {0, 0, 0, 0};
      for (int yy = y0; yy < y1; ++yy)
        for (int xx = x0; xx < x1; ++xx)
          for (int c = 0; c < 4; ++c) sum[c] += in.pixel(xx, yy)[c];
      const unsigned n = static_cast<unsigned>((x1 - x0) * (y1 - y0));
      std::uint8_t* o = &out.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) + static_cast<std::size_t>(x)) * 4];
      for (int c = 0; c < 4; ++c) o[c] = static_cast<std::uint8_t>(sum[c] / n);
    }
  return out;
}

}  // namespace

void video_options_changed(App& app) {
  ui::VideoDialog& v = app.ui.video;
  if (const motion::Drill* d = app.session.drill()) {
    v.view_names.clear();
    for (const motion::DrillView& view : d->views) v.view_names.push_back(view.name);
  }
  if (v.running || !app.has_model || !app.body) return;
  auto plan = dialog_plan(app);
  if (!plan) {
    v.clip_s = 0.0;
    report(app, plan.error().message, true);
    return;
  }
  if (!v.status_error && v.status.rfind("Saved", 0) != 0) v.status.clear();
  if (v.status_error) v.status.clear();
  v.clip_s = plan->clip.duration();
  const int frame = std::clamp(static_cast<int>(v.preview_s * plan->video.fps), 0, plan->frames - 1);
  auto image = render_uploaded(*app.renderer, app.model, app.handle, app.pose, clip_frame_request(plan.value(), app.model, frame));
  if (!image) {
    report(app, image.error().message, true);
    return;
  }
  const Image small = shrink(image.value(), 420);
  app.video.preview = Texture2D::create(small.rgba.data(), small.width, small.height, TextureFilter::kLinear);
  v.preview_texture = app.video.preview ? app.video.preview->id() : 0;
  v.preview_w = small.width;
  v.preview_h = small.height;
}

void start_video_export(App& app) {
  ui::VideoDialog& v = app.ui.video;
  if (v.running || !app.has_model || !app.body) return;
  auto plan = dialog_plan(app);
  if (!plan) {
    report(app, plan.error().message, true);
    return;
  }
  auto job = VideoExportJob::start(plan.value(), *app.renderer, app.model, app.handle);
  if (!job) {
    report(app, job.error().message, true);
    return;
  }
  app.video.job = std::move(job.value());
  app.video.out = plan->out;
  v.running = true;
  v.finishing = false;
  v.done = 0;
  v.total = plan->frames;
  v.seconds_left = 0.0;
  report(app, "", false);
}

void cancel_video_export(App& app) {
  if (app.video.job) app.video.job->cancel();
  app.video.job.reset();
  if (app.video.finishing.valid()) app.video.finishing.wait();  // the file is complete or removed
  app.video.finishing = {};
  if (app.ui.video.running) report(app, "Stopped: " + app.video.out + " was not written.", false);
  app.ui.video.running = false;
  app.ui.video.finishing = false;
}

void video_export_tick(App& app) {
  ui::VideoDialog& v = app.ui.video;
  if (app.video.job) {
    // About 40 ms of clip frames a window frame, at least one.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(40);
    do {
      if (Status s = app.video.job->step(); !s) {
        app.video.job->cancel();
        app.video.job.reset();
        v.running = false;
        report(app, s.error().message, true);
        return;
      }
    } while (!app.video.job->rendered_all() && std::chrono::steady_clock::now() < until);
    v.done = app.video.job->frames_done();
    v.seconds_left = app.video.job->seconds_left();
    if (app.video.job->rendered_all()) {
      // The rest needs no GL: the encoder drains its queue and writes the file on another thread.
      std::shared_ptr<VideoExportJob> job(std::move(app.video.job));
      app.video.finishing = std::async(std::launch::async, [job] { return job->finish(); });
      v.finishing = true;
    }
    return;
  }
  if (app.video.finishing.valid() &&
      app.video.finishing.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    Result<VideoResult> r = app.video.finishing.get();
    v.running = false;
    v.finishing = false;
    if (!r) {
      report(app, r.error().message, true);
    } else {
      char text[160];
      std::snprintf(text, sizeof text, " (%.1f MB, %d frames in %.0f s)", static_cast<double>(r->bytes) / 1e6, r->frames, r->seconds);
      report(app, "Saved " + app.video.out + text, false);
    }
  }
}

void end_video_export(App& app) {
  cancel_video_export(app);
  app.video.preview.reset();
  app.ui.video.preview_texture = 0;
}

}  // namespace hiplab::app
