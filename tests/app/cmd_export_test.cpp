// cmd_export_test.cpp — tests `hiplab export` (src/app/cmd_export.h) in-process, with no GL context:
// the clamshell exported as .glb and as .obj reads back through our own loader with one object per
// draw of the frame `hiplab render` would draw (bones, 86 muscle volumes, skin), named, with the
// frame's bounds and its highlight colours (the middle of its "Open" phase: glutes working); the
// Khronos validator finds no error in the .glb; bad values exit 2 with one stderr line naming what
// was expected; --peel leaves out the layers it takes away.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/cmd_drill_moment.h"
#include "app/paths.h"
#include "assets/gltf_writer.h"
#include "assets/model_loader.h"
#include "assets/muscle_layers.h"
#include "assets/synthetic_model.h"
#include "scene/frame_builder.h"
#include "session/view_state.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;
using test::capture_stderr;

namespace {


// The frame the command should export, built here the way `hiplab render` builds it, and its bounds
// (bones and skin through the CPU skinning of node_transforms.h, muscles from the frame's mesh).
struct Expected {
  Model model;
  DrawList list;
  Aabb bounds;
  std::size_t seen = 0;  // draws that are seen (not shadow-only)
};
const Expected& clamshell() {
  static const Expected e = [] {
    Expected x;
    auto model = load_model(app::default_model_path());
    REQUIRE(model.ok());
    x.model = std::move(model.value());
    auto moment = app::resolve_drill_moment("clamshell", std::nullopt, std::string("Open"), anatomy::Side::kRight);
    REQUIRE(moment.ok());
    session::PoseSource pose = session::standing_pose(x.model);
    pose.legs = moment->legs;
    pose.upper = moment->upper;
    pose.pelvis_world = moment->pelvis_world;
    pose.posture = moment->posture;
    pose.loads = moment->loads;
    session::ViewSettings view;
    view.highlight = HighlightMode::kWorking;
    view.overlay = false;
    session::ComputedFrame computed;
    session::compute_frame(pose, view, computed);
    NodeTransforms posed = NodeTransforms::bind(x.model);
    build_frame(x.model, ModelHandle{}, computed.request, posed, x.list);
    x.bounds = posed_bounds(x.model, posed);
    for (const DynamicMesh& d : x.list.dynamic_meshes)
      for (const Vertex& v : d.vertices) {
        x.bounds.min = glm::min(x.bounds.min, v.position);
        x.bounds.max = glm::max(x.bounds.max, v.position);
      }
    for (const MeshDraw& d : x.list.meshes) x.seen += d.shadow_only ? 0 : 1;
    return x;
  }();
  return e;
}

std::set<std::string> mesh_names(const Model& m) {
  std::set<std::string> s;
  for (const Mesh& mesh : m.meshes) s.insert(mesh.name);
  return s;
}

int muscle_count(const std::set<std::string>& names) {
  int n = 0;
  for (int m = 0; m < anatomy::kMuscleCount; ++m)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) n += names.count(anatomy::muscle_name(m, side)) ? 1 : 0;
  return n;
}

void check_bounds(const Aabb& got, const Aabb& want, float tol) {
  INFO("got " << got.min.x << " " << got.min.y << " " << got.min.z << " .. " << got.max.x << " " << got.max.y << " "
              << got.max.z);
  CHECK(glm::length(got.min - want.min) < tol);
  CHECK(glm::length(got.max - want.max) < tol);
}

}  // namespace

