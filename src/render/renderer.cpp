// renderer.cpp — see renderer.h. [SECTION] markers: programs, models, framebuffers, passes.
#include "render/renderer.h"

#include "core/pixel_rects.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <glm/gtc/type_ptr.hpp>

#include "render/gl.h"
#include "render/overlay_pass.h"
#include "render/gl_program.h"
#include "render/shader_sources.h"

namespace hiplab {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] programs
// ---------------------------------------------------------------------------------------------

void set(Program& p, const char* n, const glm::mat4& m) { glUniformMatrix4fv(p.loc(n), 1, GL_FALSE, glm::value_ptr(m)); }
void set(Program& p, const char* n, const glm::vec4& v) { glUniform4fv(p.loc(n), 1, glm::value_ptr(v)); }
void set(Program& p, const char* n, const glm::vec3& v) { glUniform3fv(p.loc(n), 1, glm::value_ptr(v)); }
void set(Program& p, const char* n, const glm::vec2& v) { glUniform2fv(p.loc(n), 1, glm::value_ptr(v)); }
void set(Program& p, const char* n, float v) { glUniform1f(p.loc(n), v); }
void set(Program& p, const char* n, int v) { glUniform1i(p.loc(n), v); }

// ---------------------------------------------------------------------------------------------
// [SECTION] models
// ---------------------------------------------------------------------------------------------

struct GpuMesh {
  GLuint vao = 0, vbo = 0, ebo = 0;
  // Levels of detail in the one index buffer: [0] the full mesh, then lighter ones (Mesh::lods).
  struct Lod {
    std::uintptr_t offset = 0;  // bytes
    GLsizei count = 0;
    float error = 0.0f;  // mesh units
  };
  std::vector<Lod> lods;
  Aabb local;  // mesh space, every morph target's reach included
  // Skinned: the points skinned on the CPU each frame for the mesh's screen box — the vertices of
  // its coarsest level (every vertex when it has no levels), with `bound_pad` (mesh units) for what
  // the full surface may stray from them.
  struct BoundPoint {
    glm::vec3 position;
    glm::u16vec4 joints;
    glm::vec4 weights;
  };
  std::vector<BoundPoint> bound_points;
  float bound_pad = 0.0f;
  int material = 0;
  bool skinned = false;
  // For morph targets, blended on the CPU when a draw asks for other weights than the defaults.
  std::vector<Vertex> base;
  std::vector<MorphTarget> targets;
  std::vector<float> default_weights;
  std::vector<float> uploaded_weights;
};

struct GpuModel {
  std::vector<GpuMesh> meshes;
  std::vector<Material> materials;
  std::vector<GLuint> textures;
};

std::vector<Vertex> blend_morphs(const std::vector<Vertex>& base, const std::vector<MorphTarget>& targets,
                                 const float* weights, std::size_t n_weights) {
  std::vector<Vertex> out = base;
  for (std::size_t t = 0; t < targets.size() && t < n_weights; ++t) {
    const float w = weights[t];
    if (w == 0.0f) continue;
    for (std::size_t v = 0; v < out.size(); ++v) {
      out[v].position += w * targets[t].delta_positions[v];
      out[v].normal += w * targets[t].delta_normals[v];
    }
  }
  return out;
}

void upload_vertices(GpuMesh& g, const std::vector<Vertex>& vertices, bool dynamic) {
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(),
               dynamic ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
}

// IEC 61966-2-1, as shaders/encode_srgb.glsl.
float encode_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
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

// ---------------------------------------------------------------------------------------------
// [SECTION] framebuffers
// ---------------------------------------------------------------------------------------------

struct Targets {
  int width = 0, height = 0, samples = 0;
  GLuint msaa_fbo = 0, msaa_color = 0, msaa_depth = 0;
  GLuint resolve_fbo = 0, resolve_color = 0, resolve_depth = 0;
  GLuint background_fbo = 0, background_color = 0;  // the floor without its shadow, kept between frames
  int generation = 0;                                // bumped whenever the targets are made anew

  void destroy() {
    glDeleteFramebuffers(1, &msaa_fbo);
    glDeleteFramebuffers(1, &resolve_fbo);
    glDeleteFramebuffers(1, &background_fbo);
    glDeleteTextures(1, &background_color);
    glDeleteTextures(1, &msaa_color);
    glDeleteTextures(1, &msaa_depth);
    glDeleteRenderbuffers(1, &resolve_depth);
    glDeleteTextures(1, &resolve_color);
    const int g = generation;
    *this = Targets{};
    generation = g + 1;
  }

  Status ensure(int w, int h, int s) {
    if (w == width && h == height && s == samples && msaa_fbo) return Status(Ok{});
    destroy();
    width = w;
    height = h;
    samples = s;
    glGenFramebuffers(1, &msaa_fbo);
    glGenTextures(1, &msaa_color);
    glGenTextures(1, &msaa_depth);
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo);
    // Colour as a multisample texture: the composite pass reads its samples (composite.frag.glsl).
    // (Depth too, so both attachments are made the same way and agree on their sample count.)
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_color);
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, s, GL_RGBA8, w, h, GL_TRUE);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, msaa_color, 0);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, msaa_depth);
    // Depth with stencil: the stencil marks the screen regions the caller keeps (DrawList::kept_regions).
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, s, GL_DEPTH24_STENCIL8, w, h, GL_TRUE);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D_MULTISAMPLE, msaa_depth, 0);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      destroy();
      return make_error("cannot make a " + std::to_string(w) + "x" + std::to_string(h) + " framebuffer with " +
                        std::to_string(s) + " samples (out of video memory?)");
    }
    glGenFramebuffers(1, &resolve_fbo);
    glGenTextures(1, &resolve_color);
    glGenRenderbuffers(1, &resolve_depth);
    glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo);
    glBindTexture(GL_TEXTURE_2D, resolve_color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolve_color, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, resolve_depth);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, resolve_depth);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      destroy();
      return make_error("cannot make a " + std::to_string(w) + "x" + std::to_string(h) + " resolve framebuffer");
    }
    glGenFramebuffers(1, &background_fbo);
    glGenTextures(1, &background_color);
    glBindTexture(GL_TEXTURE_2D, background_color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, background_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, background_color, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      destroy();
      return make_error("cannot make a " + std::to_string(w) + "x" + std::to_string(h) + " background framebuffer");
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return Status(Ok{});
  }
};

