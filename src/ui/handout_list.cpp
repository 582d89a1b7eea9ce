#include "ui/handout_list.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <tuple>

namespace hiplab::ui {

void open_handout_dialog(HandoutDialog& d, const session::Session& s) {
  // Entries listed before keep their order, ticks and dosage (drills gone from the session drop
  // out); drills not listed yet are added after them with their file's dosage.
  const bool first_time = d.entries.empty();
  std::vector<HandoutEntry> entries;
  for (const HandoutEntry& e : d.entries)
    if (s.find_drill(e.id) >= 0) entries.push_back(e);
  for (const session::DrillEntry& x : s.drills()) {
    const motion::Drill& dr = x.drill;
    if (std::any_of(entries.begin(), entries.end(), [&](const HandoutEntry& e) { return e.id == dr.id; })) continue;
    HandoutEntry h;
    h.id = dr.id;
    h.name = dr.name;
    h.sets = h.file_sets = dr.dosage.sets;
    h.reps = h.file_reps = dr.dosage.reps;
    h.hold_s = h.file_hold_s = dr.dosage.hold_s;
    entries.push_back(h);
  }
  d.entries = std::move(entries);
  // The first time, the drill on screen comes ticked and first.
  if (first_time && s.drill()) {
    const auto cur = std::find_if(d.entries.begin(), d.entries.end(), [&](const HandoutEntry& x) { return x.id == s.drill()->id; });
    if (cur != d.entries.end()) {
      cur->include = true;
      std::rotate(d.entries.begin(), cur, cur + 1);
    }
  }
  d.left = s.side() == anatomy::Side::kLeft;
  d.open = true;
}

int move_handout_entry(HandoutDialog& d, int index, int delta) {
  const int n = static_cast<int>(d.entries.size());
  if (index < 0 || index >= n) return index;
  const int to = std::clamp(index + delta, 0, n - 1);
  const auto it = d.entries.begin();
  if (to < index) std::rotate(it + to, it + index, it + index + 1);
  else if (to > index) std::rotate(it + index, it + index + 1, it + to + 1);
  return to;
}

Result<std::vector<std::string>> handout_arguments(const HandoutDialog& d) {
  std::string drills, dosage;
  for (const HandoutEntry& e : d.entries) {
    if (!e.include) continue;
    drills += (drills.empty() ? "" : ",") + e.id;
    if (e.sets != e.file_sets || e.reps != e.file_reps || e.hold_s != e.file_hold_s) {
      std::string item = e.id + "=" + std::to_string(e.sets) + "x" + std::to_string(e.reps);
      if (e.hold_s > 0.0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "x%gs", e.hold_s);
        item += buf;
      }
      dosage += (dosage.empty() ? "" : ",") + item;
    }
  }
  if (drills.empty()) return make_error("Tick at least one drill for the handout");
  if (d.path.size() < 5 || d.path.substr(d.path.size() - 4) != ".pdf") return make_error("The handout's file name must end in .pdf");
  std::vector<std::string> args{"handout", "--drills", drills, "--side", d.left ? "left" : "right", "--paper", d.letter ? "letter" : "a4"};
  if (!dosage.empty()) args.insert(args.end(), {"--dosage", dosage});
  const std::pair<const char*, const std::string*> text[] = {
      {"--patient", &d.patient}, {"--therapist", &d.therapist}, {"--clinic", &d.clinic}, {"--notes", &d.notes}};
  for (const auto& [option, value] : text)
    if (!value->empty()) args.insert(args.end(), {option, *value});
  args.insert(args.end(), {"--out", d.path});
  return args;
}

namespace {
// "3x10" / "3x10x5s" / "3 x 10" -> sets, reps, hold; nullopt for anything else (free text stays the file's).
std::optional<std::tuple<int, int, double>> parse_programme_dosage(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  int sets = 0, reps = 0, used = 0;
  double hold = 0.0;
  if (std::sscanf(text.c_str(), "%dx%d%n", &sets, &reps, &used) != 2) return std::nullopt;
  const std::string rest = text.substr(static_cast<std::size_t>(used));
  if (!rest.empty()) {
    int more = 0;
    if (std::sscanf(rest.c_str(), "x%lfs%n", &hold, &more) != 1 || static_cast<std::size_t>(more) != rest.size()) return std::nullopt;
  }
  if (sets < 1 || sets > 20 || reps < 1 || reps > 200 || !(hold >= 0.0 && hold <= 600.0)) return std::nullopt;
  return std::tuple<int, int, double>{sets, reps, hold};
}
}  // namespace

std::vector<std::string> open_handout_for_programme(HandoutDialog& d, const session::Session& s, const std::string& patient,
                                                    const std::vector<records::ProgrammeItem>& programme) {
  open_handout_dialog(d, s);
  for (HandoutEntry& e : d.entries) e.include = false;
  std::vector<std::string> unknown;
  int placed = 0;
  for (const records::ProgrammeItem& item : programme) {
    const auto it = std::find_if(d.entries.begin(), d.entries.end(), [&](const HandoutEntry& e) { return e.id == item.drill; });
    if (it == d.entries.end()) {
      unknown.push_back(item.drill);
      continue;
    }
    if (it->include) continue;  // listed twice: the first dosage stands
    it->include = true;
    if (const auto dose = parse_programme_dosage(item.dosage)) std::tie(it->sets, it->reps, it->hold_s) = *dose;
    move_handout_entry(d, static_cast<int>(it - d.entries.begin()), placed - static_cast<int>(it - d.entries.begin()));
    ++placed;
  }
  if (!programme.empty()) d.left = programme.front().side == records::Side::kLeft;
  d.patient = patient;
  return unknown;
}

Result<std::vector<std::string>> handout_preview_arguments(const HandoutDialog& d, const std::string& png_path) {
  HandoutDialog copy = d;
  copy.path = "preview.pdf";  // the PDF's own name is checked when it is saved
  auto args = handout_arguments(copy);
  if (!args) return args.error();
  const auto ticked = std::count_if(d.entries.begin(), d.entries.end(), [](const HandoutEntry& e) { return e.include; });
  if (d.preview_page < 1 || d.preview_page > ticked + 1)
    return make_error("Page " + std::to_string(d.preview_page) + ": the handout has " + std::to_string(ticked + 1) +
                      " pages (the cover and one per ticked drill)");
  std::vector<std::string>& a = args.value();
  a.back() = png_path;  // the value of --out, always last
  a.insert(a.end() - 2, {"--page", std::to_string(d.preview_page)});
  return args;
}

}  // namespace hiplab::ui
