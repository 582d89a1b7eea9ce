#include "scene/body_pose.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/foot_corrective.h"
#include "anatomy/hip_corrective.h"
#include "anatomy/kinematics.h"
#include "anatomy/patella.h"
#include "anatomy/skeleton.h"

namespace hiplab {
namespace {

glm::dmat4 to_mat4(const anatomy::Frame& f) {
  glm::dmat4 m(f.rotation);
  m[3] = glm::dvec4(f.origin, 1.0);
  return m;
}

glm::dmat3 rot(const glm::dvec3& axis, double angle) { return anatomy::rotation_about(axis, angle); }

// The joint rotation an upper-body node adds to its bind offset, or none for nodes without one.
std::optional<glm::dmat3> upper_joint(const std::string& name, const anatomy::UpperBodyPose& u) {
  const glm::dvec3 x(1, 0, 0), y(0, 1, 0), z(0, 0, 1);
  // The neck, at the head node's origin (the head's base), in the lumbar joint's order and signs:
  // flexion bows the head forward (about -z, the head pointing up), bending tips it toward +z
  // (right), rotation turns the nose toward -z (left).
  if (name == "head") return rot(z, -u.neck_flexion) * rot(x, u.neck_bending) * rot(y, u.neck_rotation);
  for (int s = 0; s < 2; ++s) {
    const std::string sfx = s == 0 ? "_r" : "_l";
    const anatomy::ArmPose& a = u.arms[static_cast<std::size_t>(s)];
    // + flexion about z (arm forward); + abduction away from the trunk: about -x on the right,
    // +x on the left (the mirrored axis).
    if (name == "humerus" + sfx)
      return rot(z, a.shoulder_flexion) * rot(x, s == 0 ? -a.shoulder_abduction : a.shoulder_abduction);
    if (name == "forearm" + sfx) return rot(z, a.elbow_flexion);
  }
  return std::nullopt;
}

// The kneecap's transform in its tibia's frame (anatomy/patella.h: it follows the femur's trochlea
// and condyles as the knee bends), or none for other nodes.
std::optional<glm::dmat4> patella_local(const std::string& name, const anatomy::LegAngles& legs) {
  if (name.rfind("patella", 0) != 0) return std::nullopt;
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    if (name != "patella" + std::string(anatomy::side_suffix(side))) continue;
    const anatomy::PatellaPose p = anatomy::patella_in_tibia(legs.leg(side)[anatomy::LegCoord::kKneeFlexion]);
    const bool left = side == anatomy::Side::kLeft;
    glm::dmat4 m(left ? anatomy::mirror_rotation(p.rotation) : p.rotation);
    m[3] = glm::dvec4(left ? anatomy::mirror_point(p.origin) : p.origin, 1.0);
    return m;
  }
  return std::nullopt;
}

// The weight of an arm's overhead corrective shape (anatomy/upper_body.h): 0 up to the arm
// horizontal, rising smoothly (smoothstep) to 1 at the overhead elevation the shape was made at.
// The elevation is the angle between the arm and the trunk's downward axis: the humerus's
// rotation (flexion about z, then abduction about x) turns -y to a y component of
// -cos(flexion) cos(abduction).
float arm_overhead_weight(const anatomy::ArmPose& a) {
  const double c = std::clamp(std::cos(a.shoulder_flexion) * std::cos(a.shoulder_abduction), -1.0, 1.0);
  const double elevation = std::acos(c);
  const double start = glm::radians(anatomy::kArmCorrectiveStartDeg), full = glm::radians(anatomy::kArmOverheadElevationDeg);
  const double t = std::clamp((elevation - start) / (full - start), 0.0, 1.0);
  return static_cast<float>(t * t * (3.0 - 2.0 * t));
}

// The weights of an arm's shapes below the horizontal (anatomy::kArmCorrectivePoses), by how near
// the arm's (flexion, abduction) is to each key pose: 1 - smoothstep of the distance over the
// distance from that key to the nearest other key or the skin's rest pose (kArmKeyReach*; the shape is 0 there),
// so each shape has its full weight at its own pose and none at the rest pose or at another key;
// scaled down where they sum past 1, and by what the overhead shape leaves.
// The reach: 3/4 of the distance to the rest pose (the whole distance put the hands-in-front shape
// at 15% on the figure-4's hanging arms), the whole distance to the nearest other key (halfway
// between two keys each has half: the 90/90 switch's arms pass from one hands-behind key to the
// other).
constexpr double kArmKeyReach = 0.75, kArmKeyReachBetween = 1.0;
std::array<float, std::size(anatomy::kArmCorrectivePoses)> arm_key_weights(const anatomy::ArmPose& a, float overhead) {
  constexpr std::size_t n = std::size(anatomy::kArmCorrectivePoses);
  auto dist = [](double f0, double a0, double f1, double a1) { return std::hypot(f0 - f1, a0 - a1); };
  std::array<float, n> w{};
  const double flex = glm::degrees(a.shoulder_flexion), abd = glm::degrees(a.shoulder_abduction);
  double sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const anatomy::ArmCorrectivePose& key = anatomy::kArmCorrectivePoses[k];
    double reach = kArmKeyReach * dist(key.flexion_deg, key.abduction_deg, anatomy::kArmRestFlexionDeg, anatomy::kArmRestAbductionDeg);
    for (std::size_t j = 0; j < n; ++j)
      if (j != k)
        reach = std::min(reach, kArmKeyReachBetween * dist(key.flexion_deg, key.abduction_deg, anatomy::kArmCorrectivePoses[j].flexion_deg,
                                                           anatomy::kArmCorrectivePoses[j].abduction_deg));
    const double d = dist(flex, abd, key.flexion_deg, key.abduction_deg);
    const double t = 1.0 - std::clamp(d / reach, 0.0, 1.0);
    w[k] = static_cast<float>(t * t * (3.0 - 2.0 * t));
    sum += w[k];
  }
  const double scale = (sum > 1.0 ? 1.0 / sum : 1.0) * (1.0 - overhead);
  for (float& x : w) x = static_cast<float>(x * scale);
  return w;
}

