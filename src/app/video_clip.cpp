#include "app/video_clip.h"

#include <algorithm>
#include <cmath>

namespace hiplab::app {

Result<DrillClip> DrillClip::make(const motion::Drill& drill, anatomy::Side side, int reps, bool shorten_holds) {
  motion::Drill d = drill;
  d.dosage.sets = 1;
  d.dosage.reps = std::max(reps, 1);
  std::erase_if(d.phases, [](const motion::Phase& p) { return p.part == motion::PhasePart::kFinish; });
  auto tl = motion::Timeline::build(d, side);
  if (!tl) return tl.error();
  DrillClip c;
  c.timeline_ = std::move(tl.value());
  c.reps_ = d.dosage.reps;
  double at = 0.0;
  for (const motion::PhaseInstance& in : c.timeline_.instances()) {
    const bool hold = c.timeline_.drill().phases[static_cast<std::size_t>(in.phase)].hold;
    const bool shorter = shorten_holds && hold && in.duration_s > kGifHoldMaxS;
    const double length = shorter ? kGifHoldShownS : in.duration_s;
    c.segments_.push_back({at, length, in.start_s, in.duration_s, shorter});
    at += length;
  }
  c.duration_ = at;
  return c;
}

int DrillClip::frame_count(int fps) const { return std::max(1, static_cast<int>(std::lround(duration_ * fps))); }

const DrillClip::Segment& DrillClip::segment_at(double t) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), t, [](double x, const Segment& s) { return x < s.clip_start; });
  return it == segments_.begin() ? segments_.front() : *std::prev(it);
}

double DrillClip::drill_time(double t) const {
  const Segment& s = segment_at(t);
  const double u = std::clamp((t - s.clip_start) / std::max(s.clip_length, 1e-9), 0.0, 1.0);
  return std::min(s.drill_start + u * s.drill_length, timeline_.duration());
}

std::optional<double> DrillClip::shortened_hold(double t) const {
  const Segment& s = segment_at(t);
  if (!s.shortened) return std::nullopt;
  return s.drill_length;
}

int default_clip_reps(const motion::Drill& drill) { return std::clamp(drill.dosage.reps, 1, 3); }

std::vector<BodyPoseInput> drill_motion_poses(const motion::Timeline& tl) {
  std::vector<BodyPoseInput> out;
  for (const motion::PhaseInstance& in : tl.instances()) {
    if (in.set > 1 || in.rep > 1) continue;
    for (int k = 0; k <= 8; ++k) {
      const motion::DrillFrame f = tl.evaluate(in.start_s + in.duration_s * k / 8.0);
      out.push_back({f.legs, f.upper, f.pelvis_world});
    }
  }
  return out;
}

}  // namespace hiplab::app
