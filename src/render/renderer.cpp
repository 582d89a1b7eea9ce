// renderer.cpp — see renderer.h. The GPU models, the render targets, picking and timing live in their
// own files (gpu_models.h, render_targets.h, picking.h, gpu_timer.h). [SECTION] markers: constants, passes.
#include "render/renderer.h"

#include "core/pixel_rects.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "render/frame.h"
#include "render/gl.h"
#include "render/gl_program.h"
#include "render/gpu_models.h"
#include "render/gpu_timer.h"
#include "render/overlay_pass.h"
#include "render/picking.h"
#include "render/render_targets.h"

namespace hiplab {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] constants
// ---------------------------------------------------------------------------------------------

// IEC 61966-2-1, as shaders/encode_srgb.glsl.
float encode_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
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

}  // namespace

struct Renderer::Impl {
  Program mesh, textured, shadow, floor, plain, simple, composite;
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
  GpuModels models;
  RenderTargets targets;
  PickPass picking;
  GpuTimer timer;
  std::vector<int> lods, shadow_lods;  // per list item this frame
  std::unique_ptr<OverlayPass> overlay;
  GLint max_samples = 1, max_rb_size = 0;
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
  if (Status picking = m.picking.init(); !picking) return picking.error();
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

  m.models.init();

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

  glGetIntegerv(GL_MAX_SAMPLES, &m.max_samples);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &m.max_rb_size);
  m.timer.init();
  auto overlay = OverlayPass::create();
  if (!overlay) return overlay.error();
  m.overlay = std::move(overlay.value());
  return r;
}

Renderer::~Renderer() {
  if (!impl_) return;
  Impl& m = *impl_;
  m.overlay.reset();
  glDeleteProgram(m.mesh.id);
  glDeleteProgram(m.textured.id);
  glDeleteProgram(m.composite.id);
  glDeleteProgram(m.shadow.id);
  glDeleteProgram(m.floor.id);
  glDeleteProgram(m.plain.id);
  glDeleteProgram(m.simple.id);
  glDeleteBuffers(1, &m.floor_vbo);
  glDeleteBuffers(1, &m.floor_ebo);
  glDeleteBuffers(1, &m.footprint_ebo);
  glDeleteVertexArrays(1, &m.empty_vao);
  glDeleteVertexArrays(1, &m.floor_vao);
  glDeleteFramebuffers(1, &m.shadow_fbo);
  glDeleteTextures(1, &m.shadow_tex);
}

Result<ModelHandle> Renderer::upload(const Model& model) { return ModelHandle{impl_->models.upload(model)}; }