struct GpuDynamic {
  GLuint vao = 0, vbo = 0, ebo = 0;
};

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

// The contact-shadow map: 128 x 128 over the floor disc's square, blurred by the floor's own taps
// (floor.vert.glsl) rather than by mipmaps, which on a software renderer cost a pass per level.
constexpr int kShadowSize = 128;
constexpr int kFloorCells = 32;  // the floor grid: kFloorCells x kFloorCells over the disc's square

// Triangles of floor grid cell (i, j) that touch the unit disc, appended to `out`.
void append_floor_cell(int i, int j, std::vector<std::uint32_t>& out) {
  const float x0 = -1.0f + 2.0f * static_cast<float>(i) / kFloorCells, x1 = -1.0f + 2.0f * static_cast<float>(i + 1) / kFloorCells;
  const float z0 = -1.0f + 2.0f * static_cast<float>(j) / kFloorCells, z1 = -1.0f + 2.0f * static_cast<float>(j + 1) / kFloorCells;
  const float nx = std::clamp(0.0f, x0, x1), nz = std::clamp(0.0f, z0, z1);  // nearest point to the centre
  if (nx * nx + nz * nz >= 1.0f) return;
  const std::uint32_t a = static_cast<std::uint32_t>(j * (kFloorCells + 1) + i), b = a + 1,
                      c = a + static_cast<std::uint32_t>(kFloorCells + 1), d = c + 1;
  out.insert(out.end(), {a, b, d, a, d, c});
}
constexpr float kLodErrorPx = 1.0f;  // a level of detail may move the surface by at most this on screen
// ... and a faint layer (the translucent skin: 30 % opaque, fading out at its silhouette) by this.
constexpr float kFaintLodErrorPx = 2.5f;
constexpr GLuint kBonesBinding = 0;

}  // namespace

struct Renderer::Impl {
  Program mesh, textured, shadow, floor, pick, plain, simple, composite;
  GLuint pick_fbo = 0, pick_color = 0, pick_depth = 0;
  int pick_w = 0, pick_h = 0;
  GLuint bones_ubo = 0;
  GLuint empty_vao = 0, floor_vao = 0, floor_vbo = 0, floor_ebo = 0, footprint_ebo = 0;
  std::vector<std::uint32_t> footprint;  // this frame: the floor cells the contact shadow may reach
  // What the cached background was drawn for; drawn again when any of it changes.
  struct BackgroundKey {
    int generation = -1, width = 0, height = 0;
    glm::mat4 view_proj{0.0f};
    glm::vec4 clear{0.0f}, color{0.0f};
    glm::vec2 centre{0.0f};
    float radius = 0.0f, height_m = 0.0f;
    bool operator==(const BackgroundKey&) const = default;
  } background_key;
  GLsizei floor_indices = 0;
  GLuint shadow_fbo = 0, shadow_tex = 0;
  GLuint white_tex = 0;
  Targets targets;
  std::map<std::uint32_t, GpuModel> models;
  std::vector<GpuDynamic> dynamic;
  std::vector<std::pair<Aabb, bool>> dynamic_boxes;  // per dynamic mesh this frame: box, known
  std::vector<int> lods, shadow_lods;                 // per list item this frame
  std::unique_ptr<OverlayPass> overlay;
  std::uint32_t next_id = 1;
  GLint max_samples = 1, max_rb_size = 0;
  GLuint queries[4] = {};
  int query_head = 0, queries_pending = 0;
  double last_gpu_ms = -1.0;

  void bind_mesh_uniforms_common(Program& p, const glm::mat4& view_proj) {
    glUseProgram(p.id);
    set(p, "u_view_proj", view_proj);
    const GLuint block = glGetUniformBlockIndex(p.id, "Bones");
    if (block != GL_INVALID_INDEX) glUniformBlockBinding(p.id, block, kBonesBinding);
  }

