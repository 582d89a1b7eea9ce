// Checks src/biomech/frame_analysis.h against published EMG findings for the drills HipLab shows.
// Activations come from the model (Gait2392 paths, Thelen 2003 force-length, static optimisation);
// nothing about the expected muscles is coded into the analysis.
#include "biomech/frame_analysis.h"

#include <doctest/doctest.h>
#include <glm/matrix.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "anatomy/muscle_calibration.h"
#include "anatomy/muscle_data.h"
#include "biomech/muscle_force.h"
#include "core/units.h"

using namespace hiplab;
using namespace hiplab::anatomy;
using namespace hiplab::biomech;

namespace {

double act(const LegResult& r, const char* name) { return r.muscle[*find_muscle(name)].activation; }

double group_max(const LegResult& r, MuscleGroup g) {
  double m = 0.0;
  for (int i = 0; i < kMuscleCount; ++i)
    if (muscle(i).group == g) m = std::max(m, r.muscle[i].activation);
  return m;
}

// Rank (0 = most active) of the most active muscle of group g.
std::string ranking(const LegResult& r, int n) {
  std::vector<int> order(kMuscleCount);
  for (int i = 0; i < kMuscleCount; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return r.muscle[a].activation > r.muscle[b].activation; });
  std::string s;
  for (int k = 0; k < n; ++k)
    s += std::string(muscle(order[k]).name) + " " + std::to_string(r.muscle[order[k]].activation) + "; ";
  return s;
}

int group_rank(const LegResult& r, MuscleGroup g) {
  std::vector<int> order(kMuscleCount);
  for (int i = 0; i < kMuscleCount; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return r.muscle[a].activation > r.muscle[b].activation; });
  for (int k = 0; k < kMuscleCount; ++k)
    if (muscle(order[k]).group == g) return k;
  return kMuscleCount;
}

// The same rank among the muscles that cross the hip and no other joint.
int hip_only_group_rank(const LegResult& r, MuscleGroup g) {
  std::vector<int> order;
  for (int i = 0; i < kMuscleCount; ++i) {
    bool other = false;
    for (int c = coord_index(LegCoord::kKneeFlexion); c < kMuscleCoordCount; ++c)
      other = other || std::abs(r.muscle[i].moment_arm_m[c]) > 1e-4;
    if (!other) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return r.muscle[a].activation > r.muscle[b].activation; });
  for (std::size_t k = 0; k < order.size(); ++k)
    if (muscle(order[k]).group == g) return static_cast<int>(k);
  return kMuscleCount;
}

// A support under the segment's centre of mass (what a hiplab-drill/1 "support" was).
Contact support(BodyId b) {
  Contact c;
  c.at.centre.body = b;
  c.at.centre_of_mass = true;
  c.on = ContactSurface::kSupport;
  return c;
}

void set_both(BiomechInput& in, LegCoord c, double deg) {
  for (Side s : {Side::kRight, Side::kLeft}) in.pose.leg(s)[c] = deg_to_rad(deg);
}

}  // namespace

TEST_CASE("zero load: legs resting on supports, no effort -> every activation is (essentially) zero") {
  // What is checked is that the contacts carry the weight. The passive pull is left out: lying
  // straight, the muscles' small passive pulls (up to 0.7 N m) lift some segments off their
  // centre-of-mass supports, which a push cannot hold, so counted they leave activations of 1%.
  BiomechInput in;
  in.count_passive = false;
  in.posture = Posture::kSupine;
  for (Side s : {Side::kRight, Side::kLeft})
    for (LegSegment seg : {LegSegment::kFemur, LegSegment::kTibia, LegSegment::kCalcn})
      in.loads.contacts.push_back(support(leg_body(s, seg)));
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  // Contact force is cheap (kContactCostWeight): the muscles are left activations below 0.1%, and
  // the contacts' torques cancel gravity's about every coordinate (to 0.05 N m).
  for (const LegResult& r : out->leg) {
    CHECK(r.feasible);
    CHECK(r.solver_converged);
    for (const MuscleState& m : r.muscle) CHECK(m.activation < 1e-3);
    for (int c = 0; c < kMuscleCoordCount; ++c) CHECK(std::abs(r.contact_torque[c] + r.gravity_torque[c]) < 0.05);
  }
  REQUIRE(out->contact_count == 6);
  for (int k = 0; k < out->contact_count; ++k) CHECK(out->contact[k].push_n >= 0.0);
}

