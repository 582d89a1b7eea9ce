// Tests src/assets/model_loader.h: any glTF/FBX/COLLADA file Assimp reads becomes the runtime
// model (hierarchy, bind pose, skin weights, materials, morph targets), and every kind of bad input
// gives one clear message naming the file.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

#include <sys/stat.h>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "assets/gltf_writer.h"
#include "assets/model_loader.h"
#include "assets/node_transforms.h"
#include "assets/synthetic_model.h"
#include "test_support.h"

using namespace hiplab;

namespace {

std::string write_model(const Model& m, const std::string& tag, const std::string& name = "model.gltf") {
  const auto path = (test::scratch_dir(tag) / name).string();
  REQUIRE(write_gltf(m, path).ok());
  return path;
}

std::string write_text(const std::string& tag, const std::string& name, const std::string& text) {
  const auto path = (test::scratch_dir(tag) / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

void check_fails(const std::string& path, const std::string& expect_in_message) {
  LoadReport report;
  auto r = load_model(path, &report);
  REQUIRE_FALSE(r.ok());
  INFO(r.error().message);
  CHECK(r.error().message.find(path) == 0);  // names the file first
  CHECK(r.error().message.find(expect_in_message) != std::string::npos);
  CHECK(r.error().message.find('\n') == std::string::npos);  // one line
}

}  // namespace

TEST_CASE("a generated two-bone glTF loads with its hierarchy, bind pose and skin weights") {
  const Model src = make_two_bone_model();
  const std::string path = write_model(src, "two_bone");
  LoadReport report;
  auto loaded = load_model(path, &report);
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  const Model& m = loaded.value();
  CHECK(report.warnings.empty());
  const int root = m.find_node("root"), tip = m.find_node("tip");
  REQUIRE(root >= 0);
  REQUIRE(tip >= 0);
  CHECK(m.nodes[static_cast<std::size_t>(tip)].parent == root);
  CHECK(m.nodes[static_cast<std::size_t>(tip)].local_bind[3].y == doctest::Approx(1.0f));
  REQUIRE(m.meshes.size() == 1);
  const Mesh& mesh = m.meshes[0];
  CHECK(mesh.skinned);
  CHECK(m.bone_count() == 2);
  CHECK(m.triangle_count() == src.triangle_count());
  // Every vertex's weights sum to 1; those low on the tube follow root only.
  for (const Vertex& v : mesh.vertices) {
    CHECK(v.weights.x + v.weights.y + v.weights.z + v.weights.w == doctest::Approx(1.0f));
    if (v.position.y < 0.5f) {
      const int j = v.joints[0];
      CHECK(mesh.joint_nodes[static_cast<std::size_t>(j)] == root);
      CHECK(v.weights[0] == doctest::Approx(1.0f));
    }
  }
  CHECK(m.bind_bounds.min.y == doctest::Approx(0.0f).epsilon(1e-5));
  CHECK(m.bind_bounds.max.y == doctest::Approx(2.0f).epsilon(1e-5));
  CHECK(m.materials[static_cast<std::size_t>(mesh.material)].base_color.r == doctest::Approx(1.0f));
  CHECK(m.load_ms > 0.0);
}

TEST_CASE("turning a bone moves exactly the vertices it weights (CPU skinning matches the pose)") {
  const Model src = make_two_bone_model();
  auto loaded = load_model(write_model(src, "two_bone_pose"));
  REQUIRE(loaded.ok());
  const Model& m = loaded.value();
  NodeTransforms pose = NodeTransforms::bind(m);
  const int tip = m.find_node("tip");
  pose.local[static_cast<std::size_t>(tip)] =
      glm::rotate(m.nodes[static_cast<std::size_t>(tip)].local_bind, glm::radians(90.0f), glm::vec3(0, 0, 1));
  pose.update_world(m);
  std::vector<glm::mat4> skin;
  skin_matrices(m, pose, 0, skin);
  const Mesh& mesh = m.meshes[0];
  for (const Vertex& v : mesh.vertices) {
    const glm::vec3 p = skin_position(mesh, skin, glm::mat4(1.0f), v);
    if (v.position.y < 0.75f) CHECK(glm::length(p - v.position) < 1e-5f);
    if (v.position.y > 1.25f) {
      // Rotated 90° about z around (0, 1, 0): (x, y) → (1 - y ... ) i.e. the top end now points to -x.
      const glm::vec3 expect(-(v.position.y - 1.0f), 1.0f + v.position.x, v.position.z);
      CHECK(glm::length(p - expect) < 1e-4f);
    }
  }
  const Aabb box = posed_bounds(m, pose);
  CHECK(box.min.x == doctest::Approx(-1.0f).epsilon(1e-3));
}

TEST_CASE("morph targets survive the loader as per-vertex deltas with their default weights") {
  Model src = make_two_bone_model();
  MorphTarget t;
  t.name = "bulge";
  for (const Vertex& v : src.meshes[0].vertices) {
    t.delta_positions.push_back(glm::vec3(v.normal.x, 0, v.normal.z) * 0.1f);
    t.delta_normals.push_back(glm::vec3(0));
  }
  src.meshes[0].morph_targets.push_back(t);
  src.meshes[0].default_morph_weights.push_back(0.5f);
  auto loaded = load_model(write_model(src, "morph"));
  REQUIRE(loaded.ok());
  const Mesh& mesh = loaded.value().meshes[0];
  REQUIRE(mesh.morph_targets.size() == 1);
  CHECK(mesh.default_morph_weights[0] == doctest::Approx(0.5f));
  float max_delta = 0.0f;
  for (const glm::vec3& d : mesh.morph_targets[0].delta_positions) max_delta = std::max(max_delta, glm::length(d));
  CHECK(max_delta == doctest::Approx(0.1f).epsilon(1e-3));
}

TEST_CASE("vertices repeated with every attribute equal are joined, first ones kept in order") {
  // An OBJ gives each triangle corner its own vertex: a flat quad of two triangles comes in as six
  // vertices, four of them distinct (the loader joins them itself since Assimp's step was dropped
  // for its cost; the generated body, whose vertices are all distinct, comes through unchanged).
  const auto path = write_text("join", "quad.obj",
                               "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvn 0 0 1\n"
                               "f 1//1 2//1 3//1\nf 1//1 3//1 4//1\n");
  auto model = load_model(path);
  REQUIRE(model.ok());
  REQUIRE(model->meshes.size() == 1);
  const Mesh& m = model->meshes[0];
  CHECK(m.vertices.size() == 4);
  REQUIRE(m.indices.size() == 6);
  // Same triangles over the joined vertices: corners at the quad's four positions, in file order.
  const glm::vec3 want[6] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 0}, {1, 1, 0}, {0, 1, 0}};
  for (int k = 0; k < 6; ++k) CHECK(glm::length(m.vertices[m.indices[static_cast<size_t>(k)]].position - want[k]) < 1e-6f);
  CHECK(m.vertices[0].position == glm::vec3(0, 0, 0));
  CHECK(m.vertices[1].position == glm::vec3(1, 0, 0));
}

