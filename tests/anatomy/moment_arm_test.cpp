// Checks src/anatomy/moment_arm.h: analytic r = -dL/dq against central differences, and the
// Gait2392 straight-line paths against published hip rotation moment arms.
// Signs (joint_coordinates.h): + hip_rotation moment arm = internal rotator.
#include "anatomy/moment_arm.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "anatomy/muscle_data.h"
#include "anatomy/muscle_path.h"
#include "core/units.h"

using namespace hiplab;
using namespace hiplab::anatomy;

namespace {

int idx(const char* name) { return *find_muscle(name); }

LegPose flexed(double flexion_deg) {
  LegPose p;
  p[LegCoord::kHipFlexion] = deg_to_rad(flexion_deg);
  return p;
}

double rot_mm(const char* name, double flexion_deg) {
  return 1000.0 * moment_arm(idx(name), flexed(flexion_deg), LegCoord::kHipRotation);
}

}  // namespace

TEST_CASE("analytic moment arms equal central differences to 0.1 mm, all muscles, all six coordinates") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> flex(-0.3, 1.9), add(-0.5, 0.4), rot(-0.7, 0.7),
      knee(0.05, 2.0), ankle(-0.8, 0.35), subtalar(-0.35, 0.35);
  const LegCoord coords[] = {LegCoord::kHipFlexion, LegCoord::kHipAdduction, LegCoord::kHipRotation,
                             LegCoord::kKneeFlexion, LegCoord::kAnkle, LegCoord::kSubtalar};
  int checked = 0;
  for (int trial = 0; trial < 60; ++trial) {
    LegPose p;
    p[LegCoord::kHipFlexion] = flex(rng);
    p[LegCoord::kHipAdduction] = add(rng);
    p[LegCoord::kHipRotation] = rot(rng);
    p[LegCoord::kKneeFlexion] = knee(rng);
    p[LegCoord::kAnkle] = ankle(rng);
    p[LegCoord::kSubtalar] = subtalar(rng);
    for (int m = 0; m < kMuscleCount; ++m) {
      for (LegCoord c : coords) {
        // Skip the rare sample within h of a conditional point's switch (a true kink).
        const double h = 1e-6;
        LegPose a = p, b = p;
        a[c] += 2 * h;
        b[c] -= 2 * h;
        MusclePath pa, pb;
        evaluate_muscle_path(m, a, leg_kinematics(a), Side::kRight, pa);
        evaluate_muscle_path(m, b, leg_kinematics(b), Side::kRight, pb);
        if (pa.count != pb.count) continue;
        const double analytic = moment_arm(m, p, c);
        const double numeric = moment_arm_central_difference(m, p, c, h);
        REQUIRE_MESSAGE(std::abs(analytic - numeric) < 1e-4, muscle_name(m, Side::kRight), " ",
                        coord_name(c));
        ++checked;
      }
    }
  }
  CHECK(checked > 14000);
}

TEST_CASE("piriformis: ~29 mm external rotator at 0 deg flexion, ~14 mm internal at 90 deg") {
  // Delp, Hess, Hungerford & Jones 1999, J Biomech 32:493-501 (within 6 mm, issue 4).
  CHECK(std::abs(rot_mm("peri", 0.0) - (-29.0)) < 6.0);
  CHECK(std::abs(rot_mm("peri", 90.0) - 14.0) < 6.0);
}

TEST_CASE("gluteus minimus, anterior gluteus medius and TFL: internal rotators growing with flexion") {
  // Delp et al. 1999: these compartments shift toward internal rotation as the hip flexes.
  for (const char* m : {"glut_min1", "glut_min2", "glut_med1", "tfl"}) {
    CAPTURE(m);
    CHECK(rot_mm(m, 0.0) > 0.0);
    CHECK(rot_mm(m, 30.0) > rot_mm(m, 0.0));
    CHECK(rot_mm(m, 60.0) > rot_mm(m, 30.0));
    CHECK(rot_mm(m, 90.0) > rot_mm(m, 30.0));
  }
  // Posterior gluteus medius switches from external to internal rotation with flexion (Delp 1999).
  CHECK(rot_mm("glut_med3", 0.0) < 0.0);
  CHECK(rot_mm("glut_med3", 90.0) > 0.0);
}

