// frame_analysis.h — one frame of the biomechanics: pose -> muscle paths, lengths, stretch and
// moment arms -> joint torques from gravity, external loads and efforts -> muscle activations by
// static optimisation (static_optimization.h), for both legs.
//
// Torques (N m) are about the six muscle coordinates of each leg (hip flexion, adduction,
// rotation, knee, ankle, subtalar; signs in anatomy/joint_coordinates.h). `required_torque` is what the muscles'
// activations must make: required = -(gravity + external + contact) + effort (0 about a braced
// coordinate), where gravity/external/contact are the generalised forces the loads apply
// (quasi-static, pelvis held fixed by the posture). Gravity acts on every segment; what carries it
// is the contacts.
//
// Muscles (muscle_force.h): Gait2392's Thelen 2003 muscles with compliant tendons, with the
// optimal fibre and tendon slack lengths re-fitted where HipLab's path differs from Gait2392's
// and the passive strain at F_max fitted per group to measured passive joint moments
// (anatomy/muscle_calibration.h). Each frame the
// fibre-tendon equilibrium is solved for every muscle twice, relaxed and fully active; the relaxed
// tendon force is the muscle's passive pull, and the difference is what activation adds (the
// muscle's column in the solve). The passive pull is counted in the balance (issue 13: stretch
// drills hold the hip at end range, and the passive torque is what the patient feels): required =
// -(gravity + external + contact + passive) + effort, and an effort's torque is its share of the
// active capacity plus the passive pull about that coordinate (the activations make exactly the
// share). BiomechInput::count_passive = false leaves it out (shown only; `activations --no-passive`).
// The passive moments it gives (biomech/passive_moment.h) follow Riener & Edrich 1999 (J Biomech
// 32:539) within a root mean square of 6.5 N m at the hip and 5.1 N m at the knee over hip -10..105
// deg x knee 0..110 deg (14.2 and 10.3 with Gait2392's uniform e0 = 0.6, which made them up to 2-3
// times the measured: the knee -15.8 N m against -6.9 at the figure-4 release, 110 deg knee).
// Counted, all 264 sampled frames of the shipped drills are feasible (docs/validation.md,
// "Passive fibre force in the balance"; tests/assets/passive_default_test.cpp), and in the holds
// that ask for no effort no muscle reaches 50% (tests/assets/restful_hold_test.cpp: figure-4
// 0.48, the 90/90 holds 0.12, where 100% had been reached).
//
// Contacts (loads.h) are chosen by the solve together with the muscles: each is a push f_n >= 0
// along its normal with friction inside a pyramid of kFrictionEdges edges inscribed in the cone
// |f_t| <= mu f_n (below), entering the torque balance through the Jacobian of its point
// (the moment of the force about every coordinate it crosses; the other body feels the
// opposite force). The objective is sum a_i^2 + kContactCostWeight * sum_k (c_k / W)^2 over the
// activations a_i and the pyramid edge forces c_k, W the body weight. The weight 1/225 makes a
// push of 15 body weights cost what one fully active muscle does: cheap enough that contacts carry
// a resting leg (the muscles are left below 0.1%), dear enough that the solve does not squeeze
// thousands of newtons through a millimetre lever — with the pelvis held fixed (legs-only
// balance), a squeeze would otherwise be free; the whole-body rows below make it pay in weight.
// Pushes only, friction limited. A contact
// between the two legs couples them: both legs are then solved as one problem (12 rows).
//
// Whole-body balance (Loads::whole_body): the body is a floating base — nothing holds the pelvis
// but the contacts — so six more rows ask the contacts, bands, cables and gravity on every segment
// (legs, and the pelvis with the trunk, head and arms as one mass) to add up to zero force and zero
// moment about the pelvis origin (the Newton-Euler equations of the whole body; muscles, efforts
// and braces are internal and do not enter them). A contact's push is then not free: it must be
// matched by the weight it carries, so a point near a hip cannot squeeze the joint. The moments
// about each hip follow from the same contact forces through the leg rows. What the contacts
// cannot balance (a centre of mass outside the support, a contact missing from the drill) goes to
// six residual loads on the pelvis, as OpenSim's residual actuators (Delp et al. 2007, IEEE Trans
// Biomed Eng 54:1940), priced so that 1% of the body weight costs what one fully active muscle
// does; they are reported (BiomechResult::residual_*) and should stay small — Hicks et al. 2015,
// J Biomech Eng 137:020905, take residual forces below 5% of the largest external force as
// acceptable.
// Mass of the rest of the body: body mass minus the de Leva legs (anthropometry.h); its centre of
// mass in the pelvis frame from Gait2392 (pelvis 11.777 kg at (-0.0707, 0, 0); torso, i.e. trunk,
// head and arms lumped, 34.2366 kg at (-0.03, 0.32, 0) in the torso frame, whose origin is the back
// joint (-0.1007, 0.0815, 0) and which turns with the lumbar angles as in motion/floor_contacts.h).
// The arms' own pose is not followed (Gait2392 lumps them into the torso).
// Effort capacity: the torque that full activation adds, over all muscles with a moment arm in
// that direction, at their current length (capacity_positive >= 0 >= capacity_negative; the
// passive pull is not in it).
// No allocation inside analyze_frame; the result is caller-owned and reusable.
#pragma once
#include <array>

