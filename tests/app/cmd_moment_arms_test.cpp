// Tests src/app/cmd_moment_arms.h and cmd_activations.h in-process: good arguments exit 0, bad
// values exit 2 (one stderr line naming the option).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/cmd_activations.h"
#include "app/cmd_moment_arms.h"

namespace {

int run_moment_arms(std::vector<std::string> args) {
  CLI::App app{"hiplab"};
  const hiplab::app::Command ma = hiplab::app::add_moment_arms_command(app);
  const hiplab::app::Command ac = hiplab::app::add_activations_command(app);
  std::vector<const char*> argv{"hiplab"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (ma.sub->parsed()) return ma.run();
  if (ac.sub->parsed()) return ac.run();
  return -1;
}

}  // namespace

TEST_CASE("moment-arms: good arguments exit 0, bad values exit 2") {
  CHECK(run_moment_arms({"moment-arms", "--muscle", "peri", "--dof", "hip_rotation", "--flexion", "0:90:30"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "all", "--dof", "knee", "--flexion", "0:60:30", "--side", "left",
             "--json"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "nope"}) == 2);
  // Names people use (anatomy/muscle_names.h): one muscle, or every part of one.
  CHECK(run_moment_arms({"moment-arms", "--muscle", "piriformis", "--flexion", "0:90:45"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "gluteus medius", "--flexion", "0:90:45", "--json"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "piriformus"}) == 2);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "soleus_l", "--dof", "ankle", "--ankle", "-20"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "tib_post", "--dof", "subtalar", "--knee", "30"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--muscle", "soleus", "--dof", "ankle", "--flexion", "0:90:45"}) == 0);
  CHECK(run_moment_arms({"moment-arms", "--dof", "mtp"}) == 2);  // the toes are held still: no moment arms
  CHECK(run_moment_arms({"moment-arms", "--ankle", "45"}) == 2);
  CHECK(run_moment_arms({"moment-arms", "--flexion", "0:90"}) == 2);
  CHECK(run_moment_arms({"moment-arms", "--flexion", "90:0:10"}) == 2);
  CHECK(run_moment_arms({"moment-arms", "--side", "middle"}) == 2);
}

TEST_CASE("activations: good arguments exit 0, bad values exit 2") {
  CHECK(run_moment_arms({"activations", "--posture", "side_lying", "--pose", "hip_flexion=45,knee=90,hip_rotation_r=-20",
             "--load", "floor:femur_l", "--load", "floor:tibia_r", "--effort", "hip_rotation=-30"}) == 0);
  CHECK(run_moment_arms({"activations", "--posture", "seated", "--pose", "hip_flexion=90,knee=90", "--load",
             "band:tibia_r:0,-0.4,0:0.33,-0.5,-0.6:200:0.2", "--load", "brace:hip_adduction_r", "--json"}) == 0);
  CHECK(run_moment_arms({"activations", "--posture", "side_lying", "--pose", "knee=90", "--effort", "ankle_r=-50", "--load",
             "brace:subtalar_l"}) == 0);
  CHECK(run_moment_arms({"activations", "--effort", "mtp=20"}) == 2);  // the toes are held still
  CHECK(run_moment_arms({"activations", "--posture", "sofa"}) == 2);
  CHECK(run_moment_arms({"activations", "--pose", "hip_flexion=abc"}) == 2);
  CHECK(run_moment_arms({"activations", "--pose", "elbow=30"}) == 2);
  CHECK(run_moment_arms({"activations", "--load", "band:tibia_r:0,0"}) == 2);
  CHECK(run_moment_arms({"activations", "--load", "floor:pelvis"}) == 2);
  CHECK(run_moment_arms({"activations", "--effort", "hip_rotation=-150"}) == 2);
  CHECK(run_moment_arms({"activations", "--mass", "5"}) == 2);
  CHECK(run_moment_arms({"activations", "--height", "4"}) == 2);
}
