// body_skin.cpp — see body_skin.h.
#include "body_skin.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

#include "anatomy/hip_corrective.h"
#include "anatomy/skeleton.h"
#include "anatomy/upper_body.h"
#include "detmath.h"
#include "sdf.h"

namespace hiplab::modelgen {
using namespace sdf;
using glm::vec3;

namespace {

float seg_dist(vec3 p, vec3 a, vec3 b) { return capsule(p, a, b, 0.0f); }

// Blend widths (m along the surface, see SkinBone), and how many rounds the weights are averaged
// with their mesh neighbours (each round reaches one edge, ~1 cm, further).
constexpr float kLumbar = 0.10f, kNeck = 0.06f;
constexpr float kHipPelvisSide = 0.12f, kHipThighSide = 0.12f;
constexpr float kKnee = 0.08f;
// The ankle's blend 7 cm each side (its reach kReachAnkle 9 cm), was 5 (7): the 90/90s rest the
// feet pointed on the floor, and the front of the ankle folded (the 90/90 PAILs/RAILs' worst squash,
// calcn_l (6 8 -6) cm, 0.166x; with this blend no foot triangle under 0.2x there, its shank/foot
// samples past a limit 200 -> 100 a side, the 90/90 switch's 156 -> 100; skin stretch test).
constexpr float kAnkle = 0.07f;
// The toes' blend spans the ball of the foot: the kneeling drills tuck the toes under (mtp 60 deg
// of extension, assets/drills/tall_kneeling_foot_windmill.json and kneeling_windmill.json), and a
// blend of 2 cm each side of the joint (with its reach kReachToes 5 cm) folded the skin over the
// top of the ball into a few triangles. Measured (tests/scene/skin_stretch_test.cpp, both working
// sides; tall-kneeling windmill's shank/foot triangle-samples past a limit a side, its worst
// squash; the kneeling windmill's): 2 cm 1 200, 0.116x (toes_r (26 9 12)); 600; 3.5 cm 1 000, -;
// 500; 5 cm 800; 400; 6.5 cm (reach 11 cm; these) 600, 0.239x (no foot triangle under 0.2x); 300;
// 8 cm (reach 13 cm) 600, 0.199x (calcn); 300. The rest past a limit there were the top of the
// forefoot turned inside out (calcn, 300 a side), since taken by the tucked toes' shape
// (foot_corrective, kFootCorrective*).
constexpr float kToes = 0.065f;
constexpr float kShoulderTrunkSide = 0.08f, kShoulderArmSide = 0.12f;
// The elbow's blend: 10 cm each side (with its reach kReachElbow 11 cm), was 7 (8): the drills hold
// the elbows bent 45-80 deg (the hand on the hip or the thigh, anatomy/upper_body.h), and the inside
// of the elbow's few blended triangles collapsed. Measured (skin stretch test, all thirteen drills'
// triangle-samples past a limit, with the arm shapes bounded as below): 7 cm 18 552; 8.5 cm 16 550;
// 10 cm 16 158 (the side-lying drills' arm 200 -> 100 a side, standing cable 636 -> 436,
// tall-kneeling windmill's arm 400 -> 200 a side, supine PAILs/RAILs 3 482 -> 2 282). Its price: the
// supine PAILs/RAILs' single worst triangle (the armpit of the arm reaching across to the other
// knee, humerus_l (-4 136 -23)) 0.0563x with 7 cm, 0.0314x with 8.5 cm, 0.0260x with 10 cm.
constexpr float kElbow = 0.10f, kWrist = 0.03f;
// On the pelvis's side of the hip the width narrows toward the midline (down to a quarter at the
// perineum): the groin and buttock take the hip's bend, the crotch stays with the pelvis instead
// of following both thighs (it tore between them in the 90/90).
constexpr float kHipMidlineShare = 0.25f;
// The crotch's weights averaged across the midline after the halves are mirrored (build_body_skin,
// step 5): the skin blended between the pelvis and a thigh within this of the midline, this many
// rounds (each reaches one edge, ~1 cm, further).
constexpr float kCrotchSmoothHalfWidth = 0.04f;
constexpr int kCrotchSmoothRounds = 20;
// Behind the crotch (the perineum), within this of the midline, the difference between the two
// thighs' shares is scaled down linearly to none on the plane (build_body_skin, step 6); the
// evening fades out forward between kCrotchEvenFrontFrom and kCrotchEvenFrontTo (rest x, m; +x
// forward, the hip centres at x = 0). Measured (tests/scene/skin_stretch_test.cpp, all thirteen
// drills' triangle-samples past a limit, and the 90/90 switch's worst stretch / squash): before
// 26 516, 5.55x / 0.0237x; half-width 1.2 / 1.5 / 2 / 2.5 / 3.5 cm, not faded forward, 25 338 /
// - / 25 840 / 26 702 / 37 936 (3.5 cm reaches the inner thighs where they touch: 11.6x), the
// switch's squash 0.0036 / - / 0.0054 / 0.0030x (the front of the crotch, (2 81 1) cm, pressed
// between the flexed thighs: evened, it follows neither); faded forward over 0-2 cm: 1.2 cm 25 126,
// 3.66x / 0.0235x; 1.5 cm 25 154, 3.54x / 0.0235x; over -0.5-1.5 cm (these): 1.2 cm 25 112,
// 3.66x; 1.5 cm 25 154, 3.54x / 0.0237x; 1.8 cm 25 390, 4.45x.
constexpr float kCrotchEvenHalfWidth = 0.015f;
constexpr float kCrotchEvenFrontFrom = -0.005f, kCrotchEvenFrontTo = 0.015f;
constexpr int kSmoothRounds = 12;
// The reaches below hold a neighbour's share near the joint before the averaging (step 3); the
// averaging then carries a tail of it further. Down the back of the inner thigh the pelvis's tail
// reaches the knee: the 90/90 switch's one triangle a side above the back of the knee (triangles
// 3007/15007, femur (4.8 59.5 +-4.3) cm, 7.5 cm behind the knee's centre and 4 medial, 30 cm from
// the hip's) has 3% of the pelvis at one corner and under 1% (dropped) at the others, so it
// stretches with the hip's flexion, not the knee's: at 92-95 deg of knee flexion 2.84x with the hip
// flexed 96 deg, 3.12x at 110 (tests/scene/skin_stretch_test.cpp, 27 + 27 samples past 3x; no hip
// shape moves it; the knee-flexion shape adds 0.11x). Tried and not kept (hskin10; all thirteen
// drills' triangle-samples past a limit, 274 before): every neighbour's share cut again by its
// reach after the averaging, 13 516 (the armpits and necks torn); the pelvis's alone, 862
// (that pair gone, the switch's stretched 68 -> 12, but the groin squashed: the inner thigh at
// (1 75 2) cm, 16 cm from the hip, follows the pelvis in the flexed drills; figure-4 42 -> 318,
// kneeling windmill 36 -> 288); the pelvis's faded out from 27 to 33 cm from the hip, 740, or along
// the thigh from 22-28 / 25-31 cm, 2 534 / 1 072 (the inner thigh above, (2 65 4) cm, then squashed
// to 0.002-0.04x in the 90/90s); every blend's tail kept down to 0.2% / 0.01% (not 1%, step 3's
// end), 1 926 / 4 574 (the same inner thigh, (4 63 -4) cm, 0.09x); the pelvis's share only within
// 11-14 cm of the knee's centre cut, 1 070 (the pair gone, but again (2 65 4) cm squashed to
// 0.0055x in the switch, though its own weights, 16 cm from the knee, did not change: the knee's
// shapes; with them off that skin's samples past a limit, (0-8 60-70 2-6) cm, 314 -> 16: the
// knee-flexion shape pins any skin with a share of the pelvis, so the cut tail let the back of the
// inner thigh slide in its relaxation); the same cut in the weights the model carries only, the
// shapes made with the weights as now, 898 (the switch's inner thigh, (2 65 -4) cm, 0.027x: the
// pelvis's share there is a few per cent, and cut over 3 cm it parts the skin as the hip flexes).
// That tail is load-bearing; kept, and the pair mended by a shape of the hip flexed with the knee
// bent (hskin11, hip_knee_flexed_corrective: that tail's skin relaxed with its neighbours at the
// switch's pose; the switch 148 -> 94, the pair's 27 + 27 gone).
constexpr float kReachLumbar = 0.18f, kReachNeck = 0.10f, kReachHip = 0.13f, kReachKnee = 0.09f, kReachAnkle = 0.09f,
                kReachToes = 0.11f, kReachShoulder = 0.11f, kReachElbow = 0.11f, kReachWrist = 0.06f;

// The arm-overhead corrective (arm_overhead_corrective): vertices with more than this share of
// the arm and of the trunk are relaxed, and this many rings of mesh around them (~1 cm each; 32
// reaches as far as the sliding skin goes); rounds of relaxation (enough for that band to settle:
// 48 rings and 3 000 rounds gave the same stretch-test counts).
constexpr double kCorrectiveMinArm = 0.03;
constexpr int kCorrectiveIterations = 2000;
constexpr int kCorrectiveGrowRings = 32;
// In the overhead shape the skin wholly on the upper arm and forearm (this share of its weights)
// from this far out from the shoulder joint (m; the elbow is ~30 cm out) stays on its bones: left
// free to slide with the rest of the arm, the relaxation (whose smoothing shrinks a tube) flattened
// the raised arm into a thin ribbon (tests/scene/skin_stretch_test.cpp, its girth). From 12 cm the
// armpit's few worst triangles got worse (0.12 -> 0.064x); from 20 cm, 0.12 -> 0.066x.
constexpr float kOverheadRigidArm = 0.999f;
constexpr double kOverheadRigidFrom = 0.20;
// The skin of the neck (head weight under this) slides with the chest and the arm: pinned, the top
// of the shoulder between the raised arm and the neck had nowhere to go and was squashed to 0.014x.
constexpr float kCorrectiveNeckSlide = 0.9f;
// The overhead shape fades out across the midline: its offsets are scaled by 1 - smoothstep of how
// far a vertex lies past the midline, on the other arm's side, from kOverheadFarSideFrom to
// kOverheadFarSideTo (m, |z| at rest). The neck's blend is relaxed as a whole with the head bent
// (arm_corrective), so the shape moved the top of the other shoulder, where side-lying the other
// arm's shape (the hand on the hip) moves it too; the two added stretched one triangle at the top
// of the upper shoulder, behind the neck (torso (-11 148 18) cm at rest: 3.11-3.13x in the five
// side-lying drills at rest, 200 triangle-samples past 3x each). Measured (tests/scene/
// skin_stretch_test.cpp, the side-lying drills' worst stretch and their triangle-samples past a
// limit; no other drill changes): none past the midline (0-4 cm), 4.57-4.72x, +200 each (the far
// side of the neck's base, (-6 148 11) cm, left where the blend puts it under the bent head);
// 8-14 cm 2.82-2.92x, 0 past 3x; 12-18 cm 2.58-2.61x, -200 each; 10-16 cm (these) 2.50-2.54x, -200
// each.
constexpr double kOverheadFarSideFrom = 0.10, kOverheadFarSideTo = 0.16;
// Each relaxation step moves a free vertex this share of the way to its neighbours' centroid
// (Laplacian smoothing) and the rest to where its turned rest edges put it: the turned edges alone
// ask the band for folds where the rotation between arm and trunk changes fastest.
constexpr double kCorrectiveEven = 0.08;
// The pose the corrective is made for has the head bent this far toward the raised arm: the arm is
// overhead only side-lying, where the head rests on it with the neck bent 40 deg toward the mat
// (assets/drills/clamshell.json, _neck; the other side-lying drills share the pose). Made with the
// neck straight, the skin between the bent neck and that shoulder stayed folded.
constexpr double kCorrectiveNeckBendDeg = 40.0;
// After the relaxation, the arm's band is held to bounded distortion (bound_distortion): no
// triangle's area under kBoundLo or over kBoundHi times its rest area, none inside out, with a
// margin inside the issue's 0.2-3x; sweeps of it, and the smoothing between sweeps.
constexpr double kBoundLo = 0.3, kBoundHi = 2.6, kBoundEven = 0.02;
// The shapes of the arms below the horizontal (arm_corrective with the neck straight) are bounded
// as long as the overhead one, smoothed as little, and to a wider margin (kArmBoundLo-kArmBoundHi):
// the drills hold the arm a few degrees from the shape's key pose (the side-lying top arm at
// (-31, -10) and the tall-kneeling windmill's at (-35, -2) deg of flexion and abduction, the key
// (-33, -6)), where a triangle held at 0.3x in the key pose fell to 0.10-0.15x. Measured (skin
// stretch test, all thirteen drills' triangle-samples past a limit; sweeps / smoothing / bounds,
// with the elbow's old 7 cm blend and the toes' blend noted): 1 500 / 0.02 / 0.3-2.6x, toes 2 cm,
// 25 154 (before); 6 000 / 0.005 / 0.3-2.6x, toes 3.5 cm, 20 188 (but the tall-kneeling arm's
// worst squash 0.116 -> 0.100x); 6 000 / 0.01 / 0.3-2.6x: the side-lying top shoulder 3.18 ->
// 3.54x; 6 000 / 0.005 / 0.4-2.3x (these), toes 5 cm, 19 152 (the tall-kneeling arm 0.154x, the
// standing cable's worst stretch 3.30 -> 2.95x, seated 672 -> 72); 0.45-2.2x with 16 rings around
// the band (and elbow 10 cm, toes 6.5 cm) no fewer than 0.4-2.3x. The overhead shape is bounded to
// the same 0.4-2.3x (was 0.3-2.6x): side-lying, the back of the bottom armpit (torso (-6 133 -19) cm)
// 0.167 -> 0.26x, each side-lying drill 200 samples past a limit fewer; the top shoulder's worst
// stretch 3.11 -> 3.18x (3.18-3.21x before these changes).
constexpr int kArmBoundSweeps = 6000;
constexpr double kArmBoundEven = 0.005, kArmBoundLo = 0.4, kArmBoundHi = 2.3;
// The overhead shape's band is bounded longer and smoothed less between sweeps: with the arms'
// 1500 sweeps and 0.02 the smoothing held a few triangles at the back of the armpit squashed
// (0.07x in the shape's own pose, 0.046x side-lying with the head on the arm: the side-lying
// drills' worst, issue 12 asks 0.2x; the shape off, 0.051x and ten times as many triangles).
// Measured (tests/scene/skin_stretch_test.cpp, the clamshell at rest, the bottom armpit's worst
// squash and the drill's triangle-samples past a limit): 1500 / 0.02: 0.046x, 2 800; 6000 / 0.02:
// 0.12x, 2 800 (clamshell_30 3 000 -> 3 200); 6000 / 0.005: 0.167x, 1 600 (these); 8000 / 0.0025:
// 1 200 but the worst stretch 3.18 -> 3.23x; 10 000 / 0: every triangle of the shape's own pose
// within 0.3-2.6x, but side-lying (the arm 1 deg and the trunk 4.5 deg from that pose) the back of
// the armpit stretched 5.3x: unsmoothed, the bounded band is creased.
constexpr int kOverheadBoundSweeps = 6000;
constexpr double kOverheadBoundEven = 0.005;
constexpr double kBoundStep = 0.0005;  // m
// The shapes of an arm below the horizontal (arm_corrective with the neck straight): the skin that
// slides is this far out from the midline at rest, on the arm's side (the chest's other half
// belongs to the other arm's shapes), and this many rings around the blended band.
constexpr float kArmLocalMidline = 0.06f;  // m
constexpr int kArmLocalGrowRings = 12;
// ... and, in the shapes of an arm held with the elbow nearly straight (its key's elbow under
// kElbowCorrectiveStartDeg, where the elbow's own shape has no weight: the 90/90s' hands behind,
// the standing cable's arm, anatomy/upper_body.h), the skin with less than this share of the
// forearm slides too. Pinned, the inner upper arm 12 cm above the elbow (the elbow's blend leaves
// 5-13% of the forearm there, with 3-9% of the trunk) kept one long thin triangle a side as the
// blend turns it, inside out in nine drills (humerus_r (-5 128 25) cm at rest; 200 triangle-samples
// a drill, the 90/90s' "armpit"). Measured (tests/scene/skin_stretch_test.cpp, triangle-samples
// past a limit; before: 90/90 PAILs/RAILs 400, 90/90 switch 970, standing cable 236, tall-kneeling
// windmill 432): with this share 0.15 in every arm shape (the elbows bent too), the side-lying and
// tall-kneeling arms' skin torn (clamshell 400 -> 8 600, tall-kneeling 19 232); with the elbow
// nearly straight only, 0.10, 0.15, 0.25 or 0.4 (this): 0, 580, 36 and 32 (and the supine
// PAILs/RAILs' worst stretch, the chest under the crossing arm, 2.94 -> 3.08 (200 past 3x), 2.91,
// 2.87, 2.77x); any share (the forearm's whole blend): 2.68x but the 90/90 switch 606. Its price:
// the standing cable's worst stretch 2.50 -> 2.54x (torso (-6 133 -18) cm, at rest) and the
// tall-kneeling windmill's worst squash 0.2658 -> 0.2274x (the upper arm, (-8 131 31) cm), both
// inside 0.2-3x.
constexpr float kArmLocalForearmSlide = 0.4f;
// The elbow's shape (elbow_flexion_corrective): this many rings (~1 cm each) of the arm's own skin
// around the elbow's blend slide with it, only from kElbowSlideFrom out from the shoulder joint
// (m; the elbow is ~30 cm out): nearer, the arm's shapes slide the upper arm's skin, and the two
// shapes' offsets added there squashed it. The arm's shapes keep the forearm's blend pinned, and
// the inside of the elbow bent 75-90 deg (the hand on the hip or a handle) was turned inside out,
// one triangle a side (forearm (0 118 35) cm; the side-lying drills', standing cable's and
// tall-kneeling windmill's "arm" rows, 100-200 a side). Measured (tests/scene/
// skin_stretch_test.cpp): with the shape every arm row gone (side-lying 600-800 -> 400-600 inside
// out, standing cable 436 -> 236, tall-kneeling windmill 2 032 -> 1 632), no other figure worse;
// 6 rings and no limit from the shoulder, the upper arm 13-15 cm out squashed to 0.027x (the
// side-lying drills 800 -> 4 400).
constexpr int kElbowGrowRings = 4;
constexpr double kElbowSlideFrom = 0.18;
// The hip-flexion corrective (hip_flexion_corrective): vertices with more than this share of the
// thigh (and its leg) and of the trunk are relaxed, with this many rings around them (the counts
// were the same from 12 rings on; none, 2% more) and rounds. Measured over all drills (stretch
// test, triangle-samples past a limit; 95 deg key pose): share 0.01/0.03/0.10, 134 100/133 800/135 500.
constexpr double kCorrectiveMinHip = 0.03;
constexpr int kHipCorrectiveGrowRings = 24;
constexpr int kHipCorrectiveIterations = 2000;
// The lower trunk slides with the groin up to this torso weight (the belly above stays; letting
// it all slide, the chest's samples 180 -> 1 380).
constexpr float kHipCorrectiveTorsoSlide = 0.5f;
// More Laplacian smoothing per step than the armpit's: the groin's skin is pressed together in
// flexion and the turned rest edges alone fold it. At a 95 deg key pose, 8/20/35/50%: 147 400/138 900/133 800/132 500
// samples past a limit, but the 90/90's worst stretch 9.4/10.2/11.1/12.1x; 35% kept.
constexpr double kHipCorrectiveEven = 0.35;
// Vertices with more of the other thigh than this stay out of the band (the crotch; see
// hip_flexion_corrective). Samples past a limit (80 deg key pose), and the 90/90's worst stretch:
// none kept out 130 700, 10.5x; any of it (0) 138 900, 9.32x; 0.05 134 700, 9.32x; 0.15 130 900,
// 10.7x. 0.05 kept: fewer samples, and no drill's worst stretch above the model without the shapes.
constexpr float kHipCorrectiveOtherThigh = 0.05f;
// The hip-abduction shape's keep-out (hip_abduction_corrective): the skin of the abducted hip's
// side of the body may not move inward along its posed normal from where the blend puts it, but
// within kAbductorKeepMidlineFrom of the midline at rest (m; the crotch, free), the hold rising
// smoothly to full at kAbductorKeepMidlineTo (where it fades, kAbductorKeepFade of inward motion
// allowed at the free end). Relaxed freely, the skin lay in over the top hip's abductors in the
// side-lying abduction (tests/scene/muscle_poke_through_test.cpp, that drill's muscle vertex-samples
// more than 2 mm out of the skin: 17 536 without the shape, 71 473 with it). Measured (the same,
// and tests/scene/skin_stretch_test.cpp's triangle-samples past a limit, 82 without the shape):
// held only beside (from the hip centre out) and behind the hip, the groin in front free, 0 and
// 18 834 (iliopsoas and rectus femoris out of the groin); held with 1 mm of inward slack, 0 and
// 16 639; with none (these), 0 and 14 028; held over the crotch too, 0 and 14 034 (no better).
constexpr double kAbductorKeepMidlineFrom = 0.0, kAbductorKeepMidlineTo = 0.03;
constexpr double kAbductorKeepFade = 0.02;
// Every hip shape fades down the thigh (fade_hip_shape): a vertex's offset is scaled by
// 1 - smoothstep of where it lies along its thigh at rest (its projection on that side's hip
// centre -> knee centre line, 0 at the hip, 1 at the knee) from kHipShapeFadeFrom to
// kHipShapeFadeTo. The hips' relaxations slide the whole thigh's skin (24 rings around the groin's
// band), so their offsets reached the knee, where the knee's own shapes (the back's fold,
// knee_flexion_corrective; the front's cover, knee_front_corrective) move the skin too; the two
// added stretched the front of the 90/90 front hip's lower thigh (femur_l (13 64 -9) cm at rest,
// 3.23x in the 90/90 PAILs/RAILs' hold, 400 triangle-samples past 3x there). The shapes made over
// others (the crotch's, the 90/90's) are relaxed over the unfaded ones and faded as they are, so
// the sum the runtime blends in a hold is the relaxed skin faded. Measured (tests/scene/
// skin_stretch_test.cpp, all thirteen drills' triangle-samples past a limit, 7 382 without it; the
// fade applied to the made shapes): the straight and turned-out flexion shapes only, from 0.3 to
// 0.7, 8 026 (that thigh squashed 0.17x); 0.4-0.8, 7 356; 0.5-0.75, 7 352; 0.6-1.0, 7 362 (that
// thigh 3.05x); 0.5-0.9, 7 018; baked into those two shapes before the others were made over them,
// 7 322 (the 90/90 shape, relaxing the whole band again, slid the thigh back: 3.23x); every hip
// shape, 0.5-0.9 (these), 6 988 (the 90/90 PAILs/RAILs 800 -> 600, its worst stretch 3.23 -> 3.04x,
// now the lower trunk's side in the hold; the 90/90 switch 1 834 -> 1 670, its thigh 82 + 82 -> 0;
// the supine PAILs/RAILs 464 -> 434; no other drill changes).
constexpr double kHipShapeFadeFrom = 0.5, kHipShapeFadeTo = 0.9;
// ... and up the trunk: scaled by 1 - smoothstep of its height above the hip centres at rest (m)
// from kHipShapeFadeUpFrom to kHipShapeFadeUpTo (the iliac crests ~10 cm above them; the waist
// above). The hips' shapes let the lower trunk slide (kHipCorrectiveTorsoSlide), and the 90/90's
// shape moved the side of the waist above the front hip's buttock where the front hip's turned-out
// shape moved it too (pelvis (-13 101 -8) cm at rest: 3.04x in the 90/90 PAILs/RAILs' hold, its
// 200 triangle-samples past 3x). Measured (tests/scene/skin_stretch_test.cpp, all thirteen drills'
// triangle-samples past a limit, 5 358 without it; the fade applied to the made shapes, heights
// from y = 0.878 m): from 8 to 16 cm, 9 976 (the 90/90s' buttocks squashed to 0.11x); from 11-12
// cm to 17-24 cm, 5 016 (the 90/90 PAILs/RAILs 600 -> 400 and worst stretch 3.04 -> 2.89x, none
// past 3x; the 90/90 switch 1 112 -> 970, stretched 244 -> 102; no other drill changes); from 13
// cm, 3.01x; from 14 cm, nothing changes. Only the 90/90 shape so faded, 3.00x; only the flexion
// shapes, 2.93x.
constexpr double kHipShapeFadeUpFrom = 0.12, kHipShapeFadeUpTo = 0.20;
// 1 at x <= from, 0 at x >= to, smoothstep between: how much of a shape a fade (kOverheadFarSide*,
// kHipShapeFade*) keeps.
double fade_out(double x, double from, double to) {
  const double u = std::clamp((x - from) / (to - from), 0.0, 1.0);
  return 1.0 - u * u * (3.0 - 2.0 * u);
}
// The crotch a shape made with both legs posed relaxes too: the skin within this of the midline
// at rest (the hip centres sit 8.4 cm either side of it, Gait2392). Measured over all drills
// (stretch test, triangle-samples past a limit, and the 90/90s' worst stretch): the back-hip shape
// made without the other leg and without the crotch 125 900, 9.35x; 2 cm 116 700, 7.68x; 4 cm
// 116 700, 6.98x; 7 cm 117 700, 6.72x.
constexpr float kCrotchHalfWidth = 0.04f;
// The shapes of both hips posed together (hip_pair_corrective). Both hips flexed: only the crotch
// slides, within this of the midline at rest, this many rings of it around the skin blended with
// both thighs. Then, as the arm's shapes, the relaxed skin is held to bounded distortion
// (bound_distortion, kBoundLo-kBoundHi) for this many sweeps. Measured over all drills (stretch
// test, triangle-samples past a limit): without the shapes 42 188; the crotch of both hips flexed
// relaxed alone 41 569 (seated band drill 4 726 -> 4 174), held to bounded distortion too 40 831
// (seated 3 302); with the 90/90 hold's shape as well (both hips' whole bands and the crotch,
// bounded) 32 709 (90/90 PAILs/RAILs 6 285 -> 1 600, worst stretch 6.86 -> 3.49x; 90/90 switch
// 8 135 -> 4 852). Tried and not kept: bounded distortion on each hip's own shapes (they are
// blended at part weights through the drills: 100 500); the 90/90 back-hip shape made over the
// front hip's turned-out shape (43 000); the crotch shape relaxing both hips' whole bands, not only
// the crotch (seated 4 912, worse squash); the hip's blend narrowed further toward the midline
// (kHipMidlineShare 0.1: 39 200 with the crotch shape, but the figure-4's and kneeling windmill's
// worst stretch 3.6 -> 4.2x and 4.7 -> 4.9x; 0.5: 40 900). The price: the relaxed skin lies closer
// in over the hips, and more muscle vertices are out of it in the 90/90s (tests/scene/
// muscle_poke_through_test.cpp: 90/90 PAILs/RAILs 865 417 -> 1 351 602 vertex-samples, 90/90
// switch 807 198 -> 1 188 763; seated +0.9%).
constexpr float kPairCrotchHalfWidth = 0.05f;
constexpr int kPairCorrectiveGrowRings = 8;
constexpr int kPairBoundSweeps = 1500;
// The front of the crotch, shared by the two hips' own flexion shapes (hip_corrective made with one
// hip posed): the skin within kSharedCrotchHalfWidth of the midline and in front of
// kSharedCrotchFrontFrom (rest x, m; +x forward, the hip centres at x = -7.1 cm, the perineum
// behind x = 0) is relaxed with the hip's band even where it is blended with the other thigh too,
// and its offset scaled by this thigh's share of the two thighs' weight, so that with both hips
// flexed (seated, the 90/90 switch's middle, where the crotch shape, faded by the hips' abduction,
// is near 0) the two shapes add up to one relaxation instead of none. Kept out of it, that skin
// stayed where linear blending puts it: the front of the crotch folded inside out between the
// flexed thighs (the 90/90 switch's groin 975 + 975 triangle-samples past a limit, the kneeling
// windmill's 112 + 112 and the supine PAILs/RAILs' 228 + 228). The crotch-pair shape
// (hip_pair_corrective) then relaxes that skin further from where the two shapes leave it.
// Measured (tests/scene/skin_stretch_test.cpp, all thirteen drills' triangle-samples past a
// limit; the 90/90 switch's worst squash): before 25 154, 0.0237x. Half-width 4 cm: over the whole
// crotch 24 824 (but the perineum behind stretched: the 90/90 switch 3.54 -> 4.13x, the kneeling
// windmill 2.95 -> 3.11x), behind the hips only (x < -6 cm) 25 162, in front of 1.5 cm 24 102,
// 0.0008x (one triangle at (3 80 -2) cm), in front of 2.5 cm 24 786, 0.0168x; half-width 3 cm in
// front of 1.5 cm (these) 24 154, 0.0104x (one triangle at (3 79 -3) cm); without the crotch shape
// over it 24 212; the whole crotch shared and made with the other leg posed as this one, 26 082;
// the seated drill's worst squash (the right groin, (5 87 9) cm) 0.1422 -> 0.1370x with these.
// Tried and not kept (same measure): the crotch's weight averaging (step 5) 40 rounds, 26 998, or
// 6 cm wide, 26 008 (both carried the pelvis's share down the inner thighs to the knees: the 90/90
// PAILs/RAILs' worst stretch 3.23 -> 3.83 / 3.87x there), or only within 15 cm of the hips' midpoint,
// 25 492; the hip's blend 16 cm wide on the pelvis's side, 25 160 (kneeling windmill's buttock
// squash 0.0077 -> 0.0038x).
constexpr float kSharedCrotchHalfWidth = 0.03f;
constexpr float kSharedCrotchFrontFrom = 0.015f;
// The front of the crotch that both hips' own flexion shapes share (hip_corrective, hip_pair_corrective).
bool in_shared_crotch_front(const glm::vec3& p) { return std::fabs(p.z) < kSharedCrotchHalfWidth && p.x > kSharedCrotchFrontFrom; }
// The buttock's cleft (hskin15): in the turned-out flexion shape (hip_corrective, this hip alone,
// rotated), the skin behind kCleftSlideBehind (rest x, m; +x forward, the hip centres at x = -7.1
// cm, the cleft at -12 to -15) that is more of this thigh than of the other slides too (elsewhere
// any share of the other thigh pins it where the blend puts it). Pinned, the cleft's vertices 1-2
// cm off the midline (pelvis 0.70, this thigh 0.19-0.22, the other 0.07-0.11: the crotch's averaged
// weights) held one triangle a side, pelvis (-13 82 +-1) cm, while the band's vertex beside it
// (2.3 cm out, the other thigh 0.03) slid forward and up: inside out in the kneeling windmill's
// front hip (82 deg of flexion, 30 of abduction, the straight and turned-out shapes 0.5/0.5).
// Measured (tests/scene/skin_stretch_test.cpp, triangle-samples past a limit; before 110, the
// kneeling windmill 36): behind -12.5 / -13 cm in the turned-out shape only, the kneeling windmill
// 0 (all thirteen 74), its price the figure-4's worst squash 0.2922 -> 0.2912x (the buttock beside
// it, pelvis (-14 81 6) cm) and the 90/90 switch's 0.1643 -> 0.1635x (the front hip's groin, femur
// (4 81 -5) cm, through the parted crotch's shape made over the turned-out ones); behind -11 cm,
// 0 and 0.2907x / 0.1635x; in the straight shape only, 0 but the supine PAILs/RAILs' 0.1969 ->
// 0.1926x, the seated band drill's 0.2136 -> 0.2131x and the 90/90 switch's 0.1637x; in both, 0 and
// all four worse; the back of the crotch shared as its front is (kSharedCrotch*; behind -8 cm, 2 cm
// either side), the kneeling windmill 36 -> 48 and the 90/90 switch's perineum stretched 3.53x.
constexpr float kCleftSlideBehind = -0.125f;
// The knee-flexion corrective (knee_flexion_corrective): rings around the blended band, and the
// smoothing per relaxation step (the back of the knee is pressed together as the groin is).
// Measured at a 100 deg key pose (all drills): 4 rings 122 500, 12 121 900, 24 the same (the thigh
// and calf that may slide end there); 10% smoothing 120 000 at full weight but 121 700 against
// 116 800 with the weight kept (anatomy/hip_corrective.h).
constexpr int kKneeCorrectiveGrowRings = 12;
constexpr double kKneeCorrectiveEven = 0.35;
// ... and only the skin more than this behind the knee's centre (along the forward direction of
// thigh and shank at rest) is relaxed: relaxed all round, the front's convex skin shrank onto the
// kneecap (the kneeling windmill's knees showed the kneecap bare in a render; 116 700 samples past
// a limit, all drills). Behind the centre by 1.5 cm 116 900, 0 cm 118 500; 2 cm in front 117 200.
constexpr double kKneeCorrectiveBehind = 0.015;
// The shape of a hip flexed with its knee bent (hip_knee_flexed_corrective; anatomy/
// hip_corrective.h kHipKneeFlexed*): the skin of the lower thigh from kKneeHipSlideFrom of the way
// from the hip centre to the knee's (as fade_hip_shape measures it) slides, this many rings around
// the band of it that carries a tail of the pelvis's share (under kKneeHipTailMax: the weight
// averaging's tail, kSmoothRounds / kReach*, not the buttock's own blend) from kKneeHipBandFrom on,
// with this much smoothing per relaxation step.
constexpr double kKneeHipSlideFrom = 0.45, kKneeHipBandFrom = 0.5;
constexpr float kKneeHipTailMax = 0.1f;
constexpr int kKneeHipGrowRings = 4;
constexpr double kKneeHipEven = kCorrectiveEven;
// The foot's corrective shapes (foot_corrective): the pointed ankle and the tucked toes
// (anatomy/foot_corrective.h). Relaxed as the hip's and knee's (2 000 rounds) with this many rings
// around the band, then held to the arms' bounded distortion (kArmBound*:
// 6 000 sweeps to 0.4-2.3x). Skin with more than kFootRigidShare of the moving part is pinned (to
// the foot's own frame with the ankle turned), skin with no more than kFootTrace does not slide,
// and with the toes turned only the skin above kToesCorrectiveBelow under the mtp joint's centre
// slides (body_skin.cpp foot_corrective says why). Measured (tests/scene/skin_stretch_test.cpp,
// all thirteen drills' triangle-samples past a limit; 13 834 without the shapes, the shank/foot
// region 2 200 of them: the tucked toes' forefoot 600 + 600 in the tall-kneeling windmill and
// 300 + 300 in the half-kneeling one, the 90/90s' pointed front foot 100 + 100 each): with these
// 11 624, none in the shank/foot region (its worst squash now 0.35x, was 0.24x); 3 or 8 rings,
// 8 or 35% smoothing, rigid share 0.65 or 0.8: the same 11 624. Without the toes' limit to the top
// and with the toes pinned to their frame, 11 624 too, but the tucked toes' skin 1 mm higher; so
// with rigid share 0.9, but the toes' skin drifted 6 cm off the bones (tests/app/
// drill_posture_test.cpp: 11 cm above the floor); nothing pinned beyond the band, the same (the
// 90/90s' pointed foot 1.4 cm off the floor); the ankle's foot pinned where the blend puts it,
// 12 034 (the 90/90s' pointed foot kept its 100 + 100).
// Each relaxation step smooths 8% toward the neighbours' centroid (the arm's kCorrectiveEven), not
// the hip's and knee's 35%: the same stretch-test counts, and the relaxed skin shrinks less onto the
// ankle and the top of the foot (tests/scene/muscle_poke_through_test.cpp, all drills' muscle
// vertex-samples out of the skin: 5 623 605 with 35%, 5 614 288 with 8%).
constexpr int kFootCorrectiveGrowRings = 8;
constexpr double kFootCorrectiveEven = 0.08;
constexpr double kFootRigidShare = 0.8, kFootTrace = 0.001;
constexpr double kToesCorrectiveBelow = 0.01;  // m

static_assert(kSkinRestShoulderFlexionDeg == anatomy::kArmRestFlexionDeg && kSkinRestShoulderAbductionDeg == anatomy::kArmRestAbductionDeg,
              "the runtime's arm shape weights (scene/body_pose.cpp) measure from the skin's rest pose");

// Active right-handed rotation about a unit axis (Rodrigues), with the generator's deterministic sine.
glm::dmat3 rotation(glm::dvec3 k, double angle) {
  const double c = dm::cos(angle), s = dm::sin(angle);
  glm::dmat3 r;
  for (int i = 0; i < 3; ++i) {
    glm::dvec3 v(0.0);
    v[i] = 1.0;
    r[i] = v * c + glm::cross(k, v) * s + k * glm::dot(k, v) * (1.0 - c);
  }
  return r;
}

// The arm's rest rotation (body_pose.cpp's order: flexion about z, then abduction about x, mirrored
// on the left). s = 0 right, 1 left.
glm::dmat3 arm_rest_rotation(int s) {
  const double abd = dm::deg(kSkinRestShoulderAbductionDeg);
  return rotation({0, 0, 1}, dm::deg(kSkinRestShoulderFlexionDeg)) * rotation({1, 0, 0}, s == 0 ? -abd : abd);
}

glm::dmat3 hip_rest_rotation() { return rotation({0, 0, 1}, dm::deg(kSkinRestHipFlexionDeg)); }
// Knee flexion turns the shank backward: about -z.
glm::dmat3 knee_rest_rotation() { return rotation({0, 0, 1}, -dm::deg(kSkinRestKneeFlexionDeg)); }

// The body's parts, placed: one SDF per part (trunk with neck, head and shoulder caps; each arm;
// each leg) and their smooth union. Proportions: a 1.8 m adult (Gait2392 generic subject); girths
// after Gordon et al. 1989 (ANSUR, 50th percentile male): thigh ~58 cm, calf ~38 cm, waist ~85 cm.
struct BodyParts {
  struct LegArm {
    vec3 hip, knee, ankle, calcn, toes, sh, el, wr;
    vec3 hand_a, hand_b, hand_up;  // the hand's ellipsoid: from, to, and its palm normal
  };
  vec3 pelvis, torso, head;
  std::array<LegArm, 2> limbs{};
  bool legs_turned = false;  // the rest pose: each leg turned about its hip centre by hip_rest
  glm::mat3 hip_rest{1.0f}, hip_rest_t{1.0f}, knee_rest{1.0f}, knee_rest_t{1.0f};

