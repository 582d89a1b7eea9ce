// The body surface (the skinned "skin" mesh of assets/models/hiplab_body.glb) in every built-in
// drill (issue 12): 100 samples of each drill, both working sides, posed by scene/body_pose.h and
// skinned on the CPU by assets/node_transforms.h's skin_position (the same blend as
// shaders/mesh.vert.glsl). Against the skin's rest shape (its vertex positions), the issue's goal:
// no triangle stretched past 3x its rest area, squashed below 0.2x, or turned inside out (its posed
// face normal against its rest normal turned by the nearest rotation of its corners' blended bone
// matrices, nearest_rotation: the surface folded over itself).
//
// The goal is not met yet: linear-blend skinning still folds the inside of the hip (groin; the
// hips' corrective shapes halve it), and stretches the crotch when the thighs part (90/90, PAILs/RAILs; the back-hip shapes take it from 9.3 to 7.3x); see the
// figures printed per drill (and where: by the dominant joint, and by body region for each working
// side). It is reported as a warning; what is checked is a ratchet: each
// drill's worst figures may not get worse than those reached by the skin of
// tools/model_generator/body_skin.h (rest shape with the arms raised clear of the trunk, hips and
// knees flexed 30 deg, weights by distance along the surface). Before it (weights by straight-line
// distance, arms meshed hanging and fused to the trunk) the worst stretch was 8-32x in every drill
// and 60 000-340 000 triangle-samples per drill were past a limit. Tighten the table as the
// skinning improves.
#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "anatomy/hip_corrective.h"
#include "assets/drill_loader.h"
#include "assets/model_loader.h"
#include "core/units.h"
#include "motion/timeline.h"
#include "scene/body_pose.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {

constexpr float kMaxStretch = 3.0f;   // issue 12: "no triangle stretched past 3x ..."
constexpr float kMinSquash = 0.2f;    // "... or squashed below 0.2x its rest area"
// Slivers below a tenth of a square millimetre (the mesh's triangles are tens of mm²) carry no
// visible area; their ratio is noise of the mesher, not of the pose.
constexpr float kMinRestArea = 1e-7f;  // m²

