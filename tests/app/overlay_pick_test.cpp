// Tests the joint-limit overlay and picking through the headless renderer on the HipLab body:
// the needle is drawn at the pose's rotation to 1 degree, the arc turns red past the limit, and
// picking at a muscle's projected centre returns that muscle, and at a bone that bone.
#include <doctest/doctest.h>

#include <cmath>

#include "app/headless.h"
#include "app/paths.h"
#include "session/view_state.h"
#include "assets/model_loader.h"
#include "core/units.h"
#include "render/gl_context.h"
#include "scene/body_scene.h"
#include "test_support.h"

using namespace hiplab;
using anatomy::LegCoord;
using anatomy::Side;

namespace {

struct Fixture {
  std::unique_ptr<app::HeadlessSession> session;
  Model model;
  ModelHandle handle;
  bool ok = false;
  std::string no_gl;  // why this machine cannot render (the tests are then skipped)
  Fixture() {
    auto s = app::HeadlessSession::create(true);
    if (!s.ok() && test::gl_unavailable(s.error().message)) {
      no_gl = s.error().message;
      return;
    }
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    session = std::move(s.value());
    auto m = load_model(app::default_model_path());  // the shipped body: required
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message));
    model = std::move(m.value());
    auto h = session->renderer().upload(model);
    REQUIRE(h.ok());
    handle = h.value();
    ok = true;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

struct PickShot {
  Image image;
  OrbitCamera camera;
  DrawList list;
};

// Top view straight down onto a standing body with only the overlay shown.
PickShot render_top(double rotation_r_deg, int size = 600) {
  Fixture& f = fixture();
  session::PoseSource pose = session::standing_pose(f.model);
  pose.legs.leg(Side::kRight)[LegCoord::kHipRotation] = deg_to_rad(rotation_r_deg);
  session::ViewSettings view;
  view.show_bones = view.show_muscles = view.show_skin = false;
  view.floor = false;
  view.highlight = HighlightMode::kNone;
  session::ComputedFrame frame;
  session::compute_frame(pose, view, frame);
  PickShot shot;
  NodeTransforms posed = NodeTransforms::bind(f.model);
  build_frame(f.model, f.handle, frame.request, posed, shot.list);
  shot.camera.target = hip_centre_world(Side::kRight, pose.pelvis_world);
  shot.camera.yaw = 0.5f * 3.14159265f;
  shot.camera.pitch = OrbitCamera::kMaxPitch;
  shot.camera.distance = 1.2f;
  shot.camera.scene_radius = 0.5f;
  REQUIRE(f.session->renderer().render(shot.list, shot.camera, size, size, 4).ok());
  shot.image = f.session->renderer().read_pixels();
  return shot;
}

glm::vec2 project(const OrbitCamera& c, glm::vec3 p, int size) {
  const glm::vec4 clip = c.projection(1.0f) * c.view() * glm::vec4(p, 1.0f);
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return {(ndc.x * 0.5f + 0.5f) * static_cast<float>(size), (0.5f - ndc.y * 0.5f) * static_cast<float>(size)};
}

}  // namespace

TEST_CASE("the rotation needle is drawn at the pose's angle to within 1 degree") {
  if (!fixture().ok) HIPLAB_SKIP(fixture().no_gl);
  for (double rot : {30.0, -20.0, 0.0}) {
    const int size = 600;
    const PickShot shot = render_top(rot, size);
    // Independent expectation: standing, the right femur's anterior axis turned about the vertical
    // by `rot` (+ internal = anterior surface toward the midline, -z): (cos, 0, -sin).
    const session::PoseSource stand = session::standing_pose(fixture().model);
    const glm::vec3 centre = hip_centre_world(Side::kRight, stand.pelvis_world);
    const glm::vec3 dir(static_cast<float>(std::cos(deg_to_rad(rot))), 0.0f, static_cast<float>(-std::sin(deg_to_rad(rot))));
    const glm::vec2 c = project(shot.camera, centre, size);
    const glm::vec2 e = project(shot.camera, centre + 0.1f * dir, size) - c;
    // The needle's near-black core, within the arc radius (labels are mid-grey and further out).
    glm::vec2 sum(0.0f);
    int n = 0;
    const float r_px = glm::length(e) * 1.2f;
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) {
        const std::uint8_t* p = shot.image.pixel(x, y);
        const glm::vec2 d = glm::vec2(x + 0.5f, y + 0.5f) - c;
        if (p[0] < 40 && p[1] < 40 && p[2] < 40 && glm::length(d) > 0.25f * r_px && glm::length(d) < 1.1f * r_px) {
          sum += d;
          ++n;
        }
      }
    INFO("rotation " << rot << " deg, needle pixels " << n);
    REQUIRE(n > 50);
    const double drawn = std::atan2(sum.y, sum.x), expected = std::atan2(e.y, e.x);
    const double diff_deg = rad_to_deg(std::remainder(drawn - expected, 2.0 * kPi));
    CHECK(std::fabs(diff_deg) < 1.0);
  }
  CHECK(gl_error_count() == 0);
}

