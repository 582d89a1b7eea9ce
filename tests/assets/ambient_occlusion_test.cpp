// Tests src/assets/ambient_occlusion.h: a surface next to another is darker than an open one.
#include <doctest/doctest.h>

#include "assets/ambient_occlusion.h"
#include "assets/synthetic_model.h"

using namespace hiplab;

TEST_CASE("baked ambient occlusion darkens the crease where a tube meets a floor plate") {
  // The two-bone tube (0.4 m square, 2 m tall) standing on a 2 m square plate at y = 0.
  Model model = make_two_bone_model();
  Mesh plate;
  plate.name = "plate";
  plate.node = 0;
  for (float x : {-1.0f, 1.0f})
    for (float z : {-1.0f, 1.0f}) {
      Vertex v;
      v.position = {x, 0.0f, z};
      v.normal = {0, 1, 0};
      plate.vertices.push_back(v);
    }
  plate.indices = {0, 1, 3, 0, 3, 2};
  model.meshes.push_back(plate);
  const double mean = bake_ambient_occlusion(model, 0.1f);
  CHECK(mean < 1.0);
  float low = 1.0f, mid = 0.0f;
  for (const Vertex& v : model.meshes[0].vertices) {
    if (v.position.y < 0.01f) low = std::min(low, v.ao);  // where the tube meets the plate
    if (v.position.y > 0.9f && v.position.y < 1.1f) mid = std::max(mid, v.ao);  // open side
  }
  CHECK(mid > 0.95f);
  CHECK(low < 0.8f);
  for (const Vertex& v : model.meshes[0].vertices) {
    CHECK(v.ao >= 0.0f);
    CHECK(v.ao <= 1.0f);
  }
}

TEST_CASE("baked ambient occlusion sees the surfaces as drawn: morph targets at the mesh's default weights") {
  // The plate authored 3 m below the tube, its morph target lifting it to the tube's foot: drawn
  // (render/gpu_models.cpp blends the default weights) it meets the tube, so the crease is dark
  // only where the bake adds the morph offsets too.
  auto bake = [](float weight) {
    Model model = make_two_bone_model();
    Mesh plate;
    plate.name = "plate";
    plate.node = 0;
    MorphTarget lift;
    lift.name = "lift";
    for (float x : {-1.0f, 1.0f})
      for (float z : {-1.0f, 1.0f}) {
        Vertex v;
        v.position = {x, -3.0f, z};
        v.normal = {0, 1, 0};
        plate.vertices.push_back(v);
        lift.delta_positions.push_back({0.0f, 3.0f, 0.0f});
        lift.delta_normals.push_back({0.0f, 0.0f, 0.0f});
      }
    plate.indices = {0, 1, 3, 0, 3, 2};
    plate.morph_targets.push_back(lift);
    plate.default_morph_weights = {weight};
    model.meshes.push_back(plate);
    bake_ambient_occlusion(model, 0.1f);
    float low = 1.0f;
    for (const Vertex& v : model.meshes[0].vertices)
      if (v.position.y < 0.01f) low = std::min(low, v.ao);
    return low;
  };
  CHECK(bake(0.0f) > 0.95f);  // the plate far below: the tube's foot is open
  CHECK(bake(1.0f) < 0.8f);   // lifted to the foot, as drawn: the crease
}