TEST_CASE("resting: a frictionless push under the shank-and-foot centre of mass carries exactly their weight") {
  // Supine, knee straight, the hip and foot held (braced): the knee's balance alone sets the push. A push
  // through the common centre of mass of shank and foot balances their weight's moment about the
  // knee with f = (m_shank + m_foot) g — the contact carries exactly the weight it holds up. The
  // passive pull is left out: with the knee straight the stretched hamstrings and calf muscles pull
  // it into flexion (the push then also carries that: 40.2 N against the 39.1 N weight).
  BiomechInput in;
  in.count_passive = false;
  in.posture = Posture::kSupine;
  // The ankle and subtalar joints are held too: a push on the shank cannot hold the foot about
  // them, and the test is about the knee's balance.
  for (LegCoord c : {LegCoord::kHipFlexion, LegCoord::kHipAdduction, LegCoord::kHipRotation, LegCoord::kAnkle,
                     LegCoord::kSubtalar})
    in.loads.braces.push_back({Side::kRight, c});
  const LegSegmentParameters segs = leg_segment_parameters(in.body);
  const LegKinematics k = leg_kinematics(in.pose.leg(Side::kRight));
  glm::dvec3 com{0.0};  // common centre of mass, pelvis frame
  double mass = 0.0;
  for (const SegmentParameters& s : segs.segment) {
    if (s.body == LegSegment::kFemur) continue;
    com += s.mass_kg * k[s.body].apply(s.com_right);
    mass += s.mass_kg;
  }
  com /= mass;
  Contact c;
  c.at.centre = {BodyId::kTibiaR, glm::transpose(k[LegSegment::kTibia].rotation) * (com - k[LegSegment::kTibia].origin)};
  c.on = ContactSurface::kSupport;
  c.friction = 0.0;
  in.loads.contacts.push_back(c);
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = (*out)[Side::kRight];
  CHECK(r.feasible);
  // Within 0.1%: the contact's small cost (kContactCostWeight) leaves the muscles a sliver.
  CHECK(out->contact[0].push_n == doctest::Approx(mass * kGravity).epsilon(1e-3));
  CHECK(out->contact[0].friction_n == doctest::Approx(0.0).scale(1.0));
  CHECK(out->contact[0].force_world.y == doctest::Approx(mass * kGravity).epsilon(1e-3));  // straight up
  for (const MuscleState& m : r.muscle) CHECK(m.activation < 1e-4);
}

TEST_CASE("a contact pushes and never pulls: the floor under the heel does not help press the leg down") {
  // Supine, right hip flexed 30 deg, an effort pressing the leg down (extension). A push from the
  // floor under the heel could only lift the leg (flexion); holding it down would need a pull.
  BiomechInput in;
  in.posture = Posture::kSupine;
  in.pose.leg(Side::kRight)[LegCoord::kHipFlexion] = deg_to_rad(30.0);
  in.loads.efforts.push_back({Side::kRight, LegCoord::kHipFlexion, -0.3});  // press the leg down: extension
  Contact heel;
  heel.at.centre = {BodyId::kCalcnR, {-0.005, 0.012, 0.0}};
  heel.at.radius_m = 0.022;
  heel.on = ContactSurface::kFloor;
  in.loads.contacts.push_back(heel);
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  // Pressing down (extension) is helped by nothing a floor below can do: it would have to pull.
  CHECK(out->contact[0].push_n == doctest::Approx(0.0).scale(1.0));
  const LegResult& r = (*out)[Side::kRight];
  CHECK(r.achieved_torque[0] == doctest::Approx(r.required_torque[0]).epsilon(1e-6).scale(1.0));
}

