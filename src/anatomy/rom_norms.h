// rom_norms.h — published normal ranges of hip motion, for the joint-limit overlay: the product
// brief's internal-rotation norms by age group and other published norms with their measuring
// position. Degrees here because these are figures as published (converted at use).
//
// Sources (transcribed from shared/reference/README.md, "Range-of-motion norms"):
//  - Product brief, internal rotation by age: teens 45–50°, adults 20–50 y 35–45°, 50+ 25–35°
//    (position not stated). The brief gives no external rotation by age; those rows take external
//    rotation from AAOS 1965 (teens: 45°) and Roach & Miles 1991 by age (25–39 y ≈34°, 60–74 y
//    ≈29°), and flexion/extension/abduction/adduction from AAOS 1965.
//  - Kouyoumdjian P, et al. 2012, Orthop Traumatol Surg Res 98:17–23; n = 120, age 20–60:
//    supine hip extended IR 29.6 / ER 38.5; prone hip extended IR 35.2 / ER 41.8; seated hip flexed
//    90° IR 37.9 / ER ≈40.6.
//  - American Academy of Orthopaedic Surgeons 1965, Joint motion: method of measuring and
//    recording: IR 45, ER 45, flexion 120, extension 30, abduction 45, adduction 30.
//  - Roach KE, Miles TP 1991, Phys Ther 71:656–665 (NHANES I, 25–74 y), active: IR 32 ± 8,
//    ER 32 ± 9, flexion 121 ± 13, extension 19 ± 8, abduction 42 ± 11 (adduction not reported;
//    AAOS 30 used).
// Sign convention of the overlay: + internal rotation / − external rotation, + flexion /
// − extension, + adduction / − abduction (anatomy/joint_coordinates.h).
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace hiplab::anatomy {

struct RomNorm {
  std::string_view id;        // "adult", "teen", "older", "kouyoumdjian_supine", ...
  std::string_view label;     // "Adults 20-50": plain words a patient reads (the source says where it is from)
  std::string_view source;    // short citation
  std::string_view position;  // measuring position, e.g. "supine, hip extended"
  // Internal rotation: the normal band [ir_low, ir_high]; the limit used for amber/red is ir_high
  // (the top of the normal range; past it is beyond normal).
  double ir_low_deg, ir_high_deg;
  double er_low_deg, er_high_deg;
  double flexion_deg, extension_deg, abduction_deg, adduction_deg;
};

std::span<const RomNorm> rom_norms();
std::optional<RomNorm> find_rom_norm(std::string_view id);
// The brief's default: adults 20–50.
const RomNorm& default_rom_norm();

// Patient's own measured limits (degrees, positive magnitudes), any of which may be unset.
struct MeasuredLimits {
  std::optional<double> internal_rotation_deg, external_rotation_deg;
};

// Where an angle stands against a range [-lower, +upper] (deg): inside, within `warn_deg` of a
// limit, or past it. Used for the arc's colour (amber within 5°, red past).
enum class LimitStatus { kInside, kNearLimit, kPastLimit };
LimitStatus limit_status(double angle_deg, double lower_limit_deg, double upper_limit_deg, double warn_deg = 5.0);

}  // namespace hiplab::anatomy
