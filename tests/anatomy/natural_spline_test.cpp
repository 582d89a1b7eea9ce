// Checks src/anatomy/natural_spline.h (the SimmSpline of Forsythe, Malcolm & Moler 1977).
#include "anatomy/natural_spline.h"

#include <doctest/doctest.h>

using namespace hiplab::anatomy;

TEST_CASE("natural spline interpolates its knots and is linear with two") {
  const double x[] = {0.0, 1.0, 2.0, 3.5, 4.0};
  const double y[] = {1.0, 2.0, 0.5, 0.7, 3.0};
  NaturalSpline s(x, y);
  for (int i = 0; i < 5; ++i) CHECK(s.value(x[i]) == doctest::Approx(y[i]));
  const double x2[] = {0.0, 2.0};
  const double y2[] = {1.0, 5.0};
  NaturalSpline l(x2, y2);
  CHECK(l.value(1.0) == doctest::Approx(3.0));
  CHECK(l.derivative(7.0) == doctest::Approx(2.0));
}

TEST_CASE("natural spline reproduces a cubic exactly (end conditions match third derivatives)") {
  // FMM end conditions fit the cubic through the end knots, so any cubic is reproduced exactly.
  const double x[] = {-1.0, 0.0, 0.5, 1.5, 2.0, 3.0};
  double y[6];
  auto f = [](double t) { return 0.5 * t * t * t - t * t + 2.0 * t - 1.0; };
  for (int i = 0; i < 6; ++i) y[i] = f(x[i]);
  NaturalSpline s(x, y);
  for (double t = -0.9; t < 2.95; t += 0.1) {
    CHECK(s.value(t) == doctest::Approx(f(t)).epsilon(1e-9));
    CHECK(s.derivative(t) == doctest::Approx(1.5 * t * t - 2 * t + 2).epsilon(1e-9));
  }
}