TEST_CASE("hiplab export: the clamshell as .glb reads back with every object of the frame, its bounds and its colours") {
  const Expected& e = clamshell();
  const auto out = (test::scratch_dir("cli_export_glb") / "clamshell.glb").string();
  const auto run = test::capture_stdout([&] {
    return app::run_cli({"hiplab", "export", "--drill", "clamshell", "--phase", "Open", "--out", out});
  });
  REQUIRE(run.status == 0);
  CHECK(run.out.rfind(out + ": " + std::to_string(e.seen) + " objects, ", 0) == 0);
  auto got = load_model(out);
  REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
  const Model& m = got.value();
  CHECK(m.meshes.size() == e.seen);
  const std::set<std::string> names = mesh_names(m);
  CHECK(names.size() == e.seen);  // one named object each
  CHECK(muscle_count(names) == 2 * anatomy::kMuscleCount);
  for (const char* n : {"skin", "femur_r", "femur_l", "glut_med1_r", "glut_max1_l", "peri_r", "soleus_l"})
    CHECK_MESSAGE(names.count(n) == 1, n);
  check_bounds(m.bind_bounds, e.bounds, 1e-5f);
  // Full detail, not the on-screen level: every muscle volume and bone with all its triangles.
  REQUIRE(e.model.muscle_volumes.size() == 2u * anatomy::kMuscleCount);
  std::map<std::string, std::size_t> triangles;
  for (const Mesh& mesh : m.meshes) triangles[mesh.name] = mesh.indices.size() / 3;
  for (const MuscleVolume& v : e.model.muscle_volumes) CHECK_MESSAGE(triangles[v.name] == v.indices.size() / 3, v.name);
  for (const Mesh& mesh : e.model.meshes) CHECK_MESSAGE(triangles[mesh.name] == mesh.indices.size() / 3, mesh.name);
  // Colours as highlighted: the skin translucent, the working muscles in the effort map, not all alike.
  std::set<std::vector<float>> muscle_colours;
  for (const Mesh& mesh : m.meshes) {
    const glm::vec4 c = m.materials[static_cast<std::size_t>(mesh.material)].base_color;
    if (mesh.name == "skin") CHECK(c.a == doctest::Approx(0.3f));
    if (mesh.name.rfind("glut_", 0) == 0 || mesh.name.rfind("soleus", 0) == 0) muscle_colours.insert({c.r, c.g, c.b});
  }
  CHECK(muscle_colours.size() >= 2);
}

TEST_CASE("hiplab export: .obj with its .mtl, the same objects, and --skin off leaves the skin out") {
  const Expected& e = clamshell();
  const auto dir = test::scratch_dir("cli_export_obj");
  const auto out = (dir / "clamshell.obj").string();
  const auto run = test::capture_stdout([&] {
    return app::run_cli({"hiplab", "export", "--drill", "clamshell", "--phase", "Open", "--skin", "off", "--out", out});
  });
  REQUIRE(run.status == 0);
  CHECK(fs::exists(dir / "clamshell.mtl"));
  auto got = load_model(out);
  REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
  const std::set<std::string> names = mesh_names(got.value());
  CHECK(names.size() == e.seen - 1);
  CHECK(names.count("skin") == 0);
  CHECK(muscle_count(names) == 2 * anatomy::kMuscleCount);
  CHECK(names.count("femur_r") == 1);
}

TEST_CASE("hiplab export --peel: the layers the peel takes away are left out, both sides, the rest written") {
  const auto dir = test::scratch_dir("cli_export_peel");
  auto layers = load_muscle_layers(app::asset_dir() + "/anatomy/muscle_layers.json");
  REQUIRE(layers.ok());
  for (const char* peel : {"1", "2", "deep-rotators"}) {
    INFO(peel);
    const auto out = (dir / (std::string("peel_") + peel + ".obj")).string();
    const auto run = test::capture_stdout([&] {
      return app::run_cli({"hiplab", "export", "--drill", "clamshell", "--phase", "Open", "--peel", peel, "--out", out});
    });
    REQUIRE(run.status == 0);
    auto got = load_model(out);
    REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
    const std::set<std::string> names = mesh_names(got.value());
    const auto gone = session::peeled_muscles(*session::parse_peel(peel), layers.value());
    int kept = 0;
    for (int m = 0; m < anatomy::kMuscleCount; ++m)
      for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
        INFO(anatomy::muscle_name(m, side));
        CHECK(names.count(anatomy::muscle_name(m, side)) == (gone[static_cast<std::size_t>(m)] ? 0u : 1u));
        kept += gone[static_cast<std::size_t>(m)] ? 0 : 1;
      }
    CHECK(muscle_count(names) == kept);
    CHECK(kept < 2 * anatomy::kMuscleCount);
    CHECK(names.count("glut_max2_r") == 0);  // gluteus maximus is off at every one of these peels
    CHECK(names.count("peri_r") == 1);
    CHECK(names.count("femur_r") == 1);
  }
}

