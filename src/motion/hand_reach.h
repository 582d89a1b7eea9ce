// hand_reach.h — the hands go where the drill's contacts put them (issue 12: "on the floor behind
// in 90/90, under the head when side-lying, holding the leg, on the thighs when seated"). A contact
// whose resting part is a hand, an elbow or an upper arm (`hand_r on floor`, `hand_l on thigh_mid_l`,
// `elbow_l on floor`), or whose surface is one (`head_side_l on upper_arm_l`), is reached: the arm's three angles (shoulder flexion and abduction, elbow
// flexion; anatomy/upper_body.h) are changed as little as possible from the drill's own arm pose so
// that the two skins touch. The drill's keyframes say roughly where the arm goes (back and down,
// under the head); this makes the touch exact whatever the legs and pelvis are doing. A hand that
// holds a handle (drill.h Grip: the cable drill's hand on the machine) reaches its point the same way.
//
// Method: damped least squares (Levenberg 1944; Wampler 1986, IEEE Trans SMC 16:93) on the one
// residuals (one gap per contact) with a numerical Jacobian: each step is the smallest change of the
// three angles that closes the gaps, kept inside the arm's range of motion (rom_limits.h, AAOS 1965).
// Units: metres, radians. Frames: floor_contacts.h (pelvis frame), world y up, floor at y = 0.
#pragma once
#include <optional>
#include <span>

#include <glm/mat4x4.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/upper_body.h"
#include "motion/drill.h"
#include "motion/floor_contacts.h"

namespace hiplab::motion {

// The distance between a landmark contact's two skins (m): the resting landmark's sphere bottom to
// the floor, or sphere to sphere for a landmark on another one; negative when they overlap. None
// for a segment on a support (it acts where the drawn seat is by construction).
std::optional<double> contact_gap(const DrillContact& c, const ContactSpheres& spheres, const glm::dmat4& pelvis_world);

// The arm a contact moves: its resting part when that is a hand, an elbow or an upper arm, else
// its surface when that is one (a head resting on a hand or an arm); none otherwise.
std::optional<anatomy::Side> reaching_hand(const DrillContact& c);

// The arm of `hand` changed as little as possible from upper.arms[hand] so that the contacts (up to
// three, all moved by that hand: e.g. the head on the hand and the hand on the floor) have no gap
// (within 0.1 mm, or as near as the arm's range allows). Legs and pelvis are as given.
anatomy::ArmPose reach(std::span<const DrillContact> contacts, anatomy::Side hand, const anatomy::LegAngles& legs,
                       const anatomy::UpperBodyPose& upper, const glm::dmat4& pelvis_world);

// How far the middle of the hand's grip (its contact sphere's centre) is from a handle it holds (m).
double grip_gap(const Grip& grip, const ContactSpheres& spheres);

// The arm of grip.hand changed as little as possible from the drill's own so that the hand holds
// the handle (its contact sphere's centre on grip.at, within 0.1 mm or as near as the arm's range
// allows). Legs as given; pelvis frame throughout.
anatomy::ArmPose reach_grip(const Grip& grip, const anatomy::LegAngles& legs, const anatomy::UpperBodyPose& upper);

}  // namespace hiplab::motion
