// posture_frames.h — the posture names and base pelvis orientations the motion layer uses, forwarded
// to biomech/posture.h (the one definition); tests/motion/posture_frames_test.cpp checks they agree.
// Units: radians. Frames: biomech/posture.h.
#pragma once
#include <optional>
#include <string_view>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>

#include "anatomy/kinematics.h"
#include "biomech/posture.h"
#include "core/units.h"

namespace hiplab::motion {

inline constexpr biomech::Posture kPostures[] = {
    biomech::Posture::kStanding, biomech::Posture::kSeated, biomech::Posture::kFloorSitting,
    biomech::Posture::kKneeling, biomech::Posture::kSupine, biomech::Posture::kProne,
    biomech::Posture::kSideLying, biomech::Posture::kSideLyingOnRight};

inline std::string_view posture_label(biomech::Posture p) { return biomech::posture_name(p); }
inline std::optional<biomech::Posture> posture_from_label(std::string_view name) { return biomech::find_posture(name); }
inline glm::dmat3 posture_rotation(biomech::Posture p) { return biomech::pelvis_to_world(p); }
// The pelvis offsets (tilt, obliquity, turn) of a placed pelvis as the rotation after the posture's
// base one: rotation(pelvis_world) = posture_rotation(p) * offset (biomech::BiomechInput::pelvis_offset).
inline glm::dmat3 pelvis_offset_of(biomech::Posture p, const glm::dmat4& pelvis_world) {
  return glm::transpose(posture_rotation(p)) * glm::dmat3(pelvis_world);
}

}  // namespace hiplab::motion
