// patients_panel.cpp — the Patients window: search, add, edit, delete (with confirmation) patients;
// a visit's measurements typed keyboard-first (Tab between fields, Enter saves, the cursor back in
// the first field); a chart of each movement over time against its normal band; the selected
// patient's latest rotation limits on the overlay; "Measure from photo..." (a photo of the rotation
// test, landmarks clicked on it, the angle drawn over it: ui/photo_measure.h); the visits with
// each photo measurement's thumbnail, a click on which shows the photo with its stored landmarks;
// the Records menu: backup and restore of the whole records (records/backup.h, as
// `hiplab patients backup|restore`), a restore only after a dialog says what it replaces.
// See ui/panels.h, ui/patient_chart.h.
// Every change goes straight to the records store (records/store.h): one transaction each, and a
// save over someone else's newer change is refused with the store's message and a Reload button.
#include "ui/panels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <vector>

#include <imgui.h>

#include "anatomy/activity_demands.h"
#include "records/photo.h"
#include "records/photo_angle.h"
#include "render/texture.h"
#include "ui/handout_list.h"
#include "ui/patient_chart.h"
#include "ui/widgets.h"

namespace hiplab::ui {

namespace {

using namespace records;

constexpr std::array<Movement, 6> kMovements{Movement::kInternalRotation, Movement::kExternalRotation, Movement::kFlexion,
                                             Movement::kExtension,        Movement::kAbduction,        Movement::kAdduction};
constexpr std::array<const char*, 6> kShort{"IR", "ER", "Flex", "Ext", "Abd", "Add"};

bool input(const char* label, std::string& s, std::size_t max, ImGuiInputTextFlags flags = 0) {
  std::vector<char> buf(max + 1, '\0');
  std::copy_n(s.begin(), std::min(s.size(), max), buf.begin());
  const bool r = ImGui::InputText(label, buf.data(), buf.size(), flags);
  s = buf.data();
  return r;
}

template <class E, std::size_t N>
bool combo(const char* label, E& value, const std::array<E, N>& values, std::string_view (*name)(E)) {
  bool changed = false;
  if (ImGui::BeginCombo(label, std::string(name(value)).c_str())) {
    for (E v : values)
      if (ImGui::Selectable(std::string(name(v)).c_str(), v == value)) {
        value = v;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

// Loads the patient again (after a save, or to take someone else's change) and shows their
// latest limits on the overlay.
void select_patient(PatientsUi& p, session::Session& s, std::int64_t id) {
  auto rec = p.store->load(id);
  if (!rec) {
    p.error = rec.error().message;
    p.record.reset();
    return;
  }
  p.record = std::move(rec.value());
  p.edit = p.record->patient;
  p.edit_birth_year = p.edit.birth_year.value_or(0);
  p.confirm_delete = false;
  const auto limits = latest_limits(*p.record);
  for (std::size_t i = 0; i < limits.size(); ++i) s.view.measured[i] = limits[i];
}

void patient_list(PatientsUi& p, session::Session& s) {
  ImGui::SetNextItemWidth(-1);
  {
    char buf[201] = {};
    p.search.copy(buf, std::min<std::size_t>(p.search.size(), 200));
    if (ImGui::InputTextWithHint("##search", "search patients by name", buf, sizeof buf)) {
      p.search = buf;
      p.list_stale = true;
    }
  }
  if (p.list_stale) {
    auto list = p.store->list_patients(p.search);
    if (list) p.list = std::move(list.value());
    else p.error = list.error().message;
    p.list_stale = false;
  }
  ImGui::BeginChild("##patients", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 6.5f), true);
  for (const PatientSummary& ps : p.list) {
    std::string line = ps.patient.name;
    if (ps.patient.birth_year) line += " (" + std::to_string(*ps.patient.birth_year) + ")";
    line += "  -  " + std::to_string(ps.visits) + (ps.visits == 1 ? " visit" : " visits");
    if (!ps.last_visit.empty()) line += ", last " + ps.last_visit;
    line += "##" + std::to_string(ps.patient.id);
    if (ImGui::Selectable(line.c_str(), p.record && p.record->patient.id == ps.patient.id)) select_patient(p, s, ps.patient.id);
  }
  if (p.list.empty()) ImGui::TextDisabled(p.search.empty() ? "No patients yet" : "No patient's name contains that");
  ImGui::EndChild();
  if (ImGui::TreeNode("New patient")) {
    ImGui::SetNextItemWidth(200);
    const bool enter = input("Name or pseudonym", p.fresh.name, 200, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SetNextItemWidth(100);
    ImGui::InputInt("Year of birth (0: not given)", &p.fresh_birth_year, 0, 0);
    ImGui::SetNextItemWidth(120);
    static constexpr std::array<Sex, 4> kSexes{Sex::kUnstated, Sex::kFemale, Sex::kMale, Sex::kOther};
    combo("Sex", p.fresh.sex, kSexes, sex_name);
    if (ImGui::Button("Add patient") || enter) {
      Patient np = p.fresh;
      if (p.fresh_birth_year != 0) np.birth_year = p.fresh_birth_year;
      auto added = p.store->add_patient(np);
      if (added) {
        p.notice = "added " + added->name;
        p.error.clear();
        p.fresh = Patient{};
        p.fresh_birth_year = 0;
        p.list_stale = true;
        select_patient(p, s, added->id);
        p.focus_entry = true;
      } else {
        p.error = added.error().message;
      }
    }
    ImGui::TreePop();
  }
}

void patient_details(PatientsUi& p, session::Session& s) {
  PatientRecord& r = *p.record;
  section(("Patient " + std::to_string(r.patient.id)).c_str());
  ImGui::SetNextItemWidth(220);
  input("Name", p.edit.name, 200);
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt("Year of birth", &p.edit_birth_year, 0, 0);
  static constexpr std::array<Sex, 4> kSexes{Sex::kUnstated, Sex::kFemale, Sex::kMale, Sex::kOther};
  ImGui::SetNextItemWidth(120);
  combo("Sex##edit", p.edit.sex, kSexes, sex_name);
  input("Notes", p.edit.notes, 4000);
  if (ImGui::Button("Save")) {
    Patient e = p.edit;
    e.birth_year = p.edit_birth_year ? std::optional<int>(p.edit_birth_year) : std::nullopt;
    auto saved = p.store->update_patient(e);
    if (saved) {
      p.notice = "saved " + saved->name;
      p.error.clear();
      p.list_stale = true;
      select_patient(p, s, saved->id);
    } else {
      p.error = saved.error().message;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Reload")) select_patient(p, s, r.patient.id), p.error.clear();
  ImGui::SameLine();
  if (!p.confirm_delete) {
    if (ImGui::Button("Delete...")) p.confirm_delete = true;
  } else {
    std::size_t n = 0;
    for (const Visit& v : r.visits) n += v.measurements.size();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.65f, 0.15f, 0.12f, 1));
    const bool yes = ImGui::Button("Delete for good");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const bool no = ImGui::Button("Keep");
    ImGui::TextWrapped("Delete %s with %zu visits, %zu measurements and their photos? This cannot be undone.", r.patient.name.c_str(),
                       r.visits.size(), n);
    if (no) p.confirm_delete = false;
    if (yes) {
      auto done = p.store->delete_patient(r.patient.id, r.patient.revision);
      if (done) {
        p.notice = "deleted " + r.patient.name + (done->empty() ? "" : " (" + *done + ")");
        p.error.clear();
        p.record.reset();
        p.list_stale = true;
        for (auto& m : s.view.measured) m = anatomy::MeasuredLimits{};
        return;
      }
      p.error = done.error().message;
      p.confirm_delete = false;
    }
  }
}

std::size_t movement_index(Movement m) {
  for (std::size_t i = 0; i < kMovements.size(); ++i)
    if (kMovements[i] == m) return i;
  return 0;
}

// One line of fields, typed left to right with Tab; Enter in any of them saves the visit.
void visit_entry(PatientsUi& p, session::Session& s, UiState& ui) {
  section("New visit (Tab between fields, Enter saves)");
  if (p.visit_date.empty()) p.visit_date = today_date();
  ImGui::SetNextItemWidth(100);
  bool enter = input("Date", p.visit_date, 10, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  int side = p.visit_side == Side::kRight ? 0 : 1;
  if (ImGui::RadioButton("Right", side == 0)) p.visit_side = Side::kRight;
  ImGui::SameLine();
  if (ImGui::RadioButton("Left", side == 1)) p.visit_side = Side::kLeft;
  static constexpr std::array<Position, 3> kPositions{Position::kSeated, Position::kSupine, Position::kProne};
  static constexpr std::array<Method, 4> kMethods{Method::kGoniometer, Method::kInclinometer, Method::kVisualEstimate, Method::kPhoto};
  ImGui::SetNextItemWidth(100);
  combo("Position", p.visit_position, kPositions, position_name);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  combo("Method", p.visit_method, kMethods, method_name);
  for (std::size_t i = 0; i < kMovements.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    if (i == 0 && p.focus_entry) {
      ImGui::SetKeyboardFocusHere();
      p.focus_entry = false;
    }
    ImGui::SetNextItemWidth(60);
    enter |= input((std::string(kShort[i]) + " deg").c_str(), p.visit_values[i], 8,
                   ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal);
  }
  ImGui::SetNextItemWidth(40);
  enter |= input("Pain 0-10", p.visit_pain, 2, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-60);
  enter |= input("Note", p.visit_note, 500, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool save = ImGui::Button("Save visit");
  ImGui::SameLine();
  if (ImGui::Button("Measure from photo...")) {
    p.photo.open = true;
    if (p.photo.path.empty()) {
      ui.browser_open = true;
      ui.browser_purpose = BrowserPurpose::kPhoto;
    }
  }
  if (p.photo_taken) {
    ImGui::SameLine();
    ImGui::TextDisabled("photo kept with %s on save", std::string(movement_name(p.photo_taken->movement)).c_str());
  }
  if (!(save || enter)) return;
  Visit v;
  v.patient_id = p.record->patient.id;
  v.date = p.visit_date;
  std::optional<int> pain;
  if (!p.visit_pain.empty()) {
    try {
      pain = std::stoi(p.visit_pain);
    } catch (...) {
      p.error = "pain: expected a whole number from 0 to 10, got '" + p.visit_pain + "'";
      return;
    }
  }
  for (std::size_t i = 0; i < kMovements.size(); ++i) {
    if (p.visit_values[i].empty()) continue;
    Measurement m;
    m.side = p.visit_side;
    m.movement = kMovements[i];
    m.position = p.visit_position;
    m.method = p.visit_method;
    m.pain = pain;
    m.note = p.visit_note;
    try {
      m.degrees = std::stod(p.visit_values[i]);
    } catch (...) {
      p.error = std::string(movement_name(kMovements[i])) + ": expected degrees, got '" + p.visit_values[i] + "'";
      return;
    }
    v.measurements.push_back(m);
  }
  if (v.measurements.empty()) {
    p.error = "nothing to save: type the degrees of at least one movement";
    return;
  }
  // The photo an angle was taken from goes with that measurement, as long as its degrees are still
  // the ones taken (a changed number is no longer the photo's).
  std::string kept;
  const std::string folder = p.store->photos_dir(p.record->patient.id);
  if (p.photo_taken) {
    const std::size_t i = movement_index(p.photo_taken->movement);
    for (Measurement& m : v.measurements)
      if (m.movement == p.photo_taken->movement && p.visit_values[i] == p.photo_taken->value) {
        if (auto st = validate(v); !st) {
          p.error = st.error().message;
          return;
        }
        auto name = keep_photo(folder, p.photo_taken->path, v.date);
        if (!name) {
          p.error = name.error().message;
          return;
        }
        kept = *name;
        m.photo = kept;
        m.landmarks = p.photo_taken->landmarks;
        m.method = Method::kPhoto;
      }
  }
  auto saved = p.store->add_visit(v);
  if (!saved) {
    if (!kept.empty()) {
      std::error_code ec;
      std::filesystem::remove(std::filesystem::path(folder) / kept, ec);
      std::filesystem::remove(std::filesystem::path(folder) / thumbnail_name(kept), ec);
    }
    p.error = saved.error().message;
    return;
  }
  p.photo_taken.reset();
  p.notice = "saved the visit of " + saved->date;
  p.error.clear();
  for (std::string& x : p.visit_values) x.clear();
  p.visit_pain.clear();
  p.visit_note.clear();
  p.list_stale = true;
  p.chart_side = p.visit_side;
  select_patient(p, s, p.record->patient.id);
  p.focus_entry = true;
}

// One movement over time: the normal band (green), Kouyoumdjian's mean for the position (a dashed
// line), each measurement as a dot joined in date order, the first and last dates under it.
// With the activities' figures (green lines, labelled where they do not crowd each other) and, under
// the chart, which of them the latest measurement is enough for.
void movement_chart(const PatientRecord& r, Side side, Movement m, float scale, const anatomy::ActivityDemands* acts) {
  const std::vector<ChartPoint> pts = movement_series(r, side, m);
  if (pts.empty()) return;
  const NormBand band = norm_band(m, pts.back().position, age_at(r.patient.birth_year, pts.back().date));
  double lo = std::min(band.low_deg, band.position_mean_deg.value_or(band.low_deg)) - 10.0, hi = std::max(band.high_deg, band.position_mean_deg.value_or(band.high_deg)) + 10.0;
  const std::vector<const anatomy::ActivityDemand*> demands = acts ? anatomy::demands_for(*acts, movement_name(m)) : std::vector<const anatomy::ActivityDemand*>{};
  for (const anatomy::ActivityDemand* a : demands) lo = std::min(lo, a->degrees - 5.0), hi = std::max(hi, a->degrees + 5.0);
  for (const ChartPoint& c : pts) lo = std::min(lo, c.degrees - 5.0), hi = std::max(hi, c.degrees + 5.0);
  lo = std::max(0.0, std::floor(lo / 10.0) * 10.0);
  hi = std::ceil(hi / 10.0) * 10.0;
  ImGui::Text("%s, %s: latest %.1f deg (%s)", std::string(movement_name(m)).c_str(), std::string(side_name(side)).c_str(), pts.back().degrees,
              pts.back().date.c_str());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float w = std::max(120.0f, ImGui::GetContentRegionAvail().x), h = 70.0f * scale, left = 28.0f * scale;
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto y_of = [&](double deg) { return origin.y + h - static_cast<float>((deg - lo) / (hi - lo)) * h; };
  const float x0 = origin.x + left, x1 = origin.x + w - 6.0f;
  dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x1, origin.y + h), IM_COL32(40, 40, 46, 255));
  const float b0 = y_of(band.high_deg), b1 = y_of(band.low_deg);
  dl->AddRectFilled(ImVec2(x0, b0 - (b1 - b0 < 2 ? 1.0f : 0.0f)), ImVec2(x1, b1 + (b1 - b0 < 2 ? 1.0f : 0.0f)), IM_COL32(70, 150, 90, 110));
  if (band.position_mean_deg) {
    const float y = y_of(*band.position_mean_deg);
    for (float x = x0; x < x1; x += 8.0f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4.0f, x1), y), IM_COL32(150, 220, 160, 220), 1.0f);
  }
  {
    float last_label_y = 1e9f;
    const float th = ImGui::GetTextLineHeight();
    for (auto it = demands.rbegin(); it != demands.rend(); ++it) {  // most demanding (highest) first
      const float y = y_of((*it)->degrees);
      dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), IM_COL32(60, 190, 90, 200), 1.0f);
      if (last_label_y - y >= th || last_label_y > 1e8f) {
        // Labels inside the chart's right end, each below its line, skipped where they would overlap.
        const std::string label = (*it)->label;
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        if (y + th <= origin.y + h + 1) {
          dl->AddText(ImVec2(x1 - ts.x - 4, y + 1), IM_COL32(120, 220, 140, 230), label.c_str());
          last_label_y = y + th;
        }
      }
    }
  }
  for (double tick : {lo, (lo + hi) / 2, hi}) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f", tick);
    dl->AddText(ImVec2(origin.x, y_of(tick) - ImGui::GetTextLineHeight() * 0.5f), IM_COL32(170, 170, 170, 255), buf);
  }
  ImVec2 prev;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    // Placed by date, so a gap between visits shows as one.
    const long span = day_number(pts.back().date) - day_number(pts.front().date);
    const float t = span <= 0 ? 0.5f : static_cast<float>(day_number(pts[i].date) - day_number(pts.front().date)) / static_cast<float>(span);
    const float x = x0 + 6.0f + (x1 - x0 - 12.0f) * t;
    const ImVec2 q(x, y_of(pts[i].degrees));
    if (i) dl->AddLine(prev, q, IM_COL32(240, 200, 90, 255), 1.5f * scale);
    dl->AddCircleFilled(q, 2.5f * scale, IM_COL32(255, 220, 120, 255));
    prev = q;
  }
  hint("%s  ...  %s   band: %.0f-%.0f deg, %s", pts.front().date.c_str(), pts.back().date.c_str(), band.low_deg, band.high_deg,
       band.source.c_str());
  if (!demands.empty()) {
    const std::string text = anatomy::verdict_text(anatomy::verdict(*acts, movement_name(m), pts.back().degrees), movement_name(m), pts.back().degrees);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.9f, 0.62f, 1));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      std::string sources;
      for (const anatomy::ActivityDemand* a : demands) {
        const anatomy::ActivitySource* src = acts->source(a->source);
        sources += a->label + ": " + a->statistic + ". " + (src ? src->citation : a->source) + "\n";
      }
      ImGui::SetTooltip("%s", sources.c_str());
    }
  }
}