TEST_CASE("the rotation arc is blue inside the normal range and red past its limit") {
  if (!fixture().ok) HIPLAB_SKIP(fixture().no_gl);
  const int size = 600;
  auto arc_pixel = [&](const PickShot& shot, double at_deg) {
    // A point on the arc (radius 0.12 m) at `at_deg` of rotation, standing.
    const session::PoseSource stand = session::standing_pose(fixture().model);
    const glm::vec3 centre = hip_centre_world(Side::kRight, stand.pelvis_world);
    const glm::vec3 dir(static_cast<float>(std::cos(deg_to_rad(at_deg))), 0.0f,
                        static_cast<float>(-std::sin(deg_to_rad(at_deg))));
    const glm::vec2 p = project(shot.camera, centre + 0.12f * dir, size);
    return shot.image.pixel(static_cast<int>(p.x), static_cast<int>(p.y));
  };
  const PickShot inside = render_top(10.0, size);  // adult norm: IR up to 45, ER up to 34
  const std::uint8_t* a = arc_pixel(inside, -15.0);
  CHECK(a[2] > 150);
  CHECK(a[0] < 80);
  const PickShot past = render_top(55.0, size);
  const std::uint8_t* b = arc_pixel(past, -15.0);
  CHECK(b[0] > 150);
  CHECK(b[1] < 60);
  CHECK(b[2] < 60);
  const PickShot near = render_top(42.0, size);  // within 5 degrees of 45: amber
  const std::uint8_t* c = arc_pixel(near, -15.0);
  CHECK(c[0] > 200);
  CHECK(c[1] > 90);
  CHECK(c[2] < 60);
}

TEST_CASE("picking at a muscle's projected centre returns that muscle") {
  if (!fixture().ok) HIPLAB_SKIP(fixture().no_gl);
  Fixture& f = fixture();
  struct Case {
    const char* muscle;
    Side side;
    ViewPreset view;
  };
  // From the right, vastus lateralis: the middle of tensor fasciae latae's path lies on its
  // iliotibial tract (Gait2392 runs it to the tibia), over vastus lateralis, which the packed
  // volumes now carry up to the greater trochanter as the muscle does.
  for (const Case& c : {Case{"glut_max2", Side::kRight, ViewPreset::kBack}, Case{"rect_fem", Side::kLeft, ViewPreset::kFront},
                        Case{"vas_lat", Side::kRight, ViewPreset::kRight}}) {
    auto index = anatomy::find_muscle(c.muscle);
    REQUIRE_MESSAGE(index.has_value(), c.muscle);
    session::PoseSource pose = session::standing_pose(f.model);
    session::ViewSettings view;
    session::ComputedFrame frame;
    session::compute_frame(pose, view, frame);
    DrawList list;
    NodeTransforms posed = NodeTransforms::bind(f.model);
    build_frame(f.model, f.handle, frame.request, posed, list);
    const int w = 500, h = 800;
    const OrbitCamera cam = app::camera_for_view(f.model, posed, c.view, static_cast<float>(w) / h);
    const glm::vec3 mid = muscle_midpoint(frame.request.body, c.side, *index);
    const glm::vec4 clip = cam.projection(static_cast<float>(w) / h) * cam.view() * glm::vec4(mid, 1.0f);
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    const int px = static_cast<int>((ndc.x * 0.5f + 0.5f) * w), py = static_cast<int>((0.5f - ndc.y * 0.5f) * h);
    INFO(c.muscle);
    CHECK(f.session->renderer().pick(list, cam, w, h, px, py) == muscle_pick_id(c.side, *index));
    CHECK(f.session->renderer().pick(list, cam, w, h, 2, 2) == 0u);  // the corner: nothing
  }
  CHECK(gl_error_count() == 0);
}

TEST_CASE("picking at a bone returns it, and a selected bone is labelled and tinted (one selection at a time)") {
  if (!fixture().ok) HIPLAB_SKIP(fixture().no_gl);
  Fixture& f = fixture();
  session::PoseSource pose = session::standing_pose(f.model);
  session::ViewSettings view;
  view.show_muscles = view.show_skin = false;
  session::select_muscle(view, std::pair{Side::kRight, *anatomy::find_muscle("peri")});
  session::select_bone(view, std::string("femur_r"));
  CHECK_FALSE(view.selected_muscle.has_value());  // selecting the bone let go of the muscle
  session::ComputedFrame frame;
  session::compute_frame(pose, view, frame);
  DrawList list;
  NodeTransforms posed = NodeTransforms::bind(f.model);
  build_frame(f.model, f.handle, frame.request, posed, list);
  int femur = -1;
  for (std::size_t i = 0; i < f.model.meshes.size(); ++i)
    if (f.model.meshes[i].name == "femur_r") femur = static_cast<int>(i);
  REQUIRE(femur >= 0);
  const MeshDraw* draw = nullptr;
  for (const MeshDraw& d : list.meshes)
    if (d.mesh == femur && d.dynamic_mesh < 0) draw = &d;
  REQUIRE(draw != nullptr);
  CHECK(draw->tint.b < 0.8f * draw->tint.r);  // the warm selection tint
  const OverlayLabel* label = nullptr;
  for (const OverlayLabel& l : list.overlay_labels)
    if (l.text == "femur (R)") label = &l;
  REQUIRE(label != nullptr);
  // The label sits on the femur near its middle; picking there (front view) returns the femur.
  const int w = 500, h = 800;
  const OrbitCamera cam = app::camera_for_view(f.model, posed, ViewPreset::kFront, static_cast<float>(w) / h);
  const glm::vec4 clip = cam.projection(static_cast<float>(w) / h) * cam.view() * glm::vec4(label->anchor, 1.0f);
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  const int px = static_cast<int>((ndc.x * 0.5f + 0.5f) * w), py = static_cast<int>((0.5f - ndc.y * 0.5f) * h);
  CHECK(f.session->renderer().pick(list, cam, w, h, px, py) == kBonePickBase + static_cast<std::uint32_t>(femur));
  session::select_muscle(view, std::pair{Side::kRight, *anatomy::find_muscle("peri")});
  CHECK_FALSE(view.selected_bone.has_value());  // and the other way round
  CHECK(gl_error_count() == 0);
}