  // A point of the straight leg where the rest pose puts it (shank: below the knee, turned by the
  // knee's rest flexion too).
  vec3 leg_rest(vec3 p, int s, bool shank) const {
    if (!legs_turned) return p;
    const LegArm& L = limbs[static_cast<size_t>(s)];
    if (shank) p = L.knee + knee_rest * (p - L.knee);
    return L.hip + hip_rest * (p - L.hip);
  }

  BodyParts(const std::vector<SkeletonNode>& nodes, SkinArms arms) {
    auto W = [&](const char* n) { return vec3(nodes[find_node(nodes, n)].world); };
    pelvis = W("pelvis");
    torso = W("torso");
    head = W("head");
    for (int s = 0; s < 2; ++s) {
      const char* sfx = s == 0 ? "_r" : "_l";
      auto w = [&](const char* base) { return W((std::string(base) + sfx).c_str()); };
      LegArm& L = limbs[static_cast<size_t>(s)];
      L = {w("femur"), w("tibia"), w("talus"), w("calcn"), w("toes"), w("humerus"), w("forearm"), w("hand"), {}, {}, {}};
      L.hand_a = L.wr + vec3(0, 0.01f, 0);
      L.hand_b = L.wr + vec3(0.01f, -0.17f, 0.0f);
      L.hand_up = vec3(1, 0, 0);
      if (arms == SkinArms::kRest) {
        legs_turned = true;
        hip_rest = glm::mat3(hip_rest_rotation());
        hip_rest_t = glm::transpose(hip_rest);
        knee_rest = glm::mat3(knee_rest_rotation());
        knee_rest_t = glm::transpose(knee_rest);
        const glm::dmat3 r = arm_rest_rotation(s);
        const glm::dvec3 sh(L.sh);
        auto turn = [&](vec3 p) { return vec3(sh + r * (glm::dvec3(p) - sh)); };
        L.el = turn(L.el);
        L.wr = turn(L.wr);
        L.hand_a = turn(L.hand_a);
        L.hand_b = turn(L.hand_b);
        L.hand_up = vec3(r * glm::dvec3(L.hand_up));
      }
    }
  }

