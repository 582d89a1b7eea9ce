#include "assets/bone_field.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <future>
#include <limits>
#include <string>
#include <system_error>
#include <thread>

#include "assets/model.h"
#include "assets/node_transforms.h"

namespace hiplab {

namespace {
bool is_bone_mesh(const Mesh& m) {
  return m.name.rfind("skin", 0) != 0 && m.joint_nodes.empty() && !m.skinned && !m.indices.empty() && m.node >= 0;
}

// "_r" / "_l" at the end of a name: 0 right, 1 left, -1 neither.
int side_of(const std::string& name) {
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_r") == 0) return 0;
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_l") == 0) return 1;
  return -1;
}
}  // namespace

bool BoneField::may_be_inside(const glm::vec3& p) const {
  const glm::vec3 g = (p - lo) * (1.0f / kBoneFieldCell);
  if (!(g.x >= 0.0f && g.y >= 0.0f && g.z >= 0.0f)) return false;
  const int i = static_cast<int>(g.x) / kBrick, j = static_cast<int>(g.y) / kBrick, k = static_cast<int>(g.z) / kBrick;
  if (i >= nb.x || j >= nb.y || k >= nb.z) return false;
  return brick_inside[(static_cast<std::size_t>(k) * static_cast<std::size_t>(nb.y) + static_cast<std::size_t>(j)) * static_cast<std::size_t>(nb.x) +
                      static_cast<std::size_t>(i)] != 0;
}

float BoneField::sample(const glm::vec3& p, glm::vec3* grad, float far) const {
  const float inv = 1.0f / kBoneFieldCell;
  const glm::vec3 g = (p - lo) * inv;
  if (grad) *grad = glm::vec3(0.0f);
  if (!(g.x >= 0.0f && g.y >= 0.0f && g.z >= 0.0f)) return far;
  const int i = static_cast<int>(g.x), j = static_cast<int>(g.y), k = static_cast<int>(g.z);
  const int bi = i / kBrick, bj = j / kBrick, bk = k / kBrick;
  if (bi >= nb.x || bj >= nb.y || bk >= nb.z) return far;
  const std::int32_t b = brick_index[(static_cast<std::size_t>(bk) * static_cast<std::size_t>(nb.y) + static_cast<std::size_t>(bj)) *
                                         static_cast<std::size_t>(nb.x) + static_cast<std::size_t>(bi)];
  if (b < 0) return far;
  const float fx = g.x - static_cast<float>(i), fy = g.y - static_cast<float>(j), fz = g.z - static_cast<float>(k);
  constexpr std::size_t E = kBrick + 1, sx = 1, sy = E, sz = E * E;
  const std::int16_t* c = d.data() + static_cast<std::size_t>(b) * kBrickSamples +
                          static_cast<std::size_t>(k - bk * kBrick) * sz + static_cast<std::size_t>(j - bj * kBrick) * sy +
                          static_cast<std::size_t>(i - bi * kBrick);
  const float c000 = c[0], c100 = c[sx], c010 = c[sy], c110 = c[sy + sx], c001 = c[sz], c101 = c[sz + sx], c011 = c[sz + sy],
              c111 = c[sz + sy + sx];
  const float x00 = c000 + fx * (c100 - c000), x10 = c010 + fx * (c110 - c010), x01 = c001 + fx * (c101 - c001),
              x11 = c011 + fx * (c111 - c011);
  const float y0 = x00 + fy * (x10 - x00), y1 = x01 + fy * (x11 - x01);
  if (grad) {
    const float dx0 = (c100 - c000) + fy * ((c110 - c010) - (c100 - c000));
    const float dx1 = (c101 - c001) + fy * ((c111 - c011) - (c101 - c001));
    const float dy0 = x10 - x00, dy1 = x11 - x01;
    *grad = glm::vec3(dx0 + fz * (dx1 - dx0), dy0 + fz * (dy1 - dy0), y1 - y0) * (kStep * inv);
  }
  return (y0 + fz * (y1 - y0)) * kStep;
}

std::vector<BoneSource> bone_sources(const Model& model) {
  std::vector<BoneSource> out;
  if (model.muscle_volumes.empty()) return out;
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const Mesh& m = model.meshes[i];
    if (!is_bone_mesh(m)) continue;
    BoneSource b;
    b.mesh = static_cast<int>(i);
    b.node = m.node;
    b.position.reserve(m.vertices.size());
    for (const Vertex& v : m.vertices) b.position.push_back(v.position);
    b.indices = m.indices;
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<BoneField> make_bone_fields(const std::vector<BoneSource>& bones, unsigned threads) {
  std::vector<BoneField> fields(bones.size());
  // One bone a task (each field is built alone from its own mesh, so the result does not depend on
  // the threads).
  auto build = [&](std::size_t b) {
    BoneField f = make_bone_field(bones[b].position, bones[b].indices);
    f.mesh = bones[b].mesh;
    f.node = bones[b].node;
    fields[b] = std::move(f);
  };
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t b = next++; b < bones.size(); b = next++) build(b);
  };
  std::vector<std::future<void>> jobs;
  if (threads == 0) threads = std::min(8u, std::max(1u, std::thread::hardware_concurrency()));
  for (unsigned t = 1; t < threads; ++t) {
    try {
      jobs.push_back(std::async(std::launch::async, work));
    } catch (const std::system_error&) {  // no thread to be had: this one does the rest
      break;
    }
  }
  work();
  for (auto& j : jobs) j.get();
  return fields;
}