  void upload_dynamic(const DrawList& list) {
    while (dynamic.size() < list.dynamic_meshes.size()) {
      GpuDynamic g;
      glGenVertexArrays(1, &g.vao);
      glGenBuffers(1, &g.vbo);
      glGenBuffers(1, &g.ebo);
      glBindVertexArray(g.vao);
      glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
      setup_vertex_layout();
      glBindVertexArray(0);
      dynamic.push_back(g);
    }
    dynamic_boxes.assign(list.dynamic_meshes.size(), {Aabb{}, false});
    for (std::size_t i = 0; i < list.dynamic_meshes.size(); ++i) {
      const DynamicMesh& d = list.dynamic_meshes[i];
      bool empty = true;
      for (const Vertex& v : d.vertices) grow(dynamic_boxes[i].first, empty, v.position);
      dynamic_boxes[i].second = !empty;
      glBindVertexArray(dynamic[i].vao);
      glBindBuffer(GL_ARRAY_BUFFER, dynamic[i].vbo);
      glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.vertices.size() * sizeof(Vertex)), d.vertices.data(),
                   GL_STREAM_DRAW);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(d.indices.size() * sizeof(std::uint32_t)),
                   d.indices.data(), GL_STREAM_DRAW);
    }
    glBindVertexArray(0);
  }

  // Binds the geometry of a dynamic-mesh draw; false if the draw is out of range.
  bool bind_dynamic(Program& p, const DrawList& list, const MeshDraw& d) {
    if (d.dynamic_mesh < 0 || d.dynamic_mesh >= static_cast<int>(list.dynamic_meshes.size())) return false;
    const DynamicMesh& dm = list.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
    if (d.first_index < 0 || d.index_count <= 0 ||
        static_cast<std::size_t>(d.first_index) + static_cast<std::size_t>(d.index_count) > dm.indices.size())
      return false;
    set(p, "u_skinned", 0);
    set(p, "u_model", glm::mat4(1.0f));
    glBindVertexArray(dynamic[static_cast<std::size_t>(d.dynamic_mesh)].vao);
    return true;
  }

  void draw_dynamic(const MeshDraw& d) {
    glDrawElements(GL_TRIANGLES, d.index_count, GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(static_cast<std::uintptr_t>(d.first_index) * sizeof(std::uint32_t)));
  }

  static void draw_lod(const GpuMesh& g, int lod) {
    const GpuMesh::Lod& l = g.lods[static_cast<std::size_t>(std::clamp(lod, 0, static_cast<int>(g.lods.size()) - 1))];
    glBindVertexArray(g.vao);
    glDrawElements(GL_TRIANGLES, l.count, GL_UNSIGNED_INT, reinterpret_cast<void*>(l.offset));
  }

  // Draws one item's geometry with `p` (a pass without materials: shadow, pick) at level `lod`.
  void draw_geometry(Program& p, const DrawList& list, const MeshDraw& d, int lod) {
    if (d.dynamic_mesh >= 0) {
      if (bind_dynamic(p, list, d)) draw_dynamic(d);
      return;
    }
    GpuMesh* g = prepare_draw(p, list, d, nullptr);
    if (g) draw_lod(*g, lod);
  }

  const GpuMesh* find_mesh(const MeshDraw& d) const {
    auto it = models.find(d.model.id);
    if (it == models.end() || d.mesh < 0 || d.mesh >= static_cast<int>(it->second.meshes.size())) return nullptr;
    return &it->second.meshes[static_cast<std::size_t>(d.mesh)];
  }

  // The world-space box of one draw this frame; false when unknown.
  bool world_box(const DrawList& list, const MeshDraw& d, Aabb& out, float* scale) const {
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
      if (d.dynamic_mesh >= static_cast<int>(dynamic_boxes.size())) return false;
      const auto& [box, known] = dynamic_boxes[static_cast<std::size_t>(d.dynamic_mesh)];
      if (!known) return false;
      out = box;
      if (scale) *scale = 1.0f;
      return true;
    }
    const GpuMesh* g = find_mesh(d);
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

  // Chooses each draw's level of detail for a view: the coarsest whose error spans at most
  // kLodErrorPx pixels at the draw's nearest depth. `px_per_unit` is the pixels one world unit
  // spans at depth 1 (perspective: P[1][1] · height / 2; orthographic: the same with w = 1).
  void choose_lods(const DrawList& list, const glm::mat4& view_proj, float px_per_unit, std::vector<int>& out) const {
    out.assign(list.meshes.size(), 0);
    for (std::size_t i = 0; i < list.meshes.size(); ++i) {
      const MeshDraw& d = list.meshes[i];
      if (d.dynamic_mesh >= 0) continue;
      const GpuMesh* g = find_mesh(d);
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

  // Sets u_model / u_skinned / bones for one draw; returns the GPU mesh or nullptr.
  GpuMesh* prepare_draw(Program& p, const DrawList& list, const MeshDraw& d, GpuModel** model_out) {
    auto it = models.find(d.model.id);
    if (it == models.end() || d.mesh < 0 || d.mesh >= static_cast<int>(it->second.meshes.size())) return nullptr;
    GpuModel& gm = it->second;
    GpuMesh& g = gm.meshes[static_cast<std::size_t>(d.mesh)];
    if (model_out) *model_out = &gm;
    const bool skinned = g.skinned && d.skin_offset >= 0 && d.skin_count > 0 &&
                         d.skin_offset + d.skin_count <= static_cast<int>(list.skin_matrices.size());
    set(p, "u_skinned", skinned ? 1 : 0);
    set(p, "u_model", d.node_world);
    if (skinned) {
      // Bound here, not once: another renderer or library in the same context may have taken the
      // binding point since.
      glBindBufferBase(GL_UNIFORM_BUFFER, kBonesBinding, bones_ubo);
      glBindBuffer(GL_UNIFORM_BUFFER, bones_ubo);
      const int n = std::min(d.skin_count, kMaxBonesPerMesh);
      glBufferSubData(GL_UNIFORM_BUFFER, 0, static_cast<GLsizeiptr>(n * sizeof(glm::mat4)),
                      &list.skin_matrices[static_cast<std::size_t>(d.skin_offset)]);
    }
    if (!g.targets.empty()) {
      const float* w = g.default_weights.data();
      std::size_t nw = g.default_weights.size();
      if (d.morph_offset >= 0 && d.morph_offset + static_cast<int>(g.targets.size()) <= static_cast<int>(list.morph_weights.size())) {
        w = &list.morph_weights[static_cast<std::size_t>(d.morph_offset)];
        nw = g.targets.size();
      }
      std::vector<float> want(w, w + nw);
      if (want != g.uploaded_weights) {
        upload_vertices(g, blend_morphs(g.base, g.targets, want.data(), want.size()), true);
        g.uploaded_weights = want;
      }
    }
    return &g;
  }
};

Result<std::unique_ptr<Renderer>> Renderer::create() {
  std::unique_ptr<Renderer> r(new Renderer());
  r->impl_ = std::make_unique<Impl>();
  Impl& m = *r->impl_;
  auto mesh = link("mesh.vert.glsl", "mesh.frag.glsl");
  if (!mesh) return mesh.error();
  auto shadow = link("mesh.vert.glsl", "shadow.frag.glsl");
  if (!shadow) return shadow.error();
  auto floor = link("floor.vert.glsl", "floor.frag.glsl");
  if (!floor) return floor.error();
  auto pick = link("mesh.vert.glsl", "pick.frag.glsl");
  if (!pick) return pick.error();
  m.pick = pick.value();
  auto plain = link("mesh.vert.glsl", "plain.frag.glsl");
  if (!plain) return plain.error();
  m.plain = plain.value();
  auto simple = link("mesh.vert.glsl", "simple.frag.glsl");
  if (!simple) return simple.error();
  m.simple = simple.value();
  m.mesh = mesh.value();
  auto composite = link("composite.vert.glsl", "composite.frag.glsl");
  if (!composite) return composite.error();
  m.composite = composite.value();
  auto textured = link("mesh.vert.glsl", "textured.frag.glsl");
  if (!textured) return textured.error();
  m.textured = textured.value();
  m.shadow = shadow.value();
  m.floor = floor.value();

  glGenBuffers(1, &m.bones_ubo);
  glBindBuffer(GL_UNIFORM_BUFFER, m.bones_ubo);
  glBufferData(GL_UNIFORM_BUFFER, kMaxBonesPerMesh * sizeof(glm::mat4), nullptr, GL_DYNAMIC_DRAW);
  glBindBufferBase(GL_UNIFORM_BUFFER, kBonesBinding, m.bones_ubo);

  glGenVertexArrays(1, &m.empty_vao);
  glGenVertexArrays(1, &m.floor_vao);
  glGenBuffers(1, &m.floor_vbo);
  glGenBuffers(1, &m.floor_ebo);
  glGenBuffers(1, &m.footprint_ebo);
  glBindVertexArray(m.floor_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.floor_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.floor_ebo);
  // A 32 x 32 grid over [-1, 1]^2, shaded per vertex (the shadow lookups run in the vertex shader,
  // so each grid point is shaded once: indexed), without the cells wholly outside the unit disc,
  // where the floor has faded into the background colour.
  std::vector<float> grid;
  std::vector<std::uint32_t> cells;
  constexpr int kCells = kFloorCells;
  for (int j = 0; j <= kCells; ++j)
    for (int i = 0; i <= kCells; ++i) grid.insert(grid.end(), {-1.0f + 2.0f * i / kCells, -1.0f + 2.0f * j / kCells});
  for (int j = 0; j < kCells; ++j)
    for (int i = 0; i < kCells; ++i) append_floor_cell(i, j, cells);
  m.floor_indices = static_cast<GLsizei>(cells.size());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(grid.size() * sizeof(float)), grid.data(), GL_STATIC_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(cells.size() * sizeof(std::uint32_t)), cells.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);

  glGenTextures(1, &m.shadow_tex);
  glBindTexture(GL_TEXTURE_2D, m.shadow_tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kShadowSize, kShadowSize, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glGenFramebuffers(1, &m.shadow_fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, m.shadow_fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m.shadow_tex, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);

  glGenTextures(1, &m.white_tex);
  glBindTexture(GL_TEXTURE_2D, m.white_tex);
  const std::uint8_t white[4] = {255, 255, 255, 255};
  glTexImage2D(GL_TEXTURE_2D, 0, GL_SRGB8_ALPHA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);

  glGetIntegerv(GL_MAX_SAMPLES, &m.max_samples);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &m.max_rb_size);
  glGenQueries(4, m.queries);
  auto overlay = OverlayPass::create();
  if (!overlay) return overlay.error();
  m.overlay = std::move(overlay.value());
  return r;
}

