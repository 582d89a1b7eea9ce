// cmd_bench.cpp — renders N animated frames headless and prints frame-time statistics. Figures,
// not pass/fail: performance targets are checked by reading them (see README).
#include "app/cmd_bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/cli_values.h"
#include "app/headless.h"
#include "app/paths.h"
#include "assets/gltf_writer.h"
#include "assets/model_loader.h"
#include "assets/synthetic_model.h"
#include "biomech/frame_analysis.h"
#include "render/gl_context.h"
#include "scene/model_scene.h"

namespace hiplab::app {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const std::size_t i = static_cast<std::size_t>(pos);
  const double f = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  struct Opts {
    std::string model, size = "1280x720";
    std::size_t synthetic = 0;
    int frames = 120, msaa = 4;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("bench", "Render N animated frames headless and print timing figures");
  sub->add_option("--model", o->model, "Model file; default: the HipLab body");
  sub->add_option("--synthetic", o->synthetic, "Instead of a file: a generated skinned scene of this many triangles "
                                               "(written to glTF and loaded through Assimp like a user file)");
  sub->add_option("--frames", o->frames, "Frames to render (1..100000)");
  sub->add_option("--size", o->size, "Viewport WxH");
  sub->add_option("--msaa", o->msaa, "MSAA samples");
  sub->add_flag("--json", o->json, "Print JSON");
  auto run = [o]() -> int {
    const auto t_start = Clock::now();
    if (o->frames < 1 || o->frames > 100000) {
      std::fprintf(stderr, "error: --frames %d: expected 1..100000\n", o->frames);
      return 2;
    }
    auto size = parse_size("--size", o->size, kMaxRenderSize);
    if (!size) {
      std::fprintf(stderr, "error: %s\n", size.error().message.c_str());
      return 2;
    }
    std::string path = o->model.empty() ? default_model_path() : o->model;
    std::string temp;
    if (o->synthetic > 0) {
      if (o->synthetic > 20'000'000) {
        std::fprintf(stderr, "error: --synthetic %zu: expected at most 20000000 triangles\n", o->synthetic);
        return 2;
      }
      temp = (std::filesystem::temp_directory_path() / ("hiplab_bench_" + std::to_string(::getpid()) + ".gltf")).string();
      Status w = write_gltf(make_benchmark_model(o->synthetic), temp);
      if (!w) {
        std::fprintf(stderr, "error: %s\n", w.error().message.c_str());
        return 1;
      }
      path = temp;
    }
    auto loaded = load_model(path);
    if (!temp.empty()) std::filesystem::remove(temp);
    if (!loaded) {
      std::fprintf(stderr, "error: %s\n", loaded.error().message.c_str());
      return 1;
    }
    const Model& model = loaded.value();
    auto session = HeadlessSession::create();
    if (!session) {
      std::fprintf(stderr, "error: %s\n", session.error().message.c_str());
      return 1;
    }
    Renderer& r = session.value()->renderer();
    auto handle = r.upload(model);
    if (!handle) {
      std::fprintf(stderr, "error: %s\n", handle.error().message.c_str());
      return 1;
    }
    const float aspect = static_cast<float>(size->width) / static_cast<float>(size->height);
    Pose pose = Pose::bind(model);
    OrbitCamera cam = camera_for_view(model, pose, ViewPreset::kFront, aspect);
    DrawList list;
    std::vector<double> cpu, gpu;
    double first_frame_ms = 0.0;
    for (int f = 0; f < o->frames; ++f) {
      const auto t0 = Clock::now();
      // Animate: every non-root node sways a few degrees, so skinning matrices change each frame.
      const float a = 0.15f * std::sin(0.1f * static_cast<float>(f));
      for (std::size_t i = 0; i < model.nodes.size(); ++i)
        pose.local[i] = model.nodes[i].parent < 0 ? model.nodes[i].local_bind
                                                  : glm::rotate(model.nodes[i].local_bind, a, glm::vec3(0, 0, 1));
      pose.update_world(model);
      list.clear();
      add_model_to_scene(model, handle.value(), pose, ModelSceneOptions{}, list);
      Status s = r.render(list, cam, size->width, size->height, o->msaa);
      if (!s) {
        std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
        return 1;
      }
      const double g = r.gpu_ms(true);  // waits for the frame to finish on the GPU
      cpu.push_back(ms_since(t0));
      gpu.push_back(g);
      if (f == 0) first_frame_ms = ms_since(t_start);
    }
    const int gl_errors = gl_error_count();
    // The biomechanics of one frame (paths, lengths, moment arms, torques, effort solve, both legs).
    const double biomech_ms = biomech::biomech_bench_median_ms(std::max(200, o->frames * 10));
    nlohmann::json j = {{"model", o->synthetic ? "synthetic" : path},
                        {"triangles", model.triangle_count()},
                        {"bones", model.bone_count()},
                        {"frames", o->frames},
                        {"size", o->size},
                        {"msaa", r.samples()},
                        {"renderer", gl_description()},
                        {"model_load_ms", model.load_ms},
                        {"start_to_first_frame_ms", first_frame_ms},
                        {"frame_ms_median", percentile(cpu, 0.5)},
                        {"frame_ms_p95", percentile(cpu, 0.95)},
                        {"gpu_ms_median", percentile(gpu, 0.5)},
                        {"gpu_ms_p95", percentile(gpu, 0.95)},
                        {"fps_median", 1000.0 / std::max(percentile(cpu, 0.5), 1e-6)},
                        {"biomech_ms_median", biomech_ms},
                        {"gl_errors", gl_errors}};
    if (o->json) {
      std::printf("%s\n", j.dump(2).c_str());
    } else {
      std::printf("renderer            %s\n", gl_description().c_str());
      std::printf("model               %s (%zu triangles, %zu bones)\n", j["model"].get<std::string>().c_str(),
                  model.triangle_count(), model.bone_count());
      std::printf("frames              %d at %s, %dx MSAA\n", o->frames, o->size.c_str(), r.samples());
      std::printf("model load          %.1f ms\n", model.load_ms);
      std::printf("start → first frame %.1f ms\n", first_frame_ms);
      std::printf("CPU frame time      median %.2f ms, p95 %.2f ms (%.1f fps)\n", percentile(cpu, 0.5),
                  percentile(cpu, 0.95), 1000.0 / std::max(percentile(cpu, 0.5), 1e-6));
      std::printf("GPU time            median %.2f ms, p95 %.2f ms\n", percentile(gpu, 0.5), percentile(gpu, 0.95));
      std::printf("biomechanics        median %.3f ms per frame (both legs, one core)\n", biomech_ms);
      std::printf("GL errors           %d\n", gl_errors);
    }
    r.release(handle.value());
    return gl_errors == 0 ? 0 : 1;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