  float trunk(vec3 p) const {
    float d = ellipsoid(p, {pelvis + vec3(-0.055f, -0.03f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.115f, 0.13f, 0.175f)});
    d = smin(d, ellipsoid(p, {torso + vec3(0.045f, 0.12f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.105f, 0.16f, 0.15f)}), 0.08f);
    d = smin(d, ellipsoid(p, {torso + vec3(0.05f, 0.32f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.115f, 0.15f, 0.175f)}), 0.08f);
    d = smin(d, round_cone(p, head + vec3(-0.01f, -0.06f, 0), head + vec3(0.0f, 0.03f, 0), 0.055f, 0.05f), 0.04f);
    d = smin(d, ellipsoid(p, {head + vec3(0.015f, 0.11f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.1f, 0.12f, 0.08f)}), 0.03f);
    return d;
  }
  // The front of the thigh: the quadriceps' bulk over the femur. The thigh's round cone is centred
  // on the line from hip centre to knee centre, which at mid-thigh runs 18 mm behind and 27 mm
  // medial of the femur's shaft (our femur, Gait2392's mesh), so the skin lay only 46 mm in front
  // of the shaft's centre and 40 mm anterolaterally. Ultrasound of the anterior thigh midway
  // between the anterior superior iliac spine and the patella in young men (Agyapong-Badu et al.
  // 2014, Physiol Meas 35:2165, n = 63 aged 18-35): muscle 39 +- 8 mm, subcutaneous fat and fascia
  // 17 +- 6% of the whole, so the skin lies about 47 mm in front of the femur's surface, about 60 mm
  // in front of its centre (our shaft's radius is 12.6 mm). An ellipsoid along the shaft, centred
  // in front of it at half the femur's length, brings the front there; slightly lateral of the
  // shaft, where vastus intermedius and lateralis make the front of the thigh fullest (Gray's
  // Anatomy, 42nd ed., ch. 81, transverse section through the middle of the thigh). Its ends
  // fade into the cone above the groin's fold and above the kneecap. Reached at half the femur's
  // length (hiplab_model_inspect section): 63 mm in front of the shaft's centre, 64 mm at 30 deg
  // lateral of the front, 49 mm laterally (were 46 / 40 / 40); the back unchanged (80 mm);
  // BodyParts3D's rectus femoris reaches 60 mm in front, its vastus intermedius 65 mm at 30 deg,
  // and with it our rectus's centroid came from 25 mm to about 10 mm of BodyParts3D's
  // (tools/model_generator/tests). Depth 37-40 mm, blend 1.5-3 cm and 26-34 cm in length were
  // tried; these were the fewest changes to the skin stretch ratchets (tests/scene/skin_stretch_test.cpp).
  // Its ends: 10 cm above the shaft's middle (about a quarter of the femur below the hip centre)
  // and 12 cm below it (reached at mid-thigh: 62 mm in front, 63 at 30 deg, 49 laterally). First
  // it ran 17 cm each way, up to 3 cm below the hip centre and down over the suprapatellar front:
  // tensor fasciae latae, superficial at the front-lateral hip (Gray's Anatomy, 42nd ed., gluteal
  // region), went out of sight from the front under rectus femoris and vastus lateralis
  // (hiplab render --peel hip-flexors: 0 points of its course, tests/app/peel_render_test.cpp),
  // and vastus lateralis's and biceps short head's triangles stretched past 3x in the drills
  // (tests/scene/muscle_volume_test.cpp: 66 -> 62 of 86 within 0.2-3x). With these ends: TFL 7 / 8
  // points (right / left), 66 of 86, rectus 10.1 mm from BodyParts3D's. The split's rectus
  // femoris at 15% of the femur stays forward all the same (centroid x +67.5 mm; +69 with 17 cm,
  // +58 without the ellipsoid; hiplab_model_inspect section OUTDIR 0.15): what the ends change near
  // the hip is the drawn skin's remeshing and the split's cells under it, so these figures move in
  // steps, not smoothly. Tried: up 11 / down 17 cm (TFL 4 / 4, 62 of 86), 12 / 13 (TFL 3 / 1, 62),
  // 11 / 17 centred on the shaft (not lateral; 63), and 10 / 12 at 40 mm deep (rectus 9.5 mm but
  // TFL 3 / 3, 64).
  static constexpr float kShaftMidAnterior = 0.0177f, kShaftMidLateral = 0.0272f;  // of the hip centre
  static constexpr float kQuadricepsAhead = 0.022f, kQuadricepsLateral = 0.008f;   // of the shaft's centre
  static constexpr float kQuadricepsDepth = 0.039f, kQuadricepsWidth = 0.042f;
  static constexpr float kQuadricepsUp = 0.10f, kQuadricepsDown = 0.12f;  // its ends, along the shaft from its middle
  static constexpr float kQuadricepsBlend = 0.03f;
  static Ellipsoid quadriceps_front(const LegArm& L, float zs) {
    const vec3 shaft_mid = L.hip + vec3(kShaftMidAnterior, -0.5f * (L.hip.y - L.knee.y), kShaftMidLateral * zs);
    const vec3 down = glm::normalize(L.knee - shaft_mid);
    const vec3 c = shaft_mid + vec3(kQuadricepsAhead, 0.0f, kQuadricepsLateral * zs);
    return ellipsoid_between(c - kQuadricepsUp * down, c + kQuadricepsDown * down, vec3(1, 0, 0), kQuadricepsDepth,
                             kQuadricepsWidth);
  }
  float leg(vec3 p, int s) const {
    const float zs = s == 0 ? 1.0f : -1.0f;
    const LegArm& L = limbs[static_cast<size_t>(s)];
    // The turned leg's distance is the straight leg's at the point turned back (a rigid motion):
    // about the hip for the thigh, then about the knee for the shank and foot.
    vec3 q = p;
    if (legs_turned) {
      p = L.hip + hip_rest_t * (p - L.hip);
      q = L.knee + knee_rest_t * (p - L.knee);
    }
    float d = round_cone(p, L.hip + vec3(0.0f, -0.02f, 0.012f * zs), L.knee + vec3(0.0f, 0.06f, 0), 0.082f, 0.05f);
    d = smin(d, ellipsoid(p, quadriceps_front(L, zs)), kQuadricepsBlend);
    d = smin(d, round_cone(p, L.knee + vec3(0, 0.04f, 0), L.knee + vec3(0, -0.04f, 0), 0.05f, 0.047f), 0.03f);
    d = smin(d, ellipsoid(q, {L.knee + vec3(-0.012f, -0.13f, 0), vec3(1, 0, 0), vec3(0, 1, 0), vec3(0, 0, 1), vec3(0.052f, 0.12f, 0.05f)}), 0.05f);
    d = smin(d, round_cone(q, L.knee + vec3(0, -0.08f, 0), L.ankle + vec3(-0.01f, 0.02f, 0), 0.045f, 0.03f), 0.04f);
    d = smin(d, ellipsoid(q, ellipsoid_between(L.calcn + vec3(-0.025f, 0.03f, 0), L.toes + vec3(0.055f, 0.005f, 0.004f * zs), vec3(0, 1, 0), 0.032f, 0.043f)), 0.03f);
    d = smin(d, round_cone(q, L.ankle + vec3(-0.01f, 0.0f, 0), L.calcn + vec3(0.0f, 0.025f, 0), 0.03f, 0.03f), 0.03f);
    return d;
  }
  float arm(vec3 p, int s) const {
    const LegArm& L = limbs[static_cast<size_t>(s)];
    float d = round_cone(p, L.sh, L.el, 0.048f, 0.038f);
    d = smin(d, round_cone(p, L.el, L.wr, 0.038f, 0.026f), 0.02f);
    d = smin(d, ellipsoid(p, ellipsoid_between(L.hand_a, L.hand_b, L.hand_up, 0.018f, 0.04f)), 0.02f);
    return d;
  }
  // Trapezius and deltoid over the shoulder, from the shoulder joint toward the neck.
  float cap(vec3 p, int s) const {
    const float zs = s == 0 ? 1.0f : -1.0f;
    const LegArm& L = limbs[static_cast<size_t>(s)];
    return round_cone(p, L.sh + vec3(0, 0.01f, -0.03f * zs), torso + vec3(0.02f, 0.4f, 0.05f * zs), 0.055f, 0.06f);
  }
  // The whole surface with the arms hanging, as the model was first built (the muscle volumes are
  // packed against it; smin is not associative, so the order stays). Here each limb blends into
  // everything before it, the other leg included: the inner thighs, a few cm apart, are webbed
  // together.
  float hanging_body(vec3 p) const {
    float d = trunk(p);
    for (int s = 0; s < 2; ++s) {
      d = smin(d, leg(p, s), 0.05f);
      d = smin(d, arm(p, s), 0.05f);
      d = smin(d, cap(p, s), 0.05f);
    }
    return d;
  }
  // The meshed skin: each side's limbs blend into the trunk only, and the two sides are joined by
  // a plain union, so the thighs meet in a crease, not a web that tears when they part.
  float rest_body(vec3 p) const {
    const float t = trunk(p);
    float d = std::numeric_limits<float>::max();
    for (int s = 0; s < 2; ++s) {
      float side = smin(t, leg(p, s), 0.05f);
      side = smin(side, arm(p, s), 0.05f);
      side = smin(side, cap(p, s), 0.05f);
      d = std::min(d, side);
    }
    return d;
  }
};

// Bones that carry skin, the segment each covers (rest pose), and the blend widths of the joint at
// its proximal end (m, along the surface from the boundary between the two regions): into the
// parent's side and into this bone's. Wide where soft tissue spans the joint (lumbar, hip,
// shoulder), narrow at wrist and toes.
struct SkinBone {
  int node;
  int parent;  // index into the bone list, -1 for the pelvis
  int part;    // 0 trunk, 1/2 right/left arm, 3/4 right/left leg
  vec3 a, b;
  float into_parent, into_self;
  vec3 joint;    // centre of the joint at its proximal end
  float reach;   // the blend fades out between reach and 1.6 reach from that centre (m)
};

// The four strongest of `w` (weight, node), normalised, into `joints` / `weights` (highest first,
// ties broken by node). With `ties_together` a tie at the cut (a joint and its mirror on the
// midline) is kept or dropped whole; weights below `min_weight` are dropped (one always kept).
void keep_strongest_four(std::vector<std::pair<float, int>>& w, bool ties_together, float min_weight, std::array<uint8_t, 4>& joints,
                         std::array<float, 4>& weights) {
  std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  size_t keep = std::min<size_t>(w.size(), 4);
  if (ties_together)
    while (keep > 0 && keep < w.size() && w[keep].first == w[keep - 1].first) --keep;
  while (keep > 1 && w[keep - 1].first < min_weight) --keep;
  float sum = 0.0f;
  for (size_t i = 0; i < keep; ++i) sum += w[i].first;
  joints = {};
  weights = {};
  for (size_t i = 0; i < keep; ++i) {
    joints[i] = static_cast<uint8_t>(w[i].second);
    weights[i] = w[i].first / sum;
  }
}

}  // namespace

Sdf body_skin_sdf(const std::vector<SkeletonNode>& nodes, SkinArms arms) {
  const BodyParts parts(nodes, arms);
  if (arms == SkinArms::kHanging) return [parts](vec3 p) { return parts.hanging_body(p); };
  return [parts](vec3 p) { return parts.rest_body(p); };
}

std::vector<glm::dmat4> skin_rest_world(const std::vector<SkeletonNode>& nodes) {
  std::vector<glm::dmat4> out(nodes.size(), glm::dmat4(1.0));
  for (size_t i = 0; i < nodes.size(); ++i) out[i][3] = glm::dvec4(nodes[i].world, 1.0);
  for (int s = 0; s < 2; ++s) {
    const std::string sfx = s == 0 ? "_r" : "_l";
    const glm::dmat3 r = arm_rest_rotation(s);
    const glm::dvec3 sh = nodes[static_cast<size_t>(find_node(nodes, "humerus" + sfx))].world;
    for (const char* base : {"humerus", "forearm", "hand"}) {
      const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
      glm::dmat4 m(r);
      m[3] = glm::dvec4(sh + r * (nodes[i].world - sh), 1.0);
      out[i] = m;
    }
    const glm::dmat3 h = hip_rest_rotation(), k = knee_rest_rotation();
    const glm::dvec3 hip = nodes[static_cast<size_t>(find_node(nodes, "femur" + sfx))].world;
    const glm::dvec3 knee = nodes[static_cast<size_t>(find_node(nodes, "tibia" + sfx))].world;
    for (const char* base : {"femur", "tibia", "patella", "talus", "calcn", "toes"}) {
      const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
      const bool shank = std::string(base) != "femur";
      glm::dmat4 m(shank ? h * k : h);
      const glm::dvec3 w = shank ? knee + k * (nodes[i].world - knee) : nodes[i].world;
      m[3] = glm::dvec4(hip + h * (w - hip), 1.0);
      out[i] = m;
    }
  }
  return out;
}

std::vector<glm::dmat4> bind_skin_matrices(const std::vector<SkeletonNode>& nodes) {
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  std::vector<glm::dmat4> skin_m(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    glm::dmat4 bind(1.0);
    bind[3] = glm::dvec4(nodes[i].world, 1.0);
    skin_m[i] = bind * glm::inverse(rest[i]);
  }
  return skin_m;
}

Mesh skin_in_bind_pose(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes) {
  const std::vector<glm::dmat4> to_bind = bind_skin_matrices(nodes);
  Mesh out = skin.mesh;
  for (size_t v = 0; v < out.pos.size(); ++v) {
    glm::dvec3 p(0.0);
    for (int k = 0; k < 4; ++k)
      if (skin.weights[v][k] > 0.0f) p += double(skin.weights[v][k]) * glm::dvec3(to_bind[skin.joints[v][k]] * glm::dvec4(glm::dvec3(skin.mesh.pos[v]), 1.0));
    out.pos[v] = glm::vec3(p);
  }
  return out;
}

SkinMesh build_body_skin(const std::vector<SkeletonNode>& nodes) {
  const BodyParts parts(nodes, SkinArms::kRest);
  auto J = [&](const std::string& n) { return find_node(nodes, n); };
  std::vector<SkinBone> bones;
  auto add = [&](const std::string& node, int parent, int part, vec3 a, vec3 b, float into_parent, float into_self) {
    bones.push_back({J(node), parent, part, a, b, into_parent, into_self, a, 0.0f});
    return static_cast<int>(bones.size()) - 1;
  };
  const vec3 pelvis = parts.pelvis, torso = parts.torso, head = parts.head;
  const int b_pelvis = add("pelvis", -1, 0, pelvis + vec3(-0.06f, -0.06f, 0.0f), torso + vec3(0.04f, -0.02f, 0), 0.0f, 0.0f);
  const int b_torso = add("torso", b_pelvis, 0, torso + vec3(0.03f, 0.05f, 0), head - vec3(0, 0.03f, 0), kLumbar, kLumbar);
  add("head", b_torso, 0, head, head + vec3(0.02f, 0.2f, 0), kNeck, kNeck);
  for (int s = 0; s < 2; ++s) {
    const std::string sfx = s == 0 ? "_r" : "_l";
    const BodyParts::LegArm& L = parts.limbs[static_cast<size_t>(s)];
    auto R = [&](vec3 q) { return parts.leg_rest(q, s, true); };
    const int femur = add("femur" + sfx, b_pelvis, 3 + s, L.hip, R(L.knee), kHipPelvisSide, kHipThighSide);
    const int tibia = add("tibia" + sfx, femur, 3 + s, R(L.knee), R(L.ankle), kKnee, kKnee);
    const int calcn = add("calcn" + sfx, tibia, 3 + s, R(L.calcn + vec3(-0.01f, 0.02f, 0)), R(L.toes), kAnkle, kAnkle);
    add("toes" + sfx, calcn, 3 + s, R(L.toes), R(L.toes + vec3(0.05f, 0, 0)), kToes, kToes);
    const int hum = add("humerus" + sfx, b_torso, 1 + s, L.sh, L.el, kShoulderTrunkSide, kShoulderArmSide);
    const int fore = add("forearm" + sfx, hum, 1 + s, L.el, L.wr, kElbow, kElbow);
    add("hand" + sfx, fore, 1 + s, L.wr, L.hand_b, kWrist, kWrist);
  }

  // Joint centres and reaches: a neighbour's share fades out away from the joint they share. Far
  // from it a few per cent of the other bone's motion, over a long lever (the inner thigh, 20 cm
  // below the hip, reached by the blend from the crotch), moves neighbouring vertices by
  // centimetres apart and crumples small triangles.
  for (SkinBone& b : bones) {
    const std::string& n = nodes[static_cast<size_t>(b.node)].name;
    auto is = [&](const char* base) { return n.rfind(base, 0) == 0; };
    if (is("calcn")) b.joint = parts.leg_rest(vec3(nodes[static_cast<size_t>(find_node(nodes, "talus" + n.substr(5)))].world), n.back() == 'r' ? 0 : 1, true);
    if (is("torso")) b.joint = torso;
    b.reach = is("torso") ? kReachLumbar : is("head") ? kReachNeck : is("femur") ? kReachHip : is("tibia") ? kReachKnee
            : is("calcn") ? kReachAnkle : is("toes") ? kReachToes : is("humerus") ? kReachShoulder : is("forearm") ? kReachElbow
            : kReachWrist;
  }

  SkinMesh out;
  // Meshed mirror-symmetric (issue 12: the two sides' figures differed, e.g. the arm under the head
  // side-lying 0.87 against 0.83 of its rest girth): the right half (+z) of the marched surface,
  // mirrored, smoothed as a whole and evened back to symmetric, then its right half simplified with
  // the border kept on the plane and mirrored again. The grid has a plane at z = 0 (-0.72 + 120 h).
  Mesh raw = mirror_half(right_half(mesh_sdf([&parts](vec3 p) { return parts.rest_body(p); }, vec3(-0.25f, -0.05f, -0.72f),
                                                      vec3(0.75f, 1.95f, 0.72f), 0.006f)),
                         &out.twin);
  taubin_smooth(raw, 6);
  for (size_t v = 0; v < raw.pos.size(); ++v) {
    const uint32_t t = out.twin[v];
    if (t == v) {
      raw.pos[v].z = 0.0f;
    } else if (t > v) {
      const glm::vec3 mean = 0.5f * (raw.pos[v] + glm::vec3(raw.pos[t].x, raw.pos[t].y, -raw.pos[t].z));
      raw.pos[v] = mean;
      raw.pos[t] = {mean.x, mean.y, -mean.z};
    }
  }
  out.mesh = mirror_half(simplify_half(right_half(raw), 12000, 0.002f), &out.twin);
  const Mesh& m = out.mesh;
  const size_t nv = m.pos.size();

  // 1. Every vertex to one bone: its part (nearest part surface), then the nearest segment in it.
  std::vector<int> label(nv, 0);
  for (size_t v = 0; v < nv; ++v) {
    const vec3 p = m.pos[v];
    std::array<float, 5> pd = {std::min({parts.trunk(p), parts.cap(p, 0), parts.cap(p, 1)}), parts.arm(p, 0), parts.arm(p, 1),
                               parts.leg(p, 0), parts.leg(p, 1)};
    const int part = static_cast<int>(std::min_element(pd.begin(), pd.end()) - pd.begin());
    // The shoulder caps rise level with the neck: nearest-segment would give their tops to the
    // head, and the head's region would then border the upper arm's with no torso between.
    if (part == 0 && std::min(parts.cap(p, 0), parts.cap(p, 1)) <= parts.trunk(p)) {
      label[v] = b_torso;
      continue;
    }
    float best = std::numeric_limits<float>::max();
    for (size_t b = 0; b < bones.size(); ++b) {
      if (bones[b].part != part) continue;
      const float d = seg_dist(p, bones[b].a, bones[b].b);
      if (d < best) {
        best = d;
        label[v] = static_cast<int>(b);
      }
    }
  }
  // 2. Distance along the surface from each bone's region (Dijkstra over the mesh edges).
  std::vector<std::vector<std::pair<uint32_t, float>>> adj(nv);
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = m.idx[t + e], b = m.idx[t + (e + 1) % 3];
      const float len = glm::length(m.pos[a] - m.pos[b]);
      adj[a].push_back({b, len});
      adj[b].push_back({a, len});
    }
  const float inf = std::numeric_limits<float>::max();
  std::vector<std::vector<float>> dist(bones.size(), std::vector<float>(nv, inf));
  using Item = std::pair<float, uint32_t>;
  for (size_t b = 0; b < bones.size(); ++b) {
    std::vector<float>& d = dist[b];
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
    for (size_t v = 0; v < nv; ++v)
      if (label[v] == static_cast<int>(b)) {
        d[v] = 0.0f;
        q.push({0.0f, static_cast<uint32_t>(v)});
      }
    while (!q.empty()) {
      const auto [dv, v] = q.top();
      q.pop();
      if (dv > d[v]) continue;
      for (const auto& [u, len] : adj[v])
        if (dv + len < d[u]) {
          d[u] = dv + len;
          q.push({d[u], u});
        }
    }
  }
  // 3. Weights: the own bone 1, each bone next to it in the skeleton 1 - smoothstep(0, width, its
  // surface distance), normalised. At the boundary between two regions both weigh 1 (half each);
  // a blend width away from it, only the own bone.
  const size_t nb = bones.size();
  std::vector<float> dense(nv * nb, 0.0f);
  for (size_t v = 0; v < nv; ++v) {
    const int own = label[v];
    float* w = &dense[v * nb];
    w[own] = 1.0f;
    for (size_t b = 0; b < nb; ++b) {
      const int bi = static_cast<int>(b);
      const bool child = bones[b].parent == own, parent = bones[static_cast<size_t>(own)].parent == bi;
      if (!child && !parent) continue;
      // A vertex on the parent's side of a joint blends into the child over into_parent; on the
      // child's side into the parent over into_self.
      float width = child ? bones[b].into_parent : bones[static_cast<size_t>(own)].into_self;
      if (child && own == b_pelvis && bones[b].part >= 3) {
        const float hip_z = std::fabs(bones[b].a.z);
        width *= std::clamp(std::fabs(m.pos[v].z) / hip_z, kHipMidlineShare, 1.0f);
      }
      const SkinBone& joint = child ? bones[b] : bones[static_cast<size_t>(own)];
      const float near = 1.0f - smoothstep(joint.reach, 1.6f * joint.reach, glm::length(m.pos[v] - joint.joint));
      w[b] = (1.0f - smoothstep(0.0f, width, dist[b][v])) * near;
    }
    float sum = 0.0f;
    for (size_t b = 0; b < nb; ++b) sum += w[b];
    for (size_t b = 0; b < nb; ++b) w[b] /= sum;
  }
  // A few rounds of averaging with the mesh neighbours: where regions of bones that are not
  // neighbours in the skeleton meet (the neck beside the shoulder), the blend above jumps from one
  // vertex to the next; this evens it out, along the surface only.
  for (int round = 0; round < kSmoothRounds; ++round) {
    std::vector<float> next(dense.size(), 0.0f);
    for (size_t v = 0; v < nv; ++v) {
      float* o = &next[v * nb];
      const float* self = &dense[v * nb];
      for (size_t b = 0; b < nb; ++b) o[b] = 0.5f * self[b];
      if (adj[v].empty()) {
        for (size_t b = 0; b < nb; ++b) o[b] = self[b];
        continue;
      }
      const float share = 0.5f / static_cast<float>(adj[v].size());
      for (const auto& [u, len] : adj[v])
        for (size_t b = 0; b < nb; ++b) o[b] += share * dense[u * nb + b];
    }
    dense.swap(next);
  }
  // The four largest kept (weights under 1% dropped) and renormalised.
  out.joints.resize(nv);
  out.weights.resize(nv);
  for (size_t v = 0; v < nv; ++v) {
    std::vector<std::pair<float, int>> w;
    for (size_t b = 0; b < nb; ++b)
      if (dense[v * nb + b] > 0.0f) w.emplace_back(dense[v * nb + b], bones[b].node);
    std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    float sum = 0;
    for (size_t i = 0; i < w.size() && i < 4; ++i) sum += w[i].first;
    std::array<float, 4> ww{};
    std::array<uint8_t, 4> jj{};
    float kept = 0;
    for (size_t i = 0; i < w.size() && i < 4; ++i) {
      float f = w[i].first / sum;
      if (f < 0.01f) f = 0;
      ww[i] = f;
      jj[i] = f > 0 ? static_cast<uint8_t>(w[i].second) : 0;
      kept += f;
    }
    for (auto& f : ww) f /= kept;
    out.joints[v] = jj;
    out.weights[v] = ww;
  }
  // 4. The left side the mirror of the right: each vertex off the plane takes its right twin's
  // weights on the mirrored joints; one on the plane the mean of its own and their mirror (equal on
  // _r and _l), the four largest kept.
  std::vector<int> mirror_node(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const std::string& n = nodes[i].name;
    std::string m = n;
    if (n.size() > 2 && n.compare(n.size() - 2, 2, "_r") == 0) m = n.substr(0, n.size() - 2) + "_l";
    if (n.size() > 2 && n.compare(n.size() - 2, 2, "_l") == 0) m = n.substr(0, n.size() - 2) + "_r";
    mirror_node[i] = find_node(nodes, m);
  }
  for (size_t v = 0; v < nv; ++v) {
    const uint32_t t = out.twin[v];
    if (t > v) {
      for (int k = 0; k < 4; ++k) out.joints[t][static_cast<size_t>(k)] = static_cast<uint8_t>(mirror_node[out.joints[v][static_cast<size_t>(k)]]);
      out.weights[t] = out.weights[v];
    } else if (t == v) {
      std::vector<std::pair<float, int>> w;
      auto add_w = [&](int node, float f) {
        for (auto& x : w)
          if (x.second == node) {
            x.first += f;
            return;
          }
        w.emplace_back(f, node);
      };
      for (int k = 0; k < 4; ++k) {
        const float f = out.weights[v][static_cast<size_t>(k)];
        if (f <= 0.0f) continue;
        const int j = out.joints[v][static_cast<size_t>(k)];
        add_w(j, 0.5f * f);
        add_w(mirror_node[static_cast<size_t>(j)], 0.5f * f);
      }
      keep_strongest_four(w, true, 0.0f, out.joints[v], out.weights[v]);
    }
  }
  // 5. The crotch's weights evened across the midline (kCrotchSmoothHalfWidth, kCrotchSmoothRounds):
  // each side's were made on its own half, so across the plane they jumped (at the perineum, 0.34
  // of the near thigh and 0.15 of the far one 1 mm off the plane, 0.24 and 0.24 on it), and the
  // thin triangles there were pulled apart sideways when the thighs turned apart (the 90/90
  // switch's worst stretch, 6.2x). Averaged a few rounds with the mesh neighbours over both
  // halves, then made exactly symmetric again (each pair the mean of a vertex and its mirrored
  // twin) and the four largest kept.
  if (kCrotchSmoothRounds > 0) {
    const size_t nn = nodes.size();
    const int pelvis_node = find_node(nodes, "pelvis"), fr = find_node(nodes, "femur_r"), fl = find_node(nodes, "femur_l");
    std::vector<float> wd(nv * nn, 0.0f);
    std::vector<char> zone(nv, 0);
    for (size_t v = 0; v < nv; ++v) {
      bool thigh = false, pel = false;
      for (int k = 0; k < 4; ++k) {
        const float f = out.weights[v][static_cast<size_t>(k)];
        if (f <= 0.0f) continue;
        const int j = out.joints[v][static_cast<size_t>(k)];
        wd[v * nn + static_cast<size_t>(j)] += f;
        thigh |= j == fr || j == fl;
        pel |= j == pelvis_node;
      }
      zone[v] = thigh && pel && std::fabs(m.pos[v].z) < kCrotchSmoothHalfWidth;
    }
    for (int round = 0; round < kCrotchSmoothRounds; ++round) {
      std::vector<float> next = wd;
      for (size_t v = 0; v < nv; ++v) {
        if (!zone[v] || adj[v].empty()) continue;
        float* o = &next[v * nn];
        for (size_t j = 0; j < nn; ++j) o[j] = 0.5f * wd[v * nn + j];
        const float share = 0.5f / static_cast<float>(adj[v].size());
        for (const auto& [u, len] : adj[v])
          for (size_t j = 0; j < nn; ++j) o[j] += share * wd[u * nn + j];
      }
      wd.swap(next);
    }
    for (size_t v = 0; v < nv; ++v) {
      const uint32_t t = out.twin[v];
      if (t < v || !(zone[v] || zone[t])) continue;
      std::vector<std::pair<float, int>> w;
      for (size_t j = 0; j < nn; ++j) {
        const float f = 0.5f * (wd[v * nn + j] + wd[t * nn + static_cast<size_t>(mirror_node[j])]);
        if (f > 0.0f) w.emplace_back(f, static_cast<int>(j));
      }
      keep_strongest_four(w, t == v, 0.01f, out.joints[v], out.weights[v]);
      if (t != v) {
        for (int k = 0; k < 4; ++k)
          out.joints[t][static_cast<size_t>(k)] = static_cast<uint8_t>(mirror_node[out.joints[v][static_cast<size_t>(k)]]);
        out.weights[t] = out.weights[v];
      }
    }
  }
  // 6. Near the midline behind the crotch the two thighs' shares drawn together in proportion to
  // the distance from it (kCrotchEvenHalfWidth, faded out forward: kCrotchEvenFront*): the difference between a crotch vertex's right and left thigh
  // weights scaled by |z| / half-width (0 on the plane), their sum and the pelvis's share kept.
  // The averaging above evens them along the mesh's edges, not across the plane's thin triangles:
  // at the perineum a vertex 1.3 mm off the plane kept 0.33 of its own thigh and 0.18 of the other,
  // the plane's vertices 0.25 and 0.25, and the thin triangle between them was pulled 5.6x its rest
  // area sideways as the thighs parted (the 90/90 switch, side-lying abduction, kneeling windmill).
  // With the difference growing linearly from the plane, the thighs' parting shears the strip
  // evenly instead of at its first row. In front (the crotch between the flexed thighs, pressed
  // together) the weights are left as step 5 made them.
  if (kCrotchEvenHalfWidth > 0.0f) {
    const int pelvis_node = find_node(nodes, "pelvis"), fr = find_node(nodes, "femur_r"), fl = find_node(nodes, "femur_l");
    for (size_t v = 0; v < nv; ++v) {
      const uint32_t t = out.twin[v];
      if (t < v) continue;
      const float az = std::fabs(m.pos[v].z);
      if (az >= kCrotchEvenHalfWidth || m.pos[v].x > kCrotchEvenFrontTo) continue;
      float wr = 0.0f, wl = 0.0f;
      bool pel = false;
      std::vector<std::pair<float, int>> w;
      for (int k = 0; k < 4; ++k) {
        const float f = out.weights[v][static_cast<size_t>(k)];
        if (f <= 0.0f) continue;
        const int j = out.joints[v][static_cast<size_t>(k)];
        if (j == fr) wr += f;
        else if (j == fl) wl += f;
        else w.emplace_back(f, j);
        pel |= j == pelvis_node;
      }
      if (!pel || wr + wl <= 0.0f) continue;
      const float mean = 0.5f * (wr + wl), half_diff =
          0.5f * (wr - wl) * glm::mix(az / kCrotchEvenHalfWidth, 1.0f, smoothstep(kCrotchEvenFrontFrom, kCrotchEvenFrontTo, m.pos[v].x));
      if (mean + half_diff > 0.0f) w.emplace_back(mean + half_diff, fr);
      if (mean - half_diff > 0.0f) w.emplace_back(mean - half_diff, fl);
      keep_strongest_four(w, t == v, 0.0f, out.joints[v], out.weights[v]);
      if (t != v) {
        for (int k = 0; k < 4; ++k)
          out.joints[t][static_cast<size_t>(k)] = static_cast<uint8_t>(mirror_node[out.joints[v][static_cast<size_t>(k)]]);
        out.weights[t] = out.weights[v];
      }
    }
  }
  return out;
}

