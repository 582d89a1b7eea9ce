// mesh.cpp — see mesh.h. Marching tetrahedra after Doi & Koide 1991 (IEICE Trans. E74:214) on the
// Kuhn (Freudenthal) triangulation of the cube; Taubin 1995 (SIGGRAPH) smoothing.
#include "mesh.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <meshoptimizer.h>

namespace hiplab::modelgen {
namespace {

constexpr int kBlock = 8;

// The six tetrahedra of the Kuhn split: 0 -> one axis -> two axes -> corner 7. Corner c has
// offset (c&1, c>>1&1, c>>2&1).
constexpr std::array<std::array<int, 4>, 6> kTets = {{
    {0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7},
}};

uint64_t point_key(int64_t i, int64_t j, int64_t k) {
  return (static_cast<uint64_t>(k) << 40) | (static_cast<uint64_t>(j) << 20) | static_cast<uint64_t>(i);
}

struct UnionFind {
  std::vector<uint32_t> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a); b = find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

Mesh mesh_sdf(const Sdf& sdf, glm::vec3 lo, glm::vec3 hi, float h) {
  Mesh out;
  const int nbx = static_cast<int>(std::ceil((hi.x - lo.x) / (h * kBlock)));
  const int nby = static_cast<int>(std::ceil((hi.y - lo.y) / (h * kBlock)));
  const int nbz = static_cast<int>(std::ceil((hi.z - lo.z) / (h * kBlock)));
  const float half_diag = 0.5f * std::sqrt(3.0f) * kBlock * h;
  constexpr int N = kBlock + 1;
  std::vector<float> val(N * N * N);
  std::unordered_map<uint64_t, uint32_t> edge_vertex;
  auto gp = [&](int64_t i, int64_t j, int64_t k) {
    return glm::vec3(lo.x + h * static_cast<float>(i), lo.y + h * static_cast<float>(j), lo.z + h * static_cast<float>(k));
  };
  for (int bz = 0; bz < nbz; ++bz)
    for (int by = 0; by < nby; ++by)
      for (int bx = 0; bx < nbx; ++bx) {
        const int64_t i0 = int64_t(bx) * kBlock, j0 = int64_t(by) * kBlock, k0 = int64_t(bz) * kBlock;
        glm::vec3 c = gp(i0, j0, k0) + glm::vec3(0.5f * kBlock * h);
        if (std::fabs(sdf(c)) > 1.8f * half_diag + 2.0f * h) continue;
        bool any_in = false, any_out = false;
        for (int k = 0; k < N; ++k)
          for (int j = 0; j < N; ++j)
            for (int i = 0; i < N; ++i) {
              float v = sdf(gp(i0 + i, j0 + j, k0 + k));
              if (std::fabs(v) < 1e-7f) v = 1e-7f;  // no zero corners: keeps the surface manifold
              val[(k * N + j) * N + i] = v;
              (v < 0 ? any_in : any_out) = true;
            }
        if (!(any_in && any_out)) continue;
        for (int k = 0; k < kBlock; ++k)
          for (int j = 0; j < kBlock; ++j)
            for (int i = 0; i < kBlock; ++i) {
              float cv[8];
              int n_in = 0;
              for (int cc = 0; cc < 8; ++cc) {
                cv[cc] = val[((k + (cc >> 2 & 1)) * N + (j + (cc >> 1 & 1))) * N + (i + (cc & 1))];
                n_in += cv[cc] < 0;
              }
              if (n_in == 0 || n_in == 8) continue;
              auto corner_pos = [&](int cc) {
                return gp(i0 + i + (cc & 1), j0 + j + (cc >> 1 & 1), k0 + k + (cc >> 2 & 1));
              };
              auto edge = [&](int a, int b) -> uint32_t {
                if (a > b) std::swap(a, b);  // in a Kuhn tet the lower corner's bits are a subset
                const int dir = a ^ b;
                const uint64_t key = (point_key(i0 + i + (a & 1), j0 + j + (a >> 1 & 1), k0 + k + (a >> 2 & 1)) << 3) |
                                     static_cast<uint64_t>(dir);
                auto it = edge_vertex.find(key);
                if (it != edge_vertex.end()) return it->second;
                const float t = cv[a] / (cv[a] - cv[b]);
                const glm::vec3 pa = corner_pos(a), pb = corner_pos(b);
                const uint32_t id = static_cast<uint32_t>(out.pos.size());
                out.pos.push_back(pa + t * (pb - pa));
                edge_vertex.emplace(key, id);
                return id;
              };
              for (const auto& tet : kTets) {
                int ins[4], outs[4], ni = 0, no = 0;
                for (int q = 0; q < 4; ++q) (cv[tet[q]] < 0 ? ins[ni++] : outs[no++]) = tet[q];
                if (ni == 0 || no == 0) continue;
                glm::vec3 cin(0), cout(0);
                for (int q = 0; q < ni; ++q) cin += corner_pos(ins[q]);
                for (int q = 0; q < no; ++q) cout += corner_pos(outs[q]);
                const glm::vec3 dir = cout / float(no) - cin / float(ni);
                auto emit = [&](uint32_t a, uint32_t b, uint32_t c2) {
                  glm::vec3 n = glm::cross(out.pos[b] - out.pos[a], out.pos[c2] - out.pos[a]);
                  if (glm::dot(n, dir) < 0) std::swap(b, c2);
                  out.idx.insert(out.idx.end(), {a, b, c2});
                };
                if (ni == 1) {
                  emit(edge(ins[0], outs[0]), edge(ins[0], outs[1]), edge(ins[0], outs[2]));
                } else if (no == 1) {
                  emit(edge(outs[0], ins[0]), edge(outs[0], ins[1]), edge(outs[0], ins[2]));
                } else {
                  const uint32_t e00 = edge(ins[0], outs[0]), e01 = edge(ins[0], outs[1]);
                  const uint32_t e11 = edge(ins[1], outs[1]), e10 = edge(ins[1], outs[0]);
                  emit(e00, e01, e11);
                  emit(e00, e11, e10);
                }
              }
            }
      }
  return out;
}

void taubin_smooth(Mesh& m, int iterations, float lambda, float mu) {
  const size_t n = m.pos.size();
  // adjacency as sorted unique neighbour lists (deterministic)
  std::vector<std::pair<uint32_t, uint32_t>> e;
  e.reserve(m.idx.size() * 2);
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3)
    for (int q = 0; q < 3; ++q) {
      uint32_t a = m.idx[t + q], b = m.idx[t + (q + 1) % 3];
      e.emplace_back(a, b);
      e.emplace_back(b, a);
    }
  std::sort(e.begin(), e.end());
  e.erase(std::unique(e.begin(), e.end()), e.end());
  std::vector<uint32_t> start(n + 1, 0);
  for (auto& pr : e) start[pr.first + 1]++;
  for (size_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<glm::vec3> tmp(n);
  auto pass = [&](float f) {
    for (size_t i = 0; i < n; ++i) {
      glm::vec3 s(0);
      const uint32_t b = start[i], en = start[i + 1];
      if (en == b) { tmp[i] = m.pos[i]; continue; }
      for (uint32_t q = b; q < en; ++q) s += m.pos[e[q].second];
      s /= float(en - b);
      tmp[i] = m.pos[i] + f * (s - m.pos[i]);
    }
    m.pos.swap(tmp);
  };
  for (int it = 0; it < iterations; ++it) {
    pass(lambda);
    pass(mu);
  }
}

void project_to_surface(Mesh& m, const Sdf& sdf, float h) {
  const float e = 0.1f * h;
  for (auto& p : m.pos) {
    for (int it = 0; it < 3; ++it) {
      float d = sdf(p);
      glm::vec3 g(sdf(p + glm::vec3(e, 0, 0)) - sdf(p - glm::vec3(e, 0, 0)),
                  sdf(p + glm::vec3(0, e, 0)) - sdf(p - glm::vec3(0, e, 0)),
                  sdf(p + glm::vec3(0, 0, e)) - sdf(p - glm::vec3(0, 0, e)));
      float gl = glm::length(g);
      if (gl < 1e-12f) break;
      g /= gl;
      float step = std::clamp(d, -0.5f * h, 0.5f * h);
      p -= g * step;
    }
  }
}

namespace {
// Quadric error metric (Garland & Heckbert 1997, SIGGRAPH) as the 10 unique entries of a 4x4.
struct Quadric {
  double a[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  void add_plane(double nx, double ny, double nz, double d, double w) {
    const double v[4] = {nx, ny, nz, d};
    int k = 0;
    for (int i = 0; i < 4; ++i)
      for (int j = i; j < 4; ++j) a[k++] += w * v[i] * v[j];
  }
  void add(const Quadric& q) {
    for (int i = 0; i < 10; ++i) a[i] += q.a[i];
  }
  double eval(const glm::dvec3& p) const {
    const double x = p.x, y = p.y, z = p.z;
    return a[0] * x * x + 2 * a[1] * x * y + 2 * a[2] * x * z + 2 * a[3] * x + a[4] * y * y + 2 * a[5] * y * z +
           2 * a[6] * y + a[7] * z * z + 2 * a[8] * z + a[9];
  }
};

struct HeapItem {
  double cost;
  uint32_t a, b, va, vb;
  bool operator>(const HeapItem& o) const {
    if (cost != o.cost) return cost > o.cost;
    if (a != o.a) return a > o.a;
    return b > o.b;
  }
};
}  // namespace

namespace {
// Weight of a border edge's plane against its triangle's own (simplify_half). Measured on the body
// skin (tests/scene/skin_stretch_test.cpp, all drills): 10, 37 962 triangle-samples past a limit;
// 1, 39 552.
constexpr double kBorderWeight = 10.0;
Mesh simplify_impl(const Mesh& m, size_t target_triangles, float target_error, double min_aspect, bool keep_plane_border) {
  const size_t nv = m.pos.size(), nt = m.triangles();
  // Vertices on the plane z = 0 (the border of a half mesh), kept on it.
  std::vector<uint8_t> on_plane(nv, 0);
  if (keep_plane_border)
    for (size_t i = 0; i < nv; ++i) on_plane[i] = m.pos[i].z == 0.0f;
  std::vector<glm::dvec3> P(nv);
  for (size_t i = 0; i < nv; ++i) P[i] = glm::dvec3(m.pos[i]);
  std::vector<std::array<uint32_t, 3>> T(nt);
  std::vector<uint8_t> alive(nt, 1);
  std::vector<std::vector<uint32_t>> vt(nv);
  std::vector<Quadric> Q(nv);
  std::vector<uint32_t> version(nv, 0);
  glm::vec3 lo, hi;
  bounds(m, lo, hi);
  const double extent = glm::length(glm::dvec3(hi - lo));
  const double max_cost = (target_error * extent) * (target_error * extent);
  for (size_t t = 0; t < nt; ++t) {
    T[t] = {m.idx[3 * t], m.idx[3 * t + 1], m.idx[3 * t + 2]};
    const glm::dvec3 n2 = glm::cross(P[T[t][1]] - P[T[t][0]], P[T[t][2]] - P[T[t][0]]);
    const double len = glm::length(n2);
    for (uint32_t v : T[t]) vt[v].push_back(static_cast<uint32_t>(t));
    if (len <= 0) continue;
    const glm::dvec3 n = n2 / len;
    for (uint32_t v : T[t]) Q[v].add_plane(n.x, n.y, n.z, -glm::dot(n, P[T[t][0]]), 0.5 * len);
    // A border edge (both ends on the plane) also keeps its place in the plane: the plane through
    // it at right angles to the triangle, weighted as the triangle's own.
    if (keep_plane_border)
      for (int e = 0; e < 3; ++e) {
        const uint32_t a = T[t][static_cast<size_t>(e)], b = T[t][static_cast<size_t>((e + 1) % 3)];
        if (!on_plane[a] || !on_plane[b]) continue;
        const glm::dvec3 edge = P[b] - P[a];
        const glm::dvec3 bn = glm::cross(edge, n);
        const double bl = glm::length(bn);
        if (bl <= 0) continue;
        const glm::dvec3 u = bn / bl;
        for (uint32_t v : {a, b}) Q[v].add_plane(u.x, u.y, u.z, -glm::dot(u, P[a]), kBorderWeight * len);
      }
  }
  auto neighbours = [&](uint32_t v, std::vector<uint32_t>& out) {
    out.clear();
    for (uint32_t t : vt[v])
      for (uint32_t w : T[t])
        if (w != v) out.push_back(w);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  };
  auto best_position = [&](uint32_t a, uint32_t b, double& cost) {
    Quadric q = Q[a];
    q.add(Q[b]);
    // Onto a border vertex, an inner vertex goes to it; between two border vertices (or two inner
    // ones) anywhere of the three.
    if (on_plane[a] != on_plane[b]) {
      const glm::dvec3 best = on_plane[a] ? P[a] : P[b];
      cost = q.eval(best);
      return best;
    }
    const glm::dvec3 cands[3] = {P[a], P[b], 0.5 * (P[a] + P[b])};
    glm::dvec3 best = cands[2];
    cost = q.eval(best);
    for (const auto& c : cands) {
      const double e = q.eval(c);
      if (e < cost) { cost = e; best = c; }
    }
    return best;
  };
  std::vector<HeapItem> heap;
  auto push_edge = [&](uint32_t a, uint32_t b) {
    if (a > b) std::swap(a, b);
    double cost;
    best_position(a, b, cost);
    heap.push_back({std::max(cost, 0.0), a, b, version[a], version[b]});
    std::push_heap(heap.begin(), heap.end(), std::greater<HeapItem>());
  };
  {
    std::vector<uint32_t> nb;
    for (uint32_t v = 0; v < nv; ++v) {
      neighbours(v, nb);
      for (uint32_t w : nb)
        if (w > v) push_edge(v, w);
    }
  }
  size_t live = nt;
  std::vector<uint32_t> na, nbv, common;
  while (live > target_triangles && !heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<HeapItem>());
    const HeapItem it = heap.back();
    heap.pop_back();
    if (it.cost > max_cost) break;
    const uint32_t a = it.a, b = it.b;
    if (version[a] != it.va || version[b] != it.vb) continue;
    // link condition: exactly the two vertices opposite the edge are shared neighbours
    neighbours(a, na);
    neighbours(b, nbv);
    common.clear();
    std::set_intersection(na.begin(), na.end(), nbv.begin(), nbv.end(), std::back_inserter(common));
    // A border edge (both ends on the plane) has one triangle, hence one shared neighbour, and
    // collapses only if that neighbour is inside (a border of three would close up); two border
    // vertices joined through the inside never collapse.
    if (on_plane[a] && on_plane[b]) {
      if (common.size() != 1 || on_plane[common[0]]) continue;
    } else if (common.size() != 2) {
      continue;
    }
    if (na.size() <= 3 || nbv.size() <= 3) continue;  // would collapse a tetrahedron-like piece
    double cost;
    const glm::dvec3 np = best_position(a, b, cost);
    // no triangle may flip or become a sliver
    bool ok = true;
    for (uint32_t v : {a, b}) {
      for (uint32_t t : vt[v]) {
        if (!alive[t]) continue;
        const auto& tri = T[t];
        if ((tri[0] == a || tri[1] == a || tri[2] == a) && (tri[0] == b || tri[1] == b || tri[2] == b)) continue;
        glm::dvec3 p0 = P[tri[0]], p1 = P[tri[1]], p2 = P[tri[2]];
        const glm::dvec3 before = glm::cross(p1 - p0, p2 - p0);
        if (tri[0] == v) p0 = np;
        if (tri[1] == v) p1 = np;
        if (tri[2] == v) p2 = np;
        const glm::dvec3 after = glm::cross(p1 - p0, p2 - p0);
        const double lb = glm::length(before), la = glm::length(after);
        if (la <= 1e-14 || glm::dot(before, after) < 0.2 * lb * la) { ok = false; break; }
        const double e2 = std::max({glm::dot(p1 - p0, p1 - p0), glm::dot(p2 - p1, p2 - p1), glm::dot(p0 - p2, p0 - p2)});
        if (0.5 * la < min_aspect * e2) { ok = false; break; }  // aspect guard
      }
      if (!ok) break;
    }
    if (!ok) continue;
    // collapse b into a
    for (uint32_t t : vt[b]) {
      if (!alive[t]) continue;
      auto& tri = T[t];
      if (tri[0] == a || tri[1] == a || tri[2] == a) {
        alive[t] = 0;
        --live;
        continue;
      }
      for (auto& v : tri)
        if (v == b) v = a;
      vt[a].push_back(t);
    }
    vt[b].clear();
    std::vector<uint32_t> keep;
    for (uint32_t t : vt[a])
      if (alive[t]) keep.push_back(t);
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    vt[a].swap(keep);
    P[a] = np;
    on_plane[a] = on_plane[a] || on_plane[b];
    Q[a].add(Q[b]);
    ++version[a];
    ++version[b];
    neighbours(a, na);
    for (uint32_t w : na) push_edge(a, w);  // only edges at a changed cost
  }
  Mesh out;
  std::vector<uint32_t> remap(nv, UINT32_MAX);
  for (size_t t = 0; t < nt; ++t) {
    if (!alive[t]) continue;
    for (uint32_t v : T[t]) {
      if (remap[v] == UINT32_MAX) {
        remap[v] = static_cast<uint32_t>(out.pos.size());
        out.pos.push_back(glm::vec3(P[v]));
      }
      out.idx.push_back(remap[v]);
    }
  }
  // vertex-cache order for drawing (meshoptimizer), then vertices in first-use order
  std::vector<uint32_t> ordered(out.idx.size());
  meshopt_optimizeVertexCache(ordered.data(), out.idx.data(), out.idx.size(), out.pos.size());
  std::vector<glm::vec3> verts(out.pos.size());
  const size_t used = meshopt_optimizeVertexFetch(verts.data(), ordered.data(), ordered.size(), out.pos.data(), out.pos.size(), sizeof(glm::vec3));
  verts.resize(used);
  out.pos = std::move(verts);
  out.idx = std::move(ordered);
  return out;
}

}  // namespace

Mesh simplify(const Mesh& m, size_t target_triangles, float target_error, double min_aspect) {
  return simplify_impl(m, target_triangles, target_error, min_aspect, false);
}

Mesh simplify_half(const Mesh& half, size_t target_triangles, float target_error, double min_aspect) {
  return simplify_impl(half, target_triangles, target_error, min_aspect, true);
}

Mesh right_half(const Mesh& m) {
  Mesh out;
  std::vector<uint32_t> remap(m.pos.size(), UINT32_MAX);
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3) {
    const float cz = m.pos[m.idx[t]].z + m.pos[m.idx[t + 1]].z + m.pos[m.idx[t + 2]].z;
    if (cz <= 0.0f) continue;
    for (int k = 0; k < 3; ++k) {
      const uint32_t v = m.idx[t + static_cast<size_t>(k)];
      if (remap[v] == UINT32_MAX) {
        remap[v] = static_cast<uint32_t>(out.pos.size());
        glm::vec3 p = m.pos[v];
        if (std::fabs(p.z) < 1e-6f) p.z = 0.0f;
        out.pos.push_back(p);
      }
      out.idx.push_back(remap[v]);
    }
  }
  return out;
}

Mesh mirror_half(const Mesh& half, std::vector<uint32_t>* twin) {
  Mesh out = half;
  const size_t n = half.pos.size();
  std::vector<uint32_t> mirror_of(n);
  for (size_t i = 0; i < n; ++i) {
    if (half.pos[i].z == 0.0f) {
      mirror_of[i] = static_cast<uint32_t>(i);
      continue;
    }
    mirror_of[i] = static_cast<uint32_t>(out.pos.size());
    out.pos.push_back({half.pos[i].x, half.pos[i].y, -half.pos[i].z});
  }
  for (size_t t = 0; t + 2 < half.idx.size(); t += 3)
    out.idx.insert(out.idx.end(), {mirror_of[half.idx[t]], mirror_of[half.idx[t + 2]], mirror_of[half.idx[t + 1]]});
  if (twin) {
    twin->assign(out.pos.size(), 0);
    for (size_t i = 0; i < n; ++i) {
      (*twin)[i] = mirror_of[i];
      (*twin)[mirror_of[i]] = static_cast<uint32_t>(i);
    }
  }
  return out;
}

std::vector<glm::vec3> vertex_normals(const Mesh& m) {
  std::vector<glm::vec3> n(m.pos.size(), glm::vec3(0));
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3) {
    const glm::vec3 &a = m.pos[m.idx[t]], &b = m.pos[m.idx[t + 1]], &c = m.pos[m.idx[t + 2]];
    glm::vec3 fn = glm::cross(b - a, c - a);
    for (int q = 0; q < 3; ++q) n[m.idx[t + q]] += fn;
  }
  for (auto& v : n) {
    float l = glm::length(v);
    v = l > 0 ? v / l : glm::vec3(0, 1, 0);
  }
  return n;
}

