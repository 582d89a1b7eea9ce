// rom_limits.h — range-of-motion norms for every drill channel: the limits a drill may reach
// without marking the phase as end-range on purpose, and the limits the hands-on sliders clamp to.
//
// Units: radians (metres for the pelvis translation). Signs: drill_channels.h.
// Sources (degrees):
//   AAOS 1965, "Joint motion: method of measuring and recording" (American Academy of Orthopaedic
//     Surgeons): hip flexion 120, extension 30, abduction 45, adduction 30, internal rotation 45,
//     external rotation 45; knee flexion 135; ankle dorsiflexion 20, plantarflexion 50; subtalar
//     inversion 35, eversion 15; first MTP extension 70, flexion 45; thoracolumbar flexion 80,
//     extension 25, lateral bending 35, rotation 45; shoulder flexion 180, extension 60, abduction 180;
//     elbow flexion 150.
//   Roach & Miles 1991, Phys Ther 71:656 (NHANES I, 25-74 y, active): hip IR 32 +/- 8, ER 32 +/- 9,
//     flexion 121 +/- 13, extension 19 +/- 8, abduction 42 +/- 11 — the typical adult, used for the
//     "typical" band (mean) shown beside the AAOS limit.
// Knee hyperextension: 5 deg allowed (AAOS records 0 as the norm; a few degrees are common).
// Pelvis offsets are not joints: their bounds are plausibility limits for keyframes (tilt 30 deg,
// obliquity 40 (a 90/90 rolls the pelvis about 35 deg), rotation 45, translation 0.5 m), not norms.
// Invariant: min < 0 <= max or min <= 0 < max for every channel (the anatomical position is inside).
#pragma once
#include <string_view>

#include "motion/drill_channels.h"

namespace hiplab::motion {

struct RomLimit {
  double min = 0.0;             // rad (m for translations)
  double max = 0.0;
  double typical_min = 0.0;     // typical adult active range (Roach & Miles 1991 where given)
  double typical_max = 0.0;
  std::string_view source;
};

const RomLimit& rom_limit(Channel c);
inline bool within_rom(Channel c, double value, double tolerance = 1e-9) {
  const RomLimit& l = rom_limit(c);
  return value >= l.min - tolerance && value <= l.max + tolerance;
}
double clamp_to_rom(Channel c, double value);

}  // namespace hiplab::motion
