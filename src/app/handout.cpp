#include "app/handout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "anatomy/muscle_data.h"
#include "app/cli_values.h"
#include "app/cmd_drill_moment.h"
#include "app/scene_options.h"
#include "app/video_export.h"
#include "scene/highlight.h"
#include "session/view_state.h"

namespace hiplab::app {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t end = text.find(',', pos);
    out.push_back(trim(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos)));
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return out;
}

std::string seconds(double s) {
  char buf[32];
  if (s >= 60.0 && std::fmod(s, 60.0) == 0.0) std::snprintf(buf, sizeof buf, "%g min", s / 60.0);
  else std::snprintf(buf, sizeof buf, "%g s", s);
  return buf;
}

// A drill of the handout by id, name or file; the error names the item and lists the known drills.
Result<motion::Drill> handout_drill(const std::string& item, int index) {
  const std::string where = "--drills item " + std::to_string(index) + " '" + item + "'";
  std::error_code ec;
  if (item.ends_with(".json") || std::filesystem::is_regular_file(item, ec)) {
    auto d = find_drill(item);
    if (!d) return make_error(where + ": " + d.error().message);
    return d;
  }
  const KnownDrills known = load_known_drills();
  for (const KnownDrill& k : known.drills)
    if (k.drill.id == item || lower(k.drill.name) == lower(item)) return k.drill;
  std::string list;
  for (const KnownDrill& k : known.drills) list += (list.empty() ? "" : ", ") + k.drill.id;
  return make_error(where + ": no such drill (expected a drill file or one of: " + list + ")");
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(tm.tm_mday) + " " + kMonths[tm.tm_mon] + " " + std::to_string(tm.tm_year + 1900);
}

// "gluteus medius (posterior)" -> "gluteus medius": the patient needs the muscle, not its part.
std::string plain_muscle(int m) {
  std::string label(anatomy::muscle(m).label);
  if (const auto p = label.find(" ("); p != std::string::npos) label.resize(p);
  return label;
}

}  // namespace

Result<std::vector<DosageOverride>> parse_dosage_overrides(const std::string& text, const std::vector<std::string>& ids) {
  std::vector<DosageOverride> out;
  if (trim(text).empty()) return out;
  const std::vector<std::string> items = split(text);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& raw = items[i];
    const std::string where = "--dosage item " + std::to_string(i + 1) + " '" + raw + "'";
    const std::string expected = ": expected DRILL=SETSxREPS, e.g. clamshell=3x10 (or clamshell=3x10x5s with a 5 s hold)";
    const auto eq = raw.find('=');
    if (eq == std::string::npos) return make_error(where + expected);
    DosageOverride o;
    o.id = trim(raw.substr(0, eq));
    if (std::find(ids.begin(), ids.end(), o.id) == ids.end()) {
      std::string list;
      for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
      return make_error(where + ": '" + o.id + "' is not one of the handout's drills (" + list + ")");
    }
    if (std::any_of(out.begin(), out.end(), [&](const DosageOverride& p) { return p.id == o.id; }))
      return make_error(where + ": '" + o.id + "' has a dosage already");
    const std::string v = lower(trim(raw.substr(eq + 1)));
    int sets = 0, reps = 0, used = 0;
    double hold = 0.0;
    char s_unit = 0;
    bool ok = false;
    if (std::sscanf(v.c_str(), "%dx%dx%lf%c%n", &sets, &reps, &hold, &s_unit, &used) == 4 && s_unit == 's' &&
        used == static_cast<int>(v.size())) {
      ok = true;
      o.hold_s = hold;
    } else if (std::sscanf(v.c_str(), "%dx%d%n", &sets, &reps, &used) == 2 && used == static_cast<int>(v.size())) {
      ok = true;
    }
    if (!ok) return make_error(where + expected);
    if (sets < 1 || sets > 20) return make_error(where + ": expected 1 to 20 sets, got " + std::to_string(sets));
    if (reps < 1 || reps > 200) return make_error(where + ": expected 1 to 200 reps, got " + std::to_string(reps));
    if (o.hold_s && !(std::isfinite(*o.hold_s) && *o.hold_s > 0.0 && *o.hold_s <= 600.0))
      return make_error(where + ": expected a hold of more than 0 and at most 600 s");
    o.sets = sets;
    o.reps = reps;
    out.push_back(o);
  }
  return out;
}