// Achieved worst figures per drill (both sides, 100 samples each), with a little room: the largest
// area ratio, the smallest, and the triangle-samples past any limit. Raised where the drills now
// pose the whole person (issue 12: hands on the floor behind in the 90/90s with the trunk upright,
// on the hips kneeling, on the thighs seated, on the top hip side-lying, on the knee in the supine
// PAILs/RAILs, on the cable machine's handle standing): the extra samples are at the shoulders and
// the lower trunk (humerus_*, torso), the skin's known weak part.
// Side-lying, the head now rests on the bottom arm (issue 12: "under the head when side-lying"),
// which has to lie overhead on the mat (shoulder flexed 155-165 deg, elbow straight: the only way
// the upper arm gets under the head) with the neck bent 40-42 deg toward it. That roughly trebles
// those five drills' triangle-samples past a limit (about 6 000-7 400 with the arm forward on the
// mat; now about 19 000-20 000: humerus_* 5 000 and 4 200-4 500, torso 6 800-7 100, head 300-800),
// almost all squashed or folded at the bottom armpit and the side of the chest under it; the
// largest stretch went down (3.01 to 2.83x). The skin's rest shape has the arms raised only part of
// the way (tools/model_generator/body_skin.h); an arm overhead needs corrective shapes or a second
// rest pose there. Tightened to the figures now reached elsewhere. Side-lying counts now reached
// (both sides, 100 samples): clamshell 19 038, clamshell_30 20 216, clamshell_60 19 952, reverse
// clamshell 19 132, side-lying abduction 19 142 (all twelve drills 176 319). Tried for the arm
// overhead and not kept (side-lying drills / all drills): dual-quaternion skinning of the whole
// skin, 20 700-21 800 / 187 300 (fewer squashed, more folded); with it, the shoulder's blend
// widths doubled, 33 400-34 600; narrowed, 24 700-25 700; the skin's rest arm flexed 45 deg, not 30,
// 13 000-14 000 / 160 300, but the side-lying worst stretch 2.83 -> 6.5x (the top of the neck) and
// the standing cable and kneeling drills 55% and 43% worse.
// Kept: a corrective shape per arm overhead (tools/model_generator/body_skin.h,
// arm_overhead_corrective; weighted by the shoulder's elevation, 0 up to 90 deg, scene/body_pose.h).
// Side-lying counts now (both sides, 100 samples): clamshell 15 838, clamshell_30 17 216,
// clamshell_60 16 852, reverse clamshell 15 932, side-lying abduction 16 042 (-15 to -17%: the
// bottom armpit's torso samples 6 800 -> 5 200, humerus 5 000 -> 4 000); the 90/90 hip switch
// 19 136 -> 18 568 (its hands-behind arms pass 90 deg of elevation in part of the switch); every
// other drill unchanged. The price: the side-lying worst stretch 2.83 -> 3.71x (side of the chest
// below the armpit) and worst squash 0.047 -> 0.011-0.014x (the top of the bottom shoulder): fewer
// triangles past the limits, the worst few further past. Also tried for the corrective: relaxing
// only the vertices blended between arm and trunk, 17 000-20 000 (edge springs toward the rest
// lengths: squashed 8 700 -> 1 800 but folded 10 300 -> 20 800); letting the whole arm's skin slide
// too, 12 200-13 200, but the hand's skin then moves 7-8 cm off the hand's bones (not kept).
// Where the samples past a limit are (the "by region" line; all twelve drills, 160 151): the armpit
// about 83 000 (the five side-lying drills 13 400-13 900 each, the raised arm's side the most), the
// groin about 37 000 (the 90/90s, seated, supine), the buttock 8 000, the knee 5 000. The corrective
// then improved (tools/model_generator/body_skin.cpp): the base of the neck slides with the chest
// (it was pinned: the top of the shoulder between raised arm and neck had nowhere to go), the shape
// is made with the head bent 40 deg toward the raised arm as the side-lying drills hold it, and each
// relaxation step smooths 8% toward the neighbours' centroid. Side-lying counts now: clamshell
// 14 838, clamshell_30 15 016, clamshell_60 15 752, reverse clamshell 14 932, side-lying abduction
// 14 942 (-6 to -7%; the clamshell's armpit 13 400 -> 11 200); all twelve drills 153 781; worst
// side-lying stretch 3.71 -> 3.20x, worst squash 0.011-0.014 -> 0.035-0.045x; the 90/90s and the
// others unchanged. Each step measured alone (all drills): the neck sliding, 159 400; smoothing
// 3/5/8/12/20%, 157 900/156 700/155 500/155 900/156 600; the head bent 20/40 deg, 154 400/153 800.
// Tried and not kept: holding the relaxed band on a surface built for the pose (the skin's own
// trunk, cap and arm parts with the arm turned overhead, as a signed distance; projected onto it
// every 10 steps) 340 900, the blend's collapsed points, up to 4.7 cm inside it, went to the wrong
// sheet (stretch 37x); pulled 30% toward it after 500 steps, 192 000; as-rigid-as-possible rotations
// (Sorkine & Alexa 2007) refitted every 20 steps, 180 300 (squashed 4 700 -> 1 900 in the clamshell,
// inside out 11 000 -> 18 000); untangling the folded triangles by Laplacian smoothing, 200 100.
// Then the groin (tools/model_generator/body_skin.h, hip_flexion_corrective): per hip a corrective
// shape at 80 deg of flexion and one at 80 deg turned out as the 90/90's front hip (abduction 30,
// external rotation 44), weighted by the hip's flexion and shared by its turn-out
// (scene/body_pose.h). All twelve drills 153 781 -> 134 739 (groin 37 644 -> 24 355, buttock
// 8 272 -> 5 178); seated band drill 13 212 -> 6 548, supine PAILs/RAILs 12 487 -> 8 781, 90/90
// PAILs/RAILs 19 461 -> 15 176, 90/90 switch 18 598 -> 15 107; the worst stretch of the seated
// and supine drills 7.41 -> 5.09 / 4.66x, the 90/90s' unchanged (9.32-9.35x: the perineum behind
// the crotch, which the shapes leave alone); the figure-4's worst squash 0.0174 -> 0.0098x (one
// triangle at the left groin in its hold; its samples past a limit 1 997 -> 1 978). Tried: the key
// pose at 95 deg with the turned rest edges alone (8% smoothing), 147 400; see body_skin.cpp for
// the smoothing, the crotch kept out, and the key pose.
// Then the 90/90's back hip and the crotch, and the knees (tools/model_generator/body_skin.h,
// hip_corrective and knee_flexion_corrective; weights in scene/body_pose.cpp, poses in
// anatomy/hip_corrective.h): per hip a shape held as the 90/90's back hip (flexion 11, abduction
// 35, internal rotation 33) made with the other hip held as the front hip, the crotch between them
// relaxed too, weighted by the product of the hip's abduction and internal-rotation shares at low
// flexion; per knee a shape at 120 deg of flexion (the back of the knee only), weighted from 50 to
// 150 deg. All twelve drills 134 739 -> 116 909 (the knee 5 944 -> 62, the figure-4's left knee;
// the 90/90s' groin 17 356 -> 8 598 and buttock 4 328 -> 1 166): 90/90 PAILs/RAILs 15 176 -> 8 221,
// 90/90 switch 15 107 -> 9 737, kneeling windmill 10 182 -> 8 182, figure-4 1 978 -> 873, seated
// band 6 548 -> 6 148, supine PAILs/RAILs 8 781 -> 8 581, standing cable 2 364 -> 2 164, side-lying
// drills -400 each (their knees), side-lying abduction unchanged; the 90/90s' worst stretch 9.35 /
// 9.32 -> 6.98 / 7.26x (the crotch behind), the switch's worst squash 0.0025 -> 0.0054x, the 90/90
// PAILs/RAILs' 0.0435 -> 0.0186x (the crotch's midline mid-drill, one triangle: loosened). The
// thighs' skin above the blended band took some of the 90/90s' samples (thigh 172 -> 1 728). What
// is left of the 90/90 PAILs/RAILs' groin is the front hip's (its turned-out shape's): split by
// body side, none at the back hip. Tried: the back-hip shape without the other leg and the crotch,
// 125 900 (9.35x); the front hip's turned-out shape made at the 90/90's 96 deg, not 80, 118 600;
// see body_skin.cpp and hip_corrective.h for the crotch's width, the knee's rings and smoothing,
// and the weights.
// Then the arms (tools/model_generator/body_skin.h, arm_corrective; poses in anatomy/upper_body.h,
// weights in scene/body_pose.cpp): the arm-overhead shape's relaxed band held to bounded distortion
// afterwards (body_skin.cpp, bound_distortion: each triangle's area, signed along its skinned
// normal, pushed back inside 0.3-2.6x its rest area), made with the elbow straight as the drills
// hold it; three shapes per arm below the horizontal, at the poses the drills' hands reach to (the
// hand on the hip: the side-lying top arm and the tall-kneeling windmill; the hands in front:
// seated and supine; the hands behind: the 90/90s), each sliding only its own side's skin. The
// side-lying drills 14 400-14 900 -> 2 000-2 550 each (clamshell: armpit 11 200 -> 1 600, neck
// 1 400 -> 0; worst stretch 3.20 -> 3.12x, worst squash 0.045 -> 0.107x); tall-kneeling windmill
// 8 182 -> 4 982, supine PAILs/RAILs 8 581 -> 6 081, seated 6 148 -> 5 848, 90/90 switch 9 737 ->
// 9 443 (worst squash 0.0054 -> 0.0076x), 90/90 PAILs/RAILs 8 221 -> 8 021; the figure-4, the
// half-kneeling windmill and the standing cable unchanged. All thirteen drills 122 900 -> 54 200.
// One guard loosened: the supine PAILs/RAILs' worst squash 0.0467 -> 0.0284x, one triangle at the
// armpit of the arm whose hand rests further out on the knee (6 deg flexion, 26 deg adduction:
// the hands-in-front shape at part weight), while its samples past a limit fell by 2 500. Measured
// on the way (all in the side-lying clamshell, both sides): the bounded distortion alone 14 416 ->
// 3 616 (its remainder the top arm's armpit); the overhead shape made at the files' elbow of 20 deg
// instead of the straight elbow the hands reach to, the forearm 300 -> 2 300; both arms' shapes
// sliding the chest across the midline, the chest 0 -> 12 000; shapes at the files' authored arm
// angles rather than the reached ones, no gain; the shapes' weight reaching the full distance to
// the nearest other key rather than 3/4 of it, the figure-4 873 -> 1 073 (the hands-in-front
// shape at 15% on its hanging arms).
// Then the front of the thigh (tools/model_generator/body_skin.cpp, quadriceps_front): the skin
// 63 mm in front of the femur's centre at mid-thigh, was 46 (anterior thigh thickness by
// ultrasound, Agyapong-Badu et al. 2014). The skin is remeshed as a whole (marching cubes, then
// one simplification to 24 000 triangles over the whole body), so the triangles moved everywhere,
// not only on the thigh. All thirteen drills 122 883 -> 117 285 (by region, counted once per
// triangle-sample: groin 19 201 -> 13 824, knee 120 -> 20; the thigh 1 728 -> 2 693: the fuller front over the bent knee, whose worst stretch,
// 2.9-5.0x, is now the front of the lower thigh in the kneeling, figure-4 and standing drills);
// the armpit 72 560 -> 72 926 and the arm 4 579 -> 5 081 took new triangles at rest. Loosened for
// that, each by what one or two triangles give over 100 frames: the side-lying clamshell, reverse
// clamshell and clamshell_30 (+84 to +100 samples at the armpit and arm, t = 0 on), the kneeling
// windmill's worst squash (the crotch's midline, 0.0076 -> 0.0065x) and the tall-kneeling
// windmill's (the left armpit at rest, 0.0575 -> 0.0568x). Six other shapes of the same front
// (depth 37-40 mm, blend 1.5-3 cm, 26-34 cm long) failed 4 to 19 of these checks; the one with 4
// (37 mm deep) took the 90/90 PAILs/RAILs' crotch squash to 0.0125x.
// Then the front's ends (body_skin.cpp, quadriceps_front): 10 cm above and 12 cm below the shaft's
// middle, not 17 cm each way, so tensor fasciae latae stays in view at the front-lateral hip and
// the vasti's triangles stretch less over the bent knee. All thirteen drills 117 285 -> 116 008
// samples past a limit; tightened: figure-4, the 90/90s, the windmills' and standing drill's counts
// and worst stretches. Remeshed again, the worst single triangles moved: at rest, the left
// torso's (the armpit, t = 0) squash 0.045 -> 0.037x and stretch 3.21 -> 3.22x in the five
// side-lying drills, the standing drill's right forearm 0.1487 -> 0.1452x; the tall-kneeling
// windmill's left thigh mid-drill 0.0567 -> 0.0375x and the kneeling windmill's crotch 0.0065 ->
// 0.0055x; the supine and seated drills' worst stretch at the pelvis 4.62 -> 4.83x and 5.10 ->
// 5.12x, their counts +361 and +166, the side-lying 30 and 60 deg +90 and +17. Loosened to them
// (marked "re-meshing, ends" below).
// Both skin changes together (the arms' shapes and the thigh's front, merged; the skin re-meshed
// once more): all thirteen drills 42 188 samples past a limit (was ~122 900 at the session's start,
// 54 200 with the arms alone, 116 008 with the thigh alone). Three single-triangle figures end
// looser than either branch alone, each one triangle of the re-meshed skin: the supine
// PAILs/RAILs' worst squash 0.0283 -> 0.0199x (the armpit), the 90/90 switch's 0.0058 -> 0.0055x
// (the upper arm) and the standing drill's worst stretch 2.62 -> 3.30x (the torso at rest).
// The arm under the head side-lying then kept whole (its girth: the test at the end of this file):
// its own skin from 20 cm out from the shoulder no longer slides in the overhead shape. Loosened
// for it, knowingly: in the five side-lying drills one to two more armpit triangles past a limit
// (+100 to +200 samples) and the worst squash there 0.10-0.12 -> 0.063-0.066x (the same triangle
// at the back of the bottom armpit); the 90/90 switch 8 135 -> 8 198 (its hands-behind arms pass
// the overhead shape's start).
// Loosened for the knee-front shape (h12c, tools/model_generator/skin_bone_cover.h, issue 12's
// "contacts ... within 1 cm in holds"): the skin in front of a deeply bent knee pushed out of the
// kneecap and tibia (5 mm cover) and clear of the femur stretches a few triangles over the kneecap
// and above it: figure-4 574 -> 720 samples past a limit, 90/90 PAILs/RAILs 6 285 -> 6 385, the
// half-kneeling windmill 1 982 -> 2 240, the 90/90 switch 8 135 -> 8 220, the tall-kneeling
// windmill 3 878 -> 4 078 and its worst stretch 2.78 -> 3.28x (one triangle above the kneecap,
// femur_l at rest (14 60 -7) cm); all thirteen drills 42 188 -> 42 977. What it buys: the kneecap
// no longer through the skin where the knee rests on the mat (the kneeling windmill's back knee:
// skin 2.8-2.9 -> 1.0 cm above the mat, tests/app/drill_posture_test.cpp). A first version that
// also covered the femur by 5 mm cost 44 636 (2.4 -> 3.5x at that triangle).
// Then both hips together (tools/model_generator/body_skin.h, hip_pair_corrective; weights in
// scene/body_pose.cpp): a shape of the crotch with both hips flexed 80 deg, made over both hips'
// flexion shapes (only the crotch, blended with both thighs, slides), and per side a shape of the
// 90/90 as held (this hip the back hip, the other the front hip), made over those two hips' shapes
// with both hips' whole blended bands and the crotch relaxed; both then held to bounded distortion
// as the arm's shapes are. All thirteen drills 42 188 -> 32 709 samples past a limit: 90/90
// PAILs/RAILs 6 285 -> 1 600 (worst stretch 6.86 -> 3.49x, now the lower trunk's side in the hold;
// worst squash 0.0685 -> 0.158x), 90/90 switch 8 135 -> 4 852 (worst stretch 7.24 -> 6.83x, the
// perineum behind as the hips pass each other), seated band drill 4 726 -> 3 302, clamshell_60
// 1 887 -> 1 800; the others unchanged. One guard loosened: the seated band drill's worst stretch
// 5.12 -> 5.17x (one triangle of the perineum behind, L pelvis (-9 79 0), as the hip turns in
// 34 deg from the crotch shape's straight key pose), while its samples past a limit fell by 1 424.
// Then the kneecap riding the femur (h12k, anatomy/patella.h). Made over the kneecap where the
// coupling puts it at 115 deg (on the condyles, not out in front of them with the tibia), the
// knee-front shape pushed the skin less far out over the bent knee (figure-4 720 -> 646 samples past
// a limit, kneeling windmill 2 240 -> 2 082, 90/90 switch 5 076 -> 4 987, the tall-kneeling
// windmill's worst stretch 3.28 -> 3.06x) but left the kneeling knee's skin 1.7 cm above the mat,
// where the kneeling drills were solved on the old skin (tests/app/drill_posture_test.cpp): the
// shape is made as before (tools/model_generator/skin_bone_cover.cpp), the figures with it.
// Then the skin made mirror-symmetric (h12k, tools/model_generator/body_skin.cpp: the right half
// meshed, simplified with its border kept on the sagittal plane, and mirrored; the weights and
// every left shape the right's mirrored). Before it the two working sides differed: the side-lying
// clamshell's armpit 0 (working right) against 1 400 (working left) samples past a limit, the arm
// under the head's girth 0.87 against 0.83 of rest before that. Now each drill's figures are the
// same for both sides (the armpit 1 200 + 1 200). The remesh moved every triangle, so the figures
// moved everywhere: all thirteen drills 33 716 -> 37 962 samples past a limit (the five side-lying
// drills +1 100 to +1 500 each, at the armpit of the arm overhead, whose shape is now the right
// one's on both sides where the left one's had been the better; the kneeling windmill +650 at the
// perineum, whose midline vertices now share both thighs' weights equally; the supine and standing
// drills -1 800 and -900, the 90/90 switch -550, the figure-4 -280); worst stretch better in the
// supine PAILs/RAILs (4.83 -> 3.33x), seated (5.17 -> 4.11x), 90/90 switch (6.83 -> 6.20x), 90/90
// PAILs/RAILs (3.49 -> 3.20x) and tall-kneeling windmill (3.06 -> 2.67x), worse in the side-lying
// drills (3.1 -> 4.6-5.2x, the top of the upper shoulder at rest), kneeling windmill (4.69 -> 5.21x,
// perineum) and figure-4 (3.63 -> 3.84x); worst squash better in eight drills, worse in the
// side-lying ones (0.066 -> 0.047x) and the kneeling windmill (0.022 -> 0.0077x). Loosened where
// worse, knowingly: symmetry is what issue 12 asks here, and each single-triangle figure moves with
// any remesh (see "Remeshed again" above). Tried: the border's plane weighted as its triangle
// (not 10x), 39 552.
// Then the perineum and the side-lying top shoulder (hskin), looked at with the per-triangle
// figures of each shape: the perineum's worst triangles (the 90/90 switch, kneeling windmill,
// figure-4, supine: (-1 78 0) cm) were slivers across the midline whose corners, 1-3 mm apart,
// carried 0.34 / 0.15 of the two thighs on one side, 0.24 / 0.24 on the plane and 0.15 / 0.34 on
// the other (each half's weights made on its own and mirrored), so they were pulled sideways as the
// thighs turned apart (5.0x with no corrective shape at all; the both-hips-flexed crotch shape,
// made with the thighs together, took it to 6.2x mid-switch, both hips flexed 58-79 deg and
// abducted 17). Now (tools/model_generator/body_skin.cpp, step 5) the crotch's weights are averaged
// across the midline (20 rounds within 4 cm of it; 8 rounds within 3 cm: 35 268, 40 within 4 cm:
// 35 300, 30 within 6 cm: 36 710), and the crotch shape fades as either hip turns away from its
// straight pose (scene/body_pose.cpp, hip_pair_flexion_weight). The side-lying drills' worst
// stretch, the top of the upper shoulder at rest (torso 0.5 / head 0.45: the far side of the neck
// bent 40 deg toward the mat, which no shape relaxed), is taken by the arm-overhead shape now
// relaxing the neck's blend as well (body_skin.cpp, arm_corrective). All thirteen drills 37 964 ->
// 32 726 samples past a limit: the 90/90 switch 4 440 -> 4 030 (worst stretch 6.20 -> 4.44x, still
// the perineum), seated band drill 3 700 -> 672 (4.11 -> 2.70x), kneeling windmill 2 736 -> 2 524
// (5.21 -> 4.41x), figure-4 370 -> 316 (3.84 -> 3.29x), the side-lying drills -200 to -436 each
// (4.57-5.19x -> 3.18-3.20x; side-lying abduction 4.44x, the perineum with the top leg raised),
// 90/90 PAILs/RAILs 1 800 -> 1 600. Loosened, knowingly: the supine PAILs/RAILs' count 3 482 ->
// 3 690 (its triangles past a limit, counted once, 1 534 -> 1 541 a side; worst stretch 3.33 ->
// 2.80x), the side-lying drills' worst squash (one triangle at the back of the bottom armpit,
// 0.0471 -> 0.0463x; clamshell_30 0.0671 -> 0.0571x) and the figure-4's (0.3239 -> 0.3225x).
// Measured alone: the crotch weights 37 964 -> 34 182 (with the crotch shape faded, 33 908); the
// neck, 33 908 -> 32 726.
// Then the perineum's thin triangles across the midline (hskin2): after that averaging a vertex
// 1.3 mm off the plane still carried 0.33 of its own thigh and 0.18 of the other, the plane's
// 0.25 and 0.25, and the strip between them was pulled sideways as the thighs parted. Now
// (tools/model_generator/body_skin.cpp, step 6) behind the crotch, within 1.5 cm of the midline,
// the thighs' difference is scaled down linearly to none on the plane. All thirteen drills 26 516
// -> 25 154 samples past a limit; worst stretch: 90/90 switch 5.55 -> 3.54x, side-lying abduction
// 4.44 -> 3.19x (now the shoulder at rest), kneeling windmill 4.41 -> 2.95x, figure-4 3.07 ->
// 2.89x, supine PAILs/RAILs 2.80 -> 2.58x; counts: figure-4 268 -> 40, kneeling windmill 2 524 ->
// 1 924, 90/90 switch 3 868 -> 3 684, side-lying abduction 1 826 -> 1 684, supine 3 690 -> 3 482;
// every other figure unchanged.
// Then the arms' shapes, the elbow, the ankle and the toes (hskinarm, tools/model_generator/
// body_skin.cpp): the shapes of the arms below the horizontal bounded as long as the overhead one
// (6 000 sweeps, was 1 500), and all the arms' shapes to 0.4-2.3x (was 0.3-2.6x: the drills hold
// the arm a few degrees from the key pose, where a triangle held at 0.3x fell to 0.10-0.15x); the
// elbow's blend 10 cm each side (was 7), the ankle's 7 (was 5: the 90/90s' pointed feet) and the
// toes' 6.5 cm (was 2: the kneeling drills tuck the toes under, 60 deg at the ball of the foot).
// All thirteen drills 25 154 -> 14 834 samples past a limit: side-lying 1 600-1 800 -> 800-1 084
// each (no triangle under 0.2x but the abduction's pelvis mid-drill), supine PAILs/RAILs 3 482 ->
// 2 282, tall-kneeling windmill 4 432 -> 2 032 (worst squash 0.116 -> 0.240x), kneeling windmill
// 1 924 -> 1 324, standing cable 1 036 -> 436 (worst stretch 3.30 -> 2.90x, now inside 0.2-3x),
// 90/90 PAILs/RAILs 1 600 -> 1 000 (worst squash 0.163 -> 0.210x), seated 672 -> 72, 90/90 switch
// 3 684 -> 3 164; every drill's worst stretch and squash better or equal but the supine
// PAILs/RAILs' squash (0.0354 -> 0.0260x, loosened: see its row); the figure-4 unchanged.
// Then the front of the crotch (hskinhip): the hips' own flexion shapes kept out the skin blended
// with the other thigh too, so with both hips flexed (the 90/90 switch's middle, where the crotch
// shape is faded out by the hips' abduction; the kneeling windmill; the supine drill's bent hip
// beside the straight one) the front of the crotch stayed where linear blending put it and
// folded inside out. Now (tools/model_generator/body_skin.cpp, kSharedCrotch*) each hip's shape
// relaxes the front of the crotch too (within 3 cm of the midline, in front of x = 1.5 cm),
// scaled by its thigh's share of the two thighs' weight, and the crotch shape relaxes it further.
// All thirteen drills 25 154 -> 24 154 samples past a limit (groin, buttock, pelvis, thigh and
// knee regions 3 868 -> 3 146): supine PAILs/RAILs 3 482 -> 3 064 (groin 228 -> 119 a side),
// kneeling windmill 1 924 -> 1 644 (groin 112 -> 0; buttock 170 -> 172), 90/90 switch 3 684 ->
// 3 382 (groin 975 -> 823, thigh 84 -> 94; inside out 1 766 -> 1 184, squashed 1 286 -> 1 566).
// Two worst squashes LOOSENED (rows below): the 90/90 switch's 0.0237 -> 0.0104x, one triangle
// at the front of the crotch, (3 79 -3) cm, t = 53.5 s, in the switch, and the
// seated drill's 0.1422 -> 0.1370x at the right groin, (5 87 9) cm, the hip turned in 34 deg
// (its count unchanged). Every other figure unchanged.
// Then the feet (hskinfoot): per foot a shape of the ankle pointed 45 deg (the 90/90's front foot)
// and one of the toes tucked 60 deg (the kneeling drills), tools/model_generator/body_skin.h
// foot_corrective, weighted by the ankle's plantar flexion and the toes' extension
// (scene/body_pose.cpp, anatomy/foot_corrective.h). The top of the forefoot had thin triangles
// blended among the shank, the foot and the toes that turned inside out. All thirteen drills
// 13 834 -> 11 624 samples past a limit, the shank/foot region 2 200 -> 0: tall-kneeling windmill
// 2 032 -> 832 (worst squash 0.2397x at the tucked toes -> 0.3557x, now the right forearm at
// rest), kneeling windmill 1 044 -> 444, 90/90 switch 2 862 -> 2 652, 90/90 PAILs/RAILs 1 000 ->
// 800; every other figure unchanged.
// Then the elbows (hskinarm2): an elbow shape per arm (tools/model_generator/body_skin.cpp,
// elbow_flexion_corrective, made at 80 deg and weighted from 50 deg: the arms' shapes pin the
// forearm's blend, and the inside of an elbow bent 75-90 deg was inside out, one triangle a side).
// All thirteen drills 13 834 -> 12 234 samples past a limit: the side-lying drills -200 each (arm
// 100 + 100 -> 0), standing cable 436 -> 236 (worst squash 0.2732 -> 0.3202x), tall-kneeling
// windmill 2 032 -> 1 632. Every other figure unchanged.
// Then the inside-out test's reference (hskin5): a triangle is inside out when its posed normal
// points against its rest normal turned by the nearest rotation (polar decomposition) of its corners'
// blended bone matrices, where it was turned by the blend itself. Blending two rotations far apart
// is no rotation: side-lying, the bottom arm overhead is turned ~170 deg from the trunk, and the
// armpit's corners weighted half-and-half between them blend to a matrix that nearly projects onto
// the shoulder's axis (a third of a rotation's size), so the old reference pointed wherever that
// axis did. The bottom armpit's two triangles a side counted inside out (400 samples in each of
// the five side-lying drills) lie with their neighbours (their normals 8-22 deg from the mean
// normal of the triangles around them) and on the right side of the nearest rotation (0.12-0.16 of
// the normals' product). Where the blend is near one bone's rotation the two references agree; they
// differ only for triangles nearly edge-on to both (within 0.03), which change sides both ways
// (kneeling windmill 20 -> 36, 90/90 switch 580 -> 594, figure-4 40 -> 42, supine PAILs/RAILs 60
// -> 48, tall-kneeling windmill 32 -> 36). All thirteen drills 3 252 -> 1 074 samples past a limit;
// the stretches and squashes unchanged. No skin changed (the model file is the same).
struct Ratchet {
  const char* drill;
  float max_ratio, min_ratio;
  int past_limit;
};
// Beside each row its last measurement (worst stretch / worst squash / samples past a limit) and
// why it moved; the earlier figures, each with its reason, are in git log -p of this file.
constexpr Ratchet kRatchet[] = {
    {"clamshell", 2.55f, 0.2919f, 10},  // the overhead shape bounded along the nearest rotation of its corners' blend (hskin9, tools/model_generator/body_skin.cpp bound_distortion): 2.543x / 0.2920x / 0 (worst squash no longer the bottom armpit, torso (-6 133 -19) cm, 0.2608x, but the top arm's inner upper arm, humerus_r (-8 131 31) cm; worst stretch 2.541 -> 2.543x, the trunk beside the bottom armpit)
    {"figure4_self_test", 2.90f, 0.2690f, 10},  // min LOOSENED 0.2920 -> 0.2690 (hskin15: the cleft's skin that the turned-out flexion shape now slides is held from sinking, body_skin.cpp kCleftSlideBehind and its hold): 2.89x / 0.2696x / 0 (the worst squash now the back of the crossed thigh, femur_r (-10 78 7) cm, still inside the 0.2x goal; with the hold every drill's muscle poke-through out of the skin went down, the figure-4 -13%); before (hskin14: the crossed hip gives the turned-out shape its rotation's whole share): 2.89x / 0.2922x / 0. Earlier: min LOOSENED 0.2920 -> 0.2910 (hskin15, body_skin.cpp kCleftSlideBehind: the turned-out flexion shape's cleft slides, the buttock beside it, pelvis (-14 81 6) cm, 0.2922 -> 0.2912x, inside 0.2x; the price of the kneeling windmill's 36 -> 0): 2.89x / 0.2912x / 0; before: the hip turned out by its rotation alone given the turned-out flexion shape's whole share (hskin14, scene/body_pose.cpp hip_turned_out_share; with the other leg straight): 2.89x / 0.2922x / 0 (the buttock's triangle a side beside the cleft, pelvis (-14 81 +-6) cm, inside out through the hold, 21 + 21, gone: the issue's goal met; worst squash the back of the crossed thigh, femur_r (-10 78 7) cm -> the buttock, pelvis (-14 81 6) cm); before: inside-out reference the nearest rotation of the corners' blend (hskin5, nearest_rotation): count LOOSENED 50 -> 52, measured 40 -> 42: one buttock triangle a side 0.0002 on the wrong side of edge-on
    {"ir_pails_rails_9090", 2.90f, 0.2100f, 10},  // the skin with a little of the forearm slides in the shapes of an arm held with the elbow nearly straight (hskin4, body_skin.cpp kArmLocalForearmSlide): 2.89x / 0.2101x / 0 (the inner upper arm's long thin triangle, humerus_r (-5 128 25) cm, 200 + 200 inside out, gone: the issue's goal met)
    {"ir_pails_rails_supine", 2.78f, 0.2314f, 10},  // the turned-in shape given to a hip flexed past the skin's rest at 0.2 of its flexion weight, with the other leg straight (hskin16, scene/body_pose.cpp kTurnedInFlexedShare): 2.77x / 0.2315x / 0 (the side of the hip, femur_r (-1 85 17) cm, 0.1969x at 37-40 deg of internal rotation, 15 + 15, gone: the issue's goal met; worst squash now the right groin, pelvis (5 87 9) cm, at 39 deg, inside 0.2x); before: the straight flexion shape cut 0.26 (was 0.3) as the hip turns in with the other straight (hskin13, scene/body_pose.cpp kFlexTurnedInCutOtherStraight): 2.77x / 0.1969x / 30 (the right groin's triangle a side, pelvis (5 87 9) cm, edge-on and inside out at 35-40 deg, 9 + 9, gone; the side of the hip, femur_r (-1 85 17) cm, 0.1917 -> 0.1969x at 40 deg, 15 + 15 left); before: inside-out reference the nearest rotation of the corners' blend (hskin5, nearest_rotation): 2.77x / 0.1917x / 48 (inside out at the thigh's front 30 -> 18)
    {"tall_kneeling_foot_windmill", 2.80f, 0.2273f, 10},  // a shape per hip turned in 34 deg with both hips straight, its side's skin kept from sinking (hskin9; anatomy/hip_corrective.h kHipTurnedInCorrectiveDeg, tools/model_generator/body_skin.h hip_turned_in_corrective): 2.79x / 0.2274x / 0 (the same triangle a side, pelvis (-7 95 17) cm, inside out as the hip turns in 28-30 deg, 18 + 18, gone: the issue's goal met; worst squash the right upper arm at rest, humerus_r (-8 131 31) cm, inside 0.2x)
    // The half-kneeling windmill (issue 12), measured when it was added: the worst stretch at the
    // same spot as the tall-kneeling one's (the back thigh over the knee, femur_l), deeper here with
    // the back knee at 106-120 deg and the back hip in 17 deg of extension and 35 deg of external
    // rotation in the hold; the worst squash at the front of the pelvis as it turns over the front
    // thigh (25 deg of adduction at 72 deg of flexion). With the back-hip and knee shapes: 448 stretched /
    // 1954 squashed / 3572 turned (8058 before them). Re-posed so the back quadriceps rest (pelvis
    // tucked 6 deg, back knee 103-115 deg, back hip at most 8 deg of extension and 29 of external
    // rotation, front hip 30 deg out and turned in to 0 of adduction at 82 of flexion): worst
    // stretch 5.48x at the back thigh over the knee, worst squash 0.0231x on the back thigh,
    // 724 stretched / 752 squashed / 1218 turned.
    {"kneeling_windmill", 2.96f, 0.2075f, 10},  // the turned-out flexion shape slides the cleft's skin more of its own thigh than of the other (hskin15, tools/model_generator/body_skin.cpp kCleftSlideBehind): 2.95x / 0.2076x / 0 (the buttock's cleft triangle a side, pelvis (-13 82 +-1) cm, inside out at i = 12-19, 18 + 18, gone: the issue's goal met); before: inside-out reference the nearest rotation of the corners' blend (hskin5, nearest_rotation): count LOOSENED 30 -> 46, measured 20 -> 36: one triangle of the buttock's cleft a side, pelvis (-13 82 1) cm, i = 12-19 of 100, flagged now (0.0002-0.019 on the wrong side of the new reference; its normal 86 deg from its neighbours', a real crease the old reference passed)
    {"ninety_ninety_hip_switch", 3.00f, 0.1912f, 34},  // the parted crotch's shape's reach split front x1.2 / behind x0.9 (hskin17, tools/model_generator/model.cpp hip_flexion_pair_apart, kApart*): 2.99x / 0.1913x / 24 (stretched 2 -> 0: the perineum, pelvis (-1 78 0) cm, 3.0019x, gone; squashed 26 -> 10: the front of the crotch, pelvis (3 80 -2) cm, 0.1785x mid-switch, gone; inside out 14 left; the groin 15 + 15 -> 6 + 6, the armpit 4 + 4 left; worst squash now the front hip's groin, femur_l (4 81 -5) cm, at t = 64.6 s). Before: hskin15 with the hold (the cleft's sliding skin kept from sinking): 3.00x / 0.1785x / 42 (stretched 0 -> 2, squashed 28 -> 26, inside out 16 -> 14; the worst squash now the front of the crotch, pelvis (3 80 -2) cm, as the switch passes). Earlier: min LOOSENED 0.1642 -> 0.1634 (hskin15, body_skin.cpp kCleftSlideBehind: the turned-out flexion shape's cleft slides, and the parted crotch's shape made over it leaves the front hip's groin, femur (4 81 -5) cm, 0.1643 -> 0.1635x at the same frame; the price of the kneeling windmill's 36 -> 0): 3.00x / 0.1635x / 44; before: the back hip's own shape cut by 0.4 as it rises from the hold's 11 deg to 30 and on (hskin13, scene/body_pose.cpp hip_back_rise_keep): 3.00x / 0.1643x / 44 (stretched 14 -> 0: the perineum behind, pelvis (-3 78 0) cm, 3.0-3.18x as the back hip rises through 31-57 deg, gone; squashed 36 -> 28, inside out 20 -> 16; the groin 28 + 28 -> 15 + 15, the armpit 4 + 4 left; worst squash unchanged, the front hip's groin beside the crotch, femur (4 81 -5) cm); before: the back hip turned in given less of the turned-out flexion shape (hskin12, scene/body_pose.cpp hip_turned_out: the rotation's share signed) and the passing crotch's shape remade over the new weights (anatomy/hip_corrective.h kHipPassBack*): 3.18x / 0.1643x / 70 (squashed 52 -> 36, inside out 28 -> 20: the side of the back hip's pelvis, (-2 96 16) cm, 0.153-0.199x as it rises through 69-86 deg, gone; worst squash now the front hip's groin beside the crotch, femur (4 81 -5) cm, as the back hip passes 74 deg; worst stretch 3.176 -> 3.178x, the perineum behind); before: a shape per hip flexed with its knee bent (hskin11; anatomy/hip_corrective.h kHipKneeFlexed*, tools/model_generator/body_skin.h hip_knee_flexed_corrective: the lower thigh's skin with a tail of the pelvis's share relaxed at the hip flexed 105 deg, knee 90): 3.18x / 0.1531x / 94 (stretched 68 -> 14; the knee pair, one triangle a side at the back of the inner thigh, femur (4.8 59.5 +-4.3) cm, 3.12x mid-switch, 27 + 27, gone; worst stretch and squash unchanged); before: 3.18x / 0.1531x / 148: the parted crotch's shape relaxes the whole front of the crotch from where the hips' shapes put it (hskin8, tools/model_generator/model.cpp hip_flexion_pair_apart, front_over_hips): 3.18x / 0.1531x / 148 (stretched 66 -> 68, squashed 260 -> 52, inside out 78 -> 28; the groin 143 + 143 -> 40 + 40: the pair of triangles a side at the front of the crotch, (4 82 +-4) cm, 0.085x and inside out mid-switch, gone; worst stretch 3.169 -> 3.176x, the perineum behind, pelvis (-3 78 0) cm, as the switch passes; worst squash now the side of the pelvis, (-2 96 16) cm, as the back hip rises through 74 deg; knee 27 + 27 left, one triangle a side above the knee's front, (5 59 +-4) cm, 3.12x mid-switch)
    {"reverse_clamshell", 2.55f, 0.2919f, 10},  // the overhead shape bounded along the nearest rotation of its corners' blend (hskin9, tools/model_generator/body_skin.cpp bound_distortion): 2.543x / 0.2920x / 0 (as the clamshell)
    {"seated_band_internal_rotation", 2.55f, 0.2135f, 10},  // worst stretch 2.60 -> 2.54x with the hip-and-knee-flexed shape (hskin11; now the right thigh's front, femur_r (5 59 4) cm); before: hskin3 (session 33: the arm-overhead shape faded past the midline; every hip shape faded down the thigh; the straight hip-flexion shape cut as the hip turns in with the other flexed): 2.60x / 0.2136x / 0, the issue's goal met (the right groin, (5 87 9) cm, 0.137 -> 0.214x; its 36 + 36 under 0.2x gone)
    {"standing_cable_internal_rotation", 2.55f, 0.2399f, 10},  // a shape per hip turned in 34 deg with both hips straight, its side's skin kept from sinking (hskin9; anatomy/hip_corrective.h kHipTurnedInCorrectiveDeg, tools/model_generator/body_skin.h hip_turned_in_corrective): 2.54x / 0.2400x / 0 (the side of the pelvis behind the trochanter, pelvis (-7 95 17) cm, one triangle a side inside out (0.52x, its normal 102 deg from the reference) as the hip turns in 34 deg at 10 of flexion, 18 + 18, gone: the issue's goal met; worst stretch inside 3x, the chest at the armpit, torso (-6 133 -18) cm, at rest; worst squash the right upper arm at rest, humerus_r (-8 131 31) cm)
    // The comparison drills lie on the side posed as the clamshell (its arms: the bottom arm overhead
    // with the head on it, the top hand on the hip; its pelvis roll and trunk side-bend), so they
    // carry the clamshell's triangle-samples at the shoulders, the trunk and the neck; the straight
    // or more flexed legs add some at the bottom thigh and the pelvis.
    {"clamshell_30", 2.51f, 0.3079f, 10},  // the overhead shape bounded along the nearest rotation of its corners' blend (hskin9, tools/model_generator/body_skin.cpp bound_distortion): 2.50x / 0.3080x / 0 (the bottom armpit's triangle a side, humerus_l (-5 134 -20) cm, edge-on and 200 inside out, gone: the bound along the blend held it 0.004 on the wrong side of the test's reference at this drill's bottom arm, 155.6 deg of flexion; worst squash 0.2558x there -> the top arm's inner upper arm)
    {"clamshell_60", 2.55f, 0.2842f, 10},  // the overhead shape bounded along the nearest rotation of its corners' blend (hskin9, tools/model_generator/body_skin.cpp bound_distortion): 2.542x / 0.2843x / 0 (worst squash the top arm's inner upper arm, humerus_r (-8 131 31) cm, was the bottom armpit's 0.2609x)
    {"side_lying_hip_abduction", 2.58f, 0.2842f, 10},  // the overhead shape bounded along the nearest rotation of its corners' blend (hskin9, tools/model_generator/body_skin.cpp bound_distortion): 2.57x / 0.2843x / 0 (worst squash the top arm's inner upper arm, humerus_r (-8 131 31) cm, was the bottom armpit's 0.2609x; worst stretch inside 3x, the crotch behind, femur_r (-3 76 2) cm, as the leg tops out, where hskin7's abduction shape's crotch relaxes freely: its skin away from the midline kept from sinking over the top hip's abductors, muscle_poke_through_test's row 14 028, 71 473 relaxed freely)
};

