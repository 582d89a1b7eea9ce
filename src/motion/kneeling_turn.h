// kneeling_turn.h — the half-kneeling turn as a closed chain: kneeling on the back knee with the
// front foot flat on the floor, the pelvis (and the trunk with it) turns toward the front leg while
// the front foot and the back knee stay where they are. The pelvis turns over the planted front
// femur, so the hip angles follow from the turn rather than being chosen: relative to the pelvis the
// fixed front femur turns inward (front hip internal rotation, plus horizontal adduction) and the
// back femur, which stays over its knee, turns outward (back hip external rotation).
//
// The solve, for a turn angle:
//  - the pelvis turns about its own long axis (pelvis y at the start pose) through the front hip
//    centre, so the whole front leg (femur, shank, foot) keeps its place in the world and the front
//    hip's angles are those of the unchanged femur seen from the turned pelvis (anatomy::hip_angles);
//  - the pelvis may also roll about its forward axis through the front hip (obliquity), the one
//    freedom left once the front hip centre is fixed that moves the back hip toward or away from the
//    back knee; it and the back hip's three angles and the back knee's flexion are found by
//    Gauss-Newton least squares so the back knee's floor landmark (knee_front, floor_contacts.h) and
//    the back toes stay where they were and the back shin keeps its direction;
//  - the trunk turns with the pelvis about the vertical (the lumbar angles keep the trunk's lean
//    of the start pose, turned by the same angle; the arms follow the trunk).
// How much of the turn is internal rotation of the front hip: with the front femur near level, a
// turn of the pelvis about the vertical is horizontal adduction; the pelvis turns about the femur's
// own axis (internal rotation) by about the rise of the back hip against the front one divided by
// the hip width, and the back hip rises only as the turn carries it forward over a back knee that
// starts ahead of it (a back thigh leaning forward). A back thigh upright over its knee makes the
// back hip drop as it passes in front of the knee, and the front hip then turns out (the drill
// file's _keyframes note gives the shipped figures).
//
// Units: radians, metres. `turn` is + toward the front leg. Posture: kneeling (pelvis upright in the
// world, biomech/posture.h). Signs of the channels: drill_channels.h.
// Invariant: for the returned channels, timeline.h's pelvis_placement puts the front hip centre, the
// front femur, shank and foot where they are in `start` (to 1e-6 m) and the back knee landmark within
// a millimetre of it.
#pragma once
#include "anatomy/skeleton.h"
#include "motion/drill_channels.h"

namespace hiplab::motion {

struct KneelingTurnResult {
  ChannelValues channels;
  // Largest distance (m) of the back knee landmark and back toes from where they were at `start`
  // (what the least-squares solve could not keep exactly).
  double back_residual_m = 0.0;
};

// `start`: a half-kneeling pose (front foot flat, back knee down) with its pelvis channels;
// `front`: the side of the planted front leg.
KneelingTurnResult kneeling_turn(const ChannelValues& start, anatomy::Side front, double turn);

}  // namespace hiplab::motion
