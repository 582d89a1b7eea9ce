#include "app/headless.h"

#include "app/paths.h"
#include "assets/ambient_occlusion.h"
#include "assets/bone_field.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"

#include "scene/frame_builder.h"
#include "scene/framing.h"

namespace hiplab::app {

Result<Model> load_prepared_body() {
  auto model = load_model(default_model_path());
  if (!model) return model.error();
  bake_ambient_occlusion(model.value());
  set_bone_fields(model.value());
  build_lods(model.value());
  return model;
}

Result<std::unique_ptr<HeadlessSession>> HeadlessSession::create(bool debug) {
  auto ctx = EglContext::create(debug);
  if (!ctx) return ctx.error();
  auto renderer = Renderer::create();
  if (!renderer) return renderer.error();
  std::unique_ptr<HeadlessSession> s(new HeadlessSession());
  s->context_ = std::move(ctx.value());
  s->renderer_ = std::move(renderer.value());
  return s;
}

OrbitCamera camera_for_view(const Model& model, const NodeTransforms& pose, ViewPreset view, float aspect) {
  OrbitCamera cam;
  cam.set_preset(view);
  frame_focus(cam, model, pose, aspect);  // the pelvis and legs of the body; any other model whole
  return cam;
}

OrbitCamera request_camera(const Model& model, const NodeTransforms& posed, const ViewRequest& request) {
  if (request.camera) return *request.camera;
  const float aspect = static_cast<float>(request.width) / static_cast<float>(std::max(request.height, 1));
  OrbitCamera cam;
  if (request.from_body) {
    look_from_body_direction(cam, request.pelvis_world, *request.from_body);
    if (request.whole_person) frame_person(cam, model, posed, aspect);
    else frame_focus(cam, model, posed, aspect);
  } else {
    cam = camera_for_view(model, posed, request.view, aspect);
  }
  cam.mirrored = request.mirror;
  return cam;
}

Result<Image> render_uploaded(Renderer& r, const Model& model, ModelHandle handle, const NodeTransforms& pose,
                              const ViewRequest& request) {
  DrawList list;
  FrameRequest frame = request.frame ? *request.frame : default_frame_request(model);
  frame.transparent_background = request.transparent;
  NodeTransforms posed = pose;
  OrbitCamera cam;
  if (request.camera) {
    cam = *request.camera;
  } else {
    build_frame(model, handle, frame, posed, list);  // posed first: the camera frames the posed model
    cam = request_camera(model, posed, request);
  }
  // With the muscle volumes tessellated for this view.
  frame.body_options.muscle_px_per_m = cam.pixels_per_metre(static_cast<float>(request.height));
  build_frame(model, handle, frame, posed, list);
  list.captions = request.captions;
  Status drawn = r.render(list, cam, request.width, request.height, request.msaa);
  if (!drawn) return drawn.error();
  return r.read_pixels();
}

Result<Image> render_view(HeadlessSession& session, const Model& model, const NodeTransforms& pose, const ViewRequest& request) {
  Renderer& r = session.renderer();
  auto handle = r.upload(model);
  if (!handle) return handle.error();
  auto image = render_uploaded(r, model, handle.value(), pose, request);
  r.release(handle.value());
  return image;
}

}  // namespace hiplab::app
