// muscle_layers.cpp — see muscle_layers.h.
#include "anatomy/muscle_layers.h"

namespace hiplab::anatomy {

std::string_view muscle_layer_name(MuscleLayer l) {
  switch (l) {
    case MuscleLayer::kSuperficial: return "superficial";
    case MuscleLayer::kIntermediate: return "intermediate";
    case MuscleLayer::kDeep: return "deep";
  }
  return "deep";
}

std::optional<MuscleLayer> parse_muscle_layer(std::string_view name) {
  for (int i = 0; i < kMuscleLayerCount; ++i)
    if (name == muscle_layer_name(static_cast<MuscleLayer>(i))) return static_cast<MuscleLayer>(i);
  return std::nullopt;
}

std::string_view body_region_name(BodyRegion r) {
  switch (r) {
    case BodyRegion::kHip: return "hip";
    case BodyRegion::kThigh: return "thigh";
    case BodyRegion::kLeg: return "leg";
  }
  return "hip";
}

std::optional<BodyRegion> parse_body_region(std::string_view name) {
  for (int i = 0; i < kBodyRegionCount; ++i)
    if (name == body_region_name(static_cast<BodyRegion>(i))) return static_cast<BodyRegion>(i);
  return std::nullopt;
}

}  // namespace hiplab::anatomy
