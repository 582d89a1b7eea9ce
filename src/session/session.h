// session.h — the app's state and what can be done to it, without GL or ImGui: the model, the drill
// library (built-in and the user's own), playback of the chosen drill, the hands-on pose with
// undo/redo, and the view settings. The window's panels read and change it; tests drive it directly.
//
// Two modes: kDrill shows the drill at the playback time; kManual shows the hands-on pose. Grabbing a
// slider (begin_pose_edit) pauses the drill and carries its current pose into manual mode, so the
// pose stays where it was. Units: radians, metres, seconds (degrees only in the UI).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assets/model.h"
#include "motion/drill.h"
#include "motion/playback.h"
#include "motion/timeline.h"
#include "session/view_state.h"

namespace hiplab::session {

struct DrillEntry {
  motion::Drill drill;
  std::string file;
  bool user = false;  // from the user's drill folder
};

enum class Mode { kDrill, kManual };

// A hands-on pose: every channel plus the posture it is shown in, and the loads and contacts of the
// drill moment it was taken from (so a leg lying on the floor stays carried by the floor while a
// slider moves it; none after a reset). Equality is about the pose only.
struct ManualPose {
  motion::ChannelValues channels;
  biomech::Posture posture = biomech::Posture::kStanding;
  biomech::Loads loads;
  bool operator==(const ManualPose& o) const { return channels.v == o.channels.v && posture == o.posture; }
};

class Session {
 public:
  // --- drills ---
  // Loads every drill of both folders; bad files are listed in drill_errors() and skipped.
  void load_drills(const std::string& builtin_dir, const std::string& user_dir);
  const std::vector<DrillEntry>& drills() const { return drills_; }
  const std::vector<std::string>& drill_errors() const { return drill_errors_; }
  // One line per hiplab-drill/1 file (loaded, converted; assets/drill_loader.h upgrade_notice).
  const std::vector<std::string>& drill_notices() const { return drill_notices_; }
  int find_drill(const std::string& id_or_name) const;  // -1 if none
  // Selects a drill (or -1 for none: the hands-on pose in the anatomical position) and builds its
  // timeline for the current side. Returns an error (and keeps the previous drill) if it fails.
  Status select_drill(int index);
  int current_drill() const { return current_; }
  const motion::Drill* drill() const;
  const motion::Timeline* timeline() const { return timeline_ ? &*timeline_ : nullptr; }
  void set_side(anatomy::Side side);  // rebuilds the timeline, keeping the time
  anatomy::Side side() const { return side_; }
  motion::Playback& playback() { return playback_; }
  const motion::Playback& playback() const { return playback_; }
  void update(double wall_dt);  // advances playback in drill mode
  std::optional<motion::DrillFrame> drill_frame() const;

  // --- the pose shown ---
  Mode mode() const { return mode_; }
  void set_mode(Mode m);
  PoseSource current_pose() const;

  // --- hands-on angles ---
  // Call when a slider or a drag starts: pauses the drill, copies its pose into manual mode and
  // records an undo step. Repeated calls during one gesture record one step only (end_pose_edit ends it).
  void begin_pose_edit();
  void end_pose_edit();
  // Sets a channel, clamped to its range of motion (motion/rom_limits.h); returns the value set.
  double set_channel(motion::Channel c, double value);
  double channel(motion::Channel c) const;
  bool at_limit(motion::Channel c) const;  // within 0.05 deg of its range-of-motion limit
  void reset_pose();                       // the anatomical position (an undo step)
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  void undo();
  void redo();
  const ManualPose& manual() const { return manual_; }

  ViewSettings view;

 private:
  void push_undo();
  std::vector<DrillEntry> drills_;
  std::vector<std::string> drill_errors_;
  std::vector<std::string> drill_notices_;
  int current_ = -1;
  anatomy::Side side_ = anatomy::Side::kRight;
  std::optional<motion::Timeline> timeline_;
  motion::Playback playback_;
  Mode mode_ = Mode::kManual;
  ManualPose manual_;
  bool editing_ = false;
  std::vector<ManualPose> undo_, redo_;
};

}  // namespace hiplab::session