// A texture of the photo at most `max_side` pixels on its longer side (2048: GL 3.3 allows that
// everywhere; the landmarks stay in the photo's own pixels). Null when GL cannot make one.
std::shared_ptr<Texture2D> photo_texture(const PhotoPixels& px, int max_side) {
  const PhotoPixels shown = downscale(px, max_side);
  return std::shared_ptr<Texture2D>(Texture2D::create(shown.rgba.data(), shown.width, shown.height, TextureFilter::kLinear));
}

ImTextureID imgui_id(const Texture2D& t) { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(t.id())); }

// Reads the chosen photo and makes its texture.
void load_photo_texture(PhotoMeasure& m) {
  m.load = false;
  m.points.clear();
  m.dragging = -1;
  m.texture.reset();
  m.width = m.height = 0;
  auto px = read_photo(m.path);
  if (!px) {
    m.error = px.error().message;
    return;
  }
  m.error.clear();
  m.width = px->width;
  m.height = px->height;
  m.texture = photo_texture(*px, 2048);
  if (!m.texture) m.error = m.path + ": cannot be shown (no texture)";
}

// The thumbnail of kept photo `photo` of the selected patient, read the first time it is asked
// for (from the photo itself when its thumbnail file is missing).
const PhotoThumbnail& thumbnail(PatientsUi& p, const std::string& photo) {
  keep_thumbnails_of(p.thumbnails, p.record->patient.id);  // selected this frame: none of the last one's
  auto [it, fresh] = p.thumbnails.by_photo.try_emplace(photo);
  PhotoThumbnail& t = it->second;
  if (!fresh) return t;
  const std::filesystem::path dir = p.store->photos_dir(p.record->patient.id);
  if (dir.empty()) {
    t.error = "this records store keeps no photos";
    return t;
  }
  auto px = read_photo((dir / thumbnail_name(photo)).string());
  if (!px) px = read_photo((dir / photo).string());
  if (!px) {
    t.error = px.error().message;
    return t;
  }
  t.texture = photo_texture(*px, kThumbnailPx);
  t.width = px->width;
  t.height = px->height;
  if (!t.texture) t.error = photo + ": cannot be shown (no texture)";
  return t;
}

