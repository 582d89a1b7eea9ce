// scene_pass.cpp — [SECTION] scene and faint layers: see scene_pass.h.
#include "render/scene_pass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hiplab {

namespace {
constexpr float kShowThroughAlpha = 0.38f;  // a highlighted muscle seen through what covers it

// The opacity an item is drawn with: its material's times its tint (the tint alone when it asks).
float alpha_of(const GpuModels& models, const MeshDraw& d) {
  if (d.dynamic_mesh >= 0) return d.tint.a;
  const GpuModel* gm = models.model_of(d);
  if (!gm) return 1.0f;
  return d.use_tint_only ? d.tint.a : gm->material_of(d.mesh).base_color.a * d.tint.a;
}

// Distance from the eye for sorting: the item's origin (skinned: its first joint; dynamic: its
// first vertex).
float distance_of(const DrawList& list, const MeshDraw& d, const glm::vec3& eye) {
  if (d.dynamic_mesh >= 0) {
    const DynamicMesh& dm = list.dynamic_meshes[static_cast<std::size_t>(d.dynamic_mesh)];
    if (d.first_index >= 0 && static_cast<std::size_t>(d.first_index) < dm.indices.size())
      return glm::length(dm.vertices[dm.indices[static_cast<std::size_t>(d.first_index)]].position - eye);
    return 0.0f;
  }
  const glm::vec3 p = d.skin_offset >= 0 && d.skin_count > 0 ? glm::vec3(list.skin_matrices[static_cast<std::size_t>(d.skin_offset)][3])
                                                             : glm::vec3(d.node_world[3]);
  return glm::length(p - eye);
}

}  // namespace