Mesh mirror_z(const Mesh& m) {
  Mesh out = m;
  for (auto& p : out.pos) p.z = -p.z;
  for (size_t t = 0; t + 2 < out.idx.size(); t += 3) std::swap(out.idx[t + 1], out.idx[t + 2]);
  return out;
}

Topology topology(const Mesh& m) {
  Topology t;
  t.faces = static_cast<long>(m.triangles());
  std::vector<uint8_t> used(m.pos.size(), 0);
  std::vector<std::pair<uint64_t, int>> he;  // undirected key, +1 for a<b direction, -1 otherwise
  he.reserve(m.idx.size());
  UnionFind uf(m.pos.size());
  for (size_t f = 0; f + 2 < m.idx.size(); f += 3)
    for (int q = 0; q < 3; ++q) {
      uint32_t a = m.idx[f + q], b = m.idx[f + (q + 1) % 3];
      used[a] = 1;
      uf.unite(a, b);
      uint64_t key = (uint64_t(std::min(a, b)) << 32) | std::max(a, b);
      he.emplace_back(key, a < b ? 1 : -1);
    }
  std::sort(he.begin(), he.end());
  for (size_t i = 0; i < he.size();) {
    size_t j = i;
    int sum = 0;
    while (j < he.size() && he[j].first == he[i].first) sum += he[j++].second;
    const size_t count = j - i;
    ++t.edges;
    if (count == 1) ++t.boundary_edges;
    else if (count > 2 || sum != 0) ++t.nonmanifold_edges;
    i = j;
  }
  for (size_t v = 0; v < m.pos.size(); ++v)
    if (used[v]) {
      ++t.vertices;
      if (uf.find(static_cast<uint32_t>(v)) == v) ++t.components;
    }
  t.euler = t.vertices - t.edges + t.faces;
  return t;
}

void bounds(const Mesh& m, glm::vec3& lo, glm::vec3& hi) {
  lo = glm::vec3(1e30f);
  hi = glm::vec3(-1e30f);
  for (auto& p : m.pos) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
}

}  // namespace hiplab::modelgen
