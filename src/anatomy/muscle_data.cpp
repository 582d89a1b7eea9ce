// Transcription of the Gait2392 lower-limb muscles. Joint centres and muscle paths from the OpenSim
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

// Vasti and lower leg, from the Thelen2003Muscle entries of gait2392_simbody.osim.
constexpr PathPointSpec k_vas_med[] = {
    {PathBody::kFemur, {0.014, -0.2099, 0.0188}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0356, -0.2769, 0.0009}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.037, -0.4048, -0.0125}, Condition::kKneeAngle, -2.61799, -1.21004, -1},
    {PathBody::kFemur, {0.0274, -0.4255, -0.0131}, Condition::kKneeAngle, -2.61799, -1.78006, -1},
    {PathBody::kTibia, {0.0559586, 0.0217917, -0.0146}, Condition::kNone, 0.0, 0.0, 1},  // moving
};
constexpr PathPointSpec k_vas_int[] = {
    {PathBody::kFemur, {0.029, -0.1924, 0.031}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0335, -0.2084, 0.0285}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0343, -0.403, 0.0055}, Condition::kKneeAngle, -2.61799, -1.42, -1},
    {PathBody::kTibia, {0.0554632, 0.0252923, 0.0018}, Condition::kNone, 0.0, 0.0, 2},  // moving
};
constexpr PathPointSpec k_vas_lat[] = {
    {PathBody::kFemur, {0.0048, -0.1854, 0.0349}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0269, -0.2591, 0.0409}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {0.0361, -0.403, 0.0205}, Condition::kKneeAngle, -2.61799, -1.21004, -1},
    {PathBody::kFemur, {0.0253, -0.4243, 0.0184}, Condition::kKneeAngle, -2.61799, -1.92004, -1},
    {PathBody::kTibia, {0.0599557, 0.0195864, 0.0165}, Condition::kNone, 0.0, 0.0, 3},  // moving
};
constexpr PathPointSpec k_med_gas[] = {
    {PathBody::kFemur, {-0.019, -0.3929, -0.0235}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.03, -0.4022, -0.0258}, Condition::kKneeAngle, -0.785398, 0.174533, -1},
    {PathBody::kCalcn, {0, 0.031, -0.0053}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_lat_gas[] = {
    {PathBody::kFemur, {-0.022, -0.3946, 0.0272}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kFemur, {-0.03, -0.4018, 0.0274}, Condition::kKneeAngle, -0.785398, 0.174533, -1},
    {PathBody::kCalcn, {0, 0.031, -0.0053}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_soleus[] = {
    {PathBody::kTibia, {-0.0024, -0.1533, 0.0071}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0, 0.031, -0.0053}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_tib_post[] = {
    {PathBody::kTibia, {-0.0094, -0.1348, 0.0019}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0144, -0.4051, -0.0229}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0417, 0.0334, -0.0286}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0772, 0.0159, -0.0281}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_flex_dig[] = {
    {PathBody::kTibia, {-0.0083, -0.2046, -0.0018}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0154, -0.4051, -0.0196}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0436, 0.0315, -0.028}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0708, 0.0176, -0.0263}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1658, -0.0081, 0.0116}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {-0.0019, -0.0078, 0.0147}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0285, -0.0071, 0.0215}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0441, -0.006, 0.0242}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_flex_hal[] = {
    {PathBody::kTibia, {-0.0079, -0.2334, 0.0244}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0186, -0.4079, -0.0174}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0374, 0.0276, -0.0241}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1038, 0.0068, -0.0256}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1726, -0.0053, -0.0269}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0155, -0.0064, -0.0265}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0562, -0.0102, -0.0181}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_tib_ant[] = {
    {PathBody::kTibia, {0.0179, -0.1624, 0.0115}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0329, -0.3951, -0.0177}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1166, 0.0178, -0.0305}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_per_brev[] = {
    {PathBody::kTibia, {-0.007, -0.2646, 0.0325}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0198, -0.4184, 0.0283}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0144, -0.4295, 0.0289}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0471, 0.027, 0.0233}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0677, 0.0219, 0.0343}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_per_long[] = {
    {PathBody::kTibia, {0.0005, -0.1568, 0.0362}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0207, -0.4205, 0.0286}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {-0.0162, -0.4319, 0.0289}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0438, 0.023, 0.0221}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0681, 0.0106, 0.0284}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0852, 0.0069, 0.0118}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1203, 0.0085, -0.0184}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_per_tert[] = {
    {PathBody::kTibia, {0.001, -0.2804, 0.0231}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0229, -0.4069, 0.0159}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0857, 0.0228, 0.0299}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_ext_dig[] = {
    {PathBody::kTibia, {0.0032, -0.1381, 0.0276}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0289, -0.4007, 0.0072}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.0922, 0.0388, -0.0001}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1616, 0.0055, 0.013}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0003, 0.0047, 0.0153}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0443, -0.0004, 0.025}, Condition::kNone, 0.0, 0.0, -1},
};
constexpr PathPointSpec k_ext_hal[] = {
    {PathBody::kTibia, {0.0012, -0.1767, 0.0228}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kTibia, {0.0326, -0.3985, -0.0085}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.097, 0.0389, -0.0211}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1293, 0.0309, -0.0257}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kCalcn, {0.1734, 0.0139, -0.028}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0298, 0.0041, -0.0245}, Condition::kNone, 0.0, 0.0, -1},
    {PathBody::kToes, {0.0563, 0.0034, -0.0186}, Condition::kNone, 0.0, 0.0, -1},
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
    {"vas_med", "vastus medialis", MuscleGroup::kQuadriceps, 1294, 0.089, 0.126, 0.08726646, k_vas_med},
    {"vas_int", "vastus intermedius", MuscleGroup::kQuadriceps, 1365, 0.087, 0.136, 0.05235988, k_vas_int},
    {"vas_lat", "vastus lateralis", MuscleGroup::kQuadriceps, 1871, 0.084, 0.157, 0.08726646, k_vas_lat},
    {"med_gas", "gastrocnemius (medial head)", MuscleGroup::kCalf, 1558, 0.06, 0.39, 0.29670597, k_med_gas},
    {"lat_gas", "gastrocnemius (lateral head)", MuscleGroup::kCalf, 683, 0.064, 0.38, 0.13962634, k_lat_gas},
    {"soleus", "soleus", MuscleGroup::kCalf, 3549, 0.05, 0.25, 0.43633231, k_soleus},
    {"tib_post", "tibialis posterior", MuscleGroup::kDeepCalf, 1588, 0.031, 0.31, 0.20943951, k_tib_post},
    {"flex_dig", "flexor digitorum longus", MuscleGroup::kDeepCalf, 310, 0.034, 0.4, 0.12217305, k_flex_dig},
    {"flex_hal", "flexor hallucis longus", MuscleGroup::kDeepCalf, 322, 0.043, 0.38, 0.17453293, k_flex_hal},
    {"tib_ant", "tibialis anterior", MuscleGroup::kShinExtensor, 905, 0.098, 0.223, 0.08726646, k_tib_ant},
    {"per_brev", "peroneus brevis", MuscleGroup::kPeroneal, 435, 0.05, 0.161, 0.08726646, k_per_brev},
    {"per_long", "peroneus longus", MuscleGroup::kPeroneal, 943, 0.049, 0.345, 0.17453293, k_per_long},
    {"per_tert", "peroneus tertius", MuscleGroup::kShinExtensor, 180, 0.079, 0.1, 0.2268928, k_per_tert},
    {"ext_dig", "extensor digitorum longus", MuscleGroup::kShinExtensor, 512, 0.102, 0.345, 0.13962634, k_ext_dig},
    {"ext_hal", "extensor hallucis longus", MuscleGroup::kShinExtensor, 162, 0.111, 0.305, 0.10471976, k_ext_hal},
};
static_assert(std::size(kMuscles) == kMuscleCount);

