// activity_demands.h — how much hip motion everyday activities take, from the literature
// (assets/anatomy/activity_demands.json, read by assets/activity_demands_loader.h), and what a
// measured range is enough for: "your 70 deg of flexion is enough for stepping up a 20 cm step
// (66.3 deg); not yet for squatting (99.7 deg)".
// Degrees, as published: each figure is the mean (of the subjects' maxima, unless its `statistic`
// says otherwise) of healthy adults; a patient at or above it usually has the range the activity
// takes, below it may do the activity another way (e.g. trailing with the stiffer leg on stairs).
// Movements are named as in the records ("internal_rotation", "flexion", ...; records/records.h).
// On the overlay (scene/rom_overlay.h) the same signs as everywhere: + internal rotation,
// + flexion, + adduction; external rotation, extension and abduction negative.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hiplab::anatomy {

struct ActivitySource {
  std::string id;        // key the activities cite it by
  std::string citation;  // authors, year, title, journal as the stored page gives them
  std::string url;       // the page the figures were read from
};

struct ActivityDemand {
  std::string id;         // "squat_heels_flat"
  std::string label;      // "Squatting, heels flat": plain words a patient reads
  std::string movement;   // internal_rotation, external_rotation, flexion, extension, abduction, adduction
  double degrees = 0.0;   // the range the activity takes (> 0)
  std::string statistic;  // what the figure is, e.g. "mean maximum, 30 adults (SD 27)"
  std::string source;     // an ActivitySource id
};

struct ActivityDemands {
  std::vector<ActivitySource> sources;
  std::vector<ActivityDemand> activities;
  const ActivitySource* source(std::string_view id) const;
};

// Whether `movement` is one of the six names above.
bool known_demand_movement(std::string_view movement);

// The activities of one movement, least demanding first.
std::vector<const ActivityDemand*> demands_for(const ActivityDemands& d, std::string_view movement);

// Which of those a measured range reaches (measured >= the figure) and which it does not.
struct RangeVerdict {
  std::vector<const ActivityDemand*> enough, short_of;  // each least demanding first
};
RangeVerdict verdict(const ActivityDemands& d, std::string_view movement, double measured_deg);
// One sentence for the patient: "Your 70 deg of flexion is enough for: A (66.3 deg). Not yet for:
// B (92.5 deg), C (99.7 deg)." Empty when no activity has a figure for this movement.
std::string verdict_text(const RangeVerdict& v, std::string_view movement, double measured_deg);

// Ticks on the overlay's arcs: which arc and where (signed, as above).
enum class OverlayArc { kRotation, kFlexion, kAbduction };
struct ActivityMark {
  OverlayArc arc = OverlayArc::kRotation;
  double signed_deg = 0.0;
};
std::vector<ActivityMark> overlay_marks(const ActivityDemands& d);

}  // namespace hiplab::anatomy
