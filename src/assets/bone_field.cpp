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
// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection, 5.1.5): its squared distance.
float dist2_to_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  auto at = [&](const glm::vec3& q) { return glm::dot(p - q, p - q); };
  if (d1 <= 0.0f && d2 <= 0.0f) return at(a);
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0f && d4 <= d3) return at(b);
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return at(a + ab * (d1 / (d1 - d3)));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0f && d5 <= d6) return at(c);
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return at(a + ac * (d2 / (d2 - d6)));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) return at(b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6))));
  const float den = 1.0f / (va + vb + vc);
  return at(a + ab * (vb * den) + ac * (vc * den));
}

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

BoneField make_bone_field(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& idx, float cell, float margin) {
  BoneField f;
  if (pos.empty() || idx.size() < 3) return f;
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  for (const glm::vec3& v : pos) lo = glm::min(lo, v), hi = glm::max(hi, v);
  f.box_lo = lo, f.box_hi = hi;
  f.lo = lo - glm::vec3(margin);
  f.n = glm::ivec3(glm::ceil((hi - lo + 2.0f * margin) / cell)) + 1;
  const std::size_t nx = static_cast<std::size_t>(f.n.x), ny = static_cast<std::size_t>(f.n.y), nz = static_cast<std::size_t>(f.n.z);
  const std::size_t total = nx * ny * nz;
  auto at = [&](std::size_t i, std::size_t j, std::size_t k) { return (k * ny + j) * nx + i; };
  auto place = [&](std::size_t i, std::size_t j, std::size_t k) {
    return f.lo + glm::vec3(static_cast<float>(i), static_cast<float>(j), static_cast<float>(k)) * cell;
  };
  // Exact distances near the surface: each triangle's samples within a cell of its box.
  constexpr float kInf = std::numeric_limits<float>::max();
  std::vector<float> dist(total, kInf);
  auto index_range = [&](float a, float b, int axis, int& i0, int& i1) {
    i0 = std::max(0, static_cast<int>(std::floor((a - cell - f.lo[axis]) / cell)));
    i1 = std::min(f.n[axis] - 1, static_cast<int>(std::ceil((b + cell - f.lo[axis]) / cell)));
  };
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 a = pos[idx[t]], b = pos[idx[t + 1]], c = pos[idx[t + 2]];
    const glm::vec3 tlo = glm::min(a, glm::min(b, c)), thi = glm::max(a, glm::max(b, c));
    int i0, i1, j0, j1, k0, k1;
    index_range(tlo.x, thi.x, 0, i0, i1);
    index_range(tlo.y, thi.y, 1, j0, j1);
    index_range(tlo.z, thi.z, 2, k0, k1);
    // Samples farther than 2.5 cells from the triangle's plane are farther from it too: skipped
    // (the exact band is what the push reads; farther in, the chamfer transform fills them).
    glm::vec3 nrm = glm::cross(b - a, c - a);
    const float nl = glm::length(nrm);
    if (nl > 0.0f) nrm /= nl;
    const float band = 2.5f * cell;
    for (int k = k0; k <= k1; ++k)
      for (int j = j0; j <= j1; ++j)
        for (int i = i0; i <= i1; ++i) {
          const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j), uk = static_cast<std::size_t>(k);
          const glm::vec3 x = place(ui, uj, uk);
          if (nl > 0.0f && std::fabs(glm::dot(x - a, nrm)) > band) continue;
          float& d = dist[at(ui, uj, uk)];
          d = std::min(d, dist2_to_triangle(x, a, b, c));
        }
  }
  for (float& d : dist)
    if (d < kInf) d = std::sqrt(d);
  // Inside: the parity of the crossings along y of each sample column (x, z).
  std::vector<std::uint8_t> inside(total, 0);
  std::vector<std::vector<float>> hits(nx * nz);
  for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
    const glm::vec3 a = pos[idx[t]], b = pos[idx[t + 1]], c = pos[idx[t + 2]];
    const float det = (b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z);
    if (std::fabs(det) < 1e-14f) continue;
    const glm::vec3 tlo = glm::min(a, glm::min(b, c)), thi = glm::max(a, glm::max(b, c));
    const int i0 = std::max(0, static_cast<int>(std::ceil((tlo.x - f.lo.x) / cell))), i1 = std::min(f.n.x - 1, static_cast<int>(std::floor((thi.x - f.lo.x) / cell)));
    const int k0 = std::max(0, static_cast<int>(std::ceil((tlo.z - f.lo.z) / cell))), k1 = std::min(f.n.z - 1, static_cast<int>(std::floor((thi.z - f.lo.z) / cell)));
    for (int k = k0; k <= k1; ++k)
      for (int i = i0; i <= i1; ++i) {
        const float x = f.lo.x + static_cast<float>(i) * cell, z = f.lo.z + static_cast<float>(k) * cell;
        const float u = ((x - a.x) * (c.z - a.z) - (c.x - a.x) * (z - a.z)) / det;
        const float w = ((b.x - a.x) * (z - a.z) - (x - a.x) * (b.z - a.z)) / det;
        if (u < 0.0f || w < 0.0f || u + w > 1.0f) continue;
        hits[static_cast<std::size_t>(k) * nx + static_cast<std::size_t>(i)].push_back(a.y + u * (b.y - a.y) + w * (c.y - a.y));
      }
  }
  for (std::size_t k = 0; k < nz; ++k)
    for (std::size_t i = 0; i < nx; ++i) {
      std::vector<float>& h = hits[k * nx + i];
      std::sort(h.begin(), h.end());
      for (std::size_t e = 0; e + 1 < h.size(); e += 2) {
        const int j0 = std::max(0, static_cast<int>(std::ceil((h[e] - f.lo.y) / cell)));
        const int j1 = std::min(f.n.y - 1, static_cast<int>(std::floor((h[e + 1] - f.lo.y) / cell)));
        for (int j = j0; j <= j1; ++j) inside[at(i, static_cast<std::size_t>(j), k)] = 1;
      }
    }
  // Deeper inside: carried from the exact band by a two-pass chamfer transform over the inside samples.
  const float w1 = cell, w2 = cell * std::sqrt(2.0f), w3 = cell * std::sqrt(3.0f);
  auto sweep = [&](int dir) {
    const int x0 = dir > 0 ? 0 : f.n.x - 1, y0 = dir > 0 ? 0 : f.n.y - 1, z0 = dir > 0 ? 0 : f.n.z - 1;
    for (int k = z0; k >= 0 && k < f.n.z; k += dir)
      for (int j = y0; j >= 0 && j < f.n.y; j += dir)
        for (int i = x0; i >= 0 && i < f.n.x; i += dir) {
          const std::size_t s = at(static_cast<std::size_t>(i), static_cast<std::size_t>(j), static_cast<std::size_t>(k));
          if (!inside[s]) continue;
          float best = dist[s];
          // The 13 neighbours already visited in this sweep's order.
          for (int dk = -1; dk <= 0; ++dk)
            for (int dj = -1; dj <= 1; ++dj)
              for (int di = -1; di <= 1; ++di) {
                if (dk == 0 && (dj > 0 || (dj == 0 && di >= 0))) continue;
                const int ii = i + dir * di, jj = j + dir * dj, kk = k + dir * dk;
                if (ii < 0 || jj < 0 || kk < 0 || ii >= f.n.x || jj >= f.n.y || kk >= f.n.z) continue;
                const float nd = dist[at(static_cast<std::size_t>(ii), static_cast<std::size_t>(jj), static_cast<std::size_t>(kk))];
                if (nd == kInf) continue;
                const int m = (di != 0) + (dj != 0) + (dk != 0);
                best = std::min(best, nd + (m == 1 ? w1 : m == 2 ? w2 : w3));
              }
          dist[s] = best;
        }
  };
  sweep(1);
  sweep(-1);
  // Outside and away from the surface: a few cells (only the sign and nearness matter there).
  const float cap = 4.0f * cell;
  std::vector<std::int16_t> dense(total);
  for (std::size_t s = 0; s < total; ++s) {
    const float v = inside[s] ? -dist[s] : std::min(dist[s], cap);
    dense[s] = static_cast<std::int16_t>(std::lround(std::clamp(v / BoneField::kStep, -32767.0f, 32767.0f)));
    if (inside[s]) {
      const glm::vec3 q = place(s % nx, (s / nx) % ny, s / (nx * ny));
      f.inside_lo = f.inside_hi.x < f.inside_lo.x ? q : glm::min(f.inside_lo, q);
      f.inside_hi = glm::max(f.inside_hi, q);
    }
  }
  // The kept bricks (cells i..i+B-1 of a brick interpolate samples i..i+B; past the grid's last
  // sample, the last one's value).
  constexpr int B = BoneField::kBrick;
  f.nb = (f.n - 1 + (B - 1)) / B;
  const std::size_t nbt = static_cast<std::size_t>(f.nb.x) * static_cast<std::size_t>(f.nb.y) * static_cast<std::size_t>(f.nb.z);
  f.brick_index.assign(nbt, -1);
  f.brick_inside.assign(nbt, 0);
  const auto near = static_cast<std::int16_t>(std::lround(BoneField::kBrickNear / BoneField::kStep));
  std::array<std::int16_t, BoneField::kBrickSamples> buf{};
  for (int bk = 0; bk < f.nb.z; ++bk)
    for (int bj = 0; bj < f.nb.y; ++bj)
      for (int bi = 0; bi < f.nb.x; ++bi) {
        bool keep = false, in = false;
        std::size_t q = 0;
        for (int k = 0; k <= B; ++k)
          for (int j = 0; j <= B; ++j)
            for (int i = 0; i <= B; ++i) {
              const int si = std::min(bi * B + i, f.n.x - 1), sj = std::min(bj * B + j, f.n.y - 1), sk = std::min(bk * B + k, f.n.z - 1);
              const std::int16_t v = dense[at(static_cast<std::size_t>(si), static_cast<std::size_t>(sj), static_cast<std::size_t>(sk))];
              buf[q++] = v;
              keep |= v < near;
              in |= v < 0;
            }
        if (!keep) continue;
        const std::size_t bb = (static_cast<std::size_t>(bk) * static_cast<std::size_t>(f.nb.y) + static_cast<std::size_t>(bj)) *
                                   static_cast<std::size_t>(f.nb.x) + static_cast<std::size_t>(bi);
        f.brick_index[bb] = static_cast<std::int32_t>(f.d.size() / BoneField::kBrickSamples);
        f.brick_inside[bb] = in ? 1 : 0;
        f.d.insert(f.d.end(), buf.begin(), buf.end());
      }
  return f;
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
