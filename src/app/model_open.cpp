// model_open.cpp — see model_open.h.
#include "app/model_open.h"

#include <cmath>

#include "app/import_sandbox.h"
#include "assets/model_loader.h"
#include "scene/body_pose.h"
#include "scene/bone_attachments.h"
#include "scene/framing.h"

namespace hiplab::app {

namespace {

// Makes a loaded (and prepared) model the current one; false, with the message shown, when the
// GPU refuses it.
bool install_model(App& app, const std::string& path, Model&& model, const LoadReport& report) {
  auto handle = app.renderer->upload(model);
  if (!handle) {
    app.ui.message = path + ": " + handle.error().message;
    app.ui.message_is_error = true;
    return false;
  }
  if (app.has_model) app.renderer->release(app.handle);
  app.model = std::move(model);
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

void show_error(App& app, const std::string& message) {
  app.ui.message = message;
  app.ui.message_is_error = true;
}

}  // namespace

bool open_model(App& app, const std::string& path) {
  LoadReport report;
  auto loaded = load_user_model(path, true, &report);
  if (!loaded) {
    show_error(app, loaded.error().message);
    return false;
  }
  return install_model(app, path, std::move(loaded.value()), report);
}

void start_model_open(App& app, const std::string& path) {
  app.loading.start(path);
  app.ui.loading_path = path;
  app.ui.loading_seconds = 0.0;
}

bool poll_model_open(App& app) {
  if (!app.loading.active()) {
    app.ui.loading_path.clear();
    return false;
  }
  app.ui.loading_seconds = app.loading.seconds();
  if (!app.loading.done()) return false;
  const std::string path = app.loading.path();
  ModelLoadJob::Outcome got = app.loading.take();
  app.ui.loading_path.clear();
  if (!got.model) {
    show_error(app, got.model.error().message);
    return false;
  }
  return install_model(app, path, std::move(got.model.value()), got.report);
}

}  // namespace hiplab::app
