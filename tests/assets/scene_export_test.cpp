// scene_export_test.cpp — tests src/assets/scene_export.h: the .glb and .obj/.mtl it writes read back
// through our own loader (Assimp) with the objects' names, triangles, bounds and colours; the Khronos
// glTF validator finds no error in the .glb; the file name picks the format; failures name the path.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "assets/model_loader.h"
#include "assets/scene_export.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {

// A closed tetrahedron at `at`, `size` m, outward-wound with per-corner normals.
ExportObject tetrahedron(const std::string& name, glm::vec3 at, float size, glm::vec4 colour) {
  const glm::vec3 c[4] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  const unsigned faces[4][3] = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
  ExportObject o;
  o.name = name;
  o.colour = colour;
  for (const auto& f : faces) {
    const glm::vec3 a = c[f[0]], b = c[f[1]], d = c[f[2]];
    const glm::vec3 n = glm::normalize(glm::cross(b - a, d - a));
    for (unsigned k : f) {
      o.indices.push_back(static_cast<std::uint32_t>(o.positions.size()));
      o.positions.push_back(at + size * c[k]);
      o.normals.push_back(n);
    }
  }
  return o;
}

ExportScene two_objects() {
  ExportScene s;
  s.objects.push_back(tetrahedron("glut_med1_r", {0.1f, 0.9f, -0.2f}, 0.05f, {0.8f, 0.2f, 0.1f, 1.0f}));
  s.objects.push_back(tetrahedron("skin", {-0.3f, 0.0f, -0.1f}, 0.5f, {0.85f, 0.6f, 0.48f, 0.3f}));
  ExportObject empty;  // no triangles: left out of the file
  empty.name = "nothing";
  s.objects.push_back(empty);
  return s;
}

const Mesh* find_mesh(const Model& m, const std::string& name) {
  for (const Mesh& mesh : m.meshes)
    if (mesh.name == name) return &mesh;
  return nullptr;
}

void check_read_back(const Model& m, bool colours_exact) {
  CHECK(m.meshes.size() == 2);
  const Mesh* muscle = find_mesh(m, "glut_med1_r");
  const Mesh* skin = find_mesh(m, "skin");
  REQUIRE(muscle);
  REQUIRE(skin);
  CHECK(muscle->indices.size() == 12);
  CHECK(skin->indices.size() == 12);
  // The tetrahedra span (-0.3, 0, -0.2) .. (0.2, 0.95, 0.4) together.
  CHECK(m.bind_bounds.min.x == doctest::Approx(-0.3).epsilon(1e-6));
  CHECK(m.bind_bounds.min.y == doctest::Approx(0.0).epsilon(1e-6));
  CHECK(m.bind_bounds.min.z == doctest::Approx(-0.2).epsilon(1e-6));
  CHECK(m.bind_bounds.max.x == doctest::Approx(0.2).epsilon(1e-6));
  CHECK(m.bind_bounds.max.y == doctest::Approx(0.95).epsilon(1e-6));
  CHECK(m.bind_bounds.max.z == doctest::Approx(0.4).epsilon(1e-6));
  const glm::vec4 mc = m.materials[static_cast<std::size_t>(muscle->material)].base_color;
  const glm::vec4 sc = m.materials[static_cast<std::size_t>(skin->material)].base_color;
  const double eps = colours_exact ? 1e-6 : 1e-4;
  CHECK(mc.r == doctest::Approx(0.8).epsilon(eps));
  CHECK(mc.g == doctest::Approx(0.2).epsilon(eps));
  CHECK(mc.a == doctest::Approx(1.0).epsilon(eps));
  CHECK(sc.r == doctest::Approx(0.85).epsilon(eps));
  CHECK(sc.a == doctest::Approx(0.3).epsilon(eps));  // translucent skin stays translucent
}

}  // namespace

