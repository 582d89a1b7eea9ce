// cmd_bench.cpp — renders N animated frames headless and prints frame-time statistics. Figures,
// not pass/fail: performance targets are checked by reading them (see README).
#include "app/cmd_bench.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/cli_values.h"
#include "app/headless.h"
#include "app/import_sandbox.h"
#include "app/paths.h"
#include "app/process_memory.h"
#include "assets/bone_field.h"
#include "assets/gltf_writer.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/synthetic_model.h"
#include "biomech/frame_analysis.h"
#include "assets/muscle_info.h"
#include "motion/timeline.h"
#include "render/gl_context.h"
#include "scene/body_pose.h"
#include "scene/frame_builder.h"
#include "scene/landmarks.h"
#include "session/session.h"
#include "ui/app_ui.h"
#include "ui/ui_context.h"
#include "ui/ui_draw.h"
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

// Scrubbing: the effort solve of frames the user jumps to on the scrub bar. Every shipped drill
// (working side right), `per_drill` times spread over its whole timeline, visited in a shuffled
// order (fixed seed) with one result reused, as the window reuses its frame's result: each solve
// starts from the frame before, which is another moment of the drill (biomech/frame_analysis.h
// warm start; a jump to another phase changes the problem's shape and the solve starts cold). The
// same order is run `passes` times and each frame keeps its fastest time. Times are this thread's
// CPU time (CLOCK_THREAD_CPUTIME_ID): on a shared machine another process can hold the core for
// milliseconds in the middle of a solve, in every pass; on a free core, CPU and wall time agree.
double process_cpu_ms() {  // every thread of the process
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

struct ScrubTiming {
  double worst_ms = 0.0, p99_ms = 0.0, median_ms = 0.0;
  double worst_raw_ms = 0.0;  // the slowest single call
  int frames = 0, drills = 0;
  std::string worst_at;  // drill and time of the worst frame
};

ScrubTiming scrub_timing(const std::vector<session::DrillEntry>& drills, int per_drill, int passes) {
  struct Frame {
    std::size_t drill;
    double t;
  };
  std::vector<motion::Timeline> timelines;
  std::vector<std::string> ids;
  std::vector<Frame> frames;
  for (const session::DrillEntry& d : drills) {
    if (d.user) continue;
    auto tl = motion::Timeline::build(d.drill, anatomy::Side::kRight);
    if (!tl) continue;
    const double dur = tl->duration();
    for (int i = 0; i < per_drill; ++i)
      frames.push_back({timelines.size(), dur * (static_cast<double>(i) + 0.5) / per_drill});
    timelines.push_back(std::move(tl.value()));
    ids.push_back(d.drill.id);
  }
  std::uint64_t seed = 0x9E3779B97F4A7C15ull;  // fixed: every run jumps the same way
  for (std::size_t i = frames.size(); i > 1; --i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    std::swap(frames[i - 1], frames[static_cast<std::size_t>((seed >> 33) % i)]);
  }
  std::vector<biomech::BiomechInput> inputs;
  inputs.reserve(frames.size());
  for (const Frame& f : frames) inputs.push_back(motion::biomech_input(timelines[f.drill].evaluate(f.t)));
  auto result = std::make_unique<biomech::BiomechResult>();
  std::vector<double> best(frames.size(), 1e300);
  ScrubTiming st;
  for (int p = 0; p < passes; ++p) {
    *result = biomech::BiomechResult{};
    for (std::size_t i = 0; i < frames.size(); ++i) {
      const double t0 = thread_cpu_ms();
      biomech::analyze_frame(inputs[i], *result);
      const double ms = thread_cpu_ms() - t0;
      best[i] = std::min(best[i], ms);
      st.worst_raw_ms = std::max(st.worst_raw_ms, ms);
    }
  }
  st.frames = static_cast<int>(frames.size());
  st.drills = static_cast<int>(timelines.size());
  if (frames.empty()) return st;
  const std::size_t worst = static_cast<std::size_t>(std::max_element(best.begin(), best.end()) - best.begin());
  st.worst_ms = best[worst];
  char at[160];
  std::snprintf(at, sizeof at, "%s at %.2f s", ids[frames[worst].drill].c_str(), frames[worst].t);
  st.worst_at = at;
  st.p99_ms = percentile(best, 0.99);
  st.median_ms = percentile(best, 0.5);
  return st;
}

}  // namespace