// 0 at t <= 0, 1 at t >= 1, smooth (3t^2 - 2t^3) between: every corrective shape's weight rises so.
float smoothstep01(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return static_cast<float>(t * t * (3.0 - 2.0 * t));
}
// A joint angle's weight for a shape keyed to it: 0 up to start_deg, rising smoothly to 1 at
// full_deg (the angle the shape was made at), 1 beyond; `angle` in radians.
float angle_ramp(double angle, double start_deg, double full_deg) {
  const double start = glm::radians(start_deg), full = glm::radians(full_deg);
  return smoothstep01((angle - start) / (full - start));
}

// The weight of an elbow's shape (anatomy/upper_body.h, kElbowCorrectiveDeg): 0 up to
// kElbowCorrectiveStartDeg, rising smoothly (smoothstep) to 1 at the shape's flexion, 1 beyond.
float elbow_flexion_weight(const anatomy::ArmPose& a) {
  return angle_ramp(a.elbow_flexion, anatomy::kElbowCorrectiveStartDeg, anatomy::kElbowCorrectiveDeg);
}

// The weight of a hip's flexion corrective shape (anatomy/hip_corrective.h): 0 up to the skin's
// rest flexion, rising smoothly (smoothstep) to 1 at the flexion the shape was made at, 1 beyond.
// Gait2392's hip_flexion turns the femur first (z-x-y), so it is the thigh's flexion whatever its
// abduction and rotation.
float hip_flexion_weight(const anatomy::LegPose& leg) {
  return angle_ramp(leg[anatomy::LegCoord::kHipFlexion], anatomy::kHipCorrectiveStartDeg, anatomy::kHipFlexedCorrectiveDeg);
}
// How straight a hip is (0 to 1): 1 at kHipOtherStraightDeg of flexion and below (anatomy/
// hip_corrective.h; the supine drills' leg on the floor), falling smoothly to 0 at the skin's rest
// flexion (kHipCorrectiveStartDeg), where the hips' own shapes were made with the other leg.
double hip_other_straight(const anatomy::LegPose& other) {
  return 1.0 - angle_ramp(other[anatomy::LegCoord::kHipFlexion], anatomy::kHipOtherStraightDeg, anatomy::kHipCorrectiveStartDeg);
}
// How far the hip is turned out toward the turned-out shape's pose (0 straight, 1 there or
// beyond): the mean of its abduction's and its external rotation's share of that pose's, the
// rotation's signed (-1 to 1: turned in, the hip turns away from that pose), not below 0. Turned
// in with the abduction's share only (hskin12), the 90/90 switch's back hip rising through 74 deg
// (abducted 32, turned in 22) took half its flexion weight in the shape made turned out 44, and
// the side of its pelvis, (-2 96 16) cm, squashed to 0.153x and (-7 95 17) cm turned inside out.
// Measured (tests/scene/skin_stretch_test.cpp, triangle-samples past a limit): see
// anatomy/hip_corrective.h kHipPassBack*.
double hip_turned_out(const anatomy::LegPose& leg) {
  const double abd = std::clamp(leg[anatomy::LegCoord::kHipAdduction] / glm::radians(anatomy::kHipTurnedOutAdductionDeg), 0.0, 1.0);
  const double er = std::clamp(leg[anatomy::LegCoord::kHipRotation] / glm::radians(anatomy::kHipTurnedOutRotationDeg), -1.0, 1.0);
  return std::max(0.0, 0.5 * (abd + er));
}
// The turned-out flexion shape's share of a hip's flexion weight (the straight shape takes the
// rest): hip_turned_out, or with the other hip straight (hip_other_straight) the external
// rotation's share alone where that is larger (hskin14). The figure-4's crossed hip (flexion 46,
// abduction 8.5, external rotation 44, the other leg straight on the mat: hip_turned_out 0.64, the
// rotation 1) kept 0.36 of its small flexion weight (0.24) in the straight shape, and one triangle a
// side of the buttock beside the cleft, pelvis (-14 81 +-6) cm, turned inside out (the normals'
// product down to -0.054) through the hold; with the turned-out shape's whole share it lies right
// side out. Measured (tests/scene/skin_stretch_test.cpp, triangle-samples past a limit): the
// figure-4 42 -> 0, its worst squash 0.2887 -> 0.2922x, every other drill unchanged; a rotation's
// share of 0.75 and the abduction's 0.25 instead, the figure-4 34, the kneeling windmill 36 -> 64.
// Not gated by the other hip, the side-lying clamshell (both hips flexed, the top one turned out)
// took it too and its muscle vertex-samples out of the skin rose 229 943 -> 231 067 (tests/scene/
// muscle_poke_through_test.cpp) for no change in the stretch test (0 past a limit either way).
double hip_turned_out_share(const anatomy::LegPose& leg, const anatomy::LegPose& other) {
  const double er = std::clamp(leg[anatomy::LegCoord::kHipRotation] / glm::radians(anatomy::kHipTurnedOutRotationDeg), 0.0, 1.0);
  return std::max(hip_turned_out(leg), er * hip_other_straight(other));
}

