// Tests src/anatomy/activity_demands.h: which activities a measured range reaches, the sentence
// the patient reads, and where the overlay's ticks go (signs as everywhere: + internal rotation,
// + flexion, + adduction).
#include <doctest/doctest.h>

#include "anatomy/activity_demands.h"

namespace hiplab {

namespace {

using namespace anatomy;

ActivityDemands sample() {
  ActivityDemands d;
  d.sources.push_back({"s", "A. Author 2000", "https://example.org"});
  d.activities.push_back({"b", "Big step", "flexion", 92.5, "mean", "s"});
  d.activities.push_back({"t", "Trailing leg", "flexion", 20.6, "mean", "s"});
  d.activities.push_back({"l", "Leading leg", "flexion", 66.3, "mean", "s"});
  d.activities.push_back({"x", "Cross-legged", "external_rotation", 62, "mean", "s"});
  d.activities.push_back({"a", "Cross-legged", "abduction", 28.9, "mean", "s"});
  return d;
}

TEST_CASE("activity demands: a range is enough for the activities at or below it, least demanding first") {
  const ActivityDemands d = sample();
  const RangeVerdict v = verdict(d, "flexion", 66.3);
  REQUIRE(v.enough.size() == 2);
  CHECK(v.enough[0]->id == "t");
  CHECK(v.enough[1]->id == "l");  // exactly the figure counts as enough
  REQUIRE(v.short_of.size() == 1);
  CHECK(v.short_of[0]->id == "b");
  CHECK(verdict_text(verdict(d, "flexion", 30), "flexion", 30) ==
        "Your 30 deg of flexion is enough for: Trailing leg (20.6 deg). Not yet for: Leading leg (66.3 deg), Big step (92.5 deg).");
  CHECK(verdict_text(verdict(d, "external_rotation", 40), "external_rotation", 40) ==
        "Your 40 deg of external rotation is not yet enough for: Cross-legged (62 deg).");
  CHECK(verdict_text(verdict(d, "flexion", 120), "flexion", 120).find("Not yet") == std::string::npos);
  CHECK(verdict_text(verdict(d, "adduction", 10), "adduction", 10).empty());  // no figure for it
}

TEST_CASE("activity demands: overlay ticks carry the movement's sign") {
  const std::vector<ActivityMark> marks = overlay_marks(sample());
  REQUIRE(marks.size() == 5);
  CHECK(marks[3].arc == OverlayArc::kRotation);
  CHECK(marks[3].signed_deg == -62.0);  // external rotation is negative
  CHECK(marks[4].arc == OverlayArc::kAbduction);
  CHECK(marks[4].signed_deg == -28.9);  // abduction is negative
  CHECK(marks[0].arc == OverlayArc::kFlexion);
  CHECK(marks[0].signed_deg == 92.5);
  CHECK(known_demand_movement("internal_rotation"));
  CHECK_FALSE(known_demand_movement("rotation"));
}

}  // namespace

}  // namespace hiplab
