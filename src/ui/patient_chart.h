// patient_chart.h — what the Patients panel's charts and the overlay take from a record, without
// ImGui (tested in tests/ui/patient_chart_test.cpp): a movement's measurements over time on one side,
// the normal band to draw behind them for the patient's age and the measuring position, and the
// latest rotation limits for the overlay (degrees throughout, as measured).
//
// The band: internal and external rotation by age from the product brief's groups (teens, adults
// 20-50, 50+; external rotation from AAOS 1965 and Roach & Miles 1991 by age, anatomy/rom_norms.h),
// with the position-specific mean of Kouyoumdjian et al. 2012 (supine, prone, seated; n = 120,
// 20-60 y) as a line for adults 20-60; flexion, extension and abduction as Roach & Miles 1991's
// mean ± 1 SD (121 ± 13, 19 ± 8, 42 ± 11, NHANES I, 25-74 y); adduction AAOS 1965's 30° (Roach &
// Miles did not report it).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/rom_norms.h"
#include "records/records.h"

namespace hiplab::ui {

struct NormBand {
  double low_deg = 0.0, high_deg = 0.0;
  std::optional<double> position_mean_deg;  // Kouyoumdjian 2012's mean for this position, when it applies
  std::string source;                        // short citation shown under the chart
};

// `age_years` unknown: adults 20-50.
NormBand norm_band(records::Movement m, records::Position p, std::optional<int> age_years);

// Whole years from the birth year to the date's year (the record keeps only the year of birth).
std::optional<int> age_at(std::optional<int> birth_year, const std::string& date);

struct ChartPoint {
  std::string date;
  double degrees = 0.0;
  records::Position position = records::Position::kSupine;
};
// Every measurement of the movement on the side, oldest visit first.
std::vector<ChartPoint> movement_series(const records::PatientRecord& r, records::Side side, records::Movement m);

// Days since 1970-01-01 of a valid YYYY-MM-DD date (records::valid_date), for a time axis that
// spaces visits as far apart as they were.
long day_number(const std::string& date);

// The overlay's patient limits (anatomy::MeasuredLimits, indexed by anatomy::side_index): the
// latest internal and external rotation of each side, unset where never measured.
std::array<anatomy::MeasuredLimits, 2> latest_limits(const records::PatientRecord& r);

}  // namespace hiplab::ui
