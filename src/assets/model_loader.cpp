// model_loader.cpp — Assimp → runtime Model. See model_loader.h for the contract.
#include "assets/model_loader.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <meshoptimizer.h>
#include <stb_image.h>

#include "assets/muscle_volumes.h"
#include "assets/node_transforms.h"
#include "core/log.h"

namespace hiplab {
namespace {

namespace fs = std::filesystem;

glm::mat4 to_glm(const aiMatrix4x4& m) {
  // Assimp is row-major (a1..a4 is the first row); glm is column-major.
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

bool finite(const aiVector3D& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

std::string fmt_count(std::size_t n) { return std::to_string(n); }

struct Ctx {
  std::string path;
  const aiScene* scene = nullptr;
  Model model;
  std::unordered_map<std::string, int> node_by_name;
  std::vector<int> node_of_ai_mesh;  // first node that references each aiMesh
  std::size_t texture_bytes = 0;     // decoded so far
  LoadReport* report = nullptr;

  void warn(const std::string& what) {
    std::string msg = path + ": " + what;
    log_warning(msg);
    if (report) report->warnings.push_back(std::move(msg));
  }
};

// Parents first, depth first, without recursion: a file may nest nodes deeper than any stack.
void add_nodes(Ctx& c, const aiNode* root) {
  std::vector<std::pair<const aiNode*, int>> todo{{root, -1}};
  while (!todo.empty()) {
    const auto [n, parent] = todo.back();
    todo.pop_back();
    const int index = static_cast<int>(c.model.nodes.size());
    c.model.nodes.push_back(ModelNode{n->mName.C_Str(), parent, to_glm(n->mTransformation)});
    c.node_by_name.emplace(n->mName.C_Str(), index);  // first wins on duplicate names
    for (unsigned i = 0; i < n->mNumMeshes; ++i)
      if (n->mMeshes[i] < c.node_of_ai_mesh.size() && c.node_of_ai_mesh[n->mMeshes[i]] < 0) c.node_of_ai_mesh[n->mMeshes[i]] = index;
    for (unsigned i = n->mNumChildren; i-- > 0;) todo.push_back({n->mChildren[i], index});  // first child first
  }
}

// Why a texture of w x h pixels cannot be taken, or "" when it can (issue 14: at most
// kMaxTextureSide a side, kMaxTextureBytes decoded over the model).
std::string texture_size_problem(const Ctx& c, long long w, long long h) {
  if (w <= 0 || h <= 0) return "has no pixels";
  if (w > kMaxTextureSide || h > kMaxTextureSide)
    return "is " + std::to_string(w) + "x" + std::to_string(h) + " pixels (at most " + std::to_string(kMaxTextureSide) +
           " a side)";
  if (c.texture_bytes + static_cast<std::size_t>(w * h * 4) > kMaxTextureBytes)
    return "would take the model's textures past " + std::to_string(kMaxTextureBytes >> 20) + " MiB decoded";
  return "";
}

// The file a texture reference names, when it is a regular file inside the model's folder (or a
// folder below it); otherwise an error saying why not. Absolute paths, "..", and links that lead
// out of the folder are refused: a model must not make HipLab read any file on the machine, and a
// named pipe or a device would hang the read.
Result<fs::path> texture_file(const Ctx& c, const std::string& name) {
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(fs::absolute(fs::path(c.path), ec).parent_path(), ec);
  const fs::path ref(name);
  if (ref.is_absolute()) return make_error("texture '" + name + "' is outside the model's folder (an absolute path)");
  const fs::path file = fs::weakly_canonical(folder / ref, ec);
  if (ec) return make_error("texture '" + name + "' could not be found");
  const fs::path rel = file.lexically_relative(folder);
  if (rel.empty() || *rel.begin() == "..") return make_error("texture '" + name + "' is outside the model's folder");
  if (!fs::exists(file, ec)) return make_error("texture '" + name + "' was not found in the model's folder");
  if (!fs::is_regular_file(file, ec)) return make_error("texture '" + name + "' is not a regular file (a pipe or a device?)");
  return file;
}
Result<int> load_texture(Ctx& c, const aiString& ref) {
  const std::string name = ref.C_Str();
  int w = 0, h = 0, comp = 0;
  unsigned char* pixels = nullptr;
  Texture tex;
  tex.name = name;
  if (const aiTexture* emb = c.scene->GetEmbeddedTexture(ref.C_Str())) {
    if (emb->mHeight == 0) {
      // Compressed (PNG, JPEG...): its size is read from the header before anything is decoded.
      const auto* bytes = reinterpret_cast<const stbi_uc*>(emb->pcData);
      const int len = static_cast<int>(std::min<unsigned>(emb->mWidth, 0x7fffffffu));
      if (!stbi_info_from_memory(bytes, len, &w, &h, &comp)) return make_error("texture '" + name + "' could not be decoded");
      if (std::string why = texture_size_problem(c, w, h); !why.empty()) return make_error("texture '" + name + "' " + why);
      pixels = stbi_load_from_memory(bytes, len, &w, &h, &comp, 4);
    } else {
      if (std::string why = texture_size_problem(c, emb->mWidth, emb->mHeight); !why.empty())
        return make_error("texture '" + name + "' " + why);
      tex.width = static_cast<int>(emb->mWidth);
      tex.height = static_cast<int>(emb->mHeight);
      tex.rgba.resize(static_cast<std::size_t>(tex.width) * static_cast<std::size_t>(tex.height) * 4);
      for (std::size_t i = 0; i < tex.rgba.size() / 4; ++i) {
        const aiTexel& t = emb->pcData[i];
        tex.rgba[i * 4 + 0] = t.r;
        tex.rgba[i * 4 + 1] = t.g;
        tex.rgba[i * 4 + 2] = t.b;
        tex.rgba[i * 4 + 3] = t.a;
      }
    }
  } else {
    auto file = texture_file(c, name);
    if (!file) return file.error();
    if (!stbi_info(file->string().c_str(), &w, &h, &comp))
      return make_error("texture '" + name + "' could not be read (" + stbi_failure_reason() + ")");
    if (std::string why = texture_size_problem(c, w, h); !why.empty()) return make_error("texture '" + name + "' " + why);
    pixels = stbi_load(file->string().c_str(), &w, &h, &comp, 4);
    if (!pixels) return make_error("texture '" + name + "' could not be read (" + stbi_failure_reason() + ")");
  }
  if (pixels) {
    tex.width = w;
    tex.height = h;
    tex.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    stbi_image_free(pixels);
  }
  if (tex.rgba.empty()) return make_error("texture '" + name + "' could not be decoded");
  c.texture_bytes += tex.rgba.size();
  c.model.textures.push_back(std::move(tex));
  return static_cast<int>(c.model.textures.size()) - 1;
}

void add_materials(Ctx& c) {
  std::map<std::string, int> texture_cache;  // path -> texture index, or -1 when it failed
  bool zero_opacity = false;
  for (unsigned i = 0; i < c.scene->mNumMaterials; ++i) {
    const aiMaterial* am = c.scene->mMaterials[i];
    Material m;
    aiString name;
    if (am->Get(AI_MATKEY_NAME, name) == AI_SUCCESS) m.name = name.C_Str();
    aiColor4D col;
    if (am->Get(AI_MATKEY_BASE_COLOR, col) == AI_SUCCESS || am->Get(AI_MATKEY_COLOR_DIFFUSE, col) == AI_SUCCESS)
      m.base_color = glm::clamp(glm::vec4(col.r, col.g, col.b, col.a), glm::vec4(0.0f), glm::vec4(1.0f));
    float opacity = 1.0f;
    if (am->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && std::isfinite(opacity) && opacity < 1.0f) {
      // Some exporters (COLLADA from Maya among them) write opacity 0 for opaque materials; a fully
      // invisible material is never what the author meant, so it is read as opaque.
      if (opacity <= 0.001f) zero_opacity = true;
      else m.base_color.a = std::clamp(opacity, 0.0f, 1.0f);
    }
    int two_sided = 0;
    if (am->Get(AI_MATKEY_TWOSIDED, two_sided) == AI_SUCCESS) m.double_sided = two_sided != 0;
    aiString tex_path;
    if (am->GetTexture(aiTextureType_BASE_COLOR, 0, &tex_path) == AI_SUCCESS ||
        am->GetTexture(aiTextureType_DIFFUSE, 0, &tex_path) == AI_SUCCESS) {
      auto it = texture_cache.find(tex_path.C_Str());
      if (it != texture_cache.end()) {
        m.texture = it->second;
      } else {
        Result<int> t = load_texture(c, tex_path);
        if (t) {
          m.texture = t.value();
        } else {
          c.warn(t.error().message + "; using the base colour");
        }
        texture_cache[tex_path.C_Str()] = m.texture;
      }
    }
    c.model.materials.push_back(std::move(m));
  }
  if (zero_opacity) c.warn("materials with opacity 0 were read as opaque");
  if (c.model.materials.empty()) c.model.materials.push_back(Material{"default", {0.8f, 0.8f, 0.8f, 1.0f}, -1, false});
}

// Merges vertices that are identical in every attribute (position, normal, uv, skin joints and
// weights, every morph target's deltas), keeping first occurrences in order: what Assimp's
// JoinIdenticalVertices step did for files that repeat vertices (unindexed triangles), at a small
// part of its cost — under callgrind that step was 300 of the 713 million instructions `hiplab info`
// takes to load the body, whose vertices are all distinct already (so it comes through unchanged).
void join_identical_vertices(Mesh& m) {
  const std::size_t n = m.vertices.size();
  if (n == 0) return;
  static_assert(sizeof(Vertex) == 60, "Vertex has no padding: its bytes are its attributes");
  // Vertices that differ in their own attributes differ whatever their targets' deltas: where no
  // two share those (the shipped body), nothing is joined, without hashing every target's deltas
  // (with the skin's 45 shapes, 1.1 kB a vertex: about a fifth of the load).
  if (!m.morph_targets.empty()) {
    std::unordered_set<std::string_view> seen;
    seen.reserve(n);
    bool repeats = false;
    for (std::size_t v = 0; v < n && !repeats; ++v)
      repeats = !seen.emplace(reinterpret_cast<const char*>(&m.vertices[v]), sizeof(Vertex)).second;
    if (!repeats) return;
  }
  // One record per vertex, compared byte for byte: its attributes, then each target's two deltas.
  const std::size_t stride = sizeof(Vertex) + m.morph_targets.size() * 2 * sizeof(glm::vec3);
  std::vector<unsigned char> records(n * stride);
  for (std::size_t v = 0; v < n; ++v) {
    unsigned char* r = records.data() + v * stride;
    std::memcpy(r, &m.vertices[v], sizeof(Vertex));
    r += sizeof(Vertex);
    for (const MorphTarget& t : m.morph_targets) {
      std::memcpy(r, &t.delta_positions[v], sizeof(glm::vec3));
      std::memcpy(r + sizeof(glm::vec3), &t.delta_normals[v], sizeof(glm::vec3));
      r += 2 * sizeof(glm::vec3);
    }
  }
  // Vertex order: the first of each kind keeps its place, so a mesh without repeats maps onto itself.
  std::unordered_map<std::string_view, unsigned> first;
  first.reserve(n);
  std::vector<unsigned> remap(n);
  unsigned unique = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const std::string_view key(reinterpret_cast<const char*>(records.data() + v * stride), stride);
    const auto [it, added] = first.emplace(key, unique);
    remap[v] = it->second;
    unique += added ? 1u : 0u;
  }
  if (unique == n) return;
  std::vector<Vertex> vertices(unique);
  meshopt_remapVertexBuffer(vertices.data(), m.vertices.data(), n, sizeof(Vertex), remap.data());
  m.vertices = std::move(vertices);
  meshopt_remapIndexBuffer(m.indices.data(), m.indices.data(), m.indices.size(), remap.data());
  for (MorphTarget& t : m.morph_targets) {
    std::vector<glm::vec3> p(unique), nr(unique);
    meshopt_remapVertexBuffer(p.data(), t.delta_positions.data(), n, sizeof(glm::vec3), remap.data());
    meshopt_remapVertexBuffer(nr.data(), t.delta_normals.data(), n, sizeof(glm::vec3), remap.data());
    t.delta_positions = std::move(p);
    t.delta_normals = std::move(nr);
  }
}

Status add_mesh(Ctx& c, unsigned mi) {
  const aiMesh* am = c.scene->mMeshes[mi];
  Mesh m;
  m.name = am->mName.length ? am->mName.C_Str() : "mesh" + std::to_string(mi);
  const std::string where = "mesh '" + m.name + "'";
  m.material = std::min(static_cast<int>(am->mMaterialIndex), static_cast<int>(c.model.materials.size()) - 1);
  m.node = c.node_of_ai_mesh[mi];
  m.vertices.resize(am->mNumVertices);
  for (unsigned v = 0; v < am->mNumVertices; ++v) {
    if (!finite(am->mVertices[v]))
      return make_error(c.path + ": " + where + " has a non-finite position at vertex " + std::to_string(v) +
                        " (expected finite numbers)");
    Vertex& out = m.vertices[v];
    out.position = {am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z};
    if (am->mNormals && finite(am->mNormals[v])) {
      glm::vec3 n(am->mNormals[v].x, am->mNormals[v].y, am->mNormals[v].z);
      const float len = glm::length(n);
      out.normal = len > 1e-12f ? n / len : glm::vec3(0, 1, 0);
    }
    if (am->mTextureCoords[0]) out.uv = {am->mTextureCoords[0][v].x, am->mTextureCoords[0][v].y};
  }
  for (unsigned f = 0; f < am->mNumFaces; ++f) {
    const aiFace& face = am->mFaces[f];
    if (face.mNumIndices != 3) continue;  // points and lines were split off by SortByPType
    for (int k = 0; k < 3; ++k) m.indices.push_back(face.mIndices[k]);
  }

  if (am->mNumBones > 0) {
    if (am->mNumBones + 1 > static_cast<unsigned>(kMaxBonesPerMesh))
      return make_error(c.path + ": " + where + " has " + fmt_count(am->mNumBones) + " bones (at most " +
                        std::to_string(kMaxBonesPerMesh - 1) + " per mesh are supported)");
    m.skinned = true;
    std::vector<std::vector<std::pair<float, int>>> influences(am->mNumVertices);
    for (unsigned b = 0; b < am->mNumBones; ++b) {
      const aiBone* bone = am->mBones[b];
      auto it = c.node_by_name.find(bone->mName.C_Str());
      if (it == c.node_by_name.end())
        return make_error(c.path + ": " + where + " bone '" + bone->mName.C_Str() + "' has no node of that name");
      m.joint_nodes.push_back(it->second);
      m.inverse_bind.push_back(to_glm(bone->mOffsetMatrix));
      for (unsigned w = 0; w < bone->mNumWeights; ++w) {
        const aiVertexWeight& vw = bone->mWeights[w];
        if (!std::isfinite(vw.mWeight) || vw.mWeight < 0.0f)
          return make_error(c.path + ": " + where + " bone '" + bone->mName.C_Str() + "' has a " +
                            (std::isfinite(vw.mWeight) ? "negative" : "non-finite") + " weight for vertex " +
                            std::to_string(vw.mVertexId) + " (expected a finite weight >= 0)");
        if (vw.mVertexId < am->mNumVertices && vw.mWeight > 0.0f)
          influences[vw.mVertexId].push_back({vw.mWeight, static_cast<int>(b)});
      }
    }
    std::size_t renormalised = 0, unweighted = 0, truncated = 0;
    int self_joint = -1;  // vertices with no weight follow the mesh's node
    for (unsigned v = 0; v < am->mNumVertices; ++v) {
      auto& inf = influences[v];
      if (inf.empty()) {
        if (self_joint < 0) {
          NodeTransforms bind = NodeTransforms::bind(c.model);
          self_joint = static_cast<int>(m.joint_nodes.size());
          const int node = m.node >= 0 ? m.node : 0;
          m.joint_nodes.push_back(node);
          m.inverse_bind.push_back(glm::inverse(bind.world[static_cast<std::size_t>(node)]));
        }
        inf.push_back({1.0f, self_joint});
        ++unweighted;
      }
      std::stable_sort(inf.begin(), inf.end(), [](auto& a, auto& b) { return a.first > b.first; });
      if (inf.size() > static_cast<std::size_t>(kMaxWeightsPerVertex)) {
        inf.resize(kMaxWeightsPerVertex);
        ++truncated;
      }
      float sum = 0.0f;
      for (auto& [w, j] : inf) sum += w;
      if (std::fabs(sum - 1.0f) > 1e-3f) ++renormalised;
      Vertex& out = m.vertices[v];
      for (std::size_t k = 0; k < inf.size(); ++k) {
        out.weights[static_cast<int>(k)] = inf[k].first / sum;
        out.joints[static_cast<int>(k)] = static_cast<std::uint16_t>(inf[k].second);
      }
    }
    if (truncated)
      c.warn(where + ": " + fmt_count(truncated) + " vertices had more than 4 weights; kept the 4 largest");
    if (renormalised)
      c.warn(where + ": " + fmt_count(renormalised) + " vertices had weights not summing to 1; normalised them");
    if (unweighted) c.warn(where + ": " + fmt_count(unweighted) + " vertices had no weights; they follow the mesh node");
  }

  for (unsigned a = 0; a < am->mNumAnimMeshes; ++a) {
    const aiAnimMesh* anim = am->mAnimMeshes[a];
    if (!anim->mVertices || anim->mNumVertices != am->mNumVertices) continue;
    MorphTarget t;
    t.name = anim->mName.length ? anim->mName.C_Str() : "target" + std::to_string(a);
    t.delta_positions.resize(am->mNumVertices);
    t.delta_normals.assign(am->mNumVertices, glm::vec3(0.0f));
    for (unsigned v = 0; v < am->mNumVertices; ++v) {
      if (!finite(anim->mVertices[v]))
        return make_error(c.path + ": " + where + " morph target '" + t.name + "' has a non-finite position");
      // Assimp stores morph targets as absolute positions; the runtime model keeps deltas.
      const aiVector3D d = anim->mVertices[v] - am->mVertices[v];
      t.delta_positions[v] = {d.x, d.y, d.z};
      if (anim->mNormals && am->mNormals && finite(anim->mNormals[v])) {
        const aiVector3D dn = anim->mNormals[v] - am->mNormals[v];
        t.delta_normals[v] = {dn.x, dn.y, dn.z};
      }
    }
    m.morph_targets.push_back(std::move(t));
    m.default_morph_weights.push_back(std::isfinite(anim->mWeight) ? anim->mWeight : 0.0f);
  }

  if (m.indices.empty()) return Status(Ok{});  // point/line meshes are not drawn
  join_identical_vertices(m);
  c.model.meshes.push_back(std::move(m));
  return Status(Ok{});
}

}  // namespace

Result<Model> load_model(const std::string& path, LoadReport* report) {
  const auto t0 = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::exists(path, ec)) return make_error(path + ": file not found");
  if (fs::is_directory(path, ec)) return make_error(path + ": is a directory (expected a model file)");
  // A named pipe or a device would block the read for ever (issue 14).
  if (!fs::is_regular_file(path, ec)) return make_error(path + ": not a regular file (expected a model file)");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return make_error(path + ": cannot be read (check the file's permissions)");
    if (fs::file_size(path, ec) == 0) return make_error(path + ": file is empty (expected a glTF, FBX or COLLADA model)");
  }

