// muscle_geometry.h — muscle volumes that follow their paths at any pose: a smooth tube along the
// path (Catmull-Rom through the path points, resampled evenly by arc length, parallel-transport
// frames so it never twists), its belly cross-section from the physiological cross-sectional area
// and tapering into tendons in proportion to the tendon slack length.
//
// Cross-section: PCSA = F_max / sigma with sigma = 60 N/cm^2 = 6e5 Pa, a specific tension within
// the 25–100 N/cm^2 range used in musculoskeletal models (e.g. 61 N/cm^2, Arnold et al. 2010,
// Ann Biomed Eng 38:269). Belly radius r = sqrt(PCSA / pi). Tendon radius: 18% of the belly's,
// at least 1.5 mm. Tendon share of the length: slack / (slack + optimal fibre length), split 40%
// at the origin and 60% at the insertion (distal tendons are the longer in most hip muscles).
// Units: metres. Vertices come out in world space; uv.x = around the tube (0..1), uv.y = belly
// weight (0 in tendon, 1 mid-belly), which the renderer's muscle shading reads.
#pragma once
#include <span>

#include <glm/glm.hpp>

#include "scene/draw_list.h"

namespace hiplab {

struct MuscleTubeProfile {
  double belly_radius = 0.01;    // m
  double tendon_radius = 0.002;  // m
  double origin_tendon = 0.1;    // fraction of the path length that is tendon at the origin end
  double insertion_tendon = 0.1; // ... and at the insertion end
  // Multi-part muscles (the gluteal fans, adductor magnus) are flattened into a sheet: the
  // cross-section becomes an ellipse `fan_aspect` times wider than thick (same area, so the PCSA
  // is kept), its wide axis along `fan_direction` (world; zero = round), so neighbouring parts
  // overlap into one fan instead of standing apart as separate cords.
  glm::dvec3 fan_direction{0.0};
  double fan_aspect = 1.0;
};

constexpr double kSpecificTensionPa = 6.0e5;

MuscleTubeProfile muscle_tube_profile(double max_isometric_force_n, double optimal_fiber_length_m,
                                      double tendon_slack_length_m);

// Rings along and sides around for a tube seen at `px_per_m` pixels per metre: the fewest sides
// whose polygon strays at most a pixel from the widest section (r (1 - cos(pi / n)) <= 1 px, the
// same bound as the meshes' levels of detail)
// and a ring every 12 pixels of length, within 6..16 sides and 8..32 rings; px_per_m <= 0 gives
// the medium detail (14 rings, 8 sides).
glm::ivec2 muscle_tube_detail(std::span<const glm::dvec3> points, const MuscleTubeProfile& profile, double px_per_m);

// Radius at normalised arc length s in [0, 1] and the belly weight there (0 tendon .. 1 belly).
double tube_radius(const MuscleTubeProfile& p, double s, double* belly_weight = nullptr);

// Appends the tube along `points` (world, >= 2) to `mesh`; returns the index range it added as
// {first_index, index_count}. `rings` along, `sides` around.
glm::ivec2 append_muscle_tube(std::span<const glm::dvec3> points, const MuscleTubeProfile& profile, DynamicMesh& mesh,
                              int rings = 14, int sides = 8);

}  // namespace hiplab
