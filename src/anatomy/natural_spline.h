// natural_spline.h — the cubic spline OpenSim calls SimmSpline, used by Gait2392 for the knee's
// tibia translation and the rectus femoris moving path point as functions of knee angle.
//
// Method: the interpolating cubic spline of Forsythe, Malcolm & Moler (1977), "Computer Methods
// for Mathematical Computations", routine SPLINE: end conditions match the third derivative of the
// cubic through the first (last) four knots; two knots give a line, three knots a parabola-like fit.
// Outside the knots it extrapolates linearly with the end slope (as OpenSim does).
// Units: whatever the knots carry (here radians in, metres out). Invariants: x strictly increasing,
// at least two knots. Coefficients are computed once at construction; evaluation is allocation-free.
#pragma once
#include <span>
#include <vector>

namespace hiplab::anatomy {

class NaturalSpline {
 public:
  NaturalSpline() = default;
  // Copies the knots. x must be strictly increasing and x.size() == y.size() >= 2.
  NaturalSpline(std::span<const double> x, std::span<const double> y);

  double value(double x) const;
  double derivative(double x) const;  // dy/dx
  bool empty() const { return x_.empty(); }

 private:
  std::size_t interval(double x) const;  // index k with x_[k] <= x < x_[k+1], clamped
  std::vector<double> x_, y_, b_, c_, d_;
};

}  // namespace hiplab::anatomy