glm::ivec4 multisampled_rect(const Frame& frame) {
  glm::vec2 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  const glm::vec2 size(static_cast<float>(frame.view.width), static_cast<float>(frame.view.height));
  auto add_px = [&](glm::vec2 a, glm::vec2 b) {
    lo = glm::min(lo, a);
    hi = glm::max(hi, b);
  };
  for (const MeshDraw& d : frame.list.meshes) {
    if (d.shadow_only || d.simple_shading) continue;
    Aabb box;
    if (!frame.models.world_box(frame.list, d, box, nullptr)) {
      add_px(glm::vec2(0.0f), size);
      continue;
    }
    glm::vec2 blo(std::numeric_limits<float>::max()), bhi(-std::numeric_limits<float>::max());
    bool whole = false;
    for (int c = 0; c < 8 && !whole; ++c) {
      const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
      const glm::vec4 clip = frame.view.view_proj * glm::vec4(p, 1.0f);
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
  const int x0 = static_cast<int>(std::clamp(std::floor(lo.x) - 2.0f, 0.0f, size.x));
  const int y0 = static_cast<int>(std::clamp(std::floor(lo.y) - 2.0f, 0.0f, size.y));
  const int x1 = static_cast<int>(std::clamp(std::ceil(hi.x) + 2.0f, 0.0f, size.x));
  const int y1 = static_cast<int>(std::clamp(std::ceil(hi.y) + 2.0f, 0.0f, size.y));
  return x1 > x0 && y1 > y0 ? glm::ivec4(x0, y0, x1 - x0, y1 - y0) : glm::ivec4(0);
}

ScenePass::~ScenePass() {
  for (Program* p : {&plain_, &mesh_, &textured_, &simple_}) glDeleteProgram(p->id);
}

Status ScenePass::init() {
  const struct {
    Program* program;
    const char* fragment;
  } programs[] = {{&plain_, "plain.frag.glsl"}, {&mesh_, "mesh.frag.glsl"}, {&textured_, "textured.frag.glsl"},
                  {&simple_, "simple.frag.glsl"}};
  for (const auto& p : programs) {
    auto linked = link("mesh.vert.glsl", p.fragment);
    if (!linked) return linked.error();
    *p.program = linked.value();
  }
  return Status(Ok{});
}

void ScenePass::begin(const Frame& frame) {
  current_ = nullptr;
  triangles_ = 0;
  glActiveTexture(GL_TEXTURE0);
  // A mirrored view winds every triangle the other way on screen (OrbitCamera::mirrored).
  glFrontFace(frame.view.mirrored ? GL_CW : GL_CCW);
  opaque_.clear();
  translucent_.clear();
  faint_.clear();
  show_through_.clear();
  const DrawList& list = frame.list;
  for (std::size_t i = 0; i < list.meshes.size(); ++i) {
    const MeshDraw& d = list.meshes[i];
    if (d.shadow_only) continue;
    if (d.simple_shading) faint_.push_back(i);
    else if (alpha_of(frame.models, d) < 0.999f) translucent_.push_back(i);
    else opaque_.push_back(i);
    if (d.show_through && !d.simple_shading) show_through_.push_back(i);
  }
  const glm::vec3 eye = frame.view.eye;
  auto depth = [&](std::size_t i) { return distance_of(list, list.meshes[i], eye); };
  auto back_to_front = [&](std::size_t x, std::size_t y) { return depth(x) > depth(y); };
  std::stable_sort(translucent_.begin(), translucent_.end(), back_to_front);
  std::stable_sort(faint_.begin(), faint_.end(), back_to_front);
  std::stable_sort(opaque_.begin(), opaque_.end(), [&](std::size_t x, std::size_t y) { return depth(x) < depth(y); });
}

void ScenePass::use(Program* program, const Frame& frame) {
  if (program == current_) return;
  current_ = program;
  GpuModels::use_program(*program, frame.view.view_proj);
  const Lighting& light = frame.list.lighting;
  set_uniform(*program, "u_eye", frame.view.eye);
  if (program == &simple_) set_uniform(simple_, "u_target", frame.view.target);
  set_uniform(*program, "u_key_dir", light.key_dir);
  set_uniform(*program, "u_key_color", light.key_color);
  set_uniform(*program, "u_sky_color", light.sky_color);
  set_uniform(*program, "u_ground_color", light.ground_color);
  if (program == &textured_) set_uniform(textured_, "u_texture", 0);
}

void ScenePass::draw(const Frame& frame, std::size_t index) {
  const DrawList& list = frame.list;
  const MeshDraw& d = list.meshes[index];
  if (d.shadow_only) return;
  const GpuModel* gm = nullptr;
  const Material* mat = nullptr;
  bool textured = false;
  if (d.dynamic_mesh < 0) {
    gm = frame.models.model_of(d);
    if (!gm) return;
    mat = &gm->material_of(d.mesh);
    textured = !d.use_tint_only && mat->texture >= 0 && mat->texture < static_cast<int>(gm->textures.size());
  }
  use(list.plain ? &plain_ : d.simple_shading ? &simple_ : textured ? &textured_ : &mesh_, frame);
  Program& prog = *current_;
  if (d.cull_back) glEnable(GL_CULL_FACE);
  else glDisable(GL_CULL_FACE);
  set_uniform(prog, "u_muscle", d.muscle_shading ? 1 : 0);
  if (current_ == &simple_) {
    set_uniform(prog, "u_outline", d.outline_only ? 1 : 0);
    set_uniform(prog, "u_fade_joints", static_cast<unsigned>(d.fade_joints));
  }
  if (current_ == &mesh_) set_uniform(mesh_, "u_striation", d.muscle_shading ? 0.16f : 0.0f);
  if (d.dynamic_mesh >= 0) {
    if (!frame.models.bind_dynamic(prog, list, d)) return;
    set_uniform(prog, "u_color", glm::vec4(glm::vec3(d.tint), d.tint.a * alpha_scale_));
    GpuModels::draw_dynamic(d);
    triangles_ += static_cast<std::size_t>(d.index_count / 3);
    return;
  }
  GpuMesh* g = frame.models.prepare_draw(prog, list, d);
  if (!g) return;
  const glm::vec4 colour = d.use_tint_only ? d.tint : mat->base_color * d.tint;
  set_uniform(prog, "u_color", glm::vec4(glm::vec3(colour), colour.a * alpha_scale_));
  if (textured) glBindTexture(GL_TEXTURE_2D, gm->textures[static_cast<std::size_t>(mat->texture)]);
  const int lod = frame.lods[index];
  // Opaque items are drawn without blending (alpha 1 blends to the same result, at a cost per
  // sample on a software renderer), except a texture, whose own alpha may cut out.
  if (opaque_pass_ && textured) glEnable(GL_BLEND);
  GpuModels::draw_lod(*g, lod);
  if (opaque_pass_ && textured) glDisable(GL_BLEND);
  triangles_ += static_cast<std::size_t>(g->level(lod).count / 3);
}

void ScenePass::draw_multisampled(const Frame& frame, const RenderTargets& targets, const KeptRegions& kept,
                                  const glm::ivec4& rect) {
  // Over transparent black: the colours come out premultiplied by coverage.
  glBindFramebuffer(GL_FRAMEBUFFER, targets.msaa_fbo);
  glViewport(0, 0, frame.view.width, frame.view.height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect.x, rect.y, rect.z, rect.w);
  glDepthMask(GL_TRUE);
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glClearDepth(1.0);
  glClearStencil(0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  kept.mark(rect);
  glDisable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  // Stencil bit 0 marks the kept panels (KeptRegions::mark: drawn only where it is clear); with
  // show-through muscles, bit 1 records whether the nearest opaque surface of each sample is a
  // highlighted muscle (set by those, cleared by everything else drawn over them).
  const bool through = !show_through_.empty();
  if (through) {
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0x2);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  }
  opaque_pass_ = true;
  for (std::size_t i : opaque_) {
    if (through) glStencilFunc(GL_EQUAL, frame.list.meshes[i].show_through ? 0x2 : 0x0, 0x1);
    draw(frame, i);
  }
  opaque_pass_ = false;
  glDepthMask(GL_FALSE);
  glEnable(GL_BLEND);
  if (through) glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  for (std::size_t i : translucent_) draw(frame, i);
  // Highlighted muscles where something else covers them: only there (farther than what is drawn,
  // and not under another highlighted muscle, which shows its own colour), at a third of their
  // opacity, so a working deep rotator shows through gluteus maximus. One layer a sample: the
  // first one drawn there sets stencil bit 2 (GL_INVERT under write mask 0x4) and the others are
  // left out, so covered muscles and the hidden folds of one muscle do not stack into the layered
  // translucent sheets that read as torn muscle in the flexed hips.
  if (through) {
    glStencilMask(0x4);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glStencilFunc(GL_EQUAL, 0x0, 0x7);
    glDepthFunc(GL_GREATER);
    alpha_scale_ = kShowThroughAlpha;
    for (std::size_t i : show_through_) draw(frame, i);
    alpha_scale_ = 1.0f;
    glDepthFunc(GL_LESS);
    glStencilMask(0xFF);
    glStencilFunc(GL_EQUAL, 0, 0xFF);
  }
  glDepthMask(GL_TRUE);
  glBindVertexArray(0);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_STENCIL_TEST);
}

void ScenePass::draw_faint(const Frame& frame, const RenderTargets& targets) {
  current_ = nullptr;  // other passes have used their programs since
  glBindFramebuffer(GL_FRAMEBUFFER, targets.resolve_fbo);
  glViewport(0, 0, frame.view.width, frame.view.height);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_FALSE);
  for (std::size_t i : faint_) draw(frame, i);
  glDepthMask(GL_TRUE);
  glBindVertexArray(0);
  glDisable(GL_CULL_FACE);
}

}  // namespace hiplab