struct Worst {
  float max_ratio = 0.0f, min_ratio = 1e9f;
  int flipped = 0, stretched = 0, squashed = 0;  // triangle-samples past the limits
  double max_t = 0.0, min_t = 0.0;
  std::string max_where, min_where;
  std::map<std::string, int> bad_at;  // triangle-samples past a limit, by the first corner's dominant joint
  std::map<std::string, std::array<int, 2>> bad_in;  // ... by body region (region_of), right / left working side
};

// The body region a skin vertex belongs to, by the bones its weights blend (over 5%) and where it
// sits at rest: where to look when a drill's figures change. "armpit": the shoulder's blend between
// arm and trunk; "chest": the trunk's own skin; "groin" / "buttock": the hip's blend in front of /
// behind the hip centre; "knee": thigh and shank blended; "neck": the head's blend with the trunk.
std::string region_of(const Model& m, const Mesh& mesh, const Vertex& v, const std::vector<glm::mat4>& bind_world) {
  bool arm = false, torso = false, pelvis = false, femur = false, shank = false, head = false;
  for (int k = 0; k < kMaxWeightsPerVertex; ++k) {
    if (v.weights[k] <= 0.05f) continue;
    const std::string& n = m.nodes[static_cast<std::size_t>(mesh.joint_nodes[v.joints[k]])].name;
    auto is = [&](const char* base) { return n.rfind(base, 0) == 0; };
    arm = arm || is("humerus") || is("forearm") || is("hand");
    torso = torso || is("torso");
    pelvis = pelvis || is("pelvis");
    femur = femur || is("femur");
    shank = shank || is("tibia") || is("calcn") || is("toes") || is("talus");
    head = head || is("head");
  }
  if (arm && torso) return "armpit";
  if (arm) return "arm";
  if (head) return "neck";
  if (femur && shank) return "knee";
  if (shank) return "shank/foot";
  if (femur && pelvis) {
    const int hip = m.find_node(v.position.z >= 0.0f ? "femur_r" : "femur_l");
    const float hip_x = hip >= 0 ? bind_world[static_cast<std::size_t>(hip)][3].x : 0.0f;
    return v.position.x >= hip_x ? "groin" : "buttock";
  }
  if (femur) return "thigh";
  if (torso) return "chest";
  return "pelvis";
}