Renderer::~Renderer() {
  if (!impl_) return;
  Impl& m = *impl_;
  m.overlay.reset();
  while (!m.models.empty()) release(ModelHandle{m.models.begin()->first});
  m.targets.destroy();
  glDeleteProgram(m.mesh.id);
  glDeleteProgram(m.textured.id);
  glDeleteProgram(m.composite.id);
  glDeleteProgram(m.shadow.id);
  glDeleteProgram(m.floor.id);
  glDeleteProgram(m.pick.id);
  glDeleteProgram(m.plain.id);
  glDeleteProgram(m.simple.id);
  glDeleteFramebuffers(1, &m.pick_fbo);
  glDeleteRenderbuffers(1, &m.pick_color);
  glDeleteRenderbuffers(1, &m.pick_depth);
  glDeleteBuffers(1, &m.bones_ubo);
  glDeleteBuffers(1, &m.floor_vbo);
  glDeleteBuffers(1, &m.floor_ebo);
  glDeleteBuffers(1, &m.footprint_ebo);
  glDeleteVertexArrays(1, &m.empty_vao);
  glDeleteVertexArrays(1, &m.floor_vao);
  glDeleteFramebuffers(1, &m.shadow_fbo);
  glDeleteTextures(1, &m.shadow_tex);
  glDeleteTextures(1, &m.white_tex);
  glDeleteQueries(4, m.queries);
  for (GpuDynamic& g : m.dynamic) {
    glDeleteVertexArrays(1, &g.vao);
    glDeleteBuffers(1, &g.vbo);
    glDeleteBuffers(1, &g.ebo);
  }
}