// The share of its flexion weight a hip's straight flexion shape keeps as the hip turns in with the
// other hip flexed too (the seated band drill: both hips at 90 deg, the working hip turned in up
// to 34 deg, assets/drills/seated_band_internal_rotation.json) or straight (the supine PAILs/RAILs,
// the other leg on the floor): 1 - kFlexTurnedInCut times the smoothstep of its internal rotation
// over kFlexTurnedInDeg times the larger of the other hip's flexion weight and its straightness
// (hip_other_straight). Cut with the other straight too (hskin4; with the crotch shape of the
// other straight, hip_other_straight_weight), the supine PAILs/RAILs 180 -> 60 triangle-samples
// past a limit, its worst squash 0.128x (the right groin, (5 87 9) cm, turned in) -> 0.192x; the
// cut there 0.2 / 0.4 / 0.5: 180 / 108 / 750 (over 20 or 45 deg instead of 30, about the same);
// no other drill changes.
// The shape is made with no rotation, and turned in at full weight its relaxed groin folded
// further than the turned hip asks (the right groin, pelvis (5 87 9) cm at rest: 0.137x, 0.445x
// with the shape off). The share it gives up is not given to another shape. Measured (tests/scene/
// skin_stretch_test.cpp; the seated band drill's worst squash and triangle-samples past a limit,
// 0.137x / 72 without; all thirteen drills' samples, 7 382 without): cut 0.3 over 40 deg, not
// scaled by the other hip, 0.206x / 0 but the supine PAILs/RAILs (its other leg straight) 464 ->
// 500, 7 334; scaled by the other hip: 0.25 over 40 deg 0.195x / 72; 0.3 over 40 0.206x / 0,
// 7 298; 0.4 over 40 0.211x / 0, 7 298; 0.3 over 50 0.193x / 72; 0.3 over 30 (these) 0.214x / 0,
// 7 296 (the 90/90 switch 1 834 -> 1 820); no other drill changes.
// With the other straight the cut is kFlexTurnedInCutOtherStraight (hskin13): at 0.3 the supine
// PAILs/RAILs' hip turned in 35-40 deg left one triangle a side at the right groin, pelvis (5 87 9)
// cm, edge-on and inside out (the normals' product -0.002) and one at the side of the hip,
// femur_r (-1 85 17) cm, squashed to 0.1917x; their figures (tests/scene/skin_stretch_test.cpp,
// the supine drill's triangle-samples past a limit / worst squash) with the straight shape's weight
// there 0.70 / 0.714 / 0.724 / 0.740 / 0.746 / 0.756 (cut 0.3 / 0.286 / 0.276 / 0.26 / 0.254 /
// 0.244): 48 / 30 / 30 / 30 / 30 / 168 (0.1917 / 0.1935 / 0.1949 / 0.1962 / 0.1976 / 0.1975x; the
// side of the hip's 15 + 15 squashed left, the groin's inside out gone; past 0.75 the groin,
// (5 87 9) cm, squashes at 33-35 deg as in the seated drill).
constexpr double kFlexTurnedInCut = 0.3, kFlexTurnedInCutOtherStraight = 0.26, kFlexTurnedInDeg = 30.0;
double hip_flexion_turned_in_keep(const anatomy::LegPose& leg, const anatomy::LegPose& other) {
  const double ir = std::max(0.0, leg[anatomy::LegCoord::kHipRotation]) / glm::radians(kFlexTurnedInDeg);
  return 1.0 - smoothstep01(ir) * std::max(kFlexTurnedInCut * hip_flexion_weight(other), kFlexTurnedInCutOtherStraight * hip_other_straight(other));
}

