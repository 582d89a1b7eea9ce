#include "anatomy/activity_demands.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace hiplab::anatomy {

namespace {

constexpr std::array<std::string_view, 6> kMovements{"internal_rotation", "external_rotation", "flexion", "extension", "abduction", "adduction"};

std::string plain(std::string_view movement) {
  std::string s(movement);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string listed(const std::vector<const ActivityDemand*>& v) {
  std::string out;
  for (const ActivityDemand* a : v) {
    char deg[32];
    std::snprintf(deg, sizeof deg, " (%g deg)", a->degrees);
    if (!out.empty()) out += ", ";
    out += a->label;
    out += deg;
  }
  return out;
}

}  // namespace

const ActivitySource* ActivityDemands::source(std::string_view id) const {
  for (const ActivitySource& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

bool known_demand_movement(std::string_view movement) { return std::find(kMovements.begin(), kMovements.end(), movement) != kMovements.end(); }

std::vector<const ActivityDemand*> demands_for(const ActivityDemands& d, std::string_view movement) {
  std::vector<const ActivityDemand*> out;
  for (const ActivityDemand& a : d.activities)
    if (a.movement == movement) out.push_back(&a);
  std::stable_sort(out.begin(), out.end(), [](const ActivityDemand* x, const ActivityDemand* y) { return x->degrees < y->degrees; });
  return out;
}

RangeVerdict verdict(const ActivityDemands& d, std::string_view movement, double measured_deg) {
  RangeVerdict v;
  for (const ActivityDemand* a : demands_for(d, movement)) (measured_deg >= a->degrees ? v.enough : v.short_of).push_back(a);
  return v;
}

std::string verdict_text(const RangeVerdict& v, std::string_view movement, double measured_deg) {
  if (v.enough.empty() && v.short_of.empty()) return {};
  char head[96];
  std::snprintf(head, sizeof head, "Your %g deg of %s is ", measured_deg, plain(movement).c_str());
  std::string out = head;
  if (!v.enough.empty()) out += "enough for: " + listed(v.enough) + ".";
  if (!v.short_of.empty()) out += std::string(v.enough.empty() ? "not yet enough for: " : " Not yet for: ") + listed(v.short_of) + ".";
  return out;
}

std::vector<ActivityMark> overlay_marks(const ActivityDemands& d) {
  std::vector<ActivityMark> out;
  for (const ActivityDemand& a : d.activities) {
    ActivityMark m;
    if (a.movement == "internal_rotation") m = {OverlayArc::kRotation, a.degrees};
    else if (a.movement == "external_rotation") m = {OverlayArc::kRotation, -a.degrees};
    else if (a.movement == "flexion") m = {OverlayArc::kFlexion, a.degrees};
    else if (a.movement == "extension") m = {OverlayArc::kFlexion, -a.degrees};
    else if (a.movement == "adduction") m = {OverlayArc::kAbduction, a.degrees};
    else if (a.movement == "abduction") m = {OverlayArc::kAbduction, -a.degrees};
    else continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace hiplab::anatomy
