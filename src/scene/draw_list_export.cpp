#include "scene/draw_list_export.h"

#include <cmath>
#include <unordered_map>

#include "anatomy/muscle_data.h"
#include "scene/body_scene.h"

namespace hiplab {
namespace {

glm::vec3 unit_or_up(const glm::vec3& n) {
  const float len = glm::length(n);
  if (!(len > 1e-20f) || !std::isfinite(len)) return {0.0f, 1.0f, 0.0f};  // a degenerate normal still has to be unit
  return n / len;
}

// The muscle a pick id stands for ("glut_med1_r"), or "" when it is not a muscle's.
std::string muscle_name_for_pick(std::uint32_t pick) {
  for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
    const std::uint32_t first = muscle_pick_id(side, 0);
    if (pick >= first && pick < first + static_cast<std::uint32_t>(anatomy::kMuscleCount))
      return anatomy::muscle_name(static_cast<int>(pick - first), side);
  }
  return "";
}

void export_model_mesh(const Model& model, const DrawList& list, const MeshDraw& d, ExportObject& o) {
  const Mesh& mesh = model.meshes[static_cast<std::size_t>(d.mesh)];
  const std::size_t n = mesh.vertices.size();
  o.positions.resize(n);
  o.normals.resize(n);
  // Morph targets as the renderer blends them: the draw's weights, else the mesh's defaults.
  const float* weights = nullptr;
  std::size_t n_weights = 0;
  if (!mesh.morph_targets.empty()) {
    if (d.morph_offset >= 0 &&
        static_cast<std::size_t>(d.morph_offset) + mesh.morph_targets.size() <= list.morph_weights.size()) {
      weights = &list.morph_weights[static_cast<std::size_t>(d.morph_offset)];
      n_weights = mesh.morph_targets.size();
    } else {
      weights = mesh.default_morph_weights.data();
      n_weights = std::min(mesh.default_morph_weights.size(), mesh.morph_targets.size());
    }
  }
  const bool skinned = mesh.skinned && d.skin_offset >= 0 &&
                       static_cast<std::size_t>(d.skin_offset + d.skin_count) <= list.skin_matrices.size();
  const glm::mat4* skin = skinned ? &list.skin_matrices[static_cast<std::size_t>(d.skin_offset)] : nullptr;
  const glm::mat3 normal_turn = glm::transpose(glm::inverse(glm::mat3(d.node_world)));
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex& v = mesh.vertices[i];
    glm::vec3 p = v.position, nr = v.normal;
    for (std::size_t t = 0; t < n_weights; ++t) {
      if (weights[t] == 0.0f) continue;
      p += weights[t] * mesh.morph_targets[t].delta_positions[i];
      if (i < mesh.morph_targets[t].delta_normals.size()) nr += weights[t] * mesh.morph_targets[t].delta_normals[i];
    }
    if (skinned) {
      // Linear blend of the joint matrices, as shaders/mesh.vert.glsl (normals by the blend's 3x3:
      // the joints carry rigid transforms).
      glm::mat4 blend(0.0f);
      for (int k = 0; k < kMaxWeightsPerVertex; ++k)
        if (v.weights[k] > 0.0f && v.joints[k] < d.skin_count) blend += v.weights[k] * skin[v.joints[k]];
      o.positions[i] = glm::vec3(blend * glm::vec4(p, 1.0f));
      o.normals[i] = unit_or_up(glm::mat3(blend) * nr);
    } else {
      o.positions[i] = glm::vec3(d.node_world * glm::vec4(p, 1.0f));
      o.normals[i] = unit_or_up(normal_turn * nr);
    }
  }
  o.indices = mesh.indices;
  // A mirroring node matrix turns the winding inside out; put it back so outward stays outward.
  if (!skinned && glm::determinant(glm::mat3(d.node_world)) < 0.0f)
    for (std::size_t t = 0; t + 2 < o.indices.size(); t += 3) std::swap(o.indices[t + 1], o.indices[t + 2]);
  const Material* mat = mesh.material >= 0 && static_cast<std::size_t>(mesh.material) < model.materials.size()
                            ? &model.materials[static_cast<std::size_t>(mesh.material)]
                            : nullptr;
  o.colour = d.use_tint_only || !mat ? d.tint : mat->base_color * d.tint;
}

void export_dynamic(const DynamicMesh& mesh, const MeshDraw& d, ExportObject& o) {
  // Only the vertices this draw's triangles use, renumbered from 0 in the order first met.
  std::unordered_map<std::uint32_t, std::uint32_t> remap;
  const std::size_t first = static_cast<std::size_t>(std::max(d.first_index, 0));
  const std::size_t end = std::min(mesh.indices.size(), first + static_cast<std::size_t>(std::max(d.index_count, 0)));
  remap.reserve(end > first ? (end - first) / 2 : 0);
  o.indices.reserve(end - std::min(first, end));
  for (std::size_t k = first; k < end; ++k) {
    const std::uint32_t src = mesh.indices[k];
    auto [it, added] = remap.emplace(src, static_cast<std::uint32_t>(o.positions.size()));
    if (added) {
      o.positions.push_back(mesh.vertices[src].position);
      o.normals.push_back(unit_or_up(mesh.vertices[src].normal));
    }
    o.indices.push_back(it->second);
  }
  o.indices.resize(o.indices.size() / 3 * 3);
  o.colour = d.tint;  // dynamic meshes are coloured by their tint alone (scene/body_scene.cpp)
}

}  // namespace

ExportScene export_draw_list(const Model& model, const DrawList& list) {
  ExportScene scene;
  std::unordered_map<std::string, int> used;
  for (const MeshDraw& d : list.meshes) {
    if (d.shadow_only) continue;
    ExportObject o;
    if (d.dynamic_mesh >= 0) {
      if (static_cast<std::size_t>(d.dynamic_mesh) >= list.dynamic_meshes.size()) continue;
      o.name = muscle_name_for_pick(d.pick_id);
      if (o.name.empty()) o.name = "generated";
      export_dynamic(list.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)], d, o);
    } else {
      if (d.mesh < 0 || static_cast<std::size_t>(d.mesh) >= model.meshes.size()) continue;
      o.name = model.meshes[static_cast<std::size_t>(d.mesh)].name;
      if (o.name.empty()) o.name.append("mesh").append(std::to_string(d.mesh));  // appended: GCC 12 warns falsely (-Wrestrict) on "x" + to_string at -O3
      export_model_mesh(model, list, d, o);
    }
    if (o.indices.empty()) continue;
    const int seen = ++used[o.name];
    if (seen > 1) o.name.append("_").append(std::to_string(seen));
    scene.objects.push_back(std::move(o));
  }
  return scene;
}

}  // namespace hiplab
