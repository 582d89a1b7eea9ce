#include "app/cmd_drill_moment.h"

#include "app/cli_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "app/paths.h"
#include "biomech/frame_analysis.h"
#include "assets/drill_loader.h"
#include "core/units.h"
#include "scene/highlight.h"

namespace hiplab::app {
namespace fs = std::filesystem;
namespace {
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}
}  // namespace

std::string builtin_drill_dir() { return (fs::path(asset_dir()) / "drills").string(); }
std::string user_drill_dir() { return (fs::path(data_dir()) / "drills").string(); }

KnownDrills load_known_drills() {
  KnownDrills out;
  for (bool user : {false, true}) {
    DrillFolder f = load_drill_folder(user ? user_drill_dir() : builtin_drill_dir());
    for (size_t i = 0; i < f.drills.size(); ++i) out.drills.push_back({std::move(f.drills[i]), f.files[i], user});
    for (auto& e : f.errors) out.errors.push_back(std::move(e));
    for (auto& n : f.notices) out.notices.push_back(std::move(n));
  }
  return out;
}

Result<motion::Drill> find_drill(const std::string& which) {
  std::optional<motion::Drill> drill;
  std::error_code ec;
  if (which.ends_with(".json") || fs::is_regular_file(which, ec)) {
    auto d = load_drill_file(which);
    if (!d) return d.error();
    drill = std::move(d.value());
  } else {
    const KnownDrills known = load_known_drills();
    for (const KnownDrill& k : known.drills)
      if (!drill && (k.drill.id == which || lower(k.drill.name) == lower(which))) drill = k.drill;
    if (!drill) {
      std::string list;
      for (const KnownDrill& k : known.drills) list += (list.empty() ? "" : ", ") + k.drill.id;
      return make_error("--drill '" + which + "': no such drill (expected a drill file or one of: " + list + ")");
    }
  }
  return std::move(*drill);
}

Result<motion::DrillFrame> resolve_drill_moment(const std::string& which, std::optional<double> time_s,
                                                std::optional<std::string> phase_name, anatomy::Side side,
                                                std::vector<motion::DrillView>* views, std::string* highlight,
                                                bool key_moment) {
  auto found = find_drill(which);
  if (!found) return found.error();
  const std::optional<motion::Drill> drill = std::move(found.value());
  auto tl = motion::Timeline::build(*drill, side);
  if (!tl) return tl.error();
  if (views) *views = tl->drill().views;
  if (highlight) *highlight = tl->drill().highlight;
  double t = 0.0;
  if (time_s) {
    if (!std::isfinite(*time_s) || *time_s < 0.0 || *time_s > tl->duration())
      return make_error("--time " + std::to_string(*time_s) + ": expected 0.." + std::to_string(tl->duration()) +
                        " seconds (the length of '" + drill->id + "')");
    t = *time_s;
  }
  if (key_moment) return tl->evaluate(key_moment_time(tl.value()));
  if (phase_name) {
    int idx = tl->find_phase_instance(*phase_name);
    if (idx < 0)
      for (size_t i = 0; i < tl->instances().size() && idx < 0; ++i)
        if (lower(tl->drill().phases[tl->instances()[i].phase].name) == lower(*phase_name)) idx = static_cast<int>(i);
    if (idx < 0) {
      std::string list;
      for (const motion::Phase& p : tl->drill().phases) list += (list.empty() ? "'" : ", '") + p.name + "'";
      return make_error("--phase '" + *phase_name + "': no such phase in '" + drill->id + "' (expected one of: " + list + ")");
    }
    // The middle of the phase: its held pose for holds, the motion under way otherwise.
    const motion::PhaseInstance& in = tl->instances()[idx];
    t = in.start_s + (time_s ? std::min(*time_s, in.duration_s) : 0.5 * in.duration_s);
  }
  return tl->evaluate(t);
}

namespace {

// The best of 240 samples of the drill (see key_moment_time); only the samples in hold phases when
// `holds_only`; -1 when no sample counts.
double best_moment(const motion::Timeline& tl, bool holds_only) {
  const bool stretched = tl.drill().highlight == "stretched";
  constexpr int kSamples = 240;
  double best_t = -1.0, best = -1.0;
  biomech::BiomechResult r;
  for (int i = 0; i <= kSamples; ++i) {
    const double t = tl.duration() * i / kSamples;
    const motion::DrillFrame f = tl.evaluate(t);
    if (holds_only && !tl.drill().phases[static_cast<std::size_t>(f.phase_index)].hold) continue;
    biomech::analyze_frame(motion::biomech_input(f), r);
    std::array<double, 3> top{};  // the three largest values, activation or stretch beyond 1
    for (const auto& leg : r.leg)
      for (int mi = 0; mi < anatomy::kMuscleCount; ++mi) {
        // Stretched, the hip's muscles, as the picture names them (scene/highlight.h, leads_for).
        if (!leads_for(stretched ? HighlightMode::kStretched : HighlightMode::kWorking, mi)) continue;
        const biomech::MuscleState& m = leg.muscle[static_cast<std::size_t>(mi)];
        double v = stretched ? m.stretch_vs_anatomical - 1.0 : m.activation;
        for (double& x : top)
          if (v > x) std::swap(v, x);
      }
    const double score = top[0] + top[1] + top[2];
    if (score > best + 1e-9) {
      best = score;
      best_t = t;
    }
  }
  return best_t;
}

}  // namespace