std::vector<glm::vec3> mirror_corrective(const SkinMesh& skin, const std::vector<glm::vec3>& shape, bool symmetric) {
  std::vector<glm::vec3> out(shape.size());
  for (size_t v = 0; v < shape.size(); ++v) {
    const glm::vec3 d = shape[skin.twin[v]];
    const glm::vec3 m(d.x, d.y, -d.z);
    out[v] = symmetric ? 0.5f * (shape[v] + m) : m;
  }
  if (symmetric) {  // exactly: each pair from one of its two
    for (size_t v = 0; v < shape.size(); ++v) {
      if (skin.twin[v] > v) out[skin.twin[v]] = {out[v].x, out[v].y, -out[v].z};
      if (skin.twin[v] == v) out[v].z = 0.0f;
    }
  }
  return out;
}

}  // namespace hiplab::modelgen

namespace hiplab::modelgen {

namespace {

// The rotation nearest a matrix (the orthogonal factor of its polar decomposition, by Higham's
// iteration X <- (X + X^-T) / 2): a blend of rotations without the blend's shrinking.
glm::dmat3 polar_factor(glm::dmat3 m) {
  for (int i = 0; i < 20; ++i) m = 0.5 * (m + glm::transpose(glm::inverse(m)));
  return m;
}

// Bounded distortion of the relaxed band (Lipman 2012's goal, met here by projecting constraints
// one triangle at a time, as position-based dynamics does): each triangle with a free corner whose
// area, signed along the normal the skinning gives it (what the stretch test calls inside out when
// negative), has fallen under lo times its rest area is pushed back to lo, and each stretched past
// hi pulled back to hi, by the least move of its free corners (the linearised constraint's
// minimal-norm step, half of it per sweep, averaged over the triangles a vertex shares); between
// sweeps the free vertices are smoothed a little toward their neighbours (even) so the corrected
// triangles do not spike. In the posed space p, pinned vertices stay.
// The normal a triangle's signed area is taken along: its rest normal turned by its corners' blend,
// or (nearest_rotation) by the rotation nearest that blend. The two agree where the blend is near
// one bone's rotation; where it mixes two rotations far apart (the armpit of the arm overhead, the
// arm ~155 deg from the trunk) the blend is no rotation (it shrinks the turned plane toward the
// shoulder's axis) and its normal points elsewhere. The overhead shape is bounded along the
// nearest rotation (arm_corrective): along the blend it held one armpit triangle a side
// (humerus_l (-5 134 -20) cm at rest, between trunk and arm half-and-half) edge-on against the
// stretch test's reference, 0.016 of the normals' product on the right side at the clamshell's
// bottom arm (153.8 deg of flexion, 4.4 of abduction: motion/hand_reach.h puts the head on it) and
// 0.004 on the wrong one at clamshell_30's (155.6 deg), turned inside out in all its 200
// triangle-samples; now none (every side-lying drill's bottom armpit no longer its worst squash:
// 0.256-0.261x -> 0.284-0.308x, now the top arm's inner upper arm). The shapes of the arms below
// the horizontal and of the hips keep the blend: along the nearest rotation, the supine
// PAILs/RAILs' armpit stretched 2.77 -> 3.15x (torso (-6 133 -18) cm, 200 samples past 3x), the
// 90/90 PAILs/RAILs' worst squash 0.2101 -> 0.2092x and the 90/90 switch +2 samples.
void bound_distortion(const SkinMesh& skin, const std::vector<glm::dmat4>& blend, const std::vector<char>& free_v, std::vector<glm::dvec3>& p,
                      int sweeps, double lo, double hi, double even, bool nearest_rotation) {
  const size_t nv = skin.mesh.pos.size();
  const auto& idx = skin.mesh.idx;
  struct Tri {
    uint32_t v[3];
    double rest_area;
    glm::dvec3 normal;  // unit: the rest normal turned by the skinning
  };
  std::vector<Tri> tris;
  for (size_t t = 0; t + 2 < idx.size(); t += 3) {
    const uint32_t a = idx[t], b = idx[t + 1], c = idx[t + 2];
    if (!free_v[a] && !free_v[b] && !free_v[c]) continue;
    const glm::dvec3 ra(skin.mesh.pos[a]), rb(skin.mesh.pos[b]), rc(skin.mesh.pos[c]);
    const glm::dvec3 n = glm::cross(rb - ra, rc - ra);
    const double area = 0.5 * glm::length(n);
    if (area < 1e-7) continue;  // slivers (the stretch test skips them too)
    // Where nearest_rotation: turned by the rotation nearest the corners' blend (polar_factor), the
    // stretch test's inside-out reference (tests/scene/skin_stretch_test.cpp, nearest_rotation);
    // otherwise by the blend itself.
    const glm::dmat3 sum = glm::dmat3(blend[a]) + glm::dmat3(blend[b]) + glm::dmat3(blend[c]);
    const glm::dvec3 turned = (nearest_rotation && std::abs(glm::determinant(sum)) > 1e-9 ? polar_factor(sum) : sum) * n;
    tris.push_back({{a, b, c}, area, glm::normalize(turned)});
  }
  std::vector<std::vector<uint32_t>> nb(nv);
  for (size_t t = 0; t + 2 < idx.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = idx[t + e], b = idx[t + (e + 1) % 3];
      if (free_v[a]) nb[a].push_back(b);
      if (free_v[b]) nb[b].push_back(a);
    }
  std::vector<glm::dvec3> move(nv);
  std::vector<int> count(nv);
  for (int sweep = 0; sweep < sweeps; ++sweep) {
    std::fill(move.begin(), move.end(), glm::dvec3(0.0));
    std::fill(count.begin(), count.end(), 0);
    for (const Tri& t : tris) {
      const glm::dvec3 a = p[t.v[0]], b = p[t.v[1]], c = p[t.v[2]];
      const glm::dvec3 cr = glm::cross(b - a, c - a);
      const double signed_ratio = 0.5 * glm::dot(cr, t.normal) / t.rest_area;
      const double ratio = 0.5 * glm::length(cr) / t.rest_area;
      glm::dvec3 n;
      double want;
      if (signed_ratio < lo) {
        n = t.normal;
        want = lo - signed_ratio;
      } else if (ratio > hi) {
        n = cr / glm::length(cr);
        want = hi - ratio;
      } else {
        continue;
      }
      // d(area along n)/d(corner i) = 0.5 n x (previous - next).
      const glm::dvec3 q[3] = {a, b, c};
      glm::dvec3 g[3];
      double norm2 = 0.0;
      for (int i = 0; i < 3; ++i) {
        g[i] = free_v[t.v[i]] ? 0.5 / t.rest_area * glm::cross(n, q[(i + 2) % 3] - q[(i + 1) % 3]) : glm::dvec3(0.0);
        norm2 += glm::dot(g[i], g[i]);
      }
      if (!(norm2 > 1.0)) continue;  // (1/m²: a triangle shrunk to a point has no direction to grow in)
      for (int i = 0; i < 3; ++i)
        if (free_v[t.v[i]]) {
          move[t.v[i]] += 0.5 * want / norm2 * g[i];
          ++count[t.v[i]];
        }
    }
    for (size_t v = 0; v < nv; ++v) {
      if (!free_v[v]) continue;
      if (count[v]) {
        // At most kBoundStep a sweep: the linearised step overshoots on a triangle collapsed flat.
        glm::dvec3 m = move[v] / static_cast<double>(count[v]);
        const double len = glm::length(m);
        if (len > kBoundStep) m *= kBoundStep / len;
        p[v] += m;
      }
      if (even > 0.0 && !nb[v].empty()) {
        glm::dvec3 mid(0.0);
        for (uint32_t u : nb[v]) mid += p[u];
        p[v] = (1.0 - even) * p[v] + even * mid / static_cast<double>(nb[v].size());
      }
    }
  }
}

// The relaxation shared by the corrective shapes: the skin posed by the skinning matrices skin_m
// (posed world times inverse rest world per node); the vertices blended between the moving nodes
// and the rest (more than min_share of each) are free, and grow_rings rings of mesh around them
// where may_slide allows; the free vertices are relaxed in the posed space (each edge its rest edge
// turned by the rotation between its two ends, with kCorrectiveEven Laplacian smoothing), the rest
// pinned where the blend puts them; the moved positions mapped back through the inverse of each
// vertex's blended matrix, as offsets in the skin's rest space (zero where not free). With
// bound_sweeps, then held to bounded distortion (bound_distortion; its signed areas along the
// nearest rotation of the blend where bound_nearest_rotation).
std::vector<glm::vec3> relaxed_offsets(const SkinMesh& skin, const std::vector<glm::dmat4>& skin_m, const std::vector<char>& moving,
                                       const std::vector<char>& may_slide, double min_share, int grow_rings, int iterations, double even = kCorrectiveEven,
                                       const std::vector<char>* band_ok = nullptr, int bound_sweeps = 0,
                                       const std::vector<glm::vec3>* base = nullptr, double bound_even = kBoundEven, double bound_lo = kBoundLo, double bound_hi = kBoundHi,
                                       const std::vector<double>* sink_limit = nullptr, bool bound_nearest_rotation = false) {
  const size_t nv = skin.mesh.pos.size();
  std::vector<glm::dmat4> blend(nv, glm::dmat4(0.0));
  std::vector<glm::dvec3> p(nv);
  std::vector<char> free_v(nv, 0);
  for (size_t v = 0; v < nv; ++v) {
    double share = 0.0;
    for (int k = 0; k < 4; ++k)
      if (skin.weights[v][k] > 0.0f) {
        blend[v] += double(skin.weights[v][k]) * skin_m[skin.joints[v][k]];
        if (moving[skin.joints[v][k]]) share += skin.weights[v][k];
      }
    // Where other shapes are applied at this pose (base), the skin starts where they put it.
    p[v] = glm::dvec3(blend[v] * glm::dvec4(glm::dvec3(skin.mesh.pos[v]) + (base ? glm::dvec3((*base)[v]) : glm::dvec3(0.0)), 1.0));
    // Blended between the moving limb and the trunk: where the blend collapses the joint's inside.
    free_v[v] = share > min_share && share < 1.0 - min_share && (!band_ok || (*band_ok)[v]);
  }
  // ... and the rings of vertices around that band: room for the skin to slide (pinned right at
  // the band's edge, the few triangles there take all of the joint's turn).
  {
    std::vector<std::vector<uint32_t>> nb(nv);
    for (size_t t = 0; t + 2 < skin.mesh.idx.size(); t += 3)
      for (int e = 0; e < 3; ++e) {
        const uint32_t a = skin.mesh.idx[t + e], b = skin.mesh.idx[t + (e + 1) % 3];
        nb[a].push_back(b);
        nb[b].push_back(a);
      }
    for (int ring = 0; ring < grow_rings; ++ring) {
      std::vector<char> grown = free_v;
      for (size_t v = 0; v < nv; ++v)
        if (free_v[v])
          for (uint32_t u : nb[v]) grown[u] |= may_slide[u];
      free_v.swap(grown);
    }
  }
  // Each vertex's blended rotation without the blend's shrinking (polar_factor of its blended
  // matrix): what the surface there should turn by.
  std::vector<glm::dmat3> turn(nv);
  for (size_t v = 0; v < nv; ++v) turn[v] = polar_factor(glm::dmat3(blend[v]));
  // Neighbours of each free vertex (an edge shared by two triangles counts twice: a weight).
  std::vector<std::vector<uint32_t>> adj(nv);
  const auto& idx = skin.mesh.idx;
  for (size_t t = 0; t + 2 < idx.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const uint32_t a = idx[t + e], b = idx[t + (e + 1) % 3];
      if (free_v[a]) adj[a].push_back(b);
      if (free_v[b]) adj[b].push_back(a);
    }
  // Relaxation in the posed space (Gauss-Seidel, in vertex order: deterministic): each free vertex
  // moves to where its edges are their rest edges turned by the rotation between their two ends,
  // rigid-like rather than collapsed; the rest of the skin is pinned where the blend puts it.
  std::vector<std::vector<glm::dvec3>> edge(nv);  // per neighbour: the turned rest edge to v
  for (size_t v = 0; v < nv; ++v)
    for (const uint32_t u : adj[v])
      edge[v].push_back(polar_factor(turn[v] + turn[u]) * (glm::dvec3(skin.mesh.pos[v]) - glm::dvec3(skin.mesh.pos[u])));
  // Where sink_limit is given: each free vertex with a finite limit may move no further inward
  // along its posed normal (its rest normal, area-weighted over its triangles, turned by its
  // blended rotation) than that (m) from where the blend (and base) put it; it slides along the
  // surface and out freely. Held after each relaxation round and after the bounded distortion.
  std::vector<glm::dvec3> sink_n(nv, glm::dvec3(0.0)), sink_p0(nv);
  std::vector<char> held(nv, 0);
  if (sink_limit) {
    for (size_t t = 0; t + 2 < idx.size(); t += 3) {
      const glm::dvec3 a(skin.mesh.pos[idx[t]]), b(skin.mesh.pos[idx[t + 1]]), c(skin.mesh.pos[idx[t + 2]]);
      const glm::dvec3 fn = glm::cross(b - a, c - a);
      for (int e = 0; e < 3; ++e) sink_n[idx[t + e]] += fn;
    }
    for (size_t v = 0; v < nv; ++v) {
      const double len = glm::length(sink_n[v]);
      if (!free_v[v] || !std::isfinite((*sink_limit)[v]) || !(len > 0.0)) continue;
      held[v] = 1;
      sink_n[v] = glm::normalize(turn[v] * (sink_n[v] / len));
      sink_p0[v] = p[v];
    }
  }
  auto hold_out = [&] {
    if (!sink_limit) return;
    for (size_t v = 0; v < nv; ++v) {
      if (!held[v]) continue;
      const double d = glm::dot(p[v] - sink_p0[v], sink_n[v]) + (*sink_limit)[v];
      if (d < 0.0) p[v] -= d * sink_n[v];
    }
  };
  for (int it = 0; it < iterations; ++it) {
    for (size_t v = 0; v < nv; ++v) {
      if (!free_v[v] || adj[v].empty()) continue;
      glm::dvec3 sum(0.0), mid(0.0);
      for (size_t k = 0; k < adj[v].size(); ++k) {
        sum += p[adj[v][k]] + edge[v][k];
        mid += p[adj[v][k]];
      }
      p[v] = ((1.0 - even) * sum + even * mid) / static_cast<double>(adj[v].size());
    }
    hold_out();
  }
  if (bound_sweeps > 0) {
    bound_distortion(skin, blend, free_v, p, bound_sweeps, bound_lo, bound_hi, bound_even, bound_nearest_rotation);
    hold_out();
  }
  std::vector<glm::vec3> out(nv, glm::vec3(0.0f));
  for (size_t v = 0; v < nv; ++v)
    if (free_v[v])
      out[v] = glm::vec3(glm::dvec3(glm::inverse(blend[v]) * glm::dvec4(p[v], 1.0)) - glm::dvec3(skin.mesh.pos[v]) -
                         (base ? glm::dvec3((*base)[v]) : glm::dvec3(0.0)));
  return out;
}

}  // namespace

std::vector<glm::vec3> arm_overhead_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side) {
  // The head bent toward the raised arm, as it lies on it side-lying.
  return arm_corrective(skin, nodes, side, {anatomy::kArmOverheadElevationDeg, 0.0, anatomy::kArmOverheadElbowDeg}, kCorrectiveNeckBendDeg);
}

