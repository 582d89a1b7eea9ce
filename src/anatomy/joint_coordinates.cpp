#include "anatomy/joint_coordinates.h"

namespace hiplab::anatomy {

std::string_view coord_name(LegCoord c) {
  switch (c) {
    case LegCoord::kHipFlexion: return "hip_flexion";
    case LegCoord::kHipAdduction: return "hip_adduction";
    case LegCoord::kHipRotation: return "hip_rotation";
    case LegCoord::kKneeFlexion: return "knee";
    case LegCoord::kAnkle: return "ankle";
    case LegCoord::kSubtalar: return "subtalar";
    case LegCoord::kMtp: return "mtp";
  }
  return "?";
}

std::string_view coord_sign_text(LegCoord c) {
  switch (c) {
    case LegCoord::kHipFlexion: return "+ flexion / - extension";
    case LegCoord::kHipAdduction: return "+ adduction / - abduction";
    case LegCoord::kHipRotation: return "+ internal rotation / - external rotation";
    case LegCoord::kKneeFlexion: return "+ flexion / - extension";
    case LegCoord::kAnkle: return "+ dorsiflexion / - plantarflexion";
    case LegCoord::kSubtalar: return "+ inversion / - eversion";
    case LegCoord::kMtp: return "+ toe extension / - toe flexion";
  }
  return "?";
}

std::optional<LegCoord> find_coord(std::string_view name) {
  if (name == "knee_flexion") return LegCoord::kKneeFlexion;
  for (int i = 0; i < kLegCoordCount; ++i)
    if (coord_name(static_cast<LegCoord>(i)) == name) return static_cast<LegCoord>(i);
  return std::nullopt;
}

}  // namespace hiplab::anatomy
