// muscle_volumes_test.cpp — the muscle-volume sidecar reader (assets/muscle_volumes.h): a GLB
// built here with one volume reads back; broken ones give an error naming the file and volume;
// a GLB without the sidecar gives no volumes.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "assets/muscle_volumes.h"

using namespace hiplab;

namespace {
std::vector<std::uint8_t> glb(const std::string& json_text, const std::vector<std::uint8_t>& bin) {
  std::string js = json_text;
  while (js.size() % 4) js.push_back(' ');
  std::vector<std::uint8_t> out;
  auto u32 = [&](std::uint32_t x) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(x >> (8 * i)));
  };
  u32(0x46546C67);
  u32(2);
  u32(static_cast<std::uint32_t>(12 + 8 + js.size() + 8 + bin.size()));
  u32(static_cast<std::uint32_t>(js.size()));
  u32(0x4E4F534A);
  out.insert(out.end(), js.begin(), js.end());
  u32(static_cast<std::uint32_t>(bin.size()));
  u32(0x004E4942);
  out.insert(out.end(), bin.begin(), bin.end());
  return out;
}
// A tetrahedron's worth of vertices (4 x 10 floats) and triangles.
std::vector<std::uint8_t> tetra_bin(float s0, std::uint32_t last_index) {
  std::vector<float> v;
  for (int i = 0; i < 4; ++i) v.insert(v.end(), {i == 0 ? s0 : 0.25f * i, 0.0f, 0.01f * i, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, -0.1f * i, 0.0f});
  const std::uint32_t idx[12] = {0, 1, 2, 0, 2, 3, 0, 3, 1, 1, 3, last_index};
  std::vector<std::uint8_t> bin(v.size() * 4 + sizeof(idx));
  std::memcpy(bin.data(), v.data(), v.size() * 4);
  std::memcpy(bin.data() + v.size() * 4, idx, sizeof(idx));
  return bin;
}
std::string doc(const std::string& hint = "[1,0,0]") {
  return R"({"asset":{"version":"2.0"},"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":160},)"
         R"({"buffer":0,"byteOffset":160,"byteLength":48}],"extras":{"hiplab_muscle_volumes":{"version":2,)"
         R"("vertex_view":0,"index_view":1,"muscles":[{"name":"soleus_r","hint":)" +
         hint + R"(,"tangent":[0,-1,0],"point_s":[0,0.4,1],"rest_length":0.3,"first_vertex":0,"vertex_count":4,"first_index":0,"index_count":12}]}}})";
}
}  // namespace

TEST_CASE("muscle volume sidecar: reads back what was written") {
  auto r = parse_muscle_volumes(glb(doc(), tetra_bin(0.0f, 2)), "t.glb");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  const MuscleVolume& v = r->front();
  CHECK(v.name == "soleus_r");
  CHECK(v.rest_length == doctest::Approx(0.3));
  CHECK(v.path_coord.size() == 4);
  CHECK(v.path_coord[2].z == doctest::Approx(0.02f));
  CHECK(v.indices.size() == 12);
  CHECK(v.bind_position[3].y == doctest::Approx(-0.3f));
}

TEST_CASE("muscle volume sidecar: broken data is refused with the file and volume named") {
  auto past = parse_muscle_volumes(glb(doc(), tetra_bin(0.0f, 9)), "t.glb");
  REQUIRE(!past.ok());
  CHECK(past.error().message.find("soleus_r") != std::string::npos);
  CHECK(past.error().message.find("t.glb") != std::string::npos);
  CHECK(!parse_muscle_volumes(glb(doc(), tetra_bin(1.5f, 2)), "t.glb").ok());     // s outside [0, 1]
  CHECK(!parse_muscle_volumes(glb(doc("[2,0,0]"), tetra_bin(0.0f, 2)), "t.glb").ok());  // not a unit hint
  std::vector<std::uint8_t> short_bin = tetra_bin(0.0f, 2);
  short_bin.resize(100);
  CHECK(!parse_muscle_volumes(glb(doc(), short_bin), "t.glb").ok());  // views past the binary chunk
}

TEST_CASE("muscle volume sidecar: none in a GLB without it, nor in a file that is not a GLB") {
  auto none = parse_muscle_volumes(glb(R"({"asset":{"version":"2.0"}})", {}), "plain.glb");
  REQUIRE(none.ok());
  CHECK(none->empty());
  const std::string text = "{\"asset\":{}}";
  auto gltf = parse_muscle_volumes(std::vector<std::uint8_t>(text.begin(), text.end()), "x.gltf");
  REQUIRE(gltf.ok());
  CHECK(gltf->empty());
}