Result<ModelHandle> Renderer::upload(const Model& model) {
  Impl& m = *impl_;
  GpuModel gm;
  gm.materials = model.materials;
  for (const Texture& t : model.textures) {
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
    if (!mesh.morph_targets.empty()) {
      g.base = mesh.vertices;
      g.targets = mesh.morph_targets;
      g.default_weights = mesh.default_morph_weights;
      g.uploaded_weights = mesh.default_morph_weights;
      upload_vertices(g, blend_morphs(g.base, g.targets, g.default_weights.data(), g.default_weights.size()), true);
    } else {
      upload_vertices(g, mesh.vertices, false);
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
    setup_vertex_layout();
    glBindVertexArray(0);
    gm.meshes.push_back(std::move(g));
  }
  const std::uint32_t id = m.next_id++;
  m.models.emplace(id, std::move(gm));
  return ModelHandle{id};
}

void Renderer::release(ModelHandle handle) {
  auto it = impl_->models.find(handle.id);
  if (it == impl_->models.end()) return;
  for (GpuMesh& g : it->second.meshes) {
    glDeleteVertexArrays(1, &g.vao);
    glDeleteBuffers(1, &g.vbo);
    glDeleteBuffers(1, &g.ebo);
  }
  for (GLuint t : it->second.textures) glDeleteTextures(1, &t);
  impl_->models.erase(it);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] passes
// ---------------------------------------------------------------------------------------------

Status Renderer::render(const DrawList& list, const OrbitCamera& camera, int width, int height, int msaa) {
  Impl& m = *impl_;
  const int limit = std::min(kMaxRenderSize, m.max_rb_size > 0 ? m.max_rb_size : kMaxRenderSize);
  if (width < 1 || height < 1 || width > limit || height > limit)
    return make_error("image size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range (1.." +
                      std::to_string(limit) + " per side)");
  const int samples = std::clamp(msaa, 1, std::max(1, m.max_samples));
  ++serial_;
  const int generation = m.targets.generation;
  kept_intact_ = false;
  Status ok = m.targets.ensure(width, height, samples);
  if (!ok) return ok;
  kept_intact_ = m.targets.generation == generation;
  samples_ = samples;

  // Timer query ring: begin this frame's, collect older finished ones without stalling.
  GLuint query = m.queries[m.query_head];
  if (m.queries_pending == 4) gpu_ms(true);
  glBeginQuery(GL_TIME_ELAPSED, query);

  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const glm::mat4 proj = camera.projection(aspect);
  const glm::mat4 view_proj = proj * camera.view();
  glDisable(GL_CULL_FACE);
  m.upload_dynamic(list);
  m.choose_lods(list, view_proj, proj[1][1] * 0.5f * static_cast<float>(height), m.lods);

  // Where the scene can be: the screen rectangle of every multisampled item's box. Only that
  // rectangle is multisampled; the background and floor around it are drawn once per pixel (they
  // have no edges there), which on a software renderer saves most of the cost of clearing and
  // resolving a multisampled frame.
  glm::vec2 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  const glm::vec2 size(static_cast<float>(width), static_cast<float>(height));
  auto add_px = [&](glm::vec2 a, glm::vec2 b) {
    lo = glm::min(lo, a);
    hi = glm::max(hi, b);
  };
  for (const MeshDraw& d : list.meshes) {
    if (d.shadow_only || d.simple_shading) continue;
    Aabb box;
    if (!m.world_box(list, d, box, nullptr)) {
      add_px(glm::vec2(0.0f), size);
      continue;
    }
    glm::vec2 blo(std::numeric_limits<float>::max()), bhi(-std::numeric_limits<float>::max());
    bool whole = false;
    for (int c = 0; c < 8 && !whole; ++c) {
      const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
      const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
      if (!(clip.w > 1e-5f)) {
        whole = true;  // reaches behind the eye: it may cover any part of the view
        break;
      }
      const glm::vec2 px = (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * size;
      blo = glm::min(blo, px);
      bhi = glm::max(bhi, px);
    }
    if (whole) add_px(glm::vec2(0.0f), size);
    else add_px(blo, bhi);
  }
  if (!list.plain) m.overlay->prepare(list, view_proj, width, height);
  // Two pixels of margin for rasterisation rules; clamp to the view.
  int rx0 = static_cast<int>(std::clamp(std::floor(lo.x) - 2.0f, 0.0f, size.x));
  int ry0 = static_cast<int>(std::clamp(std::floor(lo.y) - 2.0f, 0.0f, size.y));
  int rx1 = static_cast<int>(std::clamp(std::ceil(hi.x) + 2.0f, 0.0f, size.x));
  int ry1 = static_cast<int>(std::clamp(std::ceil(hi.y) + 2.0f, 0.0f, size.y));
  // The caller's kept regions (its unchanged opaque panels), in GL's bottom-left pixels: the scene
  // is not drawn there (a stencil of 1 marks them), and the multisampled rectangle shrinks to what
  // they leave visible.
  const glm::ivec4 view_rect(0, 0, width, height);
  std::vector<glm::ivec4> kept;
  if (!list.plain)
    for (const glm::ivec4& k : list.kept_regions) {
      const glm::ivec4 r = rect_intersection(view_rect, glm::ivec4(k.x, height - (k.y + k.w), k.z, k.w));
      if (!rect_empty(r)) kept.push_back(r);
    }
  const std::vector<glm::ivec4> open_rects = uncovered_rects(view_rect, kept);
  if (!kept.empty() && rx1 > rx0 && ry1 > ry0) {
    int ux0 = width, uy0 = height, ux1 = 0, uy1 = 0;
    for (const glm::ivec4& u : uncovered_rects(glm::ivec4(rx0, ry0, rx1 - rx0, ry1 - ry0), kept)) {
      ux0 = std::min(ux0, u.x);
      uy0 = std::min(uy0, u.y);
      ux1 = std::max(ux1, u.x + u.z);
      uy1 = std::max(uy1, u.y + u.w);
    }
    rx0 = ux0;
    ry0 = uy0;
    rx1 = ux1;
    ry1 = uy1;
  }
  const bool any = rx1 > rx0 && ry1 > ry0;
  // Stencil 1 over the kept regions (inside the current scissor), then test for 0 from here on.
  auto mark_kept = [&](const glm::ivec4& scissor) {
    if (kept.empty()) return;
    glClearStencil(1);
    for (const glm::ivec4& k : kept) {
      const glm::ivec4 r = rect_intersection(scissor, k);
      if (rect_empty(r)) continue;
      glScissor(r.x, r.y, r.z, r.w);
      glClear(GL_STENCIL_BUFFER_BIT);
    }
    glClearStencil(0);
    glScissor(scissor.x, scissor.y, scissor.z, scissor.w);
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_EQUAL, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  };
  std::size_t triangles = 0;
  last_rect_ = any ? glm::ivec4(rx0, ry0, rx1 - rx0, ry1 - ry0) : glm::ivec4(0);

  // Contact shadow: closeness map seen from above over the floor disc's square.
  // The floor is not drawn from below (it would hide the scene, which is always laid over it).
  const bool floor = list.floor.visible && !list.plain && camera.eye().y > list.floor.height;
  if (floor) {
    glBindFramebuffer(GL_FRAMEBUFFER, m.shadow_fbo);
    glViewport(0, 0, kShadowSize, kShadowSize);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_MAX);
    const float r = list.floor.radius;
    const glm::vec3 c(list.floor.centre.x, 0.0f, list.floor.centre.y);
    // World (x, z) → clip (x, y) over the square [c - r, c + r]; depth unused.
    glm::mat4 top(0.0f);
    top[0][0] = 1.0f / r;
    top[2][1] = 1.0f / r;
    top[3][0] = -c.x / r;
    top[3][1] = -c.z / r;
    top[3][3] = 1.0f;
    m.choose_lods(list, top, 0.5f * kShadowSize, m.shadow_lods);
    // The floor cells the shadow can reach: the casters' boxes seen from above, widened by the
    // floor's blur (two texels plus the bilinear one) and a cell, so the cells around keep shadow 0
    // at their shared corners and match the cached shadow-free floor exactly.
    m.footprint.clear();
    {
      glm::vec2 flo(std::numeric_limits<float>::max()), fhi(-std::numeric_limits<float>::max());
      for (const MeshDraw& d : list.meshes) {
        if (!d.casts_shadow) continue;
        Aabb box;
        if (!m.world_box(list, d, box, nullptr)) {
          flo = glm::vec2(-1e9f);
          fhi = glm::vec2(1e9f);
          break;
        }
        flo = glm::min(flo, glm::vec2(box.min.x, box.min.z));
        fhi = glm::max(fhi, glm::vec2(box.max.x, box.max.z));
      }
      if (flo.x <= fhi.x) {
        const float margin = 4.0f * 2.0f * r / static_cast<float>(kShadowSize);
        auto cell = [&](float world, float centre) {
          return static_cast<int>(std::floor(((world - centre) / r * 0.5f + 0.5f) * kFloorCells));
        };
        const int i0 = std::clamp(cell(flo.x - margin, c.x) - 1, 0, kFloorCells - 1);
        const int i1 = std::clamp(cell(fhi.x + margin, c.x) + 1, 0, kFloorCells - 1);
        const int j0 = std::clamp(cell(flo.y - margin, c.z) - 1, 0, kFloorCells - 1);
        const int j1 = std::clamp(cell(fhi.y + margin, c.z) + 1, 0, kFloorCells - 1);
        for (int j = j0; j <= j1; ++j)
          for (int i = i0; i <= i1; ++i) append_floor_cell(i, j, m.footprint);
      }
    }
    m.bind_mesh_uniforms_common(m.shadow, top);
    set(m.shadow, "u_floor_height", list.floor.height);
    set(m.shadow, "u_reach", std::max(list.floor.shadow_reach, 1e-3f));
    for (std::size_t i = 0; i < list.meshes.size(); ++i) {
      const MeshDraw& d = list.meshes[i];
      if (!d.casts_shadow) continue;
      if (d.cull_back) glEnable(GL_CULL_FACE);
      else glDisable(GL_CULL_FACE);
      m.draw_geometry(m.shadow, list, d, m.shadow_lods[i]);
    }
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_CULL_FACE);
  }

  // The floor, shaded per vertex, blending into the clear colour at its rim. shadowed: with the
  // contact shadow (else strength 0: the kept background); cells: a subset of the grid's triangles
  // (the floor VAO's own index buffer is bound again afterwards), or all of them.
  auto draw_floor = [&](bool shadowed, const std::vector<std::uint32_t>* cells) {
    if (!floor) return;
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glDepthMask(GL_FALSE);
    glUseProgram(m.floor.id);
    set(m.floor, "u_clear", list.clear_color);
    set(m.floor, "u_view_proj", view_proj);
    set(m.floor, "u_centre", list.floor.centre);
    set(m.floor, "u_radius", list.floor.radius);
    set(m.floor, "u_height", list.floor.height);
    set(m.floor, "u_color", list.floor.color);
    set(m.floor, "u_shadow_strength", shadowed ? list.floor.shadow_strength : 0.0f);
    set(m.floor, "u_texel", 1.0f / static_cast<float>(kShadowSize));
    set(m.floor, "u_shadow", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m.shadow_tex);
    glBindVertexArray(m.floor_vao);
    if (cells) {
      if (!cells->empty()) {
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.footprint_ebo);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(cells->size() * sizeof(std::uint32_t)),
                     cells->data(), GL_STREAM_DRAW);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cells->size()), GL_UNSIGNED_INT, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.floor_ebo);
      }
    } else {
      glDrawElements(GL_TRIANGLES, m.floor_indices, GL_UNSIGNED_INT, nullptr);
    }
    glBindVertexArray(0);
    glDepthMask(GL_TRUE);
    glEnable(GL_BLEND);
  };
  auto clear = [&] {
    glDepthMask(GL_TRUE);
    // A flat clear is the background: on a software renderer a full-screen gradient pass costs as
    // much as a large part of the model. The clear colour is linear; the targets hold sRGB bytes.
    glClearColor(encode_srgb(list.clear_color.r), encode_srgb(list.clear_color.g), encode_srgb(list.clear_color.b),
                 list.clear_color.a);
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  };


  // Programs: plain (the bench baseline), mesh (lit per vertex), textured (the texture per pixel),
  // simple (the faint translucent skin). Lighting uniforms are set once per program and frame.
  Program* prog_ptr = nullptr;
  auto use = [&](Program* want) {
    if (want == prog_ptr) return;
    prog_ptr = want;
    m.bind_mesh_uniforms_common(*prog_ptr, view_proj);
    set(*prog_ptr, "u_eye", camera.eye());
    set(*prog_ptr, "u_key_dir", list.lighting.key_dir);
    set(*prog_ptr, "u_key_color", list.lighting.key_color);
    set(*prog_ptr, "u_sky_color", list.lighting.sky_color);
    set(*prog_ptr, "u_ground_color", list.lighting.ground_color);
    if (prog_ptr == &m.textured) set(m.textured, "u_texture", 0);
  };
  glActiveTexture(GL_TEXTURE0);

  auto draw = [&](std::size_t index) {
    const MeshDraw& d = list.meshes[index];
    if (d.shadow_only) return;
    GpuModel* gm = nullptr;
    const Material* mat = nullptr;
    bool textured = false;
    if (d.dynamic_mesh < 0) {
      auto it = m.models.find(d.model.id);
      if (it == m.models.end() || d.mesh < 0 || d.mesh >= static_cast<int>(it->second.meshes.size())) return;
      gm = &it->second;
      const int mi = std::clamp(gm->meshes[static_cast<std::size_t>(d.mesh)].material, 0, static_cast<int>(gm->materials.size()) - 1);
      mat = &gm->materials[static_cast<std::size_t>(mi)];
      textured = !d.use_tint_only && mat->texture >= 0 && mat->texture < static_cast<int>(gm->textures.size());
    }
    use(list.plain ? &m.plain : d.simple_shading ? &m.simple : textured ? &m.textured : &m.mesh);
    Program& prog = *prog_ptr;
    if (d.cull_back) glEnable(GL_CULL_FACE);
    else glDisable(GL_CULL_FACE);
    set(prog, "u_muscle", d.muscle_shading ? 1 : 0);
    if (prog_ptr == &m.mesh) set(m.mesh, "u_striation", d.muscle_shading ? 0.16f : 0.0f);
    if (d.dynamic_mesh >= 0) {
      if (!m.bind_dynamic(prog, list, d)) return;
      set(prog, "u_color", d.tint);
      m.draw_dynamic(d);
      triangles += static_cast<std::size_t>(d.index_count / 3);
      return;
    }
    GpuMesh* g = m.prepare_draw(prog, list, d, nullptr);
    if (!g) return;
    set(prog, "u_color", d.use_tint_only ? d.tint : mat->base_color * d.tint);
    if (textured) glBindTexture(GL_TEXTURE_2D, gm->textures[static_cast<std::size_t>(mat->texture)]);
    Impl::draw_lod(*g, m.lods[index]);
    triangles += static_cast<std::size_t>(g->lods[static_cast<std::size_t>(std::clamp(m.lods[index], 0, static_cast<int>(g->lods.size()) - 1))].count / 3);
  };
  auto alpha_of = [&](const MeshDraw& d) {
    if (d.dynamic_mesh >= 0) return d.tint.a;
    auto it = m.models.find(d.model.id);
    if (it == m.models.end() || d.mesh < 0 || d.mesh >= static_cast<int>(it->second.meshes.size())) return 1.0f;
    const GpuModel& gm = it->second;
    const int mi = std::clamp(gm.meshes[static_cast<std::size_t>(d.mesh)].material, 0, static_cast<int>(gm.materials.size()) - 1);
    return d.use_tint_only ? d.tint.a : gm.materials[static_cast<std::size_t>(mi)].base_color.a * d.tint.a;
  };
  // Translucent items, back to front by the distance of each item's origin (skinned: its first
  // joint). Faint layers (simple_shading: the skin) come last, once per pixel over the resolved
  // scene: they are the outermost surface and fade out at their silhouette.
  const glm::vec3 eye = camera.eye();
  auto depth = [&](std::size_t i) {
    const MeshDraw* d = &list.meshes[i];
    if (d->dynamic_mesh >= 0) {
      const DynamicMesh& dm = list.dynamic_meshes[static_cast<std::size_t>(d->dynamic_mesh)];
      if (d->first_index >= 0 && static_cast<std::size_t>(d->first_index) < dm.indices.size())
        return glm::length(dm.vertices[dm.indices[static_cast<std::size_t>(d->first_index)]].position - eye);
      return 0.0f;
    }
    glm::vec3 p = d->skin_offset >= 0 && d->skin_count > 0
                      ? glm::vec3(list.skin_matrices[static_cast<std::size_t>(d->skin_offset)][3])
                      : glm::vec3(d->node_world[3]);
    return glm::length(p - eye);
  };
  std::vector<std::size_t> opaque, translucent, faint;
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (d.shadow_only) continue;
    if (d.simple_shading) faint.push_back(i);
    else if (alpha_of(d) < 0.999f) translucent.push_back(i);
    else opaque.push_back(i);
  }
  auto back_to_front = [&](std::size_t x, std::size_t y) { return depth(x) > depth(y); };
  std::stable_sort(translucent.begin(), translucent.end(), back_to_front);
  std::stable_sort(faint.begin(), faint.end(), back_to_front);
  // Opaque items front to back: what lies behind fails the depth test before it is shaded.
  std::stable_sort(opaque.begin(), opaque.end(), [&](std::size_t x, std::size_t y) { return depth(x) < depth(y); });

  glDisable(GL_FRAMEBUFFER_SRGB);  // the targets are RGBA8 holding encoded bytes (shaders/encode_srgb.glsl)
  if (any) {
    // The multisampled scene over transparent black: its colours come out premultiplied by coverage.
    glBindFramebuffer(GL_FRAMEBUFFER, m.targets.msaa_fbo);
    glViewport(0, 0, width, height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(rx0, ry0, rx1 - rx0, ry1 - ry0);
    glDepthMask(GL_TRUE);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    mark_kept(glm::ivec4(rx0, ry0, rx1 - rx0, ry1 - ry0));
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    for (std::size_t i : opaque) draw(i);
    glDepthMask(GL_FALSE);
    for (std::size_t i : translucent) draw(i);
    glDepthMask(GL_TRUE);
    glBindVertexArray(0);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
  }

  // The background (clear colour and floor) once per pixel, straight into the resolved image. (After
  // the multisampled pass, so the contact shadow's rendering has finished before the floor reads it.)
  // The floor without its shadow only changes with the view: it is kept in its own image and copied
  // in (a plain copy costs a fraction of drawing it); only the cells the contact shadow can reach
  // are drawn each frame.
  glDisable(GL_DEPTH_TEST);  // nothing to hide the floor here: the scene is laid over it
  if (floor) {
    const Impl::BackgroundKey key{m.targets.generation, width, height, view_proj, list.clear_color, list.floor.color,
                                  list.floor.centre, list.floor.radius, list.floor.height};
    if (!(key == m.background_key)) {
      glBindFramebuffer(GL_FRAMEBUFFER, m.targets.background_fbo);
      glViewport(0, 0, width, height);
      clear();
      glDisable(GL_DEPTH_TEST);
      draw_floor(false, nullptr);
      m.background_key = key;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m.targets.background_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m.targets.resolve_fbo);
    for (const glm::ivec4& o : open_rects)
      glBlitFramebuffer(o.x, o.y, o.x + o.z, o.y + o.w, o.x, o.y, o.x + o.z, o.y + o.w, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, m.targets.resolve_fbo);
    glViewport(0, 0, width, height);
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, m.targets.resolve_fbo);
    glViewport(0, 0, width, height);
    glEnable(GL_SCISSOR_TEST);
    for (const glm::ivec4& o : open_rects) {  // the whole view when nothing is kept
      glScissor(o.x, o.y, o.z, o.w);
      clear();
    }
    glDisable(GL_SCISSOR_TEST);
  }
  // Depth for the layers below, and the kept regions marked in the stencil.
  glDepthMask(GL_TRUE);
  glClearDepth(1.0);
  glClearStencil(0);
  glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  mark_kept(view_rect);
  glDisable(GL_SCISSOR_TEST);
  if (floor) draw_floor(true, &m.footprint);
  prog_ptr = nullptr;  // draw_floor switched programs

  if (any) {
    // Resolve the scene's rectangle and lay it over the background; its depth comes along (sample 0)
    // for the depth tests of the faint layers and the overlays.
    glEnable(GL_SCISSOR_TEST);
    glScissor(rx0, ry0, rx1 - rx0, ry1 - ry0);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(m.composite.id);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, m.targets.msaa_color);
    set(m.composite, "u_scene", 0);
    set(m.composite, "u_samples", samples);
    glBindVertexArray(m.empty_vao);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m.targets.msaa_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m.targets.resolve_fbo);
    glBlitFramebuffer(rx0, ry0, rx1, ry1, rx0, ry0, rx1, ry1, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
  }

  // Once per pixel over the resolved scene: faint layers, then the overlays (depth-aware against
  // the resolved depth; they bring their own anti-aliasing).
  glBindFramebuffer(GL_FRAMEBUFFER, m.targets.resolve_fbo);
  glViewport(0, 0, width, height);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_FALSE);
  for (std::size_t i : faint) draw(i);
  glDepthMask(GL_TRUE);
  glBindVertexArray(0);
  glDisable(GL_CULL_FACE);
  if (!list.plain) m.overlay->draw();
  glDisable(GL_STENCIL_TEST);
  last_triangles_ = triangles;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEndQuery(GL_TIME_ELAPSED);
  m.query_head = (m.query_head + 1) % 4;
  ++m.queries_pending;
  return Status(Ok{});
}

