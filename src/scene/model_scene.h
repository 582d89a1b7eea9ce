// model_scene.h — turns a runtime model in a pose into draw-list items (every mesh, its skinning
// matrices, its material), and places the floor under the posed model.
#pragma once
#include "assets/model.h"
#include "assets/node_transforms.h"
#include "scene/draw_list.h"

namespace hiplab {

struct ModelSceneOptions {
  bool floor = true;
  bool transparent_background = false;
  std::uint32_t first_pick_id = 1;  // mesh i gets pick id first_pick_id + i
};

// Appends the model's meshes to `out` (does not clear it) and sets the floor from the posed bounds.
void add_model_to_scene(const Model& model, ModelHandle handle, const NodeTransforms& pose, const ModelSceneOptions& options,
                        DrawList& out);

}  // namespace hiplab
