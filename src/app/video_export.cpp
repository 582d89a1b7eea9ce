#include "app/video_export.h"

#include <chrono>

#include "app/cli_values.h"
#include "app/cmd_drill_moment.h"
#include "app/scene_options.h"
#include "scene/captions.h"
#include "scene/framing.h"
#include "scene/highlight.h"

namespace hiplab::app {

Result<VideoPlan> plan_video(const VideoOptions& o) {
  if (o.drill.empty()) return make_error("--drill: expected a drill (see hiplab drills)");
  if (o.out.empty()) return make_error("--out: expected a file name ending in .mp4, .webm or .gif");
  const auto format = media::video_format_for_path(o.out);
  if (!format) return make_error("--out '" + o.out + "': expected a file name ending in .mp4, .webm or .gif");
  const bool gif = *format == media::VideoFormat::kGif;
  auto side = parse_side(o.side);
  if (!side) return side.error();
  if (o.reps && (*o.reps < 1 || *o.reps > 100)) return make_error("--reps " + std::to_string(*o.reps) + ": expected 1..100");
  if (o.overlay != "on" && o.overlay != "off") return make_error("--overlay '" + o.overlay + "': expected on or off");
  if (o.captions != "on" && o.captions != "off") return make_error("--captions '" + o.captions + "': expected on or off");
  HighlightMode highlight = HighlightMode::kWorking;
  if (!o.highlight.empty() && !parse_highlight_mode(o.highlight, highlight))
    return make_error("--highlight '" + o.highlight + "': expected working, stretched or none");
  std::optional<int> drill_view;
  std::optional<ViewPreset> preset;
  if (o.view.empty() || o.view == "drill") {
    drill_view = 0;
  } else if (o.view.rfind("drill:", 0) == 0) {
    const std::string n = o.view.substr(6);
    if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1)
      return make_error("--view '" + o.view + "': expected drill:N with N = 1, 2, ... (the drill's own views)");
    drill_view = std::stoi(n) - 1;
  } else {
    preset = parse_view_preset(o.view);
    if (!preset) return make_error("--view '" + o.view + "': expected front, back, left, right, side, top, drill or drill:N");
  }
  VideoPlan plan;
  plan.video.format = *format;
  plan.video.width = gif ? 480 : 1280;
  plan.video.height = gif ? 270 : 720;
  if (!o.size.empty()) {
    auto size = parse_size("--size", o.size, kMaxRenderSize);
    if (!size) return size.error();
    plan.video.width = size->width;
    plan.video.height = size->height;
  }
  plan.video.fps = o.fps ? *o.fps : gif ? 15 : 30;
  if (std::string why = media::check_video_settings(plan.video); !why.empty()) return make_error(why);
  if (gif && plan.video.width > kMaxGifWidth)
    return make_error("--size " + std::to_string(plan.video.width) + "x" + std::to_string(plan.video.height) +
                      ": a GIF is at most " + std::to_string(kMaxGifWidth) + " pixels wide (use .mp4 or .webm for larger)");

  auto drill = find_drill(o.drill);
  if (!drill) return drill.error();
  plan.drill = std::move(drill.value());
  plan.side = side.value();
  const int reps = o.reps ? *o.reps : default_clip_reps(plan.drill);
  auto clip = DrillClip::make(plan.drill, plan.side, reps, gif);
  if (!clip) return make_error("--reps " + std::to_string(reps) + ": " + clip.error().message);
  plan.clip = std::move(clip.value());
  if (gif && plan.clip.duration() > kMaxGifSeconds)
    return make_error("--reps " + std::to_string(reps) + ": the GIF would last " + std::to_string(static_cast<int>(plan.clip.duration())) +
                      " s; a GIF is at most " + std::to_string(static_cast<int>(kMaxGifSeconds)) +
                      " s (fewer reps, or .mp4 / .webm)");
  const std::vector<motion::DrillView>& views = plan.clip.timeline().drill().views;
  if (drill_view && !views.empty() && *drill_view >= static_cast<int>(views.size())) {
    std::string names;
    for (std::size_t i = 0; i < views.size(); ++i)
      names += (i ? ", " : "") + std::string("drill:") + std::to_string(i + 1) + " (" + views[i].name + ")";
    return make_error("--view '" + o.view + "': the drill has " + std::to_string(views.size()) + " view(s): " + names);
  }
  if (drill_view && views.empty()) {
    if (!o.view.empty()) return make_error("--view '" + o.view + "': this drill names no views of its own (expected front, back, left, right, side or top)");
    drill_view.reset();
    preset = ViewPreset::kFront;
  }
  plan.drill_view = drill_view;
  // The highlight that fits the drill, as its file names it (as render and the window do).
  if (o.highlight.empty() && !plan.clip.timeline().drill().highlight.empty())
    parse_highlight_mode(plan.clip.timeline().drill().highlight, highlight);
  plan.view.highlight = highlight;
  plan.view.overlay = o.overlay == "on";
  plan.view.name_muscles = true;
  plan.view.display_names = load_muscle_display_names();
  plan.view.props = true;
  plan.view.contact_arrows = false;
  // Muscle names and overlay labels sized for the picture as the window's are for 720 lines, no
  // smaller than legible in a small GIF.
  plan.view.ui_scale = std::clamp(static_cast<float>(plan.video.height) / 720.0f, 0.6f, 2.0f);
  plan.captions = o.captions == "on";
  plan.out = o.out;
  plan.frames = plan.clip.frame_count(plan.video.fps);
  plan.request.width = plan.video.width;
  plan.request.height = plan.video.height;
  plan.request.msaa = 4;
  if (preset) plan.request.view = *preset;
  if (drill_view) plan.request.from_body = views[static_cast<std::size_t>(*drill_view)].from;
  return plan;
}

