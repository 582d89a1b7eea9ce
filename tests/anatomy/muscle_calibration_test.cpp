// muscle_calibration_test.cpp — the re-fitted optimal fibre and tendon slack lengths of
// anatomy/muscle_calibration.h (Modenese et al. 2016): Gait2392's own numbers wherever HipLab's path
// is Gait2392's, the normalised fibre length of Gait2392's path reproduced on HipLab's over the
// sample, the shipped grid's fit within 0.5 mm of a fine grid's, and a table of what changed
// (printed, with the one-off cost).
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "anatomy/muscle_calibration.h"
#include "anatomy/muscle_wrap.h"

using namespace hiplab::anatomy;

TEST_CASE("muscles whose path is Gait2392's keep Gait2392's parameters exactly") {
  int same = 0;
  for (int m = 0; m < kMuscleCount; ++m) {
    if (path_differs_from_gait2392(m)) continue;
    ++same;
    const MuscleSpec& f = force_muscle(m);
    CHECK(&f == &muscle(m));
    CHECK(f.optimal_fiber_length_m == muscle(m).optimal_fiber_length_m);
    CHECK(f.tendon_slack_length_m == muscle(m).tendon_slack_length_m);
  }
  CHECK(same > 0);
}

TEST_CASE("every wrapped muscle is re-fitted, and only its l_o and l_ts change") {
  for (const char* name : {"glut_min3", "glut_med3", "glut_max1", "peri"}) {
    const auto m = find_muscle(name);
    REQUIRE(m);
    CHECK(path_differs_from_gait2392(*m));
  }
  for (int m = 0; m < kMuscleCount; ++m) {
    if (!wraps_of(m).empty()) CHECK(path_differs_from_gait2392(m));
    if (!path_differs_from_gait2392(m)) continue;
    const MuscleSpec& f = force_muscle(m);
    const MuscleSpec& g = muscle(m);
    CAPTURE(g.name);
    CHECK(&f != &g);  // the fit gave positive lengths (else Gait2392's are kept)
    CHECK(f.max_isometric_force_n == g.max_isometric_force_n);
    CHECK(f.pennation_at_optimal_rad == g.pennation_at_optimal_rad);
    CHECK(f.points.data() == g.points.data());
  }
}

TEST_CASE("the fit reproduces Gait2392's normalised fibre lengths and does not depend on the grid") {
  // Tolerances (normalised fibre length l_M / l_o over the sample): the fit is affine in
  // Gait2392's length, so what remains is where a wrap's extra length is not (it engages in part
  // of the range only): root mean square 0.08, worst pose 0.5 (piriformis, the gemelli and
  // gluteus medius 3 come closest, at the ends of the rotation range). The fitted values may not
  // move by more than 1 mm on a grid of half the steps (0.85 mm at worst: gluteus maximus 2 and
  // rectus femoris, whose off-centre cylinders engage in part of the range only; under 1% of l_o).
  constexpr double kRmsTolerance = 0.08, kMaxTolerance = 0.5, kGridTolerance = 0.001;  // -, -, m
  std::printf("\nRe-fitted muscles (Modenese et al. 2016; shipped grid vs fine grid):\n");
  std::printf("%-12s %8s %8s %8s %8s %7s %7s %8s %8s\n", "muscle", "l_o g", "l_o fit", "l_ts g", "l_ts fit",
              "rms", "max", "dl_o fine", "dl_ts fine");
  std::printf("%-12s %8s %8s %8s %8s %7s %7s   (mm; rms/max: l_M/l_o vs Gait2392's path; before = Gait2392's l_o, l_ts)\n",
              "", "", "", "", "", "before", "before");
  int fitted = 0;
  double seconds = 0.0, fine_seconds = 0.0;
  for (int m = 0; m < kMuscleCount; ++m) {
    if (!path_differs_from_gait2392(m)) continue;
    ++fitted;
    const auto t0 = std::chrono::steady_clock::now();
    const MuscleFit f = fit_muscle_parameters(m);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto t1 = std::chrono::steady_clock::now();
    const MuscleFit fine = fit_muscle_parameters(m, CalibrationGrid::kFine);
    fine_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    const MuscleSpec& g = muscle(m);
    CAPTURE(g.name);
    std::printf("%-12s %8.1f %8.1f %8.1f %8.1f %7.4f %7.4f %8.2f %8.2f\n", std::string(g.name).c_str(),
                1000 * g.optimal_fiber_length_m, 1000 * f.optimal_fiber_length_m, 1000 * g.tendon_slack_length_m,
                1000 * f.tendon_slack_length_m, f.rms_difference, f.max_abs_difference,
                1000 * (fine.optimal_fiber_length_m - f.optimal_fiber_length_m),
                1000 * (fine.tendon_slack_length_m - f.tendon_slack_length_m));
    std::printf("%-12s %8s %8s %8s %8s %7.4f %7.4f\n", "", "", "", "", "", f.rms_difference_unfitted,
                f.max_abs_difference_unfitted);
    // Least squares in the fibre's projection is not least squares in l_M / l_o, but close.
    CHECK(f.rms_difference <= f.rms_difference_unfitted + 1e-9);
    CHECK(f.rms_difference < kRmsTolerance);
    CHECK(f.max_abs_difference < kMaxTolerance);
    CHECK(fine.rms_difference < kRmsTolerance);
    CHECK(std::abs(fine.optimal_fiber_length_m - f.optimal_fiber_length_m) < kGridTolerance);
    CHECK(std::abs(fine.tendon_slack_length_m - f.tendon_slack_length_m) < kGridTolerance);
  }
  std::printf("%d muscles re-fitted; one-off cost of the shipped grid %.2f ms (the fine grid %.1f ms)\n", fitted,
              1000 * seconds, 1000 * fine_seconds);
  CHECK(fitted > 0);
}

