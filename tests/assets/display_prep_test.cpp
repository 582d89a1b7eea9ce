// Tests src/assets/display_prep.h: a model within the budgets gets its occlusion and levels of
// detail; past a budget the step is left out with a warning naming the file, and the model still
// draws (ao = 1, full meshes only). What each Prep asks for is what is done.
#include <doctest/doctest.h>

#include "assets/display_prep.h"
#include "assets/synthetic_model.h"

using namespace hiplab;

namespace {

bool any_occluded(const Model& m) {
  for (const Mesh& mesh : m.meshes)
    for (const Vertex& v : mesh.vertices)
      if (v.ao < 0.999f) return true;
  return false;
}

bool any_levels(const Model& m) {
  for (const Mesh& mesh : m.meshes)
    if (!mesh.lods.empty()) return true;
  return false;
}

}  // namespace

TEST_CASE("display preparation bakes occlusion and makes levels within budget, and skips them past it with a warning") {
  Model within = make_benchmark_model(20000);
  within.source = "grid.gltf";
  std::vector<std::string> warnings;
  prepare_for_display(within, &warnings);
  CHECK(warnings.empty());
  CHECK(any_occluded(within));  // the tubes of the grid shade each other
  CHECK(any_levels(within));

  Model past = make_benchmark_model(20000);
  past.source = "grid.gltf";
  DisplayPrepBudget tiny;
  tiny.occlusion_vertices = 100;
  tiny.lod_triangles = 100;
  prepare_for_display(past, &warnings, tiny);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].rfind("grid.gltf: no ambient occlusion baked (", 0) == 0);
  CHECK(warnings[1].rfind("grid.gltf: no levels of detail built (", 0) == 0);
  CHECK_FALSE(any_occluded(past));
  CHECK_FALSE(any_levels(past));
}

TEST_CASE("display preparation does what Prep asks: nothing, occlusion only, or both") {
  Model none = make_benchmark_model(20000), occlusion = none;
  prepare_for_display(none, nullptr, {}, Prep::kNone);
  CHECK_FALSE(any_occluded(none));
  CHECK_FALSE(any_levels(none));
  prepare_for_display(occlusion, nullptr, {}, Prep::kOcclusion);
  CHECK(any_occluded(occlusion));
  CHECK_FALSE(any_levels(occlusion));
}
