#include "ui/patient_chart.h"

#include "anatomy/skeleton.h"

namespace hiplab::ui {

using records::Movement;
using records::Position;

NormBand norm_band(Movement m, Position p, std::optional<int> age_years) {
  NormBand b;
  const int age = age_years.value_or(35);
  const anatomy::RomNorm group = *anatomy::find_rom_norm(age < 20 ? "teen" : age <= 50 ? "adult" : "older");
  const char* pos_id = p == Position::kSupine ? "kouyoumdjian_supine" : p == Position::kProne ? "kouyoumdjian_prone" : "kouyoumdjian_seated";
  const anatomy::RomNorm by_position = *anatomy::find_rom_norm(pos_id);
  const bool kouyoumdjian_ages = age >= 20 && age <= 60;
  switch (m) {
    case Movement::kInternalRotation:
    case Movement::kExternalRotation: {
      const bool ir = m == Movement::kInternalRotation;
      b.low_deg = ir ? group.ir_low_deg : group.er_low_deg;
      b.high_deg = ir ? group.ir_high_deg : group.er_high_deg;
      b.source = std::string(group.label) + ": " + std::string(group.source);
      if (kouyoumdjian_ages) {
        b.position_mean_deg = ir ? by_position.ir_low_deg : by_position.er_low_deg;
        b.source += "; line: Kouyoumdjian 2012, " + std::string(records::position_name(p)) + " mean";
      }
      return b;
    }
    case Movement::kFlexion: b.low_deg = 121 - 13, b.high_deg = 121 + 13; break;
    case Movement::kExtension: b.low_deg = 19 - 8, b.high_deg = 19 + 8; break;
    case Movement::kAbduction: b.low_deg = 42 - 11, b.high_deg = 42 + 11; break;
    case Movement::kAdduction:
      b.low_deg = b.high_deg = 30;
      b.source = "AAOS 1965";
      return b;
  }
  b.source = "Roach & Miles 1991, mean +/- 1 SD";
  return b;
}

std::optional<int> age_at(std::optional<int> birth_year, const std::string& date) {
  if (!birth_year || date.size() < 4) return std::nullopt;
  return std::stoi(date.substr(0, 4)) - *birth_year;
}

long day_number(const std::string& date) {
  // Howard Hinnant's days_from_civil (proleptic Gregorian calendar).
  long y = std::stol(date.substr(0, 4));
  const long m = std::stol(date.substr(5, 2)), d = std::stol(date.substr(8, 2));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::vector<ChartPoint> movement_series(const records::PatientRecord& r, records::Side side, Movement m) {
  std::vector<ChartPoint> out;
  for (const records::Visit& v : r.visits)
    for (const records::Measurement& x : v.measurements)
      if (x.side == side && x.movement == m) out.push_back({v.date, x.degrees, x.position});
  return out;
}

std::array<anatomy::MeasuredLimits, 2> latest_limits(const records::PatientRecord& r) {
  std::array<anatomy::MeasuredLimits, 2> out{};
  for (records::Side side : {records::Side::kRight, records::Side::kLeft}) {
    anatomy::MeasuredLimits& l = out[static_cast<std::size_t>(anatomy::side_index(side == records::Side::kRight ? anatomy::Side::kRight : anatomy::Side::kLeft))];
    if (auto ir = records::latest(r, side, Movement::kInternalRotation)) l.internal_rotation_deg = ir->degrees;
    if (auto er = records::latest(r, side, Movement::kExternalRotation)) l.external_rotation_deg = er->degrees;
  }
  return out;
}

}  // namespace hiplab::ui