// How far the hip is held toward the 90/90 back hip's pose (anatomy/hip_corrective.h): the product
// of its abduction's and internal rotation's shares of that pose's (each 0 to 1: abduction alone,
// side-lying, or internal rotation alone, standing or seated, gives none), fading out as the hip
// flexes toward the flexion shapes (which take over from the skin's rest flexion on). Measured
// (stretch test, all drills): the product 116 700, the mean of the shares 116 800 (side-lying
// abduction's worst stretch 4.7 -> 5.7x), the smaller share 116 700; the weight scaled by 0.7,
// 115 800 but the 90/90's worst stretch 7.0 -> 7.6x, by 1.2, 117 200. Faded from the shape's own
// flexion instead (hskin12, on the 90/90 switch's 70 with 3.18x / 0.1643x; the perineum behind
// stretched past 3x as the back hip rises through 31-57 deg with this shape at 0.94-0.40): over
// 11-80 deg 68 (3.14x but 0.114x), 20-80 68 (3.21x / 0.126x), 11-60 110 (3.01x / 0.048x): not kept.
float hip_back_weight(const anatomy::LegPose& leg) {
  const double abd = std::clamp(leg[anatomy::LegCoord::kHipAdduction] / glm::radians(anatomy::kHipBackAdductionDeg), 0.0, 1.0);
  const double ir = std::clamp(leg[anatomy::LegCoord::kHipRotation] / glm::radians(anatomy::kHipBackRotationDeg), 0.0, 1.0);
  return static_cast<float>(smoothstep01(abd * ir) * (1.0 - hip_flexion_weight(leg)));
}
// The share of hip_back_weight the back hip's own shape keeps as the hip rises out of the 90/90
// hold (its key flexion, kHipBackFlexionDeg, 11 deg) to the skin's rest flexion (30 deg) and on:
// 1 - kBackRiseCut times the smoothstep between them (the 90/90 hold's shape, hip_ninety_weight,
// keeps its weight). In the holds the back hip sits at 11 deg: none cut. Measured (hskin13; tests/
// scene/skin_stretch_test.cpp, the 90/90 switch's triangle-samples past a limit, 70 with the shape's
// whole weight, 3.18x / 0.1643x), the back-hip shape's weight scaled everywhere by 0.9 / 0.8 / 0.7:
// 66 / 60 / 176 (0.7: the hold's perineum behind stretched, 132 past 3x; 0.8 in the 90/90
// PAILs/RAILs' hold, its worst stretch 2.89 -> 2.98x); cut only as the hip rises by 0.2 / 0.3 /
// 0.4 / 0.5 / 0.6: 60 / 50 / 44 / 56 / 56 (worst stretch 3.13 / 3.07 / 3.00 / 3.04 / 3.06x, the
// perineum behind, pelvis (-3 78 0) cm, as the back hip rises through 31-57 deg; the worst squash
// 0.1643x and every other drill unchanged). 0.4: the switch's 14 stretched past 3x gone.
constexpr double kBackRiseCut = 0.4;
double hip_back_rise_keep(const anatomy::LegPose& leg) {
  return 1.0 - kBackRiseCut * angle_ramp(leg[anatomy::LegCoord::kHipFlexion], anatomy::kHipBackFlexionDeg, anatomy::kHipCorrectiveStartDeg);
}
// The crotch's shape with both hips flexed (made over both hips' straight flexion shapes at their
// full weight): the product of the two hips' flexion weights (1 with both at 80 deg or more, the
// seated band drill; 0 with either at the skin's rest flexion or less, the supine drill's straight
// leg), faded out as either hip leaves the shape's straight key pose (adduction 0, rotation 0):
// 1 - smoothstep of its abduction over kPairSpreadAbductionDeg and of its rotation either way over
// kPairSpreadRotationDeg. The shape pulls the crotch's midline where the thighs lie together; with
// them turned apart it pulled the perineum further apart. Measured (tests/scene/
// skin_stretch_test.cpp, all drills, triangle-samples past a limit): on the skin of 70d297d,
// 37 964 -> 37 562 (90/90 switch 4 440 -> 4 270 and worst stretch 6.20 -> 5.34x at the perineum,
// mid-switch with both hips flexed 58-79 deg and abducted 17; seated band drill 3 700 -> 3 516,
// 4.11 -> 3.10x as the hip turns in 34 deg); with the crotch's weights evened across the midline
// (tools/model_generator/body_skin.cpp, step 5) 34 182 -> 33 908 (90/90 switch 5.67 -> 4.55x,
// seated 3.11 -> 2.70x). Abduction alone (rotation not faded): the seated drill 2.94x, the same
// counts; abduction over 15 / 25 / 40 deg, on the skin of 70d297d: 37 504 / 37 532 / 37 630.
constexpr double kPairSpreadAbductionDeg = 20.0, kPairSpreadRotationDeg = 60.0;
float hip_pair_flexion_weight(const anatomy::LegPose& right, const anatomy::LegPose& left) {
  auto together = [](const anatomy::LegPose& leg) {
    const double abd = -leg[anatomy::LegCoord::kHipAdduction] / glm::radians(kPairSpreadAbductionDeg);
    const double rot = std::fabs(leg[anatomy::LegCoord::kHipRotation]) / glm::radians(kPairSpreadRotationDeg);
    return (1.0 - smoothstep01(abd)) * (1.0 - smoothstep01(rot));
  };
  return static_cast<float>(hip_flexion_weight(right) * hip_flexion_weight(left) * together(right) * together(left));
}
// The 90/90 hold's shape of a back hip (made with the other as the 90/90's front hip, over the back
// hip's shape and the front hip's turned-out one, both at full weight): how far this hip is held as
// the back hip times how far the other is flexed and turned out as the front hip, the weights those
// two shapes have (1 in the hold, falling as the hips pass each other in the switch).
float hip_ninety_weight(const anatomy::LegPose& back, const anatomy::LegPose& front) {
  return static_cast<float>(hip_back_weight(back) * hip_flexion_weight(front) * hip_turned_out(front));
}
// The weight of a hip's extension shape (anatomy/hip_corrective.h, kHipExtendedCorrectiveDeg): 0 at
// the anatomical pose (kHipExtensionStartDeg) and above, rising smoothly to 1 at the shape's extension, 1 beyond; faded
// by how far the hip is held toward the 90/90 back hip's pose (1 - smoothstep of the product of
// its abduction's and internal rotation's shares, as hip_back_weight has them), where that shape
// serves.
float hip_extension_weight(const anatomy::LegPose& leg) {
  const double abd = std::clamp(leg[anatomy::LegCoord::kHipAdduction] / glm::radians(anatomy::kHipBackAdductionDeg), 0.0, 1.0);
  const double ir = std::clamp(leg[anatomy::LegCoord::kHipRotation] / glm::radians(anatomy::kHipBackRotationDeg), 0.0, 1.0);
  return static_cast<float>(angle_ramp(leg[anatomy::LegCoord::kHipFlexion], anatomy::kHipExtensionStartDeg, anatomy::kHipExtendedCorrectiveDeg) *
                            (1.0 - smoothstep01(abd * ir)));
}
// The crotch's shape with both hips flexed and parted (anatomy/hip_corrective.h,
// kHipPairApart*): the product of the two hips' flexion weights, each hip's abduction's smoothstep
// over kPairApartAbductionDeg (full from there on), and 1 - smoothstep of its rotation either way
// over kPairSpreadRotationDeg, as the together shape fades. Measured (tests/scene/
// skin_stretch_test.cpp, the 90/90 switch's triangle-samples past a limit, 2 862 without the
// shape): the ramp over 25 deg (the shape's own abduction) 2 340, over 15 or 10 deg 2 042; the
// rotation's over 40 deg 2 268. No other drill changes. (Measured with the shape made at 100 deg
// and 25 of abduction; made at 110 and 15 (hskin3), over 15 or 10 deg 1 112, 20 deg 1 146; the
// rotation's, on the shape at 108 and 18 (1 036), over 40 deg 1 186 (worst squash 0.078 ->
// 0.047x), over 90 deg 1 032 (worst stretch 3.62 -> 3.70x); the flexion ramps from 50-70 to
// 90-105 deg, 1 054-1 098.)
// Scaled as a whole (hskin16, on the 90/90 switch's 42 triangle-samples past a limit, 3.00x /
// 0.1785x: the front of the crotch, pelvis (3 80 +-2) cm, squashed to 0.18-0.197x mid-switch): this
// shape's weight x0.5 / 0.9 / 1.1 / 1.5: 382 / 70 / 48 (0.1913x but the perineum behind 3.03x) /
// 484; the switch's crotch shapes (hip_pass_weight) x0.8 / 0.9 / 0.95 / 1.2: 36 (3.02x / 0.1780x)
// / 40 / 38 / 112; not kept (the front of the crotch wants more of the parted shape, the perineum
// behind less: a change to the shapes themselves, tools/model_generator/body_skin.cpp).
constexpr double kPairApartAbductionDeg = 15.0;
float hip_pair_apart_weight(const anatomy::LegPose& right, const anatomy::LegPose& left) {
  auto apart = [](const anatomy::LegPose& leg) {
    const double abd = -leg[anatomy::LegCoord::kHipAdduction] / glm::radians(kPairApartAbductionDeg);
    const double rot = std::fabs(leg[anatomy::LegCoord::kHipRotation]) / glm::radians(kPairSpreadRotationDeg);
    return smoothstep01(abd) * (1.0 - smoothstep01(rot));
  };
  return static_cast<float>(hip_flexion_weight(right) * hip_flexion_weight(left) * apart(right) * apart(left));
}
// The weight of a hip's crotch shape with the other hip straight (anatomy/hip_corrective.h,
// kHipOtherStraightDeg; made over the hip's straight flexion shape at full weight): that shape's
// weight (given) times how straight the other hip is (hip_other_straight), faded out (1 -
// smoothstep) as this hip abducts or adducts over kPairSpreadAbductionDeg or turns either way over
// kPairSpreadRotationDeg (as the crotch shape with both hips together), as the other turns either
// way over kOtherStraightRotationDeg, and as the other's extension shape takes it (1 - its weight).
// The shape is made with both hips unturned. Measured (tests/scene/skin_stretch_test.cpp,
// triangle-samples past a limit): the supine PAILs/RAILs 434 -> 180, its worst squash 0.046x (the
// front of the crotch, (3 82 2) cm, at rest) -> 0.128x, its 24 inside out none; without the fades
// the kneeling windmill (the front hip flexed 82 deg and abducted up to 30, the back hip at -8 to
// +4 deg turned out up to 29) 20 -> 1 228 (its perineum 3.42x); with the rotation and the other's
// extension fades only, 96 (3.42x); with all, 20 as before. No other drill changes.
constexpr double kOtherStraightRotationDeg = 30.0;
float hip_other_straight_weight(float straight_flexion, const anatomy::LegPose& leg, const anatomy::LegPose& other) {
  const double rot = std::fabs(leg[anatomy::LegCoord::kHipRotation]) / glm::radians(kPairSpreadRotationDeg);
  const double abd = std::fabs(leg[anatomy::LegCoord::kHipAdduction]) / glm::radians(kPairSpreadAbductionDeg);
  const double other_rot = std::fabs(other[anatomy::LegCoord::kHipRotation]) / glm::radians(kOtherStraightRotationDeg);
  return static_cast<float>(straight_flexion * hip_other_straight(other) * (1.0 - smoothstep01(abd)) * (1.0 - smoothstep01(rot)) *
                            (1.0 - smoothstep01(other_rot)) * (1.0 - hip_extension_weight(other)));
}
// The weight of a hip's abduction shape (anatomy/hip_corrective.h, kHipAbductedCorrectiveDeg; made
// with both hips straight and unturned): 0 at no abduction and in adduction, rising smoothly to 1
// at the shape's abduction, 1 beyond; times how straight this hip and the other are
// (hip_other_straight: 1 at 0 deg of flexion and in extension, 0 at the skin's rest flexion, where
// the flexion shapes take over), faded out (1 - smoothstep) as this hip turns either way over
// kPairSpreadRotationDeg.
float hip_abduction_weight(const anatomy::LegPose& leg, const anatomy::LegPose& other) {
  const double rot = std::fabs(leg[anatomy::LegCoord::kHipRotation]) / glm::radians(kPairSpreadRotationDeg);
  return static_cast<float>(angle_ramp(leg[anatomy::LegCoord::kHipAdduction], 0.0, anatomy::kHipAbductedCorrectiveDeg) *
                            hip_other_straight(leg) * hip_other_straight(other) * (1.0 - smoothstep01(rot)));
}
// The weight of the crotch's shape as the 90/90 switch passes, this hip the front one
// (anatomy/hip_corrective.h, kHipPass*): the front hip's flexion weight, the back hip's flexion
// ramp from the skin's rest flexion to the shape's (74 deg; over the flexion shapes' 30-80, its
// worst stretch 3.22x against 3.17x, the counts the same), and the smoothsteps of the front hip's
// external rotation and the back hip's internal rotation, each over the shape's own (1 beyond).
// In the holds the back hip is at 11 deg, mid-switch both hips are unturned: none there. The
// parted crotch's shape gives up as much weight as these two take (corrective_weights).
float hip_pass_weight(const anatomy::LegPose& front, const anatomy::LegPose& back) {
  const double er = -front[anatomy::LegCoord::kHipRotation] / glm::radians(-anatomy::kHipPassFrontRotationDeg);
  const double ir = back[anatomy::LegCoord::kHipRotation] / glm::radians(anatomy::kHipPassBackRotationDeg);
  return static_cast<float>(hip_flexion_weight(front) *
                            angle_ramp(back[anatomy::LegCoord::kHipFlexion], anatomy::kHipCorrectiveStartDeg, anatomy::kHipPassBackFlexionDeg) *
                            smoothstep01(er) * smoothstep01(ir));
}
// The weight of a hip's turned-in shape (anatomy/hip_corrective.h, kHipTurnedInCorrectiveDeg; made
// with both hips straight and unabducted): 0 at no rotation and turned out, rising smoothly to 1 at
// the shape's internal rotation, 1 beyond; times how straight the other hip is (hip_other_straight)
// and how straight this one is (hip_other_straight: 1 at 0 deg of flexion, 0 at the skin's rest
// flexion) or, flexed past the skin's rest, kTurnedInFlexedShare of its flexion weight
// (hip_flexion_weight: 0 at 30 deg, 1 from 80); faded out (1 - smoothstep) as this hip is
// abducted or adducted over kPairSpreadAbductionDeg.
// The flexed share (hskin16): the supine PAILs/RAILs' hip, flexed 90 deg with the other leg on the
// floor and turned in 35-40 deg, had no shape sliding the skin at the side of the hip over the
// trochanter as it swings forward (the turned-in shape slides that skin along the surface, kept
// from sinking: tools/model_generator/body_skin.h hip_turned_in_corrective), and one triangle a side there, femur_r
// (-1 85 17) cm, squashed to 0.1969x at 37-40 deg; more of the straight flexion shape helps it but
// squashes the groin, (5 87 9) cm (kFlexTurnedInCutOtherStraight). Measured (tests/scene/
// skin_stretch_test.cpp, the supine drill's triangle-samples past a limit / worst squash, 30 /
// 0.1969x without): share 0.05 / 0.1 / 0.2 / 0.25 / 0.3-0.75: 0 / 0 / 0 / 0 / 0 (0.2079 / 0.2161 /
// 0.2315 / 0.2393x at the groin, (5 87 9) cm; from 0.3 on the worst squash is a triangle at rest,
// femur_r (1 77 2) cm, 0.2439x, that no shape moves); the whole shape (1), 0.2318x at the front of
// the hip, (6 92 1) cm, as it turns in. No other drill changes (the others' flexed hips turned in
// have the other hip flexed too, or are abducted: the 90/90s). The shape is made at 0 deg of
// flexion, and over the flexed hip it lays the skin a little further in: the supine drill's muscle
// vertex-samples out of the skin (tests/scene/muscle_poke_through_test.cpp) 302 585 -> 305 261 at
// 0.2, 306 902 at 0.5 (the kneeling windmill's front hip, turned in up to 2 deg, 500 756 -> 500 776
// / 500 862; every other drill unchanged). 0.2: the worst squash well inside 0.2x at the smaller
// price.
constexpr double kTurnedInFlexedShare = 0.2;
float hip_turned_in_weight(const anatomy::LegPose& leg, const anatomy::LegPose& other) {
  const double abd = std::fabs(leg[anatomy::LegCoord::kHipAdduction]) / glm::radians(kPairSpreadAbductionDeg);
  const double this_hip = hip_other_straight(leg) + kTurnedInFlexedShare * hip_flexion_weight(leg);
  return static_cast<float>(angle_ramp(leg[anatomy::LegCoord::kHipRotation], 0.0, anatomy::kHipTurnedInCorrectiveDeg) * this_hip *
                            hip_other_straight(other) * (1.0 - smoothstep01(abd)));
}
// The weight of a hip's shape flexed with its knee bent (anatomy/hip_corrective.h,
// kHipKneeFlexed*): the smoothstep of the hip's flexion from the skin's rest (kHipCorrectiveStartDeg)
// to the shape's, times that of the knee's flexion from the skin's rest to the shape's (1 beyond
// each), faded out (1 - smoothstep) as the hip turns either way over kHipKneeFlexedRotationFadeDeg.
float hip_knee_flexed_weight(const anatomy::LegPose& leg) {
  const double rot = std::fabs(leg[anatomy::LegCoord::kHipRotation]) / glm::radians(anatomy::kHipKneeFlexedRotationFadeDeg);
  return static_cast<float>(angle_ramp(leg[anatomy::LegCoord::kHipFlexion], anatomy::kHipCorrectiveStartDeg, anatomy::kHipKneeFlexedHipDeg) *
                            angle_ramp(leg[anatomy::LegCoord::kKneeFlexion], anatomy::kHipKneeFlexedKneeStartDeg, anatomy::kHipKneeFlexedKneeDeg) *
                            (1.0 - smoothstep01(rot)));
}
// The weight of a knee's flexion shape (anatomy/hip_corrective.h): 0 up to kKneeCorrectiveStartDeg,
// rising smoothly to 1 at kKneeCorrectiveFullDeg, 1 beyond.
float knee_flexion_weight(const anatomy::LegPose& leg) {
  return angle_ramp(leg[anatomy::LegCoord::kKneeFlexion], anatomy::kKneeCorrectiveStartDeg, anatomy::kKneeCorrectiveFullDeg);
}

