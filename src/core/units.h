// units.h — SI inside the code (metres, radians, newtons, seconds). Degrees exist only at the edges
// (UI, command line, data files), in variables named *_deg, converted with these helpers.
#pragma once
#include <numbers>

namespace hiplab {

constexpr double kPi = std::numbers::pi;
constexpr double deg_to_rad(double deg) { return deg * kPi / 180.0; }
constexpr double rad_to_deg(double rad) { return rad * 180.0 / kPi; }
constexpr float deg_to_rad(float deg) { return deg * static_cast<float>(kPi) / 180.0f; }
constexpr float rad_to_deg(float rad) { return rad * 180.0f / static_cast<float>(kPi); }

constexpr double kGravity = 9.80665;  // m/s^2, standard gravity

}  // namespace hiplab
