#include "biomech/anthropometry.h"

#include <glm/geometric.hpp>

namespace hiplab::biomech {
namespace {

struct DeLevaRow {
  double mass_fraction;
  double length_mm;        // at the reference stature
  double com_fraction;     // from the proximal end (heel for the foot)
  double r_sagittal, r_transverse, r_longitudinal;  // radii of gyration / length
};

// de Leva 1996, Table 4 (thigh, shank, foot).
constexpr DeLevaRow kMale[] = {
    {0.1416, 422.2, 0.4095, 0.329, 0.329, 0.149},
    {0.0433, 434.0, 0.4459, 0.255, 0.249, 0.103},
    {0.0137, 258.1, 0.4415, 0.257, 0.245, 0.124},
};
constexpr DeLevaRow kFemale[] = {
    {0.1478, 368.5, 0.3612, 0.369, 0.364, 0.162},
    {0.0481, 432.3, 0.4416, 0.271, 0.267, 0.093},
    {0.0129, 228.3, 0.4014, 0.299, 0.279, 0.139},
};
constexpr double kMaleStature = 1.741, kFemaleStature = 1.735;
constexpr double kCalcnComHeight = 0.03;  // Gait2392 calcn_r mass_center y

}  // namespace

LegSegmentParameters leg_segment_parameters(const BodyDescription& body) {
  const bool male = body.sex == Sex::kMale;
  const DeLevaRow* rows = male ? kMale : kFemale;
  const double scale = body.height_m / (male ? kMaleStature : kFemaleStature);
  const glm::dvec3 thigh_dir = glm::normalize(anatomy::knee_tibia_origin(0.0));
  const glm::dvec3 shank_dir =
      glm::normalize(anatomy::body_info(anatomy::BodyId::kTalusR).joint_in_parent);
  const glm::dvec3 dirs[] = {thigh_dir, shank_dir, {1.0, 0.0, 0.0}};
  const anatomy::LegSegment bodies[] = {anatomy::LegSegment::kFemur, anatomy::LegSegment::kTibia,
                                        anatomy::LegSegment::kCalcn};
  LegSegmentParameters out{};
  for (int i = 0; i < kMassSegmentCount; ++i) {
    const DeLevaRow& r = rows[i];
    SegmentParameters& s = out.segment[i];
    s.body = bodies[i];
    s.mass_kg = r.mass_fraction * body.mass_kg;
    s.length_m = r.length_mm * 1e-3 * scale;
    s.com_right = dirs[i] * (r.com_fraction * s.length_m);
    if (i == 2) s.com_right.y = kCalcnComHeight;
    const double l2 = s.length_m * s.length_m * s.mass_kg;
    s.inertia_kg_m2 = {r.r_transverse * r.r_transverse * l2, r.r_longitudinal * r.r_longitudinal * l2,
                       r.r_sagittal * r.r_sagittal * l2};
  }
  return out;
}

}  // namespace hiplab::biomech