TEST_CASE("the generated body loads with every vertex it was written with (none joined)") {
  const std::string path = std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb";
  auto model = load_model(path);
  REQUIRE(model.ok());
  std::size_t loaded = 0;
  for (const Mesh& m : model->meshes) loaded += m.vertices.size();
  // The file's own count: every primitive's POSITION accessor, read from the .glb's JSON chunk.
  std::ifstream f(path, std::ios::binary);
  char header[20];
  REQUIRE(f.read(header, sizeof(header)));
  std::uint32_t json_length = 0;
  std::memcpy(&json_length, header + 12, 4);
  std::string text(json_length, '\0');
  REQUIRE(f.read(text.data(), json_length));
  const auto gltf = nlohmann::json::parse(text);
  std::size_t written = 0;
  for (const auto& mesh : gltf["meshes"])
    for (const auto& prim : mesh["primitives"]) written += gltf["accessors"][prim["attributes"]["POSITION"].get<int>()]["count"].get<std::size_t>();
  CHECK(written > 50000);
  CHECK(loaded == written);
}

TEST_CASE("at least 128 bones load but more than the renderer supports is refused with a clear message") {
  auto ok = load_model(write_model(make_chain_model(128), "bones128"));
  REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? "" : ok.error().message));
  CHECK(ok.value().bone_count() == 128);
  check_fails(write_model(make_chain_model(300), "bones300"), "bones (at most");
}