// The landmarks over a photo shown at `view` (origin, size: the photo's rectangle on screen), as
// photo_angle reads them: the reference axis blue, the shin yellow, the points numbered, and the
// angle beside the knee once there is one. `count` is the number of landmarks the method takes
// (2-4); `dragging` the point being moved (-1 none).
void draw_marks(ImDrawList* dl, const PhotoView& view, ImVec2 origin, ImVec2 size, const std::vector<PhotoPoint>& points, int count, int dragging,
                const PhotoAngle* angle, float sc) {
  auto pt = [&](std::size_t i) { return ImVec2(view.screen_x(points[i].x), view.screen_y(points[i].y)); };
  const ImU32 reference = IM_COL32(90, 200, 255, 255), shin = IM_COL32(255, 210, 60, 255);
  const float thick = 2.5f * sc;
  const std::size_t n = points.size();
  if (count == 2 && n >= 1) {
    const ImVec2 k = pt(0);
    for (float y = origin.y; y < origin.y + size.y; y += 12.0f * sc) dl->AddLine(ImVec2(k.x, y), ImVec2(k.x, std::min(y + 6.0f * sc, origin.y + size.y)), reference, thick);
    if (n >= 2) dl->AddLine(k, pt(1), shin, thick);
  } else if (count == 3 && n >= 2) {
    const ImVec2 a = pt(0), k = pt(1);
    dl->AddLine(a, ImVec2(k.x + (k.x - a.x), k.y + (k.y - a.y)), reference, thick);
    if (n >= 3) dl->AddLine(k, pt(2), shin, thick);
  } else if (count == 4 && n >= 2) {
    dl->AddLine(pt(0), pt(1), reference, thick);
    if (n >= 4) dl->AddLine(pt(2), pt(3), shin, thick);
  }
  for (std::size_t i = 0; i < n; ++i) {
    dl->AddCircleFilled(pt(i), 5.0f * sc, IM_COL32(0, 0, 0, 200));
    dl->AddCircle(pt(i), 5.0f * sc, static_cast<int>(i) == dragging ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 120, 90, 255), 0, 2.0f * sc);
    dl->AddText(ImVec2(pt(i).x + 7 * sc, pt(i).y - 7 * sc), IM_COL32(255, 255, 255, 255), std::to_string(i + 1).c_str());
  }
  if (angle && static_cast<int>(n) >= count) {
    const std::size_t knee = count == 2 ? 0 : count == 3 ? 1 : 2;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f deg %s", angle->degrees, angle->movement == Movement::kInternalRotation ? "IR" : "ER");
    const ImVec2 k = pt(knee), tp(k.x + 12 * sc, k.y + 8 * sc);
    const ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddRectFilled(ImVec2(tp.x - 3, tp.y - 2), ImVec2(tp.x + ts.x + 3, tp.y + ts.y + 2), IM_COL32(0, 0, 0, 180), 3.0f);
    dl->AddText(tp, shin, buf);
  }
}