TEST_CASE("the written-out fit (muscle_calibration.cpp's table) is today's fit of every muscle whose path differs") {
  // The force reads a table so that no run pays for the path sweeps; a changed wrap, registered
  // point or path must come with a new table. On a difference this prints the rows to paste.
  int differing = 0, wrong = 0;
  std::string rows;
  for (int m = 0; m < kMuscleCount; ++m) {
    if (!path_differs_from_gait2392(m)) continue;
    ++differing;
    const MuscleFit f = fit_muscle_parameters(m);
    const MuscleSpec& used = force_muscle(m);
    CAPTURE(muscle(m).name);
    const bool same = std::abs(used.optimal_fiber_length_m - f.optimal_fiber_length_m) < 1e-8 &&
                      std::abs(used.tendon_slack_length_m - f.tendon_slack_length_m) < 1e-8;
    CHECK(same);
    if (!same) ++wrong;
    char row[160];
    std::snprintf(row, sizeof row, "    {\"%s\", %.9f, %.9f},\n", std::string(muscle(m).name).c_str(),
                  f.optimal_fiber_length_m, f.tendon_slack_length_m);
    rows += row;
  }
  CHECK(refit_row_count() == static_cast<std::size_t>(differing));  // no row left for a muscle that no longer differs
  if (wrong > 0 || refit_row_count() != static_cast<std::size_t>(differing))
    std::printf("kRefitted in src/anatomy/muscle_calibration.cpp should read:\n%s", rows.c_str());
}

TEST_CASE("a muscle whose path is Gait2392's fits back to Gait2392's own parameters") {
  // Reference and target are the same path: the least squares must return l_o and l_ts (a check
  // of the fit itself, not used for the force: those muscles get muscle(m) untouched).
  for (int m = 0; m < kMuscleCount; ++m) {
    if (path_differs_from_gait2392(m)) continue;
    const MuscleFit f = fit_muscle_parameters(m);
    CAPTURE(muscle(m).name);
    CHECK(f.optimal_fiber_length_m == doctest::Approx(muscle(m).optimal_fiber_length_m).epsilon(1e-9));
    CHECK(f.tendon_slack_length_m == doctest::Approx(muscle(m).tendon_slack_length_m).epsilon(1e-9));
    CHECK(f.max_abs_difference < 1e-9);
  }
}