TEST_CASE("torque balance: the muscles make exactly the required torque when feasible") {
  BiomechInput in;
  in.posture = Posture::kStanding;
  set_both(in, LegCoord::kHipFlexion, 30.0);
  set_both(in, LegCoord::kKneeFlexion, 40.0);
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  for (const LegResult& r : out->leg) {
    REQUIRE(r.feasible);
    for (int c = 0; c < kMuscleCoordCount; ++c)
      CHECK(r.achieved_torque[c] == doctest::Approx(r.required_torque[c]).epsilon(1e-6).scale(1.0));
    // Holding the thigh forward against gravity needs a hip flexion torque.
    CHECK(r.required_torque[0] > 5.0);
  }
  // Mirror symmetry: the two legs get the same activations.
  for (int i = 0; i < kMuscleCount; ++i)
    CHECK(out->leg[0].muscle[i].activation ==
          doctest::Approx(out->leg[1].muscle[i].activation).epsilon(1e-6).scale(1.0));
}

TEST_CASE("clamshell: gluteus medius among the most active, TFL low") {
  // DiStefano et al. 2009 (JOSPT 39:532): clam at ~40% MVIC gluteus medius; Selkowitz et al. 2013
  // (JOSPT 43:54): clam has the highest gluteal-to-TFL activation ratio of 11 exercises.
  // Side-lying on the left side, top (right) hip 45 deg flexed, knee 90, lifted into 20 deg external
  // rotation and 10 deg abduction. The bottom leg rests on supports; the top ankle rests on the
  // bottom one (medial malleoli, landmark spheres of motion/floor_contacts.cpp), pushing only.
  BiomechInput in;
  in.posture = Posture::kSideLying;
  set_both(in, LegCoord::kHipFlexion, 45.0);
  set_both(in, LegCoord::kKneeFlexion, 90.0);
  in.pose.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(-20.0);
  in.pose.leg(Side::kRight)[LegCoord::kHipAdduction] = deg_to_rad(-10.0);
  for (BodyId b : {BodyId::kFemurL, BodyId::kTibiaL, BodyId::kCalcnL}) in.loads.contacts.push_back(support(b));
  Contact feet;
  feet.at = {{BodyId::kTibiaR, {0.0, -0.43, 0.0}}, 0.035, false};
  feet.on = ContactSurface::kBody;
  feet.other = {{BodyId::kTibiaL, {0.0, -0.43, 0.0}}, 0.035, false};
  in.loads.contacts.push_back(feet);
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = (*out)[Side::kRight];
  REQUIRE(r.feasible);
  CHECK(r.required_torque[coord_index(LegCoord::kHipAdduction)] < -5.0);  // abduction demanded
  CHECK(r.required_torque[coord_index(LegCoord::kHipRotation)] < 1.0);    // external (or ~0)
  CHECK(out->contact[3].push_n > 1.0);                                     // the feet press together
  // Among the muscles that act on the hip alone. With the passive pull counted (the default), the
  // vasti, stretched to 1.2 l_o at the 90 deg knee, pull it straight and the knee flexors
  // (sartorius, biceps femoris short head) hold it at 35-40%: knee muscles no hip electrode
  // records, and the shipped drill's contacts carry more of it (tests/app/emg_validation_test.cpp).
  CHECK(hip_only_group_rank(r, MuscleGroup::kGluteusMedius) < 3);
  CHECK(act(r, "tfl") < group_max(r, MuscleGroup::kGluteusMedius));
  MESSAGE("clamshell: ", ranking(r, 8));
  MESSAGE("clamshell: glut med max ", group_max(r, MuscleGroup::kGluteusMedius), ", TFL ",
          act(r, "tfl"));
}