std::uint32_t Renderer::pick(const DrawList& list, const OrbitCamera& camera, int width, int height, int x, int y) {
  Impl& m = *impl_;
  if (width < 1 || height < 1 || width > kMaxRenderSize || height > kMaxRenderSize || x < 0 || y < 0 || x >= width ||
      y >= height)
    return 0;
  if (m.pick_w != width || m.pick_h != height || !m.pick_fbo) {
    glDeleteFramebuffers(1, &m.pick_fbo);
    glDeleteRenderbuffers(1, &m.pick_color);
    glDeleteRenderbuffers(1, &m.pick_depth);
    glGenFramebuffers(1, &m.pick_fbo);
    glGenRenderbuffers(1, &m.pick_color);
    glGenRenderbuffers(1, &m.pick_depth);
    glBindFramebuffer(GL_FRAMEBUFFER, m.pick_fbo);
    glBindRenderbuffer(GL_RENDERBUFFER, m.pick_color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_R32UI, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m.pick_color);
    glBindRenderbuffer(GL_RENDERBUFFER, m.pick_depth);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, m.pick_depth);
    m.pick_w = width;
    m.pick_h = height;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, m.pick_fbo);
  glViewport(0, 0, width, height);
  glEnable(GL_SCISSOR_TEST);
  const int gl_y = height - 1 - y;
  glScissor(x, gl_y, 1, 1);
  const GLuint zero[4] = {0, 0, 0, 0};
  glClearBufferuiv(GL_COLOR, 0, zero);
  glClear(GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  glDisable(GL_FRAMEBUFFER_SRGB);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const glm::mat4 proj = camera.projection(aspect);
  const glm::mat4 view_proj = proj * camera.view();
  m.bind_mesh_uniforms_common(m.pick, view_proj);
  m.upload_dynamic(list);
  std::vector<int> lods;  // the levels the view shows, so a click picks what is seen
  m.choose_lods(list, view_proj, proj[1][1] * 0.5f * static_cast<float>(height), lods);
  const GLint id_loc = m.pick.loc("u_id");
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (d.pick_id == 0) continue;
    glUniform1ui(id_loc, d.pick_id);
    m.draw_geometry(m.pick, list, d, lods[i]);
  }
  GLuint id = 0;
  glReadPixels(x, gl_y, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return id;
}