// Where a triangle sits, for the message: its first corner's dominant joint and rest position (cm).
std::string joint_of(const Model& m, const Mesh& mesh, const Vertex& v) {
  int k = 0;
  for (int j = 1; j < kMaxWeightsPerVertex; ++j)
    if (v.weights[j] > v.weights[k]) k = j;
  return m.nodes[static_cast<std::size_t>(mesh.joint_nodes[v.joints[k]])].name;
}
std::string joint_name(const Model& m, const Mesh& mesh, const Vertex& v) {
  int k = 0;
  for (int j = 1; j < kMaxWeightsPerVertex; ++j)
    if (v.weights[j] > v.weights[k]) k = j;
  char at[64];
  std::snprintf(at, sizeof at, " (%.0f %.0f %.0f)", 100.0 * v.position.x, 100.0 * v.position.y, 100.0 * v.position.z);
  return m.nodes[static_cast<std::size_t>(mesh.joint_nodes[v.joints[k]])].name + at;
}

// The rotation nearest a blend of rotations (the orthogonal factor of its polar decomposition, by
// Newton's iteration X <- (X + X^-T) / 2, each step scaled by its determinant's cube root).
glm::mat3 nearest_rotation(glm::mat3 x) {
  // Most triangles lie on one bone: their blend is already a (scaled) rotation.
  const float d0 = glm::determinant(x);
  if (d0 > 1e-12f) {
    const glm::mat3 u = x / std::cbrt(d0), e = glm::transpose(u) * u - glm::mat3(1.0f);
    float off = 0.0f;
    for (int c = 0; c < 3; ++c) off = std::max(off, glm::length(e[c]));
    if (off < 1e-5f) return u;
  }
  for (int it = 0; it < 30; ++it) {
    const float d = glm::determinant(x);
    if (std::abs(d) < 1e-12f) break;
    const float g = std::cbrt(std::abs(d));
    const glm::mat3 next = 0.5f * (x / g + g * glm::transpose(glm::inverse(x)));
    float diff = 0.0f;
    for (int c = 0; c < 3; ++c) diff += glm::length(next[c] - x[c]);
    x = next;
    if (diff < 1e-4f) break;
  }
  return x;
}