// The weight of a knee's front shape (anatomy/hip_corrective.h, kKneeFront*): 0 at the skin's
// rest flexion, rising smoothly to 1 at the key angle, 1 beyond.
float knee_front_weight(const anatomy::LegPose& leg) {
  return angle_ramp(leg[anatomy::LegCoord::kKneeFlexion], anatomy::kKneeFrontStartDeg, anatomy::kKneeFrontCorrectiveDeg);
}

// The weight of a foot's pointed-ankle shape (anatomy/foot_corrective.h): 0 at the skin's rest
// ankle and in dorsiflexion, rising smoothly to 1 at the key plantar flexion, 1 beyond.
float ankle_plantar_weight(const anatomy::LegPose& leg) {
  return angle_ramp(leg[anatomy::LegCoord::kAnkle], anatomy::kAnkleCorrectiveStartDeg, anatomy::kAnklePlantarCorrectiveDeg);
}
// The weight of a foot's tucked-toes shape: 0 at the skin's rest mtp and in flexion, rising
// smoothly to 1 at the key extension, 1 beyond.
float toes_extended_weight(const anatomy::LegPose& leg) {
  return angle_ramp(leg[anatomy::LegCoord::kMtp], anatomy::kToesCorrectiveStartDeg, anatomy::kToesExtendedCorrectiveDeg);
}

