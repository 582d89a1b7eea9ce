#include "motion/playback.h"

#include <algorithm>
#include <cmath>

namespace hiplab::motion {

Playback::Playback(const Timeline& timeline) { set_timeline(timeline); }

void Playback::set_timeline(const Timeline& timeline) {
  phase_starts_.clear();
  for (const PhaseInstance& p : timeline.instances()) phase_starts_.push_back(p.start_s);
  duration_ = timeline.duration();
  time_ = std::clamp(time_, 0.0, duration_);
}

void Playback::play() {
  if (at_end()) time_ = 0.0;  // play after the end starts again
  playing_ = true;
}
void Playback::pause() { playing_ = false; }
void Playback::toggle() { playing_ ? pause() : play(); }

void Playback::set_speed(double speed) {
  if (std::isnan(speed)) return;
  speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

void Playback::set_frame_step(double seconds) {
  if (std::isfinite(seconds) && seconds > 0.0) frame_step_ = seconds;
}

bool Playback::advance(double wall_dt) {
  if (!playing_ || !std::isfinite(wall_dt) || wall_dt <= 0.0 || duration_ <= 0.0) return false;
  time_ += wall_dt * speed_;
  if (time_ < duration_) return false;
  if (loop_) {
    time_ = std::fmod(time_, duration_);
    ++loops_;
  } else {
    time_ = duration_;
    playing_ = false;
  }
  return true;
}

void Playback::step(int frames) {
  playing_ = false;
  time_ = std::clamp(time_ + frames * frame_step_, 0.0, duration_);
}

void Playback::scrub(double t) {
  playing_ = false;
  if (std::isnan(t)) return;
  time_ = std::clamp(t, 0.0, duration_);
}

void Playback::next_phase() {
  playing_ = false;
  auto it = std::upper_bound(phase_starts_.begin(), phase_starts_.end(), time_ + 1e-9);
  time_ = it == phase_starts_.end() ? duration_ : *it;
}

void Playback::previous_phase() {
  playing_ = false;
  if (phase_starts_.empty()) {
    time_ = 0.0;
    return;
  }
  auto it = std::upper_bound(phase_starts_.begin(), phase_starts_.end(), time_ + 1e-9);
  int cur = std::max(0, static_cast<int>(it - phase_starts_.begin()) - 1);
  if (time_ - phase_starts_[cur] < kRestartWindow && cur > 0) --cur;
  time_ = phase_starts_[cur];
}

void Playback::restart() { time_ = 0.0; }

}  // namespace hiplab::motion
