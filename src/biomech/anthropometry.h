// anthropometry.h — segment masses, centres of mass and moments of inertia of the legs for a body
// of given mass and height, from de Leva 1996 (J Biomech 29:1223-1230, Table 4: adjustments to
// Zatsiorsky-Seluyanov's parameters; mass fractions, CoM position as a fraction of segment length
// from the proximal end, radii of gyration as fractions of segment length; reference statures
// 1741 mm male, 1735 mm female).
//
// Segments: thigh (hip centre -> knee centre, placed on femur_*), shank (knee centre -> lateral
// malleolus, on tibia_*), foot (heel -> toe tip, on calcn_*; talus and toes are lumped into it).
// Segment lengths scale with height / reference stature; the CoM lies on the model segment's axis
// (femur: towards the knee centre; tibia: towards the ankle; calcn: along its x axis at the height
// of the Gait2392 calcn CoM, 0.03 m) at the de Leva fraction of the scaled length.
// Units: kg, m, kg m^2. Body frames: anatomy/skeleton.h. Muscle geometry is NOT scaled (it is the
// Gait2392 generic adult); only the weight and lever arms of the segments follow mass and height.
#pragma once
#include <array>

#include <glm/vec3.hpp>

#include "anatomy/skeleton.h"

namespace hiplab::biomech {

enum class Sex : unsigned char { kMale, kFemale };

struct BodyDescription {
  double mass_kg = 70.0;
  double height_m = 1.75;
  Sex sex = Sex::kMale;
};

enum class LegSegmentMass : unsigned char { kThigh, kShank, kFoot };
inline constexpr int kMassSegmentCount = 3;

struct SegmentParameters {
  anatomy::LegSegment body;    // the model body it is attached to
  double mass_kg;
  double length_m;             // de Leva segment length scaled by height
  glm::dvec3 com_right;        // CoM in the RIGHT body frame, m (left: mirror_point)
  glm::dvec3 inertia_kg_m2;    // principal moments about the CoM: sagittal (z), longitudinal (y), transverse (x)
};

struct LegSegmentParameters {
  std::array<SegmentParameters, kMassSegmentCount> segment;
};

LegSegmentParameters leg_segment_parameters(const BodyDescription& body);

}  // namespace hiplab::biomech
