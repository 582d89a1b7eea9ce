#include "anatomy/muscle_calibration.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "anatomy/muscle_wrap.h"
#include "anatomy/point_registration.h"

namespace hiplab::anatomy {
namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

struct Range {
  double from_deg, to_deg, step_deg;
};
// Per coordinate (LegCoord order, mtp left out): the shipped grid and the fine one (the header).
constexpr std::array<Range, kMuscleCoordCount> kShippedGrid{{
    {-20.0, 120.0, 10.0}, {-40.0, 20.0, 10.0}, {-45.0, 45.0, 15.0},
    {0.0, 120.0, 30.0}, {-30.0, 20.0, 10.0}, {-20.0, 20.0, 10.0}}};
constexpr std::array<Range, kMuscleCoordCount> kFineGrid{{
    {-20.0, 120.0, 5.0}, {-40.0, 20.0, 5.0}, {-45.0, 45.0, 7.5},
    {0.0, 120.0, 15.0}, {-30.0, 20.0, 5.0}, {-20.0, 20.0, 5.0}}};

std::vector<double> values(const Range& r) {
  std::vector<double> v;
  for (double a = r.from_deg; a <= r.to_deg + 1e-9; a += r.step_deg) v.push_back(a * kDeg);
  return v;
}

// Which coordinates the muscle's path spans, from the bodies of its points.
std::array<bool, kMuscleCoordCount> crossed(int m) {
  int lo = 99, hi = -1;
  for (const PathPointSpec& p : muscle(m).points) {
    lo = std::min(lo, static_cast<int>(p.body));
    hi = std::max(hi, static_cast<int>(p.body));
  }
  auto spans = [&](PathBody a, PathBody b) { return lo <= static_cast<int>(a) && hi >= static_cast<int>(b); };
  const bool hip = spans(PathBody::kPelvis, PathBody::kFemur);
  const bool knee = spans(PathBody::kFemur, PathBody::kTibia);
  const bool ankle = spans(PathBody::kTibia, PathBody::kCalcn);
  return {hip, hip, hip, knee, ankle, ankle};
}

}  // namespace

bool path_differs_from_gait2392(int m) {
  if (!wraps_of(m).empty()) return true;
  const int n = static_cast<int>(muscle(m).points.size());
  for (int p = 0; p < n; ++p)
    if (glm::length(registration_offset(m, p)) > 0.0) return true;
  return false;
}

MuscleFit fit_muscle_parameters(int m, CalibrationGrid grid) {
  const MuscleSpec& s = muscle(m);
  const auto& ranges = grid == CalibrationGrid::kFine ? kFineGrid : kShippedGrid;
  const auto cross = crossed(m);
  std::array<std::vector<double>, kMuscleCoordCount> axis;
  for (int c = 0; c < kMuscleCoordCount; ++c) axis[c] = cross[c] ? values(ranges[c]) : std::vector<double>{0.0};

  // x = (l_MT,ref - l_ts) / l_o on Gait2392's path; y = l_MT on HipLab's.
  std::vector<double> xs, ys;
  MusclePath on, off;
  LegPose q{};
  std::array<std::size_t, kMuscleCoordCount> i{};
  for (;;) {
    for (int c = 0; c < kMuscleCoordCount; ++c) q.q[c] = axis[c][i[c]];
    const LegKinematics kin = leg_kinematics(q);
    evaluate_muscle_path(m, q, kin, Side::kRight, on, Wrapping::kOn);
    evaluate_muscle_path(m, q, kin, Side::kRight, off, Wrapping::kOff);
    xs.push_back((off.length - s.tendon_slack_length_m) / s.optimal_fiber_length_m);
    ys.push_back(on.length);
    int c = 0;
    while (c < kMuscleCoordCount && ++i[c] == axis[c].size()) i[c++] = 0;
    if (c == kMuscleCoordCount) break;
  }

  // Ordinary least squares of y = l_ts + l_o x.
  const double n = static_cast<double>(xs.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    sx += xs[k]; sy += ys[k]; sxx += xs[k] * xs[k]; sxy += xs[k] * ys[k];
  }
  MuscleFit f;
  f.samples = static_cast<int>(xs.size());
  f.optimal_fiber_length_m = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  f.tendon_slack_length_m = (sy - f.optimal_fiber_length_m * sx) / n;

  // How well the fitted target reproduces the reference's normalised fibre length.
  const double sin2 = std::pow(std::sin(s.pennation_at_optimal_rad), 2);
  double sum2 = 0.0, sum2_before = 0.0;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    const double ref = std::sqrt(xs[k] * xs[k] + sin2);
    const double x_target = (ys[k] - f.tendon_slack_length_m) / f.optimal_fiber_length_m;
    const double d = std::sqrt(x_target * x_target + sin2) - ref;
    f.max_abs_difference = std::max(f.max_abs_difference, std::abs(d));
    sum2 += d * d;
    const double x_before = (ys[k] - s.tendon_slack_length_m) / s.optimal_fiber_length_m;
    const double d_before = std::sqrt(x_before * x_before + sin2) - ref;
    f.max_abs_difference_unfitted = std::max(f.max_abs_difference_unfitted, std::abs(d_before));
    sum2_before += d_before * d_before;
  }
  f.rms_difference = std::sqrt(sum2 / n);
  f.rms_difference_unfitted = std::sqrt(sum2_before / n);
  return f;
}