TEST_CASE("gluteus maximus is an external rotator at 0 deg flexion") {
  // Delp et al. 1999: gluteus maximus has a large external-rotation capacity.
  for (const char* m : {"glut_max1", "glut_max2", "glut_max3"}) {
    CAPTURE(m);
    CHECK(rot_mm(m, 0.0) < -10.0);
  }
}

TEST_CASE("quadratus femoris and gemelli stay external rotators from 0 to 90 deg flexion") {
  // Delp et al. 1999 (and shared/reference/README.md).
  for (double f = 0.0; f <= 90.0; f += 10.0) {
    CAPTURE(f);
    CHECK(rot_mm("quad_fem", f) < 0.0);
    CHECK(rot_mm("gem", f) < 0.0);
  }
}

TEST_CASE("adductor rotation moment arms are small in the anatomical position (< 10 mm)") {
  // Issue 4 bound; the reference README reports "under about 6 mm" for Gait2392 straight lines.
  // Note: with the hip flexed, adductor magnus (superior) reaches ~13 mm of external rotation in
  // this model, so the bound is checked at 0 deg flexion, where it is stated.
  for (const char* m : {"add_long", "add_brev", "add_mag1", "add_mag2", "add_mag3", "pect", "grac"}) {
    CAPTURE(m);
    CHECK(std::abs(rot_mm(m, 0.0)) < 10.0);
    // "Under about 6 mm" is said of Gait2392's own points; HipLab's are registered to its bones
    // (anatomy/point_registration.h), which moves pectineus' and the adductors' femoral points by
    // up to 9 mm and puts one of them at 6.1 mm.
    MusclePath own;
    evaluate_muscle_path(idx(m), LegPose{}, leg_kinematics(LegPose{}), Side::kRight, own, Wrapping::kOff);
    CHECK(std::abs(1000.0 * own.moment_arm[static_cast<std::size_t>(coord_index(LegCoord::kHipRotation))]) < 6.0);
  }
}

TEST_CASE("textbook actions: flexors, extensors, abductors, adductors, knee flexors/extensors") {
  const LegPose n;
  auto r = [&](const char* m, LegCoord c) { return moment_arm(idx(m), n, c); };
  CHECK(r("iliacus", LegCoord::kHipFlexion) > 0.02);
  CHECK(r("glut_max2", LegCoord::kHipFlexion) < -0.02);
  CHECK(r("glut_med2", LegCoord::kHipAdduction) < -0.02);
  CHECK(r("add_long", LegCoord::kHipAdduction) > 0.02);
  CHECK(r("semimem", LegCoord::kKneeFlexion) > 0.02);
  CHECK(r("rect_fem", LegCoord::kKneeFlexion) < -0.02);
  CHECK(r("glut_med1", LegCoord::kKneeFlexion) == 0.0);
}

TEST_CASE("calf muscles plantarflex, shin muscles dorsiflex, at the neutral ankle") {
  // Achilles tendon moment arm about 40-55 mm at a neutral ankle: Rugg, Gregor, Mandelbaum &
  // Chiu 1990 (J Biomech 23:495) about 50 mm at rest by MRI; Maganaris, Baltzopoulos & Sargeant
  // 1998 (J Physiol 510:977) about 40-52 mm at rest (larger in contraction). Tibialis anterior
  // about 30-45 mm (Maganaris, Baltzopoulos & Sargeant 1999, J Biomech 32:1109; Gait2392 ~ 37 mm).
  const LegPose n;
  auto ankle_mm = [&](const char* m) { return 1000.0 * moment_arm(idx(m), n, LegCoord::kAnkle); };
  for (const char* m : {"med_gas", "lat_gas", "soleus"}) {
    CAPTURE(m);
    CHECK(ankle_mm(m) < -40.0);
    CHECK(ankle_mm(m) > -55.0);
  }
  CHECK(ankle_mm("tib_ant") > 30.0);
  CHECK(ankle_mm("tib_ant") < 45.0);
  for (const char* m : {"ext_dig", "ext_hal", "per_tert"}) {
    CAPTURE(m);
    CHECK(ankle_mm(m) > 15.0);
  }
  for (const char* m : {"tib_post", "flex_dig", "flex_hal", "per_long", "per_brev"}) {
    CAPTURE(m);
    CHECK(ankle_mm(m) < 0.0);
  }
  // Gastrocnemius crosses the knee behind it: a knee flexor (+), soleus does not cross the knee.
  LegPose bent;
  bent[LegCoord::kKneeFlexion] = deg_to_rad(30.0);
  CHECK(moment_arm(idx("med_gas"), bent, LegCoord::kKneeFlexion) > 0.01);
  CHECK(moment_arm(idx("lat_gas"), bent, LegCoord::kKneeFlexion) > 0.01);
  // (A path on one body moves rigidly with a proximal joint: its length changes by rounding only.)
  CHECK(std::abs(moment_arm(idx("soleus"), bent, LegCoord::kKneeFlexion)) < 1e-12);
  // Muscles below the knee have no moment arm about the hip; hip muscles none about the ankle.
  for (LegCoord c : {LegCoord::kHipFlexion, LegCoord::kHipAdduction, LegCoord::kHipRotation})
    CHECK(std::abs(moment_arm(idx("soleus"), flexed(40.0), c)) < 1e-12);
  CHECK(moment_arm(idx("semimem"), n, LegCoord::kAnkle) == 0.0);
}

