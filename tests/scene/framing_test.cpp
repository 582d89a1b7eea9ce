// Tests src/scene/framing.h on the HipLab body: the default views frame the pelvis and legs, so the
// body's lower half (skin below half the standing height) fills at least half of the picture height
// (issue "a whole person doing the drill": views that teach), the feet stay inside the picture, and
// nothing of the whole body is cut by the near or far plane.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <limits>

#include "assets/model_loader.h"
#include "scene/framing.h"

using namespace hiplab;

namespace {

struct ScreenSpan {
  float min_y = std::numeric_limits<float>::max(), max_y = -std::numeric_limits<float>::max();
  float min_x = std::numeric_limits<float>::max(), max_x = -std::numeric_limits<float>::max();
  float min_depth = std::numeric_limits<float>::max(), max_depth = -std::numeric_limits<float>::max();
};

// Projects the skin's vertices with y ≤ below_y into NDC (y up, -1..1) and returns their span.
ScreenSpan project_skin(const Model& model, const Pose& pose, const OrbitCamera& cam, float aspect, float below_y) {
  ScreenSpan s;
  const glm::mat4 vp = cam.projection(aspect) * cam.view();
  std::vector<glm::mat4> skin;
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const Mesh& m = model.meshes[mi];
    if (!m.skinned) continue;
    skin_matrices(model, pose, static_cast<int>(mi), skin);
    for (const Vertex& v : m.vertices) {
      const glm::vec3 p = skin_position(m, skin, glm::mat4(1.0f), v);
      if (p.y > below_y) continue;
      const glm::vec4 c = vp * glm::vec4(p, 1.0f);
      const glm::vec3 ndc = glm::vec3(c) / c.w;
      s.min_x = std::min(s.min_x, ndc.x), s.max_x = std::max(s.max_x, ndc.x);
      s.min_y = std::min(s.min_y, ndc.y), s.max_y = std::max(s.max_y, ndc.y);
      s.min_depth = std::min(s.min_depth, ndc.z), s.max_depth = std::max(s.max_depth, ndc.z);
    }
  }
  return s;
}

}  // namespace

TEST_CASE("framing: the default views show the pelvis and legs large, feet in the picture, nothing clipped") {
  const std::string path = std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb";
  REQUIRE(std::filesystem::exists(path));
  auto loaded = load_model(path);
  REQUIRE(loaded.ok());
  const Model& model = loaded.value();
  const Pose pose = Pose::bind(model);
  const Aabb whole = posed_bounds(model, pose);
  const float half_height = whole.min.y + 0.5f * whole.size().y;
  const Aabb focus = focus_bounds(model, pose);
  // The focus is the lower body: it reaches the feet but not the head.
  CHECK(focus.min.y <= whole.min.y + 0.01f);
  CHECK(focus.max.y < whole.min.y + 0.75f * whole.size().y);
  for (ViewPreset view : {ViewPreset::kFront, ViewPreset::kBack, ViewPreset::kLeft, ViewPreset::kRight}) {
    CAPTURE(view_preset_name(view));
    const float aspect = 1280.0f / 720.0f;
    OrbitCamera cam;
    cam.set_preset(view);
    frame_focus(cam, model, pose, aspect);
    const ScreenSpan lower = project_skin(model, pose, cam, aspect, half_height);
    // NDC spans 2 units: the lower half covers at least half of the picture height ...
    CHECK((lower.max_y - lower.min_y) / 2.0f >= 0.5f);
    // ... and stays inside it (feet included).
    CHECK(lower.min_y >= -1.0f);
    CHECK(lower.max_y <= 1.0f);
    CHECK(lower.min_x >= -1.0f);
    CHECK(lower.max_x <= 1.0f);
    // The whole body lies between the near and far planes (the head may leave the picture, but no
    // part of the body is cut by a clipping plane).
    const ScreenSpan all = project_skin(model, pose, cam, aspect, std::numeric_limits<float>::max());
    CHECK(all.min_depth > -1.0f);
    CHECK(all.max_depth < 1.0f);
  }
}

TEST_CASE("framing: a model that is not the HipLab body is framed whole") {
  Model model;
  Mesh mesh;
  mesh.vertices.resize(2);
  mesh.vertices[0].position = {-1.0f, 0.0f, 0.0f};
  mesh.vertices[1].position = {1.0f, 2.0f, 0.5f};
  model.meshes.push_back(mesh);
  const Pose pose = Pose::bind(model);
  // The box of its two vertices, not a box from the same helper the code uses.
  const Aabb a = focus_bounds(model, pose);
  CHECK(a.min == glm::vec3(-1.0f, 0.0f, 0.0f));
  CHECK(a.max == glm::vec3(1.0f, 2.0f, 0.5f));
}
