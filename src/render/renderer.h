// renderer.h — draws a DrawList (scene/draw_list.h) with OpenGL 3.3 core. The one renderer for
// the window and headless output: it always renders into its own multisampled framebuffer (RGBA8
// holding sRGB-encoded bytes: shaders/encode_srgb.glsl)
// and resolves it; a headless caller reads the pixels back, the window blits them to the screen
// (the window is only another render target). Needs a current GL context with functions loaded
// (EglContext or a GLFW window).
//
// Passes: contact shadow (top-down closeness map, mipmapped for blur) → in the screen rectangle
// that holds the bones and muscles only, multisampled over transparent black: opaque meshes, then
// translucent ones back to front → background (clear colour and floor with its soft shadow, one
// sample per pixel, straight into the resolved image) → the multisampled rectangle resolved and
// laid over it (composite.frag.glsl) → once per pixel over it all: faint layers (the skin, fading
// out at its silhouette) and the overlays (with their own anti-aliasing). Each static mesh is drawn
// at the coarsest level of detail (Mesh::lods) whose error stays within one pixel; lighting is
// evaluated per vertex (shaders/mesh.vert.glsl). Screen regions the caller keeps
// (DrawList::kept_regions: the UI's unchanged opaque panels) are left untouched by every pass.
// Where each part lives: contact_shadow_pass.h, scene_pass.h (the multisampled scene and the faint
// layers), background_pass.h (clear colour and floor), compositing.h (kept regions, the composite),
// overlay_pass.h, picking.h; render_targets.h, gpu_models.h, gpu_timer.h beneath them.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>

#include "assets/model.h"
#include "core/result.h"
#include "render/image.h"
#include "scene/camera.h"
#include "scene/draw_list.h"

namespace hiplab {

constexpr int kMaxRenderSize = 8192;

class Renderer {
 public:
  static Result<std::unique_ptr<Renderer>> create();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // GPU copies of a model's meshes, materials and textures. The Model need not outlive the call.
  Result<ModelHandle> upload(const Model& model);
  void release(ModelHandle handle);

  // Renders into the internal framebuffer of width x height pixels with `msaa` samples (1 = off;
  // clamped to what the driver offers). Sizes 1..kMaxRenderSize.
  Status render(const DrawList& list, const OrbitCamera& camera, int width, int height, int msaa);

  Image read_pixels() const;  // the last render, resolved
  // NDC depth (-1..1) of the last render at a pixel (top-left origin); empty where only background.
  std::optional<float> read_depth(int x, int y) const;
  // The pick id (MeshDraw::pick_id) of the nearest opaque-or-translucent item under pixel (x, y)
  // (top-left origin) of a width x height view, 0 for none. Renders ids into a 1-pixel scissor.
  std::uint32_t pick(const DrawList& list, const OrbitCamera& camera, int width, int height, int x, int y);
  // Binds the resolved image of the last render as the draw framebuffer (with its viewport), so a
  // UI can be drawn over it headless (hiplab bench draws the real panels this way).
  void bind_resolved_for_drawing() const;
  // Copies the last render to the default framebuffer (the window), which is fb_w x fb_h.
  void present(int fb_w, int fb_h) const;

  // GPU time of the most recent render that has finished, in ms (GL timer queries); < 0 if none yet.
  double gpu_ms(bool wait);
  int samples() const { return samples_; }
  // The multisampled rectangle of the last render (x, y from the bottom left, width, height; all
  // zero when nothing but the background was drawn). For benchmarks and tests.
  glm::ivec4 last_scene_rect() const { return last_rect_; }
  // Triangles the last render's main pass drew (at the levels of detail it chose).
  std::size_t last_triangles() const { return last_triangles_; }
  // How many renders have been made: a caller that keeps its own pixels in the resolved image
  // between frames (DrawList::kept_regions) checks that no other render came in between.
  std::uint64_t serial() const { return serial_; }
  // Whether the last render left DrawList::kept_regions as they were (false when its images had to
  // be made anew: a new size or sample count).
  bool kept_intact() const { return kept_intact_; }

 private:
  Renderer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int samples_ = 0;
  glm::ivec4 last_rect_{0};
  std::size_t last_triangles_ = 0;
  std::uint64_t serial_ = 0;
  bool kept_intact_ = false;
};

}  // namespace hiplab
