// detmath.h — deterministic elementary functions for the model generator.
// The generated .glb must be byte-identical on every machine. glibc picks different code paths for
// sin/cos/exp (FMA or not) per CPU, so the generator never calls them: these use only + - * / and
// sqrt, which IEEE 754 rounds exactly the same everywhere. Accuracy ~1e-15 relative, radians in.
#pragma once
#include <cmath>

namespace hiplab::modelgen::dm {

constexpr double kPi = 3.14159265358979323846;

inline double sin(double x) {
  // reduce to [-pi, pi]
  const double two_pi = 2.0 * kPi;
  double n = std::floor(x / two_pi + 0.5);
  x -= n * two_pi;
  // Taylor series, 22 terms is far more than needed on [-pi, pi]
  double term = x, sum = x, x2 = x * x;
  for (int k = 1; k < 22; ++k) {
    term *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
    sum += term;
  }
  return sum;
}
inline double cos(double x) { return sin(x + 0.5 * kPi); }
inline double deg(double d) { return d * kPi / 180.0; }

inline double exp(double x) {
  // exp(x) = exp(x/2^k)^(2^k)
  int k = 0;
  while (std::fabs(x) > 0.5) { x *= 0.5; ++k; }
  double term = 1.0, sum = 1.0;
  for (int i = 1; i < 20; ++i) { term *= x / i; sum += term; }
  for (int i = 0; i < k; ++i) sum *= sum;
  return sum;
}

}  // namespace hiplab::modelgen::dm
