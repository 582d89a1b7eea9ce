#include "scene/frame_builder.h"

#include "scene/model_scene.h"

namespace hiplab {

FrameRequest default_frame_request(const Model& model) {
  FrameRequest r;
  r.body.pelvis_world = bind_pelvis_world(model);
  return r;
}

void build_frame(const Model& model, ModelHandle handle, const FrameRequest& request, Pose& pose, DrawList& out) {
  out.clear();
  if (pose.local.size() != model.nodes.size()) pose = Pose::bind(model);
  if (is_body_model(model)) {
    BodySceneOptions options = request.body_options;
    options.floor = request.floor;
    options.transparent_background = request.transparent_background;
    add_body_to_scene(model, handle, request.body, options, pose, out);
  } else {
    ModelSceneOptions options;
    options.floor = request.floor;
    options.transparent_background = request.transparent_background;
    add_model_to_scene(model, handle, pose, options, out);
  }
}

}  // namespace hiplab
