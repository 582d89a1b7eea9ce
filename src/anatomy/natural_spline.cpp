#include "anatomy/natural_spline.h"

#include <algorithm>
#include <cassert>

namespace hiplab::anatomy {

// Forsythe, Malcolm & Moler (1977) SPLINE, as used by SIMM and OpenSim's SimmSpline.
NaturalSpline::NaturalSpline(std::span<const double> x, std::span<const double> y)
    : x_(x.begin(), x.end()), y_(y.begin(), y.end()) {
  assert(x.size() == y.size() && x.size() >= 2);
  const std::size_t n = x_.size();
  b_.assign(n, 0.0);
  c_.assign(n, 0.0);
  d_.assign(n, 0.0);
  if (n == 2) {
    b_[0] = b_[1] = (y_[1] - y_[0]) / (x_[1] - x_[0]);
    return;
  }
  const std::size_t nm1 = n - 1;
  d_[0] = x_[1] - x_[0];
  c_[1] = (y_[1] - y_[0]) / d_[0];
  for (std::size_t i = 1; i < nm1; ++i) {
    d_[i] = x_[i + 1] - x_[i];
    b_[i] = 2.0 * (d_[i - 1] + d_[i]);
    c_[i + 1] = (y_[i + 1] - y_[i]) / d_[i];
    c_[i] = c_[i + 1] - c_[i];
  }
  // End conditions: third derivatives at the ends from divided differences.
  b_[0] = -d_[0];
  b_[nm1] = -d_[n - 2];
  c_[0] = 0.0;
  c_[nm1] = 0.0;
  if (n > 3) {
    c_[0] = c_[2] / (x_[3] - x_[1]) - c_[1] / (x_[2] - x_[0]);
    c_[nm1] = c_[n - 2] / (x_[nm1] - x_[n - 3]) - c_[n - 3] / (x_[n - 2] - x_[n - 4]);
    c_[0] = c_[0] * d_[0] * d_[0] / (x_[3] - x_[0]);
    c_[nm1] = -c_[nm1] * d_[n - 2] * d_[n - 2] / (x_[nm1] - x_[n - 4]);
  }
  for (std::size_t i = 1; i < n; ++i) {  // forward elimination
    const double t = d_[i - 1] / b_[i - 1];
    b_[i] -= t * d_[i - 1];
    c_[i] -= t * c_[i - 1];
  }
  c_[nm1] /= b_[nm1];  // back substitution
  for (std::size_t j = 0; j < nm1; ++j) {
    const std::size_t i = n - 2 - j;
    c_[i] = (c_[i] - d_[i] * c_[i + 1]) / b_[i];
  }
  b_[nm1] = (y_[nm1] - y_[n - 2]) / d_[n - 2] + d_[n - 2] * (c_[n - 2] + 2.0 * c_[nm1]);
  for (std::size_t i = 0; i < nm1; ++i) {
    b_[i] = (y_[i + 1] - y_[i]) / d_[i] - d_[i] * (c_[i + 1] + 2.0 * c_[i]);
    d_[i] = (c_[i + 1] - c_[i]) / d_[i];
    c_[i] *= 3.0;
  }
  c_[nm1] *= 3.0;
  d_[nm1] = d_[n - 2];
}

std::size_t NaturalSpline::interval(double x) const {
  const auto it = std::upper_bound(x_.begin(), x_.end(), x);
  std::size_t k = it == x_.begin() ? 0 : static_cast<std::size_t>(it - x_.begin()) - 1;
  return std::min(k, x_.size() - 2);
}

double NaturalSpline::value(double x) const {
  if (x_.empty()) return 0.0;
  if (x <= x_.front()) return y_.front() + b_.front() * (x - x_.front());
  if (x >= x_.back()) return y_.back() + b_.back() * (x - x_.back());
  const std::size_t k = interval(x);
  const double dx = x - x_[k];
  return y_[k] + dx * (b_[k] + dx * (c_[k] + dx * d_[k]));
}

double NaturalSpline::derivative(double x) const {
  if (x_.empty()) return 0.0;
  if (x <= x_.front()) return b_.front();
  if (x >= x_.back()) return b_.back();
  const std::size_t k = interval(x);
  const double dx = x - x_[k];
  return b_[k] + dx * (2.0 * c_[k] + 3.0 * dx * d_[k]);
}

}  // namespace hiplab::anatomy