OrbitCamera drill_framing_camera(const motion::Timeline& timeline, const Model& model, const ViewRequest& request,
                                 bool captions) {
  OrbitCamera cam;
  if (request.from_body) look_from_body_direction(cam, timeline.evaluate(0.0).pelvis_world, *request.from_body);
  else cam.set_preset(request.view);
  const float aspect = static_cast<float>(request.width) / static_cast<float>(std::max(request.height, 1));
  const glm::vec4 ndc = captions ? glm::vec4(-1.0f, -1.0f + 2.0f * kCaptionBottomBand, 1.0f, 1.0f - 2.0f * kCaptionTopBand)
                                 : glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f);
  frame_focus_over(cam, model, drill_motion_poses(timeline), aspect, ndc);
  cam.mirrored = request.mirror;
  return cam;
}

void prepare_camera(VideoPlan& plan, const Model& model) {
  // The camera of the drill as its file has it (all its phases), so a still of any moment framed
  // `--framing drill` matches the clip's frame of it.
  auto full = motion::Timeline::build(plan.drill, plan.side);
  const motion::Timeline& tl = full ? full.value() : plan.clip.timeline();
  plan.request.camera = drill_framing_camera(tl, model, plan.request, plan.captions);
}

ViewRequest clip_frame_request(const VideoPlan& plan, const Model& model, int index) {
  const double clip_t = static_cast<double>(index) / plan.video.fps;
  const motion::DrillFrame f = plan.clip.timeline().evaluate(plan.clip.drill_time(clip_t));
  session::PoseSource pose = session::standing_pose(model);
  pose.legs = f.legs;
  pose.upper = f.upper;
  pose.pelvis_world = f.pelvis_world;
  pose.posture = f.posture;
  pose.loads = f.loads;
  session::ComputedFrame computed;
  session::compute_frame(pose, plan.view, computed);
  ViewRequest req = plan.request;
  req.frame = computed.request;
  if (plan.captions) {
    CaptionOptions co;
    co.picture_height = plan.video.height;
    co.shortened_hold_s = plan.clip.shortened_hold(clip_t);
    co.reps = plan.clip.reps();
    req.captions = drill_captions(plan.clip.timeline().drill(), f, co);
  }
  return req;
}

Result<std::unique_ptr<VideoExportJob>> VideoExportJob::start(const VideoPlan& plan, Renderer& renderer, const Model& model,
                                                               ModelHandle handle) {
  std::unique_ptr<VideoExportJob> job(new VideoExportJob());
  job->plan_ = plan;
  job->renderer_ = &renderer;
  job->model_ = &model;
  job->handle_ = handle;
  job->start_ = std::chrono::steady_clock::now();
  auto encoder = media::VideoEncoder::open(plan.out, plan.video);
  if (!encoder) return encoder.error();
  job->encoder_ = std::move(encoder.value());
  return job;
}

VideoExportJob::~VideoExportJob() {
  if (encoder_) encoder_->cancel();
}

Status VideoExportJob::step() {
  if (!encoder_) return make_error(plan_.out + ": the export was stopped");
  if (rendered_all()) return Ok{};
  auto image = render_uploaded(*renderer_, *model_, handle_, NodeTransforms::bind(*model_), clip_frame_request(plan_, *model_, done_));
  if (!image) return image.error();
  if (Status s = encoder_->add_frame(image->rgba.data()); !s) return s;
  ++done_;
  return Ok{};
}

double VideoExportJob::seconds_left() const {
  if (done_ == 0) return 0.0;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return elapsed / done_ * (plan_.frames - done_);
}

Result<VideoResult> VideoExportJob::finish() {
  if (!encoder_) return make_error(plan_.out + ": the export was stopped");
  Status s = encoder_->finish();
  VideoResult r;
  r.frames = done_;
  r.bytes = encoder_->bytes_written();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!s) encoder_->cancel();
  encoder_.reset();
  if (!s) return s.error();
  return r;
}

void VideoExportJob::cancel() {
  if (encoder_) encoder_->cancel();
  encoder_.reset();
}

Result<VideoResult> export_video(const VideoPlan& plan, HeadlessSession& session, const Model& model,
                                 const std::function<void(int, int)>& progress, const std::atomic<bool>* stop) {
  auto handle = session.renderer().upload(model);
  if (!handle) return handle.error();
  Result<VideoResult> result = VideoResult{};
  {
    auto job = VideoExportJob::start(plan, session.renderer(), model, handle.value());
    if (!job) {
      result = job.error();
    } else {
      while (!job.value()->rendered_all()) {
        if (stop && *stop) break;
        if (Status s = job.value()->step(); !s) {
          result = s.error();
          break;
        }
        if (progress) progress(job.value()->frames_done(), plan.frames);
      }
      if (result && !job.value()->rendered_all()) {
        job.value()->cancel();  // stopped: no partial file
        result.value().stopped = true;
        result.value().frames = job.value()->frames_done();
      } else if (result) {
        result = job.value()->finish();
      }
    }
  }
  session.renderer().release(handle.value());
  return result;
}

}  // namespace hiplab::app
