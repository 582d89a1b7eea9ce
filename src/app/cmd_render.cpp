#include "app/cmd_render.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "app/cli_values.h"
#include "app/headless.h"
#include "app/paths.h"
#include "anatomy/rom_norms.h"
#include "assets/model_loader.h"

namespace hiplab::app {

Command add_render_command(CLI::App& app) {
  struct Opts {
    std::string model, view = "front", size = "1280x720", out;
    int msaa = 4;
    bool transparent = false;
    std::string overlay = "off";
    std::string age_group = "adult";
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("render", "Render a view headless (no display needed) to a PNG");
  sub->add_option("--model", o->model, "Model file (glTF/GLB, FBX, COLLADA); default: the HipLab body");
  sub->add_option("--view", o->view, "front, back, left, right (or side), top");
  sub->add_option("--size", o->size, "Image size WxH, up to 8192x8192");
  sub->add_option("--msaa", o->msaa, "Multisample anti-aliasing samples (1 = off, up to the driver's limit)");
  sub->add_flag("--transparent", o->transparent, "Transparent background (no floor)");
  sub->add_option("--overlay", o->overlay, "on | off: the joint-limit overlay at both hips (body model)");
  sub->add_option("--age-group", o->age_group, "Normal range shown by the overlay: teen, adult, older, "
                                               "kouyoumdjian_supine, kouyoumdjian_prone, kouyoumdjian_seated, aaos_1965, roach_miles_1991");
  sub->add_option("--out", o->out, "Output PNG file (written atomically)")->required();

  auto run = [o]() -> int {
    auto view = parse_view_preset(o->view);
    if (!view) {
      std::fprintf(stderr, "error: --view '%s': expected front, back, left, right, side or top\n", o->view.c_str());
      return 2;
    }
    auto size = parse_size("--size", o->size, kMaxRenderSize);
    if (!size) {
      std::fprintf(stderr, "error: %s\n", size.error().message.c_str());
      return 2;
    }
    if (o->msaa < 1 || o->msaa > 32) {
      std::fprintf(stderr, "error: --msaa %d: expected 1..32 samples\n", o->msaa);
      return 2;
    }
    if (o->overlay != "on" && o->overlay != "off") {
      std::fprintf(stderr, "error: --overlay '%s': expected on or off\n", o->overlay.c_str());
      return 2;
    }
    auto norm = anatomy::find_rom_norm(o->age_group);
    if (!norm) {
      std::string ids;
      for (const auto& n : anatomy::rom_norms()) ids += (ids.empty() ? "" : ", ") + std::string(n.id);
      std::fprintf(stderr, "error: --age-group '%s': expected one of %s\n", o->age_group.c_str(), ids.c_str());
      return 2;
    }
    const std::string path = o->model.empty() ? default_model_path() : o->model;
    auto model = load_model(path);
    if (!model) {
      std::fprintf(stderr, "error: %s\n", model.error().message.c_str());
      return 1;
    }
    auto session = HeadlessSession::create();
    if (!session) {
      std::fprintf(stderr, "error: %s\n", session.error().message.c_str());
      return 1;
    }
    ViewRequest req;
    req.view = *view;
    req.width = size->width;
    req.height = size->height;
    req.msaa = o->msaa;
    req.transparent = o->transparent;
    FrameRequest frame = default_frame_request(model.value());
    frame.overlay = o->overlay == "on";
    frame.rom.norm = *norm;
    req.frame = frame;
    auto image = render_view(*session.value(), model.value(), Pose::bind(model.value()), req);
    if (!image) {
      std::fprintf(stderr, "error: %s\n", image.error().message.c_str());
      return 1;
    }
    Status written = write_png(image.value(), o->out, o->transparent);
    if (!written) {
      std::fprintf(stderr, "error: %s\n", written.error().message.c_str());
      return 1;
    }
    std::printf("%s\n", o->out.c_str());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
