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
// ... made with the elbow straight, as those drills hold it (motion/hand_reach.h places the head
// on the arm: shoulder flexion 154-156, abduction 4-5, elbow 0 deg in every frame; a shape made at
// the files' authored elbow of 20 deg moved the forearm's skin off its straight elbow).
constexpr double kArmOverheadElbowDeg = 0.0;

// The arm poses below the horizontal that the drills hold, each the pose of one more corrective
// shape per arm (tools/model_generator/body_skin.h, arm_corrective), degrees: shoulder flexion,
// shoulder abduction, elbow flexion. The angles are what the drills' hands reach to (motion/
// hand_reach.h, evaluated over the built-in drills), not the angles authored in the files. The
// skin's rest pose (flexion 30, abduction 35: body_skin.h) needs none. The runtime weights each by
// how near the posed arm's flexion and abduction are to it (scene/body_pose.cpp): 1 there, 0 at
// the rest pose and at the other shapes. A key per arm pose a drill holds (hskinarm2), but the
// hand on the hip: with one key for several (the hands in front at (8, -10, 47) for seated and both
// supine arms, the hands behind at (-39, 38, 10) for both 90/90 arms) an arm a few degrees off its
// key had its shape at part weight (the supine arm reaching across 0.48, the 90/90's other arm 0.21
// of the hands-behind shape and 0.23 of the hand-on-hip one) and its armpit folded (the supine's
// worst squash 0.026x, its armpits 700 + 700 triangle-samples past a limit; now none: tests/scene/
// skin_stretch_test.cpp). The hand on the hip keeps one key for the side-lying and the kneeling
// arm: with a key each at (-31, -10, 75) and (-35, -2, 81) the side-lying top shoulder, at its
// shape's full weight, stretched 3.29x (torso (-11 148 18) cm, beside a vertex of the neck that the
// shapes below the horizontal pin), 3.18x before, 3.11x with the shared key (its weight 0.88 there).
struct ArmCorrectivePose {
  const char* name;  // the morph target's name, before "_r" / "_l"
  double flexion_deg, abduction_deg, elbow_deg;
};
constexpr ArmCorrectivePose kArmCorrectivePoses[] = {
    // the hand on the hip: the side-lying top arm (-31, -10, 75) and the tall-kneeling windmill's
    // arms (-35, -2, 81)
    {"arm_hip", -33.0, -6.0, 78.0},
    // the hands in front on the thighs: seated (7, -4, 48 and 8, -1, 48)
    {"arm_front", 7.5, -2.5, 48.0},
    // the supine PAILs/RAILs' hands on the bent knee: the near arm (13, -12, 45) ...
    {"arm_knee", 13.0, -12.5, 45.0},
    // ... and the arm reaching across the body to it (6, -26, 47)
    {"arm_across", 6.0, -26.0, 47.0},
    // the hands on the floor behind: the 90/90s' (-39, 38, 10) ...
    {"arm_back", -39.0, 38.0, 10.0},
    // ... and the other (-33, 15, 15)
    {"arm_back_near", -33.0, 15.0, 15.0},
    // the standing cable drill's free hand on the hip (-28, 43, 36) ...
    {"arm_cable", -28.0, 43.0, 36.0},
    // ... and the hand on the handle at the side, elbow bent (0, 10, 90)
    {"arm_handle", 0.0, 10.0, 90.0},
};
constexpr double kArmRestFlexionDeg = 30.0, kArmRestAbductionDeg = 35.0;  // = body_skin.h's skin rest pose

// The elbow bent as the drills hold it with the hand on the hip or a handle (75-90 deg: the
// side-lying top arm 75, the tall-kneeling windmill's 81, the standing cable's 90; motion/
// hand_reach.h over the built-in drills): the pose of each elbow's corrective shape
// (tools/model_generator/body_skin.h, elbow_flexion_corrective; the skin's rest elbow is straight).
// The runtime weights it by the elbow's flexion: 0 up to kElbowCorrectiveStartDeg, rising smoothly
// to 1 here and beyond. The elbows bent 45-48 deg (the hands in front, seated and supine) fold
// nothing without it, and the shape made at 80 deg, applied there at part weight, stretched the
// outside of the forearm's blend 2.6 -> 2.9x (tests/scene/skin_stretch_test.cpp; weighted from 0).
constexpr double kElbowCorrectiveDeg = 80.0, kElbowCorrectiveStartDeg = 50.0;

}  // namespace hiplab::anatomy
