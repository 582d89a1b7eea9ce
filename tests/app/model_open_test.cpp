// Tests src/app/model_open.h: in the window, a model opened with File > Open or a drop loads on a
// worker thread; a file that crashes the importer shows one message and leaves the current model,
// its GPU copy and its view exactly as they were; a good file then replaces it. Driven headless
// (an App with a renderer on an offscreen context, no window).
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "app/app_state.h"
#include "app/headless.h"
#include "app/model_open.h"
#include "assets/gltf_writer.h"
#include "assets/synthetic_model.h"
#include "test_support.h"

using namespace hiplab;

namespace {

// Frames of the main loop until the running load has been taken; true when it made a model current.
bool wait_for_load(app::App& a) {
  for (int i = 0; i < 2400; ++i) {
    if (app::poll_model_open(a)) return true;
    if (!a.loading.active()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  FAIL("the load did not finish in 60 s");
  return false;
}

}  // namespace

TEST_CASE("in the window a file that crashes the importer leaves the current model, and a good one replaces it") {
  auto session = app::HeadlessSession::create();
  if (!session.ok() && test::gl_unavailable(session.error().message)) HIPLAB_SKIP(session.error().message);
  REQUIRE(session.ok());
  const auto dir = test::scratch_dir("model_open");
  const std::string first = (dir / "first.gltf").string(), second = (dir / "second.gltf").string();
  REQUIRE(write_gltf(make_two_bone_model(), first).ok());
  REQUIRE(write_gltf(make_chain_model(8), second).ok());
  // A COLLADA skin whose weight index is past its weights: Assimp 5.2 aborts on it (see
  // import_sandbox_test.cpp for the file's parts).
  const std::string crash = (dir / "crash.dae").string();
  {
    std::ifstream tmpl(std::string(HIPLAB_SOURCE_DIR) + "/tests/import_crash.sh");
    std::string line, dae;
    bool in = false;
    while (std::getline(tmpl, line)) {
      if (line == "DAE") break;
      if (in) dae += line + "\n";
      if (line.find("<<'DAE'") != std::string::npos) in = true;
    }
    REQUIRE(dae.find("7000000") != std::string::npos);
    std::ofstream(crash) << dae;
  }

  app::App a;
  auto renderer = Renderer::create();
  REQUIRE(renderer.ok());
  a.renderer = std::move(renderer.value());
  REQUIRE(app::open_model(a, first));
  const std::string source = a.model.source;
  const std::size_t triangles = a.model.triangle_count();
  const ModelHandle handle = a.handle;
  const glm::vec3 target = a.camera.target;

  app::start_model_open(a, crash);
  CHECK(a.ui.loading_path == crash);  // "Loading crash.dae ... [Cancel]" is shown while it runs
  CHECK_FALSE(wait_for_load(a));
  CHECK(a.ui.loading_path.empty());
  CHECK(a.ui.message == "the importer crashed reading " + crash + " (abort); nothing was loaded");
  CHECK(a.ui.message_is_error);
  CHECK(a.has_model);
  CHECK(a.model.source == source);
  CHECK(a.model.triangle_count() == triangles);
  CHECK(a.handle.id == handle.id);
  CHECK(a.camera.target == target);

  app::start_model_open(a, second);
  CHECK(wait_for_load(a));
  CHECK(a.model.source == second);
  CHECK(a.model.triangle_count() == make_chain_model(8).triangle_count());
  a.renderer->release(a.handle);
}
