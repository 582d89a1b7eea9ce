// Tests src/app/cli.h: the command line renders and describes models headless, and bad values
// or files exit non-zero (2 for bad usage, 1 for a file that cannot be used) without writing output.
// What `info` and `bench` print is read in cli_output_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/cli.h"
#include "app/headless.h"
#include "assets/gltf_writer.h"
#include "assets/synthetic_model.h"
#include "render/image.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {
std::string two_bone_file() {
  const auto path = (test::scratch_dir("cli_model") / "two_bone.gltf").string();
  REQUIRE(write_gltf(make_two_bone_model(), path).ok());
  return path;
}

// Why this machine cannot render headless (no usable EGL/OpenGL driver), or "" when it can.
std::string no_gl() {
  auto probe = app::HeadlessSession::create();
  return !probe.ok() && test::gl_unavailable(probe.error().message) ? probe.error().message : "";
}
#define SKIP_WITHOUT_GL() \
  if (const std::string why = no_gl(); !why.empty()) HIPLAB_SKIP(why)
}  // namespace

TEST_CASE("hiplab render writes a PNG of the requested size and nothing else") {
  SKIP_WITHOUT_GL();
  const std::string model = two_bone_file();
  const auto dir = test::scratch_dir("cli_render");
  const auto out = (dir / "view.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--model", model, "--view", "back", "--size", "320x200", "--msaa", "2",
                      "--out", out}) == 0);
  auto img = read_png(out);
  REQUIRE(img.ok());
  CHECK(img.value().width == 320);
  CHECK(img.value().height == 200);
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
  CHECK(n == 1);  // no temporary left behind
}

TEST_CASE("hiplab render --timings prints where the start-up went, and without it only the path") {
  SKIP_WITHOUT_GL();
  const auto out = (test::scratch_dir("cli_timings") / "t.png").string();
  const auto plain = test::capture_stdout([&] { return app::run_cli({"hiplab", "render", "--size", "64x48", "--msaa", "1", "--out", out}); });
  CHECK(plain.status == 0);
  CHECK(plain.out == out + "\n");
  const auto timed = test::capture_stdout([&] { return app::run_cli({"hiplab", "render", "--size", "64x48", "--msaa", "1", "--timings", "--out", out}); });
  REQUIRE(timed.status == 0);
  double drawn = -1, load = -1, context = -1, png = -1;
  const std::string line = timed.out.substr(timed.out.find('\n') + 1);
  REQUIRE(std::sscanf(line.c_str(), "start \xe2\x86\x92 picture drawn %lf ms (model read and prepared %lf ms, beside the GL context %lf ms); PNG written %lf ms",
                      &drawn, &load, &context, &png) == 4);
  // The parts lie within the whole: reading the model and opening the context run side by side.
  CHECK(load > 0.0);
  CHECK(context > 0.0);
  CHECK(png > 0.0);
  CHECK(drawn >= std::max(load, context));
}

TEST_CASE("hiplab render --transparent keeps an alpha channel") {
  SKIP_WITHOUT_GL();
  const auto out = (test::scratch_dir("cli_transparent") / "t.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--model", two_bone_file(), "--transparent", "--size", "64x64", "--out", out}) == 0);
  auto img = read_png(out);
  REQUIRE(img.ok());
  CHECK(img.value().pixel(0, 0)[3] == 0);
}

TEST_CASE("bad command-line values exit 2 and write nothing") {
  const std::string model = two_bone_file();
  const auto dir = test::scratch_dir("cli_bad");
  const auto out = (dir / "x.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--model", model, "--view", "sideways", "--out", out}) == 2);
  CHECK(app::run_cli({"hiplab", "render", "--model", model, "--size", "10000x10", "--out", out}) == 2);
  CHECK(app::run_cli({"hiplab", "render", "--model", model, "--size", "abc", "--out", out}) == 2);
  CHECK(app::run_cli({"hiplab", "render", "--model", model, "--msaa", "0", "--out", out}) == 2);
  CHECK(app::run_cli({"hiplab", "render", "--model", model}) == 2);  // --out is required
  CHECK(app::run_cli({"hiplab", "no-such-command"}) == 2);
  CHECK(app::run_cli({"hiplab", "bench", "--frames", "0"}) == 2);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("hiplab render --select takes a muscle or a bone of the body and refuses anything else") {
  // Checked once the model is loaded, after the GL context is made: this needs GL.
  SKIP_WITHOUT_GL();
  const auto dir = test::scratch_dir("cli_select");
  const auto refused = (dir / "refused.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--select", "piriformus", "--size", "64x48", "--out", refused}) == 2);
  CHECK(app::run_cli({"hiplab", "render", "--model", two_bone_file(), "--select", "femur_r", "--out", refused}) == 2);  // no body
  CHECK_FALSE(fs::exists(refused));
  for (const char* what : {"peri_r", "femur_r", "sacrum"}) {
    const auto out = (dir / (std::string(what) + ".png")).string();
    INFO(what);
    CHECK(app::run_cli({"hiplab", "render", "--select", what, "--size", "160x120", "--msaa", "1", "--out", out}) == 0);
    auto img = read_png(out);
    REQUIRE(img.ok());
    CHECK(img.value().width == 160);
    CHECK(img.value().height == 120);
  }
}