TEST_CASE("seated internal rotation against a band: gluteus medius and minimus lead") {
  // Reference README (drills): seated, hip and knee 90 deg, foot swings outward against a band
  // pulling it to the midline; movers at 90 deg flexion are gluteus medius, gluteus minimus, TFL,
  // upper gluteus maximus, piriformis (Delp et al. 1999 moment arms). The seat carries the thigh
  // (hip flexion and adduction braced by seat and friction).
  BiomechInput in;
  in.posture = Posture::kSeated;
  set_both(in, LegCoord::kHipFlexion, 90.0);
  set_both(in, LegCoord::kKneeFlexion, 90.0);
  in.pose.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(20.0);
  in.loads.contacts.push_back(support(BodyId::kFemurR));
  in.loads.braces.push_back({Side::kRight, LegCoord::kHipFlexion});
  in.loads.braces.push_back({Side::kRight, LegCoord::kHipAdduction});
  // Band from the ankle to an anchor beside the chair, medial to the foot.
  in.loads.bands.push_back({{BodyId::kTibiaR, {0.0, -0.40, 0.0}}, {0.33, -0.50, -0.60}, 200.0, 0.2});
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = (*out)[Side::kRight];
  REQUIRE(r.feasible);
  CHECK(r.external_torque[coord_index(LegCoord::kHipRotation)] < -10.0);  // band resists IR
  MESSAGE("seated IR band: ", ranking(r, 8));
  CHECK(group_rank(r, MuscleGroup::kGluteusMedius) == 0);
  CHECK(group_rank(r, MuscleGroup::kGluteusMinimus) < 5);
  // The eight most active muscles are all among the README's movers.
  {
    std::vector<int> order(kMuscleCount);
    for (int i = 0; i < kMuscleCount; ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return r.muscle[a].activation > r.muscle[b].activation; });
    for (int k = 0; k < 8; ++k) {
      const MuscleSpec& m = muscle(order[k]);
      CAPTURE(m.name);
      CHECK((m.group == MuscleGroup::kGluteusMedius || m.group == MuscleGroup::kGluteusMinimus ||
             m.name == "glut_max1" || m.name == "peri" || m.name == "tfl"));
    }
  }
  // TFL is an internal rotator here (moment arm) and works, though its fibres are short at 90 deg
  // flexion (rigid tendon, Gait2392 tendon slack 0.425 m), so it cannot lead.
  CHECK(r.muscle[*find_muscle("tfl")].moment_arm_m[coord_index(LegCoord::kHipRotation)] > 0.02);
  CHECK(act(r, "tfl") > 0.0);
  // External rotators stay silent.
  CHECK(act(r, "quad_fem") == 0.0);
  CHECK(act(r, "glut_max3") == 0.0);
}

TEST_CASE("external-rotation effort at end-range internal rotation: the external rotators work") {
  // FRC internal-rotation PAILs (reference README): at end-range IR, push isometrically into
  // external rotation; the lengthened external rotators contract.
  BiomechInput in;
  in.posture = Posture::kSeated;
  set_both(in, LegCoord::kHipFlexion, 90.0);
  set_both(in, LegCoord::kKneeFlexion, 90.0);
  in.pose.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(35.0);
  in.loads.contacts.push_back(support(BodyId::kFemurR));
  in.loads.braces.push_back({Side::kRight, LegCoord::kHipFlexion});
  in.loads.braces.push_back({Side::kRight, LegCoord::kHipAdduction});
  in.loads.efforts.push_back({Side::kRight, LegCoord::kHipRotation, -0.6});
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = (*out)[Side::kRight];
  REQUIRE(r.feasible);
  const int rot = coord_index(LegCoord::kHipRotation);
  // The effort is its share of the active capacity plus the passive pull about that coordinate
  // (counted by default: frame_analysis.h), so the activations make exactly the share.
  CHECK(r.effort_torque[rot] == doctest::Approx(0.6 * r.capacity_negative[rot] + r.passive_torque[rot]));
  double er = 0.0, ir = 0.0;  // rotation torque made by ER vs IR muscles
  for (const MuscleState& m : r.muscle) {
    const double t = m.force_n * m.moment_arm_m[rot];
    (t < 0 ? er : ir) += t;
  }
  MESSAGE("ER effort: ", ranking(r, 8));
  CHECK(er < -5.0);
  CHECK(ir == doctest::Approx(0.0).scale(1.0));
  CHECK(act(r, "quad_fem") > 0.2);
  CHECK(act(r, "glut_med1") == 0.0);
  CHECK(act(r, "glut_min1") == 0.0);
}