  Assimp::Importer importer;
  // Keep the node hierarchy and skin; make triangles with normals; split points and lines off.
  // (Identical vertices are joined afterwards, join_identical_vertices: Assimp's own step cost 42%
  // of the body's load.)
  const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                         aiProcess_ValidateDataStructure | aiProcess_FlipUVs;
  const aiScene* scene = importer.ReadFile(path, flags);
  if (!scene) {
    std::string why = importer.GetErrorString();
    if (why.empty()) why = "unknown error";
    std::replace(why.begin(), why.end(), '\n', ' ');
    return make_error(path + ": not a model Assimp can read (" + why + ")");
  }
  if (!scene->mRootNode || scene->mNumMeshes == 0) return make_error(path + ": no mesh in the file (expected at least one)");

  Ctx c;
  c.path = path;
  c.scene = scene;
  c.report = report;
  c.model.source = path;
  c.node_of_ai_mesh.assign(scene->mNumMeshes, -1);
  add_nodes(c, scene->mRootNode);
  add_materials(c);
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    Status s = add_mesh(c, i);
    if (!s) return s.error();
  }
  if (c.model.meshes.empty()) return make_error(path + ": no triangle mesh in the file (expected at least one)");

  Status valid = validate_model(c.model);
  if (!valid) return valid.error();
  {
    auto volumes = read_muscle_volumes(path);  // the generated body's sidecar; none in other files
    if (!volumes) return volumes.error();
    c.model.muscle_volumes = std::move(volumes.value());
  }
  c.model.bind_bounds = posed_bounds(c.model, NodeTransforms::bind(c.model));
  for (int k = 0; k < 3; ++k)
    if (!std::isfinite(c.model.bind_bounds.min[k]) || !std::isfinite(c.model.bind_bounds.max[k]))
      return make_error(path + ": the bind pose has non-finite coordinates (check node transforms)");
  c.model.load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return std::move(c.model);
}

