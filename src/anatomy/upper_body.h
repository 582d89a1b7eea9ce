// upper_body.h — the few joints of the simplified upper body that drills pose so the whole person
// can be shown (side-lying, seated, floor-sitting, kneeling): lumbar, shoulders, elbows. They carry
// no muscles here; they only place the trunk, head and arms.
//
// Units: radians. Signs (both sides mirrored like the legs):
//   lumbar_flexion    + trunk bends forward (flexion), - extension      (about the torso's z axis)
//   lumbar_bending    + trunk bends toward the RIGHT side                 (about the torso's x axis)
//   lumbar_rotation   + trunk turns toward the LEFT (nose moves to -z)  (about the torso's y axis)
//   shoulder_flexion  + arm forward and up (flexion), - extension
//   shoulder_abduction + arm out to the side, away from the trunk; - across the front of the body
//   elbow_flexion     + flexion, 0 = straight
// Order at the shoulder: flexion about z, then abduction about the rotated x (like the hip).
#pragma once
#include <array>

namespace hiplab::anatomy {

struct ArmPose {
  double shoulder_flexion = 0.0;
  double shoulder_abduction = 0.0;
  double elbow_flexion = 0.0;
};

struct UpperBodyPose {
  double lumbar_flexion = 0.0;
  double lumbar_bending = 0.0;
  double lumbar_rotation = 0.0;
  std::array<ArmPose, 2> arms{};  // index side_index(Side): 0 right, 1 left
};

}  // namespace hiplab::anatomy