std::vector<glm::vec3> arm_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const ArmAngles& arm,
                                      double neck_bend_deg) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  // The pose: the bind pose (every node unrotated) with this arm turned about the shoulder as
  // scene/body_pose.cpp turns it (flexion about z, then abduction about x, mirrored on the left),
  // the forearm and hand turned further about the elbow's z; the skinning matrix of each node is
  // its posed world times its inverse rest world.
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_arm(nodes.size(), 0);
  const double abd = dm::deg(arm.abduction);
  const glm::dmat3 turn = rotation({0, 0, 1}, dm::deg(arm.flexion)) * rotation({1, 0, 0}, side == 0 ? -abd : abd);
  const glm::dvec3 sh = nodes[static_cast<size_t>(find_node(nodes, "humerus" + sfx))].world;
  const glm::dvec3 el = nodes[static_cast<size_t>(find_node(nodes, "forearm" + sfx))].world;
  const glm::dmat3 bent = turn * rotation({0, 0, 1}, dm::deg(arm.elbow));
  for (const char* base : {"humerus", "forearm", "hand"}) {
    const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
    const bool below_elbow = std::string(base) != "humerus";
    glm::dmat4 posed(below_elbow ? bent : turn);
    const glm::dvec3 at = below_elbow ? sh + turn * (el - sh) + bent * (nodes[i].world - el) : sh + turn * (nodes[i].world - sh);
    posed[3] = glm::dvec4(at, 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
    is_arm[i] = 1;
  }
  if (neck_bend_deg != 0.0) {
    // The head bent toward this arm (side-lying, the head resting on the arm overhead).
    const size_t h = static_cast<size_t>(find_node(nodes, "head"));
    const glm::dmat3 bend = rotation({1, 0, 0}, dm::deg(side == 0 ? neck_bend_deg : -neck_bend_deg));
    glm::dmat4 posed(bend);
    posed[3] = glm::dvec4(nodes[h].world, 1.0);
    skin_m[h] = posed * glm::inverse(rest[h]);
    // The neck's blend between head and trunk relaxed with the arm's (the head counted as moving):
    // made with only the arm's band and its rings free, the far side of the neck, stretched over
    // the bend, was left where the blend puts it (the top of the upper shoulder side-lying,
    // torso 0.5 / head 0.45 at (-6 148 11) cm: 4.57x in the clamshell at rest, the side-lying
    // drills' worst; now 3.18x, their samples past a limit -200 to -436 each).
    is_arm[h] = 1;
  }
  // Beyond the blended band only the skin of the chest, this upper arm and forearm, and the base of
  // the neck moves (it slides toward the armpit); the hand stays on its bones (pinned, it holds the
  // arm's skin on the arm: with it free the whole arm's skin drifted 7-8 cm), the head (but for the
  // neck's blend, with the head bent), the pelvis and the other arm stay where the blend puts them.
  // Each arm's shapes slide only the skin on its own side of the midline: the two arms' shapes add
  // (side-lying, one arm overhead and the other's hand on the hip) and skin slid by both was moved
  // twice (the side-lying chest 12 000 triangle-samples past a limit, none before). An arm below
  // the horizontal (neck straight) keeps further from the midline, off the neck and above the
  // elbow (kArmLocal*): held as both arms are (kneeling, seated, the 90/90s) their shapes met at
  // the midline (the figure-4's chest 21 000), and an elbow bent otherwise than the shape's was torn.
  const bool local = neck_bend_deg == 0.0;
  const size_t nv = skin.mesh.pos.size();
  std::vector<char> may_slide(nv, 0);
  const int torso = find_node(nodes, "torso"), humerus = find_node(nodes, "humerus" + sfx),
            forearm = find_node(nodes, "forearm" + sfx), head = find_node(nodes, "head");
  for (size_t v = 0; v < nv; ++v) {
    may_slide[v] = (side == 0 ? 1.0f : -1.0f) * skin.mesh.pos[v].z > (local ? kArmLocalMidline : 0.0f);
    for (int k = 0; k < 4; ++k) {
      const bool neck = !local && skin.joints[v][k] == head && skin.weights[v][k] < kCorrectiveNeckSlide;
      const bool forearm_slides = skin.joints[v][k] == forearm &&
                                  (!local || (skin.weights[v][k] < kArmLocalForearmSlide && arm.elbow < anatomy::kElbowCorrectiveStartDeg));
      if (skin.weights[v][k] > 0.0f && skin.joints[v][k] != torso && skin.joints[v][k] != humerus && !forearm_slides && !neck)
        may_slide[v] = 0;
    }
    if (!local) {  // the raised arm's own skin stays on its bones (kOverheadRigidFrom)
      float arm_share = 0.0f;
      for (int k = 0; k < 4; ++k)
        if (skin.joints[v][k] == humerus || skin.joints[v][k] == forearm) arm_share += skin.weights[v][k];
      if (arm_share >= kOverheadRigidArm && glm::distance(glm::dvec3(skin.mesh.pos[v]), sh) > kOverheadRigidFrom) may_slide[v] = 0;
    }
  }
  std::vector<glm::vec3> out =
      relaxed_offsets(skin, skin_m, is_arm, may_slide, kCorrectiveMinArm, local ? kArmLocalGrowRings : kCorrectiveGrowRings, kCorrectiveIterations,
                      kCorrectiveEven, local ? &may_slide : nullptr, local ? kArmBoundSweeps : kOverheadBoundSweeps, nullptr,
                      local ? kArmBoundEven : kOverheadBoundEven, kArmBoundLo, kArmBoundHi, nullptr,
                      /*bound_nearest_rotation=*/!local);  // the overhead shape's: bound_distortion
  if (!local) {  // faded out past the midline, on the other arm's side (kOverheadFarSide*)
    for (size_t v = 0; v < nv; ++v) {
      const double past = (side == 0 ? -1.0 : 1.0) * skin.mesh.pos[v].z;
      out[v] *= static_cast<float>(fade_out(past, kOverheadFarSideFrom, kOverheadFarSideTo));
    }
  }
  return out;
}

