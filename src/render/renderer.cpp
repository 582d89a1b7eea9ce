// renderer.cpp — see renderer.h. The frame as a sequence of passes; each pass, the targets, the
// GPU models, picking and timing live in their own files (render/*_pass.h, render_targets.h,
// compositing.h, gpu_models.h, picking.h, gpu_timer.h).
#include "render/renderer.h"

#include "core/pixel_rects.h"

#include <algorithm>
#include <string>
#include <vector>

#include "render/background_pass.h"
#include "render/compositing.h"
#include "render/contact_shadow_pass.h"
#include "render/frame.h"
#include "render/gl.h"
#include "render/gpu_models.h"
#include "render/gpu_timer.h"
#include "render/overlay_pass.h"
#include "render/picking.h"
#include "render/render_targets.h"
#include "render/scene_pass.h"

namespace hiplab {

struct Renderer::Impl {
  GpuModels models;
  RenderTargets targets;
  ContactShadowPass contact_shadow;
  BackgroundPass background;
  ScenePass scene;
  CompositePass composite;
  std::unique_ptr<OverlayPass> overlay;
  PickPass picking;
  GpuTimer timer;
  std::vector<int> lods;  // per list item this frame, for the view
  GLint max_samples = 1, max_rb_size = 0;
};

Result<std::unique_ptr<Renderer>> Renderer::create() {
  std::unique_ptr<Renderer> r(new Renderer());
  r->impl_ = std::make_unique<Impl>();
  Impl& m = *r->impl_;
  for (Status s : {m.scene.init(), m.contact_shadow.init(), m.background.init(), m.composite.init(), m.picking.init()})
    if (!s) return s.error();
  m.models.init();
  m.timer.init();
  glGetIntegerv(GL_MAX_SAMPLES, &m.max_samples);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &m.max_rb_size);
  auto overlay = OverlayPass::create();
  if (!overlay) return overlay.error();
  m.overlay = std::move(overlay.value());
  return r;
}

Renderer::~Renderer() = default;

Result<ModelHandle> Renderer::upload(const Model& model) { return ModelHandle{impl_->models.upload(model)}; }

void Renderer::release(ModelHandle handle) { impl_->models.release(handle.id); }

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
  if (Status ok = m.targets.ensure(width, height, samples); !ok) return ok;
  kept_intact_ = m.targets.generation == generation;
  samples_ = samples;
  m.timer.begin();

  const FrameView view = FrameView::of(camera, width, height);
  glDisable(GL_CULL_FACE);
  m.models.upload_dynamic(list);
  m.models.choose_lods(list, view.view_proj, view.px_per_unit, m.lods);
  const Frame frame{list, view, m.models, m.lods};
  // The multisampled rectangle: where the scene's items are, less what the kept regions cover.
  const KeptRegions kept(list, width, height);
  const glm::ivec4 scene_rect = kept.visible_part(multisampled_rect(frame));
  const bool any = !rect_empty(scene_rect);
  last_rect_ = scene_rect;
  if (!list.plain) m.overlay->prepare(list, view.view_proj, width, height);

  // The floor is not drawn from below (it would hide the scene, which is always laid over it).
  const bool floor = list.floor.visible && !list.plain && view.eye.y > list.floor.height;
  if (floor) {
    m.contact_shadow.draw(list, m.models);
    m.background.find_footprint(list, m.models);
  }
  m.scene.begin(frame);
  glDisable(GL_FRAMEBUFFER_SRGB);  // the targets are RGBA8 holding encoded bytes (shaders/encode_srgb.glsl)
  if (any) m.scene.draw_multisampled(frame, m.targets, kept, scene_rect);
  // The background after the multisampled pass, so the contact shadow's rendering has finished
  // before the floor reads it.
  m.background.draw(list, view, floor, kept.open_rects(), m.targets, m.contact_shadow.map());
  kept.clear_depth_and_mark();  // depth for the layers below; the kept regions in the stencil
  if (floor) m.background.draw_shadowed_footprint(list, view, m.contact_shadow.map());
  if (any) m.composite.draw(m.targets, scene_rect);
  // Once per pixel over the resolved scene: faint layers, then the overlays (depth-aware against
  // the resolved depth; they bring their own anti-aliasing).
  m.scene.draw_faint(frame, m.targets);
  if (!list.plain) m.overlay->draw();
  glDisable(GL_STENCIL_TEST);
  last_triangles_ = m.scene.triangles();
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