glm::mat3 blend_rotation(const std::vector<glm::mat4>& skin, const Vertex& v) {
  glm::mat4 b(0.0f);
  for (int k = 0; k < kMaxWeightsPerVertex; ++k)
    if (v.weights[k] > 0.0f) b += v.weights[k] * skin[v.joints[k]];
  return glm::mat3(b);
}

}  // namespace

TEST_CASE("the skin stretch test's inside-out reference: the rotation nearest a blend of two rotations") {
  const glm::vec3 z(0.0f, 0.0f, 1.0f);
  const glm::mat3 turned(glm::rotate(glm::mat4(1.0f), glm::radians(170.0f), z));
  const glm::mat3 halfway(glm::rotate(glm::mat4(1.0f), glm::radians(85.0f), z));
  // The armpit side-lying: half on the trunk (unturned), half on the arm turned 170 deg.
  const glm::mat3 blend = 0.5f * (glm::mat3(1.0f) + turned);
  const glm::mat3 r = nearest_rotation(blend);
  for (int c = 0; c < 3; ++c)
    for (int k = 0; k < 3; ++k) CHECK(r[c][k] == doctest::Approx(halfway[c][k]).epsilon(1e-4));
  // The blend itself is no rotation: it shrinks the turned plane to cos 85 deg = 0.087.
  CHECK(glm::length(blend * glm::vec3(1.0f, 0.0f, 0.0f)) == doctest::Approx(0.0872).epsilon(1e-3));
  // A rotation, scaled (three corners' sum), is its own nearest rotation.
  const glm::mat3 three = 3.0f * turned;
  const glm::mat3 back = nearest_rotation(three);
  for (int c = 0; c < 3; ++c)
    for (int k = 0; k < 3; ++k) CHECK(back[c][k] == doctest::Approx(turned[c][k]).epsilon(1e-4));
}

