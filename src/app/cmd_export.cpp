#include "app/cmd_export.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "app/scene_options.h"
#include "app/import_sandbox.h"
#include "assets/bone_field.h"
#include "assets/model_loader.h"
#include "assets/scene_export.h"
#include "scene/body_pose.h"
#include "scene/draw_list_export.h"
#include "scene/frame_builder.h"

namespace hiplab::app {

namespace {
// Why nothing can be written at `path` ("" when it can): its folder must exist and take new files
// (the files are written atomically, through a temporary beside them).
std::string unwritable_reason(const std::string& path) {
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return "no folder " + dir.string();
  if (::access(dir.c_str(), W_OK) != 0) return "folder " + dir.string() + " is not writable (" + std::strerror(errno) + ")";
  if (std::filesystem::is_directory(path, ec)) return "it is a folder";
  return "";
}
}  // namespace

Command add_export_command(CLI::App& app) {
  struct Opts {
    SceneOptions scene;
    std::string out;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand(
      "export", "Write what the view shows (bones, muscles, skin; posed, coloured) as a 3D file: .glb or .obj + .mtl");
  add_scene_options(sub, o->scene);
  sub->add_option("--out", o->out,
                  "Output file: FILE.glb (binary glTF) or FILE.obj (with FILE.mtl beside it); world space, metres, "
                  "+Y up; written atomically")
      ->required();

  auto run = [o]() -> int {
    auto choice = resolve_scene_options(o->scene);
    if (!choice) {
      std::fprintf(stderr, "error: %s\n", choice.error().message.c_str());
      return 2;
    }
    if (!export_format_for(o->out)) {
      std::fprintf(stderr, "error: --out '%s': expected a file name ending in .glb or .obj\n", o->out.c_str());
      return 2;
    }
    if (const std::string why = unwritable_reason(o->out); !why.empty()) {
      std::fprintf(stderr, "error: --out '%s': cannot write there (%s)\n", o->out.c_str(), why.c_str());
      return 2;
    }
    auto model = load_user_model(choice->model_path, Prep::kNone);  // a file from outside: in the sandbox
    if (!model) {
      std::fprintf(stderr, "error: %s\n", model.error().message.c_str());
      return 1;
    }
    // No levels of detail are built: every mesh and muscle volume goes out at full detail, pushed
    // out of the bones as the view draws them.
    set_bone_fields(model.value());
    FrameRequest frame = default_frame_request(model.value());
    if (is_body_model(model.value())) {
      if (Status layers = load_peel_layers(choice->view); !layers) {
        std::fprintf(stderr, "error: %s\n", layers.error().message.c_str());
        return 1;
      }
      session::ComputedFrame computed;
      session::compute_frame(scene_pose(model.value(), choice.value()), choice->view, computed);
      frame = computed.request;
      frame.body_options.muscle_px_per_m = 0.0f;  // the full muscle volumes, not the on-screen level
    } else if (choice->posed || choice->view.highlight != HighlightMode::kNone || choice->view.peel.any()) {
      std::fprintf(stderr, "warning: %s has no HipLab body nodes; --drill/--pose/--highlight/--peel are ignored\n",
                   choice->model_path.c_str());
    }
    frame.floor = false;
    NodeTransforms pose = NodeTransforms::bind(model.value());
    DrawList list;
    build_frame(model.value(), ModelHandle{}, frame, pose, list);  // CPU only: no renderer, no handle
    const ExportScene scene = export_draw_list(model.value(), list);
    Status written = write_export(scene, o->out);
    if (!written) {
      std::fprintf(stderr, "error: %s\n", written.error().message.c_str());
      return 1;
    }
    std::size_t triangles = 0;
    for (const ExportObject& obj : scene.objects) triangles += obj.indices.size() / 3;
    std::printf("%s: %zu objects, %zu triangles\n", o->out.c_str(), scene.objects.size(), triangles);
    if (export_format_for(o->out) == ExportFormat::kObj) std::printf("%s\n", mtl_path_for(o->out).c_str());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