TEST_CASE("export format by file name: .glb and .obj in any case, nothing else") {
  CHECK(export_format_for("a/b.glb") == ExportFormat::kGlb);
  CHECK(export_format_for("B.GLB") == ExportFormat::kGlb);
  CHECK(export_format_for("x.obj") == ExportFormat::kObj);
  CHECK(export_format_for("x.Obj") == ExportFormat::kObj);
  CHECK_FALSE(export_format_for("x.gltf"));
  CHECK_FALSE(export_format_for("x.png"));
  CHECK_FALSE(export_format_for("glb"));
  CHECK(mtl_path_for("out/hips.obj") == "out/hips.mtl");
}

TEST_CASE("a .glb export reads back through the model loader: names, triangles, bounds, colours") {
  const auto path = (test::scratch_dir("scene_export_glb") / "two.glb").string();
  REQUIRE(write_export(two_objects(), path).ok());
  const std::string bytes = [&] {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }();
  REQUIRE(bytes.size() > 20);
  CHECK(bytes.compare(0, 4, "glTF") == 0);
  CHECK(bytes.size() % 4 == 0);
  CHECK(bytes.find("\"alphaMode\":\"BLEND\"") != std::string::npos);  // the skin's material
  auto m = load_model(path);
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  check_read_back(m.value(), true);
}

TEST_CASE("an .obj export writes its .mtl beside it and reads back through the model loader") {
  const auto dir = test::scratch_dir("scene_export_obj");
  const auto path = (dir / "two.obj").string();
  REQUIRE(write_export(two_objects(), path).ok());
  CHECK(fs::exists(dir / "two.mtl"));
  const ObjFiles text = export_obj_text(two_objects(), "two.mtl");
  CHECK(text.obj.find("mtllib two.mtl\n") != std::string::npos);
  CHECK(text.obj.find("\no glut_med1_r\n") != std::string::npos);
  CHECK(text.obj.find("\no skin\n") != std::string::npos);
  CHECK(text.obj.find("nothing") == std::string::npos);
  CHECK(text.mtl.find("newmtl skin\nKa 0 0 0\nKd 0.8500 0.6000 0.4800\n") != std::string::npos);
  CHECK(text.mtl.find("d 0.3000\n") != std::string::npos);
  auto m = load_model(path);
  REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
  check_read_back(m.value(), false);
}

TEST_CASE("export failures name the file and what was expected, and nothing is left behind") {
  const auto dir = test::scratch_dir("scene_export_bad");
  const Status bad_ext = write_export(two_objects(), (dir / "x.png").string());
  REQUIRE_FALSE(bad_ext.ok());
  CHECK(bad_ext.error().message.find("expected a file name ending in .glb or .obj") != std::string::npos);
  const Status no_dir = write_export(two_objects(), (dir / "missing" / "x.glb").string());
  REQUIRE_FALSE(no_dir.ok());
  CHECK(no_dir.error().message.find("missing/x.glb") != std::string::npos);
  CHECK(fs::is_empty(dir));
}

TEST_CASE("Khronos glTF validator: 0 errors on an exported .glb with opaque and translucent objects") {
  const std::string tool = std::string(HIPLAB_SOURCE_DIR) + "/tools/model_generator";
  if (!fs::exists(tool + "/node_modules/gltf-validator") || std::system("node --version > /dev/null 2>&1") != 0)
    HIPLAB_SKIP("node or gltf-validator not installed (npm ci --prefix tools/model_generator)");
  const auto dir = test::scratch_dir("scene_export_validate");
  const auto path = (dir / "two.glb").string(), report = (dir / "report.json").string();
  REQUIRE(write_export(two_objects(), path).ok());
  const int rc = std::system(("node " + tool + "/validate_gltf.js " + path + " > " + report).c_str());
  std::ifstream f(report);
  std::stringstream ss;
  ss << f.rdbuf();
  INFO(ss.str());
  CHECK(ss.str().find("\"errors\": 0,") != std::string::npos);
  CHECK(rc == 0);  // ... and no warnings either
}