// The elbow's own shape (body_skin.h): the skin's rest arm with the elbow bent elbow_deg.
std::vector<glm::vec3> elbow_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double elbow_deg) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  // The pose: the arm at the skin's rest pose (the upper arm's skinning matrix the identity), the
  // forearm and hand turned about the elbow's z as scene/body_pose.cpp bends it (after the
  // shoulder's turn).
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_forearm(nodes.size(), 0);
  const glm::dmat3 turn = arm_rest_rotation(side);
  const glm::dmat3 bent = turn * rotation({0, 0, 1}, dm::deg(elbow_deg));
  const int humerus = find_node(nodes, "humerus" + sfx), forearm = find_node(nodes, "forearm" + sfx);
  const glm::dvec3 sh = nodes[static_cast<size_t>(humerus)].world;
  const glm::dvec3 el = nodes[static_cast<size_t>(forearm)].world;
  skin_m[static_cast<size_t>(humerus)] = glm::dmat4(1.0);
  for (const char* base : {"forearm", "hand"}) {
    const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
    glm::dmat4 posed(bent);
    posed[3] = glm::dvec4(sh + turn * (el - sh) + bent * (nodes[i].world - el), 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
    is_forearm[i] = 1;
  }
  // Only the skin wholly on the upper arm and forearm slides (the elbow's blend and kElbowGrowRings
  // rings around it); the armpit's blend with the trunk (the arm's own shapes relax it) and the
  // wrist's with the hand stay where the blend puts them.
  const size_t nv = skin.mesh.pos.size();
  std::vector<char> may_slide(nv, 0);
  for (size_t v = 0; v < nv; ++v) {
    may_slide[v] = glm::distance(glm::dvec3(skin.mesh.pos[v]), glm::dvec3(rest[static_cast<size_t>(humerus)][3])) > kElbowSlideFrom;
    for (int k = 0; k < 4; ++k)
      if (skin.weights[v][k] > 0.0f && skin.joints[v][k] != humerus && skin.joints[v][k] != forearm) may_slide[v] = 0;
  }
  return relaxed_offsets(skin, skin_m, is_forearm, may_slide, kCorrectiveMinArm, kElbowGrowRings, kCorrectiveIterations, kCorrectiveEven,
                         &may_slide, kArmBoundSweeps, nullptr, kArmBoundEven, kArmBoundLo, kArmBoundHi);
}