TEST_CASE("the body skin poses without tearing in every frame of every built-in drill") {
  const std::string glb = std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb";
  auto model = load_model(glb);
  REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().message));
  const Model& m = model.value();
  REQUIRE(is_body_model(m));
  int skin_index = -1;
  for (std::size_t i = 0; i < m.meshes.size(); ++i)
    if (m.meshes[i].skinned) skin_index = static_cast<int>(i);
  REQUIRE_MESSAGE(skin_index >= 0, glb << " has no skinned body surface");
  const Mesh& skin_mesh = m.meshes[static_cast<std::size_t>(skin_index)];
  const std::size_t tris = skin_mesh.indices.size() / 3;

  // Rest areas and normals: the mesh as authored (the skin's rest shape: the inverse bind matrices
  // map it to the joints, so it need not be the nodes' bind pose).
  NodeTransforms pose = NodeTransforms::bind(m);
  const std::vector<glm::mat4> bind_world = pose.world;
  std::vector<glm::mat4> skin;
  std::vector<glm::vec3> rest(skin_mesh.vertices.size()), posed(skin_mesh.vertices.size()), morphed;
  std::vector<glm::mat3> rot(skin_mesh.vertices.size());
  for (std::size_t v = 0; v < rest.size(); ++v) rest[v] = skin_mesh.vertices[v].position;
  std::vector<float> rest_area(tris);
  std::vector<glm::vec3> rest_normal(tris);
  int slivers = 0;
  for (std::size_t t = 0; t < tris; ++t) {
    const glm::vec3 a = rest[skin_mesh.indices[3 * t]], b = rest[skin_mesh.indices[3 * t + 1]], c = rest[skin_mesh.indices[3 * t + 2]];
    const glm::vec3 n = glm::cross(b - a, c - a);
    rest_area[t] = 0.5f * glm::length(n);
    rest_normal[t] = n;
    if (rest_area[t] < kMinRestArea) ++slivers;
  }
  CHECK_MESSAGE(slivers * 1000 < static_cast<int>(tris), slivers << " of " << tris << " skin triangles are slivers");

  const DrillFolder drills = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(drills.errors.empty());
  REQUIRE(!drills.drills.empty());
  std::printf("skin stretch (%zu triangles): drill  max area ratio (where, t)  min area ratio (where, t)  "
              "triangle-samples >3x / <0.2x / inside out\n",
              tris);
  for (const Drill& drill : drills.drills) {
    Worst w;
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE(tl.ok());
      for (int i = 0; i < 100; ++i) {
        const double time = tl->duration() * i / 99.0;
        const DrillFrame f = tl->evaluate(time);
        pose_body_model(m, BodyPoseInput{f.legs, f.upper, f.pelvis_world}, pose);
        skin_matrices(m, pose, skin_index, skin);
        const glm::mat4 nw = pose.world[static_cast<std::size_t>(std::max(skin_mesh.node, 0))];
        // The morph targets (the arms', hips' and knees' correctives) at the pose's weights, as the renderer
        // blends them (render/gpu_models.cpp) before skinning.
        const std::vector<float>& mw = pose.morph_weights[static_cast<std::size_t>(skin_index)];
        // morphed_vertex's positions, a target at a time (the same sums).
        const bool morphs = morphed_positions(skin_mesh, mw, morphed);
        for (std::size_t v = 0; v < posed.size(); ++v) {
          const Vertex& x = skin_mesh.vertices[v];
          posed[v] = skin_position(skin_mesh, skin, nw, x, morphs ? morphed[v] : x.position);
          rot[v] = blend_rotation(skin, skin_mesh.vertices[v]);
        }
        const char* side_name = side == anatomy::Side::kRight ? "R" : "L";
        for (std::size_t t = 0; t < tris; ++t) {
          if (rest_area[t] < kMinRestArea) continue;
          const std::uint32_t i0 = skin_mesh.indices[3 * t], i1 = skin_mesh.indices[3 * t + 1], i2 = skin_mesh.indices[3 * t + 2];
          const glm::vec3 n = glm::cross(posed[i1] - posed[i0], posed[i2] - posed[i0]);
          const float ratio = 0.5f * glm::length(n) / rest_area[t];
          const glm::vec3 expected = nearest_rotation(rot[i0] + rot[i1] + rot[i2]) * rest_normal[t];
          const bool flipped = glm::dot(n, expected) < 0.0f;
          w.flipped += flipped;
          w.stretched += ratio > kMaxStretch;
          w.squashed += ratio < kMinSquash;
          if (flipped || ratio > kMaxStretch || ratio < kMinSquash) {
            ++w.bad_at[joint_of(m, skin_mesh, skin_mesh.vertices[i0])];
            ++w.bad_in[region_of(m, skin_mesh, skin_mesh.vertices[i0], bind_world)][side == anatomy::Side::kRight ? 0 : 1];
          }
          if (ratio > w.max_ratio) {
            w.max_ratio = ratio;
            w.max_t = time;
            w.max_where = std::string(side_name) + " " + joint_name(m, skin_mesh, skin_mesh.vertices[i0]);
          }
          if (ratio < w.min_ratio) {
            w.min_ratio = ratio;
            w.min_t = time;
            w.min_where = std::string(side_name) + " " + joint_name(m, skin_mesh, skin_mesh.vertices[i0]);
          }
        }
      }
    }
    std::printf("  %-34s max %6.2f (%s, t=%.2f)  min %6.4f (%s, t=%.2f)  %d / %d / %d\n", drill.id.c_str(), w.max_ratio,
                w.max_where.c_str(), w.max_t, w.min_ratio, w.min_where.c_str(), w.min_t, w.stretched, w.squashed, w.flipped);
    if (!w.bad_at.empty()) {
      std::printf("    past a limit, by joint:");
      for (const auto& [joint, count] : w.bad_at) std::printf(" %s %d", joint.c_str(), count);
      std::printf("\n");
      std::printf("    by region (right + left working side):");
      for (const auto& [region, count] : w.bad_in) std::printf(" %s %d+%d", region.c_str(), count[0], count[1]);
      std::printf("\n");
    }
    INFO(drill.id);
    const int past = w.stretched + w.squashed + w.flipped;
    WARN_MESSAGE(w.max_ratio <= kMaxStretch, "goal: a triangle stretched " << w.max_ratio << "x at " << w.max_where << " t=" << w.max_t);
    WARN_MESSAGE(w.min_ratio >= kMinSquash, "goal: a triangle squashed to " << w.min_ratio << "x at " << w.min_where << " t=" << w.min_t);
    WARN_MESSAGE(w.flipped == 0, "goal: " << w.flipped << " triangle-samples turned inside out");
    const Ratchet* r = nullptr;
    for (const Ratchet& x : kRatchet)
      if (drill.id == x.drill) r = &x;
    if (!r) {  // a new drill meets the goal
      CHECK(w.max_ratio <= kMaxStretch);
      CHECK(w.min_ratio >= kMinSquash);
      CHECK(w.flipped == 0);
      continue;
    }
    CHECK_MESSAGE(w.max_ratio <= r->max_ratio, "worse than reached: stretched " << w.max_ratio << "x at " << w.max_where << " t=" << w.max_t);
    CHECK_MESSAGE(w.min_ratio >= r->min_ratio, "worse than reached: squashed to " << w.min_ratio << "x at " << w.min_where << " t=" << w.min_t);
    CHECK_MESSAGE(past <= r->past_limit, "worse than reached: " << past << " triangle-samples past a limit");
  }
}