// The skin's corrective shapes that pose_body_model weights, by morph target name, in the order
// of corrective_weights: per side (_r, then _l) the arm overhead, the arm's key poses below the
// horizontal, the elbow's flexion, the hip's straight and turned-out flexion, the 90/90 back hip,
// the knee's flexion and front; then the shapes of both hips together; then per side the foot's
// (ankle pointed, toes tucked); then each hip's extension (_r, _l) and the crotch with both hips
// flexed and parted, then each hip flexed with the other straight (_r: the right flexed), then each
// hip abducted with both straight, then each turned in with both straight, then the crotch as the
// 90/90 switch passes (_r: the right hip in front), then each hip flexed with its knee bent. Made
// once.
constexpr std::size_t kArmKeyCount = std::size(anatomy::kArmCorrectivePoses);
constexpr std::size_t kCorrectivesPerSide = 1 + kArmKeyCount + 1 + 5;
constexpr std::size_t kFootCorrectives = 2;  // per side
// + the two hips' extension, the parted crotch, the crotch with each hip flexed and the other
// straight, each hip abducted, each hip turned in, the crotch as the 90/90 switch passes with each
// hip in front, each hip flexed with its knee bent
constexpr std::size_t kCorrectiveCount = 2 * kCorrectivesPerSide + 3 + 2 * kFootCorrectives + 2 + 1 + 2 + 2 + 2 + 2 + 2;
using CorrectiveWeights = std::array<float, kCorrectiveCount>;

