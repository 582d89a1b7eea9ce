#include "anatomy/point_registration.h"

#include <array>
#include <vector>

namespace hiplab::anatomy {
namespace {

constexpr int kMaxPoints = 8;  // the most path points a muscle has (flexor digitorum longus)

// [TABLE] Printed by tests/scene/point_registration_test.cpp from the shipped bones (which also
// checks it); see point_registration.h for the rule.
constexpr PointRegistration kTable[] = {
    {"glut_med1", 0, {-0.00246, -0.00126, 0.00432}},
    {"glut_med1", 1, {0.00020, 0.00147, 0.00384}},
    {"glut_med2", 0, {-0.00718, -0.00012, 0.00707}},
    {"glut_med2", 1, {-0.00072, 0.00203, 0.00235}},
    {"glut_med3", 1, {-0.00053, 0.00054, 0.00058}},
    {"glut_min1", 0, {-0.00178, -0.00096, 0.00307}},
    {"glut_min2", 0, {-0.00036, -0.00008, 0.00055}},
    {"glut_min3", 0, {-0.00047, 0.00001, 0.00064}},
    {"glut_max1", 3, {-0.00208, -0.00120, 0.00091}},
    {"tfl", 0, {-0.00110, -0.00117, 0.00259}},
    {"tfl", 2, {-0.00009, -0.00069, 0.00595}},
    {"tfl", 3, {-0.00090, 0.00175, 0.00966}},
    {"peri", 2, {0.00158, 0.00222, 0.00017}},
    {"add_long", 0, {0.00296, -0.00165, 0.00152}},
    {"add_brev", 1, {-0.00588, -0.00076, -0.00653}},
    {"add_mag1", 1, {-0.00587, -0.00113, -0.00060}},
    {"add_mag3", 0, {0.00022, -0.00627, 0.00164}},
    {"add_mag3", 1, {-0.00025, 0.00169, -0.00159}},
    {"pect", 0, {0.00221, -0.00323, 0.00231}},
    {"pect", 1, {-0.00032, -0.00006, -0.00041}},
    {"iliacus", 4, {0.00004, -0.00002, -0.00073}},
    {"quad_fem", 0, {-0.00041, -0.00400, 0.00207}},
    {"gem", 0, {0.00013, -0.00150, 0.00303}},
    {"gem", 1, {0.00123, 0.00168, 0.00016}},
    {"vas_med", 0, {-0.00278, 0.00012, -0.00338}},
    {"vas_int", 0, {0.00162, 0.00012, 0.00044}},
    {"vas_lat", 0, {-0.00056, -0.00012, 0.00054}},
    {"vas_lat", 2, {0.00217, 0.00008, 0.00013}},
    {"soleus", 0, {-0.00706, -0.00086, 0.00867}},
    {"tib_post", 0, {-0.00749, -0.00063, -0.00096}},
    {"flex_dig", 0, {-0.00182, -0.00007, -0.00081}},
    {"flex_dig", 6, {0.00002, -0.00022, 0.00058}},
    {"flex_hal", 2, {0.00006, -0.00020, -0.00054}},
    {"flex_hal", 4, {-0.00038, -0.00060, 0.00021}},
    {"flex_hal", 5, {0.00005, -0.00144, 0.00118}},
    {"tib_ant", 0, {0.00159, -0.00023, 0.00553}},
    {"tib_ant", 2, {-0.00019, -0.00045, -0.00033}},
    {"per_brev", 0, {-0.00188, 0.00014, 0.00156}},
    {"per_long", 0, {0.00132, -0.00005, 0.00120}},
    {"per_tert", 1, {0.00256, -0.00171, 0.00208}},
    {"ext_dig", 1, {0.00369, 0.00010, 0.00093}},
    {"ext_dig", 2, {-0.00019, 0.00461, -0.00027}},
    {"ext_dig", 3, {-0.00041, -0.00195, -0.00244}},
    {"ext_dig", 4, {0.00010, 0.00060, -0.00018}},
    {"ext_hal", 3, {0.00069, 0.00205, 0.00003}},
    {"ext_hal", 4, {0.00130, 0.00365, 0.00047}},
};

}  // namespace

std::span<const PointRegistration> point_registrations() {
  return kTable;
}

glm::dvec3 registration_offset(int muscle_index, int point) {
  // Per muscle, per point: found once by name.
  static const std::array<std::array<glm::dvec3, kMaxPoints>, kMuscleCount> offsets = [] {
    std::array<std::array<glm::dvec3, kMaxPoints>, kMuscleCount> o{};
    for (const PointRegistration& r : point_registrations()) {
      const auto m = find_muscle(r.muscle);
      if (m && r.point >= 0 && r.point < kMaxPoints) o[static_cast<std::size_t>(*m)][static_cast<std::size_t>(r.point)] = r.offset;
    }
    return o;
  }();
  if (muscle_index < 0 || muscle_index >= kMuscleCount || point < 0 || point >= kMaxPoints) return glm::dvec3(0.0);
  return offsets[static_cast<std::size_t>(muscle_index)][static_cast<std::size_t>(point)];
}

glm::dvec3 registered_location(int muscle_index, int point) {
  return muscle(muscle_index).points[static_cast<std::size_t>(point)].location + registration_offset(muscle_index, point);
}

}  // namespace hiplab::anatomy