// Where a photo of w x h fits in the rest of the window: its view and screen rectangle.
struct PlacedPhoto {
  PhotoView view;
  ImVec2 origin, size;
};
PlacedPhoto place_photo(int w, int h) {
  PlacedPhoto out;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  out.view.scale = fit_scale(w, h, avail.x, std::max(50.0f, avail.y));
  out.size = ImVec2(static_cast<float>(w) * out.view.scale, static_cast<float>(h) * out.view.scale);
  out.origin = ImGui::GetCursorScreenPos();
  out.view.x0 = out.origin.x;
  out.view.y0 = out.origin.y;
  return out;
}

// The "Measure from photo" window: the photo, the landmarks placed and moved by clicking on it, the
// reference axis and the shin drawn over it and the angle beside the knee; "Use" puts the angle
// into the visit being typed (internal or external rotation, from the side and the turn).
void photo_window(PatientsUi& p, UiState& ui) {
  PhotoMeasure& m = p.photo;
  if (!m.open) {
    m.texture.reset();
    return;
  }
  if (m.load) load_photo_texture(m);
  const float sc = ui.ui_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 16 * sc, vp->WorkPos.y + 16 * sc), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(std::min(760.0f * sc, vp->WorkSize.x * 0.6f), vp->WorkSize.y * 0.85f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Measure from photo", &m.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  note_panel(ui);
  ImGui::TextWrapped("%s", m.path.empty() ? "No photo chosen" : m.path.c_str());
  if (ImGui::Button(m.path.empty() ? "Choose a photo..." : "Another photo...")) {
    ui.browser_open = true;
    ui.browser_purpose = BrowserPurpose::kPhoto;
  }
  ImGui::SameLine();
  int side = p.visit_side == Side::kRight ? 0 : 1;
  if (ImGui::RadioButton("Right leg", side == 0)) p.visit_side = Side::kRight;
  ImGui::SameLine();
  if (ImGui::RadioButton("Left leg", side == 1)) p.visit_side = Side::kLeft;
  const int before = m.count;
  ImGui::RadioButton("Knee, ankle (against the vertical)", &m.count, 2);
  ImGui::SameLine();
  ImGui::RadioButton("Reference, knee, ankle", &m.count, 3);
  ImGui::SameLine();
  ImGui::RadioButton("Reference axis, knee, ankle", &m.count, 4);
  if (m.count != before) m.points.clear();
  if (!m.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.5f, 0.45f, 1));
    ImGui::TextWrapped("%s", m.error.c_str());
    ImGui::PopStyleColor();
  }
  const auto result = measured(m, p.visit_side);
  // One line whatever it holds (the angle and its button, an error, the next click), so the photo
  // below does not jump when the last point is placed.
  ImGui::AlignTextToFramePadding();
  if (result && *result) {
    const PhotoAngle& a = result->value();
    ImGui::Text("%.1f deg %s of the %s hip", a.degrees, a.movement == Movement::kInternalRotation ? "internal rotation" : "external rotation",
                p.visit_side == Side::kRight ? "right" : "left");
    ImGui::SameLine();
    const std::string label = std::string("Use as ") + (a.movement == Movement::kInternalRotation ? "IR" : "ER") + " in the visit";
    if (ImGui::Button(label.c_str())) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f", a.degrees);
      const std::size_t i = movement_index(a.movement);
      p.visit_values[i] = buf;
      p.visit_method = Method::kPhoto;
      p.photo_taken = PatientsUi::TakenPhoto{m.path, landmarks_text(std::vector<PhotoPoint>(m.points.begin(), m.points.begin() + m.count)), buf, a.movement};
      p.notice = std::string("took ") + buf + " deg from the photo: Save visit keeps the photo with it";
      m.open = false;
    }
  } else if (result) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.5f, 0.45f, 1));
    ImGui::TextUnformatted(result->error().message.c_str());
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("%s", next_landmark_hint(m).c_str());
  }
  if (!m.points.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear points")) m.points.clear();
  }
  hint("Clockwise in the photo is internal rotation of a right hip, external of a left one (seated from the front, supine or prone from the "
       "foot end; a photo as taken, not mirrored).");
  if (m.texture && m.width > 0) {
    const PlacedPhoto at_screen = place_photo(m.width, m.height);
    const PhotoView& view = at_screen.view;
    ImGui::InvisibleButton("##photo", at_screen.size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(imgui_id(*m.texture), at_screen.origin, ImVec2(at_screen.origin.x + at_screen.size.x, at_screen.origin.y + at_screen.size.y));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const PhotoPoint at = view.to_photo(mouse.x, mouse.y);
    if (ImGui::IsItemActivated()) press(m, at, 12.0 * sc / view.scale);
    else if (ImGui::IsItemActive()) drag(m, at);
    else release(m);
    draw_marks(dl, view, at_screen.origin, at_screen.size, m.points, m.count, m.dragging, result && *result ? &result->value() : nullptr, sc);
  }
  ImGui::End();
}

