// posture.h — where the pelvis is in the world for each body position a drill uses.
//
// World frame: Y up (gravity -Y), X and Z horizontal. A posture is the pelvis orientation in the
// world (pelvis frame: x anterior, y superior, z right); the pelvis is held fixed (quasi-static,
// open chain: floor contacts under the legs are explicit loads, see loads.h).
//   standing, seated, floor_sitting, kneeling : pelvis upright (pelvis frame = world frame)
//   supine        : lying on the back, anterior (x) up
//   prone         : lying face down, anterior (x) down
//   side_lying    : lying on the LEFT side, right leg on top (right, +z, points up)
//   side_lying_on_right : lying on the right side, left leg on top
// Units: radians.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

namespace hiplab::biomech {

enum class Posture : unsigned char {
  kStanding, kSeated, kFloorSitting, kKneeling, kSupine, kProne, kSideLying, kSideLyingOnRight,
};

std::string_view posture_name(Posture p);
std::optional<Posture> find_posture(std::string_view name);
std::span<const Posture> all_postures();

// Rotation taking pelvis-frame vectors to world vectors.
glm::dmat3 pelvis_to_world(Posture p);
// Gravity acceleration (m/s^2) expressed in the pelvis frame.
glm::dvec3 gravity_in_pelvis(Posture p);

}  // namespace hiplab::biomech
