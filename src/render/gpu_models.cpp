// gpu_models.cpp — [SECTION] models: see gpu_models.h.
#include "render/gpu_models.h"

#include <cmath>
#include <limits>
#include <string>

#include "core/log.h"

namespace hiplab {

namespace {

constexpr float kLodErrorPx = 1.0f;  // a level of detail may move the surface by at most this on screen
// ... and a faint layer (the translucent skin: 30 % opaque, fading out at its silhouette) by this.
constexpr float kFaintLodErrorPx = 2.5f;
constexpr GLuint kBonesBinding = 0;

void upload_vertices(GLuint vbo, const void* data, std::size_t bytes, GLenum usage) {
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, usage);
}

void grow(Aabb& box, bool& empty, const glm::vec3& p) {
  if (empty) {
    box.min = box.max = p;
    empty = false;
  } else {
    box.min = glm::min(box.min, p);
    box.max = glm::max(box.max, p);
  }
}

void compute_bounds(const Mesh& mesh, GpuMesh& g) {
  bool empty = true;
  for (const Vertex& v : mesh.vertices) grow(g.local, empty, v.position);
  // Morph targets: widen by each target's largest displacement (weights may reach ±1).
  float reach = 0.0f;
  for (const MorphTarget& t : mesh.morph_targets)
    for (const glm::vec3& d : t.delta_positions) reach = std::max(reach, std::max({std::abs(d.x), std::abs(d.y), std::abs(d.z)}));
  g.local.min -= glm::vec3(reach);
  g.local.max += glm::vec3(reach);
  if (!mesh.skinned) return;
  std::vector<char> used(mesh.vertices.size(), mesh.lods.empty() ? 1 : 0);
  if (!mesh.lods.empty()) {
    for (std::uint32_t i : mesh.lods.back().indices)
      if (i < used.size()) used[i] = 1;
    g.bound_pad = 1.5f * mesh.lods.back().error;
  }
  for (std::size_t i = 0; i < mesh.vertices.size(); ++i)
    if (used[i]) g.bound_points.push_back({mesh.vertices[i].position, mesh.vertices[i].joints, mesh.vertices[i].weights});
  g.bound_pad += reach;
}

// The model an item names, with its mesh index in range; nullptr otherwise. (A template for the
// const and the mutable map alike.)
template <class Models>
auto find_model(Models& models, const MeshDraw& d) -> decltype(&models.begin()->second) {
  auto it = models.find(d.model.id);
  if (it == models.end() || d.mesh < 0 || d.mesh >= static_cast<int>(it->second.meshes.size())) return nullptr;
  return &it->second;
}

void setup_vertex_layout() {
  const GLsizei stride = sizeof(Vertex);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, position)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, normal)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, uv)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 4, GL_UNSIGNED_SHORT, stride, reinterpret_cast<void*>(offsetof(Vertex, joints)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, weights)));
  glEnableVertexAttribArray(5);
  glVertexAttribPointer(5, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, ao)));
}

// A mesh with morph targets: positions and normals from its blended buffer instead.
static_assert(sizeof(MorphBlend::PositionNormal) == 6 * sizeof(float), "the morph buffer is tightly packed");
void setup_morph_layout(GLuint morph_vbo) {
  using PN = MorphBlend::PositionNormal;
  glBindBuffer(GL_ARRAY_BUFFER, morph_vbo);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(PN), reinterpret_cast<void*>(offsetof(PN, position)));
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(PN), reinterpret_cast<void*>(offsetof(PN, normal)));
}

}  // namespace

const Material& GpuModel::material_of(int mesh) const {
  const int mi = std::clamp(meshes[static_cast<std::size_t>(mesh)].material, 0, static_cast<int>(materials.size()) - 1);
  return materials[static_cast<std::size_t>(mi)];
}

void GpuModels::init() {
  glGenBuffers(1, &bones_ubo_);
  glBindBuffer(GL_UNIFORM_BUFFER, bones_ubo_);
  glBufferData(GL_UNIFORM_BUFFER, kMaxBonesPerMesh * sizeof(glm::mat4), nullptr, GL_DYNAMIC_DRAW);
  glBindBufferBase(GL_UNIFORM_BUFFER, kBonesBinding, bones_ubo_);
}

