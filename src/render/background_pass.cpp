// background_pass.cpp — [SECTION] background and floor: see background_pass.h.
#include "render/background_pass.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/contact_shadow_pass.h"

namespace hiplab {

namespace {

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

// IEC 61966-2-1, as shaders/encode_srgb.glsl.
float encode_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

// Clears colour and depth of the bound target (inside the scissor, when on) to the background.
void clear_to_background(const DrawList& list) {
  glDepthMask(GL_TRUE);
  // A flat clear is the background: on a software renderer a full-screen gradient pass costs as
  // much as a large part of the model. The clear colour is linear; the targets hold sRGB bytes.
  glClearColor(encode_srgb(list.clear_color.r), encode_srgb(list.clear_color.g), encode_srgb(list.clear_color.b),
               list.clear_color.a);
  glClearDepth(1.0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

}  // namespace

BackgroundPass::~BackgroundPass() {
  glDeleteProgram(program_.id);
  glDeleteBuffers(1, &vbo_);
  glDeleteBuffers(1, &ebo_);
  glDeleteBuffers(1, &footprint_ebo_);
  glDeleteVertexArrays(1, &vao_);
}

Status BackgroundPass::init() {
  auto floor = link("floor.vert.glsl", "floor.frag.glsl");
  if (!floor) return floor.error();
  program_ = floor.value();
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ebo_);
  glGenBuffers(1, &footprint_ebo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
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
  grid_indices_ = static_cast<GLsizei>(cells.size());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(grid.size() * sizeof(float)), grid.data(), GL_STATIC_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(cells.size() * sizeof(std::uint32_t)), cells.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);
  return Status(Ok{});
}

void BackgroundPass::find_footprint(const DrawList& list, const GpuModels& models) {
  // The casters' boxes seen from above, widened by the floor's blur (two texels plus the bilinear
  // one) and a cell, so the cells around keep shadow 0 at their shared corners and match the
  // cached shadow-free floor exactly.
  footprint_.clear();
  const float r = list.floor.radius;
  const glm::vec3 c(list.floor.centre.x, 0.0f, list.floor.centre.y);
  glm::vec2 flo(std::numeric_limits<float>::max()), fhi(-std::numeric_limits<float>::max());
  for (const MeshDraw& d : list.meshes) {
    if (!d.casts_shadow) continue;
    Aabb box;
    if (!models.world_box(list, d, box, nullptr)) {
      flo = glm::vec2(-1e9f);
      fhi = glm::vec2(1e9f);
      break;
    }
    flo = glm::min(flo, glm::vec2(box.min.x, box.min.z));
    fhi = glm::max(fhi, glm::vec2(box.max.x, box.max.z));
  }
  if (!(flo.x <= fhi.x)) return;
  const float margin = 4.0f * 2.0f * r / static_cast<float>(kShadowSize);
  auto cell = [&](float world, float centre) {
    return static_cast<int>(std::floor(((world - centre) / r * 0.5f + 0.5f) * kFloorCells));
  };
  const int i0 = std::clamp(cell(flo.x - margin, c.x) - 1, 0, kFloorCells - 1);
  const int i1 = std::clamp(cell(fhi.x + margin, c.x) + 1, 0, kFloorCells - 1);
  const int j0 = std::clamp(cell(flo.y - margin, c.z) - 1, 0, kFloorCells - 1);
  const int j1 = std::clamp(cell(fhi.y + margin, c.z) + 1, 0, kFloorCells - 1);
  for (int j = j0; j <= j1; ++j)
    for (int i = i0; i <= i1; ++i) append_floor_cell(i, j, footprint_);
}

void BackgroundPass::draw_floor(const DrawList& list, const glm::mat4& view_proj, bool shadowed,
                                const std::vector<std::uint32_t>* cells, GLuint shadow_map) {
  glDisable(GL_CULL_FACE);
  glDisable(GL_BLEND);
  glDepthMask(GL_FALSE);
  glUseProgram(program_.id);
  set_uniform(program_, "u_clear", list.clear_color);
  set_uniform(program_, "u_view_proj", view_proj);
  set_uniform(program_, "u_centre", list.floor.centre);
  set_uniform(program_, "u_radius", list.floor.radius);
  set_uniform(program_, "u_height", list.floor.height);
  set_uniform(program_, "u_color", list.floor.color);
  set_uniform(program_, "u_mat", list.floor.mat ? 1 : 0);
  set_uniform(program_, "u_mat_centre", list.floor.mat_centre);
  set_uniform(program_, "u_mat_axis", list.floor.mat_axis);
  set_uniform(program_, "u_mat_half", list.floor.mat_half);
  set_uniform(program_, "u_mat_color", list.floor.mat_color);
  set_uniform(program_, "u_shadow_strength", shadowed ? list.floor.shadow_strength : 0.0f);
  set_uniform(program_, "u_texel", 1.0f / static_cast<float>(kShadowSize));
  set_uniform(program_, "u_shadow", 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, shadow_map);
  glBindVertexArray(vao_);
  if (cells) {
    if (!cells->empty()) {
      // The subset in its own index buffer; the grid's own is bound to the VAO again afterwards.
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, footprint_ebo_);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(cells->size() * sizeof(std::uint32_t)),
                   cells->data(), GL_STREAM_DRAW);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cells->size()), GL_UNSIGNED_INT, nullptr);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    }
  } else {
    glDrawElements(GL_TRIANGLES, grid_indices_, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
  glDepthMask(GL_TRUE);
  glEnable(GL_BLEND);
}

void BackgroundPass::draw(const DrawList& list, const FrameView& view, bool floor,
                          const std::vector<glm::ivec4>& open_rects, RenderTargets& targets, GLuint shadow_map) {
  glDisable(GL_DEPTH_TEST);  // nothing to hide the floor here: the scene is laid over it
  if (floor) {
    const CacheKey key{targets.generation, view.width, view.height, view.view_proj, list.clear_color, list.floor.color,
                       list.floor.centre, list.floor.radius, list.floor.height, list.floor.mat, list.floor.mat_centre,
                       list.floor.mat_axis, list.floor.mat_half, list.floor.mat_color};
    if (!(key == cached_)) {
      glBindFramebuffer(GL_FRAMEBUFFER, targets.background_fbo);
      glViewport(0, 0, view.width, view.height);
      clear_to_background(list);
      glDisable(GL_DEPTH_TEST);
      draw_floor(list, view.view_proj, false, nullptr, shadow_map);
      cached_ = key;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.background_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, targets.resolve_fbo);
    for (const glm::ivec4& o : open_rects)
      glBlitFramebuffer(o.x, o.y, o.x + o.z, o.y + o.w, o.x, o.y, o.x + o.z, o.y + o.w, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, targets.resolve_fbo);
    glViewport(0, 0, view.width, view.height);
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, targets.resolve_fbo);
    glViewport(0, 0, view.width, view.height);
    glEnable(GL_SCISSOR_TEST);
    for (const glm::ivec4& o : open_rects) {
      glScissor(o.x, o.y, o.z, o.w);
      clear_to_background(list);
    }
    glDisable(GL_SCISSOR_TEST);
  }
}

void BackgroundPass::draw_shadowed_footprint(const DrawList& list, const FrameView& view, GLuint shadow_map) {
  draw_floor(list, view.view_proj, true, &footprint_, shadow_map);
}

}  // namespace hiplab