bool install_bone_fields(Model& model, std::vector<BoneField> fields) {
  model.bone_fields.clear();
  for (MuscleVolume& v : model.muscle_volumes) {
    v.bone_fields.clear();
    v.bone_mask.clear();
  }
  for (const BoneField& f : fields)
    if (f.mesh < 0 || static_cast<std::size_t>(f.mesh) >= model.meshes.size() || !is_bone_mesh(model.meshes[static_cast<std::size_t>(f.mesh)]) ||
        model.meshes[static_cast<std::size_t>(f.mesh)].node != f.node)
      return false;  // made from another model: the volumes stay unpushed
  if (model.muscle_volumes.empty()) return true;
  model.bone_fields = std::move(fields);
  // Each volume's nearby bones: its bind-pose vertices (pelvis frame of the side, placed in the
  // world by the pelvis's bind transform, scene/body_scene.h) in each bone's frame.
  const NodeTransforms bind = NodeTransforms::bind(model);
  const int pelvis = model.find_node("pelvis");
  const glm::mat4 pelvis_world = pelvis >= 0 ? bind.world[static_cast<std::size_t>(pelvis)] : glm::mat4(1.0f);
  for (MuscleVolume& v : model.muscle_volumes) {
    const int vs = side_of(v.name);
    v.bone_mask.assign(v.bind_position.size(), 0);
    for (std::size_t b = 0; b < model.bone_fields.size() && v.bone_fields.size() < 8; ++b) {
      const BoneField& f = model.bone_fields[b];
      const int bs = side_of(model.meshes[static_cast<std::size_t>(f.mesh)].name);
      if (bs >= 0 && bs != vs) continue;
      const glm::mat4 to_bone = glm::inverse(bind.world[static_cast<std::size_t>(f.node)]) * pelvis_world;
      const glm::vec3 lo = f.box_lo - glm::vec3(kBoneNearDistance), hi = f.box_hi + glm::vec3(kBoneNearDistance);
      const auto bit = static_cast<std::uint8_t>(1u << v.bone_fields.size());
      bool any = false;
      for (std::size_t i = 0; i < v.bind_position.size(); ++i) {
        const glm::vec3 q(to_bone * glm::vec4(v.bind_position[i], 1.0f));
        if (glm::all(glm::greaterThanEqual(q, lo)) && glm::all(glm::lessThanEqual(q, hi))) {
          v.bone_mask[i] |= bit;
          any = true;
        }
      }
      if (any) v.bone_fields.push_back(static_cast<std::int16_t>(b));
    }
  }
  return true;
}

void set_bone_fields(Model& model) { install_bone_fields(model, make_bone_fields(bone_sources(model))); }

}  // namespace hiplab