// The arm overhead side-lying (the head resting on it) keeps its girth: the skin wholly on the
// upper arm and forearm, from 12 cm out from the shoulder to the wrist, lies as far from its bone's
// axis posed (the clamshell's rest, both working sides) as at rest. The overhead corrective's
// relaxation, free over the whole arm, had flattened it into a thin ribbon (looked at from the
// clamshell's therapist's view): mean 0.87 / 0.83 of rest, the thinnest tenth 0.60 / 0.44. Now the
// arm's own skin from 20 cm out holds to its bones in that shape (tools/model_generator/
// body_skin.cpp, kOverheadRigidFrom): mean 0.986 both sides, the thinnest tenth 1.00.
TEST_CASE("side-lying, the arm under the head keeps its girth") {
  auto model = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().message));
  const Model& m = model.value();
  int skin_index = -1;
  for (std::size_t i = 0; i < m.meshes.size(); ++i)
    if (m.meshes[i].skinned) skin_index = static_cast<int>(i);
  REQUIRE(skin_index >= 0);
  const Mesh& mesh = m.meshes[static_cast<std::size_t>(skin_index)];
  const DrillFolder drills = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  const Drill* clam = nullptr;
  for (const Drill& d : drills.drills)
    if (d.id == "clamshell") clam = &d;
  REQUIRE(clam);
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    // Working right, the body lies on its left side: the left arm is under the head.
    const std::string sfx = side == anatomy::Side::kRight ? "_l" : "_r";
    const int hum = m.find_node("humerus" + sfx), fore = m.find_node("forearm" + sfx), hand = m.find_node("hand" + sfx);
    REQUIRE((hum >= 0 && fore >= 0 && hand >= 0));
    auto tl = Timeline::build(*clam, side);
    REQUIRE(tl.ok());
    const DrillFrame f = tl->evaluate(0.0);
    NodeTransforms pose = NodeTransforms::bind(m);
    pose_body_model(m, BodyPoseInput{f.legs, f.upper, f.pelvis_world}, pose);
    std::vector<glm::mat4> skin;
    skin_matrices(m, pose, skin_index, skin);
    const glm::mat4 nw = pose.world[static_cast<std::size_t>(std::max(mesh.node, 0))];
    const std::vector<float>& mw = pose.morph_weights[static_cast<std::size_t>(skin_index)];
    // The skin's rest shape is not the nodes' bind pose (its arms are raised clear of the trunk):
    // each bone's axis at rest is its posed axis taken back by that bone's skinning matrix.
    auto joint = [&](int node) {
      for (std::size_t j = 0; j < mesh.joint_nodes.size(); ++j)
        if (mesh.joint_nodes[j] == node) return j;
      return mesh.joint_nodes.size();
    };
    auto origin = [&](int node) { return glm::vec3(pose.world[static_cast<std::size_t>(node)][3]); };
    auto rest_of = [&](int bone, glm::vec3 p) {
      return glm::vec3(glm::inverse(skin[joint(bone)]) * glm::vec4(p, 1.0f));
    };
    auto axis_distance = [](glm::vec3 p, glm::vec3 a, glm::vec3 b) {
      const glm::vec3 d = glm::normalize(b - a);
      const glm::vec3 r = p - a;
      return glm::length(r - glm::dot(r, d) * d);
    };
    REQUIRE((joint(hum) < skin.size() && joint(fore) < skin.size()));
    const glm::vec3 shoulder_rest = rest_of(hum, origin(hum));
    std::vector<float> ratio;
    for (std::size_t v = 0; v < mesh.vertices.size(); ++v) {
      const Vertex& vx = mesh.vertices[v];
      float upper = 0.0f, lower = 0.0f;
      for (int k = 0; k < kMaxWeightsPerVertex; ++k) {
        const int node = mesh.joint_nodes[vx.joints[k]];
        if (node == hum) upper += vx.weights[k];
        if (node == fore) lower += vx.weights[k];
      }
      if (upper + lower < 0.999f || glm::distance(vx.position, shoulder_rest) < 0.12f) continue;
      const int a = upper >= lower ? hum : fore, b = upper >= lower ? fore : hand;
      const float rest = axis_distance(vx.position, rest_of(a, origin(a)), rest_of(a, origin(b)));
      if (rest < 0.01f) continue;
      const glm::vec3 p = skin_position(mesh, skin, nw, morphed_vertex(mesh, v, mw));
      ratio.push_back(axis_distance(p, origin(a), origin(b)) / rest);
    }
    REQUIRE(ratio.size() > 200);
    std::sort(ratio.begin(), ratio.end());
    double mean = 0.0;
    for (float r : ratio) mean += r;
    mean /= static_cast<double>(ratio.size());
    const float p10 = ratio[ratio.size() / 10];
    std::printf("side-lying (%s working), arm under the head: girth posed/rest over %zu vertices: mean %.3f, 10th percentile %.3f\n",
                side == anatomy::Side::kRight ? "right" : "left", ratio.size(), mean, p10);
    CHECK(mean > 0.95);
    CHECK(p10 > 0.9);
  }
}

