// video_clip.h — a drill played as a clip: the drill done for one side with the clip's number of
// reps (one set: the set-up phases once, then reps x the rep's phases; the finish phases and the
// rest between sets are left out), and which moment of it each frame of the clip shows.
// In a GIF a hold longer than kGifHoldMaxS plays in kGifHoldShownS (the held pose does not change;
// the effort ramp plays faster) and its caption says how long to hold instead of counting down
// (scene/captions.h). The still camera of a clip frames the body over the drill's whole motion
// (drill_motion_poses), so nothing leaves the picture as the legs move; `hiplab render --framing
// drill` frames a still the same way, so a frame of a clip and a still of the same moment agree.
// Units: seconds. Pure (no GL, no files).
#pragma once
#include <optional>
#include <vector>

#include "core/result.h"
#include "motion/drill.h"
#include "motion/timeline.h"
#include "scene/body_pose.h"

namespace hiplab::app {

inline constexpr double kGifHoldMaxS = 4.0;
inline constexpr double kGifHoldShownS = 3.0;

class DrillClip {
 public:
  // `reps` >= 1; shorten_holds for GIFs. Errors (a drill whose rep does not end where it starts,
  // asked to repeat) come from motion::Timeline::build.
  static Result<DrillClip> make(const motion::Drill& drill, anatomy::Side side, int reps, bool shorten_holds);

  const motion::Timeline& timeline() const { return timeline_; }
  int reps() const { return reps_; }
  double duration() const { return duration_; }  // of the clip
  int frame_count(int fps) const;                  // round(duration * fps), at least 1
  double drill_time(double clip_time) const;       // the timeline's time a clip time shows
  // The hold's real length when the clip shows a shortened hold at `clip_time`.
  std::optional<double> shortened_hold(double clip_time) const;

 private:
  struct Segment {
    double clip_start, clip_length, drill_start, drill_length;
    bool shortened;
  };
  const Segment& segment_at(double clip_time) const;
  motion::Timeline timeline_;
  std::vector<Segment> segments_;
  double duration_ = 0.0;
  int reps_ = 1;
};

// The default number of reps in a clip: 3, or the drill's reps per set when it has fewer.
int default_clip_reps(const motion::Drill& drill);

// The poses a clip's still camera frames: the drill's set-up phases, its first rep and its finish,
// 8 moments a phase (the other reps repeat the first).
std::vector<BodyPoseInput> drill_motion_poses(const motion::Timeline& timeline);

}  // namespace hiplab::app