GpuModels::~GpuModels() {
  while (!models_.empty()) release(models_.begin()->first);
  glDeleteBuffers(1, &bones_ubo_);
  for (GpuDynamic& g : dynamic_) {
    glDeleteVertexArrays(1, &g.vao);
    glDeleteBuffers(1, &g.vbo);
    glDeleteBuffers(1, &g.ebo);
  }
}

std::uint32_t GpuModels::upload(const Model& model) {
  GpuModel gm;
  gm.materials = model.materials;
  // A texture past this GPU's own limit (the loader already keeps to 8192 a side) is left out and
  // its materials draw their base colour, rather than an incomplete texture sampling black.
  GLint max_side = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_side);
  for (std::size_t i = 0; i < model.textures.size(); ++i) {
    const Texture& t = model.textures[i];
    if (max_side > 0 && (t.width > max_side || t.height > max_side)) {
      log_warning(model.source + ": texture '" + t.name + "' is " + std::to_string(t.width) + "x" +
                  std::to_string(t.height) + ", past this GPU's " + std::to_string(max_side) +
                  " pixels a side; using the base colour");
      for (Material& m : gm.materials)
        if (m.texture == static_cast<int>(i)) m.texture = -1;
      gm.textures.push_back(0);
      continue;
    }
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_SRGB8_ALPHA8, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, t.rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    gm.textures.push_back(tex);
  }
  for (const Mesh& mesh : model.meshes) {
    GpuMesh g;
    g.material = mesh.material;
    g.skinned = mesh.skinned;
    compute_bounds(mesh, g);
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ebo);
    glBindVertexArray(g.vao);
    upload_vertices(g.vbo, mesh.vertices.data(), mesh.vertices.size() * sizeof(Vertex), GL_STATIC_DRAW);
    if (!mesh.morph_targets.empty()) {
      g.default_weights = mesh.default_morph_weights;
      g.morph = MorphBlend(mesh, g.default_weights);
      glGenBuffers(1, &g.morph_vbo);
      upload_vertices(g.morph_vbo, g.morph.blended().data(), g.morph.blended().size() * sizeof(MorphBlend::PositionNormal),
                      GL_DYNAMIC_DRAW);
    }
    std::vector<std::uint32_t> all = mesh.indices;
    g.lods.push_back({0, static_cast<GLsizei>(mesh.indices.size()), 0.0f});
    for (const MeshLod& l : mesh.lods) {
      if (l.indices.empty()) continue;
      g.lods.push_back({all.size() * sizeof(std::uint32_t), static_cast<GLsizei>(l.indices.size()), l.error});
      all.insert(all.end(), l.indices.begin(), l.indices.end());
    }
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(all.size() * sizeof(std::uint32_t)), all.data(),
                 GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    setup_vertex_layout();
    if (g.morph_vbo) setup_morph_layout(g.morph_vbo);
    glBindVertexArray(0);
    gm.meshes.push_back(std::move(g));
  }
  const std::uint32_t id = next_id_++;
  models_.emplace(id, std::move(gm));
  return id;
}

void GpuModels::release(std::uint32_t id) {
  auto it = models_.find(id);
  if (it == models_.end()) return;
  for (GpuMesh& g : it->second.meshes) {
    glDeleteVertexArrays(1, &g.vao);
    glDeleteBuffers(1, &g.vbo);
    glDeleteBuffers(1, &g.ebo);
    if (g.morph_vbo) glDeleteBuffers(1, &g.morph_vbo);
  }
  for (GLuint t : it->second.textures) glDeleteTextures(1, &t);
  models_.erase(it);
}

void GpuModels::upload_dynamic(const DrawList& list) {
  while (dynamic_.size() < list.dynamic_meshes.size()) {
    GpuDynamic g;
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ebo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
    setup_vertex_layout();
    glBindVertexArray(0);
    dynamic_.push_back(g);
  }
  dynamic_boxes_.assign(list.dynamic_meshes.size(), {Aabb{}, false});
  for (std::size_t i = 0; i < list.dynamic_meshes.size(); ++i) {
    const DynamicMesh& d = list.dynamic_meshes[i];
    bool empty = true;
    for (const Vertex& v : d.vertices) grow(dynamic_boxes_[i].first, empty, v.position);
    dynamic_boxes_[i].second = !empty;
    glBindVertexArray(dynamic_[i].vao);
    glBindBuffer(GL_ARRAY_BUFFER, dynamic_[i].vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.vertices.size() * sizeof(Vertex)), d.vertices.data(),
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.indices.size() * sizeof(std::uint32_t)),
                 d.indices.data(), GL_STREAM_DRAW);
  }
  glBindVertexArray(0);
}

