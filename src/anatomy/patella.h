// patella.h — where the kneecap sits as the knee bends: a patellofemoral coupling, the patella's
// pose a function of knee flexion, as the OpenSim models with a patella body have it: Rajagopal et
// al. 2016 (IEEE TBME 63:2068; opensim-models Rajagopal2016.osim, CustomJoint "patellofemoral_r",
// coordinate knee_angle_r_beta coupled 1:1 to knee_angle_r): the patella turns about the femur's z
// axis and slides in the femur's sagittal plane, each a SimmSpline of the knee angle. Gait2392,
// HipLab's knee, has no patella body (skeleton.h): its quadriceps end on moving points instead.
// Fixed to the tibia, the kneecap hung ~2 cm below the femur in the kneeling drills (issue 12).
//
// Units: metres, radians, + knee flexion. Frames: Gait2392 (x anterior, y superior, z right), right
// leg; the left is mirrored by the caller (mirror_point / mirror_rotation). The patella frame's
// origin is its centre (tools/model_generator/bones.cpp draws the bone about it), x anterior.
// Invariant: the patella is unrotated at extension (patella_in_tibia(0).rotation is the identity),
// and patella_in_tibia(0).origin is where the body model's bind pose puts it
// (tools/model_generator/skeleton_layout.cpp).
#pragma once
#include <glm/glm.hpp>

namespace hiplab::anatomy {

struct PatellaPose {
  glm::dmat3 rotation{1.0};  // patella axes in the parent's frame (columns)
  glm::dvec3 origin{0.0};    // patella centre in the parent's frame, m
};

// The right patella's pose in the right femur's frame (rotation: patella axes in femur axes; origin:
// its centre, m) at a knee flexion (rad, + flexion).
PatellaPose patella_in_femur(double knee_flexion_rad);
// Rajagopal's patella body frame in the femur frame, as that model has it (z left 0).
PatellaPose rajagopal_patella_in_femur(double knee_flexion_rad);

// The right patella's pose in the right tibia's frame at a knee flexion (rad, + flexion; the
// coupling's knots span 0 to 120 deg, beyond which it extrapolates linearly).
PatellaPose patella_in_tibia(double knee_flexion_rad);

// The patella's flexion relative to the femur (rad, + as the knee flexes: its lower pole turns back
// with the tibia), the coupling's rotation from its value at extension.
double patella_flexion(double knee_flexion_rad);

}  // namespace hiplab::anatomy