TEST_CASE("hiplab export: the Khronos glTF validator reports 0 errors on the clamshell") {
  const std::string tool = std::string(HIPLAB_SOURCE_DIR) + "/tools/model_generator";
  if (!fs::exists(tool + "/node_modules/gltf-validator") || std::system("node --version > /dev/null 2>&1") != 0)
    HIPLAB_SKIP("node or gltf-validator not installed (npm ci --prefix tools/model_generator)");
  const auto dir = test::scratch_dir("cli_export_validate");
  const auto out = (dir / "clamshell.glb").string(), report = (dir / "report.json").string();
  REQUIRE(test::capture_stdout([&] {
            return app::run_cli({"hiplab", "export", "--drill", "clamshell", "--time", "1.2", "--out", out});
          }).status == 0);
  const int rc = std::system(("node " + tool + "/validate_gltf.js " + out + " > " + report).c_str());
  std::ifstream f(report);
  std::stringstream ss;
  ss << f.rdbuf();
  MESSAGE(ss.str());
  CHECK(ss.str().find("\"errors\": 0,") != std::string::npos);
  CHECK(rc == 0);  // no warnings either
}

TEST_CASE("hiplab export: bad values exit 2 with one line naming what was expected, and write nothing") {
  const auto dir = test::scratch_dir("cli_export_bad");
  const std::string out = (dir / "x.glb").string();
  struct Case {
    std::vector<std::string> args;
    std::string line;
    bool whole = true;  // false: the line starts so (the list of drills after it grows)
  };
  const std::vector<Case> cases = {
      {{"--drill", "no_such_drill", "--out", out},
       "error: --drill 'no_such_drill': no such drill (expected a drill file or one of: clamshell, ",
       false},
      {{"--out", (dir / "x.png").string()},
       "error: --out '" + (dir / "x.png").string() + "': expected a file name ending in .glb or .obj\n"},
      {{"--out", (dir / "missing" / "x.obj").string()},
       "error: --out '" + (dir / "missing" / "x.obj").string() + "': cannot write there (no folder " +
           (dir / "missing").string() + ")\n"},
      {{"--skin", "glass", "--out", out}, "error: --skin 'glass': expected faint, outline or off\n"},
      {{"--highlight", "loud", "--out", out}, "error: --highlight 'loud': expected working, stretched or none\n"},
      {{"--time", "2", "--out", out}, "error: --time/--phase/--key-moment need --drill NAME\n"},
      {{"--side", "middle", "--out", out}, "error: --side 'middle': expected left or right\n"},
      {{"--peel", "5", "--out", out}, "error: --peel '5': expected " + session::peel_values_help() + "\n"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"hiplab", "export"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = capture_stderr([&] { return app::run_cli(args); });
    INFO(args[2]);
    CHECK(r.status == 2);
    if (c.whole) {
      CHECK(r.out == c.line);
    } else {
      CHECK(r.out.rfind(c.line, 0) == 0);
      CHECK(r.out.find('\n') == r.out.size() - 1);  // one line
    }
  }
  CHECK(app::run_cli({"hiplab", "export", "--drill", "clamshell"}) == 2);  // --out is required
  CHECK(fs::is_empty(dir));
}

TEST_CASE("hiplab export: a model without the body's nodes is written as loaded, one object per mesh") {
  const auto dir = test::scratch_dir("cli_export_other");
  const auto model = (dir / "two_bone.gltf").string(), out = (dir / "two_bone.obj").string();
  REQUIRE(write_gltf(make_two_bone_model(), model).ok());
  const auto run = test::capture_stdout([&] { return app::run_cli({"hiplab", "export", "--model", model, "--out", out}); });
  CHECK(run.status == 0);
  auto got = load_model(out);
  REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
  REQUIRE(got->meshes.size() == 1);
  CHECK(got->meshes[0].name == "tube");
  // The tube stands from y = 0 to y = 2 m, 0.4 m wide (assets/synthetic_model.h), in red.
  check_bounds(got->bind_bounds, Aabb{{-0.2f, 0.0f, -0.2f}, {0.2f, 2.0f, 0.2f}}, 1e-5f);
  CHECK(got->materials[static_cast<std::size_t>(got->meshes[0].material)].base_color == glm::vec4(1, 0, 0, 1));
}