motion::Dosage apply_dosage(const motion::Dosage& file, const DosageOverride& o) {
  motion::Dosage d = file;
  d.sets = o.sets;
  d.reps = o.reps;
  if (o.hold_s) d.hold_s = *o.hold_s;
  d.text = std::to_string(d.sets) + (d.sets == 1 ? " set of " : " sets of ") + std::to_string(d.reps) +
           (d.per_side ? " per side" : "");
  if (d.hold_s > 0.0) d.text += ", hold " + seconds(d.hold_s) + " each";
  return d;
}

std::vector<std::string> dosage_lines(const motion::Dosage& d) {
  std::vector<std::string> out;
  out.push_back(!d.text.empty() ? d.text
                                : std::to_string(d.sets) + (d.sets == 1 ? " set of " : " sets of ") + std::to_string(d.reps) +
                                      (d.per_side ? " per side" : ""));
  if (d.hold_s > 0.0) out.push_back("Hold up to " + seconds(d.hold_s));
  if (d.rest_s > 0.0) out.push_back("Rest " + seconds(d.rest_s) + " between sets");
  if (d.daily_minutes) out.push_back("About " + seconds(*d.daily_minutes * 60.0) + " a day");
  return out;
}

Result<HandoutPlan> plan_handout(const HandoutOptions& o) {
  if (trim(o.drills).empty()) return make_error("--drills: expected one or more drills, e.g. clamshell,reverse_clamshell (see hiplab drills)");
  const bool png = lower(o.out).ends_with(".png");
  if (o.out.empty() || (!lower(o.out).ends_with(".pdf") && !png))
    return make_error("--out '" + o.out + "': expected a file name ending in .pdf (or .png for one page as a picture, with --page)");
  if (o.page != 0 && !png) return make_error("--page " + std::to_string(o.page) + ": only with --out FILE.png (one page as a picture)");
  if (o.page < 0 || o.page > kHandoutMaxDrills + 1)
    return make_error("--page " + std::to_string(o.page) + ": expected 1 (the cover) to the number of drills + 1");
  HandoutPlan plan;
  auto side = parse_side(o.side);
  if (!side) return side.error();
  plan.side = side.value();
  if (lower(o.paper) == "a4") plan.doc.paper = media::Paper::kA4;
  else if (lower(o.paper) == "letter") plan.doc.paper = media::Paper::kLetter;
  else return make_error("--paper '" + o.paper + "': expected a4 or letter");
  if (!o.picture_size.empty()) {
    auto size = parse_size("--picture-size", o.picture_size, 4096);
    if (!size) return size.error();
    plan.picture_width = size->width;
    plan.picture_height = size->height;
  }
  if (!o.logo.empty())
    if (Status s = media::check_logo(o.logo); !s) return make_error("--logo " + s.error().message);
  const std::vector<std::string> items = split(o.drills);
  if (static_cast<int>(items.size()) > kHandoutMaxDrills)
    return make_error("--drills: " + std::to_string(items.size()) + " drills; a handout has at most " +
                      std::to_string(kHandoutMaxDrills));
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].empty()) return make_error("--drills item " + std::to_string(i + 1) + ": expected a drill name, got nothing");
    auto d = handout_drill(items[i], static_cast<int>(i) + 1);
    if (!d) return d.error();
    if (std::find(ids.begin(), ids.end(), d->id) != ids.end())
      return make_error("--drills item " + std::to_string(i + 1) + " '" + items[i] + "': '" + d->id + "' is in the list twice");
    ids.push_back(d->id);
    HandoutDrill hd;
    hd.dosage = d->dosage;
    hd.drill = std::move(d.value());
    plan.drills.push_back(std::move(hd));
  }
  auto overrides = parse_dosage_overrides(o.dosage, ids);
  if (!overrides) return overrides.error();
  for (const DosageOverride& ov : overrides.value())
    for (HandoutDrill& hd : plan.drills)
      if (hd.drill.id == ov.id) {
        hd.dosage = apply_dosage(hd.drill.dosage, ov);
        hd.dosage_overridden = true;
      }
  plan.doc.patient = trim(o.patient);
  plan.doc.therapist = trim(o.therapist);
  plan.doc.clinic = o.clinic;
  plan.doc.logo_png = o.logo;
  plan.doc.notes = o.notes;
  plan.doc.date = o.date.empty() ? today() : o.date;
  plan.doc.footer = "Made with HipLab · for exercise guidance, not diagnosis";
  plan.out = o.out;
  return plan;
}