const GpuModel* GpuModels::model_of(const MeshDraw& d) const { return find_model(models_, d); }

const GpuMesh* GpuModels::mesh_of(const MeshDraw& d) const {
  const GpuModel* gm = model_of(d);
  return gm ? &gm->meshes[static_cast<std::size_t>(d.mesh)] : nullptr;
}

bool GpuModels::world_box(const DrawList& list, const MeshDraw& d, Aabb& out, float* scale) const {
  bool empty = true;
  auto add_box = [&](const Aabb& b, const glm::mat4& m) {
    for (int i = 0; i < 8; ++i) {
      const glm::vec3 c((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
      grow(out, empty, glm::vec3(m * glm::vec4(c, 1.0f)));
    }
    if (scale)
      *scale = std::max({*scale, glm::length(glm::vec3(m[0])), glm::length(glm::vec3(m[1])), glm::length(glm::vec3(m[2]))});
  };
  if (scale) *scale = 0.0f;
  if (d.dynamic_mesh >= 0) {
    if (d.dynamic_mesh >= static_cast<int>(dynamic_boxes_.size())) return false;
    const auto& [box, known] = dynamic_boxes_[static_cast<std::size_t>(d.dynamic_mesh)];
    if (!known) return false;
    out = box;
    if (scale) *scale = 1.0f;
    return true;
  }
  const GpuMesh* g = mesh_of(d);
  if (!g) return false;
  const bool skinned = g->skinned && d.skin_offset >= 0 && d.skin_count > 0 &&
                       d.skin_offset + d.skin_count <= static_cast<int>(list.skin_matrices.size());
  if (skinned) {
    const glm::mat4* bones = &list.skin_matrices[static_cast<std::size_t>(d.skin_offset)];
    for (const GpuMesh::BoundPoint& b : g->bound_points) {
      glm::vec3 p(0.0f);
      for (int k = 0; k < 4; ++k)
        if (b.weights[k] > 0.0f && b.joints[k] < d.skin_count) p += b.weights[k] * glm::vec3(bones[b.joints[k]] * glm::vec4(b.position, 1.0f));
      grow(out, empty, p);
    }
    float s = 0.0f;
    for (int j = 0; j < d.skin_count; ++j)
      s = std::max({s, glm::length(glm::vec3(bones[j][0])), glm::length(glm::vec3(bones[j][1])), glm::length(glm::vec3(bones[j][2]))});
    if (scale) *scale = s;
    out.min -= glm::vec3(g->bound_pad * s);
    out.max += glm::vec3(g->bound_pad * s);
  } else {
    add_box(g->local, d.node_world);
  }
  return !empty;
}

void GpuModels::choose_lods(const DrawList& list, const glm::mat4& view_proj, float px_per_unit, std::vector<int>& out) const {
  out.assign(list.meshes.size(), 0);
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (d.dynamic_mesh >= 0) continue;
    const GpuMesh* g = mesh_of(d);
    if (!g || g->lods.size() < 2) continue;
    Aabb box;
    float scale = 1.0f;
    if (!world_box(list, d, box, &scale)) continue;
    float min_w = std::numeric_limits<float>::max();
    for (int c = 0; c < 8; ++c) {
      const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
      min_w = std::min(min_w, (view_proj * glm::vec4(p, 1.0f)).w);
    }
    if (!(min_w > 1e-4f)) continue;  // reaches the eye plane: full detail
    int lod = 0;
    const float limit = d.simple_shading ? kFaintLodErrorPx : kLodErrorPx;
    for (std::size_t l = 1; l < g->lods.size(); ++l)
      if (g->lods[l].error * scale * px_per_unit / min_w <= limit) lod = static_cast<int>(l);
    out[i] = lod;
  }
}

void GpuModels::use_program(Program& p, const glm::mat4& view_proj) {
  glUseProgram(p.id);
  set_uniform(p, "u_view_proj", view_proj);
  const GLuint block = glGetUniformBlockIndex(p.id, "Bones");
  if (block != GL_INVALID_INDEX) glUniformBlockBinding(p.id, block, kBonesBinding);
}

GpuMesh* GpuModels::prepare_draw(Program& p, const DrawList& list, const MeshDraw& d) {
  GpuModel* gm = find_model(models_, d);
  if (!gm) return nullptr;
  GpuMesh& g = gm->meshes[static_cast<std::size_t>(d.mesh)];
  const bool skinned = g.skinned && d.skin_offset >= 0 && d.skin_count > 0 &&
                       d.skin_offset + d.skin_count <= static_cast<int>(list.skin_matrices.size());
  set_uniform(p, "u_skinned", skinned ? 1 : 0);
  set_uniform(p, "u_model", d.node_world);
  if (skinned) {
    // Bound here, not once: another renderer or library in the same context may have taken the
    // binding point since.
    glBindBufferBase(GL_UNIFORM_BUFFER, kBonesBinding, bones_ubo_);
    glBindBuffer(GL_UNIFORM_BUFFER, bones_ubo_);
    const int n = std::min(d.skin_count, kMaxBonesPerMesh);
    glBufferSubData(GL_UNIFORM_BUFFER, 0, static_cast<GLsizeiptr>(n * sizeof(glm::mat4)),
                    &list.skin_matrices[static_cast<std::size_t>(d.skin_offset)]);
  }
  if (g.morph_vbo) {
    const std::size_t n_targets = g.morph.target_count();
    const float* w = g.default_weights.data();
    std::size_t nw = g.default_weights.size();
    if (d.morph_offset >= 0 && static_cast<std::size_t>(d.morph_offset) + n_targets <= list.morph_weights.size()) {
      w = &list.morph_weights[static_cast<std::size_t>(d.morph_offset)];
      nw = n_targets;
    }
    const MorphBlend::Span changed = g.morph.update(w, nw);
    if (!changed.empty()) {
      // Into the buffer in place: a vertex buffer is read when the draw is issued (and a GPU
      // driver copies a range still in flight), so no orphaning, and only the changed span goes.
      using PN = MorphBlend::PositionNormal;
      glBindBuffer(GL_ARRAY_BUFFER, g.morph_vbo);
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(changed.first * sizeof(PN)),
                      static_cast<GLsizeiptr>((changed.end - changed.first) * sizeof(PN)), &g.morph.blended()[changed.first]);
    }
  }
  return &g;
}

