// Tests the effort solve (biomech/frame_analysis.h) on every shipped drill, as session::compute_frame
// runs it, now that it balances six coordinates per leg (hip x3, knee, ankle, subtalar) with the 43
// Gait2392 muscles: the ankle and subtalar rows never make a frame infeasible — every frame that is
// feasible with those two rows braced (the hip-and-knee problem) stays feasible with them in — the
// muscles always make the ankle and subtalar torques required, and the calf and shin muscles are not
// free riders (the torques they make about the ankle balance there).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "anatomy/muscle_data.h"
#include "assets/drill_loader.h"
#include "biomech/frame_analysis.h"
#include "motion/timeline.h"

using namespace hiplab;
using anatomy::LegCoord;
using anatomy::Side;

TEST_CASE("ankle and subtalar rows keep every shipped drill as feasible as the hip-and-knee solve") {
  const DrillFolder f = load_drill_folder(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills");
  REQUIRE(!f.drills.empty());
  static biomech::BiomechResult full, braced;  // large; keep them off the stack
  int leg_frames = 0, infeasible_without_foot_rows = 0;
  double max_ankle_torque = 0.0;
  for (const motion::Drill& drill : f.drills) {
    for (Side side : {Side::kRight, Side::kLeft}) {
      auto tl = motion::Timeline::build(drill, side);
      REQUIRE_MESSAGE(tl.ok(), drill.id);
      const motion::Timeline& t = tl.value();
      for (int i = 0; i <= 99; ++i) {
        const double time = t.duration() * i / 99.0;
        const motion::DrillFrame fr = t.evaluate(time);
        biomech::BiomechInput in;
        in.pose = fr.legs;
        in.posture = fr.posture;
        in.loads = fr.loads;
        biomech::analyze_frame(in, full);
        for (Side s : {Side::kRight, Side::kLeft})
          for (LegCoord c : {LegCoord::kAnkle, LegCoord::kSubtalar}) in.loads.braces.push_back({s, c});
        biomech::analyze_frame(in, braced);
        for (Side leg : {Side::kRight, Side::kLeft}) {
          const biomech::LegResult& a = full[leg];
          const biomech::LegResult& b = braced[leg];
          ++leg_frames;
          const std::string working = side == Side::kRight ? "right" : "left";
          const std::string leg_name = leg == Side::kRight ? "right" : "left";
          INFO(drill.id << " working " << working << " t=" << time << " leg " << leg_name);
          if (b.feasible) CHECK(a.feasible);
          else ++infeasible_without_foot_rows;
          for (LegCoord c : {LegCoord::kAnkle, LegCoord::kSubtalar}) {
            const int k = anatomy::coord_index(c);
            CHECK_FALSE(a.saturated[k]);
            CHECK(a.achieved_torque[k] == doctest::Approx(a.required_torque[k]).epsilon(1e-6).scale(1.0));
          }
          max_ankle_torque = std::max(max_ankle_torque, std::abs(a.required_torque[anatomy::coord_index(LegCoord::kAnkle)]));
        }
      }
    }
  }
  MESSAGE(leg_frames, " leg frames; ", infeasible_without_foot_rows,
          " already infeasible at the hip or knee without the foot rows; largest ankle torque required ",
          max_ankle_torque, " N m");
  // A foot held off the floor (side-lying, kneeling, seated) asks for an ankle torque from its weight.
  CHECK(max_ankle_torque > 0.1);
}