namespace {

// A hip's turn as Gait2392's hip joint turns the femur (right hip: flexion about the pelvis's z,
// then adduction about x, then internal rotation about y; the left mirrored), degrees.
glm::dmat3 hip_turn(int side, const HipAngles& a) {
  glm::dmat3 r = rotation({0, 0, 1}, dm::deg(a.flexion)) * rotation({1, 0, 0}, dm::deg(a.adduction)) * rotation({0, 1, 0}, dm::deg(a.rotation));
  if (side == 1) {
    const glm::dmat3 mirror(glm::dvec3(1, 0, 0), glm::dvec3(0, 1, 0), glm::dvec3(0, 0, -1));
    r = mirror * r * mirror;
  }
  return r;
}

// The skinning matrices of one leg turned about its hip centre, knee straight (the leg below turns
// with the thigh), into skin_m; its nodes marked in moving when given.
void pose_leg(std::vector<glm::dmat4>& skin_m, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& a, std::vector<char>* moving) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  const glm::dmat3 turn = hip_turn(side, a);
  const glm::dvec3 hip = nodes[static_cast<size_t>(find_node(nodes, "femur" + sfx))].world;
  for (const char* base : {"femur", "tibia", "patella", "talus", "calcn", "toes"}) {
    const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
    glm::dmat4 posed(turn);
    posed[3] = glm::dvec4(hip + turn * (nodes[i].world - hip), 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
    if (moving) (*moving)[i] = 1;
  }
}

}  // namespace

std::vector<glm::vec3> hip_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double flexion_deg,
                                              double adduction_deg, double rotation_deg) {
  return hip_corrective(skin, nodes, side, {flexion_deg, adduction_deg, rotation_deg}, nullptr);
}

std::vector<glm::vec3> hip_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& self,
                                      const HipAngles* other_leg, const std::vector<double>* sink_limit) {
  // The pose: the bind pose with this hip turned (and the other, when given, as it is held with it).
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_leg(nodes.size(), 0);
  pose_leg(skin_m, nodes, side, self, &is_leg);
  if (other_leg) pose_leg(skin_m, nodes, 1 - side, *other_leg, nullptr);
  // Beyond the blended band the skin of the lower trunk and this thigh slides (the groin's fold
  // and the buttock's stretch spread over it); the shank and foot, the other leg and the chest
  // above the lumbar blend stay where the blend puts them.
  const size_t nv = skin.mesh.pos.size();
  std::vector<char> may_slide(nv, 0);
  const int pelvis = find_node(nodes, "pelvis"), torso = find_node(nodes, "torso"), femur = find_node(nodes, side == 0 ? "femur_r" : "femur_l");
  const int other = find_node(nodes, side == 0 ? "femur_l" : "femur_r");
  // With the other leg posed too, the crotch between the two thighs (within kCrotchHalfWidth of
  // the midline at rest) is relaxed as well: it is where the parted thighs stretch the perineum.
  // Made with this hip alone, the front of the crotch is shared with the other hip's shape
  // (kSharedCrotch*): relaxed too, and scaled below by this thigh's share.
  auto shared = [&](size_t v) { return !other_leg && in_shared_crotch_front(skin.mesh.pos[v]); };
  auto crotch = [&](size_t v) { return (other_leg && std::fabs(skin.mesh.pos[v].z) < kCrotchHalfWidth) || shared(v); };
  // The cleft behind (kCleftSlideBehind): in the turned-out shape, its skin more of this thigh than
  // of the other slides.
  auto cleft_side = [&](size_t v) {
    if (other_leg || self.rotation >= 0.0 || skin.mesh.pos[v].x >= kCleftSlideBehind) return false;
    float sw = 0.0f, ow = 0.0f;
    for (int k = 0; k < 4; ++k) {
      if (skin.joints[v][k] == femur) sw += skin.weights[v][k];
      if (skin.joints[v][k] == other) ow += skin.weights[v][k];
    }
    return ow < sw;
  };
  for (size_t v = 0; v < nv; ++v) {
    may_slide[v] = 1;
    for (int k = 0; k < 4; ++k) {
      const int j = skin.joints[v][k];
      const bool trunk = j == pelvis || (j == torso && skin.weights[v][k] < kHipCorrectiveTorsoSlide);
      if (skin.weights[v][k] > 0.0f && !trunk && j != femur && !(j == other && (crotch(v) || cleft_side(v)))) may_slide[v] = 0;
    }
  }
  // The crotch, blended with the other thigh too, stays out of the band of the shapes made with
  // one hip posed: both hips flex together (seated, 90/90) and the two shapes add there; relaxed
  // in both, it was moved twice (the perineum stretched 6.8-10.7x against 5.1-9.3x).
  std::vector<char> band_ok(nv, 1);
  for (size_t v = 0; v < nv; ++v)
    for (int k = 0; k < 4; ++k)
      if (skin.joints[v][k] == other && skin.weights[v][k] > kHipCorrectiveOtherThigh && !crotch(v)) band_ok[v] = 0;
  // The cleft's sliding skin is held from sinking inward, on top of any limit the caller gives.
  std::vector<double> cleft_hold;
  for (size_t v = 0; v < nv; ++v) {
    if (!cleft_side(v)) continue;
    if (cleft_hold.empty())
      cleft_hold = sink_limit ? *sink_limit : std::vector<double>(nv, std::numeric_limits<double>::infinity());
    cleft_hold[v] = 0.0;
  }
  if (!cleft_hold.empty()) sink_limit = &cleft_hold;
  std::vector<glm::vec3> out = relaxed_offsets(skin, skin_m, is_leg, may_slide, kCorrectiveMinHip, kHipCorrectiveGrowRings,
                                               kHipCorrectiveIterations, kHipCorrectiveEven, &band_ok, 0, nullptr, kBoundEven, kBoundLo,
                                               kBoundHi, sink_limit);
  // The shared front of the crotch: this thigh's share of the two thighs' (1 where the other has
  // none, a half on the midline), so that both hips' shapes together move it once.
  for (size_t v = 0; v < nv; ++v) {
    if (!shared(v)) continue;
    float self_w = 0.0f, other_w = 0.0f;
    for (int k = 0; k < 4; ++k) {
      if (skin.joints[v][k] == femur) self_w += skin.weights[v][k];
      if (skin.joints[v][k] == other) other_w += skin.weights[v][k];
    }
    if (other_w > 0.0f) out[v] *= self_w / (self_w + other_w);
  }
  return out;
}

namespace {
// hip_corrective with this hip alone at `self`, the skin of its side away from the midline kept
// from sinking (kAbductorKeep*): the shapes of a straight hip abducted or turned in.
std::vector<glm::vec3> hip_kept_out_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& self) {
  const double sgn = side == 0 ? 1.0 : -1.0;  // this side's +z
  std::vector<double> sink(skin.mesh.pos.size(), std::numeric_limits<double>::infinity());
  for (size_t v = 0; v < sink.size(); ++v) {
    // Held on this side away from the midline; the crotch free.
    const double w = 1.0 - fade_out(sgn * double(skin.mesh.pos[v].z), kAbductorKeepMidlineFrom, kAbductorKeepMidlineTo);
    if (w > 0.0) sink[v] = (1.0 - w) * kAbductorKeepFade;
  }
  return hip_corrective(skin, nodes, side, self, nullptr, &sink);
}
}  // namespace

std::vector<glm::vec3> hip_abduction_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double abduction_deg) {
  return hip_kept_out_corrective(skin, nodes, side, {anatomy::kHipOtherStraightDeg, abduction_deg, 0.0});
}

std::vector<glm::vec3> hip_turned_in_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double rotation_deg) {
  return hip_kept_out_corrective(skin, nodes, side, {anatomy::kHipOtherStraightDeg, 0.0, rotation_deg});
}

void fade_hip_shape(const std::vector<SkeletonNode>& nodes, const SkinMesh& skin, std::vector<glm::vec3>& shape) {
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  glm::dvec3 hip[2], axis[2];  // right (+z), left
  for (int s = 0; s < 2; ++s) {
    hip[s] = glm::dvec3(rest[static_cast<size_t>(find_node(nodes, s == 0 ? "femur_r" : "femur_l"))][3]);
    axis[s] = glm::dvec3(rest[static_cast<size_t>(find_node(nodes, s == 0 ? "tibia_r" : "tibia_l"))][3]) - hip[s];
  }
  for (size_t v = 0; v < shape.size(); ++v) {
    const int s = skin.mesh.pos[v].z >= 0.0f ? 0 : 1;
    const double t = glm::dot(glm::dvec3(skin.mesh.pos[v]) - hip[s], axis[s]) / glm::dot(axis[s], axis[s]);
    shape[v] *= static_cast<float>(fade_out(t, kHipShapeFadeFrom, kHipShapeFadeTo) *
                                   fade_out(skin.mesh.pos[v].y - hip[s].y, kHipShapeFadeUpFrom, kHipShapeFadeUpTo));
  }
}

