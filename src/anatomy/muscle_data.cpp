// Transcription of the Gait2392 hip/thigh muscles. Joint centres and muscle paths from the OpenSim
// Gait2392 model (Delp et al. 1990; Anderson & Pandy 1999; Thelen 2003), CC BY 3.0.
// Columns: body, location (m, right side), condition, range (rad, model convention), moving index.
// Parameters: max isometric force (N), optimal fibre length (m), tendon slack length (m),
// pennation at optimal fibre length (rad).
#include "anatomy/muscle_data.h"

#include <array>

#include "anatomy/natural_spline.h"

namespace hiplab::anatomy {
namespace {

constexpr PathPointSpec k_glut_med1[] = {
    {PathBody::kPelvis, {-0.0408, 0.0304, 0.1209}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0218, -0.0117, 0.0555}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_med2[] = {
    {PathBody::kPelvis, {-0.0855, 0.0445, 0.0766}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0258, -0.0058, 0.0527}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_med3[] = {
    {PathBody::kPelvis, {-0.1223, 0.0105, 0.0648}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0309, -0.0047, 0.0518}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_min1[] = {
    {PathBody::kPelvis, {-0.0467, -0.008, 0.1056}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0072, -0.0104, 0.056}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_min2[] = {
    {PathBody::kPelvis, {-0.0633, -0.0065, 0.0991}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0096, -0.0104, 0.056}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_min3[] = {
    {PathBody::kPelvis, {-0.0834, -0.0063, 0.0856}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0135, -0.0083, 0.055}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_max1[] = {
    {PathBody::kPelvis, {-0.1195, 0.0612, 0.07}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.1291, 0.0012, 0.0886}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0457, -0.0248, 0.0392}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0277, -0.0566, 0.047}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_max2[] = {
    {PathBody::kPelvis, {-0.1349, 0.0176, 0.0563}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.1376, -0.052, 0.0914}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0426, -0.053, 0.0293}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0156, -0.1016, 0.0419}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_glut_max3[] = {
    {PathBody::kPelvis, {-0.1556, -0.0314, 0.0058}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.1529, -0.1052, 0.0403}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0299, -0.1041, 0.0135}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.006, -0.1419, 0.0411}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_tfl[] = {
    {PathBody::kPelvis, {-0.0311, 0.0214, 0.1241}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0294, -0.0995, 0.0597}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0054, -0.4049, 0.0357}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.006, -0.0487, 0.0297}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_peri[] = {
    {PathBody::kPelvis, {-0.1396, 0.0003, 0.0235}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.1193, -0.0276, 0.0657}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0148, -0.0036, 0.0437}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_semiten[] = {
    {PathBody::kPelvis, {-0.12635, -0.10988, 0.06039}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.04203, -0.02859, -0.02277}, Condition::kKneeAngle, -0.331613, 0.174533, -1},
    {PathBody::kTibia, {-0.03322, -0.05282, -0.02288}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0113, -0.0746, -0.0245}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0027, -0.0956, -0.0193}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_semimem[] = {
    {PathBody::kPelvis, {-0.1192, -0.09747, 0.07151}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0348, -0.03519, -0.01891}, Condition::kKneeAngle, -0.558505, 0.174533, -1},
    {PathBody::kTibia, {-0.027, -0.04771, -0.01957}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_bifemlh[] = {
    {PathBody::kPelvis, {-0.12596, -0.10257, 0.06944}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0301, -0.036, 0.02943}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0234, -0.0563, 0.0343}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_bifemsh[] = {
    {PathBody::kFemur, {0.005, -0.2111, 0.0234}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0301, -0.036, 0.02943}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0234, -0.0563, 0.0343}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_add_long[] = {
    {PathBody::kPelvis, {-0.0316, -0.0836, 0.0169}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.005, -0.2111, 0.0234}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_add_brev[] = {
    {PathBody::kPelvis, {-0.0587, -0.0915, 0.0164}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0009, -0.1196, 0.0294}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_add_mag1[] = {
    {PathBody::kPelvis, {-0.0732, -0.1174, 0.0255}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0045, -0.1211, 0.0339}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_add_mag2[] = {
    {PathBody::kPelvis, {-0.0831, -0.1192, 0.0308}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0054, -0.2285, 0.0227}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_add_mag3[] = {
    {PathBody::kPelvis, {-0.11108, -0.11413, 0.04882}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.007, -0.3837, -0.0266}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_pect[] = {
    {PathBody::kPelvis, {-0.0431, -0.0768, 0.0451}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0122, -0.0822, 0.0253}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_grac[] = {
    {PathBody::kPelvis, {-0.07401, -0.1187, 0.02794}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.02657, -0.0319, -0.03774}, Condition::kKneeAngle, -0.436332, 0.174533, -1},
    {PathBody::kTibia, {-0.01943, -0.05153, -0.0358}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.006, -0.0836, -0.0228}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_iliacus[] = {
    {PathBody::kPelvis, {-0.0674, 0.0365, 0.0854}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.0258, -0.055, 0.0811}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.0288, -0.0805, 0.0816}, Condition::kHipFlexion, -1.5708, 0.785398, -1},
    {PathBody::kFemur, {0.0017, -0.0543, 0.0057}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0193, -0.0621, 0.0129}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_psoas[] = {
    {PathBody::kPelvis, {-0.0647, 0.0887, 0.0289}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.0238, -0.057, 0.0759}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kPelvis, {-0.0288, -0.0805, 0.0816}, Condition::kHipFlexion, -1.5708, 0.785398, -1},
    {PathBody::kFemur, {0.0016, -0.0507, 0.0038}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0188, -0.0597, 0.0104}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_sar[] = {
    {PathBody::kPelvis, {-0.0153, -0.0013, 0.1242}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.003, -0.3568, -0.0421}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0056, -0.0419, -0.0399}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.006, -0.0589, -0.0383}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0243, -0.084, -0.0252}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_rect_fem[] = {
    {PathBody::kPelvis, {-0.0295, -0.0311, 0.0968}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0334, -0.403, 0.0019}, Condition::kKneeAngle, -2.61799, -1.45997, -1},
    {PathBody::kTibia, {0.0617576, 0.020984, 0.0014}, Condition::kNone, 0.0, 0.0, 0},  // moving: kRectFemMoving
};
constexpr PathPointSpec k_quad_fem[] = {
    {PathBody::kPelvis, {-0.1143, -0.1151, 0.052}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0381, -0.0359, 0.0366}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_gem[] = {
    {PathBody::kPelvis, {-0.1133, -0.082, 0.0714}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.0142, -0.0033, 0.0443}, Condition::kNone, 0.0, 0.0, -1},
};

constexpr MuscleSpec kMuscles[] = {
    {"glut_med1", "gluteus medius (anterior)", MuscleGroup::kGluteusMedius, 819, 0.0535, 0.078, 0.13962634, k_glut_med1},
    {"glut_med2", "gluteus medius (middle)", MuscleGroup::kGluteusMedius, 573, 0.0845, 0.053, 0, k_glut_med2},
    {"glut_med3", "gluteus medius (posterior)", MuscleGroup::kGluteusMedius, 653, 0.0646, 0.053, 0.33161256, k_glut_med3},
    {"glut_min1", "gluteus minimus (anterior)", MuscleGroup::kGluteusMinimus, 270, 0.068, 0.016, 0.17453293, k_glut_min1},
    {"glut_min2", "gluteus minimus (middle)", MuscleGroup::kGluteusMinimus, 285, 0.056, 0.026, 0, k_glut_min2},
    {"glut_min3", "gluteus minimus (posterior)", MuscleGroup::kGluteusMinimus, 323, 0.038, 0.051, 0.01745329, k_glut_min3},
    {"glut_max1", "gluteus maximus (superior)", MuscleGroup::kGluteusMaximus, 573, 0.142, 0.125, 0.08726646, k_glut_max1},
    {"glut_max2", "gluteus maximus (middle)", MuscleGroup::kGluteusMaximus, 819, 0.147, 0.127, 0, k_glut_max2},
    {"glut_max3", "gluteus maximus (inferior)", MuscleGroup::kGluteusMaximus, 552, 0.144, 0.145, 0.08726646, k_glut_max3},
    {"tfl", "tensor fasciae latae", MuscleGroup::kTensorFasciaeLatae, 233, 0.095, 0.425, 0.05235988, k_tfl},
    {"peri", "piriformis", MuscleGroup::kDeepRotator, 444, 0.026, 0.115, 0.17453293, k_peri},
    {"semiten", "semitendinosus", MuscleGroup::kHamstring, 410, 0.201, 0.2555, 0.08726646, k_semiten},
    {"semimem", "semimembranosus", MuscleGroup::kHamstring, 1288, 0.08, 0.359, 0.26179939, k_semimem},
    {"bifemlh", "biceps femoris (long head)", MuscleGroup::kHamstring, 896, 0.109, 0.326, 0, k_bifemlh},
    {"bifemsh", "biceps femoris (short head)", MuscleGroup::kHamstring, 804, 0.173, 0.089, 0.40142573, k_bifemsh},
    {"add_long", "adductor longus", MuscleGroup::kAdductor, 627, 0.138, 0.11, 0.10471976, k_add_long},
    {"add_brev", "adductor brevis", MuscleGroup::kAdductor, 429, 0.133, 0.02, 0, k_add_brev},
    {"add_mag1", "adductor magnus (superior)", MuscleGroup::kAdductor, 381, 0.087, 0.06, 0.08726646, k_add_mag1},
    {"add_mag2", "adductor magnus (middle)", MuscleGroup::kAdductor, 343, 0.121, 0.12, 0.05235988, k_add_mag2},
    {"add_mag3", "adductor magnus (inferior)", MuscleGroup::kAdductor, 488, 0.131, 0.249, 0.08726646, k_add_mag3},
    {"pect", "pectineus", MuscleGroup::kAdductor, 266, 0.1, 0.033, 0, k_pect},
    {"grac", "gracilis", MuscleGroup::kAdductor, 162, 0.352, 0.126, 0.05235988, k_grac},
    {"iliacus", "iliacus", MuscleGroup::kHipFlexor, 1073, 0.1, 0.1, 0.12217305, k_iliacus},
    {"psoas", "psoas major", MuscleGroup::kHipFlexor, 1113, 0.1, 0.16, 0.13962634, k_psoas},
    {"sar", "sartorius", MuscleGroup::kHipFlexor, 156, 0.52, 0.1, 0, k_sar},
    {"rect_fem", "rectus femoris", MuscleGroup::kQuadriceps, 1169, 0.114, 0.31, 0.08726646, k_rect_fem},
    {"quad_fem", "quadratus femoris", MuscleGroup::kDeepRotator, 381, 0.054, 0.024, 0, k_quad_fem},
    {"gem", "gemelli", MuscleGroup::kDeepRotator, 164, 0.024, 0.039, 0, k_gem},
};
static_assert(std::size(kMuscles) == kMuscleCount);

// rect_fem_r-P3 (MovingPathPoint on tibia_r): x, y SimmSplines of knee_angle_r; z constant 0.0014.
constexpr double kRfX[] = {-2.0944, -1.99997, -1.5708, -1.45752, -1.39626, -1.0472, -0.698132,
                           -0.526391, -0.349066, -0.174533, 0, 0.00017453, 0.00034907, 0.0279253,
                           0.0872665, 0.174533, 2.0944};
constexpr double kRfXLoc[] = {0.0155805, 0.0179938, 0.0275081, 0.0296564, 0.0307615, 0.0365695,
                              0.0422074, 0.0450902, 0.048391, 0.0534299, 0.0617576, 0.0617669,
                              0.0617762, 0.0633083, 0.066994, 0.0733035, 0.0573481};
constexpr double kRfYLoc[] = {0.0234116, 0.0237613, 0.0251141, 0.0252795, 0.0253146, 0.0249184,
                              0.0242373, 0.0238447, 0.0234197, 0.0227644, 0.020984, 0.0209814,
                              0.0209788, 0.0205225, 0.0191754, 0.0159554, -0.0673774};
constexpr double kRfZLoc = 0.0014;

}  // namespace

std::string_view muscle_group_name(MuscleGroup g) {
  switch (g) {
    case MuscleGroup::kGluteusMaximus: return "gluteus maximus";
    case MuscleGroup::kGluteusMedius: return "gluteus medius";
    case MuscleGroup::kGluteusMinimus: return "gluteus minimus";
    case MuscleGroup::kTensorFasciaeLatae: return "tensor fasciae latae";
    case MuscleGroup::kDeepRotator: return "deep external rotators";
    case MuscleGroup::kAdductor: return "adductors";
    case MuscleGroup::kHamstring: return "hamstrings";
    case MuscleGroup::kHipFlexor: return "hip flexors";
    case MuscleGroup::kQuadriceps: return "quadriceps";
  }
  return "?";
}

std::span<const MuscleSpec> muscles() { return kMuscles; }
const MuscleSpec& muscle(int index) { return kMuscles[index]; }

std::string muscle_name(int index, Side side) {
  std::string n(kMuscles[index].name);
  n += side_suffix(side);
  return n;
}

std::optional<int> find_muscle(std::string_view name, std::optional<Side>* side) {
  const auto [base, s] = split_side_suffix(name);
  for (int i = 0; i < kMuscleCount; ++i) {
    if (kMuscles[i].name == base) {
      if (side) *side = s;
      return i;
    }
  }
  return std::nullopt;
}

glm::dvec3 moving_point_location(int index, double knee_flexion_rad, glm::dvec3* d_dflexion) {
  (void)index;  // one moving point in this model (rect_fem); the index is kept for the data format
  static const NaturalSpline sx(kRfX, kRfXLoc);
  static const NaturalSpline sy(kRfX, kRfYLoc);
  const double q = -knee_flexion_rad;  // Gait2392 knee_angle
  if (d_dflexion) *d_dflexion = {-sx.derivative(q), -sy.derivative(q), 0.0};
  return {sx.value(q), sy.value(q), kRfZLoc};
}

}  // namespace hiplab::anatomy
