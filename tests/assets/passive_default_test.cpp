// The muscles' passive pull is counted in the torque balance by default (biomech/frame_analysis.h,
// issue 13: stretch drills hold the hip at end range, and the passive torque is what the patient
// feels), and the shipped drills stay feasible with it: every frame the feasibility test samples
// (every phase of the first rep at 2%, 50% and 100%, both working sides). Until the passive strain
// at F_max was fitted to Riener & Edrich 1999's passive moments (anatomy/muscle_calibration.h),
// two were not — the start of the figure-4 release, where the crossed leg is lifted off the other
// knee with the vasti at 1.3 l_o pulling 15.8 N m into knee extension (Riener & Edrich: 6.9;
// docs/validation.md). The count fails the test if it rises.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "assets/drill_loader.h"
#include "biomech/frame_analysis.h"
#include "motion/timeline.h"
#include "phase_samples.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {
// docs/validation.md, "Passive fibre force in the balance": 0 of 264 sampled frames (246 before the
// half-kneeling windmill joined the shipped drills, issue 12: its 18 frames are all feasible; 2,
// the figure-4 release, before the passive strain was fitted).
constexpr int kSampledFrames = 264;
constexpr int kInfeasibleReported = 0;
}  // namespace

TEST_CASE("the passive pull is counted by default: in the input, in a drill's frame, and in what the muscles must make") {
  CHECK(biomech::BiomechInput{}.count_passive);
  auto d = load_drill_file(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills/ninety_ninety_hip_switch.json");
  REQUIRE(d.ok());
  auto tl = Timeline::build(d.value(), anatomy::Side::kRight);
  REQUIRE(tl.ok());
  const int hold = tl->find_phase_instance("Right front (hold)");
  REQUIRE(hold >= 0);
  const PhaseInstance& pi = tl->instances()[static_cast<std::size_t>(hold)];
  biomech::BiomechInput in = biomech_input(tl->evaluate(pi.start_s + 0.5 * pi.duration_s));
  CHECK(in.count_passive);
  auto counted = std::make_unique<biomech::BiomechResult>();
  auto left_out = std::make_unique<biomech::BiomechResult>();
  biomech::analyze_frame(in, *counted);
  in.count_passive = false;
  biomech::analyze_frame(in, *left_out);
  // The front hip at 96 deg flexion and 44 deg external rotation: its stretched internal rotators
  // (gluteus minimus and medius) pull into internal rotation: 7.1 N m with the passive strain
  // fitted to Riener & Edrich 1999 (anatomy/muscle_calibration.h; 69 N m before, with Gait2392's).
  const biomech::LegResult& r = (*counted)[anatomy::Side::kRight];
  const int rot = anatomy::coord_index(anatomy::LegCoord::kHipRotation);
  MESSAGE("90/90 front hip: passive rotation torque ", r.passive_torque[rot], " N m; required with it ",
          r.required_torque[rot], ", without ", (*left_out)[anatomy::Side::kRight].required_torque[rot]);
  CHECK(r.passive_torque[rot] > 5.0);
  for (int c = 0; c < anatomy::kMuscleCoordCount; ++c) {
    if (r.braced[c]) continue;
    // required = -(gravity + external + contact + passive) + effort, with the passive pull in it.
    CHECK(r.required_torque[c] == doctest::Approx(-(r.gravity_torque[c] + r.external_torque[c] + r.contact_torque[c] +
                                                    r.passive_torque[c]) + r.effort_torque[c]).epsilon(1e-9).scale(1.0));
  }
}

TEST_CASE("with the passive pull counted, the shipped drills' sampled frames are all feasible") {
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(f.drills.size() >= 12);
  int frames = 0, infeasible = 0;
  std::vector<std::string> which;
  auto out = std::make_unique<biomech::BiomechResult>();
  for (const Drill& d : f.drills)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(d, side);
      REQUIRE(tl.ok());
      test::for_each_phase_sample(*tl, [&](const DrillFrame& fr, double u) {
          const biomech::BiomechInput in = biomech_input(fr);
          REQUIRE(in.count_passive);
          *out = biomech::BiomechResult{};  // cold, as the feasibility test solves each frame
          biomech::analyze_frame(in, *out);
          ++frames;
          // Only the infeasible frames are named and checked further; feasible ones are just counted.
          if (!(out->leg[0].feasible && out->leg[1].feasible)) {
            ++infeasible;
            const std::string what = d.id + (side == anatomy::Side::kRight ? " right" : " left") + " '" + fr.phase_name +
                                     "' at " + std::to_string(u);
            which.push_back(what);
            // None is expected (kInfeasibleReported); the figure-4 release as the crossed leg leaves
            // the other knee was, with Gait2392's passive strain.
            CHECK_MESSAGE((d.id == "figure4_self_test" && fr.phase_name == "Release" && u < 0.1), what);
            // The closest reachable solve still ends at its optimum, well inside the iteration cap:
            // its target lies on a face of saturated muscles where the multipliers are not unique,
            // and the active set used to cycle through the same futile releases to the cap (811
            // steps, the scrubbing worst case; static_optimization.cpp least_norm).
            for (const biomech::LegResult& leg : out->leg) {
              CHECK_MESSAGE(leg.solver_converged, what);
              CHECK_MESSAGE(leg.solver_iterations < 400, what, ": ", leg.solver_iterations, " steps");
            }
          }
      });
    }
  std::string list;
  for (const std::string& w : which) list += "\n  " + w;
  MESSAGE(infeasible, " of ", frames, " sampled frames infeasible with the passive pull counted:", list);
  CHECK(frames == kSampledFrames);
  CHECK(infeasible <= kInfeasibleReported);  // more: a drill or the muscle model drifted (docs/validation.md)
  CHECK(infeasible == kInfeasibleReported);  // fewer: good news; update the figure here and in the docs
}