// A kept photo opened from the visit list: the photo with the landmarks stored with the
// measurement, the reference axis and the shin, and the angle they give.
void viewer_window(PatientsUi& p, UiState& ui) {
  PhotoViewer& v = p.viewer;
  if (!v.open) {
    v = PhotoViewer{};
    return;
  }
  if (v.load) {
    v.load = false;
    v.texture.reset();
    const std::string dir = p.store ? p.store->photos_dir(v.patient_id) : std::string();
    auto px = dir.empty() ? Result<PhotoPixels>(make_error("this records store keeps no photos"))
                          : read_photo((std::filesystem::path(dir) / v.photo).string());
    if (!px) {
      v.error = px.error().message;
    } else {
      v.width = px->width;
      v.height = px->height;
      v.texture = photo_texture(*px, 2048);
      if (!v.texture) v.error = v.photo + ": cannot be shown (no texture)";
    }
  }
  const float sc = ui.ui_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 16 * sc, vp->WorkPos.y + 16 * sc), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(std::min(760.0f * sc, vp->WorkSize.x * 0.6f), vp->WorkSize.y * 0.85f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Measured photo###photo_viewer", &v.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  note_panel(ui);
  ImGui::TextUnformatted(v.title.c_str());
  if (v.angle)
    ImGui::Text("The landmarks stored with it give %.1f deg %s", v.angle->degrees,
                v.angle->movement == Movement::kInternalRotation ? "internal rotation" : "external rotation");
  if (!v.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.5f, 0.45f, 1));
    ImGui::TextWrapped("%s", v.error.c_str());
    ImGui::PopStyleColor();
  }
  hint("%s", v.photo.c_str());
  if (v.texture && v.width > 0) {
    const PlacedPhoto at = place_photo(v.width, v.height);
    ImGui::Dummy(at.size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(imgui_id(*v.texture), at.origin, ImVec2(at.origin.x + at.size.x, at.origin.y + at.size.y));
    draw_marks(dl, at.view, at.origin, at.size, v.points, static_cast<int>(v.points.size()), -1, v.angle ? &*v.angle : nullptr, sc);
  }
  ImGui::End();
}

