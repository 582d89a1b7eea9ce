#include "session/session.h"

#include <algorithm>
#include <cmath>

#include "assets/drill_loader.h"
#include "motion/rom_limits.h"
#include "scene/highlight.h"

namespace hiplab::session {

void Session::load_drills(const std::string& builtin_dir, const std::string& user_dir) {
  drills_.clear();
  drill_errors_.clear();
  drill_notices_.clear();
  for (const auto& [dir, user] : {std::pair{builtin_dir, false}, std::pair{user_dir, true}}) {
    if (dir.empty()) continue;
    DrillFolder folder = load_drill_folder(dir);
    for (std::size_t i = 0; i < folder.drills.size(); ++i)
      drills_.push_back({std::move(folder.drills[i]), folder.files[i], user});
    drill_errors_.insert(drill_errors_.end(), folder.errors.begin(), folder.errors.end());
    drill_notices_.insert(drill_notices_.end(), folder.notices.begin(), folder.notices.end());
  }
  current_ = -1;
  timeline_.reset();
  mode_ = Mode::kManual;
}

int Session::find_drill(const std::string& key) const {
  for (std::size_t i = 0; i < drills_.size(); ++i)
    if (drills_[i].drill.id == key || drills_[i].drill.name == key) return static_cast<int>(i);
  return -1;
}

Status Session::select_drill(int index) {
  if (index < 0) {
    current_ = -1;
    timeline_.reset();
    playback_ = motion::Playback();
    mode_ = Mode::kManual;
    return Status(Ok{});
  }
  if (index >= static_cast<int>(drills_.size())) return make_error("no drill number " + std::to_string(index));
  auto built = motion::Timeline::build(drills_[static_cast<std::size_t>(index)].drill, side_);
  if (!built) return built.error();
  current_ = index;
  timeline_ = std::move(built.value());
  playback_ = motion::Playback(*timeline_);
  mode_ = Mode::kDrill;
  // The highlight that fits the drill, as its file names it ("stretched" for mobility drills,
  // "working" for strength drills); the user can still switch it.
  const std::string& h = drills_[static_cast<std::size_t>(index)].drill.highlight;
  if (!h.empty()) parse_highlight_mode(h, view.highlight);
  return Status(Ok{});
}

const motion::Drill* Session::drill() const {
  return current_ >= 0 ? &drills_[static_cast<std::size_t>(current_)].drill : nullptr;
}

void Session::set_side(anatomy::Side side) {
  if (side == side_) return;
  side_ = side;
  if (current_ < 0) return;
  auto built = motion::Timeline::build(drills_[static_cast<std::size_t>(current_)].drill, side_);
  if (!built) return;
  timeline_ = std::move(built.value());
  playback_.set_timeline(*timeline_);
}

void Session::update(double wall_dt) {
  if (mode_ == Mode::kDrill && timeline_) playback_.advance(wall_dt);
}

std::optional<motion::DrillFrame> Session::drill_frame() const {
  if (!timeline_) return std::nullopt;
  return timeline_->evaluate(playback_.time());
}

void Session::set_mode(Mode m) {
  if (m == Mode::kDrill && !timeline_) return;
  mode_ = m;
}

PoseSource Session::current_pose() const {
  PoseSource p;
  if (mode_ == Mode::kDrill && timeline_) {
    const motion::DrillFrame f = timeline_->evaluate(playback_.time());
    p.legs = f.legs;
    p.upper = f.upper;
    p.pelvis_world = f.pelvis_world;
    p.posture = f.posture;
    p.loads = f.loads;
    p.partner_hand = f.partner_hand;
    p.grip = f.grip;
    return p;
  }
  p.legs = motion::leg_pose(manual_.channels);
  p.upper = motion::upper_body_pose(manual_.channels);
  p.posture = manual_.posture;
  p.pelvis_world = motion::pelvis_placement(manual_.posture, manual_.channels);
  p.loads = manual_.loads;
  return p;
}

void Session::push_undo() {
  undo_.push_back(manual_);
  redo_.clear();
  if (undo_.size() > 200) undo_.erase(undo_.begin());
}

void Session::begin_pose_edit() {
  if (editing_) return;
  editing_ = true;
  if (mode_ == Mode::kDrill && timeline_) {
    const motion::DrillFrame f = timeline_->evaluate(playback_.time());
    playback_.pause();
    push_undo();
    manual_.channels = f.channels;
    manual_.posture = f.posture;
    manual_.loads = f.loads;  // the drill's loads and contacts stay with the pose
    mode_ = Mode::kManual;
    return;
  }
  push_undo();
}

void Session::end_pose_edit() { editing_ = false; }

double Session::set_channel(motion::Channel c, double value) {
  if (!std::isfinite(value)) return manual_.channels[c];
  if (mode_ != Mode::kManual || !editing_) {
    begin_pose_edit();
    editing_ = false;  // a single programmatic change is one undo step
  }
  manual_.channels[c] = motion::clamp_to_rom(c, value);
  return manual_.channels[c];
}

double Session::channel(motion::Channel c) const {
  if (mode_ == Mode::kDrill && timeline_) return timeline_->channels_at(playback_.time())[c];
  return manual_.channels[c];
}

bool Session::at_limit(motion::Channel c) const {
  const motion::RomLimit& l = motion::rom_limit(c);
  const double v = channel(c), tol = 0.05 * 3.14159265358979 / 180.0;
  return v <= l.min + tol || v >= l.max - tol;
}

void Session::reset_pose() {
  if (mode_ == Mode::kDrill) playback_.pause();
  push_undo();
  manual_ = ManualPose{};
  mode_ = Mode::kManual;
}

void Session::undo() {
  if (undo_.empty()) return;
  redo_.push_back(manual_);
  manual_ = undo_.back();
  undo_.pop_back();
  mode_ = Mode::kManual;
}

void Session::redo() {
  if (redo_.empty()) return;
  undo_.push_back(manual_);
  manual_ = redo_.back();
  redo_.pop_back();
  mode_ = Mode::kManual;
}

}  // namespace hiplab::session