const std::vector<std::string>& corrective_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const char* sfx : {"_r", "_l"}) {
      n.push_back(std::string("arm_overhead") + sfx);
      for (const anatomy::ArmCorrectivePose& k : anatomy::kArmCorrectivePoses) n.push_back(k.name + std::string(sfx));
      n.push_back(std::string("elbow_flexion") + sfx);
      for (const char* leg : {"hip_flexion", "hip_flexion_out", "hip_back", "knee_flexion", "knee_front"}) n.push_back(leg + std::string(sfx));
    }
    n.insert(n.end(), {"hip_flexion_pair", "hip_ninety_r", "hip_ninety_l"});
    for (const char* sfx : {"_r", "_l"})
      for (const char* foot : {"ankle_plantar", "toes_extended"}) n.push_back(foot + std::string(sfx));
    n.insert(n.end(), {"hip_extension_r", "hip_extension_l"});
    n.push_back("hip_flexion_pair_apart");
    n.insert(n.end(), {"hip_flexion_other_straight_r", "hip_flexion_other_straight_l"});
    n.insert(n.end(), {"hip_abduction_r", "hip_abduction_l"});
    n.insert(n.end(), {"hip_turned_in_r", "hip_turned_in_l"});
    n.insert(n.end(), {"hip_pass_r", "hip_pass_l"});
    n.insert(n.end(), {"hip_knee_flexed_r", "hip_knee_flexed_l"});
    return n;
  }();
  return names;
}

