// headless.h — rendering with no display server: an EGL context plus the same Renderer the window
// uses, and the one-call "draw this model from this view into an image" used by `hiplab render`,
// `hiplab bench`, `hiplab export-video` and the render tests.
#pragma once
#include <memory>
#include <optional>

#include "assets/model.h"
#include "assets/node_transforms.h"
#include "core/result.h"
#include "render/egl_context.h"
#include "render/image.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/frame_builder.h"

namespace hiplab::app {

class HeadlessSession {
 public:
  // debug: a debug GL context with KHR_debug output on (tests count GL errors through it).
  static Result<std::unique_ptr<HeadlessSession>> create(bool debug = false);
  Renderer& renderer() { return *renderer_; }
  const EglContext& context() const { return *context_; }

 private:
  std::unique_ptr<EglContext> context_;
  std::unique_ptr<Renderer> renderer_;
};

struct ViewRequest {
  std::optional<FrameRequest> frame;  // what to draw; default: default_frame_request(model)
  ViewPreset view = ViewPreset::kFront;
  int width = 1280, height = 720, msaa = 4;
  bool transparent = false;
  bool mirror = false;  // left and right swapped, as in a mirror (OrbitCamera::mirrored)
  // A view relative to the person instead of the preset (a drill's own view): the direction toward
  // the eye in the pelvis frame, and where the pelvis is (scene/framing.h look_from_body_direction).
  std::optional<glm::dvec3> from_body;
  bool whole_person = false;  // frame the whole person (a therapist's view), not the pelvis and legs
  glm::dmat4 pelvis_world{1.0};
  // A camera to use as it is (a clip's still camera, app/video_clip.h); its mirroring is kept.
  std::optional<OrbitCamera> camera;
  std::vector<Caption> captions;  // burnt in over everything (scene/captions.h)
};

// The shipped body read and prepared as the window draws it: ambient occlusion baked and levels of
// detail made (assets/ambient_occlusion.h, assets/model_lod.h). For the commands that render
// pictures of drills (export-video, handout, soak); the error names the file.
Result<Model> load_prepared_body();

// The camera a preset gives for a posed model in a viewport of that aspect (framed to fit).
OrbitCamera camera_for_view(const Model& model, const NodeTransforms& pose, ViewPreset view, float aspect);

// The camera `request` asks for, the model posed as `posed`: its own camera, a drill's view or a
// preset, framed to fit.
OrbitCamera request_camera(const Model& model, const NodeTransforms& posed, const ViewRequest& request);

// Draws a model already uploaded to the renderer (the frames of a clip share one upload)
// and reads it back; as render_view otherwise.
// Works with any renderer whose GL context is current (the window's too).
Result<Image> render_uploaded(Renderer& renderer, const Model& model, ModelHandle handle, const NodeTransforms& pose,
                              const ViewRequest& request);

// Uploads (once per call), draws and reads back. Body models are posed by the frame request;
// other models are drawn in `pose`.
Result<Image> render_view(HeadlessSession& session, const Model& model, const NodeTransforms& pose, const ViewRequest& request);

}  // namespace hiplab::app
