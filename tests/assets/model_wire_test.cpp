// Tests src/assets/model_wire.h: a model survives the trip through the checked wire form exactly
// (the shipped body with its muscle volumes, levels of detail and occlusion; a textured model), and
// bytes that are cut short, lie about a count, or index past what they index are refused with a
// message naming the file — never a crash or a model that breaks model.h's invariants.
#include <doctest/doctest.h>

#include <cstring>

#include "assets/display_prep.h"
#include "assets/model_loader.h"
#include "assets/model_wire.h"
#include "assets/synthetic_model.h"

using namespace hiplab;

namespace {

bool same_bytes(const void* a, const void* b, std::size_t n) { return n == 0 || std::memcmp(a, b, n) == 0; }
template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size() * sizeof(T));
}

void check_same(const Model& a, const Model& b) {
  REQUIRE(a.nodes.size() == b.nodes.size());
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    CHECK(a.nodes[i].name == b.nodes[i].name);
    CHECK(a.nodes[i].parent == b.nodes[i].parent);
    CHECK(a.nodes[i].local_bind == b.nodes[i].local_bind);
  }
  REQUIRE(a.meshes.size() == b.meshes.size());
  for (std::size_t i = 0; i < a.meshes.size(); ++i) {
    const Mesh &x = a.meshes[i], &y = b.meshes[i];
    CHECK(x.name == y.name);
    CHECK(same(x.vertices, y.vertices));
    CHECK(same(x.indices, y.indices));
    CHECK(x.joint_nodes == y.joint_nodes);
    CHECK(same(x.inverse_bind, y.inverse_bind));
    CHECK(x.material == y.material);
    CHECK(x.node == y.node);
    CHECK(x.skinned == y.skinned);
    REQUIRE(x.lods.size() == y.lods.size());
    for (std::size_t l = 0; l < x.lods.size(); ++l) {
      CHECK(x.lods[l].indices == y.lods[l].indices);
      CHECK(x.lods[l].error == y.lods[l].error);
    }
    CHECK(x.morph_targets.size() == y.morph_targets.size());
  }
  REQUIRE(a.muscle_volumes.size() == b.muscle_volumes.size());
  for (std::size_t i = 0; i < a.muscle_volumes.size(); ++i) {
    const MuscleVolume &x = a.muscle_volumes[i], &y = b.muscle_volumes[i];
    CHECK(x.name == y.name);
    CHECK(same(x.path_coord, y.path_coord));
    CHECK(same(x.bind_position, y.bind_position));
    CHECK(x.indices == y.indices);
    // The rest volumes keep the volume correction working for a model opened through the sandbox.
    CHECK(x.rest_volume > 0.0);
    CHECK(y.rest_volume == doctest::Approx(x.rest_volume).epsilon(1e-12));
    CHECK(y.lod_rest_volume == doctest::Approx(x.lod_rest_volume).epsilon(1e-12));
    REQUIRE(x.levels.size() == y.levels.size());
    for (std::size_t l = 0; l < x.levels.size(); ++l) {
      CHECK(x.levels[l].vertex_count == y.levels[l].vertex_count);
      CHECK(y.levels[l].rest_volume == doctest::Approx(x.levels[l].rest_volume).epsilon(1e-12));
    }
  }
  CHECK(a.materials.size() == b.materials.size());
  CHECK(a.bind_bounds.min == b.bind_bounds.min);
  CHECK(a.bind_bounds.max == b.bind_bounds.max);
}

Model textured_two_bone() {
  Model m = make_two_bone_model();
  Texture t;
  t.name = "checker";
  t.width = 2;
  t.height = 2;
  t.rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
  m.textures.push_back(t);
  m.materials[0].texture = 0;
  return m;
}

}  // namespace

TEST_CASE("the shipped body goes through the wire form unchanged, volumes, levels and occlusion included") {
  auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE(loaded.ok());
  prepare_for_display(loaded.value());
  REQUIRE(!loaded.value().muscle_volumes.empty());
  const auto bytes = encode_model(loaded.value(), {"a warning", "another"});
  auto back = decode_model(bytes.data(), bytes.size(), "body.glb");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  check_same(loaded.value(), back->model);
  CHECK(back->model.source == "body.glb");  // the parent's name for the file, not the child's
  CHECK(back->warnings == std::vector<std::string>{"a warning", "another"});
}

TEST_CASE("a textured model's pixels go through the wire form") {
  const Model m = textured_two_bone();
  const auto bytes = encode_model(m, {});
  auto back = decode_model(bytes.data(), bytes.size(), "t.gltf");
  REQUIRE(back.ok());
  REQUIRE(back->model.textures.size() == 1);
  CHECK(back->model.textures[0].rgba == m.textures[0].rgba);
  CHECK(back->model.materials[0].texture == 0);
}

TEST_CASE("wire bytes cut short anywhere are refused with a message naming the file") {
  const auto bytes = encode_model(textured_two_bone(), {"w"});
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    auto back = decode_model(bytes.data(), cut, "cut.glb");
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().message.rfind("cut.glb: ", 0) == 0);
  }
  auto extra = bytes;
  extra.push_back(0);
  CHECK_FALSE(decode_model(extra.data(), extra.size(), "x").ok());
}

TEST_CASE("wire bytes that lie are refused: every single byte changed to 0xff either decodes to a valid model or is refused") {
  const auto bytes = encode_model(textured_two_bone(), {"w"});
  std::size_t refused = 0;
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    auto bad = bytes;
    bad[at] = 0xff;
    auto back = decode_model(bad.data(), bad.size(), "lie.glb");
    if (!back.ok()) {
      ++refused;
      CHECK(back.error().message.rfind("lie.glb: ", 0) == 0);
      continue;
    }
    CHECK(validate_model(back->model).ok());
  }
  // Counts, indices, magic and parents make most bytes matter.
  CHECK(refused > bytes.size() / 3);
}

TEST_CASE("wire models with an index past their vertices, a bad texture or a bad level are refused by name") {
  {
    Model m = make_two_bone_model();
    m.meshes[0].indices[1] = static_cast<std::uint32_t>(m.meshes[0].vertices.size());
    const auto b = encode_model(m, {});
    auto r = decode_model(b.data(), b.size(), "idx.glb");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("index past its vertices") != std::string::npos);
  }
  {
    Model m = textured_two_bone();
    m.textures[0].width = kMaxTextureSide + 1;  // and the pixel count no longer matches
    const auto b = encode_model(m, {});
    auto r = decode_model(b.data(), b.size(), "tex.glb");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("texture 'checker'") != std::string::npos);
  }
  {
    Model m = make_two_bone_model();
    m.meshes[0].lods.push_back(MeshLod{{0, 1, 999999}, 0.01f});
    const auto b = encode_model(m, {});
    auto r = decode_model(b.data(), b.size(), "lod.glb");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("level of detail has an index past its vertices") != std::string::npos);
  }
  {
    Model m = make_two_bone_model();
    m.materials[0].texture = 3;  // no such texture
    const auto b = encode_model(m, {});
    CHECK_FALSE(decode_model(b.data(), b.size(), "mat.glb").ok());
  }
}
