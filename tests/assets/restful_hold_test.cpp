// restful_hold_test.cpp — the effort solve (biomech/frame_analysis.h) on the shipped drills' restful
// holds: in a hold phase that asks for no effort (a passive stretch: the figure-4 "Let the knee fall
// out", the 90/90 holds, the PAILs/RAILs passive holds) nothing but gravity, the contacts and the
// stretched muscles' passive pull loads the legs, so no muscle should work near its maximum.
//
// Threshold: every muscle below 15% activation in every sampled frame. Why: a held passive
// stretch is done relaxed, and relaxed muscle in a static stretch shows no measurable EMG
// (Magnusson, Simonsen, Dyhre-Poulsen, Aagaard, Mohr & Kjaer 1996, Scand J Med Sci Sports
// 6:323-328: hamstrings held 90 s at a fixed stretch, integrated EMG no different from that of
// subjects with complete spinal cord injury). The limit is not near 0 because the model has no
// ligaments or capsule (the measured passive moments it is fitted to include them,
// biomech/passive_moment.h) and its contacts are a few spheres, so a leg that in life rests on
// passive structures may here need a little of its muscles. It was 50% while the figure-4 hold
// reached 0.48: the crossed shin rested on the SIDE of the other knee (the line between the two
// contact spheres' centres 47 deg from the floor), so its push, along that line, carried 27 N and
// left 15.6 N m of hip flexion to sartorius and iliopsoas. With the shin on top of the knee (the
// line within a few degrees of vertical, figure4_self_test.json "_contacts") the support carries
// about 46 N and the hold reaches 0.13 (iliacus); the 90/90 and PAILs/RAILs holds 0.125. Tightened
// to 15% (the hold's measured worst, rounded up).
// Before the passive strain was fitted to Riener & Edrich 1999 (anatomy/muscle_calibration.h),
// biceps femoris short head, sartorius and quadratus femoris were at 100% in the figure-4 hold and
// semitendinosus, sartorius, biceps short head and adductor magnus 1 (front leg), gluteus minimus 1
// and adductor magnus 3 (back leg) at 100% in every sampled frame of the 90/90 holds.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "assets/drill_loader.h"
#include "biomech/frame_analysis.h"
#include "motion/timeline.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {
constexpr double kRestfulLimit = 0.15;
constexpr int kSamplesPerPhase = 11;  // both ends and every tenth between
}  // namespace

TEST_CASE("restful holds: in the shipped drills' hold phases that ask for no effort, no muscle works near its maximum") {
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  auto out = std::make_unique<biomech::BiomechResult>();
  int phases = 0;
  bool figure4 = false, ninety = false;
  int figure4_supports = 0;
  for (const Drill& d : f.drills)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(d, side);
      REQUIRE(tl.ok());
      for (const PhaseInstance& pi : tl->instances()) {
        if (pi.set > 1 || pi.rep > 1) continue;
        const Phase& ph = d.phases[static_cast<std::size_t>(pi.phase)];
        if (!ph.hold || !ph.loads.loads.efforts.empty()) continue;
        ++phases;
        figure4 |= d.id == "figure4_self_test";
        ninety |= d.id == "ninety_ninety_hip_switch";
        double worst = 0.0;
        std::string who;
        for (int i = 0; i < kSamplesPerPhase; ++i) {
          const double u = static_cast<double>(i) / (kSamplesPerPhase - 1);
          const DrillFrame fr = tl->evaluate(pi.start_s + u * pi.duration_s - (i == kSamplesPerPhase - 1 ? 1e-6 : 0.0));
          *out = biomech::BiomechResult{};
          biomech::analyze_frame(biomech_input(fr), *out);
          // The figure-4: the crossed shin's support takes the leg's weight upward (world y), not
          // sideways: before, its push was 29 N up and 9 N across, 27 N along a line 47 deg from
          // the floor; now 46 N up and 23 N sideways (the friction spent). Checked: at least 35 N
          // up, sideways within the friction pyramid about a normal a few degrees off vertical
          // (edges n +- mu t, mu 0.5, biomech/loads.h: up to mu sqrt(2) = 0.71 across its corners).
          if (d.id == "figure4_self_test")
            for (int k = 0; k < out->contact_count; ++k) {
              const biomech::Contact& c = fr.loads.contacts[static_cast<std::size_t>(k)];
              if (c.on != biomech::ContactSurface::kBody || c.label.rfind("shin_lower", 0) != 0) continue;
              const glm::dvec3 f = out->contact[k].force_world;
              CHECK_MESSAGE(f.y >= 35.0, c.label, " pushes ", f.y, " N up");
              CHECK_MESSAGE(std::hypot(f.x, f.z) <= 0.75 * f.y, c.label, " pushes ", std::hypot(f.x, f.z), " N sideways");
              ++figure4_supports;
            }
          for (anatomy::Side s : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
            CHECK(out->leg[anatomy::side_index(s)].feasible);
            for (int m = 0; m < anatomy::kMuscleCount; ++m)
              if ((*out)[s].muscle[m].activation > worst) {
                worst = (*out)[s].muscle[m].activation;
                who = anatomy::muscle_name(m, s) + " at " + std::to_string(fr.time_s) + " s";
              }
          }
        }
        const std::string what = d.id + (side == anatomy::Side::kRight ? " right" : " left") + " '" + ph.name + "'";
        MESSAGE(what, ": largest activation ", worst, " (", who, ")");
        CHECK_MESSAGE(worst < kRestfulLimit, what, ": ", who, " at ", worst);
      }
    }
  CHECK(figure4);
  CHECK(figure4_supports >= 2 * kSamplesPerPhase);  // the crossed shin's support, both sides
  CHECK(ninety);
  CHECK(phases >= 8);
}
