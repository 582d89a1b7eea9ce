// hip_corrective.h — the poses the body skin's hip and knee corrective shapes are made at, and
// the angles their weights ramp over, shared by the model generator (tools/model_generator/
// body_skin.h, hip_corrective, knee_flexion_corrective) and the runtime that weights them
// (scene/body_pose.h).
#pragma once

namespace hiplab::anatomy {

// The hip flexed 80 deg (Gait2392 hip_flexion, knee straight). The runtime gives the shape its
// full weight there and beyond, so it serves the drills' deep holds (the seated band drill's and
// the supine PAILs/RAILs' 90 deg, the 90/90's front hip at 96 deg, assets/drills/*.json) and the
// 90/90 switch's passage through 70 deg; from the skin's rest flexion (kHipCorrectiveStartDeg,
// tools/model_generator/body_skin.h kSkinRestHipFlexionDeg: linear-blend skinning is exact there)
// it rises smoothly from 0. Measured over all drills (tests/scene/skin_stretch_test.cpp,
// triangle-samples past a limit, before the crotch was kept out of the band): key pose
// 105/95/88/80/70 deg, 136 800/133 800/131 400/130 700/130 000; 70 made the seated drill worse and
// the supine one's worst stretch 4.6 -> 5.2x, 80 kept.
constexpr double kHipFlexedCorrectiveDeg = 80.0;
constexpr double kHipCorrectiveStartDeg = 30.0;
// A second shape per hip at the same flexion turned out as the 90/90's front hip holds it
// (assets/drills/ninety_ninety_hip_switch.json: abduction 30, external rotation 44 deg; Gait2392
// signs: - adduction, - internal rotation). The runtime shares the flexion weight between the two
// by how far the hip is turned out toward this (abduction and external rotation, each its share).
constexpr double kHipTurnedOutAdductionDeg = -30.0;
constexpr double kHipTurnedOutRotationDeg = -44.0;

// A third shape per hip, for the 90/90's back hip (assets/drills/ninety_ninety_hip_switch.json,
// _angles: flexion 11, abduction 35, internal rotation 33 deg), made with the other hip held as the
// front hip (flexion 96, and the turned-out shape's abduction and rotation) so that the crotch
// between the parted thighs is relaxed with it. The runtime weights it by how far the hip is
// abducted and turned in toward this pose, fading out as the hip flexes toward the flexion shapes.
constexpr double kHipBackFlexionDeg = 11.0;
constexpr double kHipBackAdductionDeg = -35.0;
constexpr double kHipBackRotationDeg = 33.0;
constexpr double kHipFrontFlexionDeg = 96.0;
// The crotch's shape with both hips flexed and parted: both at 110 deg of flexion and 15 of
// abduction, no rotation, the 90/90 switch's very middle (both hips flexed 106-110 deg and abducted
// 15-18 with the rotations near 0, where the frames with the most triangles past a limit were: 28-37
// of each frame's 1 664 samples, the front of the crotch squashed to 0.09x whatever the shapes;
// tests/scene/skin_stretch_test.cpp; assets/drills/ninety_ninety_hip_switch.json), where the
// straight-together crotch shape (hip_flexion_pair) has faded out. Measured over all drills
// (triangle-samples past a limit): first made at 100 deg and 25 of abduction (as the switch passes
// 81-103 deg and 21-30), 13 078 -> 12 258, the 90/90 switch 2 862 -> 2 042 and its worst squash
// 0.0104 -> 0.0680x (scene/body_pose.cpp's ramp). Then (hskin3, on 5 910 with the 90/90 switch at
// 1 664, 3.50x / 0.0680x): at 105 and 21, 5 376 (the switch 1 130, 3.59x / 0.0695x); at 108 and 18,
// 5 282 (1 036, 3.62x / 0.0775x); at 110 and 15 (these), 5 358 (1 112, 3.59x / 0.0822x). Its price,
// with each: the worst stretch, the perineum behind (pelvis (-4 77 1) cm at rest) as one hip passes
// 74 deg and the other 103 with the hips turned 23 and 28 deg opposite ways (the shape at a third
// of its weight), 3.50 -> 3.59-3.62x; the runtime's abduction ramp over 10 or 20 deg, the same or 1 146.
constexpr double kHipPairApartFlexionDeg = 110.0;
constexpr double kHipPairApartAdductionDeg = -15.0;
// A fourth shape per hip, extended: flexion -10 deg (10 deg of extension, 40 from the skin's rest
// flexion, tools/model_generator/body_skin.h kSkinRestHipFlexionDeg), knee straight, past the
// drills' deepest (the kneeling windmill's back hip, 7-8 deg of extension with 27 of external
// rotation; the standing and supine drills' straight legs at 0). Its weight rises smoothly from
// 2 deg of extension (kHipExtensionStartDeg) to 1 here, 1 beyond, and fades as the hip
// is held toward the 90/90 back hip's pose (the back-hip shape's abduction and rotation shares; that
// shape serves it). Measured over all drills (tests/scene/skin_stretch_test.cpp, triangle-samples
// past a limit; before 13 834), the weight rising from the skin's rest flexion (30 deg): key -10
// deg 13 078, -20 the same, 0 13 114; not faded toward the back hip 30 064 (the 90/90s' back hip at
// 11 deg of flexion, 35 of abduction: 90/90 PAILs/RAILs 1 000 -> 11 430); made at 25 deg of
// external rotation and weighted by the hip's share of it, 13 494. Rising from 30 deg it was near
// full at the anatomical pose and standing, and there its relaxed buttock and hip lay inside the
// muscles (tests/scene/muscle_poke_through_test.cpp: at the anatomical pose 3 338 vertex-samples
// out of the skin against at most 1; all drills 5 607 946 -> 7 025 587, side-lying abduction
// 16 528 -> 334 176, standing 62 774 -> 326 186). Rising from 0, the supine PAILs/RAILs' straight
// leg at 1 deg of extension took a little of it and its sacrum's skin rose 0.99 -> 1.008 cm off
// the mat (tests/app/drill_posture_test.cpp, limit 1 cm); from 2 deg of extension it serves only
// the kneeling windmill's back hip: 13 834 -> 13 410 (kneeling windmill 1 044 -> 620, worst squash
// 0.0077 -> 0.2076x; every other drill as before it).
constexpr double kHipExtendedCorrectiveDeg = -10.0;
constexpr double kHipExtensionStartDeg = -2.0;
// The crotch with one hip flexed (its straight flexion shape's key, kHipFlexedCorrectiveDeg) and
// the other straight (flexion 0, knee straight: the supine PAILs/RAILs' leg on the floor at -1 deg,
// assets/drills/ir_pails_rails_supine.json), made over the flexed hip's shape. The flexed hip's
// shape alone was made with the other leg at the skin's rest flexion (30 deg), and with the other
// leg straight the front of the crotch folded inside out between them. Its weight: the flexed
// hip's straight flexion weight times how straight the other is (1 at kHipOtherStraightDeg and
// below, falling smoothly to 0 at the skin's rest flexion, kHipCorrectiveStartDeg).
constexpr double kHipOtherStraightDeg = 0.0;
// A fifth shape per hip, abducted with the hip and knee straight and the other leg straight beside
// it (flexion 0, no rotation): the
// side-lying hip abduction's top hip lifted to 25 deg of abduction from 7 of adduction, the bottom
// leg straight (assets/drills/side_lying_hip_abduction.json; the R14 review's 25 deg). No flexion
// shape has weight there (they rise from the skin's rest flexion, 30 deg; the extension shape
// from 2 deg of extension), and linear blending from the rest shape (30 deg of flexion) squashed
// the groin. Its weight rises smoothly with the abduction from 0 to kHipAbductedCorrectiveDeg (1
// beyond), times how straight this hip and the other are (hip_other_straight, 1 at
// kHipOtherStraightDeg, 0 at the skin's rest flexion). Made with this hip alone (hip_corrective
// without the other leg: the crotch kept out but its shared front), its skin away from the midline
// kept from moving inward (tools/model_generator/body_skin.h hip_abduction_corrective: relaxed
// freely, it lay in over the top hip's abductors). Measured (tests/scene/skin_stretch_test.cpp,
// triangle-samples past a limit): side-lying abduction 82 -> 0 (the top hip's side above the
// trochanter, pelvis (-7 95 17) cm, 0.166x and 32 inside out -> none; worst stretch 2.54 -> 2.57x
// at the crotch behind as the leg tops out); made with the other leg posed and the crotch between
// the thighs relaxed too (and freely), 82 -> 388 (the crotch behind stretched to 6.38x). No other
// drill changes. That drill's muscle vertex-samples more than 2 mm out of the skin (tests/scene/
// muscle_poke_through_test.cpp) 17 536 -> 14 028 (71 473 with the skin relaxed freely).
constexpr double kHipAbductedCorrectiveDeg = -25.0;  // Gait2392 hip_adduction: - abduction
// A sixth shape per hip, turned in with the hip and knee straight and the other leg straight beside
// it (flexion 0, no abduction): the standing cable drill's working hip (internal rotation to 34.2
// deg at 10 of flexion; assets/drills/standing_cable_internal_rotation.json) and the tall-kneeling
// windmill's (28-30 deg at 0; tall_kneeling_foot_windmill.json). No hip shape had weight there, and
// linear blending from the rest shape (30 deg of flexion) turned one triangle a side at the side of
// the pelvis behind the trochanter inside out (pelvis (-7 95 17) cm at rest: 0.52x, its posed
// normal 102 deg from the reference, tests/scene/skin_stretch_test.cpp). Its weight rises smoothly
// with the internal rotation from 0 to kHipTurnedInCorrectiveDeg (1 beyond), times how straight
// this hip and the other are (as the abduction shape's), faded out as the hip is abducted (the
// 90/90 back hip, turned in 33 deg at 11 of flexion but abducted 35, has its own shape). Made as
// the abduction shape: this hip alone, its side's skin away from the midline kept from moving
// inward (tools/model_generator/body_skin.h hip_turned_in_corrective). Measured (triangle-samples
// past a limit): the standing cable drill 36 -> 0 and the tall-kneeling windmill 36 -> 0 (that
// triangle a side gone; their worst stretch and squash unchanged); no other drill changes.
constexpr double kHipTurnedInCorrectiveDeg = 34.0;  // Gait2392 hip_rotation: + internal
// The crotch as the 90/90 switch passes (assets/drills/ninety_ninety_hip_switch.json, between its
// keyframes at a quarter and half of the switch, where tests/scene/skin_stretch_test.cpp found its
// worst stretch, the perineum behind at 3.56x): the front hip flexed 103 deg, abducted 24 and turned
// out 28; the back hip rising through 74 deg, abducted 30 and turned in 21 (the drill's timeline
// there: 103.0 / -24.4 / -28.6 and 73.2 / -32.1 / 23.0). Made (tools/model_generator/model.cpp,
// hip_pair_corrective: the crotch relaxed and held to bounded distortion) over the hips' own
// flexion shapes at the weights the runtime gives them there (scene/body_pose.cpp: the front hip's
// straight and turned-out shapes 0.28 and 0.72, by hip_turned_out's shares of 24 of 30 deg of
// abduction and 28 of 44 of external rotation; the back hip's 0.54 and 0.25, its flexion weight
// 0.96 shared by hip_turned_out's 0.26 (the abduction's share 1 and the rotation's -21/44: turned
// in, away from the turned-out shape's pose) and the straight one cut to 0.77 as it turns in 21
// deg; hskin12, were 0.37 and 0.48 with turning in counted as no rotation), and in its
// place the parted crotch's shape gives up its weight (made over that one too, whose moved skin
// the crotch shape leaves where it is, 474 -> 450 triangle-samples past a limit, worst stretch
// 3.56x as before). Measured (the same test): the 90/90 switch 474 -> 404 (stretched 98 -> 66,
// squashed 284 -> 260, inside out 92 -> 78), worst stretch 3.56 -> 3.17x, worst squash 0.0845 ->
// 0.0853x (the front of the crotch as the back hip starts to rise, 47 deg); no other drill changes.
// Then (hskin12) the back hip turned in given less of the turned-out shape (scene/body_pose.cpp
// hip_turned_out) and this shape remade over the new weights: the 90/90 switch 94 -> 70 (squashed
// 52 -> 36, inside out 28 -> 20: the side of the back hip's pelvis, (-2 96 16) and (-3 96 16) cm,
// 0.153-0.199x as it rises through 69-86 deg, gone, and (-7 95 17) cm inside out there 4 -> 1
// frame a side), worst squash 0.1531 -> 0.1643x (now the front hip's groin beside the crotch,
// femur (4 81 -5) cm, as the back hip passes 74 deg), worst stretch 3.176 -> 3.178x (the perineum
// behind, as the back hip rises through 42 deg); the same counts with the shape as made over
// 0.37 / 0.48. No other drill changes. This shape's whole front of the
// crotch relaxed from where the hips' shapes put it too (hip_pair_corrective's front_over_hips, as
// the parted crotch's): 70 -> 54 (worst squash 0.178x) but the perineum behind stretched 3.18 ->
// 3.24x as the back hip rises through 42-48 deg: not kept.
constexpr double kHipPassFrontFlexionDeg = 103.0, kHipPassFrontAdductionDeg = -24.0, kHipPassFrontRotationDeg = -28.0;
constexpr double kHipPassBackFlexionDeg = 74.0, kHipPassBackAdductionDeg = -30.0, kHipPassBackRotationDeg = 21.0;
constexpr double kHipPassFrontStraight = 0.28, kHipPassFrontTurnedOut = 0.72;
constexpr double kHipPassBackStraight = 0.54, kHipPassBackTurnedOut = 0.25;
// The knee's corrective shape: the knee flexed 120 deg (thigh straight), past the drills' bent
// knees (80-92 deg in the 90/90, 90 seated, 104 kneeling, 110 in the figure-4; assets/drills/*.json).
// Its weight rises smoothly from 50 deg and reaches 1 only at 150: given its full weight at its own
// flexion (rising from the skin's rest flexion, 30 deg, tools/model_generator/body_skin.h
// kSkinRestKneeFlexionDeg) it over-corrects the middle of the bend, the shape between rest and key
// pose not being linear. Measured over all drills (tests/scene/skin_stretch_test.cpp,
// triangle-samples past a limit, the whole knee's band relaxed): key 120, weight 30->120 127 400,
// 50->120 118 100, 50->150 116 700; key 100, 30->100 121 900, 50->130 116 800; none 123 600. With
// only the back of the knee relaxed (body_skin.cpp, kKneeCorrectiveBehind), 116 900.
constexpr double kKneeFlexedCorrectiveDeg = 120.0;
constexpr double kKneeCorrectiveStartDeg = 50.0;
constexpr double kKneeCorrectiveFullDeg = 150.0;

// A shape per hip flexed with its knee bent: the 90/90 switch's hips as they pass (assets/drills/
// ninety_ninety_hip_switch.json: each hip through 96-110 deg of flexion, abducted 15-30, with the
// knee at 90-95). The back of the inner thigh above the knee (femur (4.8 59.5 +-4.3) cm at rest,
// 30 cm from the hip, 7.5 behind the knee's centre) carries a tail of the pelvis's share from the
// skin's weight averaging (tools/model_generator/body_skin.cpp kReach*: 3% at one corner), lags the
// thigh as the hip flexes and stretched one triangle a side to 3.12x at 110 deg
// (tests/scene/skin_stretch_test.cpp); cutting that tail squashed the inner thigh above it in
// every flexed drill (hskin10). Made at flexion 105, abduction 15, knee 90 (tools/model_generator/
// body_skin.h hip_knee_flexed_corrective), over the shapes the runtime gives weight there
// (scene/body_pose.cpp): the hip's straight and turned-out flexion shapes 0.75 and 0.25 (the
// flexion weight 1 shared by hip_turned_out: half of 15 of 30 deg of abduction), the knee's flexion
// shape smoothstep((90 - 50) / 100) = 0.352 and its front smoothstep((90 - 30) / 85) = 0.791.
// Weighted by the smoothsteps of the hip's flexion from the skin's rest (30 deg) to 105 and of the
// knee's from its rest (30 deg) to 90, faded out as the hip turns either way over 30 deg: the
// shape is made unturned, and at full weight in the 90/90 holds' front hip (96 deg, turned out 44,
// knee 92) it squashed the inner thigh above the pair, (4 63 -4) cm, to 0.04-0.06x (90/90
// PAILs/RAILs 0 -> 800 triangle-samples past a limit, the switch 148 -> 712). Measured with the fade
// (the same test): the switch 148 -> 94 (stretched 68 -> 14, the pair's 27 + 27 gone; its worst
// stretch and squash unchanged), the seated band drill's worst stretch 2.60 -> 2.54x (the same
// spot), no other drill changes. The relaxed skin is held from moving inward (body_skin.cpp
// hip_knee_flexed_corrective): relaxed freely, the clamshell's and kneeling windmill's muscle
// vertex-samples out of the skin rose past their rows by 3 and 2 (tests/scene/
// muscle_poke_through_test.cpp); the stretch test's figures were the same either way.
constexpr double kHipKneeFlexedHipDeg = 105.0, kHipKneeFlexedAdductionDeg = -15.0, kHipKneeFlexedKneeDeg = 90.0;
constexpr double kHipKneeFlexedKneeStartDeg = 30.0;
constexpr double kHipKneeFlexedRotationFadeDeg = 30.0;
constexpr double kHipKneeFlexedBaseStraight = 0.75, kHipKneeFlexedBaseTurnedOut = 0.25;
constexpr double kHipKneeFlexedBaseKneeFlexion = 0.352, kHipKneeFlexedBaseKneeFront = 0.791;

// The front of the knee's corrective shape (tools/model_generator/skin_bone_cover.h): made at the
// half-kneeling windmill's back knee (assets/drills/kneeling_windmill.json, 114.81 deg; the
// tall-kneeling windmill's knees are at 104), where the knee rests on the mat, so that the skin
// there lies kKneeFrontCoverM outside the kneecap and the tibia. Its weight rises smoothly from the
// skin's rest flexion (linear-blend skinning is exact there) to 1 at the key angle, and stays 1
// beyond. The cover: the kneecap is subcutaneous, with only the skin, a thin subcutaneous layer and
// the prepatellar bursa in front of it (Standring (ed.), Gray's Anatomy, 41st ed. 2016, ch. 81, the
// knee); 5 mm for all of them is HipLab's figure within "a few millimetres", not a measured mean
// (no ultrasound figure of the prepatellar layer was found for this change: issue 12, h12c).
constexpr double kKneeFrontCorrectiveDeg = 115.0;
constexpr double kKneeFrontStartDeg = 30.0;
constexpr double kKneeFrontCoverM = 0.005;

}  // namespace hiplab::anatomy
