// Tests src/ui/patient_chart.h: the normal band behind each chart (anatomy/rom_norms.h's sources),
// the series in date order and the overlay's limits from the latest measurements.
#include <doctest/doctest.h>

#include "anatomy/skeleton.h"
#include "ui/patient_chart.h"

namespace hiplab {

namespace {

using namespace records;

TEST_CASE("patient chart: the band follows the patient's age, the line the measuring position") {
  // Product brief, internal rotation: adults 20-50 35-45, 50+ 25-35, teens 45-50.
  const ui::NormBand adult = ui::norm_band(Movement::kInternalRotation, Position::kSeated, 35);
  CHECK(adult.low_deg == 35);
  CHECK(adult.high_deg == 45);
  REQUIRE(adult.position_mean_deg);
  CHECK(*adult.position_mean_deg == doctest::Approx(37.9));  // Kouyoumdjian 2012, seated
  CHECK(*ui::norm_band(Movement::kInternalRotation, Position::kSupine, 35).position_mean_deg == doctest::Approx(29.6));
  CHECK(*ui::norm_band(Movement::kExternalRotation, Position::kProne, 35).position_mean_deg == doctest::Approx(41.8));
  const ui::NormBand older = ui::norm_band(Movement::kInternalRotation, Position::kSeated, 70);
  CHECK(older.low_deg == 25);
  CHECK(older.high_deg == 35);
  CHECK_FALSE(older.position_mean_deg);  // Kouyoumdjian's sample was 20-60 y
  CHECK(ui::norm_band(Movement::kInternalRotation, Position::kSeated, 15).low_deg == 45);
  CHECK(ui::norm_band(Movement::kInternalRotation, Position::kSeated, std::nullopt).low_deg == 35);  // unknown: adults
  // Roach & Miles 1991, mean +/- 1 SD.
  const ui::NormBand flex = ui::norm_band(Movement::kFlexion, Position::kSupine, 40);
  CHECK(flex.low_deg == 108);
  CHECK(flex.high_deg == 134);
  CHECK(ui::norm_band(Movement::kAdduction, Position::kSupine, 40).high_deg == 30);  // AAOS 1965
  CHECK(ui::age_at(1968, "2024-12-10") == 56);
  CHECK(ui::day_number("1970-01-01") == 0);
  CHECK(ui::day_number("2000-03-01") - ui::day_number("2000-02-28") == 2);  // 2000 was a leap year
  CHECK(ui::day_number("2100-03-01") - ui::day_number("2100-02-28") == 1);  // 2100 will not be
  CHECK(ui::day_number("2024-12-10") == 20067);
  CHECK_FALSE(ui::age_at(std::nullopt, "2024-12-10"));
}

TEST_CASE("patient chart: a movement's series in date order, and the overlay's limits from the latest visit") {
  PatientRecord r;
  auto visit = [](std::int64_t id, const std::string& date, Side side, Movement m, double deg) {
    Visit v;
    v.id = id;
    v.date = date;
    Measurement x;
    x.side = side;
    x.movement = m;
    x.degrees = deg;
    v.measurements.push_back(x);
    return v;
  };
  r.visits.push_back(visit(1, "2023-01-01", Side::kRight, Movement::kInternalRotation, 20));
  r.visits.push_back(visit(2, "2023-02-01", Side::kLeft, Movement::kExternalRotation, 33));
  r.visits.push_back(visit(3, "2023-03-01", Side::kRight, Movement::kInternalRotation, 24));
  const auto s = ui::movement_series(r, Side::kRight, Movement::kInternalRotation);
  REQUIRE(s.size() == 2);
  CHECK(s[0].degrees == 20);
  CHECK(s[1].date == "2023-03-01");
  const auto limits = ui::latest_limits(r);
  const auto& right = limits[static_cast<std::size_t>(anatomy::side_index(anatomy::Side::kRight))];
  const auto& left = limits[static_cast<std::size_t>(anatomy::side_index(anatomy::Side::kLeft))];
  CHECK(right.internal_rotation_deg == 24.0);
  CHECK_FALSE(right.external_rotation_deg);
  CHECK(left.external_rotation_deg == 33.0);
  CHECK_FALSE(left.internal_rotation_deg);
}

}  // namespace

}  // namespace hiplab
