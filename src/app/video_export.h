// video_export.h — `hiplab export-video` and the window's Export video dialog share this: the
// options checked into a plan (which drill, side, reps, view, look, size, frame rate, file), and the
// export itself: each frame of the clip (app/video_clip.h) posed, solved and drawn by the same
// renderer as `hiplab render` (app/headless.h), with the captions burnt in (scene/captions.h), and
// encoded by media/video_encoder.h while the next frame renders. Progress is reported per frame;
// a stop request ends it between frames and leaves no file (the encoder writes a temporary file).
#pragma once
#include <atomic>
#include <chrono>
#include <memory>
#include <functional>
#include <optional>
#include <string>

#include "app/headless.h"
#include "app/video_clip.h"
#include "assets/model.h"
#include "core/result.h"
#include "media/video_encoder.h"
#include "session/view_state.h"

namespace hiplab::app {

// As typed on the command line (or picked in the dialog); empty strings and unset values take the
// defaults: the drill's first own view, its own highlight, overlay off, captions on, 1280x720 at
// 30 fps (480x270 at 15 fps for a GIF), default_clip_reps reps.
struct VideoOptions {
  std::string drill;
  std::string side = "right";
  std::optional<int> reps;
  std::string view;       // front, back, left, right, side, top, drill, drill:N
  std::string highlight;  // working, stretched, none
  std::string overlay = "off";
  std::string captions = "on";
  std::string size;       // WxH
  std::optional<int> fps;
  std::string out;        // .mp4, .webm or .gif
};

// Largest GIF: its frames wait in memory until the clip's palette is known (width x height x 4
// bytes each), so a GIF is kept to what a chat message needs.
inline constexpr int kMaxGifWidth = 800;
inline constexpr double kMaxGifSeconds = 60.0;

struct VideoPlan {
  motion::Drill drill;           // as in its file
  anatomy::Side side = anatomy::Side::kRight;
  DrillClip clip;
  media::VideoSettings video;
  session::ViewSettings view;
  ViewRequest request;           // size, view, still camera (set by prepare_camera), mirror off
  std::optional<int> drill_view;  // index of the drill's own view, when one is used
  bool captions = true;
  std::string out;
  int frames = 0;
};

// Checks every option; errors are the user's (exit code 2) and name the option and what was expected.
Result<VideoPlan> plan_video(const VideoOptions& o);

// Sets the plan's still camera for the model (frame_focus_over the drill's motion, from the plan's view).
void prepare_camera(VideoPlan& plan, const Model& model);

// The request for clip frame `index` (its pose, effort solve, look and captions).
ViewRequest clip_frame_request(const VideoPlan& plan, const Model& model, int index);

struct VideoResult {
  bool stopped = false;  // a stop request ended it (no file)
  int frames = 0;
  std::int64_t bytes = 0;
  double seconds = 0.0;  // wall time
};

// The export one frame at a time, for a caller that must keep doing other things between frames
// (the window renders a frame of the clip per frame of its own, so it stays responsive): frames are
// drawn with `renderer` (the current GL context's) from `model` already uploaded as `handle`, and
// queued to the encoder, which encodes on its own thread.
class VideoExportJob {
 public:
  static Result<std::unique_ptr<VideoExportJob>> start(const VideoPlan& plan, Renderer& renderer, const Model& model,
                                                       ModelHandle handle);
  ~VideoExportJob();  // unfinished: cancelled (no file)
  VideoExportJob(const VideoExportJob&) = delete;
  VideoExportJob& operator=(const VideoExportJob&) = delete;
  Status step();  // draws and queues the next frame
  bool rendered_all() const { return done_ >= plan_.frames; }
  int frames_done() const { return done_; }
  int frames_total() const { return plan_.frames; }
  double seconds_left() const;  // estimated from the time per frame so far
  // Waits for the encoder and renames the file into place (no GL: may run on another thread).
  Result<VideoResult> finish();
  void cancel();  // stops at once; the temporary file is removed

 private:
  VideoExportJob() = default;
  VideoPlan plan_;
  Renderer* renderer_ = nullptr;
  const Model* model_ = nullptr;
  ModelHandle handle_;
  std::unique_ptr<media::VideoEncoder> encoder_;
  int done_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// The whole export at once (the command line): uploads the model to the session's renderer,
// `progress(done, total)` after each frame; `stop`, when it becomes true, ends the export between
// frames (VideoResult::stopped, no file). The model must be prepared as for `hiplab render`
// (ambient occlusion baked, levels built).
Result<VideoResult> export_video(const VideoPlan& plan, HeadlessSession& session, const Model& model,
                                 const std::function<void(int, int)>& progress, const std::atomic<bool>* stop);

// The camera a still framed like a clip of this drill uses (`hiplab render --framing drill`): from
// the request's view (a drill's own view turned by the pelvis at the drill's start), framing the
// body over the drill's whole motion, between the caption bands when there are captions.
OrbitCamera drill_framing_camera(const motion::Timeline& timeline, const Model& model, const ViewRequest& request,
                                 bool captions);

}  // namespace hiplab::app