TEST_CASE("weights that do not sum to 1 are normalised with a warning naming the file") {
  Model src = make_two_bone_model();
  for (Vertex& v : src.meshes[0].vertices) v.weights *= 0.6f;
  const std::string path = write_model(src, "weights");
  LoadReport report;
  auto loaded = load_model(path, &report);
  REQUIRE(loaded.ok());
  REQUIRE_FALSE(report.warnings.empty());
  CHECK(report.warnings[0].find(path) == 0);
  CHECK(report.warnings[0].find("normalised") != std::string::npos);
  for (const Vertex& v : loaded.value().meshes[0].vertices)
    CHECK(v.weights.x + v.weights.y + v.weights.z + v.weights.w == doctest::Approx(1.0f));
}

TEST_CASE("bad input: each case gives one line naming the file and the problem") {
  SUBCASE("missing file") { check_fails("/nonexistent/dir/body.glb", "not found"); }
  SUBCASE("a directory") { check_fails(test::scratch_dir("dir_model").string(), "directory"); }
  SUBCASE("empty file") { check_fails(write_text("empty", "e.glb", ""), "empty"); }
  SUBCASE("binary junk") {
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) & 0xff));
    check_fails(write_text("junk", "junk.glb", junk), "Assimp");
  }
  SUBCASE("truncated glTF JSON") {
    check_fails(write_text("trunc", "t.gltf", R"({"asset": {"version": "2.0"}, "nodes": [ {"name": )"), "Assimp");
  }
  SUBCASE("corrupt FBX") { check_fails(write_text("fbx", "x.fbx", "Kaydara FBX Binary  \x00\x1a\x00 garbage"), "Assimp"); }
  SUBCASE("no mesh") {
    const auto path = write_text("nomesh", "n.gltf",
                                 R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"empty"}]})");
    auto r = load_model(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(path) == 0);
    CHECK(r.error().message.find("mesh") != std::string::npos);
  }
  SUBCASE("non-finite position") {
    Model src = make_two_bone_model();
    src.meshes[0].vertices[3].position.x = std::numeric_limits<float>::quiet_NaN();
    const auto path = write_model(src, "nan_pos");
    auto r = load_model(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(path) == 0);
  }
  SUBCASE("non-finite weight") {
    Model src = make_two_bone_model();
    src.meshes[0].vertices[5].weights.x = std::numeric_limits<float>::infinity();
    const auto path = write_model(src, "inf_weight");
    auto r = load_model(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(path) == 0);
  }
}

TEST_CASE("third-party rigs in glTF, FBX and COLLADA load (skipped without ../shared/reference)") {
  const auto ref = test::reference_dir();
  if (ref.empty()) HIPLAB_SKIP(std::string(HIPLAB_REFERENCE_DIR) + " is absent");
  struct Case {
    const char* file;
    std::size_t min_bones;
  };
  // Bone counts from foreign-rigs/README.md (unique bone names).
  for (const Case& c : {Case{"RiggedSimple.gltf", 2}, Case{"SimpleSkin.gltf", 2}, Case{"CesiumMan.glb", 19},
                        Case{"RobotExpressive.glb", 43}, Case{"Quaternius_Male_Casual.fbx", 31},
                        Case{"animation_with_skeleton.fbx", 14}, Case{"box_nested_animation.dae", 1},
                        Case{"Seymour_triangulate.dae", 16}}) {
    const auto path = (ref / "foreign-rigs" / c.file).string();
    LoadReport report;
    auto r = load_model(path, &report);
    INFO(c.file);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r.value().bone_count() >= c.min_bones);
    CHECK(validate_model(r.value()).ok());
    CHECK(r.value().triangle_count() > 0);
  }
  // CesiumMan carries a texture that must be decoded.
  auto cesium = load_model((ref / "foreign-rigs" / "CesiumMan.glb").string());
  REQUIRE(cesium.ok());
  REQUIRE(cesium.value().textures.size() == 1);
  CHECK(cesium.value().textures[0].width > 0);
}

