// cmd_drill_moment.h — command-line helpers shared by render/activations (issue 5): the drills the
// app knows (built-in + user folder), one moment of a drill by name or file, and `--pose DOF=DEG,...`.
//
// Built-in drills: <asset_dir>/drills; user drills: <data_dir>/drills ($XDG_DATA_HOME/hiplab/drills,
// default ~/.local/share/hiplab/drills). A user drill with the same id as a built-in one is listed
// beside it (both are kept; lookups by name prefer the built-in). Degrees on the command line.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "anatomy/skeleton.h"
#include "core/result.h"
#include "motion/drill.h"
#include "motion/timeline.h"

namespace hiplab::app {

struct KnownDrill {
  motion::Drill drill;
  std::string file;
  bool user = false;
};
struct KnownDrills {
  std::vector<KnownDrill> drills;
  std::vector<std::string> errors;   // one per bad file (the others still load)
  std::vector<std::string> notices;  // one per hiplab-drill/1 file (loaded, converted)
};
std::string builtin_drill_dir();
std::string user_drill_dir();
KnownDrills load_known_drills();

// A drill by id ("clamshell"), name ("Clamshell", case-insensitive) or file path, as it is in its
// file (for its working side). Errors name the drill and list the drills that exist.
Result<motion::Drill> find_drill(const std::string& drill_name_or_file);

// A drill by id ("clamshell"), name ("Clamshell", case-insensitive) or file path (*.json or any
// existing file), evaluated for `side` at `time_s`, or in the middle of the phase `phase_name`
// (exact or case-insensitive), or at 0. Errors name the drill/phase and list what exists. `views`,
// when given, receives the drill's own views for that side (motion::Drill::views).
Result<motion::DrillFrame> resolve_drill_moment(const std::string& drill_name_or_file, std::optional<double> time_s,
                                                std::optional<std::string> phase_name, anatomy::Side side,
                                                std::vector<motion::DrillView>* views = nullptr, std::string* highlight = nullptr,
                                                bool key_moment = false);

// The drill's key moment, computed: the time at which the three muscles its highlight is about
// (the drill file's "highlight": working by activation, stretched by length against the anatomical
// position) work or stretch most together, over 240 samples of the whole drill (the earliest of
// equal ones); for a stretching drill with hold phases, over the samples in its holds (the
// position it is named for, not a passing move). For pictures and handouts: no hand-picked frame.
double key_moment_time(const motion::Timeline& timeline);

// "hip_rotation_r=30,knee_l=90" -> [(channel, radians)]; names as in motion/drill_channels.h (with
// or without "_deg"); pelvis_x/y/z in metres. Errors name the bad item: "--pose item 2 'knee_q=90':
// unknown joint 'knee_q' (expected ...)".
Result<std::vector<std::pair<motion::Channel, double>>> parse_pose_assignments(const std::string& text);
// Applies them to a frame (legs, upper body and channels), re-placing the pelvis on the floor.
void apply_pose_assignments(motion::DrillFrame& frame, const std::vector<std::pair<motion::Channel, double>>& values);

// "left"/"right" (also "l"/"r").
Result<anatomy::Side> parse_side(const std::string& text);

}  // namespace hiplab::app
