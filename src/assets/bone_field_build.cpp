// bone_field_build.cpp — make_bone_field (assets/bone_field.h): a bone mesh's signed-distance grid.
// The costly part of the bone fields (about 1 s of CPU for the shipped body's 17 bones in a Release
// build), apart from the rest of bone_field.cpp so that the sanitizer build (scripts/test) can
// compile it without instrumentation, as it does the model generator (top-level CMakeLists.txt):
// every test and command that loads the shipped body builds these fields, and instrumented they
// took about 5 s of CPU a process, two thirds of a `hiplab render`. The fields' own tests
// (tests/scene/muscle_volume_test.cpp: a vertex pushed out of a known box to the clearance, the
// fields made in steps equal to those made at once, no vertex moved at the anatomical pose) run in
// both builds; what reads the fields each frame (BoneField::sample, may_be_inside, in
// bone_field.cpp) stays instrumented.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "assets/bone_field.h"

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

}  // namespace

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

}  // namespace hiplab
