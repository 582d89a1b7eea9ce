#include "biomech/muscle_force.h"

#include <algorithm>
#include <cmath>

namespace hiplab::biomech {

FibreState fibre_state(const anatomy::MuscleSpec& m, double length) {
  FibreState s{};
  const double along = length - m.tendon_slack_length_m;
  const double width = m.optimal_fiber_length_m * std::sin(m.pennation_at_optimal_rad);
  s.fibre_length_m = std::sqrt(along * along + width * width);
  s.cos_pennation = s.fibre_length_m > 0.0 ? std::max(0.0, along / s.fibre_length_m) : 0.0;
  s.normalized_length = s.fibre_length_m / m.optimal_fiber_length_m;
  const double d = s.normalized_length - 1.0;
  s.force_length = std::exp(-d * d / kForceLengthShape);
  s.available_force_n = m.max_isometric_force_n * s.force_length * s.cos_pennation;
  s.passive_length = d > 0.0 ? (std::exp(kPassiveShape * d / kPassiveStrainAtFmax) - 1.0) / (std::exp(kPassiveShape) - 1.0) : 0.0;
  s.passive_force_n = m.max_isometric_force_n * s.passive_length * s.cos_pennation;
  return s;
}

}  // namespace hiplab::biomech
