// Tests src/scene/framing.h on the HipLab body: the default views frame the pelvis and legs, so the
// body's lower half (skin below half the standing height) fills at least half of the picture height
// (issue "a whole person doing the drill": views that teach), the feet stay inside the picture, and
// nothing of the whole body is cut by the near or far plane.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <limits>

#include "assets/drill_loader.h"
#include "assets/model_loader.h"
#include "motion/timeline.h"
#include "scene/body_pose.h"
#include "scene/draw_list_export.h"
#include "scene/framing.h"
#include "scene/model_scene.h"

using namespace hiplab;

namespace {

struct ScreenSpan {
  float min_y = std::numeric_limits<float>::max(), max_y = -std::numeric_limits<float>::max();
  float min_x = std::numeric_limits<float>::max(), max_x = -std::numeric_limits<float>::max();
  float min_depth = std::numeric_limits<float>::max(), max_depth = -std::numeric_limits<float>::max();
};

// Projects the skin's vertices with y ≤ below_y into NDC (y up, -1..1) and returns their span.
ScreenSpan project_skin(const Model& model, const NodeTransforms& pose, const OrbitCamera& cam, float aspect, float below_y) {
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
  const NodeTransforms pose = NodeTransforms::bind(model);
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
  const NodeTransforms pose = NodeTransforms::bind(model);
  // The box of its two vertices, not a box from the same helper the code uses.
  const Aabb a = focus_bounds(model, pose);
  CHECK(a.min == glm::vec3(-1.0f, 0.0f, 0.0f));
  CHECK(a.max == glm::vec3(1.0f, 2.0f, 0.5f));
}

TEST_CASE("framing: the scene is framed in the part of the window the panels leave free") {
  const glm::vec2 vp(1280.0f, 760.0f);
  // The window's layout: left and right panels, the cue at the top, the playback bar and the status
  // line at the bottom.
  const std::vector<glm::vec4> panels = {{8, 8, 330, 564},   {912, 8, 360, 564}, {440, 12, 400, 120},
                                         {320, 586, 640, 144}, {0, 738, 1280, 22}};
  const glm::vec4 free = free_view_rect(vp, panels);
  CHECK(free.x == doctest::Approx(338.0f));
  CHECK(free.z == doctest::Approx(912.0f));
  CHECK(free.y == doctest::Approx(132.0f));
  CHECK(free.w == doctest::Approx(586.0f));
  // No panels (or panels that would leave too little): the whole window.
  CHECK(free_view_rect(vp, {}) == glm::vec4(0, 0, 1280, 760));
  CHECK(free_view_rect(vp, {{0, 0, 600, 760}, {700, 0, 580, 760}}) == glm::vec4(0, 0, 1280, 760));
  // A small window's strip between its side panels is still the free part (1024x640: 306 px, 30%;
  // framed for the whole window, the body's labels lay under the panels), down to 20% or 160 px.
  CHECK(free_view_rect({1024, 640}, {{8, 8, 330, 444}, {644, 8, 372, 444}}) == glm::vec4(338, 0, 644, 640));
  CHECK(free_view_rect({1024, 640}, {{8, 8, 330, 444}, {850, 8, 166, 444}, {8, 8, 550, 100}}) == glm::vec4(338, 108, 850, 640));
  CHECK(free_view_rect({1024, 640}, {{8, 8, 450, 444}, {620, 8, 396, 444}}) == glm::vec4(0, 0, 1024, 640));  // 162 px < 20%
  // Pixels (y down) to NDC (y up).
  const glm::vec4 ndc = ndc_rect_of(glm::vec4(0, 0, 640, 380), vp);
  CHECK(ndc.x == doctest::Approx(-1.0f));
  CHECK(ndc.y == doctest::Approx(0.0f));
  CHECK(ndc.z == doctest::Approx(0.0f));
  CHECK(ndc.w == doctest::Approx(1.0f));

  // A box framed into that rectangle projects inside it, and fills it one way or the other.
  const glm::vec4 r = ndc_rect_of(free, vp);
  const Aabb box{glm::vec3(-0.3f, 0.0f, -0.2f), glm::vec3(0.3f, 1.1f, 0.2f)};
  for (ViewPreset view : {ViewPreset::kFront, ViewPreset::kRight, ViewPreset::kTop}) {
    CAPTURE(view_preset_name(view));
    OrbitCamera cam;
    cam.set_preset(view);
    const float aspect = vp.x / vp.y;
    cam.frame(box, aspect, r);
    const glm::mat4 m = cam.projection(aspect) * cam.view();
    glm::vec2 lo(10.0f), hi(-10.0f);
    for (int i = 0; i < 8; ++i) {
      const glm::vec3 c((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y, (i & 4) ? box.max.z : box.min.z);
      const glm::vec4 p = m * glm::vec4(c, 1.0f);
      lo = glm::min(lo, glm::vec2(p) / p.w);
      hi = glm::max(hi, glm::vec2(p) / p.w);
    }
    CHECK(lo.x >= r.x - 1e-4f);
    CHECK(lo.y >= r.y - 1e-4f);
    CHECK(hi.x <= r.z + 1e-4f);
    CHECK(hi.y <= r.w + 1e-4f);
    CHECK(std::max((hi.x - lo.x) / (r.z - r.x), (hi.y - lo.y) / (r.w - r.y)) > 0.8f);
    // Unprojecting the lens-shifted centre gives a point on the line through the target.
    const glm::vec3 w = cam.unproject(glm::vec3(cam.lens_shift, 0.5f), aspect);
    const glm::vec3 along = glm::normalize(w - cam.eye());
    CHECK(glm::dot(along, cam.forward()) == doctest::Approx(1.0f).epsilon(1e-4));
  }
}

TEST_CASE("framing: zooming toward the cursor keeps the point under it when the view is lens-shifted") {
  OrbitCamera cam;
  cam.set_preset(ViewPreset::kFront);
  cam.lens_shift = {-0.3f, 0.2f};
  const float aspect = 1.6f;
  const glm::vec2 cursor(0.4f, -0.25f);
  // The point under the cursor on the plane through the target, facing the camera.
  auto under = [&](const OrbitCamera& c) {
    glm::vec3 o, d;
    c.ray(cursor, aspect, o, d);
    const float t = glm::dot(c.target - o, c.forward()) / glm::dot(d, c.forward());
    return o + t * d;
  };
  const glm::vec3 before = under(cam);
  cam.zoom_toward(0.5f, cursor, aspect);
  const glm::vec3 after = under(cam);
  CHECK(glm::length(after - before) < 1e-4f);
}

TEST_CASE("framing: a view given relative to the person follows the person's posture") {
  // Standing (pelvis frame = world): "from the front" (+x anterior) is the front preset.
  OrbitCamera cam, front;
  front.set_preset(ViewPreset::kFront);
  look_from_body_direction(cam, glm::dmat4(1.0), glm::dvec3(1, 0, 0));
  CHECK(cam.yaw == doctest::Approx(front.yaw));
  CHECK(cam.pitch == doctest::Approx(0.0f).epsilon(1e-6));
  // Lying on the left side, head toward world -x, the right side up: the person's front faces
  // world +z.
  const glm::dmat4 side_lying = glm::dmat4(glm::dmat3(glm::dvec3(0, 0, 1),    // body x (anterior) → world +z
                                                      glm::dvec3(-1, 0, 0),   // body y (superior) → world -x
                                                      glm::dvec3(0, 1, 0)));  // body z (right) → world +y (up)
  look_from_body_direction(cam, side_lying, glm::dvec3(1, 0, 0));  // facing the person
  CHECK(glm::length(glm::normalize(cam.eye() - cam.target) - glm::vec3(0, 0, 1)) < 1e-4f);
  look_from_body_direction(cam, side_lying, glm::dvec3(-1, 0, 1));  // from behind and above (the top hip's side)
  const glm::vec3 dir = glm::normalize(cam.eye() - cam.target);
  CHECK(dir.z < -0.6f);
  CHECK(dir.y > 0.6f);
}

TEST_CASE("framing: a therapist's view frames the whole person, head to feet, inside the picture and large") {
  const std::string path = std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb";
  auto loaded = load_model(path);
  REQUIRE(loaded.ok());
  const Model& model = loaded.value();
  const NodeTransforms pose = NodeTransforms::bind(model);
  for (ViewPreset view : {ViewPreset::kFront, ViewPreset::kLeft}) {
    CAPTURE(view_preset_name(view));
    const float aspect = 1280.0f / 720.0f;
    OrbitCamera cam;
    cam.set_preset(view);
    frame_person(cam, model, pose, aspect);
    const ScreenSpan all = project_skin(model, pose, cam, aspect, std::numeric_limits<float>::max());
    // Every skin vertex (the head and the hands too) is in the picture ...
    CHECK(all.min_y >= -1.0f);
    CHECK(all.max_y <= 1.0f);
    CHECK(all.min_x >= -1.0f);
    CHECK(all.max_x <= 1.0f);
    // ... and the standing person fills most of its height.
    CHECK((all.max_y - all.min_y) / 2.0f >= 0.8f);
    // The hips-and-legs framing of the same view leaves the head out.
    OrbitCamera legs;
    legs.set_preset(view);
    frame_focus(legs, model, pose, aspect);
    CHECK(project_skin(model, pose, legs, aspect, std::numeric_limits<float>::max()).max_y > 1.0f);
  }
}

TEST_CASE("framing: the person's points are the skin as drawn, the arms' overhead shapes included") {
  // The clamshell's bottom arm lies overhead under the head: its corrective morph target is on
  // (weight 1 at 155 deg of elevation), moving skin vertices by up to ~7 cm. The points the person
  // framing uses must be where the renderer draws them (scene/draw_list_export.h computes that on
  // the CPU), not the skin without its morph offsets.
  auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE(loaded.ok());
  const Model& model = loaded.value();
  auto drill = load_drill_file(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills/clamshell.json");
  REQUIRE(drill.ok());
  auto tl = motion::Timeline::build(drill.value(), anatomy::Side::kRight);
  REQUIRE(tl.ok());
  const motion::DrillFrame f = tl->evaluate(0.5 * tl->duration());
  NodeTransforms pose = NodeTransforms::bind(model);
  pose_body_model(model, BodyPoseInput{f.legs, f.upper, f.pelvis_world}, pose);
  int skin_index = -1;
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].skinned) skin_index = static_cast<int>(i);
  REQUIRE(skin_index >= 0);
  const Mesh& skin_mesh = model.meshes[static_cast<std::size_t>(skin_index)];
  float weight = 0.0f;
  for (float w : pose.morph_weights[static_cast<std::size_t>(skin_index)]) weight = std::max(weight, w);
  REQUIRE(weight > 0.5f);  // the case this test is about

  DrawList list;
  add_model_to_scene(model, ModelHandle{}, pose, {}, list);
  const ExportScene drawn = export_draw_list(model, list);
  const ExportObject* skin = nullptr;
  for (const ExportObject& o : drawn.objects)
    if (o.name == skin_mesh.name) skin = &o;
  REQUIRE(skin != nullptr);
  REQUIRE(skin->positions.size() == skin_mesh.vertices.size());

  // person_points ends with every 8th skin vertex (after the bones').
  const std::vector<glm::vec3> points = person_points(model, pose);
  const std::size_t n_skin = (skin_mesh.vertices.size() + 7) / 8;
  REQUIRE(points.size() >= n_skin);
  std::vector<glm::mat4> mats;
  skin_matrices(model, pose, skin_index, mats);
  double worst = 0.0, unmorphed_worst = 0.0;
  for (std::size_t k = 0; k < n_skin; ++k) {
    const glm::vec3 p = points[points.size() - n_skin + k];
    worst = std::max(worst, double(glm::length(p - skin->positions[8 * k])));
    const glm::vec3 bare = skin_position(skin_mesh, mats, glm::mat4(1.0f), skin_mesh.vertices[8 * k]);
    unmorphed_worst = std::max(unmorphed_worst, double(glm::length(bare - skin->positions[8 * k])));
  }
  CHECK(worst < 1e-4);            // the same places, to a tenth of a millimetre
  CHECK(unmorphed_worst > 0.02);  // without the offsets they would be centimetres off
  // The posed bounds hold every drawn skin vertex.
  const Aabb box = posed_bounds(model, pose);
  int outside = 0;
  for (const glm::vec3& p : skin->positions)
    outside += glm::any(glm::lessThan(p, box.min - glm::vec3(1e-5f))) || glm::any(glm::greaterThan(p, box.max + glm::vec3(1e-5f)));
  CHECK(outside == 0);
}
