// model_open.cpp — see model_open.h.
#include "app/model_open.h"

#include <chrono>
#include <cmath>

#include "app/import_sandbox.h"
#include "assets/bone_field.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
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
  ++app.model_generation;  // levels still being made for the model before are no longer wanted
  app.lods_pending = false;
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
  auto loaded = load_user_model(path, Prep::kFull, &report);
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

std::future<PreloadedModel> preload_model(const std::string& path) {
  return std::async(std::launch::async, [path] {
    PreloadedModel p;
    p.model = load_user_model(path, Prep::kOcclusion, &p.report);
    return p;
  });
}

bool open_preloaded_model(App& app, PreloadedModel&& preloaded) {
  if (!preloaded.model) {
    show_error(app, preloaded.model.error().message);
    return false;
  }
  const std::string path = preloaded.model.value().source;
  if (!install_model(app, path, std::move(preloaded.model.value()), preloaded.report)) return false;
  app.lods_pending = true;
  app.bone_fields_pending = true;
  return true;
}

void start_deferred_lods(App& app) {
  if (!app.lods_pending || !app.has_model || app.lod_build.valid()) return;
  app.lods_pending = false;
  app.lod_generation = app.model_generation;
  app.lod_build = std::async(std::launch::async, [m = app.model]() mutable {
    build_lods(m);
    return m;
  });
}

bool poll_deferred_lods(App& app, bool wait) {
  if (!app.lod_build.valid()) return false;
  if (!wait && app.lod_build.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  Model with_levels = app.lod_build.get();
  if (app.lod_generation != app.model_generation) return false;  // another model was opened meanwhile
  auto handle = app.renderer->upload(with_levels);
  if (!handle) return false;  // the model without levels stays: slower to draw, the same to see
  app.renderer->release(app.handle);
  app.handle = handle.value();
  // Only the meshes' order of vertices and their lighter index lists differ (model_lod.h): the
  // pose, the view and the selection, which refer to nodes and meshes, all still hold.
  app.model = std::move(with_levels);
  return true;
}

void start_deferred_bone_fields(App& app) {
  if (!app.bone_fields_pending || !app.has_model || app.bone_field_build.valid()) return;
  if (app.lods_pending || app.lod_build.valid()) return;  // after the levels, not beside them
  app.bone_fields_pending = false;
  if (app.model.muscle_volumes.empty() || !app.model.bone_fields.empty()) return;
  app.bone_field_generation = app.model_generation;
  // A copy of the bones alone (a few MB): the model may be replaced while the fields are made.
  app.bone_field_build = std::async(std::launch::async, [bones = bone_sources(app.model)] {
    // One thread: the other core stays with the window's drawing (llvmpipe draws on the CPU).
    return make_bone_fields(bones, 1);
  });
}

bool poll_deferred_bone_fields(App& app, bool wait) {
  if (!app.bone_field_build.valid()) return false;
  if (!wait && app.bone_field_build.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  std::vector<BoneField> fields = app.bone_field_build.get();
  if (app.bone_field_generation != app.model_generation) return false;  // another model was opened meanwhile
  // Nothing to upload: the scene reads the fields as it places the volumes (scene/body_scene.cpp).
  return install_bone_fields(app.model, std::move(fields));
}

}  // namespace hiplab::app
