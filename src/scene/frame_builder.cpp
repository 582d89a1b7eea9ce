#include "scene/frame_builder.h"

#include "scene/model_scene.h"

namespace hiplab {

FrameRequest default_frame_request(const Model& model) {
  FrameRequest r;
  r.body.pelvis_world = bind_pelvis_world(model);
  return r;
}

void build_frame(const Model& model, ModelHandle handle, const FrameRequest& request, NodeTransforms& pose, DrawList& out) {
  out.clear();
  out.ui_scale = request.ui_scale;
  if (pose.local.size() != model.nodes.size()) pose = NodeTransforms::bind(model);
  if (is_body_model(model)) {
    BodySceneOptions options = request.body_options;
    options.floor = request.floor;
    options.transparent_background = request.transparent_background;
    add_body_to_scene(model, handle, request.body, options, pose, out);
    if (request.overlay) add_rom_overlay(request.body.legs, request.body.pelvis_world, request.rom, out);
    if (!request.contact_forces.empty()) add_force_arrows(request.contact_forces, out);
    add_props(request.props, out);
  } else {
    ModelSceneOptions options;
    options.floor = request.floor;
    options.transparent_background = request.transparent_background;
    add_model_to_scene(model, handle, pose, options, out);
  }
}

}  // namespace hiplab