TEST_CASE("an effort beyond the muscles is reported as saturated, not hidden") {
  BiomechInput in;
  in.posture = Posture::kSupine;
  in.loads.efforts.push_back({Side::kRight, LegCoord::kHipRotation, 1.0});
  in.loads.efforts.push_back({Side::kRight, LegCoord::kHipFlexion, 1.0});
  in.loads.efforts.push_back({Side::kRight, LegCoord::kHipAdduction, -1.0});
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = (*out)[Side::kRight];
  CHECK_FALSE(r.feasible);
  CHECK(std::any_of(r.saturated.begin(), r.saturated.end(), [](bool b) { return b; }));
}

TEST_CASE("bench: one frame of both legs takes under 0.2 ms in an optimised build") {
  // The budget leaves the 16 ms of a 60 Hz frame to drawing (the bench prints about 0.06 ms here).
  // Sanitizers and unoptimised builds run the same code several times slower: ten times the budget.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG) || !defined(__OPTIMIZE__)
  const double budget_ms = 2.0;
#else
  const double budget_ms = 0.2;
#endif
  const double ms = biomech_bench_median_ms(50);
  MESSAGE("biomech frame median (this build) ", ms, " ms, budget ", budget_ms, " ms");
  CHECK(ms > 0.0);
  CHECK(ms < budget_ms);
}

TEST_CASE("passive pull counted (the default, count_passive off leaves it out): the activations balance loads and the stretched muscles' pull together") {
  // Seated, hip at 60 and knee at 90 deg: Gait2392's vasti are stretched (about 1.25 l_o) and pull the
  // knee straight. Counted (the default), that passive torque is part of what the activations must
  // balance, and the knee flexors answer it; left out, the activations balance only gravity.
  BiomechInput in;
  CHECK(in.count_passive);
  in.posture = Posture::kSeated;
  set_both(in, LegCoord::kHipFlexion, 60.0);
  set_both(in, LegCoord::kKneeFlexion, 90.0);
  auto on = std::make_unique<BiomechResult>();
  analyze_frame(in, *on);
  in.count_passive = false;
  auto off = std::make_unique<BiomechResult>();
  analyze_frame(in, *off);
  const int knee = coord_index(LegCoord::kKneeFlexion);
  for (int s = 0; s < kSideCount; ++s) {
    const LegResult& a = off->leg[s];
    const LegResult& b = on->leg[s];
    REQUIRE(b.feasible);
    CHECK(a.passive_torque[knee] < -2.0);  // the vasti pull into extension
    CHECK(b.passive_torque[knee] == doctest::Approx(a.passive_torque[knee]));
    for (int c = 0; c < kMuscleCoordCount; ++c) {
      CHECK(a.required_torque[c] == doctest::Approx(-(a.gravity_torque[c] + a.contact_torque[c])).scale(1.0));
      CHECK(b.required_torque[c] ==
            doctest::Approx(-(b.gravity_torque[c] + b.contact_torque[c] + b.passive_torque[c])).scale(1.0));
      CHECK(b.achieved_torque[c] == doctest::Approx(b.required_torque[c]).epsilon(1e-6).scale(1.0));
    }
    // The knee flexors now hold the knee against the vasti: more flexion torque from activation.
    CHECK(b.required_torque[knee] > a.required_torque[knee] + 2.0);
  }
}