Result<motion::Timeline> handout_timeline(const motion::Drill& drill, anatomy::Side side) {
  motion::Drill once = drill;
  once.dosage.sets = 1;
  once.dosage.reps = 1;
  return motion::Timeline::build(once, side);
}

std::vector<KeyMoment> handout_key_moments(const motion::Timeline& tl) {
  const motion::Drill& d = tl.drill();
  const auto instances = tl.instances();
  std::vector<KeyMoment> out;
  if (!d.handout.key_moments.empty()) {
    for (const motion::HandoutMoment& m : d.handout.key_moments) {
      const int i = tl.find_phase_instance(m.phase);
      if (i < 0) continue;  // validate() names the phase; a drill that loaded has it
      const motion::PhaseInstance& in = instances[static_cast<std::size_t>(i)];
      out.push_back({in.start_s + m.at * in.duration_s, m.caption});
    }
    std::stable_sort(out.begin(), out.end(), [](const KeyMoment& a, const KeyMoment& b) { return a.time_s < b.time_s; });
    return out;
  }
  // Computed: the rep's start, the ends of its phases (the last one only when the rep does not come
  // back to its start: a repeating rep ends where it began), and the key moment.
  double rep_start = 0.0, rep_end = tl.duration();
  bool first = true;
  std::vector<KeyMoment> ends;
  for (const motion::PhaseInstance& in : instances) {
    if (d.phases[static_cast<std::size_t>(in.phase)].part != motion::PhasePart::kRep) continue;
    if (first) rep_start = in.start_s;
    first = false;
    rep_end = in.start_s + in.duration_s;
    ends.push_back({rep_end, "End of \"" + d.phases[static_cast<std::size_t>(in.phase)].name + "\""});
  }
  const double rep_length = std::max(rep_end - rep_start, 1e-6);
  const motion::DrillFrame a = tl.evaluate(rep_start), b = tl.evaluate(rep_end);
  double diff = 0.0;
  for (int c = 0; c < motion::kChannelCount; ++c) diff = std::max(diff, std::abs(a.channels.v[c] - b.channels.v[c]));
  if (diff < 1e-3 && !ends.empty()) ends.pop_back();
  const double key = key_moment_time(tl);
  out.push_back({rep_start, "Start position"});
  out.push_back({key, "The key moment: " + tl.evaluate(key).phase_name});
  for (const KeyMoment& e : ends) out.push_back(e);
  std::stable_sort(out.begin(), out.end(), [](const KeyMoment& x, const KeyMoment& y) { return x.time_s < y.time_s; });
  // Merge moments closer than a tenth of the rep (the key moment wins: it names what matters).
  std::vector<KeyMoment> merged;
  for (const KeyMoment& m : out) {
    if (!merged.empty() && m.time_s - merged.back().time_s < 0.1 * rep_length) {
      if (m.time_s == key) merged.back() = m;
      continue;
    }
    merged.push_back(m);
  }
  // At most 4: drop the phase ends nearest their neighbours, never the start or the key moment.
  while (merged.size() > 4) {
    std::size_t drop = 0;
    double best = 1e300;
    for (std::size_t i = 1; i < merged.size(); ++i) {
      if (merged[i].time_s == key) continue;
      const double gap = merged[i].time_s - merged[i - 1].time_s;
      if (gap < best) {
        best = gap;
        drop = i;
      }
    }
    if (drop == 0) break;
    merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  return merged;
}

Result<media::HandoutDocument> make_handout(const HandoutPlan& plan, HeadlessSession& session, const Model& model) {
  media::HandoutDocument doc = plan.doc;
  auto handle = session.renderer().upload(model);
  if (!handle) return handle.error();
  const NodeTransforms bind = NodeTransforms::bind(model);
  const auto display_names = load_muscle_display_names();  // the pictures' muscle names in the panels' words
  Status status = Ok{};
  for (const HandoutDrill& hd : plan.drills) {
    auto tl = handout_timeline(hd.drill, plan.side);
    if (!tl) {
      status = make_error(hd.drill.id + ": " + tl.error().message);
      break;
    }
    const motion::Drill& d = tl->drill();  // for the side
    session::ViewSettings view;
    view.highlight = HighlightMode::kWorking;
    if (!d.highlight.empty()) parse_highlight_mode(d.highlight, view.highlight);
    view.overlay = false;
    view.name_muscles = true;
    view.display_names = display_names;
    view.props = true;
    view.contact_arrows = false;
    // Muscle names in the picture large enough to read when the picture is printed about 9 cm wide.
    view.ui_scale = std::clamp(static_cast<float>(plan.picture_height) / 360.0f, 0.6f, 3.0f);
    ViewRequest request;
    request.width = plan.picture_width;
    request.height = plan.picture_height;
    request.msaa = 4;
    if (!d.views.empty()) request.from_body = d.views.front().from;
    else request.view = ViewPreset::kFront;
    request.camera = drill_framing_camera(tl.value(), model, request, false);

    media::HandoutDrillPage page;
    page.title = d.name;
    const bool both = !d.dosage.per_side && !hd.dosage.per_side;
    page.subtitle = std::string(both ? "Both sides" : plan.side == anatomy::Side::kLeft ? "Left leg" : "Right leg") + " · " +
                    (d.kind == "test" ? "self-test" : "exercise");
    page.summary = d.summary;
    // A moment of the drill posed and solved, as the window and `hiplab render` compute it.
    auto computed_at = [&](double t) {
      const motion::DrillFrame f = tl->evaluate(t);
      session::PoseSource pose = session::standing_pose(model);
      pose.legs = f.legs;
      pose.upper = f.upper;
      pose.pelvis_world = f.pelvis_world;
      pose.posture = f.posture;
      pose.loads = f.loads;
      session::ComputedFrame computed;
      session::compute_frame(pose, view, computed);
      return computed;
    };
    // The muscles named in words: those the pictures name at the drill's key moment (where they
    // work or stretch most, key_moment_time).
    const std::vector<std::pair<anatomy::Side, int>> named =
        muscles_to_name(computed_at(key_moment_time(tl.value())).analysis, view.highlight, 4);
    for (const KeyMoment& m : handout_key_moments(tl.value())) {
      const session::ComputedFrame computed = computed_at(m.time_s);
      ViewRequest req = request;
      req.frame = computed.request;
      auto image = render_uploaded(session.renderer(), model, handle.value(), bind, req);
      if (!image) {
        status = image.error();
        break;
      }
      page.pictures.push_back({image->width, image->height, std::move(image->rgba), m.caption});
    }
    if (!status) break;
    // The muscles the pictures name, in words too (a greyscale print loses the highlight's colour).
    std::vector<std::string> words;
    bool sides = false;
    for (const auto& [s, m] : named) sides = sides || s != named.front().first;
    for (const auto& [s, m] : named) {
      std::string w = plain_muscle(m);
      if (sides) w = std::string(s == anatomy::Side::kLeft ? "left " : "right ") + w;
      if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
    if (!words.empty()) {
      std::string list;
      for (std::size_t i = 0; i < words.size() && i < 5; ++i) list += (i ? ", " : "") + words[i];
      page.muscles = (view.highlight == HighlightMode::kStretched ? "Stretched most (shaded in the pictures): "
                                                                   : "Working most (shaded in the pictures): ") +
                     list + ".";
    }
    for (const motion::Phase& p : d.phases)
      for (const std::string& c : p.cues)
        if (std::find(page.steps.begin(), page.steps.end(), c) == page.steps.end()) page.steps.push_back(c);
    page.dosage = dosage_lines(hd.dosage);
    if (hd.dosage_overridden) page.dosage.push_back("(set for you by your therapist)");
    page.how_often = d.handout.how_often;
    page.feel = d.handout.feel;
    page.safety = d.safety;
    page.stop_if = d.handout.stop_if;
    for (const motion::MythNote& m : d.myths) page.good_to_know.push_back("You may have read: \u201c" + m.claim + "\u201d An easy mix-up. " + m.correction);
    doc.items.push_back({d.name, page.dosage.front(), d.handout.how_often});
    doc.pages.push_back(std::move(page));
  }
  session.renderer().release(handle.value());
  if (!status) return status.error();
  return doc;
}

}  // namespace hiplab::app