// The patient's visits, newest first, each measurement on a line; one measured from a photo
// shows the photo's thumbnail, and a click on it opens the photo with its landmarks.
void visit_list(PatientsUi& p, float scale) {
  const PatientRecord& r = *p.record;
  section("Visits");
  if (r.visits.empty()) {
    ImGui::TextDisabled("No visits yet");
    return;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing(), thumb_h = 56.0f * scale;
  const float pad = ImGui::GetStyle().FramePadding.y * 2 + ImGui::GetStyle().ItemSpacing.y;
  float want = ImGui::GetStyle().WindowPadding.y * 2;
  for (const Visit& v : r.visits) {
    want += line;
    for (const Measurement& m : v.measurements) want += m.photo.empty() ? line : thumb_h + pad;
  }
  ImGui::BeginChild("##visits", ImVec2(0, std::min(want, 236.0f * scale)), true);
  for (auto v = r.visits.rbegin(); v != r.visits.rend(); ++v) {
    ImGui::PushID(static_cast<int>(v->id));
    ImGui::Text("%s%s%s", v->date.c_str(), v->note.empty() ? "" : "  ", v->note.c_str());
    for (std::size_t i = 0; i < v->measurements.size(); ++i) {
      const Measurement& m = v->measurements[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::Indent(12.0f * scale);
      if (!m.photo.empty()) {
        const PhotoThumbnail& t = thumbnail(p, m.photo);
        if (t.texture) {
          const ImVec2 size(thumbnail_width(t.width, t.height, thumb_h), thumb_h);
          if (ImGui::ImageButton(imgui_id(*t.texture), size, ImVec2(0, 0), ImVec2(1, 1), 1)) p.viewer = view_measurement(r.patient.id, v->date, m);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the photo with its landmarks and angle");
        } else {
          if (ImGui::Button("photo?", ImVec2(thumb_h, thumb_h))) p.viewer = view_measurement(r.patient.id, v->date, m);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.error.c_str());
        }
        ImGui::SameLine();
      }
      std::string movement(movement_name(m.movement));
      std::replace(movement.begin(), movement.end(), '_', ' ');
      std::string text = std::string(side_name(m.side)) + " " + movement + " ";
      char deg[24];
      std::snprintf(deg, sizeof deg, "%.1f deg", m.degrees);
      text += deg + std::string(", ") + std::string(position_name(m.position)) + ", " + std::string(method_name(m.method));
      if (m.pain) text += ", pain " + std::to_string(*m.pain) + "/10";
      if (!m.note.empty()) text += " - " + m.note;
      if (!m.photo.empty()) {
        ImGui::BeginGroup();
        ImGui::TextUnformatted(text.c_str());
        ImGui::TextDisabled("click the photo to see its landmarks");
        ImGui::EndGroup();
      } else {
        ImGui::TextUnformatted(text.c_str());
      }
      ImGui::Unindent(12.0f * scale);
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void charts(PatientsUi& p, session::Session& s, float scale) {
  section("Over time, against the normal range");
  if (p.activities) {
    if (ImGui::Checkbox("Everyday activities' range on the overlay arcs", &p.activities_on_overlay))
      s.view.activity_marks = p.activities_on_overlay ? anatomy::overlay_marks(*p.activities) : std::vector<anatomy::ActivityMark>{};
    hint("Green lines: the range everyday activities take (healthy adults' means; hover the sentence under a chart for the sources).");
  }
  int side = p.chart_side == Side::kRight ? 0 : 1;
  if (ImGui::RadioButton("Right side", side == 0)) p.chart_side = Side::kRight;
  ImGui::SameLine();
  if (ImGui::RadioButton("Left side", side == 1)) p.chart_side = Side::kLeft;
  bool any = false;
  for (Movement m : kMovements) {
    if (movement_series(*p.record, p.chart_side, m).empty()) continue;
    any = true;
    ImGui::PushID(static_cast<int>(m));
    movement_chart(*p.record, p.chart_side, m, scale, p.activities.get());
    ImGui::PopID();
  }
  if (!any) ImGui::TextDisabled("No measurements of this side yet");
  hint("The overlay shows this patient's latest internal and external rotation on each side.");
}

}  // namespace

Status show_patient(PatientsUi& p, session::Session& s, std::int64_t id) {
  if (!p.available) return make_error("patient records are switched off (\"records\": \"off\" in settings.json)");
  if (!p.store) {
    if (!p.open_store) return make_error("patient records are not available here");
    auto opened = p.open_store();
    if (!opened) {
      p.error = opened.error().message;
      return opened.error();
    }
    p.store = std::move(opened.value());
  }
  p.open = true;
  p.list_stale = true;
  p.error.clear();
  select_patient(p, s, id);
  if (!p.record) return make_error(p.error);
  return Ok{};
}

// The programmes given at the patient's visits, newest first, each one click from its handout: the
// Handout dialog opened on its drills and dosage for this patient (ui/handout_list.h).
void programmes(PatientsUi& p, session::Session& s, UiState& ui) {
  const PatientRecord& r = *p.record;
  bool any = false;
  for (auto v = r.visits.rbegin(); v != r.visits.rend(); ++v) {
    if (v->programme.empty()) continue;
    if (!any) {
      ImGui::Separator();
      ImGui::TextUnformatted("Exercise programmes given");
      any = true;
    }
    std::string line = v->date + ":";
    for (const ProgrammeItem& item : v->programme)
      line += " " + item.drill + (item.dosage.empty() ? "" : " " + item.dosage) + (item.side == Side::kLeft ? " (left)" : "") + ";";
    ImGui::PushID(static_cast<int>(v->id));
    if (ImGui::SmallButton("Handout...")) {
      const std::vector<std::string> unknown = open_handout_for_programme(ui.handout, s, r.patient.name, v->programme);
      p.notice = unknown.empty() ? "The Handout dialog holds this visit's programme"
                                 : "Not among the drills here, left out of the handout: " + [&] {
                                     std::string u;
                                     for (const std::string& x : unknown) u += (u.empty() ? "" : ", ") + x;
                                     return u;
                                   }();
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopID();
  }
}

namespace {

// The Records menu: a backup of the whole records database (photos included) to a file, and a
// restore from one, each through the file browser (ui/file_browser.cpp).
void records_menu(PatientsUi& p, UiState& ui) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("Records")) {
    if (ImGui::MenuItem("Back up to a file...", nullptr, false, p.store != nullptr)) {
      ui.browser_open = true;
      ui.browser_purpose = BrowserPurpose::kBackupSave;
      ui.browser_name = "hiplab-records-" + today_date() + ".sqlite";
    }
    if (ImGui::MenuItem("Restore from a backup...", nullptr, false, p.store != nullptr)) {
      ui.browser_open = true;
      ui.browser_purpose = BrowserPurpose::kBackupOpen;
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Up to 8 names, then how many more.
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 8; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 8) out += " and " + std::to_string(names.size() - 8) + " more";
  return out;
}

// Forgets the selected patient and what was shown of them (after a restore replaced everyone).
void forget_patient(PatientsUi& p, session::Session& s) {
  p.record.reset();
  p.photo_taken.reset();
  p.confirm_delete = false;
  keep_thumbnails_of(p.thumbnails, 0);
  p.viewer = PhotoViewer{};
  p.list_stale = true;
  for (auto& m : s.view.measured) m = anatomy::MeasuredLimits{};
}

// Carries out a backup or reads a restore's file once the file browser has named it; a restore
// then waits for the user's yes in a dialog that says what it replaces.
void backup_and_restore(PatientsUi& p, session::Session& s, float sc) {
  if (!p.backup_to.empty()) {
    auto done = write_backup(*p.store, p.backup_to);
    if (done) {
      p.notice = "backed up " + plural(done->patients, "patient", "patients") + " and " + plural(done->photo_files, "photo file", "photo files") + " to " +
                 p.backup_to;
      p.error.clear();
    } else {
      p.error = "backup: " + done.error().message;
    }
    p.backup_to.clear();
  }
  if (!p.restore_from.empty()) {
    auto got = read_backup(p.restore_from);
    auto now = p.store->list_patients();
    if (!got) {
      p.error = got.error().message + "; nothing was restored";
    } else if (!now) {
      p.error = now.error().message + "; nothing was restored";
    } else {
      PatientsUi::PendingRestore r;
      r.file = p.restore_from;
      r.contents = std::move(got.value());
      for (const PatientSummary& ps : *now) {
        r.replaced.push_back(ps.patient.name);
        std::error_code ec;
        const std::string dir = p.store->photos_dir(ps.patient.id);
        if (!dir.empty() && std::filesystem::is_directory(dir, ec))
          for (const auto& e : std::filesystem::directory_iterator(dir, ec))
            if (e.is_regular_file(ec)) ++r.photo_files;
      }
      p.restore = std::move(r);
      p.error.clear();
    }
    p.restore_from.clear();
  }
  constexpr const char* kTitle = "Restore the records?";
  if (p.restore && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  ImGui::SetNextWindowSize(ImVec2(480 * sc, 0));
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoResize)) return;
  if (!p.restore) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const PatientsUi::PendingRestore& r = *p.restore;
  std::vector<std::string> incoming;
  for (const PatientRecord& rec : r.contents.records) incoming.push_back(rec.patient.name);
  ImGui::TextWrapped("Restore from %s?", r.file.c_str());
  ImGui::Spacing();
  auto what = [](std::size_t patients, const std::vector<std::string>& names, std::size_t photos) {
    return plural(patients, "patient", "patients") + (names.empty() ? "" : " (" + name_list(names) + ")") + " and " + plural(photos, "photo file", "photo files");
  };
  ImGui::TextWrapped("This replaces everything now in %s:", p.store->describe().c_str());
  ImGui::Indent();
  ImGui::TextWrapped("%s", what(r.replaced.size(), r.replaced, r.photo_files).c_str());
  ImGui::Unindent();
  ImGui::TextUnformatted("with the backup's");
  ImGui::Indent();
  ImGui::TextWrapped("%s.", what(incoming.size(), incoming, r.contents.photos.size()).c_str());
  ImGui::Unindent();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.5f, 1));
  ImGui::TextWrapped("The records replaced cannot be brought back (unless they were backed up).");
  ImGui::PopStyleColor();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.65f, 0.15f, 0.12f, 1));
  const bool yes = ImGui::Button("Replace with the backup");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  const bool no = ImGui::Button("Keep the current records");
  if (yes) {
    auto done = restore_backup(*p.store, r.contents);
    if (done) {
      p.notice = "restored " + plural(done->restored, "patient", "patients") + " and " + plural(done->photo_files, "photo file", "photo files") + " from " +
                 r.file + " (replacing " + std::to_string(done->replaced) + ")";
      p.error.clear();
      forget_patient(p, s);
    } else {
      const std::string& m = done.error().message;
      const bool partly = m.find("the records were restored") != std::string::npos;
      p.error = partly ? m : m + "; nothing was restored, the records are as they were";
      if (partly) forget_patient(p, s);
    }
  }
  if (yes || no) {
    p.restore.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void release_patient_textures(PatientsUi& p) {
  p.photo.texture.reset();
  keep_thumbnails_of(p.thumbnails, 0);
  p.viewer = PhotoViewer{};
}

void patients_window(session::Session& s, UiState& ui) {
  PatientsUi& p = ui.patients;
  // The thumbnails and the photo viewer are the shown patient's only: another patient, none (a
  // deletion, a restore) or the window closed drops them and their textures.
  const std::int64_t shown = p.open && p.available && p.record ? p.record->patient.id : 0;
  keep_thumbnails_of(p.thumbnails, shown);
  keep_viewer_of(p.viewer, shown);
  if (!p.open || !p.available) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Over the right-hand panels, not the middle: the hips and their arcs (with the patient's limits)
  // stay in view while a visit is typed in.
  const float width = std::min(520.0f * ui.ui_scale, std::max(360.0f * ui.ui_scale, vp->WorkSize.x * 0.36f));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - width - 8, vp->WorkPos.y + 8), ImGuiCond_FirstUseEver);
  // As tall as the status line leaves: the visit list with its photos sits below the visit entry.
  ImGui::SetNextWindowSize(ImVec2(width, std::max(vp->WorkSize.y * 0.8f, vp->WorkSize.y - 16 - 34 * ui.ui_scale)), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Patients", &p.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_MenuBar)) {
    ImGui::End();
    return;
  }
  note_panel(ui);
  records_menu(p, ui);
  if (!p.store && p.error.empty() && p.open_store) {
    auto opened = p.open_store();
    if (opened) {
      p.store = std::move(opened.value());
      p.list_stale = true;
    } else {
      p.error = opened.error().message;
    }
  }
  if (p.store) ImGui::TextDisabled("%s", p.store->describe().c_str());
  // What just failed (a save refused as someone else's change, a value out of range) or worked,
  // at the top where the eye is.
  if (!p.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.5f, 0.45f, 1));
    ImGui::TextWrapped("%s", p.error.c_str());
    ImGui::PopStyleColor();
  } else if (!p.notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", p.notice.c_str());  // a backup's path can be long
    ImGui::PopStyleColor();
  }
  if (p.store) {
    backup_and_restore(p, s, ui.ui_scale);
    patient_list(p, s);
    if (p.record) {
      patient_details(p, s);
      if (p.record) {
        visit_entry(p, s, ui);
        visit_list(p, ui.ui_scale);
        charts(p, s, ui.ui_scale);
        programmes(p, s, ui);
      }
    }
  } else if (ImGui::Button("Try again")) {
    p.error.clear();
  }
  ImGui::End();
  if (p.record) {
    photo_window(p, ui);
  } else {
    p.photo.open = false;
    p.photo.texture.reset();
  }
  viewer_window(p, ui);
}

}  // namespace hiplab::ui