TEST_CASE("a support carries the passive pull that presses a leg into it, not only the leg's weight") {
  // Supine straight-leg raise at 70 deg resting on a support under the calf (the knee, ankle and
  // the hip's other two coordinates held, so that the hip flexion row alone is balanced). The
  // stretched hamstrings pull the hip into extension: they press the leg into the support, as its
  // weight does. Counted, the passive pull is carried by the support's push, not by the hip flexors:
  // the push grows by the passive torque over its lever and the muscles stay relaxed.
  auto run = [](bool count_passive) {
    BiomechInput in;
    in.posture = Posture::kSupine;
    in.count_passive = count_passive;
    in.pose.leg(Side::kRight)[LegCoord::kHipFlexion] = deg_to_rad(70.0);
    for (LegCoord c : {LegCoord::kHipAdduction, LegCoord::kHipRotation, LegCoord::kKneeFlexion, LegCoord::kAnkle,
                       LegCoord::kSubtalar})
      in.loads.braces.push_back({Side::kRight, c});
    in.loads.contacts.push_back(support(BodyId::kTibiaR));
    auto out = std::make_unique<BiomechResult>();
    analyze_frame(in, *out);
    return out;
  };
  const auto off = run(false), on = run(true);
  const LegResult& a = (*off)[Side::kRight];
  const LegResult& b = (*on)[Side::kRight];
  const int hip = coord_index(LegCoord::kHipFlexion);
  REQUIRE(a.feasible);
  REQUIRE(b.feasible);
  CHECK(b.passive_torque[hip] < -5.0);  // the hamstrings pull the raised leg down (extension)
  CHECK(b.gravity_torque[hip] < 0.0);   // so does its weight
  // Not counted, the support carries the weight only; counted, the weight and the passive pull.
  CHECK(a.contact_torque[hip] == doctest::Approx(-a.gravity_torque[hip]).epsilon(1e-3));
  CHECK(b.contact_torque[hip] == doctest::Approx(-(b.gravity_torque[hip] + b.passive_torque[hip])).epsilon(1e-3));
  // The push's lever about the hip (the same point in both runs): the push grows by passive / lever.
  REQUIRE(off->contact[0].push_n > 1.0);
  const double lever = a.contact_torque[hip] / off->contact[0].push_n;
  CHECK(on->contact[0].push_n == doctest::Approx(off->contact[0].push_n - b.passive_torque[hip] / lever).epsilon(1e-3));
  for (const MuscleState& m : b.muscle) CHECK(m.activation < 1e-3);
  MESSAGE("SLR 70 deg on a support: passive hip torque ", b.passive_torque[hip], " N m, gravity ", b.gravity_torque[hip],
          " N m, push ", off->contact[0].push_n, " -> ", on->contact[0].push_n, " N");
}

TEST_CASE("warm start only from a nearby pose: a jump along the scrub bar starts cold") {
  // Seated, an external-rotation effort. On one reused result, a frame 2 deg away starts from the
  // last solve (fewer active-set steps than cold); one 30 deg away (further than
  // kWarmStartMaxStepRad) starts cold, step for step as a fresh result does.
  auto input = [](double rotation_deg) {
    BiomechInput in;
    in.posture = Posture::kSeated;
    set_both(in, LegCoord::kHipFlexion, 80.0);
    set_both(in, LegCoord::kKneeFlexion, 90.0);
    set_both(in, LegCoord::kHipRotation, rotation_deg);
    in.loads.efforts.push_back({Side::kRight, LegCoord::kHipRotation, -0.3});
    return in;
  };
  auto cold_iterations = [](const BiomechInput& in) {
    auto r = std::make_unique<BiomechResult>();
    analyze_frame(in, *r);
    return r->leg[0].solver_iterations;
  };
  auto reused = std::make_unique<BiomechResult>();
  analyze_frame(input(0.0), *reused);
  analyze_frame(input(2.0), *reused);
  CHECK(reused->leg[0].solver_iterations < cold_iterations(input(2.0)));
  analyze_frame(input(32.0), *reused);
  CHECK(reused->leg[0].solver_iterations == cold_iterations(input(32.0)));
  CHECK(rad_to_deg(kWarmStartMaxStepRad) < 30.0);
}