double Renderer::gpu_ms(bool wait) {
  Impl& m = *impl_;
  while (m.queries_pending > 0) {
    const int oldest = (m.query_head - m.queries_pending + 4) % 4;
    GLint available = 0;
    if (!wait) {
      glGetQueryObjectiv(m.queries[oldest], GL_QUERY_RESULT_AVAILABLE, &available);
      if (!available) break;
    }
    GLuint64 ns = 0;
    glGetQueryObjectui64v(m.queries[oldest], GL_QUERY_RESULT, &ns);
    m.last_gpu_ms = static_cast<double>(ns) * 1e-6;
    --m.queries_pending;
  }
  return m.last_gpu_ms;
}

Image Renderer::read_pixels() const {
  const Targets& t = impl_->targets;
  Image img;
  if (!t.resolve_fbo) return img;
  img.width = t.width;
  img.height = t.height;
  img.rgba.resize(static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, t.resolve_fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, t.width, t.height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  // GL's row 0 is the bottom; images have row 0 at the top.
  const std::size_t row = static_cast<std::size_t>(t.width) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < t.height / 2; ++y) {
    std::uint8_t* a = &img.rgba[static_cast<std::size_t>(y) * row];
    std::uint8_t* b = &img.rgba[static_cast<std::size_t>(t.height - 1 - y) * row];
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  return img;
}

std::optional<float> Renderer::read_depth(int x, int y) const {
  const Targets& t = impl_->targets;
  if (!t.resolve_fbo || x < 0 || y < 0 || x >= t.width || y >= t.height) return std::nullopt;
  float depth = 1.0f;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, t.resolve_fbo);
  glReadPixels(x, t.height - 1 - y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  if (depth >= 1.0f) return std::nullopt;
  return depth * 2.0f - 1.0f;
}

void Renderer::bind_resolved_for_drawing() const {
  const Targets& t = impl_->targets;
  glBindFramebuffer(GL_FRAMEBUFFER, t.resolve_fbo);
  glViewport(0, 0, t.width, t.height);
  glDisable(GL_FRAMEBUFFER_SRGB);
}

void Renderer::present(int fb_w, int fb_h) const {
  const Targets& t = impl_->targets;
  if (!t.resolve_fbo) return;
  glDisable(GL_FRAMEBUFFER_SRGB);  // copy the sRGB-encoded bytes as they are
  glBindFramebuffer(GL_READ_FRAMEBUFFER, t.resolve_fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, t.width, t.height, 0, 0, fb_w, fb_h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace hiplab