void Renderer::release(ModelHandle handle) { impl_->models.release(handle.id); }

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

  m.timer.begin();

  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const glm::mat4 proj = camera.projection(aspect);
  const glm::mat4 view_proj = proj * camera.view();
  glDisable(GL_CULL_FACE);
  m.models.upload_dynamic(list);
  m.models.choose_lods(list, view_proj, proj[1][1] * 0.5f * static_cast<float>(height), m.lods);

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
    if (!m.models.world_box(list, d, box, nullptr)) {
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
    m.models.choose_lods(list, top, 0.5f * kShadowSize, m.shadow_lods);
    // The floor cells the shadow can reach: the casters' boxes seen from above, widened by the
    // floor's blur (two texels plus the bilinear one) and a cell, so the cells around keep shadow 0
    // at their shared corners and match the cached shadow-free floor exactly.
    m.footprint.clear();
    {
      glm::vec2 flo(std::numeric_limits<float>::max()), fhi(-std::numeric_limits<float>::max());
      for (const MeshDraw& d : list.meshes) {
        if (!d.casts_shadow) continue;
        Aabb box;
        if (!m.models.world_box(list, d, box, nullptr)) {
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
    GpuModels::use_program(m.shadow, top);
    set_uniform(m.shadow, "u_floor_height", list.floor.height);
    set_uniform(m.shadow, "u_reach", std::max(list.floor.shadow_reach, 1e-3f));
    for (std::size_t i = 0; i < list.meshes.size(); ++i) {
      const MeshDraw& d = list.meshes[i];
      if (!d.casts_shadow) continue;
      if (d.cull_back) glEnable(GL_CULL_FACE);
      else glDisable(GL_CULL_FACE);
      m.models.draw_geometry(m.shadow, list, d, m.shadow_lods[i]);
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
    set_uniform(m.floor, "u_clear", list.clear_color);
    set_uniform(m.floor, "u_view_proj", view_proj);
    set_uniform(m.floor, "u_centre", list.floor.centre);
    set_uniform(m.floor, "u_radius", list.floor.radius);
    set_uniform(m.floor, "u_height", list.floor.height);
    set_uniform(m.floor, "u_color", list.floor.color);
    set_uniform(m.floor, "u_shadow_strength", shadowed ? list.floor.shadow_strength : 0.0f);
    set_uniform(m.floor, "u_texel", 1.0f / static_cast<float>(kShadowSize));
    set_uniform(m.floor, "u_shadow", 0);
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
    GpuModels::use_program(*prog_ptr, view_proj);
    set_uniform(*prog_ptr, "u_eye", camera.eye());
    set_uniform(*prog_ptr, "u_key_dir", list.lighting.key_dir);
    set_uniform(*prog_ptr, "u_key_color", list.lighting.key_color);
    set_uniform(*prog_ptr, "u_sky_color", list.lighting.sky_color);
    set_uniform(*prog_ptr, "u_ground_color", list.lighting.ground_color);
    if (prog_ptr == &m.textured) set_uniform(m.textured, "u_texture", 0);
  };
  glActiveTexture(GL_TEXTURE0);

  auto draw = [&](std::size_t index) {
    const MeshDraw& d = list.meshes[index];
    if (d.shadow_only) return;
    const GpuModel* gm = nullptr;
    const Material* mat = nullptr;
    bool textured = false;
    if (d.dynamic_mesh < 0) {
      gm = m.models.model_of(d);
      if (!gm) return;
      mat = &gm->material_of(d.mesh);
      textured = !d.use_tint_only && mat->texture >= 0 && mat->texture < static_cast<int>(gm->textures.size());
    }
    use(list.plain ? &m.plain : d.simple_shading ? &m.simple : textured ? &m.textured : &m.mesh);
    Program& prog = *prog_ptr;
    if (d.cull_back) glEnable(GL_CULL_FACE);
    else glDisable(GL_CULL_FACE);
    set_uniform(prog, "u_muscle", d.muscle_shading ? 1 : 0);
    if (prog_ptr == &m.mesh) set_uniform(m.mesh, "u_striation", d.muscle_shading ? 0.16f : 0.0f);
    if (d.dynamic_mesh >= 0) {
      if (!m.models.bind_dynamic(prog, list, d)) return;
      set_uniform(prog, "u_color", d.tint);
      GpuModels::draw_dynamic(d);
      triangles += static_cast<std::size_t>(d.index_count / 3);
      return;
    }
    GpuMesh* g = m.models.prepare_draw(prog, list, d);
    if (!g) return;
    set_uniform(prog, "u_color", d.use_tint_only ? d.tint : mat->base_color * d.tint);
    if (textured) glBindTexture(GL_TEXTURE_2D, gm->textures[static_cast<std::size_t>(mat->texture)]);
    GpuModels::draw_lod(*g, m.lods[index]);
    triangles += static_cast<std::size_t>(g->level(m.lods[index]).count / 3);
  };
  auto alpha_of = [&](const MeshDraw& d) {
    if (d.dynamic_mesh >= 0) return d.tint.a;
    const GpuModel* gm = m.models.model_of(d);
    if (!gm) return 1.0f;
    return d.use_tint_only ? d.tint.a : gm->material_of(d.mesh).base_color.a * d.tint.a;
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
    set_uniform(m.composite, "u_scene", 0);
    set_uniform(m.composite, "u_samples", samples);
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
  m.timer.end();
  return Status(Ok{});
}

std::uint32_t Renderer::pick(const DrawList& list, const OrbitCamera& camera, int width, int height, int x, int y) {
  if (width < 1 || height < 1 || width > kMaxRenderSize || height > kMaxRenderSize || x < 0 || y < 0 || x >= width ||
      y >= height)
    return 0;
  return impl_->picking.pick(list, impl_->models, FrameView::of(camera, width, height), x, y);
}

double Renderer::gpu_ms(bool wait) { return impl_->timer.ms(wait); }

Image Renderer::read_pixels() const { return impl_->targets.read_pixels(); }

std::optional<float> Renderer::read_depth(int x, int y) const { return impl_->targets.read_depth(x, y); }

void Renderer::bind_resolved_for_drawing() const { impl_->targets.bind_resolved_for_drawing(); }

void Renderer::present(int fb_w, int fb_h) const { impl_->targets.present(fb_w, fb_h); }

}  // namespace hiplab
