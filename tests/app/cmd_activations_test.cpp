// Tests src/app/cmd_activations.h by reading what it prints: the contact forces of a drill moment
// (text and --json), the torque the contacts take, and the solver's state per leg.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/cmd_activations.h"
#include "test_support.h"

namespace {

// Runs `activations ARGS` in-process with stdout sent to a file; returns (exit code, what it printed).
std::pair<int, std::string> run_activations(std::vector<std::string> args) {
  CLI::App app{"hiplab"};
  const hiplab::app::Command ac = hiplab::app::add_activations_command(app);
  std::vector<const char*> argv{"hiplab", "activations"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  app.parse(static_cast<int>(argv.size()), argv.data());
  const std::string path = (hiplab::test::scratch_dir("cmd_activations") / "out.txt").string();
  std::fflush(stdout);
  const int saved = dup(1);
  FILE* f = std::fopen(path.c_str(), "w");
  REQUIRE(f != nullptr);
  dup2(fileno(f), 1);
  const int rc = ac.run();
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  std::fclose(f);
  std::string text;
  if (FILE* in = std::fopen(path.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) text.append(buf, n);
    std::fclose(in);
  }
  return {rc, text};
}

}  // namespace

TEST_CASE("activations --drill clamshell --phase Open prints the contact forces and the contacts' torque") {
  const auto [rc, text] = run_activations({"--drill", "clamshell", "--phase", "Open"});
  REQUIRE(rc == 0);
  CHECK(text.find("contacts (force on the named part, N; world axes, y up)") != std::string::npos);
  CHECK(text.find("ankle_r on ankle_l") != std::string::npos);
  CHECK(text.find("knee_l on floor") != std::string::npos);
  CHECK(text.find("  contacts  ") != std::string::npos);  // the torque row
  CHECK(text.find("feasible: the muscles meet every required torque") != std::string::npos);
  CHECK(text.find("NOT CONVERGED") == std::string::npos);
}

TEST_CASE("activations --json: contacts with push, friction and world force, and the feet press together") {
  const auto [rc, text] = run_activations({"--drill", "clamshell", "--phase", "Open", "--json"});
  REQUIRE(rc == 0);
  const auto j = nlohmann::json::parse(text);
  REQUIRE(j["contacts"].is_array());
  bool feet = false;
  for (const auto& c : j["contacts"]) {
    CHECK(c["push_n"].get<double>() >= 0.0);
    CHECK(c["friction_n"].get<double>() <= 0.5 * c["push_n"].get<double>() + 1e-9);  // mu = 0.5
    CHECK(c["force_world_n"].size() == 3);
    if (c["name"] == "ankle_r on ankle_l") {
      feet = true;
      CHECK(c["push_n"].get<double>() > 5.0);  // the bottom foot carries the top one
    }
  }
  CHECK(feet);
  CHECK(j["right"]["solver_converged"] == true);
  CHECK(j["right"]["feasible"] == true);
  CHECK(j["right"]["torque"]["contacts"]["hip_rotation"].is_number());
  // What the muscles must make: external rotation at the middle of the lift.
  CHECK(j["right"]["torque"]["required"]["hip_rotation"].get<double>() < 0.0);
}

TEST_CASE("activations: an effort beyond the muscles is printed as infeasible") {
  const auto [rc, text] = run_activations({"--posture", "supine", "--effort", "hip_rotation=100", "--effort", "hip_flexion=100",
                               "--effort", "hip_adduction=-100"});
  REQUIRE(rc == 0);
  CHECK(text.find("INFEASIBLE: beyond the muscles") != std::string::npos);
  const auto [rc2, js] = run_activations({"--posture", "supine", "--effort", "hip_rotation=100", "--effort", "hip_flexion=100",
                              "--effort", "hip_adduction=-100", "--json"});
  REQUIRE(rc2 == 0);
  CHECK(nlohmann::json::parse(js)["right"]["feasible"] == false);
}

TEST_CASE("activations counts the passive pull by default, --no-passive leaves it out, --count-passive is still accepted") {
  // The 90/90 front hip (96 deg flexion, 44 deg external rotation): its stretched extensors pull
  // 9.8 N m into extension (passive strain fitted to Riener & Edrich 1999,
  // anatomy/muscle_calibration.h; the internal rotators 7.1 N m into internal rotation, which the
  // floor's contacts take up), so counting them changes what the muscles must make about hip
  // flexion (3.6 N m).
  auto required_flexion = [](const std::string& text, const char* passive_key) {
    const nlohmann::json j = nlohmann::json::parse(text);
    REQUIRE(j["right"]["torque"].contains(passive_key));
    CHECK(std::abs(j["right"]["torque"][passive_key]["hip_flexion"].get<double>()) > 5.0);
    return j["right"]["torque"]["required"]["hip_flexion"].get<double>();
  };
  const std::vector<std::string> moment = {"--drill", "ninety_ninety_hip_switch", "--phase", "Right front (hold)", "--json"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = moment;
    a.insert(a.end(), extra.begin(), extra.end());
    return run_activations(a);
  };
  const auto [rc_default, by_default] = with({});
  const auto [rc_count, counted] = with({"--count-passive"});
  const auto [rc_none, left_out] = with({"--no-passive"});
  REQUIRE(rc_default == 0);
  REQUIRE(rc_count == 0);
  REQUIRE(rc_none == 0);
  const double d = required_flexion(by_default, "passive");
  CHECK(required_flexion(counted, "passive") == doctest::Approx(d));
  CHECK(std::abs(required_flexion(left_out, "passive_not_in_balance") - d) > 1.0);
  // The text output names the row the same way.
  const auto [rc_text, text] = run_activations({"--drill", "ninety_ninety_hip_switch", "--phase", "Right front (hold)", "--no-passive"});
  REQUIRE(rc_text == 0);
  CHECK(text.find("passive (info)") != std::string::npos);
  // Both at once is a usage error (CLI11 refuses it before the command runs).
  CLI::App app{"hiplab"};
  // Kept while parsing: the command owns the options CLI11 writes into.
  const hiplab::app::Command cmd = hiplab::app::add_activations_command(app);
  std::vector<const char*> argv{"hiplab", "activations", "--count-passive", "--no-passive"};
  CHECK_THROWS_AS(app.parse(static_cast<int>(argv.size()), argv.data()), CLI::ParseError);
}