TEST_CASE("subtalar: tibialis posterior inverts, the peronei evert") {
  // Gray's Anatomy / Moore: tibialis posterior is the main invertor; peroneus longus and brevis
  // the main evertors. Gait2392 subtalar_angle + = inversion (joint_coordinates.h).
  const LegPose n;
  auto sub_mm = [&](const char* m) { return 1000.0 * moment_arm(idx(m), n, LegCoord::kSubtalar); };
  CHECK(sub_mm("tib_post") > 10.0);
  CHECK(sub_mm("per_long") < -10.0);
  CHECK(sub_mm("per_brev") < -10.0);
  CHECK(sub_mm("per_tert") < 0.0);
}

TEST_CASE("vasti: knee extensors with a moment arm of about 40 mm, no moment arm at the hip") {
  // Quadriceps (patellar tendon) moment arm about 40-50 mm near extension, falling with deep
  // flexion (Herzog & Read 1993, J Anat 182:213; Buford et al. 1997, IEEE TRE 5:367); Gait2392's
  // vasti follow the patellar tendon line through their moving points (about 28 mm at 90 deg).
  for (double knee_deg : {0.0, 30.0, 60.0, 90.0}) {
    LegPose p;
    p[LegCoord::kKneeFlexion] = deg_to_rad(knee_deg);
    for (const char* m : {"vas_med", "vas_int", "vas_lat"}) {
      CAPTURE(m);
      CAPTURE(knee_deg);
      const double r = 1000.0 * moment_arm(idx(m), p, LegCoord::kKneeFlexion);
      CHECK(r < (knee_deg <= 60.0 ? -30.0 : -20.0));
      CHECK(r > -55.0);
      CHECK(std::abs(moment_arm(idx(m), p, LegCoord::kHipFlexion)) < 1e-12);
    }
  }
}

TEST_CASE("both sides give the same lengths and moment arms and left points are mirrored") {
  LegPose p = flexed(50.0);
  p[LegCoord::kHipRotation] = 0.3;
  p[LegCoord::kKneeFlexion] = 1.0;
  p[LegCoord::kAnkle] = -0.3;
  p[LegCoord::kSubtalar] = 0.2;
  const LegKinematics k = leg_kinematics(p);
  for (int m = 0; m < kMuscleCount; ++m) {
    MusclePath r, l;
    evaluate_muscle_path(m, p, k, Side::kRight, r);
    evaluate_muscle_path(m, p, k, Side::kLeft, l);
    CHECK(r.length == l.length);
    CHECK(r.moment_arm == l.moment_arm);
    REQUIRE(r.count == l.count);
    for (int k = 0; k < r.count; ++k) CHECK(l.point[k] == mirror_point(r.point[k]));
  }
}

TEST_CASE("stretch: internal rotation lengthens the external rotators") {
  LegPose p;
  p[LegCoord::kHipRotation] = deg_to_rad(35.0);
  const int peri = idx("peri");
  CHECK(stretch(peri, muscle_length(peri, p)).vs_anatomical > 1.05);
  CHECK(stretch(peri, anatomical_length(peri)).vs_anatomical == doctest::Approx(1.0));
}