namespace {

// A one-triangle glTF (2.0 specification) whose base colour texture is `image_uri`, in its own
// scratch folder `dir/model/`; the image files are written by the caller.
std::string textured_triangle(const std::filesystem::path& dir, const std::string& image_uri) {
  std::filesystem::create_directories(dir / "model");
  const std::string gltf = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
    "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"material":0}]}],
    "materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
    "textures":[{"source":0}],"images":[{"uri":")" + image_uri + R"("}],
    "buffers":[{"byteLength":60,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAAAAAAAAAAAAIA/AAAAAAAAAAAAAIA/"}],
    "bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":24}],
    "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
                 {"bufferView":1,"componentType":5126,"count":3,"type":"VEC2"}]})";
  const auto path = (dir / "model" / "tri.gltf").string();
  std::ofstream(path, std::ios::binary) << gltf;
  return path;
}

// A binary PPM (netpbm P6, which stb_image reads) of w x h grey pixels.
void write_ppm(const std::filesystem::path& path, int w, int h) {
  std::ofstream f(path, std::ios::binary);
  f << "P6\n" << w << " " << h << "\n255\n" << std::string(static_cast<std::size_t>(w) * h * 3, '\x80');
}

}  // namespace

TEST_CASE("textures come only from the model's folder, as regular files, at most 8192 pixels a side") {
  const auto dir = test::scratch_dir("tex_limits");
  auto load = [&](const std::string& uri, LoadReport& report) {
    auto r = load_model(textured_triangle(dir, uri), &report);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));  // a refused texture never fails the model
    return std::move(r.value());
  };
  auto warned = [](const LoadReport& report, const std::string& part) {
    for (const std::string& w : report.warnings)
      if (w.find(part) != std::string::npos) return true;
    return false;
  };
  std::filesystem::create_directories(dir / "model");
  write_ppm(dir / "model" / "ok.ppm", 2, 2);
  {
    LoadReport report;
    Model m = load("ok.ppm", report);
    REQUIRE(m.textures.size() == 1);
    CHECK(m.textures[0].width == 2);
    CHECK(m.materials[0].texture == 0);
  }
  write_ppm(dir / "outside.ppm", 2, 2);
  for (const std::string& uri : {std::string("../outside.ppm"), (dir / "outside.ppm").string()}) {
    LoadReport report;
    Model m = load(uri, report);
    INFO(uri);
    CHECK(m.textures.empty());
    CHECK(m.materials[0].texture == -1);
    CHECK(warned(report, "texture '" + uri + "' is outside the model's folder"));
  }
  {
    // A link inside the folder that leads out of it is refused the same way.
    std::filesystem::create_symlink(dir / "outside.ppm", dir / "model" / "link.ppm");
    LoadReport report;
    CHECK(load("link.ppm", report).textures.empty());
    CHECK(warned(report, "texture 'link.ppm' is outside the model's folder"));
  }
  {
    // A named pipe would block the read for ever.
    REQUIRE(::mkfifo((dir / "model" / "pipe.ppm").c_str(), 0600) == 0);
    LoadReport report;
    CHECK(load("pipe.ppm", report).textures.empty());
    CHECK(warned(report, "texture 'pipe.ppm' is not a regular file"));
  }
  {
    write_ppm(dir / "model" / "wide.ppm", kMaxTextureSide + 1, 1);
    LoadReport report;
    CHECK(load("wide.ppm", report).textures.empty());
    CHECK(warned(report, "texture 'wide.ppm' is 8193x1 pixels (at most 8192 a side)"));
  }
  {
    LoadReport report;
    CHECK(load("missing.ppm", report).textures.empty());
    CHECK(warned(report, "texture 'missing.ppm' was not found in the model's folder"));
  }
}

TEST_CASE("a model file that is a named pipe is refused without blocking") {
  const auto dir = test::scratch_dir("model_fifo");
  const auto fifo = (dir / "m.glb").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = load_model(fifo);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == fifo + ": not a regular file (expected a model file)");
}