// The fit of every muscle whose path differs, as fit_muscle_parameters(m) gives it today, written
// out so that no run pays for it (about 10 ms of path sweeps, once, on the first frame analysed):
// tests/anatomy/muscle_calibration_test.cpp re-fits every muscle and fails, printing the new
// rows to paste here, when a wrap, a registered point or a path changes. Metres: l_o, l_ts.
namespace {

struct RefitRow {
  const char* name;
  double optimal_fiber_length_m;
  double tendon_slack_length_m;
};
constexpr RefitRow kRefitted[] = {
    {"glut_med1", 0.057945696, 0.072486078},
    {"glut_med2", 0.095042710, 0.040786215},
    {"glut_med3", 0.082953253, 0.039024628},
    {"glut_min1", 0.069210603, 0.012628941},
    {"glut_min2", 0.062004829, 0.021718133},
    {"glut_min3", 0.050935058, 0.045027649},
    {"glut_max1", 0.162230503, 0.114873437},
    {"glut_max2", 0.157707341, 0.120530650},
    {"glut_max3", 0.162575674, 0.131001714},
    {"tfl", 0.093896887, 0.422804060},
    {"peri", 0.028365866, 0.112495407},
    {"semiten", 0.202414395, 0.254328017},
    {"semimem", 0.080377423, 0.358887178},
    {"bifemlh", 0.109541625, 0.325628855},
    {"add_long", 0.139852176, 0.106190195},
    {"add_brev", 0.135807398, 0.014152879},
    {"add_mag1", 0.086960095, 0.059797347},
    {"add_mag2", 0.121015899, 0.119987321},
    {"add_mag3", 0.140502250, 0.234253194},
    {"pect", 0.103154329, 0.027962175},
    {"iliacus", 0.100000000, 0.099757679},
    {"sar", 0.522005679, 0.099541855},
    {"rect_fem", 0.114120309, 0.311281732},
    {"quad_fem", 0.055109890, 0.022059565},
    {"gem", 0.025312393, 0.036260688},
    {"vas_med", 0.089000000, 0.126235996},
    {"vas_int", 0.087059724, 0.135787460},
    {"vas_lat", 0.085382298, 0.156029719},
    {"med_gas", 0.059766862, 0.390238878},
    {"lat_gas", 0.063342912, 0.380715521},
    {"soleus", 0.050598127, 0.247919272},
    {"tib_post", 0.031000000, 0.309251818},
    {"flex_dig", 0.034000000, 0.399860114},
    {"flex_hal", 0.043700884, 0.379407519},
    {"tib_ant", 0.098241903, 0.223685619},
    {"per_brev", 0.050000000, 0.161045423},
    {"per_long", 0.049000000, 0.345096376},
    {"per_tert", 0.081712013, 0.096539400},
    {"ext_dig", 0.109161434, 0.340898098},
    {"ext_hal", 0.111000000, 0.305493067},
};

// Thelen 2003's passive strain at F_max (e0), fitted per group of muscles so that the model's
// passive hip and knee flexion moments match Riener & Edrich 1999 (muscle_calibration.h, "Passive
// strain"; tests/biomech/passive_moment_test.cpp re-checks the fit). Muscles not listed keep
// Gait2392's FmaxMuscleStrain.
constexpr double kGait2392PassiveStrain = 0.6;
struct PassiveStrainRow {
  const char* name;
  double passive_strain_at_fmax;
};
constexpr double kHamstringsE0 = 0.71, kVastiE0 = 1.01, kRectusFemorisE0 = 0.74, kHipOneJointE0 = 1.44;
constexpr PassiveStrainRow kPassiveStrain[] = {
    {"semiten", kHamstringsE0},    {"semimem", kHamstringsE0},    {"bifemlh", kHamstringsE0},
    {"vas_med", kVastiE0},         {"vas_int", kVastiE0},         {"vas_lat", kVastiE0},
    {"rect_fem", kRectusFemorisE0},
    {"glut_max1", kHipOneJointE0}, {"glut_max2", kHipOneJointE0}, {"glut_max3", kHipOneJointE0},
    {"glut_med1", kHipOneJointE0}, {"glut_med2", kHipOneJointE0}, {"glut_med3", kHipOneJointE0},
    {"glut_min1", kHipOneJointE0}, {"glut_min2", kHipOneJointE0}, {"glut_min3", kHipOneJointE0},
    {"quad_fem", kHipOneJointE0},  {"gem", kHipOneJointE0},       {"peri", kHipOneJointE0},
    {"add_mag1", kHipOneJointE0},  {"add_mag2", kHipOneJointE0},  {"add_mag3", kHipOneJointE0},
    {"add_long", kHipOneJointE0},  {"add_brev", kHipOneJointE0},  {"pect", kHipOneJointE0},
};

}  // namespace

