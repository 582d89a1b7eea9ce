// bodyparts3d.cpp — see bodyparts3d.h.
#include "bodyparts3d.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <glm/gtc/quaternion.hpp>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

namespace hiplab::modelgen {

bool load_bodyparts3d(const std::string& path, Mesh& out) {
  Assimp::Importer imp;
  const aiScene* s = imp.ReadFile(path, aiProcess_Triangulate | aiProcess_PreTransformVertices);
  if (!s) return false;
  for (unsigned i = 0; i < s->mNumMeshes; ++i) {
    const aiMesh* m = s->mMeshes[i];
    const auto base = static_cast<uint32_t>(out.pos.size());
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      const aiVector3D q = m->mVertices[v];  // after the root node: X left, Y posterior, Z up (mm)
      out.pos.push_back(glm::vec3(-q.y, q.z, -q.x) * 0.001f);
    }
    for (unsigned f = 0; f < m->mNumFaces; ++f)
      if (m->mFaces[f].mNumIndices == 3)
        for (int k = 0; k < 3; ++k) out.idx.push_back(base + m->mFaces[f].mIndices[k]);
  }
  return !out.pos.empty();
}

BoxAlignment box_alignment(const Mesh& m, const Mesh& to) {
  glm::vec3 a0(1e9f), a1(-1e9f), b0(1e9f), b1(-1e9f);
  for (const glm::vec3& p : m.pos) a0 = glm::min(a0, p), a1 = glm::max(a1, p);
  for (const glm::vec3& p : to.pos) b0 = glm::min(b0, p), b1 = glm::max(b1, p);
  return {(a0 + a1) * 0.5f, (b0 + b1) * 0.5f, (b1.y - b0.y) / (a1.y - a0.y), glm::mat3(1.0f)};
}

namespace {
// Horn (1987), closed-form absolute orientation with unit quaternions: the rotation taking the
// centred points p onto the centred points q is the quaternion of the largest eigenvalue of N.
glm::dmat3 horn_rotation(const std::vector<glm::dvec3>& p, const std::vector<glm::dvec3>& q) {
  double s[3][3] = {};
  for (size_t i = 0; i < p.size(); ++i)
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 3; ++b) s[a][b] += p[i][a] * q[i][b];
  const double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1], syz = s[1][2], szx = s[2][0], szy = s[2][1], szz = s[2][2];
  const double n[4][4] = {{sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
                          {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
                          {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
                          {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
  // Power iteration on N + c I (c bounds every eigenvalue's magnitude, so the largest one of N is
  // the dominant one), from the identity quaternion.
  double c = 0;
  for (auto& r : n)
    for (double v : r) c += std::fabs(v);
  double v[4] = {1, 0, 0, 0};
  for (int it = 0; it < 500; ++it) {
    double w[4] = {};
    for (int a = 0; a < 4; ++a) {
      w[a] = c * v[a];
      for (int b = 0; b < 4; ++b) w[a] += n[a][b] * v[b];
    }
    const double len = std::sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
    for (int a = 0; a < 4; ++a) v[a] = w[a] / len;
  }
  const glm::dquat qr(v[0], v[1], v[2], v[3]);
  return glm::mat3_cast(qr);
}
}  // namespace

BoxAlignment rigid_alignment(const Mesh& m, const Mesh& to) {
  BoxAlignment a = box_alignment(m, to);
  // About 3000 of the reference's points against about 6000 of ours (every k-th vertex).
  std::vector<glm::dvec3> src, dst;
  const size_t ks = std::max<size_t>(1, m.pos.size() / 3000), kd = std::max<size_t>(1, to.pos.size() / 6000);
  for (size_t i = 0; i < m.pos.size(); i += ks) src.push_back(glm::dvec3((m.pos[i] - a.from) * a.scale));
  for (size_t i = 0; i < to.pos.size(); i += kd) dst.push_back(glm::dvec3(to.pos[i]));
  glm::dmat3 r(1.0);
  glm::dvec3 t(a.onto);
  std::vector<glm::dvec3> p, q;
  std::vector<double> d2(src.size());
  for (int it = 0; it < 40; ++it) {
    std::vector<glm::dvec3> near(src.size());
    for (size_t i = 0; i < src.size(); ++i) {
      const glm::dvec3 x = r * src[i] + t;
      double best = 1e300;
      for (const glm::dvec3& y : dst) {
        const glm::dvec3 d = y - x;
        const double e = glm::dot(d, d);
        if (e < best) best = e, near[i] = y;
      }
      d2[i] = best;
    }
    // Pairs farther than three times the median distance are left out (parts one bone has and the
    // other shapes differently).
    std::vector<double> sorted = d2;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double cut = 9.0 * sorted[sorted.size() / 2];
    p.clear();
    q.clear();
    glm::dvec3 pc(0.0), qc(0.0);
    for (size_t i = 0; i < src.size(); ++i)
      if (d2[i] <= cut) p.push_back(src[i]), q.push_back(near[i]), pc += src[i], qc += near[i];
    pc /= double(p.size());
    qc /= double(q.size());
    for (size_t i = 0; i < p.size(); ++i) p[i] -= pc, q[i] -= qc;
    r = horn_rotation(p, q);
    t = qc - r * pc;
  }
  a.rot = glm::mat3(r);
  a.onto = glm::vec3(t);
  return a;
}

glm::vec3 rotation_degrees(const glm::mat3& r) {
  // R = Rz Ry Rx: r[0][2] (column 0, row 2) = -sin(ry)
  const float ry = std::asin(std::clamp(-r[0][2], -1.0f, 1.0f));
  const float rx = std::atan2(r[1][2], r[2][2]);
  const float rz = std::atan2(r[0][1], r[0][0]);
  return glm::degrees(glm::vec3(rx, ry, rz));
}

void apply(const BoxAlignment& a, Mesh& m) {
  for (glm::vec3& p : m.pos) p = a.rot * ((p - a.from) * a.scale) + a.onto;
}

}  // namespace hiplab::modelgen
