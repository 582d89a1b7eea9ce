#include "records/records.h"

#include <array>
#include <charconv>
#include <cmath>
#include <ctime>
#include <utility>

#include "records/photo.h"
#include "records/photo_angle.h"

namespace hiplab::records {

namespace {

template <class E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Side, 2> kSides{{{Side::kLeft, "left"}, {Side::kRight, "right"}}};
constexpr Names<Movement, 6> kMovements{{{Movement::kInternalRotation, "internal_rotation"},
                                         {Movement::kExternalRotation, "external_rotation"},
                                         {Movement::kFlexion, "flexion"},
                                         {Movement::kExtension, "extension"},
                                         {Movement::kAbduction, "abduction"},
                                         {Movement::kAdduction, "adduction"}}};
constexpr Names<Position, 3> kPositions{{{Position::kSupine, "supine"}, {Position::kProne, "prone"}, {Position::kSeated, "seated"}}};
constexpr Names<Method, 4> kMethods{{{Method::kGoniometer, "goniometer"},
                                     {Method::kInclinometer, "inclinometer"},
                                     {Method::kVisualEstimate, "visual_estimate"},
                                     {Method::kPhoto, "photo"}}};
constexpr Names<Sex, 4> kSexes{{{Sex::kUnstated, "unstated"}, {Sex::kFemale, "female"}, {Sex::kMale, "male"}, {Sex::kOther, "other"}}};

template <class E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E e) {
  for (const auto& [v, n] : names)
    if (v == e) return n;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> parse(const Names<E, N>& names, std::string_view s) {
  for (const auto& [v, n] : names)
    if (n == s) return v;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string list(const Names<E, N>& names) {
  std::string out;
  for (const auto& [v, n] : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// Control characters other than tab and newline would be invisible in a list and unreadable in a
// CSV cell; a record never needs them.
bool has_control(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') return true;
  return false;
}

Status text_field(std::string_view field, std::string_view s, std::size_t max_len) {
  if (s.size() > max_len) return make_error(std::string(field) + ": expected at most " + std::to_string(max_len) + " bytes");
  if (has_control(s)) return make_error(std::string(field) + ": expected text without control characters");
  return Ok{};
}

}  // namespace

std::string_view side_name(Side s) { return name_of(kSides, s); }
std::string_view movement_name(Movement m) { return name_of(kMovements, m); }
std::string_view position_name(Position p) { return name_of(kPositions, p); }
std::string_view method_name(Method m) { return name_of(kMethods, m); }
std::string_view sex_name(Sex s) { return name_of(kSexes, s); }
std::optional<Side> parse_side(std::string_view s) { return parse(kSides, s); }
std::optional<Movement> parse_movement(std::string_view s) { return parse(kMovements, s); }
std::optional<Position> parse_position(std::string_view s) { return parse(kPositions, s); }
std::optional<Method> parse_method(std::string_view s) { return parse(kMethods, s); }
std::optional<Sex> parse_sex(std::string_view s) { return parse(kSexes, s); }
std::string movement_names() { return list(kMovements); }
std::string position_names() { return list(kPositions); }
std::string method_names() { return list(kMethods); }
std::string sex_names() { return list(kSexes); }

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int y = std::stoi(std::string(d.substr(0, 4))), m = std::stoi(std::string(d.substr(5, 2))),
            day = std::stoi(std::string(d.substr(8, 2)));
  if (y < 1900 || m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return day <= kDays[m - 1] && !(m == 2 && day == 29 && !leap);
}

Status validate(const Patient& p) {
  if (p.name.empty()) return make_error("name: expected a name or pseudonym, got nothing");
  if (auto s = text_field("name", p.name, 200); !s) return s;
  if (auto s = text_field("notes", p.notes, 20000); !s) return s;
  if (p.birth_year && (*p.birth_year < 1900 || *p.birth_year > 2200))
    return make_error("birth_year: expected a year from 1900 to 2200, got " + std::to_string(*p.birth_year));
  return Ok{};
}

Status validate(const Measurement& m) {
  if (!std::isfinite(m.degrees) || m.degrees < 0.0 || m.degrees > 180.0)
    return make_error("degrees: expected 0 to 180, got " + exact_decimal(m.degrees));
  if (m.pain && (*m.pain < 0 || *m.pain > 10)) return make_error("pain: expected 0 to 10, got " + std::to_string(*m.pain));
  if (!m.photo.empty() && !valid_photo_name(m.photo))
    return make_error("photo: expected the name of a kept photo (letters, digits, '-', '_', '.'; ending .jpg or .png), got '" + m.photo + "'");
  if (!m.landmarks.empty())
    if (auto pts = parse_landmarks(m.landmarks); !pts) return pts.error();
  return text_field("note", m.note, 2000);
}

Status validate(const ProgrammeItem& item) {
  if (item.drill.empty()) return make_error("drill: expected a drill id, got nothing");
  if (auto s = text_field("drill", item.drill, 200); !s) return s;
  return text_field("dosage", item.dosage, 500);
}

Status validate(const Visit& v) {
  if (!valid_date(v.date)) return make_error("date: expected a date YYYY-MM-DD, got '" + v.date + "'");
  if (auto s = text_field("note", v.note, 20000); !s) return s;
  for (const Measurement& m : v.measurements)
    if (auto s = validate(m); !s) return s;
  for (const ProgrammeItem& item : v.programme)
    if (auto s = validate(item); !s) return s;
  return Ok{};
}

std::optional<Measurement> latest(const PatientRecord& r, Side side, Movement movement) {
  std::optional<Measurement> best;
  const Visit* best_visit = nullptr;
  for (const Visit& v : r.visits)
    for (const Measurement& m : v.measurements) {
      if (m.side != side || m.movement != movement) continue;
      const bool later = !best_visit || v.date > best_visit->date || (v.date == best_visit->date && v.id >= best_visit->id);
      if (later) {
        best = m;
        best_visit = &v;
      }
    }
  return best;
}

std::string exact_decimal(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

std::string today_date() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace hiplab::records