Status validate_model(const Model& model) {
  const std::string& f = model.source;
  if (model.meshes.empty()) return make_error(f + ": no mesh (expected at least one)");
  if (model.materials.empty()) return make_error(f + ": no material (expected at least one)");
  for (std::size_t i = 0; i < model.nodes.size(); ++i)
    if (model.nodes[i].parent >= static_cast<int>(i))
      return make_error(f + ": node '" + model.nodes[i].name + "' comes before its parent");
  for (const Mesh& m : model.meshes) {
    const std::string where = f + ": mesh '" + m.name + "'";
    if (m.indices.size() % 3 != 0) return make_error(where + " index count is not a multiple of 3");
    for (std::uint32_t idx : m.indices)
      if (idx >= m.vertices.size()) return make_error(where + " has an index past its vertices");
    if (m.material < 0 || m.material >= static_cast<int>(model.materials.size()))
      return make_error(where + " refers to a missing material");
    if (m.node >= static_cast<int>(model.nodes.size())) return make_error(where + " hangs on a missing node");
    if (m.skinned) {
      if (m.joint_nodes.size() != m.inverse_bind.size() || m.joint_nodes.size() > kMaxBonesPerMesh)
        return make_error(where + " has " + std::to_string(m.joint_nodes.size()) + " joints (at most " +
                          std::to_string(kMaxBonesPerMesh) + ")");
      for (int j : m.joint_nodes)
        if (j < 0 || j >= static_cast<int>(model.nodes.size())) return make_error(where + " has a joint on a missing node");
    }
    for (const Vertex& v : m.vertices) {
      for (int k = 0; k < 3; ++k)
        if (!std::isfinite(v.position[k])) return make_error(where + " has a non-finite position");
      if (m.skinned) {
        float sum = 0.0f;
        for (int k = 0; k < 4; ++k) {
          if (!std::isfinite(v.weights[k]) || v.weights[k] < 0.0f) return make_error(where + " has a bad weight");
          if (v.weights[k] > 0.0f && v.joints[k] >= m.joint_nodes.size())
            return make_error(where + " has a weight on a missing joint");
          sum += v.weights[k];
        }
        if (std::fabs(sum - 1.0f) > 1e-3f) return make_error(where + " has weights not summing to 1");
      }
    }
    for (const MorphTarget& t : m.morph_targets)
      if (t.delta_positions.size() != m.vertices.size())
        return make_error(where + " morph target '" + t.name + "' does not match the vertex count");
  }
  return Status(Ok{});
}

}  // namespace hiplab
