// bodyparts3d.cpp — see bodyparts3d.h.
#include "bodyparts3d.h"

#include <cstdint>

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
  return {(a0 + a1) * 0.5f, (b0 + b1) * 0.5f, (b1.y - b0.y) / (a1.y - a0.y)};
}

void apply(const BoxAlignment& a, Mesh& m) {
  for (glm::vec3& p : m.pos) p = (p - a.from) * a.scale + a.onto;
}

}  // namespace hiplab::modelgen