Command add_bench_command(CLI::App& app) {
  struct Opts {
    std::string model, size = "1280x720";
    std::size_t synthetic = 0;
    int frames = 120, msaa = 4, rounds = 0;  // rounds 0: min(4, frames)
    bool json = false, no_ui = false, redraw_ui = false;
    std::vector<std::string> without;
    std::string drill = "clamshell";
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("bench", "Render N animated frames headless and print timing figures");
  sub->add_option("--model", o->model, "Model file; default: the HipLab body");
  sub->add_option("--synthetic", o->synthetic, "Instead of a file: a generated skinned scene of this many triangles "
                                               "(written to glTF and loaded through Assimp like a user file)");
  sub->add_option("--frames", o->frames, "Frames to render (1..100000)");
  sub->add_option("--size", o->size, "Viewport WxH");
  sub->add_option("--msaa", o->msaa, "MSAA samples");
  sub->add_option("--rounds", o->rounds, "The full frames and the plain baseline's alternate in this many blocks "
                                         "(1..frames; default 4, or --frames when fewer), so a swing of the "
                                         "machine's speed falls on both alike");
  sub->add_option("--drill", o->drill, "Body model: the drill that plays (default clamshell)");
  sub->add_flag("--no-ui", o->no_ui, "Body model: leave the UI panels out");
  sub->add_flag("--redraw-ui", o->redraw_ui, "Body model: draw every panel every frame (no panels kept from the "
                                             "last frame), to price that");
  sub->add_option("--without", o->without, "Body model: leave parts out to price them (skin, muscles, bones, floor, "
                                           "overlay, labels; comma-separated)")
      ->delimiter(',')
      ->check(CLI::IsMember({"skin", "muscles", "bones", "floor", "overlay", "labels"}));
  sub->add_flag("--json", o->json, "Print JSON");
  auto run = [o]() -> int {
    const auto t_start = Clock::now();
    if (o->frames < 1 || o->frames > 100000) {
      std::fprintf(stderr, "error: --frames %d: expected 1..100000\n", o->frames);
      return 2;
    }
    if (o->rounds == 0) o->rounds = std::min(4, o->frames);
    if (o->rounds < 1 || o->rounds > o->frames) {
      std::fprintf(stderr, "error: --rounds %d: expected 1..%d (at most --frames)\n", o->rounds, o->frames);
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
    // The model is read and prepared on a worker thread while this one opens the GL context and
    // reads the drills and cards: start-up steps that need nothing from each other overlap, as in
    // the window (the shipped body in process, any other file in the sandbox, app/import_sandbox.h).
    struct Prepared {
      Result<Model> model = make_error("");
      double ao_ms = 0.0;
    };
    auto preparing = std::async(std::launch::async, [path, temp] {
      Prepared p;
      p.model = load_user_model(path, Prep::kNone);
      if (!temp.empty()) std::filesystem::remove(temp);
      if (p.model) {
        const auto ao_start = Clock::now();
        bake_ambient_occlusion(p.model.value());
        p.ao_ms = ms_since(ao_start);
      }
      return p;
    });
    auto session = HeadlessSession::create();
    session::Session app_state;
    app_state.load_drills(asset_dir() + "/drills", "");
    std::vector<MuscleInfo> info;
    if (auto i = load_muscle_info(asset_dir() + "/anatomy/muscles.json")) info = std::move(i.value());
    Prepared prepared = preparing.get();
    if (!prepared.model) {
      std::fprintf(stderr, "error: %s\n", prepared.model.error().message.c_str());
      return 1;
    }
    const double ao_ms = prepared.ao_ms;
    Model& model = prepared.model.value();
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
    const bool body = is_body_model(model);
    // The body: a drill plays (poses, effort solve, highlight, overlay, landmark labels and the
    // real UI panels drawn over the frame). Other models: every node sways a little.
    ui::UiState ui_state;
    bool no_labels = false;
    if (body) {
      const int index = app_state.find_drill(o->drill);
      if (index < 0 || !app_state.select_drill(index)) {
        std::fprintf(stderr, "error: --drill '%s': no such drill (see hiplab drills)\n", o->drill.c_str());
        return 2;
      }
      app_state.view.overlay = true;
      app_state.view.highlight = HighlightMode::kWorking;
      for (const std::string& part : o->without) {
        if (part == "skin") app_state.view.show_skin = false;
        else if (part == "muscles") app_state.view.show_muscles = false;
        else if (part == "bones") app_state.view.show_bones = false;
        else if (part == "floor") app_state.view.floor = false;
        else if (part == "overlay") app_state.view.overlay = false;
        else if (part == "labels") no_labels = true;
      }
    }
    const bool with_ui = body && !o->no_ui;
    std::unique_ptr<ui::UiContext> imgui;
    std::unique_ptr<ui::UiDraw> ui_draw;
    if (with_ui) {
      imgui = ui::UiContext::offscreen(size->width, size->height);  // the window's panels, as they look there
      imgui->set_scale(1.0f);
      ui_draw = ui::UiDraw::create();
      if (!ui_draw) {
        std::fprintf(stderr, "error: the UI shaders do not build\n");
        return 1;
      }
      ui_draw->upload_fonts();
    }
    NodeTransforms pose = NodeTransforms::bind(model);
    OrbitCamera cam = camera_for_view(model, pose, ViewPreset::kFront, aspect);
    bool framed = false;
    DrawList list;
    session::ComputedFrame computed;
    std::vector<double> kept_share, layers_drawn, layers_total;
    double lod_ms = 0.0, bone_fields_ms = 0.0;
    // Frames [f0, f1) of the drill's playback, full or plain; per frame its wall time (`cpu`, the
    // time the frame holds the thread that drives it: its "CPU frame time"), its GPU time, and the
    // CPU time the whole process spent on it (`proc`: every thread's, llvmpipe's rasteriser threads
    // included), which another program running beside the bench does not lengthen.
    auto run = [&](bool plain, int f0, int f1, std::vector<double>& cpu, std::vector<double>& gpu, std::vector<double>& proc,
                   double* first_ms) -> Status {
      for (int f = f0; f < f1; ++f) {
        const auto t0 = Clock::now();
        const double p0 = process_cpu_ms();
        list.clear();
        if (body) {
          const double t = std::fmod(f / 30.0, app_state.timeline()->duration());
          app_state.playback().scrub(t);
          session::compute_frame(app_state.current_pose(), app_state.view, computed);
          if (framed) computed.request.body_options.muscle_px_per_m = cam.pixels_per_metre(static_cast<float>(size->height));
          build_frame(model, handle.value(), computed.request, pose, list);
          if (!no_labels) add_landmark_labels(computed.request.body, app_state.side(), list);
          if (!framed) {
            cam = camera_for_view(model, pose, ViewPreset::kFront, aspect);
            framed = true;
          }
        } else {
          const float a = 0.15f * std::sin(0.1f * static_cast<float>(f));
          for (std::size_t i = 0; i < model.nodes.size(); ++i)
            pose.local[i] = model.nodes[i].parent < 0 ? model.nodes[i].local_bind
                                                      : glm::rotate(model.nodes[i].local_bind, a, glm::vec3(0, 0, 1));
          pose.update_world(model);
          add_model_to_scene(model, handle.value(), pose, ModelSceneOptions{}, list);
        }
        list.plain = plain;
        const bool ui_now = with_ui && !plain;
        ImDrawData* panels = nullptr;
        if (ui_now) {
          // As the window does: the panels first, so the render can leave the unchanged ones alone.
          imgui->new_frame();
          ui::draw_app_ui(ui_state, app_state, computed, &model, info);
          panels = imgui->finish_frame();
        }
        Status s = ui_now ? ui::render_scene_and_ui(r, *ui_draw, list, cam, size->width, size->height, o->msaa,
                                                panels, !o->redraw_ui)
                          : r.render(list, cam, size->width, size->height, o->msaa);
        if (!s) return s;
        if (ui_now) {
          long long area = 0;
          for (const glm::ivec4& k : list.kept_regions) area += static_cast<long long>(k.z) * k.w;
          kept_share.push_back(static_cast<double>(area) / (static_cast<double>(size->width) * size->height));
          layers_drawn.push_back(static_cast<double>(ui_draw->last_drawn_layers()));
          layers_total.push_back(static_cast<double>(ui::UiContext::draw_list_count(panels)));
          finish_gl_work();
        }
        const double g = r.gpu_ms(true);  // waits for the frame to finish on the GPU
        cpu.push_back(ms_since(t0));
        proc.push_back(process_cpu_ms() - p0);
        gpu.push_back(g);
        if (f == 0 && first_ms) {
          *first_ms = ms_since(t_start);
          // As the window does: the first frame draws the full meshes, the lighter levels
          // (assets/model_lod.h) are made after it and the model uploaded again.
          const auto lod_start = Clock::now();
          build_lods(model);
          r.release(handle.value());
          handle = r.upload(model);
          if (!handle) return handle.error();
          lod_ms = ms_since(lod_start);
          // Then, on the window's own worker, the bones' fields that keep the volumes out of bone
          // (app/model_open.h start_deferred_bone_fields; one thread there, here as many as it has).
          const auto fields_start = Clock::now();
          set_bone_fields(model);
          bone_fields_ms = ms_since(fields_start);
        }
      }
      return Status(Ok{});
    };
    // The full frames and the plain baseline's alternate in --rounds blocks of the same frames of
    // the drill (on a shared machine the speed drifts over a run: measured one after the other,
    // the drift went into their ratio). The first block of full frames starts the program's
    // first frame.
    std::vector<double> cpu, gpu, proc, plain_cpu, plain_gpu, plain_proc;
    double first_frame_ms = 0.0;
    glm::ivec4 rect{0};
    std::size_t scene_triangles = 0;
    for (int k = 0; k < o->rounds; ++k) {
      const int f0 = static_cast<int>(static_cast<long long>(o->frames) * k / o->rounds);
      const int f1 = static_cast<int>(static_cast<long long>(o->frames) * (k + 1) / o->rounds);
      if (Status s = run(false, f0, f1, cpu, gpu, proc, k == 0 ? &first_frame_ms : nullptr); !s) {
        std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
        return 1;
      }
      if (k == 0) {
        rect = r.last_scene_rect();
        scene_triangles = r.last_triangles();
      }
      if (Status s = run(true, f0, f1, plain_cpu, plain_gpu, plain_proc, nullptr); !s) {
        std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
        return 1;
      }
    }
    if (with_ui) {
      ui_draw.reset();
      imgui.reset();
    }
    // The first frames compile shaders and fill caches: leave them out of the statistics.
    auto steady = [](std::vector<double> v) {
      // The first frame always goes (its GPU timer also spans shader compiles; llvmpipe can report
      // nonsense for it); with enough frames the second too.
      if (v.size() > 4) v.erase(v.begin(), v.begin() + 2);
      else if (v.size() > 1) v.erase(v.begin());
      return v;
    };
    cpu = steady(cpu);
    gpu = steady(gpu);
    proc = steady(proc);
    plain_cpu = steady(plain_cpu);
    plain_proc = steady(plain_proc);
    const int gl_errors = gl_error_count();
    // What the window holds for the same model, drill and panels (the bench draws them as it does;
    // the window adds its own framebuffer and the display's connection).
    const ProcessMemory memory = process_memory();
    // The biomechanics of one frame (paths, lengths, moment arms, torques, effort solve, both legs).
    const double biomech_ms = biomech::biomech_bench_median_ms(std::max(200, o->frames * 10));
    const ScrubTiming scrub = scrub_timing(app_state.drills(), 100, 3);
    std::string parts;
    for (const char* part : {"bones", "muscles", "skin", "floor", "overlay", "labels"})
      if (std::find(o->without.begin(), o->without.end(), part) == o->without.end()) parts += std::string(part) + ", ";
    parts += with_ui ? (o->redraw_ui ? "UI (every panel drawn every frame)" : "UI") : "no UI";
    const double full = percentile(cpu, 0.5), base = percentile(plain_cpu, 0.5);
    const double full_proc = percentile(proc, 0.5), base_proc = percentile(plain_proc, 0.5);
    nlohmann::json j = {{"model", o->synthetic ? "synthetic" : path},
                        {"scene", body ? "body: drill " + o->drill + ", " + parts : "model, swaying"},
                        {"triangles", model.triangle_count()},
                        {"scene_triangles", scene_triangles},
                        {"scene_rect", {rect.z, rect.w}},
                        {"bones", model.bone_count()},
                        {"frames", o->frames},
                        {"rounds", o->rounds},
                        {"size", o->size},
                        {"msaa", r.samples()},
                        {"renderer", gl_description()},
                        {"model_load_ms", model.load_ms},
                        {"ambient_occlusion_bake_ms", ao_ms},
                        {"start_to_first_frame_ms", first_frame_ms},
                        {"lod_build_after_first_frame_ms", lod_ms},
                        {"bone_fields_after_first_frame_ms", bone_fields_ms},
                        {"frame_ms_median", full},
                        {"frame_ms_p95", percentile(cpu, 0.95)},
                        {"fps_median", 1000.0 / std::max(full, 1e-6)},
                        {"gpu_ms_median", percentile(gpu, 0.5)},
                        {"gpu_ms_p95", percentile(gpu, 0.95)},
                        {"plain_frame_ms_median", base},
                        {"full_vs_plain_ratio", full / std::max(base, 1e-6)},
                        {"frame_process_cpu_ms_median", full_proc},
                        {"plain_process_cpu_ms_median", base_proc},
                        {"full_vs_plain_ratio_process_cpu", full_proc / std::max(base_proc, 1e-6)},
                        {"biomech_ms_median", biomech_ms},
                        {"biomech_scrub_ms_worst", scrub.worst_ms},
                        {"biomech_scrub_ms_p99", scrub.p99_ms},
                        {"biomech_scrub_ms_median", scrub.median_ms},
                        {"biomech_scrub_ms_worst_single_call", scrub.worst_raw_ms},
                        {"biomech_scrub_frames", scrub.frames},
                        {"biomech_scrub_worst_at", scrub.worst_at},
                        {"resident_mib", memory.resident_mib},
                        {"peak_resident_mib", memory.peak_resident_mib},
                        {"gl_errors", gl_errors}};
    if (with_ui) {
      j["ui_layers_drawn_median"] = percentile(steady(layers_drawn), 0.5);
      j["ui_layers_median"] = percentile(steady(layers_total), 0.5);
      j["ui_kept_share_median"] = percentile(steady(kept_share), 0.5);
    }
    if (o->json) {
      std::printf("%s\n", j.dump(2).c_str());
    } else {
      std::printf("renderer            %s\n", gl_description().c_str());
      std::printf("model               %s (%zu triangles, %zu bones)\n", j["model"].get<std::string>().c_str(),
                  model.triangle_count(), model.bone_count());
      std::printf("scene               %s, %zu triangles drawn (levels of detail), multisampled %dx%d of the view\n",
                  j["scene"].get<std::string>().c_str(), scene_triangles, rect.z, rect.w);
      std::printf("frames              %d at %s, %dx MSAA; full and plain alternate in %d rounds\n", o->frames, o->size.c_str(),
                  r.samples(), o->rounds);
      std::printf("model load          %.1f ms (Assimp to runtime model), ambient occlusion bake %.0f ms\n", model.load_ms, ao_ms);
      std::printf("start → first frame %.1f ms (levels of detail made after it: %.0f ms; the bones' fields after them: %.0f ms)\n",
                  first_frame_ms, lod_ms, bone_fields_ms);
      std::printf("CPU frame time      median %.2f ms, p95 %.2f ms (%.1f fps)\n", full, percentile(cpu, 0.95),
                  1000.0 / std::max(full, 1e-6));
      std::printf("GPU time            median %.2f ms, p95 %.2f ms\n", percentile(gpu, 0.5), percentile(gpu, 0.95));
      std::printf("plain baseline      median %.2f ms (same meshes, plain shader, no passes, no UI); ratio %.2f\n", base,
                  full / std::max(base, 1e-6));
      std::printf("process CPU/frame   median %.2f ms, plain baseline %.2f ms (every thread's CPU time, the software "
                  "rasteriser's included); ratio %.2f\n",
                  full_proc, base_proc, full_proc / std::max(base_proc, 1e-6));
      if (with_ui)
        std::printf("UI panels           drawn again: median %.0f of %.0f layers per frame; kept from the last frame: "
                    "median %.0f%% of the view\n",
                    j["ui_layers_drawn_median"].get<double>(), j["ui_layers_median"].get<double>(),
                    100.0 * j["ui_kept_share_median"].get<double>());
      std::printf("biomechanics        median %.3f ms per frame (both legs, one core)\n", biomech_ms);
      std::printf("scrubbing effort    worst %.3f ms, p99 %.3f ms, median %.3f ms over %d jumps in %d drills "
                  "(CPU time, fastest of 3 passes; slowest single call %.3f ms); worst: %s\n",
                  scrub.worst_ms, scrub.p99_ms, scrub.median_ms, scrub.frames, scrub.drills, scrub.worst_raw_ms,
                  scrub.worst_at.c_str());
      std::printf("memory              %.0f MiB resident, peak %.0f MiB\n", memory.resident_mib, memory.peak_resident_mib);
      std::printf("GL errors           %d\n", gl_errors);
    }
    r.release(handle.value());
    return gl_errors == 0 ? 0 : 1;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
