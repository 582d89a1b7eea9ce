// point_registration.h — Gait2392's path points registered to HipLab's own bones (issue 11,
// section 2). HipLab's bone meshes are Gait2392's reshaped (tools/model_generator/bones.cpp), not
// Gait2392's own, so some of Gait2392's attachment and via points lie a few millimetres inside the
// HipLab bone they belong to (the tibialis, soleus and toe extensors on the tibia, vastus medialis
// and the adductors at the linea aspera, ...), and every line from them cut the bone in every pose.
// Registration moves each such point, once, out to that bone's surface plus a clearance along the
// surface normal: a point whose distance outside its body's bones (signed, + outside) is below
// kRegistrationNear is moved to the nearest surface point + kRegistrationClearance along the
// outward normal there. Points that move with the knee (the quadriceps' patella points) are left.
// The plate rule: a pelvis point whose line to the next point (at the anatomical position) passes
// through the pelvis bones within 30 mm, in and out again, lies on the wrong face of the iliac
// wing (a plate 2-5 mm thick, reshaped from Gait2392's): it goes through the plate along the way
// to its nearest surface and out by the clearance. Only the gluteus medius 1 and 2 origins meet
// it (gluteus medius arises from the outer face of the ilium: Gray's Anatomy 42nd ed.).
// The offsets are transcribed from tests/scene/point_registration_test.cpp, which re-derives them
// from the shipped bone meshes (assets/models/hiplab_body.glb: hip bone and sacrum for the pelvis,
// femur, tibia and fibula for the tibia body, foot, toes) and fails when they differ.
// Units: metres, right side, in the point's Gait2392 body frame (the left leg mirrors them).
#pragma once
#include <span>
#include <string_view>

#include <glm/vec3.hpp>

#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {

inline constexpr double kRegistrationNear = 0.001;       // m: points closer than this to their bone's surface (or inside) move
inline constexpr double kRegistrationClearance = 0.0015; // m: how far outside the surface they end

struct PointRegistration {
  std::string_view muscle;  // side-less Gait2392 name
  int point;                // index into muscle(m).points
  glm::dvec3 offset;        // m, added to the Gait2392 location
};

std::span<const PointRegistration> point_registrations();
// The offset of one muscle's point (0 where it is not moved).
glm::dvec3 registration_offset(int muscle, int point);
// Gait2392's location + the registration offset.
glm::dvec3 registered_location(int muscle, int point);

}  // namespace hiplab::anatomy
