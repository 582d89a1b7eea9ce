// Tests src/app/pick_drag.h: pick ids decode to the muscle (with its side) or the mesh they name,
// names shown on hover, which hip grabbing a thigh or shin turns, and the click / double-click /
// drag thresholds of the hands-on hip rotation.
#include <doctest/doctest.h>

#include <cmath>

#include "anatomy/muscle_data.h"
#include "app/pick_drag.h"
#include "core/units.h"
#include "scene/body_scene.h"

using namespace hiplab;
using anatomy::Side;

namespace {

Model model_with(std::initializer_list<const char*> names) {
  Model m;
  for (const char* n : names) {
    Mesh mesh;
    mesh.name = n;
    m.meshes.push_back(std::move(mesh));
  }
  return m;
}

}  // namespace

TEST_CASE("Pick ids: a muscle id gives its side and muscle, a mesh id its mesh, else nothing") {
  const auto r = app::muscle_of_pick(muscle_pick_id(Side::kRight, 3));
  REQUIRE(r);
  CHECK(r->side == Side::kRight);
  CHECK(r->muscle == 3);
  const auto l = app::muscle_of_pick(muscle_pick_id(Side::kLeft, 7));
  REQUIRE(l);
  CHECK(l->side == Side::kLeft);
  CHECK(l->muscle == 7);
  CHECK_FALSE(app::muscle_of_pick(0));
  CHECK_FALSE(app::muscle_of_pick(kBonePickBase));

  const Model m = model_with({"pelvis", "femur_r"});
  CHECK(app::mesh_of_pick(m, kBonePickBase + 1) == std::optional<std::size_t>(1));
  CHECK_FALSE(app::mesh_of_pick(m, kBonePickBase + 2));  // past the last mesh
  CHECK_FALSE(app::mesh_of_pick(m, 0));
  CHECK_FALSE(app::mesh_of_pick(m, muscle_pick_id(Side::kRight, 0)));
}

TEST_CASE("Hip of a pick: thigh and shin bones by their side suffix, muscles by their side") {
  const Model m = model_with({"pelvis", "femur_r", "femur_l", "tibia_l", "fibula_r", "patella_l", "sacrum", "foot_l"});
  CHECK(app::hip_of_pick(m, kBonePickBase + 0) == -1);  // the pelvis turns no hip
  CHECK(app::hip_of_pick(m, kBonePickBase + 1) == 0);
  CHECK(app::hip_of_pick(m, kBonePickBase + 2) == 1);
  CHECK(app::hip_of_pick(m, kBonePickBase + 3) == 1);
  CHECK(app::hip_of_pick(m, kBonePickBase + 4) == 0);
  CHECK(app::hip_of_pick(m, kBonePickBase + 5) == 1);
  CHECK(app::hip_of_pick(m, kBonePickBase + 6) == -1);
  CHECK(app::hip_of_pick(m, kBonePickBase + 7) == -1);  // the foot is not the thigh or shin
  CHECK(app::hip_of_pick(m, kBonePickBase + 8) == -1);  // no such mesh
  CHECK(app::hip_of_pick(m, 0) == -1);                  // background
  CHECK(app::hip_of_pick(m, muscle_pick_id(Side::kRight, 2)) == 0);
  CHECK(app::hip_of_pick(m, muscle_pick_id(Side::kLeft, 2)) == 1);
}

TEST_CASE("Pick names: muscle display name with side, bone card name with side, else the mesh name") {
  const Model m = model_with({"femur_l", "my_mesh"});
  const int gm = 0;
  const std::string muscle_name = std::string(anatomy::muscle(gm).name);
  MuscleInfo mi;
  mi.name = muscle_name;
  mi.display_name = "Shown name";
  BoneInfo bi;
  bi.name = "femur";
  bi.display_name = "Thigh bone";
  CHECK(app::pick_name(muscle_pick_id(Side::kLeft, gm), m, true, {mi}, {bi}) == "Shown name (left)");
  CHECK(app::pick_name(muscle_pick_id(Side::kRight, gm), m, true, {mi}, {bi}) == "Shown name (right)");
  // Without a card the muscle's own label.
  CHECK(app::pick_name(muscle_pick_id(Side::kRight, gm), m, true, {}, {}) == std::string(anatomy::muscle(gm).label));
  CHECK(app::pick_name(muscle_pick_id(Side::kRight, 99), m, true, {mi}, {bi}).empty());
  CHECK(app::pick_name(kBonePickBase + 0, m, true, {mi}, {bi}) == "Thigh bone (left)");
  // Not the body model: bone cards do not apply, the mesh's name shows.
  CHECK(app::pick_name(kBonePickBase + 0, m, false, {mi}, {bi}) == "femur_l");
  CHECK(app::pick_name(kBonePickBase + 1, m, true, {mi}, {bi}) == "my_mesh");
  CHECK(app::pick_name(0, m, true, {mi}, {bi}).empty());
}

TEST_CASE("Clicks and drags: 3 px of slop for a click, 0.35 s and 4 px for a double click") {
  CHECK(app::is_click(100, 100, 102, 98));
  CHECK_FALSE(app::is_click(100, 100, 103, 100));
  CHECK_FALSE(app::is_click(100, 100, 100, 96.5));
  CHECK(app::is_double_click(1.0, 50, 50, 1.3, 53, 47));
  CHECK_FALSE(app::is_double_click(1.0, 50, 50, 1.4, 50, 50));  // too slow
  CHECK_FALSE(app::is_double_click(1.0, 50, 50, 1.1, 55, 50));  // too far
  CHECK_FALSE(app::is_double_click(-1.0, 50, 50, 0.2, 50, 50));  // after a double click, none pending
}

TEST_CASE("Hands-on drag: nothing within the click slop, then 0.4 degrees of hip rotation per pixel") {
  CHECK(app::hip_drag_step(200, 202, 2) == 0.0);  // a click on the thigh does not turn it
  CHECK(app::hip_drag_step(200, 210, 5) == doctest::Approx(deg_to_rad(2.0)));
  CHECK(app::hip_drag_step(200, 150, -10) == doctest::Approx(deg_to_rad(-4.0)));
  // A 100-pixel sweep turns the hip 40 degrees, about the whole internal-rotation range.
  CHECK(app::hip_drag_step(0, 100, 100) == doctest::Approx(deg_to_rad(40.0)));
}