// The quadriceps' MovingPathPoints on tibia_r: x and y are SimmSplines of knee_angle_r over the
// same 17 knots; z is constant. Index = PathPointSpec::moving (muscle_data.h).
constexpr double kMovingKnots[] = {-2.0944, -1.99997, -1.5708, -1.45752, -1.39626, -1.0472, -0.698132,
                                   -0.526391, -0.349066, -0.174533, 0, 0.00017453, 0.00034907, 0.0279253,
                                   0.0872665, 0.174533, 2.0944};
struct MovingPointData {
  double x[17], y[17], z;
};
constexpr MovingPointData kMovingPoints[kMovingPointCount] = {
    // rect_fem_r-P3
    {{0.0155805, 0.0179938, 0.0275081, 0.0296564, 0.0307615, 0.0365695, 0.0422074, 0.0450902,
      0.048391, 0.0534299, 0.0617576, 0.0617669, 0.0617762, 0.0633083, 0.066994, 0.0733035, 0.0573481},
     {0.0234116, 0.0237613, 0.0251141, 0.0252795, 0.0253146, 0.0249184, 0.0242373, 0.0238447,
      0.0234197, 0.0227644, 0.020984, 0.0209814, 0.0209788, 0.0205225, 0.0191754, 0.0159554, -0.0673774},
     0.0014},
    // vas_med_r-P5
    {{0.00981097, 0.0122243, 0.0217371, 0.0238851, 0.0249902, 0.0307959, 0.0364187, 0.0392871,
      0.0425654, 0.0475764, 0.0559586, 0.0559681, 0.0559776, 0.0575419, 0.0613368, 0.0679503, 0.0629332},
     {0.0224154, 0.0227651, 0.0241265, 0.0242933, 0.0243287, 0.0239462, 0.0233593, 0.0230677,
      0.0228342, 0.0226362, 0.0217917, 0.0217903, 0.0217889, 0.0215365, 0.0206842, 0.0183269, -0.0656205},
     -0.0146},
    // vas_int_r-P4
    {{0.0082733, 0.0106866, 0.0202042, 0.022353, 0.0234583, 0.0292715, 0.0349465, 0.037871,
      0.0412569, 0.0465287, 0.0554632, 0.0554735, 0.0554837, 0.0571717, 0.061272, 0.0684368, 0.0648818},
     {0.025599, 0.0259487, 0.0273124, 0.0274796, 0.0275151, 0.0271363, 0.0265737, 0.0263073,
      0.0261187, 0.0260129, 0.0252923, 0.0252911, 0.0252898, 0.0250526, 0.0242191, 0.0218288, -0.0685706},
     0.0018},
    // vas_lat_r-P5
    {{0.0142897, 0.016703, 0.0262145, 0.0283623, 0.0294674, 0.0352709, 0.0408785, 0.0437291,
      0.0469704, 0.0518742, 0.0599557, 0.0599647, 0.0599738, 0.0614577, 0.0650351, 0.0711867, 0.0583766},
     {0.0215318, 0.0218815, 0.0232362, 0.0234019, 0.0234371, 0.0230439, 0.0223842, 0.0220151,
      0.0216359, 0.0210971, 0.0195864, 0.0195842, 0.019582, 0.01919, 0.018008, 0.0151073, -0.0653421},
     0.0165},
};

struct MovingSplines {
  NaturalSpline x, y;
};
const std::array<MovingSplines, kMovingPointCount>& moving_splines() {
  static const std::array<MovingSplines, kMovingPointCount> s = [] {
    auto make = [](int i) {
      return MovingSplines{NaturalSpline(kMovingKnots, kMovingPoints[i].x),
                           NaturalSpline(kMovingKnots, kMovingPoints[i].y)};
    };
    return std::array<MovingSplines, kMovingPointCount>{make(0), make(1), make(2), make(3)};
  }();
  return s;
}

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
    case MuscleGroup::kCalf: return "calf (triceps surae)";
    case MuscleGroup::kDeepCalf: return "deep calf";
    case MuscleGroup::kPeroneal: return "peroneals";
    case MuscleGroup::kShinExtensor: return "front of the shin";
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
  const MovingSplines& sp = moving_splines()[static_cast<std::size_t>(index)];
  const double q = -knee_flexion_rad;  // Gait2392 knee_angle
  if (d_dflexion) *d_dflexion = {-sp.x.derivative(q), -sp.y.derivative(q), 0.0};
  return {sp.x.value(q), sp.y.value(q), kMovingPoints[index].z};
}

}  // namespace hiplab::anatomy
