#include "biomech/posture.h"

#include "anatomy/kinematics.h"
#include "core/units.h"

namespace hiplab::biomech {
namespace {
constexpr Posture kAll[] = {Posture::kStanding, Posture::kSeated,    Posture::kFloorSitting,
                            Posture::kKneeling, Posture::kSupine,    Posture::kProne,
                            Posture::kSideLying, Posture::kSideLyingOnRight};
}

std::string_view posture_name(Posture p) {
  switch (p) {
    case Posture::kStanding: return "standing";
    case Posture::kSeated: return "seated";
    case Posture::kFloorSitting: return "floor_sitting";
    case Posture::kKneeling: return "kneeling";
    case Posture::kSupine: return "supine";
    case Posture::kProne: return "prone";
    case Posture::kSideLying: return "side_lying";
    case Posture::kSideLyingOnRight: return "side_lying_on_right";
  }
  return "?";
}

std::optional<Posture> find_posture(std::string_view name) {
  for (Posture p : kAll)
    if (posture_name(p) == name) return p;
  if (name == "sidelying" || name == "side-lying") return Posture::kSideLying;
  return std::nullopt;
}

std::span<const Posture> all_postures() { return kAll; }

glm::dmat3 pelvis_to_world(Posture p) {
  using anatomy::rotation_about;
  switch (p) {
    case Posture::kSupine: return rotation_about({0, 0, 1}, kPi / 2);       // x -> +Y
    case Posture::kProne: return rotation_about({0, 0, 1}, -kPi / 2);       // x -> -Y
    case Posture::kSideLying: return rotation_about({1, 0, 0}, -kPi / 2);   // z -> +Y
    case Posture::kSideLyingOnRight: return rotation_about({1, 0, 0}, kPi / 2);  // z -> -Y
    default: return glm::dmat3(1.0);
  }
}

glm::dvec3 gravity_in_pelvis(Posture p) {
  return glm::transpose(pelvis_to_world(p)) * glm::dvec3{0.0, -kGravity, 0.0};
}

}  // namespace hiplab::biomech
