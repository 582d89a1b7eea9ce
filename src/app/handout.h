// handout.h — `hiplab handout` (and a future Handout dialog) share this: the options checked into a
// plan (which drills in which order, the side, the dosage per patient, the cover's text, the paper),
// the key moments each drill's pictures show, and the document for media/handout_pdf.h: each
// picture drawn by the same renderer as `hiplab render` (app/headless.h) from the drill's first own
// view, framed over its whole motion as a clip is (app/video_export.h drill_framing_camera), with
// the drill's highlight and the muscles that matter named.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/headless.h"
#include "assets/model.h"
#include "core/result.h"
#include "media/handout_pdf.h"
#include "motion/drill.h"
#include "motion/timeline.h"

namespace hiplab::app {

// As typed on the command line; empty strings take the defaults (right side, A4, today's date,
// 800x600 pictures).
struct HandoutOptions {
  std::string drills;  // "clamshell,reverse_clamshell" (ids, names or files), in the handout's order
  std::string side = "right";
  std::string patient, therapist, clinic, logo, notes;
  std::string dosage;  // "clamshell=3x10,figure4_self_test=1x1x10s"
  std::string paper = "a4";
  std::string date;    // as printed; default today, e.g. "4 December 2026"
  std::string picture_size;  // WxH of each picture
  std::string out;     // .pdf; or .png: one page as a picture (the window's preview)
  int page = 0;        // with a .png: the page (1 = the cover); 0 = 1
};

inline constexpr int kHandoutMaxDrills = 12;

struct HandoutDrill {
  motion::Drill drill;  // as in its file
  motion::Dosage dosage;  // the file's, or the patient's (--dosage)
  bool dosage_overridden = false;
};

struct HandoutPlan {
  std::vector<HandoutDrill> drills;
  anatomy::Side side = anatomy::Side::kRight;
  media::HandoutDocument doc;  // cover text and paper; pages filled by make_handout
  int picture_width = 800, picture_height = 600;
  std::string out;
};

// Checks every option; errors are the user's (exit code 2) and name the option (and the item of a
// list) and what was expected: an unknown drill lists the drills that exist.
Result<HandoutPlan> plan_handout(const HandoutOptions& o);

// "clamshell=3x10,figure4_self_test=1x1x10s": SETSxREPS[xHOLDs] per drill id. `ids` are the
// handout's drills; an item naming another drill is an error.
struct DosageOverride {
  std::string id;
  int sets = 1, reps = 1;
  std::optional<double> hold_s;
};
Result<std::vector<DosageOverride>> parse_dosage_overrides(const std::string& text, const std::vector<std::string>& ids);
// The dosage with an override applied, its text rewritten ("3 sets of 10 per side, hold 10 s").
motion::Dosage apply_dosage(const motion::Dosage& file, const DosageOverride& o);

// One picture's moment on a timeline of the drill done once (set-up, one rep, finish).
struct KeyMoment {
  double time_s = 0.0;
  std::string caption;
};
// The drill done once for `side` (dosage 1 x 1): the timeline the pictures are taken from.
Result<motion::Timeline> handout_timeline(const motion::Drill& drill, anatomy::Side side);
// The file's handout.key_moments when it has them, else computed (docs/drills.md "Handout"): the
// start of the rep, key_moment_time, the ends of the rep's phases; at most 4, in time order.
std::vector<KeyMoment> handout_key_moments(const motion::Timeline& timeline);

// The dosage as printed lines: the sets and reps (its text), the hold, the rest, minutes a day.
std::vector<std::string> dosage_lines(const motion::Dosage& d);

// Renders every drill's pictures and fills the document's pages. The model must be prepared as for
// `hiplab render` (ambient occlusion baked, levels built).
Result<media::HandoutDocument> make_handout(const HandoutPlan& plan, HeadlessSession& session, const Model& model);

}  // namespace hiplab::app
