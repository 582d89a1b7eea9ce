#include "biomech/muscle_force.h"

#include <algorithm>
#include <cmath>

namespace hiplab::biomech {
namespace {

// Tendon toe region (OpenSim Thelen2003Muscle::calcTendonForce; muscle_force.h).
constexpr double kToeForce = 1.0 / 3.0;  // OpenSim writes 0.333333
constexpr double kToeShape = 3.0;
constexpr double kToeStrain = 0.609 * kTendonStrainAtFmax;
constexpr double kLinearStiffness = 1.712 / kTendonStrainAtFmax;
const double kToeScale = std::exp(kToeShape) - 1.0;
const double kPassiveScale = std::exp(kPassiveShape) - 1.0;

// Newton's method stops when the force residual is below this share of F_max.
constexpr double kForceTolerance = 1e-11;
constexpr int kMaxIterations = 60;

struct Curve {
  double f = 0.0, df = 0.0;  // value and derivative with respect to its argument
};

Curve active_curve(double l) {
  const double d = l - 1.0;
  const double f = std::exp(-d * d / kForceLengthShape);
  return {f, -2.0 * d / kForceLengthShape * f};
}

Curve passive_curve(double l, double e0) {
  const double d = l - 1.0;
  if (d <= 0.0) return {};
  const double e = std::exp(kPassiveShape * d / e0);
  return {(e - 1.0) / kPassiveScale, kPassiveShape / e0 * e / kPassiveScale};
}

Curve tendon_curve(double eps) {
  if (eps <= 0.0) return {};
  if (eps <= kToeStrain) {
    const double e = std::exp(kToeShape * eps / kToeStrain);
    return {kToeForce * (e - 1.0) / kToeScale, kToeForce * kToeShape / kToeStrain * e / kToeScale};
  }
  return {kLinearStiffness * (eps - kToeStrain) + kToeForce, kLinearStiffness};
}

// The fibre at projection x along the tendon (constant-thickness pennation, width h).
struct Geometry {
  double length = 0.0, cos_pennation = 1.0;
  double dlength_dx = 1.0, dcos_dx = 0.0;
};

Geometry fibre_geometry(double x, double h) {
  Geometry g;
  g.length = std::sqrt(x * x + h * h);
  if (g.length <= 0.0) return g;  // no pennation and no length: along the tendon
  g.cos_pennation = x / g.length;
  g.dlength_dx = g.cos_pennation;
  g.dcos_dx = h * h / (g.length * g.length * g.length);
  return g;
}

FibreState fill(const anatomy::MuscleSpec& m, double e0, double u, double x, double h, double tendon_strain, bool rigid) {
  const Geometry g = fibre_geometry(x, h);
  FibreState s;
  s.activation = u;
  s.fibre_length_m = g.length;
  s.normalized_length = g.length / m.optimal_fiber_length_m;
  s.cos_pennation = g.cos_pennation;
  s.tendon_strain = tendon_strain;
  s.force_length = active_force_length(s.normalized_length);
  s.passive_length = passive_force_length(s.normalized_length, e0);
  s.available_force_n = m.max_isometric_force_n * s.force_length * s.cos_pennation;
  s.passive_force_n = m.max_isometric_force_n * s.passive_length * s.cos_pennation;
  const double fibre_force = u * s.available_force_n + s.passive_force_n;
  s.tendon_force_n = rigid ? fibre_force : m.max_isometric_force_n * tendon_force_strain(tendon_strain);
  s.residual_n = rigid ? 0.0 : fibre_force - s.tendon_force_n;
  return s;
}

}  // namespace

double active_force_length(double l) { return active_curve(l).f; }
double passive_force_length(double l, double e0) { return passive_curve(l, e0).f; }
double tendon_force_strain(double eps) { return tendon_curve(eps).f; }

double tendon_strain_at(double force) {
  if (force <= 0.0) return 0.0;
  if (force <= kToeForce) return kToeStrain / kToeShape * std::log1p(force * kToeScale / kToeForce);
  return kToeStrain + (force - kToeForce) / kLinearStiffness;
}

FibreState rigid_fibre_state(const anatomy::MuscleSpec& m, double length, double activation, double e0) {
  const double u = std::clamp(activation, 0.0, 1.0);
  const double along = length - m.tendon_slack_length_m;
  const double h = m.optimal_fiber_length_m * std::sin(m.pennation_at_optimal_rad);
  FibreState s = fill(m, e0, u, std::max(0.0, along), h, 0.0, true);
  // A musculotendon shorter than its tendon's slack length: the rigid model's fibre folds back
  // (its length counts the overlap, cos a = 0), as it always did here.
  if (along < 0.0) {
    s.fibre_length_m = std::sqrt(along * along + h * h);
    s.normalized_length = s.fibre_length_m / m.optimal_fiber_length_m;
    s.cos_pennation = 0.0;
    s.force_length = active_force_length(s.normalized_length);
    s.passive_length = passive_force_length(s.normalized_length, e0);
    s.available_force_n = s.passive_force_n = s.tendon_force_n = 0.0;
  }
  return s;
}

FibreState equilibrium_fibre_state(const anatomy::MuscleSpec& m, double length, double activation, double e0) {
  const double u = std::clamp(activation, 0.0, 1.0);
  const double lo = m.optimal_fiber_length_m, ls = m.tendon_slack_length_m;
  const double h = lo * std::sin(m.pennation_at_optimal_rad);
  const double x_max = length - ls;  // the fibre's projection with the tendon slack
  if (x_max <= 0.0) return fill(m, e0, u, 0.0, h, x_max / ls, false);  // slack: nothing pulls

  // Residual (normalised by F_max) and its derivative with respect to the projection x.
  auto residual = [&](double x, double& d) {
    const Geometry g = fibre_geometry(x, h);
    const double l = g.length / lo;
    const Curve a = active_curve(l), p = passive_curve(l, e0);
    const double fibre = u * a.f + p.f;
    const Curve t = tendon_curve((length - x - ls) / ls);
    d = (u * a.df + p.df) / lo * g.dlength_dx * g.cos_pennation + fibre * g.dcos_dx + t.df / ls;
    return fibre * g.cos_pennation - t.f;
  };

  // Start: the rigid tendon's fibre, less the stretch its force would put in the tendon.
  double d = 0.0;
  const double rigid_force = residual(x_max, d);  // the tendon is slack there: the fibre force
  double x = std::clamp(length - ls * (1.0 + tendon_strain_at(rigid_force)), 0.0, x_max);
  double lower = 0.0, upper = x_max;  // residual <= 0 at lower, >= 0 at upper
  int it = 0;
  for (; it < kMaxIterations; ++it) {
    const double r = residual(x, d);
    if (std::abs(r) <= kForceTolerance) break;
    (r < 0.0 ? lower : upper) = x;
    double next = d > 0.0 ? x - r / d : 0.5 * (lower + upper);
    if (!(next > lower && next < upper)) next = 0.5 * (lower + upper);
    if (upper - lower <= 1e-15 * x_max) break;
    x = next;
  }
  FibreState s = fill(m, e0, u, x, h, (length - x - ls) / ls, false);
  s.iterations = it;
  return s;
}

MuscleCapacity muscle_capacity(const anatomy::MuscleSpec& m, double length, double e0) {
  MuscleCapacity c;
  c.relaxed = equilibrium_fibre_state(m, length, 0.0, e0);
  c.full = equilibrium_fibre_state(m, length, 1.0, e0);
  c.passive_force_n = c.relaxed.tendon_force_n;
  c.available_force_n = std::max(0.0, c.full.tendon_force_n - c.relaxed.tendon_force_n);
  return c;
}

}  // namespace hiplab::biomech
