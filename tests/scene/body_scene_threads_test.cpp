// Tests src/scene/body_scene.h's two-thread placement of the muscles (BodySceneOptions::threads):
// the left leg placed on a second thread while the right is placed on the caller's gives the same
// draw list, vertex for vertex and draw for draw, as one thread placing both, in a drill-like pose
// with the legs apart and some muscles hidden (so the two legs' meshes differ in size).
#include <doctest/doctest.h>

#include <cstring>

#include "core/units.h"
#include "scene/body_scene.h"
#include "shipped_body.h"

using namespace hiplab;

TEST_CASE("body scene: the muscles placed on two threads are the same mesh and draws as on one") {
  const Model& m = test::shipped_body();
  BodyPoseInput input;
  input.pelvis_world = bind_pelvis_world(m);
  anatomy::LegPose& r = input.legs.leg(anatomy::Side::kRight);
  anatomy::LegPose& l = input.legs.leg(anatomy::Side::kLeft);
  r[anatomy::LegCoord::kHipFlexion] = deg_to_rad(90.0);
  r[anatomy::LegCoord::kHipRotation] = deg_to_rad(-40.0);
  r[anatomy::LegCoord::kKneeFlexion] = deg_to_rad(90.0);
  l[anatomy::LegCoord::kHipFlexion] = deg_to_rad(30.0);
  l[anatomy::LegCoord::kHipRotation] = deg_to_rad(35.0);
  l[anatomy::LegCoord::kKneeFlexion] = deg_to_rad(100.0);
  BodySceneOptions o;
  o.muscles[0][3].visible = false;  // a right muscle hidden: the legs' meshes differ
  auto build = [&](bool threads) {
    o.threads = threads;
    NodeTransforms pose = NodeTransforms::bind(m);
    DrawList out;
    add_body_to_scene(m, ModelHandle{}, input, o, pose, out);
    return out;
  };
  const DrawList one = build(false), two = build(true);
  REQUIRE(one.dynamic_meshes.size() == 1);
  REQUIRE(two.dynamic_meshes.size() == 1);
  const DynamicMesh& a = one.dynamic_meshes[0];
  const DynamicMesh& b = two.dynamic_meshes[0];
  CHECK(a.vertices.size() > 10000);
  REQUIRE(a.vertices.size() == b.vertices.size());
  REQUIRE(a.indices.size() == b.indices.size());
  CHECK(a.indices == b.indices);
  CHECK(std::memcmp(a.vertices.data(), b.vertices.data(), a.vertices.size() * sizeof(a.vertices[0])) == 0);
  REQUIRE(one.meshes.size() == two.meshes.size());
  int muscle_draws = 0;
  for (std::size_t i = 0; i < one.meshes.size(); ++i) {
    CHECK(one.meshes[i].first_index == two.meshes[i].first_index);
    CHECK(one.meshes[i].index_count == two.meshes[i].index_count);
    CHECK(one.meshes[i].pick_id == two.meshes[i].pick_id);
    muscle_draws += one.meshes[i].dynamic_mesh >= 0;
  }
  CHECK(muscle_draws == 2 * anatomy::kMuscleCount - 1);
}