const MuscleSpec& force_muscle(int m) {
  // The fitted copies, and which muscles use them (a function-local static: initialised once,
  // thread-safe since C++11; a look-up by name, microseconds).
  struct Table {
    std::array<MuscleSpec, kMuscleCount> fitted{};
    std::array<bool, kMuscleCount> use_fitted{};
  };
  static const Table table = [] {
    Table t;
    for (int i = 0; i < kMuscleCount; ++i) {
      if (!path_differs_from_gait2392(i)) continue;
      for (const RefitRow& r : kRefitted) {
        if (muscle(i).name != r.name) continue;
        t.fitted[i] = muscle(i);
        t.fitted[i].optimal_fiber_length_m = r.optimal_fiber_length_m;
        t.fitted[i].tendon_slack_length_m = r.tendon_slack_length_m;
        t.use_fitted[i] = true;
      }
    }
    return t;
  }();
  const auto k = static_cast<std::size_t>(m);
  return table.use_fitted[k] ? table.fitted[k] : muscle(m);
}

double passive_strain_at_fmax(int m) {
  static const std::array<double, kMuscleCount> table = [] {
    std::array<double, kMuscleCount> t{};
    for (int i = 0; i < kMuscleCount; ++i) {
      t[static_cast<std::size_t>(i)] = kGait2392PassiveStrain;
      for (const PassiveStrainRow& r : kPassiveStrain)
        if (muscle(i).name == r.name) t[static_cast<std::size_t>(i)] = r.passive_strain_at_fmax;
    }
    return t;
  }();
  return table[static_cast<std::size_t>(m)];
}

std::size_t refit_row_count() { return std::size(kRefitted); }

}  // namespace hiplab::anatomy