double key_moment_time(const motion::Timeline& tl) {
  // A stretching drill that holds its stretch (the 90/90's sitting, the PAILs/RAILs' passive hold,
  // the figure-4's knee let out): its key moment is in a hold, the position the drill is named for
  // and the one a patient copies. The moves between holds may pass through a longer muscle for a
  // moment (the 90/90 switch lifts both hips to 110 deg of flexion mid-switch), but a picture of
  // that moment reads as another exercise.
  bool holds = false;
  if (tl.drill().highlight == "stretched")
    for (const motion::Phase& p : tl.drill().phases) holds = holds || p.hold;
  const double held = holds ? best_moment(tl, true) : -1.0;
  return held >= 0.0 ? held : std::max(0.0, best_moment(tl, false));
}

Result<std::vector<std::pair<motion::Channel, double>>> parse_pose_assignments(const std::string& text) {
  std::vector<std::pair<motion::Channel, double>> out;
  std::vector<std::pair<motion::Channel, double>> both_legs;  // unsuffixed leg joints: applied first
  size_t pos = 0;
  int item = 0;
  while (pos <= text.size()) {
    size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string raw = trim(text.substr(pos, end - pos));
    ++item;
    const std::string where = "--pose item " + std::to_string(item) + " '" + raw + "'";
    const size_t eq = raw.find('=');
    if (raw.empty() || eq == std::string::npos)
      return make_error(where + ": expected DOF=DEG, e.g. hip_rotation_r=30");
    std::string name = trim(raw.substr(0, eq));
    const std::string value = trim(raw.substr(eq + 1));
    if (name.ends_with("_deg")) name.resize(name.size() - 4);
    else if (name.ends_with("_m")) name.resize(name.size() - 2);
    auto ch = motion::find_channel(name);
    // A leg joint without _r/_l: both legs (a suffixed item overrides it, whatever the order).
    const bool both = !ch && motion::find_channel(name + "_r") && motion::leg_coord_of(*motion::find_channel(name + "_r"));
    if (both) ch = motion::find_channel(name + "_r");
    if (!ch) {
      std::string list;
      for (int i = 0; i < motion::kChannelCount; ++i) list += (i ? ", " : "") + std::string(motion::channel_name(motion::channel_at(i)));
      return make_error(where + ": unknown joint '" + name + "' (expected one of: " + list + ")");
    }
    const auto v = parse_finite_number(value);
    if (!v)
      return make_error(where + ": expected a finite number of " + (motion::channel_is_length(*ch) ? "metres" : "degrees"));
    if (!motion::channel_is_length(*ch) && std::abs(*v) > 180.0) return make_error(where + ": expected -180..180 degrees");
    const double x = motion::channel_is_length(*ch) ? *v : deg_to_rad(*v);
    if (both) {
      const anatomy::LegCoord c = *motion::leg_coord_of(*ch);
      both_legs.emplace_back(motion::leg_channel(anatomy::Side::kRight, c), x);
      both_legs.emplace_back(motion::leg_channel(anatomy::Side::kLeft, c), x);
    } else {
      out.emplace_back(*ch, x);
    }
    pos = end + 1;
  }
  both_legs.insert(both_legs.end(), out.begin(), out.end());
  return both_legs;
}

void apply_pose_assignments(motion::DrillFrame& f, const std::vector<std::pair<motion::Channel, double>>& values) {
  for (const auto& [c, v] : values) f.channels[c] = v;
  f.legs = motion::leg_pose(f.channels);
  f.upper = motion::upper_body_pose(f.channels);
  f.pelvis_world = motion::pelvis_placement(f.posture, f.channels);
}

Result<anatomy::Side> parse_side(const std::string& text) {
  const std::string s = lower(text);
  if (s == "right" || s == "r") return anatomy::Side::kRight;
  if (s == "left" || s == "l") return anatomy::Side::kLeft;
  return make_error("--side '" + text + "': expected left or right");
}

}  // namespace hiplab::app
