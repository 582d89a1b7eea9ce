// draw_list_export_test.cpp — tests src/scene/draw_list_export.h: a draw list becomes world-space
// objects equal to what the renderer draws (skinned vertices by the same linear blend as
// node_transforms.h's CPU skinning, rigid ones by their node, muscle volumes by their index range),
// named, coloured, with outward winding kept under a mirroring matrix and hidden draws left out.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/muscle_data.h"
#include "assets/node_transforms.h"
#include "assets/synthetic_model.h"
#include "scene/body_scene.h"
#include "scene/draw_list_export.h"
#include "scene/model_scene.h"

using namespace hiplab;

TEST_CASE("a skinned mesh is exported with the renderer's linear-blend skinning, in the posed bounds") {
  const Model model = make_two_bone_model();
  NodeTransforms pose = NodeTransforms::bind(model);
  pose.local[1] = pose.local[1] * glm::rotate(glm::mat4(1.0f), 1.1f, glm::vec3(0, 0, 1));  // bend the tip 63°
  pose.update_world(model);
  DrawList list;
  add_model_to_scene(model, ModelHandle{}, pose, {}, list);
  const ExportScene scene = export_draw_list(model, list);
  REQUIRE(scene.objects.size() == 1);
  const ExportObject& o = scene.objects[0];
  CHECK(o.name == "tube");
  CHECK(o.colour == glm::vec4(1, 0, 0, 1));  // the material's red times the default white tint
  const Mesh& mesh = model.meshes[0];
  REQUIRE(o.positions.size() == mesh.vertices.size());
  CHECK(o.indices == mesh.indices);
  std::vector<glm::mat4> skin;
  skin_matrices(model, pose, 0, skin);
  glm::vec3 lo(1e9f), hi(-1e9f);
  double worst = 0.0, worst_normal = 0.0;
  for (std::size_t i = 0; i < o.positions.size(); ++i) {
    worst = std::max(worst, double(glm::length(o.positions[i] - skin_position(mesh, skin, glm::mat4(1.0f), mesh.vertices[i]))));
    worst_normal = std::max(worst_normal, std::abs(double(glm::length(o.normals[i])) - 1.0));
    lo = glm::min(lo, o.positions[i]);
    hi = glm::max(hi, o.positions[i]);
  }
  CHECK(worst < 1e-6);
  CHECK(worst_normal < 1e-5);
  const Aabb box = posed_bounds(model, pose);
  CHECK(glm::length(lo - box.min) < 1e-6f);
  CHECK(glm::length(hi - box.max) < 1e-6f);
  // The bend moved the top: the export is not the bind pose.
  CHECK(hi.y < 1.9f);
}

namespace {
// One outward-wound triangle (normal +z) on node 0, as a rigid mesh.
Model one_triangle() {
  Model m;
  m.nodes = {{"n", -1, glm::mat4(1.0f)}};
  m.materials = {{"grey", {0.5f, 0.5f, 0.5f, 1.0f}, -1, false}};
  Mesh mesh;
  mesh.name = "femur_r";
  mesh.node = 0;
  for (glm::vec3 p : {glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)}) {
    Vertex v;
    v.position = p;
    v.normal = {0, 0, 1};
    mesh.vertices.push_back(v);
  }
  mesh.indices = {0, 1, 2};
  m.meshes.push_back(mesh);
  return m;
}
// +1 when the triangle's winding agrees with its first vertex normal (outward), -1 when not.
float winding_sign(const ExportObject& o) {
  const glm::vec3 a = o.positions[o.indices[0]], b = o.positions[o.indices[1]], c = o.positions[o.indices[2]];
  return glm::dot(glm::cross(b - a, c - a), o.normals[o.indices[0]]) > 0.0f ? 1.0f : -1.0f;
}
}  // namespace

TEST_CASE("a rigid mesh goes through its node matrix and keeps outward winding when the matrix mirrors") {
  const Model model = one_triangle();
  DrawList list;
  MeshDraw d;
  d.mesh = 0;
  d.tint = {1.0f, 0.5f, 1.0f, 0.5f};
  d.node_world = glm::translate(glm::mat4(1.0f), glm::vec3(0, 2, 0)) * glm::scale(glm::mat4(1.0f), glm::vec3(2, 2, 2));
  list.meshes.push_back(d);
  d.node_world = glm::scale(glm::mat4(1.0f), glm::vec3(-1, 1, 1));  // mirrored, as a left limb made from a right one
  list.meshes.push_back(d);
  const ExportScene scene = export_draw_list(model, list);
  REQUIRE(scene.objects.size() == 2);
  CHECK(scene.objects[0].name == "femur_r");
  CHECK(scene.objects[1].name == "femur_r_2");  // names stay unique
  CHECK(scene.objects[0].positions[1] == glm::vec3(2, 2, 0));
  CHECK(scene.objects[0].colour == glm::vec4(0.5f, 0.25f, 0.5f, 0.5f));  // material x tint
  CHECK(scene.objects[1].positions[1] == glm::vec3(-1, 0, 0));
  CHECK(winding_sign(scene.objects[0]) > 0.0f);
  CHECK(winding_sign(scene.objects[1]) > 0.0f);
  CHECK(glm::length(scene.objects[0].normals[0] - glm::vec3(0, 0, 1)) < 1e-6f);
}

TEST_CASE("muscle draws give their own triangles of the frame's mesh, named by muscle, and hidden draws are left out") {
  const Model model = one_triangle();
  DrawList list;
  DynamicMesh dyn;
  for (int k = 0; k < 6; ++k) {
    Vertex v;
    v.position = {float(k), float(k % 2), 0.0f};
    v.normal = {0.0f, 0.0f, 3.0f};  // not unit: the export makes it so
    dyn.vertices.push_back(v);
  }
  dyn.indices = {0, 1, 2, 3, 4, 5, 5, 4, 1};
  list.dynamic_meshes.push_back(dyn);
  MeshDraw a;
  a.dynamic_mesh = 0;
  a.first_index = 3;
  a.index_count = 6;
  a.use_tint_only = true;
  a.tint = {0.8f, 0.1f, 0.1f, 1.0f};
  a.pick_id = muscle_pick_id(anatomy::Side::kLeft, 3);
  list.meshes.push_back(a);
  MeshDraw hidden;  // a hidden skin: casts the shadow, is not seen
  hidden.mesh = 0;
  hidden.shadow_only = true;
  list.meshes.push_back(hidden);
  const ExportScene scene = export_draw_list(model, list);
  REQUIRE(scene.objects.size() == 1);
  const ExportObject& o = scene.objects[0];
  CHECK(o.name == anatomy::muscle_name(3, anatomy::Side::kLeft));
  CHECK(o.name.size() > 2);
  CHECK(o.name.substr(o.name.size() - 2) == "_l");
  CHECK(o.colour == a.tint);
  REQUIRE(o.indices.size() == 6);
  CHECK(o.positions.size() == 4);  // vertices 3, 4, 5 and 1: only those the range uses
  for (std::size_t k = 0; k < 6; ++k)
    CHECK(o.positions[o.indices[k]] == dyn.vertices[dyn.indices[3 + k]].position);
  for (const glm::vec3& n : o.normals) CHECK(n == glm::vec3(0, 0, 1));
}
