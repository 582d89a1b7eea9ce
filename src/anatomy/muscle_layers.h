// muscle_layers.h — each muscle's depth layer (superficial, intermediate, deep) and the region it
// belongs to (hip, thigh, leg), as a teacher peels a dissection from the outside in. The values are
// data (assets/anatomy/muscle_layers.json, with their sources: Gray's Anatomy 42nd ed., Netter's
// Atlas 7th ed., Neumann's Kinesiology 3rd ed.), read by assets/muscle_layers.h; this header only
// names them. The same layer for both sides. Invariant: a MuscleLayers holds one valid layer and
// one valid region per muscle of anatomy/muscle_data.h (the loader refuses anything less).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {

// Ordered from the outside in: peel level N takes away the layers below N (level 1: superficial;
// level 2: superficial and intermediate). Deep muscles are never peeled.
enum class MuscleLayer : std::uint8_t { kSuperficial = 0, kIntermediate = 1, kDeep = 2 };
inline constexpr int kMuscleLayerCount = 3;

enum class BodyRegion : std::uint8_t { kHip = 0, kThigh = 1, kLeg = 2 };
inline constexpr int kBodyRegionCount = 3;

struct MuscleLayers {
  std::array<MuscleLayer, kMuscleCount> layer{};
  std::array<BodyRegion, kMuscleCount> region{};
};

std::string_view muscle_layer_name(MuscleLayer l);  // "superficial", "intermediate", "deep"
std::optional<MuscleLayer> parse_muscle_layer(std::string_view name);
std::string_view body_region_name(BodyRegion r);  // "hip", "thigh", "leg"
std::optional<BodyRegion> parse_body_region(std::string_view name);

}  // namespace hiplab::anatomy
