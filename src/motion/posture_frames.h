// posture_frames.h — the posture names and base pelvis orientations the motion layer needs, as
// inline copies of biomech/posture.h's pelvis_to_world() and posture_name().
//
// Why copies: CMake links hiplab_motion against hiplab_anatomy only, so motion code cannot call
// non-inline biomech functions without an undefined reference wherever biomech comes first on the
// link line. tests/motion/posture_frames_test.cpp checks that these agree with biomech exactly. Once
// the build links motion to biomech these can forward to it.
// Units: radians. Frames: biomech/posture.h.
#pragma once
#include <optional>
#include <string_view>

#include <glm/mat3x3.hpp>

#include "anatomy/kinematics.h"
#include "biomech/posture.h"
#include "core/units.h"

namespace hiplab::motion {

inline constexpr biomech::Posture kPostures[] = {
    biomech::Posture::kStanding, biomech::Posture::kSeated, biomech::Posture::kFloorSitting,
    biomech::Posture::kKneeling, biomech::Posture::kSupine, biomech::Posture::kProne,
    biomech::Posture::kSideLying, biomech::Posture::kSideLyingOnRight};

inline std::string_view posture_label(biomech::Posture p) {
  switch (p) {
    case biomech::Posture::kStanding: return "standing";
    case biomech::Posture::kSeated: return "seated";
    case biomech::Posture::kFloorSitting: return "floor_sitting";
    case biomech::Posture::kKneeling: return "kneeling";
    case biomech::Posture::kSupine: return "supine";
    case biomech::Posture::kProne: return "prone";
    case biomech::Posture::kSideLying: return "side_lying";
    case biomech::Posture::kSideLyingOnRight: return "side_lying_on_right";
  }
  return "?";
}

inline std::optional<biomech::Posture> posture_from_label(std::string_view name) {
  for (biomech::Posture p : kPostures)
    if (posture_label(p) == name) return p;
  return std::nullopt;
}

inline glm::dmat3 posture_rotation(biomech::Posture p) {
  using anatomy::rotation_about;
  switch (p) {
    case biomech::Posture::kSupine: return rotation_about({0, 0, 1}, kPi / 2);
    case biomech::Posture::kProne: return rotation_about({0, 0, 1}, -kPi / 2);
    case biomech::Posture::kSideLying: return rotation_about({1, 0, 0}, -kPi / 2);
    case biomech::Posture::kSideLyingOnRight: return rotation_about({1, 0, 0}, kPi / 2);
    default: return glm::dmat3(1.0);
  }
}

}  // namespace hiplab::motion