std::vector<glm::vec3> hip_pair_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, const HipAngles& right,
                                           const HipAngles& left, const std::vector<glm::vec3>& hip_shapes, bool whole_band, bool long_bound,
                                           bool front_over_hips) {
  // The pose: both hips turned; both legs move.
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_leg(nodes.size(), 0);
  pose_leg(skin_m, nodes, 0, right, &is_leg);
  pose_leg(skin_m, nodes, 1, left, &is_leg);
  // Only the crotch slides: the skin within kPairCrotchHalfWidth of the midline at rest, carried by
  // the pelvis (the lower trunk) and the thighs, that the hips' own shapes leave where it is (they
  // keep out of it: hip_corrective); the band is the part of it blended with both thighs.
  const size_t nv = skin.mesh.pos.size();
  const int pelvis = find_node(nodes, "pelvis"), torso = find_node(nodes, "torso");
  const int femur_r = find_node(nodes, "femur_r"), femur_l = find_node(nodes, "femur_l");
  std::vector<char> may_slide(nv, 0), band(nv, 0);
  for (size_t v = 0; v < nv; ++v) {
    // (... and over the front of the crotch that both hips' shapes share, from where they put it.)
    const glm::vec3& q = skin.mesh.pos[v];
    const bool shared_front = in_shared_crotch_front(q) || (front_over_hips && q.x > kSharedCrotchFrontFrom);
    if (!whole_band && (std::fabs(skin.mesh.pos[v].z) >= kPairCrotchHalfWidth || (hip_shapes[v] != glm::vec3(0.0f) && !shared_front))) continue;
    bool ok = true, right_thigh = false, left_thigh = false;
    for (int k = 0; k < 4; ++k) {
      if (skin.weights[v][k] <= 0.0f) continue;
      const int j = skin.joints[v][k];
      right_thigh |= j == femur_r;
      left_thigh |= j == femur_l;
      ok &= j == pelvis || j == femur_r || j == femur_l || (j == torso && skin.weights[v][k] < kHipCorrectiveTorsoSlide);
    }
    may_slide[v] = ok;
    band[v] = ok && (whole_band || (right_thigh && left_thigh));
  }
  return relaxed_offsets(skin, skin_m, is_leg, may_slide, kCorrectiveMinHip, whole_band ? kHipCorrectiveGrowRings : kPairCorrectiveGrowRings,
                         kHipCorrectiveIterations, kHipCorrectiveEven, &band, long_bound ? kArmBoundSweeps : kPairBoundSweeps, &hip_shapes,
                         long_bound ? kArmBoundEven : kBoundEven);
}

std::vector<glm::vec3> hip_extension_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& pose) {
  // The pose: the bind pose with this hip turned back (knee straight); the other leg stays.
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_leg(nodes.size(), 0);
  pose_leg(skin_m, nodes, side, pose, &is_leg);
  // As hip_corrective's, the skin of the lower trunk and this thigh slides; but none of the skin
  // blended with the other thigh (the crotch, the front of it included) slides or is in the band:
  // the shape is weighted with the other hip flexed (the supine drills' straight leg beside the
  // flexed one, the kneeling windmill's back hip beside the front), where the flexed hip's own
  // shape and the crotch shape place that skin. Relaxing the shared front of the crotch here too
  // (hip_corrective's kSharedCrotch*) squashed it: the supine PAILs/RAILs' worst squash 0.0260 ->
  // 0.0215x at (3 82 2) cm, and its count 1 684 -> 1 710.
  const size_t nv = skin.mesh.pos.size();
  const int pelvis = find_node(nodes, "pelvis"), torso = find_node(nodes, "torso"), femur = find_node(nodes, side == 0 ? "femur_r" : "femur_l");
  const int other = find_node(nodes, side == 0 ? "femur_l" : "femur_r");
  std::vector<char> may_slide(nv, 1), band_ok(nv, 1);
  for (size_t v = 0; v < nv; ++v)
    for (int k = 0; k < 4; ++k) {
      const int j = skin.joints[v][k];
      if (skin.weights[v][k] <= 0.0f) continue;
      const bool trunk = j == pelvis || (j == torso && skin.weights[v][k] < kHipCorrectiveTorsoSlide);
      if (!trunk && j != femur) may_slide[v] = 0;
      if (j == other && skin.weights[v][k] > kHipCorrectiveOtherThigh) band_ok[v] = 0;
    }
  return relaxed_offsets(skin, skin_m, is_leg, may_slide, kCorrectiveMinHip, kHipCorrectiveGrowRings, kHipCorrectiveIterations,
                         kHipCorrectiveEven, &band_ok);
}

std::vector<glm::vec3> knee_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double flexion_deg) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  // The pose: the bind pose (thigh straight down) with this knee flexed: the shank and foot turn
  // backward (about -z) about the knee's centre.
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_shank(nodes.size(), 0);
  const glm::dmat3 bend = rotation({0, 0, 1}, -dm::deg(flexion_deg));
  const glm::dvec3 knee = nodes[static_cast<size_t>(find_node(nodes, "tibia" + sfx))].world;
  for (const char* base : {"tibia", "patella", "talus", "calcn", "toes"}) {
    const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
    glm::dmat4 posed(bend);
    posed[3] = glm::dvec4(knee + bend * (nodes[i].world - knee), 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
    is_shank[i] = 1;
  }
  // Beyond the blended band the skin of the thigh and the calf slides; the foot, the hip's blend
  // and everything else stay where the blend puts them.
  const size_t nv = skin.mesh.pos.size();
  std::vector<char> may_slide(nv, 0);
  const int femur = find_node(nodes, "femur" + sfx), tibia = find_node(nodes, "tibia" + sfx), patella = find_node(nodes, "patella" + sfx);
  // Only the back of the knee is relaxed (the fold: kKneeCorrectiveBehind); the front stays where
  // the blend puts it.
  const glm::dvec3 rest_knee(rest[static_cast<size_t>(tibia)][3]);
  const glm::dvec3 forward = glm::normalize(glm::dmat3(rest[static_cast<size_t>(femur)]) * glm::dvec3(1, 0, 0) +
                                            glm::dmat3(rest[static_cast<size_t>(tibia)]) * glm::dvec3(1, 0, 0));
  std::vector<char> behind(nv, 0);
  for (size_t v = 0; v < nv; ++v) behind[v] = glm::dot(glm::dvec3(skin.mesh.pos[v]) - rest_knee, forward) < -kKneeCorrectiveBehind;
  for (size_t v = 0; v < nv; ++v) {
    may_slide[v] = behind[v];
    for (int k = 0; k < 4; ++k) {
      const int j = skin.joints[v][k];
      if (skin.weights[v][k] > 0.0f && j != femur && j != tibia && j != patella) may_slide[v] = 0;
    }
  }
  return relaxed_offsets(skin, skin_m, is_shank, may_slide, kCorrectiveMinHip, kKneeCorrectiveGrowRings, kHipCorrectiveIterations,
                         kKneeCorrectiveEven, &behind);
}

std::vector<glm::vec3> hip_knee_flexed_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& hip,
                                                  double knee_deg, const std::vector<glm::vec3>& base) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  // The pose: the bind pose with this hip turned (pose_leg: the leg below turns with the thigh),
  // then the shank and foot bent back at the knee (as knee_flexion_corrective bends them, about the
  // knee's centre in the thigh's frame).
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> is_leg(nodes.size(), 0);
  pose_leg(skin_m, nodes, side, hip, &is_leg);
  const glm::dmat3 turn = hip_turn(side, hip), bend = rotation({0, 0, 1}, -dm::deg(knee_deg));
  const glm::dvec3 hip_c = nodes[static_cast<size_t>(find_node(nodes, "femur" + sfx))].world;
  const glm::dvec3 knee = nodes[static_cast<size_t>(find_node(nodes, "tibia" + sfx))].world;
  for (const char* b : {"tibia", "patella", "talus", "calcn", "toes"}) {
    const size_t i = static_cast<size_t>(find_node(nodes, b + sfx));
    glm::dmat4 posed(turn * bend);
    posed[3] = glm::dvec4(hip_c + turn * (knee - hip_c + bend * (nodes[i].world - knee)), 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
  }
  // Where along this thigh a vertex lies at rest (0 at the hip centre, 1 at the knee's), as
  // fade_hip_shape measures it.
  const glm::dvec3 rest_hip(rest[static_cast<size_t>(find_node(nodes, "femur" + sfx))][3]);
  const glm::dvec3 axis = glm::dvec3(rest[static_cast<size_t>(find_node(nodes, "tibia" + sfx))][3]) - rest_hip;
  const size_t nv = skin.mesh.pos.size();
  const double sgn = side == 0 ? 1.0 : -1.0;
  const int pelvis = find_node(nodes, "pelvis"), femur = find_node(nodes, "femur" + sfx), tibia = find_node(nodes, "tibia" + sfx),
            patella = find_node(nodes, "patella" + sfx);
  std::vector<char> may_slide(nv, 0), band(nv, 0);
  for (size_t v = 0; v < nv; ++v) {
    const glm::dvec3 q(skin.mesh.pos[v]);
    if (sgn * q.z <= 0.0) continue;  // this side
    const double t = glm::dot(q - rest_hip, axis) / glm::dot(axis, axis);
    bool ok = true, tail = false;
    for (int k = 0; k < 4; ++k) {
      if (skin.weights[v][k] <= 0.0f) continue;
      const int j = skin.joints[v][k];
      ok &= j == femur || j == tibia || j == patella || j == pelvis;
      tail |= j == pelvis && skin.weights[v][k] < kKneeHipTailMax;
    }
    // The lower thigh's skin (where the hips' shapes have faded, kHipShapeFade*) slides; the band
    // is the part of it that carries a tail of the pelvis's share.
    may_slide[v] = ok && t > kKneeHipSlideFrom;
    band[v] = may_slide[v] && tail && t > kKneeHipBandFrom;
  }
  // None of it moves inward along its posed normal from where the blend and base put it (it slides
  // along the surface and out; hip_kept_out_corrective's hold, with no slack): relaxed freely, the
  // inner thigh's skin sank a little over the adductors (tests/scene/muscle_poke_through_test.cpp).
  const std::vector<double> no_sink(nv, 0.0);
  return relaxed_offsets(skin, skin_m, is_leg, may_slide, 0.0, kKneeHipGrowRings, kHipCorrectiveIterations, kKneeHipEven, &band, 0, &base,
                         kBoundEven, kBoundLo, kBoundHi, &no_sink);
}

std::vector<glm::vec3> foot_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double ankle_deg, double mtp_deg) {
  const std::string sfx = side == 0 ? "_r" : "_l";
  const std::vector<glm::dmat4> rest = skin_rest_world(nodes);
  // The pose: the bind pose (leg straight) with the foot turned about the ankle's axis through the
  // ankle's centre (talus, calcaneus and toes), then the toes about the mtp axis (fixed in the
  // calcaneus) through their joint, as anatomy/kinematics.cpp turns them; the axes Gait2392's
  // (anatomy/skeleton.cpp), mirrored on the left.
  auto axis = [&](anatomy::BodyId right) {
    const glm::dvec3 a = glm::normalize(anatomy::body_info(right).hinge_axis);
    return side == 0 ? a : anatomy::mirror_axis(a);
  };
  const bool ankle_turns = ankle_deg != 0.0;
  const glm::dmat3 ankle = rotation(axis(anatomy::BodyId::kTalusR), dm::deg(ankle_deg));
  const glm::dmat3 mtp = rotation(axis(anatomy::BodyId::kToesR), dm::deg(mtp_deg));
  const glm::dvec3 talus = nodes[static_cast<size_t>(find_node(nodes, "talus" + sfx))].world;
  const glm::dvec3 toes_joint = talus + ankle * (nodes[static_cast<size_t>(find_node(nodes, "toes" + sfx))].world - talus);
  std::vector<glm::dmat4> skin_m = bind_skin_matrices(nodes);
  std::vector<char> moving(nodes.size(), 0);
  int lead = -1;  // the first moving node: the frame the skin wholly on the moving part follows
  for (const char* base : {"talus", "calcn", "toes"}) {
    const bool toes = std::string(base) == "toes";
    if (!ankle_turns && !toes) continue;  // only the toes turn: the ankle's blend stays as it is
    const size_t i = static_cast<size_t>(find_node(nodes, base + sfx));
    glm::dmat4 posed(toes ? ankle * mtp : ankle);
    posed[3] = glm::dvec4(toes ? toes_joint : talus + ankle * (nodes[i].world - talus), 1.0);
    skin_m[i] = posed * glm::inverse(rest[i]);
    moving[i] = 1;
    if (lead < 0) lead = static_cast<int>(i);
  }
  // The band and the skin that may slide around it: blended only among the shank and the foot (the
  // knee's blend, with the thigh or the kneecap, stays), more than a trace on the moving part and
  // less than kFootRigidShare. The skin wholly on either side is pinned: left free (nothing beyond
  // it holding the band), the toes' skin drifted off the toes (the half-kneeling windmill's tucked
  // toes 11 cm above the floor, the bones 9 cm through the skin: tests/app/drill_posture_test.cpp).
  // With the ankle turned, the skin more than kFootRigidShare on the foot is pinned where the foot's
  // own frame puts it, not where the blend does: the ankle's blend reaches the forefoot (a fifth of
  // the shank's at the ball), which lags the pointed foot by 9 deg and folded the top of the
  // forefoot. With the toes turned, only the top of the foot and the toes slides (no lower than
  // kToesCorrectiveBelow below the joint's centre: extension folds the top, kKneeCorrectiveBehind's
  // pattern), and the toes stay where the blend puts them (pinned to the toes' frame the tucked
  // toes' skin rose 1 mm off the floor, the bones 1.26 cm through it, against 1.16).
  const size_t nv = skin.mesh.pos.size();
  std::vector<char> may_slide(nv, 0), band(nv, 0);
  std::vector<glm::vec3> base(nv, glm::vec3(0.0f));
  std::vector<int> leg;
  for (const char* b : {"tibia", "talus", "calcn", "toes"}) leg.push_back(find_node(nodes, b + sfx));
  const double joint_y = rest[static_cast<size_t>(lead)][3].y;
  for (size_t v = 0; v < nv; ++v) {
    bool leg_only = true;
    double share = 0.0;
    glm::dmat4 blend(0.0);
    for (int k = 0; k < 4; ++k) {
      if (skin.weights[v][k] <= 0.0f) continue;
      if (std::find(leg.begin(), leg.end(), skin.joints[v][k]) == leg.end()) leg_only = false;
      if (moving[skin.joints[v][k]]) share += skin.weights[v][k];
      blend += double(skin.weights[v][k]) * skin_m[skin.joints[v][k]];
    }
    const bool top = ankle_turns || skin.mesh.pos[v].y > joint_y - kToesCorrectiveBelow;
    band[v] = share < kFootRigidShare && top;
    may_slide[v] = band[v] && leg_only && share > kFootTrace;
    if (ankle_turns && leg_only && share >= kFootRigidShare) {
      const glm::dvec3 r(skin.mesh.pos[v]);
      const glm::dvec3 want(skin_m[static_cast<size_t>(lead)] * glm::dvec4(r, 1.0));
      base[v] = glm::vec3(glm::dvec3(glm::inverse(blend) * glm::dvec4(want, 1.0)) - r);
    }
  }
  std::vector<glm::vec3> out = relaxed_offsets(skin, skin_m, moving, may_slide, kCorrectiveMinHip, kFootCorrectiveGrowRings,
                                               kHipCorrectiveIterations, kFootCorrectiveEven, &band, kArmBoundSweeps, &base, kArmBoundEven,
                                               kArmBoundLo, kArmBoundHi);
  for (size_t v = 0; v < nv; ++v) out[v] += base[v];
  return out;
}

}  // namespace hiplab::modelgen
