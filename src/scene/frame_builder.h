// frame_builder.h — what to draw this frame, for any model: the anatomical body (posed from joint
// coordinates, with muscles) when the model has the Gait2392 body nodes, otherwise the model as
// loaded in its own pose. The window and headless rendering both build frames through this.
#pragma once
#include "assets/model.h"
#include "assets/node_transforms.h"
#include "scene/body_scene.h"
#include "scene/draw_list.h"
#include "scene/force_arrows.h"
#include "scene/props.h"
#include "scene/rom_overlay.h"

namespace hiplab {

struct FrameRequest {
  BodyPoseInput body;          // used for body models
  BodySceneOptions body_options;
  bool floor = true;
  bool transparent_background = false;
  bool overlay = false;        // joint-limit overlay (body models)
  RomOverlayOptions rom;
  std::vector<ForceArrow> contact_forces;  // drawn as arrows when not empty (scene/force_arrows.h)
  Props props;                             // the drill's mat, bench, band or cable (scene/props.h)
  float ui_scale = 1.0f;
};

// The request for a body model standing in the anatomical position (all joint angles 0), or the
// plain defaults for other models.
FrameRequest default_frame_request(const Model& model);

// Clears `out`, poses the model into `pose` and fills the draw list.
void build_frame(const Model& model, ModelHandle handle, const FrameRequest& request, NodeTransforms& pose, DrawList& out);

}  // namespace hiplab
