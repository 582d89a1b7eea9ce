// playback.h — the playback state machine of a drill timeline, pure and clock-free: the window feeds
// it wall-clock deltas and keys (Space = toggle, arrows = step, Page Up/Down = phase), the UI reads
// time() and evaluates the timeline there.
//
// Units: seconds. Invariants: 0 <= time() <= duration(); kMinSpeed <= speed() <= kMaxSpeed.
// At the end: with loop on, time wraps to the start and playing continues; with loop off, time stops
// at the end and playback pauses. Stepping, scrubbing and phase jumps pause playback (a therapist
// stepping through wants the pose to stay where they put it).
#pragma once
#include <span>
#include <vector>

#include "motion/timeline.h"

namespace hiplab::motion {

class Playback {
 public:
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 2.0;
  static constexpr double kDefaultFrameStep = 1.0 / 30.0;

  Playback() = default;
  explicit Playback(const Timeline& timeline);
  // Adopts a timeline's duration and phase starts (e.g. after switching sides), keeping the time
  // (clamped) and the play state.
  void set_timeline(const Timeline& timeline);

  void play();
  void pause();
  void toggle();
  bool playing() const { return playing_; }

  void set_speed(double speed);  // clamped to [0.1, 2]; NaN leaves it unchanged
  double speed() const { return speed_; }
  void set_loop(bool loop) { loop_ = loop; }
  bool loop() const { return loop_; }
  void set_frame_step(double seconds);  // > 0; the amount step() moves
  double frame_step() const { return frame_step_; }

  // Moves time by wall_dt * speed when playing. Returns true when the drill reached its end
  // during this call (wrapped or stopped).
  bool advance(double wall_dt);
  void step(int frames);           // +1 next frame, -1 previous frame; pauses
  void scrub(double time_s);       // clamped; pauses
  void next_phase();               // to the start of the next phase (or the end); pauses
  void previous_phase();           // to the start of this phase, or of the previous one when within
                                   // kRestartWindow of this one's start; pauses
  void restart();                  // time 0, play state kept

  static constexpr double kRestartWindow = 0.5;
  double time() const { return time_; }
  double duration() const { return duration_; }
  bool at_end() const { return time_ >= duration_; }
  int loops_completed() const { return loops_; }

 private:
  std::vector<double> phase_starts_;
  double duration_ = 0.0;
  double time_ = 0.0;
  double speed_ = 1.0;
  double frame_step_ = kDefaultFrameStep;
  bool playing_ = false;
  bool loop_ = false;
  int loops_ = 0;
};

}  // namespace hiplab::motion
