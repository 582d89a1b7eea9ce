#include "anatomy/rom_norms.h"

#include <array>

namespace hiplab::anatomy {
namespace {
// See rom_norms.h for the sources of every figure.
constexpr std::array<RomNorm, 8> kNorms{{
    {"teen", "Teens", "product brief; ER AAOS 1965", "not stated", 45, 50, 40, 45, 120, 30, 45, 30},
    {"adult", "Adults 20-50", "product brief; ER Roach & Miles 1991 (25-39 y)", "not stated", 35, 45, 30, 34,
     120, 30, 45, 30},
    {"older", "Adults 50+", "product brief; ER Roach & Miles 1991 (60-74 y)", "not stated", 25, 35, 25, 29, 120,
     30, 45, 30},
    {"kouyoumdjian_supine", "Kouyoumdjian 2012, supine", "Kouyoumdjian et al. 2012, n=120, 20-60 y",
     "supine, hip extended", 29.6, 29.6, 38.5, 38.5, 120, 30, 45, 30},
    {"kouyoumdjian_prone", "Kouyoumdjian 2012, prone", "Kouyoumdjian et al. 2012, n=120, 20-60 y",
     "prone, hip extended", 35.2, 35.2, 41.8, 41.8, 120, 30, 45, 30},
    {"kouyoumdjian_seated", "Kouyoumdjian 2012, seated", "Kouyoumdjian et al. 2012, n=120, 20-60 y",
     "seated, hip flexed 90", 37.9, 37.9, 40.6, 40.6, 120, 30, 45, 30},
    {"aaos_1965", "AAOS 1965", "American Academy of Orthopaedic Surgeons 1965", "standard", 45, 45, 45, 45, 120, 30,
     45, 30},
    {"roach_miles_1991", "Roach & Miles 1991", "Roach & Miles 1991, NHANES I, 25-74 y (mean +/- 1 SD)", "active",
     24, 40, 23, 41, 121, 19, 42, 30},
}};
}  // namespace

std::span<const RomNorm> rom_norms() { return kNorms; }

std::optional<RomNorm> find_rom_norm(std::string_view id) {
  for (const RomNorm& n : kNorms)
    if (n.id == id) return n;
  return std::nullopt;
}

const RomNorm& default_rom_norm() { return kNorms[1]; }

LimitStatus limit_status(double angle_deg, double lower_limit_deg, double upper_limit_deg, double warn_deg) {
  if (angle_deg > upper_limit_deg || angle_deg < -lower_limit_deg) return LimitStatus::kPastLimit;
  if (angle_deg > upper_limit_deg - warn_deg || angle_deg < -lower_limit_deg + warn_deg) return LimitStatus::kNearLimit;
  return LimitStatus::kInside;
}

}  // namespace hiplab::anatomy