TEST_CASE("a hold whose effort turns round starts cold, from the dual's Newton point") {
  // A PAILs/RAILs hold: the pose stays while the effort turns from internal to external rotation.
  // On one reused result the second frame starts cold (the torque moved by more than
  // kWarmStartMaxLoadChange), step for step as a fresh result does; the cold solve starts at the
  // dual's Newton point, so it takes fewer steps than the muscles it activates (from zero the
  // active set freed each of them at least once) and its answer is the reference solve's.
  auto input = [](double effort) {
    BiomechInput in;
    in.posture = Posture::kSeated;
    set_both(in, LegCoord::kHipFlexion, 80.0);
    set_both(in, LegCoord::kKneeFlexion, 90.0);
    in.loads.efforts.push_back({Side::kRight, LegCoord::kHipRotation, effort});
    return in;
  };
  auto fresh = [](const BiomechInput& in) {
    auto r = std::make_unique<BiomechResult>();
    analyze_frame(in, *r);
    return r;
  };
  auto reused = fresh(input(0.3));
  analyze_frame(input(-0.3), *reused);
  const auto cold = fresh(input(-0.3));
  CHECK(reused->leg[0].solver_iterations == cold->leg[0].solver_iterations);
  BiomechInput ref_in = input(-0.3);
  ref_in.reference_solve = true;
  const auto ref = fresh(ref_in);
  int active = 0;
  for (int i = 0; i < kMuscleCount; ++i) {
    const double a = cold->leg[0].muscle[i].activation;
    if (a > 1e-9) ++active;
    CHECK(a == doctest::Approx(ref->leg[0].muscle[i].activation).epsilon(1e-6).scale(1.0));
  }
  REQUIRE(active > 5);
  CHECK(cold->leg[0].solver_iterations < active);
  MESSAGE("effort turned round: cold solve ", cold->leg[0].solver_iterations, " steps, ", active, " muscles active, reference ",
          ref->leg[0].solver_iterations, " steps");
}

TEST_CASE("the force uses the re-fitted fibre and tendon slack lengths where HipLab's path differs from Gait2392's") {
  // The 90/90 front leg (hip 96 deg flexed, 30 abducted, 44 externally rotated, knee 92): the hip
  // spheres lengthen gluteus minimus 3 past Gait2392's path; with Gait2392's l_o and l_ts its
  // relaxed fibre would sit at about 1.94 l_o, with the re-fit (anatomy/muscle_calibration.h) near
  // the 1.57 of Gait2392's own path. Muscles whose path is Gait2392's are computed with its l_o and
  // l_ts. Every muscle's passive curve uses its fitted passive strain (passive_strain_at_fmax).
  BiomechInput in;
  LegPose& q = in.pose.leg(Side::kRight);
  q[LegCoord::kHipFlexion] = deg_to_rad(96.0);
  q[LegCoord::kHipAdduction] = deg_to_rad(-30.0);
  q[LegCoord::kHipRotation] = deg_to_rad(-44.0);
  q[LegCoord::kKneeFlexion] = deg_to_rad(92.0);
  auto out = std::make_unique<BiomechResult>();
  analyze_frame(in, *out);
  const LegResult& r = out->leg[side_index(Side::kRight)];
  const int m = *find_muscle("glut_min3");
  REQUIRE(path_differs_from_gait2392(m));
  const double e0 = passive_strain_at_fmax(m);
  const double fitted = muscle_capacity(force_muscle(m), r.muscle[m].length_m, e0).relaxed.normalized_length;
  const double gait = muscle_capacity(muscle(m), r.muscle[m].length_m, e0).relaxed.normalized_length;
  CHECK(r.muscle[m].normalized_fibre_length == fitted);
  CHECK(gait > 1.85);
  CHECK(fitted < 1.8);
  int same = 0;
  for (int i = 0; i < kMuscleCount; ++i) {
    if (path_differs_from_gait2392(i)) continue;
    ++same;
    CHECK(r.muscle[i].normalized_fibre_length ==
          muscle_capacity(muscle(i), r.muscle[i].length_m, passive_strain_at_fmax(i)).relaxed.normalized_length);
  }
  CHECK(same > 0);
}
