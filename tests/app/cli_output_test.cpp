// Tests what the command-line reports print (src/app/cli.h, run in-process with stdout captured),
// not only their exit codes: `info`, `bench`, `moment-arms`, `activations`, `drills` and
// `check-drill`. For `activations` and `check-drill` only the stable parts are read (header words,
// muscle ids, the file name), since their tables grow as the solve does.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/headless.h"
#include "assets/gltf_writer.h"
#include "assets/synthetic_model.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {

test::Captured run_cli_captured(const std::vector<std::string>& args) {
  return test::capture_stdout([&] { return app::run_cli(args); });
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The line of `text` that starts with `start` (after leading spaces), or "".
std::string line_starting(const std::string& text, const std::string& start) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(' ');
    if (first != std::string::npos && line.compare(first, start.size(), start) == 0) return line;
  }
  return "";
}

// The numbers after the first word of a table row.
std::vector<double> row_numbers(const std::string& line) {
  std::istringstream in(line);
  std::string word;
  in >> word;
  std::vector<double> v;
  double x = 0.0;
  while (in >> x) v.push_back(x);
  return v;
}

}  // namespace

TEST_CASE("info prints the model's counts, its bones and its bounds, as text and as JSON") {
  const auto path = (test::scratch_dir("cli_info") / "two_bone.gltf").string();
  const Model src = make_two_bone_model();
  REQUIRE(write_gltf(src, path).ok());

  const auto text = run_cli_captured({"hiplab", "info", "--model", path});
  CHECK(text.status == 0);
  INFO(text.out);
  CHECK(has(text.out, "file       " + path + "\n"));
  CHECK(has(text.out, "bones      2\n"));
  CHECK(has(text.out, "meshes     1\n"));
  CHECK(has(text.out, "triangles  " + std::to_string(src.triangle_count()) + "\n"));
  // The tube stands from y = 0 to y = 2 m (synthetic_model.cpp).
  const std::string bounds = line_starting(text.out, "bounds");
  CHECK(has(bounds, ", 0.0000, "));
  CHECK(has(bounds, ", 2.0000, "));

  const auto json = run_cli_captured({"hiplab", "info", "--model", path, "--json"});
  CHECK(json.status == 0);
  INFO(json.out);
  CHECK(json.out.rfind("{", 0) == 0);
  CHECK(has(json.out, "\"bones\": [\n    \"root\",\n    \"tip\"\n  ]"));
  CHECK(has(json.out, "\"triangles\": " + std::to_string(src.triangle_count())));
  CHECK(has(json.out, "\"skinned\": true"));
}

TEST_CASE("bench prints the frames it drew, the renderer, its memory and zero GL errors") {
  // bench renders headless: skipped on a machine without a usable EGL/OpenGL driver.
  {
    auto probe = app::HeadlessSession::create();
    if (!probe.ok() && test::gl_unavailable(probe.error().message)) HIPLAB_SKIP(probe.error().message);
  }
  const auto bad = test::capture_stderr([] { return app::run_cli({"hiplab", "bench", "--synthetic", "5000", "--frames", "3", "--rounds", "4"}); });
  CHECK(bad.status == 2);
  CHECK(has(bad.out, "--rounds 4: expected 1..3 (at most --frames)"));
  const auto r = run_cli_captured({"hiplab", "bench", "--synthetic", "5000", "--frames", "3", "--size", "160x120"});
  CHECK(r.status == 0);
  INFO(r.out);
  CHECK(has(line_starting(r.out, "renderer"), "OpenGL"));
  CHECK(has(line_starting(r.out, "model "), "synthetic ("));
  CHECK(has(line_starting(r.out, "frames"), "3 at 160x120"));
  // Three frames: three rounds (the default, four, when there are as many frames).
  CHECK(has(line_starting(r.out, "frames"), "alternate in 3 rounds"));
  CHECK(has(line_starting(r.out, "CPU frame time"), "median"));
  // Every thread's CPU time per frame, full and plain, and their ratio.
  const std::string proc = line_starting(r.out, "process CPU/frame");
  REQUIRE_FALSE(proc.empty());
  double proc_full = 0.0, proc_plain = 0.0;
  REQUIRE(std::sscanf(proc.c_str(), "process CPU/frame median %lf ms, plain baseline %lf ms", &proc_full, &proc_plain) == 2);
  CHECK(proc_full > 0.0);
  CHECK(proc_plain > 0.0);
  CHECK(has(line_starting(r.out, "biomechanics"), "ms per frame"));
  // Scrubbing: every shipped drill's effort solve at jumps along its timeline, worst >= p99 >= median > 0.
  const std::string scrub = line_starting(r.out, "scrubbing effort");
  REQUIRE_FALSE(scrub.empty());
  double worst = 0.0, p99 = 0.0, median = 0.0;
  int jumps = 0, drills = 0;
  REQUIRE(std::sscanf(scrub.c_str(), "scrubbing effort worst %lf ms, p99 %lf ms, median %lf ms over %d jumps in %d drills",
                      &worst, &p99, &median, &jumps, &drills) == 5);
  CHECK(median > 0.0);
  CHECK(p99 >= median);
  CHECK(worst >= p99);
  CHECK(drills >= 9);
  CHECK(jumps == 100 * drills);
  // The memory the window would hold for the same scene: resident now, and a peak at least that.
  const std::string memory = line_starting(r.out, "memory");
  REQUIRE_FALSE(memory.empty());
  double resident = 0.0, peak = 0.0;
  REQUIRE(std::sscanf(memory.c_str(), "memory %lf MiB resident, peak %lf MiB", &resident, &peak) == 2);
  CHECK(resident > 10.0);  // the program, its libraries and a GL context: tens of MiB at least
  CHECK(peak >= resident);
  const std::string errors = line_starting(r.out, "GL errors");
  REQUIRE_FALSE(errors.empty());
  CHECK(row_numbers(errors.substr(errors.find("errors"))) == std::vector<double>{0.0});
}