bool GpuModels::bind_dynamic(Program& p, const DrawList& list, const MeshDraw& d) {
  if (d.dynamic_mesh < 0 || d.dynamic_mesh >= static_cast<int>(list.dynamic_meshes.size())) return false;
  const DynamicMesh& dm = list.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
  if (d.first_index < 0 || d.index_count <= 0 ||
      static_cast<std::size_t>(d.first_index) + static_cast<std::size_t>(d.index_count) > dm.indices.size())
    return false;
  set_uniform(p, "u_skinned", 0);
  set_uniform(p, "u_model", glm::mat4(1.0f));
  glBindVertexArray(dynamic_[static_cast<std::size_t>(d.dynamic_mesh)].vao);
  return true;
}

void GpuModels::draw_dynamic(const MeshDraw& d) {
  glDrawElements(GL_TRIANGLES, d.index_count, GL_UNSIGNED_INT,
                 reinterpret_cast<void*>(static_cast<std::uintptr_t>(d.first_index) * sizeof(std::uint32_t)));
}

void GpuModels::draw_lod(const GpuMesh& g, int lod) {
  const GpuMesh::Lod& l = g.level(lod);
  glBindVertexArray(g.vao);
  glDrawElements(GL_TRIANGLES, l.count, GL_UNSIGNED_INT, reinterpret_cast<void*>(l.offset));
}

void GpuModels::draw_geometry(Program& p, const DrawList& list, const MeshDraw& d, int lod) {
  if (d.dynamic_mesh >= 0) {
    if (bind_dynamic(p, list, d)) draw_dynamic(d);
    return;
  }
  GpuMesh* g = prepare_draw(p, list, d);
  if (g) draw_lod(*g, lod);
}

}  // namespace hiplab