// The hip-abduction shape (anatomy/hip_corrective.h kHipAbductedCorrectiveDeg; tools/model_generator/
// body_skin.h hip_abduction_corrective) slides the skin of the abducted hip's side along the surface
// but sinks none of it: relaxed freely, it lay in over the top hip's abductors in the side-lying
// abduction (tests/scene/muscle_poke_through_test.cpp: that drill's muscle vertex-samples out of the
// skin 17 536 -> 71 473). At the shape's own pose (the right hip abducted 25 deg, both hips and
// knees straight; its weight 1 there), the skin vertices of the right side 3 cm or more from the
// midline at rest are moved by the shape inward along the posed surface's normal (without the
// shape) by less than 4 mm, and few of them by more than 1 mm. The generator holds each along its
// rest normal turned by its blended rotation; a slide s along the curved hip (radius R) reads as
// about s^2 / 2R inward on the posed normal (3 cm over 10 cm: 4.5 mm). Measured: 1 013 vertices
// moved, 49 more than 1 mm inward, the deepest 3.0 mm; the shape relaxed freely (commit ce95fb2's
// model), 877 more than 1 mm, the deepest 26.4 mm.
TEST_CASE("the hip-abduction shape sinks none of the abducted hip's side") {
  auto model = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().message));
  const Model& m = model.value();
  int skin_index = -1, target = -1;
  for (std::size_t i = 0; i < m.meshes.size(); ++i)
    for (std::size_t t = 0; t < m.meshes[i].morph_targets.size(); ++t)
      if (m.meshes[i].morph_targets[t].name == "hip_abduction_r") skin_index = static_cast<int>(i), target = static_cast<int>(t);
  REQUIRE_MESSAGE(skin_index >= 0, "the body model's skin has no 'hip_abduction_r' morph target");
  const Mesh& mesh = m.meshes[static_cast<std::size_t>(skin_index)];
  anatomy::LegAngles legs;
  legs.leg(anatomy::Side::kRight)[anatomy::LegCoord::kHipAdduction] = deg_to_rad(anatomy::kHipAbductedCorrectiveDeg);
  NodeTransforms pose = NodeTransforms::bind(m);
  pose_body_model(m, BodyPoseInput{legs, {}, glm::dmat4(1.0)}, pose);
  std::vector<float> with = pose.morph_weights[static_cast<std::size_t>(skin_index)];
  REQUIRE(with[static_cast<std::size_t>(target)] == doctest::Approx(1.0f));
  std::vector<float> without = with;
  without[static_cast<std::size_t>(target)] = 0.0f;
  std::vector<glm::mat4> skin;
  skin_matrices(m, pose, skin_index, skin);
  const glm::mat4 nw = pose.world[static_cast<std::size_t>(std::max(mesh.node, 0))];
  auto posed = [&](const std::vector<float>& w) {
    std::vector<glm::vec3> morphed, out(mesh.vertices.size());
    const bool morphs = morphed_positions(mesh, w, morphed);
    for (std::size_t v = 0; v < out.size(); ++v) out[v] = skin_position(mesh, skin, nw, mesh.vertices[v], morphs ? morphed[v] : mesh.vertices[v].position);
    return out;
  };
  const std::vector<glm::vec3> a = posed(without), b = posed(with);
  std::vector<glm::vec3> normal(a.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
    const glm::vec3 n = glm::cross(a[i1] - a[i0], a[i2] - a[i0]);
    normal[i0] += n, normal[i1] += n, normal[i2] += n;
  }
  int moved = 0, sunk = 0;
  float deepest = 0.0f;
  for (std::size_t v = 0; v < a.size(); ++v) {
    if (mesh.vertices[v].position.z < 0.03f || glm::length(normal[v]) <= 0.0f) continue;
    const glm::vec3 d = b[v] - a[v];
    if (glm::length(d) < 1e-4f) continue;
    ++moved;
    const float in = -glm::dot(d, glm::normalize(normal[v]));
    deepest = std::max(deepest, in);
    sunk += in > 0.001f;
  }
  std::printf("hip-abduction shape at its pose: %d skin vertices of the right side moved, %d more than 1 mm inward, deepest %.2f mm\n", moved,
              sunk, 1000.0f * deepest);
  CHECK(moved > 500);  // it relaxes the side's skin
  CHECK(sunk <= 60);
  CHECK(deepest < 0.004f);
}