TEST_CASE("soak prints a line per minute and a verdict on memory, frame time and GL errors") {
  {
    auto probe = app::HeadlessSession::create();
    if (!probe.ok() && test::gl_unavailable(probe.error().message)) HIPLAB_SKIP(probe.error().message);
  }
  // Six seconds of it (the real run is 30 minutes or more, outside CI).
  const auto r = run_cli_captured({"hiplab", "soak", "--minutes", "0.1", "--size", "160x100"});
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(has(line_starting(r.out, "minute"), "resident"));
  const std::string minute = line_starting(r.out, "1 ");
  REQUIRE_FALSE(minute.empty());
  CHECK(has(minute, "MiB"));
  const std::string verdict = line_starting(r.out, "soak:");
  CHECK(has(verdict, "resident"));
  CHECK(has(verdict, "GL errors 0: ok"));
  CHECK(run_cli_captured({"hiplab", "soak", "--minutes", "0"}).status == 2);
}

TEST_CASE("moment-arms prints the piriformis turning from external to internal rotator with hip flexion") {
  // The piriformis' rotation moment arm changes sign as the hip flexes (Delp, Hess, Hungerford & Jones
  // 1999, J Biomech 32:493-501, Fig. 2): external rotator in extension, internal at 90 degrees.
  const auto r = run_cli_captured({"hiplab", "moment-arms", "--muscle", "peri", "--dof", "hip_rotation", "--flexion", "0:90:30"});
  CHECK(r.status == 0);
  INFO(r.out);
  CHECK(has(r.out, "moment arm about hip_rotation"));
  CHECK(has(r.out, "right side"));
  CHECK(row_numbers(line_starting(r.out, "muscle")) == std::vector<double>{0.0, 30.0, 60.0, 90.0});
  const std::vector<double> peri = row_numbers(line_starting(r.out, "peri_r "));
  REQUIRE(peri.size() == 4);
  CHECK(peri[0] < -10.0);  // mm, external rotation
  CHECK(peri[3] > 5.0);    // mm, internal rotation

  const auto json = run_cli_captured({"hiplab", "moment-arms", "--muscle", "all", "--dof", "knee", "--flexion", "0:60:30", "--side",
                         "left", "--json"});
  CHECK(json.status == 0);
  CHECK(has(json.out, "\"dof\": \"knee\""));
  CHECK(has(json.out, "\"name\": \"semimem_l\""));
  CHECK(has(json.out, "\"name\": \"bifemsh_l\""));
  CHECK_FALSE(has(json.out, "_r\""));  // left side only
}

TEST_CASE("activations prints the posture, both legs, feasibility and a row per muscle") {
  const auto r = run_cli_captured({"hiplab", "activations", "--posture", "side_lying", "--pose",
                      "hip_flexion=45,knee=90,hip_rotation_r=-20", "--load", "floor:femur_l", "--load", "floor:tibia_r",
                      "--effort", "hip_rotation=-30"});
  CHECK(r.status == 0);
  INFO(r.out);
  CHECK(r.out.rfind("posture side_lying", 0) == 0);
  CHECK(has(r.out, "RIGHT leg: hip flexion 45.0"));
  CHECK(has(r.out, "LEFT leg: hip flexion 45.0"));
  CHECK(has(r.out, "feasible"));
  for (const char* id : {"glut_med1_r", "peri_r", "add_long_r", "glut_med1_l", "peri_l", "add_long_l"}) {
    INFO(id);
    CHECK_FALSE(line_starting(r.out, std::string(id) + " ").empty());
  }
}

TEST_CASE("drills lists every shipped drill by id and names the user folder") {
  const auto data = test::scratch_dir("cli_drills_data");
  const char* old = std::getenv("XDG_DATA_HOME");
  const std::string saved = old ? old : "";
  ::setenv("XDG_DATA_HOME", data.c_str(), 1);  // no user drills of the developer's
  const auto r = run_cli_captured({"hiplab", "drills"});
  if (old) ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
  else ::unsetenv("XDG_DATA_HOME");
  CHECK(r.status == 0);
  INFO(r.out);
  int shipped = 0;
  for (const auto& e : fs::directory_iterator(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills")) {
    if (e.path().extension() != ".json") continue;
    ++shipped;
    const std::string id = e.path().stem().string();
    INFO(id);
    CHECK_FALSE(line_starting(r.out, id + " ").empty());
  }
  CHECK(shipped >= 9);
  CHECK(has(r.out, "user drills: " + (data / "hiplab" / "drills").string()));
  CHECK_FALSE(has(r.out, "(user)"));
}

TEST_CASE("check-drill says ok with the drill's name for a shipped drill, nothing on stdout for a broken one") {
  const std::string good = std::string(HIPLAB_SOURCE_DIR) + "/assets/drills/clamshell.json";
  const auto ok = run_cli_captured({"hiplab", "check-drill", good});
  CHECK(ok.status == 0);
  INFO(ok.out);
  CHECK(ok.out.rfind(good + ": ok", 0) == 0);
  CHECK(has(ok.out, "\"Clamshell\""));

  const auto bad_path = (test::scratch_dir("cli_check_drill") / "broken.json").string();
  std::ofstream(bad_path) << "{\"id\": \"broken\", \"phases\": [";
  const auto bad = run_cli_captured({"hiplab", "check-drill", bad_path});
  CHECK(bad.status == 1);
  CHECK(bad.out.empty());
}
