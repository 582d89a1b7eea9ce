// model_open.cpp — see model_open.h.
#include "app/model_open.h"

#include <cmath>

#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "scene/body_pose.h"
#include "scene/bone_attachments.h"
#include "scene/framing.h"

namespace hiplab::app {

bool open_model(App& app, const std::string& path) {
  LoadReport report;
  auto loaded = load_model(path, &report);
  if (!loaded) {
    app.ui.message = loaded.error().message;
    app.ui.message_is_error = true;
    return false;
  }
  bake_ambient_occlusion(loaded.value());
  build_lods(loaded.value());  // levels of detail for a software renderer (assets/model_lod.h)
  auto handle = app.renderer->upload(loaded.value());
  if (!handle) {
    app.ui.message = path + ": " + handle.error().message;
    app.ui.message_is_error = true;
    return false;
  }
  if (app.has_model) app.renderer->release(app.handle);
  app.model = std::move(loaded.value());
  app.handle = handle.value();
  app.has_model = true;
  app.body = is_body_model(app.model);
  // Which muscles start and end on each bone, from this model's own geometry.
  app.bone_cards.attachments = app.body ? compute_bone_attachments(app.model) : std::vector<std::vector<MuscleAttachment>>{};
  session::clear_selection(app.session.view);
  app.pose = NodeTransforms::bind(app.model);
  app.camera.set_preset(ViewPreset::kFront);
  frame_focus(app.camera, app.model, app.pose, aspect_of(app.window), free_ndc(app));  // the pelvis and legs
  app.frame_pending = true;
  const Model& m = app.model;
  app.ui.model_path = m.source;
  app.ui.model_lines = {std::to_string(m.meshes.size()) + " meshes, " + std::to_string(m.triangle_count()) + " triangles",
                        std::to_string(m.nodes.size()) + " nodes, " + std::to_string(m.bone_count()) + " bones",
                        "loaded in " + std::to_string(static_cast<int>(std::lround(m.load_ms))) + " ms"};
  if (!report.warnings.empty()) {
    app.ui.message = report.warnings.front() + (report.warnings.size() > 1 ? " (more in the log)" : "");
    app.ui.message_is_error = false;
  }
  return true;
}

}  // namespace hiplab::app