CorrectiveWeights corrective_weights(const BodyPoseInput& input) {
  CorrectiveWeights w{};
  std::size_t k = 0;
  float straight_flexion[2] = {0.0f, 0.0f};  // each hip's straight flexion shape's weight (right, left)
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    const anatomy::ArmPose& arm = input.upper.arms[side == anatomy::Side::kRight ? 0 : 1];
    const float overhead = arm_overhead_weight(arm);
    w[k++] = overhead;
    for (const float key : arm_key_weights(arm, overhead)) w[k++] = key;
    w[k++] = elbow_flexion_weight(arm);
    // The hip's flexion weight, shared between its straight and turned-out shapes (the straight
    // one's cut as the hip turns in with the other flexed too).
    const anatomy::LegPose& leg = input.legs.leg(side);
    const anatomy::LegPose& other = input.legs.leg(side == anatomy::Side::kRight ? anatomy::Side::kLeft : anatomy::Side::kRight);
    const double out = hip_turned_out_share(leg, other);
    w[k++] = straight_flexion[side == anatomy::Side::kRight ? 0 : 1] =
        static_cast<float>(hip_flexion_weight(leg) * (1.0 - out) * hip_flexion_turned_in_keep(leg, other));
    w[k++] = static_cast<float>(hip_flexion_weight(leg) * out);
    w[k++] = static_cast<float>(hip_back_weight(leg) * hip_back_rise_keep(leg));
    w[k++] = knee_flexion_weight(leg);
    w[k++] = knee_front_weight(leg);
  }
  // The shapes of both hips together (tools/model_generator/body_skin.h, hip_pair_corrective).
  const anatomy::LegPose& right = input.legs.leg(anatomy::Side::kRight);
  const anatomy::LegPose& left = input.legs.leg(anatomy::Side::kLeft);
  w[k++] = hip_pair_flexion_weight(right, left);
  w[k++] = hip_ninety_weight(right, left);
  w[k++] = hip_ninety_weight(left, right);
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    w[k++] = ankle_plantar_weight(input.legs.leg(side));
    w[k++] = toes_extended_weight(input.legs.leg(side));
  }
  // Each hip's extension (tools/model_generator/body_skin.h, hip_extension_corrective).
  w[k++] = hip_extension_weight(right);
  w[k++] = hip_extension_weight(left);
  // The crotch with both hips flexed and parted (hip_pair_corrective at kHipPairApart*), less
  // where the crotch's shapes as the 90/90 switch passes (kHipPass*, made without it) take over.
  const float pass_r = hip_pass_weight(right, left), pass_l = hip_pass_weight(left, right);
  w[k++] = hip_pair_apart_weight(right, left) * std::max(0.0f, 1.0f - pass_r - pass_l);
  // The crotch with each hip flexed and the other straight, over that hip's straight flexion shape.
  w[k++] = hip_other_straight_weight(straight_flexion[0], right, left);
  w[k++] = hip_other_straight_weight(straight_flexion[1], left, right);
  // Each hip abducted with both straight (the side-lying abduction's top hip).
  w[k++] = hip_abduction_weight(right, left);
  w[k++] = hip_abduction_weight(left, right);
  // Each hip turned in with both straight (the standing cable drill's and tall-kneeling windmill's).
  w[k++] = hip_turned_in_weight(right, left);
  w[k++] = hip_turned_in_weight(left, right);
  // The crotch as the 90/90 switch passes (_r: the right hip in front).
  w[k++] = pass_r;
  w[k++] = pass_l;
  // Each hip flexed with its knee bent (the 90/90 switch's hips as they pass).
  w[k++] = hip_knee_flexed_weight(right);
  w[k++] = hip_knee_flexed_weight(left);
  return w;
}

}  // namespace

bool is_body_model(const Model& model) {
  return model.find_node("pelvis") >= 0 && model.find_node("femur_r") >= 0 && model.find_node("femur_l") >= 0;
}

void pose_body_model(const Model& model, const BodyPoseInput& input, NodeTransforms& out) {
  if (out.local.size() != model.nodes.size()) out = NodeTransforms::bind(model);
  if (!is_body_model(model)) {
    out = NodeTransforms::bind(model);
    return;
  }
  anatomy::BodyFrames frames = anatomy::forward_kinematics(input.legs);
  // Lumbar: the trunk turns about its own joint; flexion bends it forward (about -z since the trunk
  // points up), bending tips it toward +z (right), rotation turns the nose toward -z (left).
  {
    anatomy::Frame& t = frames[anatomy::BodyId::kTorso];
    const anatomy::UpperBodyPose& u = input.upper;
    t.rotation = t.rotation * rot({0, 0, 1}, -u.lumbar_flexion) * rot({1, 0, 0}, u.lumbar_bending) *
                 rot({0, 1, 0}, u.lumbar_rotation);
  }
  out.world.resize(model.nodes.size());
  for (std::size_t i = 0; i < model.nodes.size(); ++i) {
    const ModelNode& n = model.nodes[i];
    const glm::mat4 parent_world = n.parent >= 0 ? out.world[static_cast<std::size_t>(n.parent)] : glm::mat4(1.0f);
    glm::dmat4 world;
    if (auto body = anatomy::find_body(n.name)) {
      world = input.pelvis_world * to_mat4(frames[*body]);
    } else if (auto patella = patella_local(n.name, input.legs)) {
      world = glm::dmat4(parent_world) * *patella;
    } else {
      glm::dmat4 local(n.local_bind);
      if (auto joint = upper_joint(n.name, input.upper)) {
        const glm::dvec4 t = local[3];
        local = glm::dmat4(*joint * glm::dmat3(local));
        local[3] = t;
      }
      world = glm::dmat4(parent_world) * local;
    }
    out.world[i] = glm::mat4(world);
    out.local[i] = glm::inverse(parent_world) * out.world[i];
  }
  // The skin's corrective shapes (tools/model_generator/body_skin.h), by name: every shape's
  // weight worked out once for this pose, then matched to the meshes' targets.
  const std::vector<std::string>& names = corrective_names();
  const CorrectiveWeights weights = corrective_weights(input);
  out.morph_weights.resize(model.meshes.size());
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const Mesh& m = model.meshes[i];
    out.morph_weights[i] = m.default_morph_weights;
    for (std::size_t t = 0; t < m.morph_targets.size() && t < out.morph_weights[i].size(); ++t) {
      const auto it = std::find(names.begin(), names.end(), m.morph_targets[t].name);
      if (it != names.end()) out.morph_weights[i][t] = weights[static_cast<std::size_t>(it - names.begin())];
    }
  }
}

}  // namespace hiplab
