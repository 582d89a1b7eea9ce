// scene_pass.h — [SECTION] scene and faint layers: the draw list's lit meshes with their
// materials. Opaque items are drawn front to back (what lies behind fails the depth test before it
// is shaded), then translucent ones back to front, multisampled over transparent black in the one
// screen rectangle that holds them (colours come out premultiplied by coverage; the composite pass
// lays them over the background). Faint layers (MeshDraw::simple_shading: the translucent skin,
// fading out at its silhouette) are the outermost surface: drawn last, back to front, once per
// pixel over the resolved scene. Programs: plain (the bench baseline), mesh (lit per vertex),
// textured (the texture per pixel), simple (faint layers); their lighting uniforms are set once per
// program and frame. Internal to the render layer.
#pragma once
#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/compositing.h"
#include "render/frame.h"
#include "render/gl_program.h"
#include "render/render_targets.h"

namespace hiplab {

// The screen rectangle (GL pixels) of every multisampled item's box in the view, with two pixels
// of margin for rasterisation rules, clamped to the view; all zero when there is none. Only this
// rectangle is multisampled: the background and floor around it have no edges there, and on a
// software renderer that saves most of the cost of clearing and resolving a multisampled frame.
glm::ivec4 multisampled_rect(const Frame& frame);

class ScenePass {
 public:
  ScenePass() = default;
  ~ScenePass();
  ScenePass(const ScenePass&) = delete;
  ScenePass& operator=(const ScenePass&) = delete;

  Status init();

  // Sorts the frame's items into opaque, translucent and faint (CPU; texture unit 0 made active).
  void begin(const Frame& frame);
  // Opaque then translucent items into `rect` (GL pixels, not empty) of the multisampled target,
  // cleared first, the kept regions stencilled out.
  void draw_multisampled(const Frame& frame, const RenderTargets& targets, const KeptRegions& kept, const glm::ivec4& rect);
  // Faint layers over the resolved target, depth-tested against its depth, not writing it. Leaves
  // the resolved target bound with blending and the depth test on (for the overlays).
  void draw_faint(const Frame& frame, const RenderTargets& targets);
  // Triangles drawn since begin (at the levels of detail chosen).
  std::size_t triangles() const { return triangles_; }

 private:
  void use(Program* program, const Frame& frame);
  void draw(const Frame& frame, std::size_t index);

  Program plain_, mesh_, textured_, simple_;
  Program* current_ = nullptr;  // the program in use with this frame's uniforms, if one
  std::vector<std::size_t> opaque_, translucent_, faint_, show_through_;
  float alpha_scale_ = 1.0f;
  bool opaque_pass_ = false;  // drawing the opaque items, blending off  // the show-through pass draws its muscles at this opacity
  std::size_t triangles_ = 0;
};

}  // namespace hiplab