TEST_CASE("a missing or corrupt model exits 1 with no output file") {
  const auto dir = test::scratch_dir("cli_badfile");
  const auto out = (dir / "x.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--model", (dir / "missing.glb").string(), "--out", out}) == 1);
  CHECK(app::run_cli({"hiplab", "info", "--model", (dir / "missing.glb").string()}) == 1);
  const auto corrupt = (dir / "corrupt.glb").string();
  std::ofstream(corrupt, std::ios::binary) << "glTF, but only the magic: not a binary glTF";
  CHECK(app::run_cli({"hiplab", "render", "--model", corrupt, "--out", out}) == 1);
  CHECK(app::run_cli({"hiplab", "info", "--model", corrupt}) == 1);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("hiplab render with a drill uses the highlight its file names, unless --highlight says otherwise") {
  SKIP_WITHOUT_GL();
  const auto dir = test::scratch_dir("cli_drill_highlight");
  auto shot = [&](const std::string& name, std::vector<std::string> extra) {
    const auto out = (dir / (name + ".png")).string();
    std::vector<std::string> args = {"hiplab", "render", "--drill", "ninety_ninety_hip_switch", "--time", "2", "--size", "160x100", "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    REQUIRE(app::run_cli(args) == 0);
    auto img = read_png(out);
    REQUIRE(img.ok());
    return std::move(img.value());
  };
  // The shipped 90/90 switch names "stretched" (a mobility drill).
  const Image by_file = shot("default", {}), stretched = shot("stretched", {"--highlight", "stretched"}),
              working = shot("working", {"--highlight", "working"});
  CHECK(by_file.rgba == stretched.rgba);
  CHECK(by_file.rgba != working.rgba);
}

TEST_CASE("hiplab render names the muscles that matter unless --names off, and refuses other values") {
  SKIP_WITHOUT_GL();
  const auto dir = test::scratch_dir("cli_names");
  auto shot = [&](const std::string& names) {
    const auto out = (dir / ("names_" + names + ".png")).string();
    REQUIRE(app::run_cli({"hiplab", "render", "--drill", "clamshell", "--phase", "Open", "--size", "320x200", "--names", names, "--out", out}) == 0);
    auto img = read_png(out);
    REQUIRE(img.ok());
    return std::move(img.value());
  };
  const Image on = shot("on"), off = shot("off");
  // The labels are light text on dark boxes: many pixels differ.
  std::size_t differ = 0;
  for (std::size_t i = 0; i < on.rgba.size(); i += 4) differ += on.rgba[i] != off.rgba[i];
  CHECK(differ > 300);
  CHECK(app::run_cli({"hiplab", "render", "--drill", "clamshell", "--names", "maybe", "--out", (dir / "x.png").string()}) == 2);
  CHECK_FALSE(fs::exists(dir / "x.png"));
}

TEST_CASE("hiplab render --view therapist draws the drill's therapist's view (the whole person), and needs a drill") {
  SKIP_WITHOUT_GL();
  const auto dir = test::scratch_dir("cli_therapist");
  auto shot = [&](const std::string& name, const std::string& view) {
    const auto out = (dir / (name + ".png")).string();
    REQUIRE(app::run_cli({"hiplab", "render", "--drill", "clamshell", "--time", "2", "--view", view, "--size", "160x100", "--out", out}) == 0);
    auto img = read_png(out);
    REQUIRE(img.ok());
    return std::move(img.value());
  };
  // The clamshell's third view is its therapist's view: --view therapist is that one.
  const Image therapist = shot("therapist", "therapist"), third = shot("third", "drill:3"), first = shot("first", "drill:1");
  CHECK(therapist.rgba == third.rgba);
  CHECK(therapist.rgba != first.rgba);
  const auto out = (dir / "none.png").string();
  CHECK(app::run_cli({"hiplab", "render", "--view", "therapist", "--out", out}) == 2);
  CHECK_FALSE(fs::exists(out));
}
