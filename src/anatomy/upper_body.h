// upper_body.h — the few joints of the simplified upper body that drills pose so the whole person
// can be shown (side-lying, seated, floor-sitting, kneeling): lumbar, neck, shoulders, elbows. They
// carry no muscles here; they only place the trunk, head and arms.
//
// Units: radians. Signs (both sides mirrored like the legs):
//   lumbar_flexion    + trunk bends forward (flexion), - extension      (about the torso's z axis)
//   lumbar_bending    + trunk bends toward the RIGHT side                 (about the torso's x axis)
//   lumbar_rotation   + trunk turns toward the LEFT (nose moves to -z)  (about the torso's y axis)
//   neck_flexion      + head bows forward (chin toward the chest), - extension   (about the head's z axis)
//   neck_bending      + head tips toward the RIGHT shoulder                      (about the head's x axis)
//   neck_rotation     + head turns toward the LEFT (nose moves to -z)           (about the head's y axis)
//   shoulder_flexion  + arm forward and up (flexion), - extension
//   shoulder_abduction + arm out to the side, away from the trunk; - across the front of the body
//   elbow_flexion     + flexion, 0 = straight
// Order at the shoulder: flexion about z, then abduction about the rotated x (like the hip).
// The neck is one joint at the head's base (the cervicothoracic junction, C7-T1; the head node of
// the body model, 0.445 m above the back joint), turned like the lumbar joint: flexion about z, then
// bending about the rotated x, then rotation about the rotated y. The motion of the whole cervical
// spine (spread over C1-C7 in life) is lumped there: enough to rest the head on a hand or let it
// follow the gaze, the modest angles the drills use.
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
  double neck_flexion = 0.0;
  double neck_bending = 0.0;
  double neck_rotation = 0.0;
  std::array<ArmPose, 2> arms{};  // index side_index(Side): 0 right, 1 left
};

// The arm overhead (shoulder flexed 155 deg, as the side-lying drills' bottom arm lies under the
// head): the pose the body skin's corrective shape for each arm is made at
// (tools/model_generator/body_skin.h, arm_overhead_corrective), and the elevation (angle between
// the arm and the trunk's downward axis) at which the runtime gives it its full weight; below
// kArmCorrectiveStartDeg (arm horizontal) its weight is 0 (scene/body_pose.h).
constexpr double kArmOverheadElevationDeg = 155.0;
constexpr double kArmCorrectiveStartDeg = 90.0;

}  // namespace hiplab::anatomy