#include "anatomy/joint_coordinates.h"
#include "anatomy/kinematics.h"
#include "anatomy/muscle_path.h"
#include "anatomy/upper_body.h"
#include "biomech/anthropometry.h"
#include "biomech/loads.h"
#include "biomech/posture.h"
#include "biomech/static_optimization.h"

namespace hiplab::biomech {

using Torques = std::array<double, anatomy::kMuscleCoordCount>;

struct BiomechInput {
  anatomy::LegAngles pose;
  Posture posture = Posture::kStanding;
  // The drill's pelvis tilt, obliquity and turn (motion/floor_contacts.h pelvis_offset_rotation):
  // the pelvis's world orientation is pelvis_to_world(posture) * pelvis_offset. Gravity, bands and
  // cables act in the world as the body is placed in it.
  glm::dmat3 pelvis_offset{1.0};
  anatomy::UpperBodyPose upper;  // lumbar angles place the trunk's centre of mass
  BodyDescription body;
  Loads loads;
  bool count_passive = true;  // count the muscles' passive pull in the balance (see above)
  // Solve with static_optimization.h's reference path (cold, Jacobi pseudo-inverses): for tests
  // that check the fast path's answer; about 25 times slower.
  bool reference_solve = false;
};

struct MuscleState {
  double length_m = 0.0;
  double stretch_vs_anatomical = 1.0;   // L / L(anatomical position)
  double stretch_vs_optimal = 1.0;      // L / (optimal fibre + tendon slack length, as used for the force: anatomy/muscle_calibration.h)
  double normalized_fibre_length = 1.0;       // l_M / l_o of the relaxed muscle (equilibrium at 0 activation)
  double normalized_fibre_length_full = 1.0;  // l_M / l_o when fully active (its tendon stretched)
  double tendon_strain_full = 0.0;            // tendon strain when fully active
  double force_length = 1.0;                  // active force-length factor when fully active
  double available_force_n = 0.0;             // what full activation adds to the passive pull (muscle_force.h)
  double activation = 0.0;                    // [0, 1]
  double force_n = 0.0;                       // activation * available force (active)
  double passive_force_n = 0.0;               // the relaxed muscle's pull (in the balance unless count_passive is off)
  Torques moment_arm_m{};
};

struct LegResult {
  anatomy::LegKinematics kinematics;    // in the right-leg frame (see kinematics.h)
  anatomy::LegMusclePaths paths;        // points in this side's pelvis frame
  std::array<MuscleState, anatomy::kMuscleCount> muscle{};
  // passive: the relaxed muscles' pull (muscle_force.h), in the balance unless count_passive is off.
  // required and achieved are the muscles' active torque.
  Torques gravity_torque{}, external_torque{}, contact_torque{}, passive_torque{}, effort_torque{},
      required_torque{}, achieved_torque{}, capacity_positive{}, capacity_negative{};
  std::array<bool, anatomy::kMuscleCoordCount> saturated{};
  std::array<bool, anatomy::kMuscleCoordCount> braced{};  // torque supplied by a Brace, not muscles
  bool feasible = true;
  bool solver_converged = true;  // false: the solver stopped at its iteration cap
  int solver_iterations = 0;
};

// The force a contact carries in this frame, on its `at` site (the other body feels -force).
struct ContactResult {
  glm::dvec3 point_pelvis{0.0};   // where the force acts (the at-site's surface), pelvis frame, m
  glm::dvec3 normal_pelvis{0.0};  // unit push direction on the at-site, pelvis frame
  glm::dvec3 force_pelvis{0.0};   // N, pelvis frame
  glm::dvec3 force_world{0.0};    // N, world axes of the posture (y up)
  double push_n = 0.0;            // normal component, >= 0
  double friction_n = 0.0;        // tangential magnitude, <= mu * push
  bool in_solve = false;          // false: neither side is on a leg (it only places the body)
};

inline constexpr double kContactCostWeight = 1.0 / 225.0;
// Edges of the friction pyramid, n + mu (cos a_k t1 + sin a_k t2), a_k = 2 pi k / kFrictionEdges:
// a regular polygon inscribed in Coulomb's circle |f_t| <= mu f_n. With 4 edges (|f_t1| + |f_t2|
// <= mu f_n) the friction allowed fell to cos 45 = 71% of mu f_n midway between the edges, whose
// axes t1, t2 are an arbitrary choice (the normal crossed with the pelvis x axis): in the
// clamshell's top the stacked ankles' friction was wanted in just such a diagonal, held to 0.35 of
// the push, and the top knee was held bent by its flexors (sartorius 37%, biceps femoris short
// head 33%; docs/validation.md, "The clamshell's top knee"). With 8 edges it is cos 22.5 = 92% at
// worst, whatever the axes. Each edge's weight is priced so that a push shared evenly by the edges
// costs the same whatever their number (frame_analysis.cpp, force_scale).
inline constexpr int kFrictionEdges = 8;
// The warm start is used only when no leg coordinate has moved more than this since the solve it
// starts from. Playing, the shipped drills move a joint at most 1.6 deg per frame at 60 fps
// (figure-4 setup), so this keeps every played frame warm down to 20 fps; a jump along the scrub
// bar is usually further, and a start from another moment of the drill took up to 2.5 times the
// active-set steps of a cold start (398 against 161 on the reverse clamshell; `hiplab bench`,
// scrubbing).
inline constexpr double kWarmStartMaxStepRad = 5.0 * 3.14159265358979323846 / 180.0;
// Nor when the torque to meet has changed by more than this share of its largest row (at least
// 1 N m): in a PAILs/RAILs hold the pose stays while the effort turns from one direction to the
// other, and a start from the last phase's answer took 230-335 active-set steps (0.9-1.1 ms, the
// scrub's worst frames) where a cold solve, which starts from the dual's Newton point
// (static_optimization.cpp, dual_start), takes a few. Playing, a drill's torque moves far less
// per frame: the played frames' median cost is unchanged (0.10 ms).
inline constexpr double kWarmStartMaxLoadChange = 0.1;
// Residual loads on the pelvis (whole-body balance): one unit of activation is 1% of the body
// weight (force rows) or 1% of the body weight at 0.1 m (moment rows).
inline constexpr double kResidualForceUnit = 0.01;
inline constexpr double kResidualLeverM = 1.0;
// Gait2392 (shared/reference/opensim-gait2392): pelvis and torso masses and centres of mass.
inline constexpr double kGait2392PelvisKg = 11.777, kGait2392TorsoKg = 34.2366;

// A band's or a cable's pull as the solve applied it: from the point on the leg toward the anchor
// (band) or the pulley (cable), with the tension it used. What the scene draws as the band or the
// cable (scene/props.h), so the picture and the torques share one line.
inline constexpr int kMaxPulls = 8;  // bands and cables per frame; more are ignored
struct PullResult {
  glm::dvec3 attachment_pelvis{0.0};  // on the leg, pelvis frame, m
  glm::dvec3 target_pelvis{0.0};      // anchor or pulley, pelvis frame, m
  double tension_n = 0.0;
  double stretch = 1.0;   // band: length / rest length (>= 1 when taut); cable: 1
  bool elastic = true;    // band (true) or cable (false)
};

struct BiomechResult {
  std::array<LegResult, anatomy::kSideCount> leg;
  std::array<ContactResult, kMaxContacts> contact{};  // in the order of Loads::contacts
  int contact_count = 0;                              // min(contacts, kMaxContacts)
  std::array<PullResult, kMaxPulls> pull{};           // bands first, then cables, as in Loads
  int pull_count = 0;
  // Whole-body balance (Loads::whole_body): the body's weight (N), and the residual force and
  // moment (about the pelvis origin) the contacts left unbalanced, pelvis frame and world axes.
  bool whole_body = false;
  double body_weight_n = 0.0;
  glm::dvec3 residual_force_pelvis{0.0}, residual_moment_pelvis{0.0};
  glm::dvec3 residual_force_world{0.0}, residual_moment_world{0.0};
  // The last solve of each problem (one per leg, or one for both): the next call on this result
  // starts there (static_optimization.h, warm start) when the problem has the same shape — the
  // window reuses one result per frame, so playing starts each frame from the one before.
  // A jump (scrubbing to another moment) starts cold instead: a start far from the answer costs
  // more active-set steps than none (kWarmStartMaxStepRad).
  struct WarmStart {
    int rows = 0, variables = 0;
    std::array<double, kMaxVariables> x{};
    std::array<std::array<double, anatomy::kMuscleCoordCount>, anatomy::kSideCount> pose{};  // rad, solved at
    std::array<double, kMaxRows> torque{};  // N m, the torque it met (ActivationProblem::torque)
    std::array<double, kMaxRows> multiplier{};  // its multipliers (ActivationProblem::start_multiplier)
  };
  std::array<WarmStart, anatomy::kSideCount> warm{};
  const LegResult& operator[](anatomy::Side s) const { return leg[anatomy::side_index(s)]; }
};

void analyze_frame(const BiomechInput& input, BiomechResult& out);

// Median wall time (ms) of analyze_frame over `frames` frames of a clamshell lift with its
// contacts (the bottom leg and the trunk on the floor, the top ankle on the bottom one), the whole
// body balanced: both legs and the body solved as one problem (for `hiplab bench`).
double biomech_bench_median_ms(int frames);

}  // namespace hiplab::biomech
