#include "app/cmd_moment_arms.h"

#include "anatomy/muscle_names.h"

#include "app/cli_values.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "anatomy/joint_coordinates.h"
#include "anatomy/moment_arm.h"
#include "anatomy/muscle_data.h"
#include "core/units.h"

namespace hiplab::app {
namespace {

using namespace hiplab::anatomy;

int usage_error(const std::string& option, const std::string& value, const std::string& expected) {
  std::fprintf(stderr, "error: moment-arms %s: '%s' (expected %s)\n", option.c_str(), value.c_str(),
               expected.c_str());
  return 2;
}

}  // namespace

Command add_moment_arms_command(CLI::App& app) {
  struct Opts {
    std::string muscle = "all";
    std::string dof = "hip_rotation";
    std::string flexion = "0:90:15";
    std::string side = "right";
    double knee_deg = 0.0;
    double ankle_deg = 0.0;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand(
      "moment-arms", "Muscle moment arms (mm) about a hip, knee, ankle or subtalar coordinate across hip flexion");
  sub->add_option("--muscle", o->muscle, "A muscle by its model name (peri, glut_med1_r) or plain name (piriformis, \"gluteus medius\" for all its parts, hamstrings, soleus), or 'all'");
  sub->add_option("--dof", o->dof, "hip_rotation | hip_flexion | hip_adduction | knee | ankle | subtalar");
  sub->add_option("--flexion", o->flexion, "Hip flexion sweep FROM:TO:STEP in degrees (default 0:90:15)");
  sub->add_option("--side", o->side, "left | right (default right)");
  sub->add_option("--knee", o->knee_deg, "Knee flexion held during the sweep, degrees (default 0)");
  sub->add_option("--ankle", o->ankle_deg, "Ankle angle held during the sweep, degrees (+ dorsiflexion; default 0)");
  sub->add_flag("--json", o->json, "Print JSON instead of text");
  auto run = [o]() -> int {
    // --dof
    const std::optional<LegCoord> dof = find_coord(o->dof);
    if (!dof || coord_index(*dof) >= kMuscleCoordCount)
      return usage_error("--dof", o->dof, "hip_rotation, hip_flexion, hip_adduction, knee, ankle or subtalar");
    // --side
    Side side = Side::kRight;
    if (o->side == "left" || o->side == "l") side = Side::kLeft;
    else if (o->side != "right" && o->side != "r") return usage_error("--side", o->side, "left or right");
    // --muscle
    std::vector<int> list;
    if (o->muscle == "all") {
      for (int i = 0; i < kMuscleCount; ++i) list.push_back(i);
    } else {
      const auto sel = find_muscles(o->muscle);
      if (!sel)
        return usage_error("--muscle", o->muscle,
                           "'all', a model name such as peri, glut_med1_r, or a plain one such as piriformis, "
                           "\"gluteus medius\" (all its parts), hamstrings");
      if (sel->side) side = *sel->side;
      list = sel->muscles;
    }
    // --flexion FROM:TO:STEP
    std::vector<double> angles_deg;
    {
      const std::string& f = o->flexion;
      const auto c1 = f.find(':');
      const auto c2 = c1 == std::string::npos ? std::string::npos : f.find(':', c1 + 1);
      const char* expected = "FROM:TO:STEP in degrees with STEP > 0 and FROM <= TO, e.g. 0:90:15";
      if (c2 == std::string::npos) return usage_error("--flexion", f, expected);
      const auto from = parse_finite_number(f.substr(0, c1));
      const auto to = parse_finite_number(f.substr(c1 + 1, c2 - c1 - 1));
      const auto step = parse_finite_number(f.substr(c2 + 1));
      if (!from || !to || !step || *step <= 0.0 || *from > *to || (*to - *from) / *step > 10000.0)
        return usage_error("--flexion", f, expected);
      for (double a = *from; a <= *to + 1e-9 * *step; a += *step) angles_deg.push_back(a);
    }
    if (!std::isfinite(o->knee_deg) || o->knee_deg < -10.0 || o->knee_deg > 140.0)
      return usage_error("--knee", nlohmann::json(o->knee_deg).dump(), "a knee flexion between -10 and 140 degrees");
    // The normal active ankle range: 20 deg dorsiflexion, 50 deg plantarflexion (AAOS 1965).
    if (!std::isfinite(o->ankle_deg) || o->ankle_deg < -50.0 || o->ankle_deg > 20.0)
      return usage_error("--ankle", nlohmann::json(o->ankle_deg).dump(), "an ankle angle between -50 and 20 degrees");

    // Moment arms are the same on both sides at the same coordinates (mirror image); the side only
    // names the muscles.
    std::vector<std::vector<double>> mm(list.size(), std::vector<double>(angles_deg.size()));
    for (std::size_t a = 0; a < angles_deg.size(); ++a) {
      LegPose pose;
      pose[LegCoord::kHipFlexion] = deg_to_rad(angles_deg[a]);
      pose[LegCoord::kKneeFlexion] = deg_to_rad(o->knee_deg);
      pose[LegCoord::kAnkle] = deg_to_rad(o->ankle_deg);
      for (std::size_t m = 0; m < list.size(); ++m)
        mm[m][a] = 1000.0 * moment_arm(list[m], pose, *dof);
    }

    if (o->json) {
      nlohmann::json j;
      j["dof"] = std::string(coord_name(*dof));
      j["sign"] = std::string(coord_sign_text(*dof));
      j["side"] = side == Side::kRight ? "right" : "left";
      j["unit"] = "mm";
      j["knee_flexion_deg"] = o->knee_deg;
      j["ankle_deg"] = o->ankle_deg;
      j["hip_flexion_deg"] = angles_deg;
      j["source"] = "OpenSim Gait2392 straight-line paths (Delp et al. 1990; CC BY 3.0)";
      nlohmann::json muscles = nlohmann::json::array();
      for (std::size_t m = 0; m < list.size(); ++m)
        muscles.push_back({{"name", muscle_name(list[m], side)},
                           {"label", std::string(muscle(list[m]).label)},
                           {"moment_arm_mm", mm[m]}});
      j["muscles"] = muscles;
      std::printf("%s\n", j.dump(2).c_str());
      return 0;
    }
    std::printf("moment arm about %s (mm; %s), %s side, knee %.0f deg, ankle %.0f deg; columns: hip flexion (deg)\n",
                std::string(coord_name(*dof)).c_str(), std::string(coord_sign_text(*dof)).c_str(),
                side == Side::kRight ? "right" : "left", o->knee_deg, o->ankle_deg);
    std::printf("%-13s", "muscle");
    for (double a : angles_deg) std::printf(" %7.1f", a);
    std::printf("\n");
    for (std::size_t m = 0; m < list.size(); ++m) {
      std::printf("%-13s", muscle_name(list[m], side).c_str());
      for (double v : mm[m]) std::printf(" %7.1f", v);
      std::printf("   %s\n", std::string(muscle(list[m]).label).c_str());
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
