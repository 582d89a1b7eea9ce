// Tests src/render/renderer.h through the headless EGL path: a generated skinned two-bone model
// renders with the expected coverage and colour at known pixels, turning a bone moves known
// pixels, sizes and MSAA are honoured, and no GL error is raised (KHR_debug is on).
#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "app/headless.h"
#include "assets/gltf_writer.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "assets/synthetic_model.h"
#include "render/gl_context.h"
#include "scene/model_scene.h"
#include "test_support.h"

using namespace hiplab;

namespace {

// One session for every test case of the process; none (and the reason) on a machine without a
// usable EGL/OpenGL driver, where each test case is then skipped (HIPLAB_SKIP_WITHOUT_GL).
struct SharedSession {
  std::unique_ptr<app::HeadlessSession> session;
  std::string no_gl;
};
SharedSession& shared_session() {
  static SharedSession s = [] {
    SharedSession out;
    auto r = app::HeadlessSession::create(/*debug=*/true);
    if (!r.ok() && test::gl_unavailable(r.error().message)) {
      out.no_gl = r.error().message;
      return out;
    }
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    out.session = std::move(r.value());
    return out;
  }();
  return s;
}
#define HIPLAB_SKIP_WITHOUT_GL() \
  if (!shared_session().session) HIPLAB_SKIP(shared_session().no_gl)

app::HeadlessSession& session() { return *shared_session().session; }

Model two_bone() {
  auto loaded = load_model([] {
    const auto path = (test::scratch_dir("render_two_bone") / "two_bone.gltf").string();
    REQUIRE(write_gltf(make_two_bone_model(), path).ok());
    return path;
  }());
  REQUIRE(loaded.ok());
  return std::move(loaded.value());
}

OrbitCamera fixed_front_camera() {
  OrbitCamera c;
  c.set_preset(ViewPreset::kFront);
  c.pitch = 0.0f;
  c.target = {0, 1, 0};
  c.distance = 6.0f;
  c.scene_radius = 1.5f;
  return c;
}

glm::ivec2 pixel_of(const OrbitCamera& c, glm::vec3 p, int w, int h) {
  glm::vec4 clip = c.projection(static_cast<float>(w) / static_cast<float>(h)) * c.view() * glm::vec4(p, 1);
  glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return {static_cast<int>((ndc.x * 0.5f + 0.5f) * static_cast<float>(w)),
          static_cast<int>((0.5f - ndc.y * 0.5f) * static_cast<float>(h))};
}

bool is_red(const Image& img, glm::ivec2 p) {
  const std::uint8_t* px = img.pixel(p.x, p.y);
  return px[0] > 120 && px[1] < 60 && px[2] < 60;
}

Image draw(const Model& m, const NodeTransforms& pose, const OrbitCamera& cam, int w, int h, int msaa, bool transparent = false,
           bool cull_back = false) {
  Renderer& r = session().renderer();
  auto handle = r.upload(m);
  REQUIRE(handle.ok());
  DrawList list;
  ModelSceneOptions opt;
  opt.transparent_background = transparent;
  add_model_to_scene(m, handle.value(), pose, opt, list);
  for (MeshDraw& d : list.meshes) d.cull_back = cull_back;  // as the body's closed meshes are drawn
  REQUIRE(r.render(list, cam, w, h, msaa).ok());
  Image img = r.read_pixels();
  r.release(handle.value());
  return img;
}

}  // namespace

TEST_CASE("the two-bone model covers the expected pixels in red, the background does not") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 200, h = 200;
  const Image img = draw(m, NodeTransforms::bind(m), cam, w, h, 4);
  REQUIRE(img.width == w);
  REQUIRE(img.height == h);
  // Points on the tube's front face (x = +0.2 faces the camera): lower and upper half.
  for (float y : {0.3f, 1.0f, 1.7f}) CHECK(is_red(img, pixel_of(cam, {0.2f, y, 0.0f}, w, h)));
  // Beside the tube: background.
  CHECK_FALSE(is_red(img, pixel_of(cam, {0.2f, 1.0f, 0.6f}, w, h)));
  CHECK_FALSE(is_red(img, pixel_of(cam, {0.2f, 2.4f, 0.0f}, w, h)));
  // Coverage: the tube is 0.4 m x 2 m; count red pixels and compare with its projected area.
  int red = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) red += is_red(img, {x, y});
  const glm::ivec2 a = pixel_of(cam, {0.2f, 0.0f, 0.2f}, w, h), b = pixel_of(cam, {0.2f, 2.0f, -0.2f}, w, h);
  const int expected = std::abs(b.x - a.x) * std::abs(b.y - a.y);
  CHECK(red == doctest::Approx(expected).epsilon(0.15));
  // Lit, not flat: the front face is bright red, well above the ambient-only level.
  const std::uint8_t* px = img.pixel(pixel_of(cam, {0.2f, 1.0f, 0.0f}, w, h).x, pixel_of(cam, {0.2f, 1.0f, 0.0f}, w, h).y);
  CHECK(px[0] > 180);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("turning the tip bone 90 degrees moves the upper half's pixels and leaves the lower half") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 200, h = 200;
  NodeTransforms pose = NodeTransforms::bind(m);
  const Image before = draw(m, pose, cam, w, h, 1);
  const int tip = m.find_node("tip");
  // About x (toward the body's left, -z, which the front view shows on the right).
  pose.local[static_cast<std::size_t>(tip)] =
      glm::rotate(m.nodes[static_cast<std::size_t>(tip)].local_bind, glm::radians(90.0f), glm::vec3(1, 0, 0));
  pose.update_world(m);
  const Image after = draw(m, pose, cam, w, h, 1);
  const glm::ivec2 top = pixel_of(cam, {0.2f, 1.8f, 0.0f}, w, h);
  const glm::ivec2 swung = pixel_of(cam, {0.2f, 1.0f, 0.75f}, w, h);  // rotated +90° about x: +y → +z
  const glm::ivec2 low = pixel_of(cam, {0.2f, 0.4f, 0.0f}, w, h);
  CHECK(is_red(before, top));
  CHECK_FALSE(is_red(after, top));
  CHECK_FALSE(is_red(before, swung));
  CHECK(is_red(after, swung));
  CHECK(is_red(before, low));
  CHECK(is_red(after, low));
  CHECK(gl_error_count() == 0);
}

TEST_CASE("transparent background keeps alpha 0 around the model and 255 on it") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  const OrbitCamera cam = fixed_front_camera();
  const Image img = draw(m, NodeTransforms::bind(m), cam, 120, 120, 4, /*transparent=*/true);
  CHECK(img.pixel(2, 2)[3] == 0);
  const glm::ivec2 on = pixel_of(cam, {0.2f, 1.0f, 0.0f}, 120, 120);
  CHECK(img.pixel(on.x, on.y)[3] == 255);
}

TEST_CASE("sizes outside 1..8192 are refused with a message and large sizes and MSAA work") {
  HIPLAB_SKIP_WITHOUT_GL();
  Renderer& r = session().renderer();
  DrawList empty;
  OrbitCamera cam;
  Status zero = r.render(empty, cam, 0, 100, 4);
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().message.find("out of range") != std::string::npos);
  CHECK_FALSE(r.render(empty, cam, 8193, 100, 4).ok());
  REQUIRE(r.render(empty, cam, 4096, 64, 8).ok());
  CHECK(r.read_pixels().width == 4096);
  CHECK(r.samples() >= 1);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("a surface point read back through the depth buffer unprojects onto the model") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  const OrbitCamera cam = fixed_front_camera();
  draw(m, NodeTransforms::bind(m), cam, 160, 160, 4);
  const glm::ivec2 p = pixel_of(cam, {0.2f, 1.0f, 0.0f}, 160, 160);
  auto depth = session().renderer().read_depth(p.x, p.y);
  REQUIRE(depth.has_value());
  const glm::vec2 ndc((p.x + 0.5f) / 80.0f - 1.0f, 1.0f - (p.y + 0.5f) / 80.0f);
  const glm::vec3 world = cam.unproject(glm::vec3(ndc, *depth), 1.0f);
  CHECK(world.x == doctest::Approx(0.2f).epsilon(0.02));
  CHECK_FALSE(session().renderer().read_depth(2, 2).has_value());  // background
}

// --- the multisampled scene rectangle, levels of detail, sRGB-encoded targets ----------------------

namespace {

// Bounds (x0, y0, x1, y1; top-left origin, exclusive end) of the pixels with alpha > 0.
glm::ivec4 drawn_bounds(const Image& img) {
  glm::ivec4 b(img.width, img.height, 0, 0);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (img.pixel(x, y)[3] > 0) b = glm::ivec4(std::min(b.x, x), std::min(b.y, y), std::max(b.z, x + 1), std::max(b.w, y + 1));
  return b;
}

}  // namespace

TEST_CASE("the multisampled rectangle holds every drawn pixel, also with a skinned bone turned") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  OrbitCamera cam = fixed_front_camera();
  cam.distance = 9.0f;  // the model small in the view
  const int w = 240, h = 180;
  NodeTransforms pose = NodeTransforms::bind(m);
  for (float angle : {0.0f, 90.0f, -120.0f}) {
    const int tip = m.find_node("tip");
    pose.local[static_cast<std::size_t>(tip)] =
        glm::rotate(m.nodes[static_cast<std::size_t>(tip)].local_bind, glm::radians(angle), glm::vec3(1, 0, 0));
    pose.update_world(m);
    const Image img = draw(m, pose, cam, w, h, 4, /*transparent=*/true);
    const glm::ivec4 rect = session().renderer().last_scene_rect();  // bottom-left origin
    const glm::ivec4 drawn = drawn_bounds(img);
    INFO("angle " << angle << " rect " << rect.x << "," << rect.y << " " << rect.z << "x" << rect.w);
    REQUIRE(drawn.z > drawn.x);
    CHECK(drawn.x >= rect.x);
    CHECK(drawn.z <= rect.x + rect.z);
    CHECK(h - drawn.w >= rect.y);
    CHECK(h - drawn.y <= rect.y + rect.w);
    CHECK(rect.z * rect.w < w * h / 2);  // only the model's part of the view is multisampled
  }
  CHECK(gl_error_count() == 0);
}

TEST_CASE("a distant model draws a lighter level of detail that looks the same, a close one more triangles") {
  HIPLAB_SKIP_WITHOUT_GL();
  Model full = load_model([] {
    const auto path = (test::scratch_dir("render_lod") / "bench.gltf").string();
    REQUIRE(write_gltf(make_benchmark_model(20000), path).ok());
    return path;
  }()).value();
  Model lod = full;
  REQUIRE(build_lods(lod) > 0);
  std::size_t full_triangles = full.triangle_count();
  Renderer& r = session().renderer();
  OrbitCamera cam = app::camera_for_view(full, NodeTransforms::bind(full), ViewPreset::kFront, 1.0f);
  auto render = [&](const Model& m, float distance_scale, std::size_t* triangles) {
    OrbitCamera c = cam;
    c.distance *= distance_scale;
    Image img = draw(m, NodeTransforms::bind(m), c, 160, 160, 4, /*transparent=*/true);
    *triangles = r.last_triangles();
    return img;
  };
  std::size_t t_far_full = 0, t_far = 0, t_mid = 0, t_near = 0;
  const Image far_full = render(full, 4.0f, &t_far_full);
  const Image far = render(lod, 4.0f, &t_far);
  render(lod, 0.2f, &t_mid);
  render(lod, 0.05f, &t_near);  // the camera among the tubes: the nearest at full detail
  CHECK(t_far_full == full_triangles);
  CHECK(t_far * 2 < full_triangles);
  CHECK(t_far < t_mid);
  CHECK(t_mid < t_near);
  CHECK(t_near * 2 > full_triangles);
  // The lighter mesh covers the same pixels to within a thin rim.
  int covered = 0, differ = 0;
  for (int y = 0; y < far.height; ++y)
    for (int x = 0; x < far.width; ++x) {
      const bool a = far.pixel(x, y)[3] > 127, b = far_full.pixel(x, y)[3] > 127;
      covered += a;
      differ += a != b;
    }
  REQUIRE(covered > 100);
  CHECK(differ <= covered / 20);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("the background is the linear clear colour encoded to sRGB bytes") {
  HIPLAB_SKIP_WITHOUT_GL();
  DrawList list;
  list.clear_color = glm::vec4(0.5f, 0.2f, 0.05f, 1.0f);
  list.floor.visible = false;
  REQUIRE(session().renderer().render(list, fixed_front_camera(), 32, 32, 4).ok());
  const Image img = session().renderer().read_pixels();
  const std::uint8_t* px = img.pixel(16, 16);
  CHECK(std::abs(px[0] - 188) <= 1);  // sRGB(0.5) = 0.7354
  CHECK(std::abs(px[1] - 124) <= 1);  // sRGB(0.2) = 0.4845
  CHECK(std::abs(px[2] - 63) <= 1);   // sRGB(0.05) = 0.2474
  CHECK(session().renderer().last_scene_rect() == glm::ivec4(0));
}

TEST_CASE("overlay lines are anti-aliased once per pixel: a soft edge on both sides, a solid core") {
  HIPLAB_SKIP_WITHOUT_GL();
  DrawList list;
  list.clear_color = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
  list.floor.visible = false;
  OrbitCamera cam = fixed_front_camera();
  // A slanted line through the middle of the view, 6 px wide.
  OverlayLine line;
  line.points = {cam.target + glm::vec3(0.0f, -0.8f, -1.2f), cam.target + glm::vec3(0.0f, 0.5f, 1.2f)};
  line.color = glm::vec4(1.0f);
  line.width_px = 6.0f;
  list.overlay_lines.push_back(line);
  const int w = 200, h = 200;
  REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
  const Image img = session().renderer().read_pixels();
  int solid = 0, partial = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int v = img.pixel(x, y)[0];
      solid += v >= 250;
      partial += v > 5 && v < 250;
    }
  // The core is about 4-5 px wide along ~150 px; each edge leaves a row of partly covered pixels.
  CHECK(solid > 400);
  CHECK(partial > 200);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("labels that would cover each other are stacked instead") {
  HIPLAB_SKIP_WITHOUT_GL();
  DrawList list;
  list.clear_color = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
  list.floor.visible = false;
  const OrbitCamera cam = fixed_front_camera();
  for (const char* text : {"HIP R", "HIP L"}) {
    OverlayLabel l;
    l.anchor = cam.target;
    l.text = text;
    l.size_px = 20.0f;
    l.background = glm::vec4(0.0f);
    list.overlay_labels.push_back(l);
  }
  const int w = 200, h = 200;
  REQUIRE(session().renderer().render(list, cam, w, h, 1).ok());
  const Image img = session().renderer().read_pixels();
  int top = h, bottom = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (img.pixel(x, y)[0] > 128) {
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
  REQUIRE(bottom > top);
  CHECK(bottom - top > 30);  // two lines of ~15 px caps, one under the other (one line alone: ~15)
}

TEST_CASE("the kept shadow-free floor leaves no stale shadow and follows the camera") {
  HIPLAB_SKIP_WITHOUT_GL();
  const Model m = two_bone();
  OrbitCamera cam = fixed_front_camera();
  cam.pitch = 0.5f;  // looking down onto the floor
  const int w = 160, h = 120;
  NodeTransforms bent = NodeTransforms::bind(m);
  const int tip = m.find_node("tip");
  bent.local[static_cast<std::size_t>(tip)] =
      glm::rotate(m.nodes[static_cast<std::size_t>(tip)].local_bind, glm::radians(100.0f), glm::vec3(1, 0, 0));
  bent.update_world(m);
  const Image first = draw(m, NodeTransforms::bind(m), cam, w, h, 4);
  OrbitCamera other = cam;
  other.yaw += 0.7f;
  draw(m, bent, other, w, h, 4);  // another pose (shadow elsewhere) from another view
  draw(m, bent, cam, w, h, 4);
  const Image again = draw(m, NodeTransforms::bind(m), cam, w, h, 4);
  int differ = 0;
  for (std::size_t i = 0; i < first.rgba.size(); ++i) differ += first.rgba[i] != again.rgba[i];
  CHECK(differ == 0);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("a mirror view is the picture flipped left to right, front faces still drawn and lit") {
  const Model m = two_bone();
  OrbitCamera cam = fixed_front_camera();
  cam.yaw += 0.5f;  // an oblique view, so the picture is not symmetric
  const int w = 160, h = 160;
  // Back faces culled, as the body's closed meshes are drawn: a wrong winding would show the inside.
  const Image plain = draw(m, NodeTransforms::bind(m), cam, w, h, 4, false, true);
  OrbitCamera mirrored = cam;
  mirrored.mirrored = true;
  const Image flipped = draw(m, NodeTransforms::bind(m), mirrored, w, h, 4, false, true);
  double diff = 0.0, diff_unflipped = 0.0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c) {
        diff += std::abs(plain.pixel(x, y)[c] - flipped.pixel(w - 1 - x, y)[c]);
        diff_unflipped += std::abs(plain.pixel(x, y)[c] - flipped.pixel(x, y)[c]);
      }
  diff /= 3.0 * w * h;
  diff_unflipped /= 3.0 * w * h;
  CAPTURE(diff);
  CAPTURE(diff_unflipped);
  CHECK(diff < 0.25);                  // the same picture, mirrored (edges may rasterise a little differently)
  CHECK(diff_unflipped > 4.0 * diff);  // and not the same picture unflipped
  // The lit front of the tube is where the mirror puts it, as bright as in the plain view.
  const glm::ivec2 p = pixel_of(cam, {0.2f, 1.0f, 0.0f}, w, h);
  CHECK(plain.pixel(p.x, p.y)[0] > 150);
  CHECK(flipped.pixel(w - 1 - p.x, p.y)[0] == doctest::Approx(plain.pixel(p.x, p.y)[0]).epsilon(0.03));
  CHECK(gl_error_count() == 0);
}

namespace {
// A camera-facing square of side 2*`half` at `centre` (camera right, up) and `z` toward the camera
// from its target, as one more part of `mesh`.
MeshDraw square(DynamicMesh& mesh, const OrbitCamera& cam, glm::vec2 centre, float half, float z, glm::vec4 colour, bool show_through) {
  const glm::mat4 to_world = glm::inverse(cam.view());
  const glm::vec3 right(to_world[0]), up(to_world[1]), back(to_world[2]);
  const auto first = static_cast<std::uint32_t>(mesh.vertices.size());
  for (glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
    Vertex v;
    const glm::vec2 q = centre + half * c;
    v.position = cam.target + q.x * right + q.y * up + z * back;
    v.normal = back;
    mesh.vertices.push_back(v);
  }
  MeshDraw d;
  d.dynamic_mesh = 0;
  d.first_index = static_cast<int>(mesh.indices.size());
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) mesh.indices.push_back(first + i);
  d.index_count = 6;
  d.tint = colour;
  d.use_tint_only = true;
  d.casts_shadow = false;
  d.show_through = show_through;
  return d;
}
glm::vec3 on_square(const OrbitCamera& cam, glm::vec2 at, float z) {
  const glm::mat4 to_world = glm::inverse(cam.view());
  return cam.target + at.x * glm::vec3(to_world[0]) + at.y * glm::vec3(to_world[1]) + z * glm::vec3(to_world[2]);
}
}  // namespace

TEST_CASE("a highlighted item under an opaque one shows through it faintly, but not through another highlighted one") {
  HIPLAB_SKIP_WITHOUT_GL();
  const glm::vec4 grey(0.3f, 0.3f, 0.3f, 1.0f), yellow(0.9f, 0.8f, 0.05f, 1.0f), blue(0.05f, 0.1f, 0.8f, 1.0f);
  const OrbitCamera cam = fixed_front_camera();
  const int w = 200, h = 200;
  auto shot = [&](bool through) {
    DrawList list;
    list.floor.visible = false;
    DynamicMesh mesh;
    // Behind: a highlighted square (yellow) across the middle. In front: a grey resting one on the
    // left, a highlighted blue one on the right; both overlap the yellow one.
    list.meshes.push_back(square(mesh, cam, {0.0f, 0.0f}, 0.5f, -0.2f, yellow, through));
    list.meshes.push_back(square(mesh, cam, {-0.5f, 0.0f}, 0.35f, 0.2f, grey, false));
    list.meshes.push_back(square(mesh, cam, {0.5f, 0.0f}, 0.35f, 0.2f, blue, through));
    list.dynamic_meshes.push_back(std::move(mesh));
    REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
    return session().renderer().read_pixels();
  };
  const Image on = shot(true), off = shot(false);
  auto rgb = [](const Image& img, glm::ivec2 p) {
    const std::uint8_t* px = img.pixel(p.x, p.y);
    return glm::ivec3(px[0], px[1], px[2]);
  };
  const glm::ivec2 grey_over_yellow = pixel_of(cam, on_square(cam, {-0.3f, 0.0f}, 0.2f), w, h), grey_alone = pixel_of(cam, on_square(cam, {-0.75f, 0.0f}, 0.2f), w, h);
  const glm::ivec2 blue_over_yellow = pixel_of(cam, on_square(cam, {0.3f, 0.0f}, 0.2f), w, h);
  INFO("grey over yellow " << rgb(on, grey_over_yellow).r << "," << rgb(on, grey_over_yellow).g << "," << rgb(on, grey_over_yellow).b);
  // Without show-through the grey square looks the same over the yellow one and beside it.
  CHECK(glm::all(glm::lessThanEqual(glm::abs(rgb(off, grey_over_yellow) - rgb(off, grey_alone)), glm::ivec3(2))));
  // With it, the grey turns toward yellow where the yellow square lies behind (red and green up,
  // blue down), and stays as it was beside it.
  CHECK(rgb(on, grey_over_yellow).r > rgb(off, grey_over_yellow).r + 20);
  CHECK(rgb(on, grey_over_yellow).g > rgb(off, grey_over_yellow).g + 15);
  CHECK(rgb(on, grey_over_yellow).b < rgb(off, grey_over_yellow).b);
  CHECK(rgb(on, grey_alone) == rgb(off, grey_alone));
  // ... but faintly: the grey is still the nearer surface's colour, not yellow.
  CHECK(rgb(on, grey_over_yellow).b > 40);
  // A highlighted square in front keeps its own colour: nothing shows through it.
  CHECK(rgb(on, blue_over_yellow) == rgb(off, blue_over_yellow));
  CHECK(gl_error_count() == 0);
}

// One layer a sample (render/scene_pass.cpp): two highlighted squares behind one grey square do
// not stack their faint colours: where the grey covers both it looks as where it covers one, so the
// covered muscles of a flexed hip do not pile up into layered translucent sheets.
TEST_CASE("show-through draws one highlighted layer a sample, not every covered one stacked") {
  HIPLAB_SKIP_WITHOUT_GL();
  const glm::vec4 grey(0.3f, 0.3f, 0.3f, 1.0f), yellow(0.9f, 0.8f, 0.05f, 1.0f);
  const OrbitCamera cam = fixed_front_camera();
  const int w = 200, h = 200;
  DrawList list;
  list.floor.visible = false;
  DynamicMesh mesh;
  // Two highlighted squares behind, overlapping on the right half of the first; the grey square in
  // front covers the first one whole.
  list.meshes.push_back(square(mesh, cam, {0.0f, 0.0f}, 0.4f, -0.2f, yellow, true));
  list.meshes.push_back(square(mesh, cam, {0.4f, 0.0f}, 0.4f, -0.4f, yellow, true));
  list.meshes.push_back(square(mesh, cam, {0.0f, 0.0f}, 0.6f, 0.2f, grey, false));
  list.dynamic_meshes.push_back(std::move(mesh));
  REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
  const Image img = session().renderer().read_pixels();
  auto rgb = [&](glm::vec2 at) {
    const glm::ivec2 p = pixel_of(cam, on_square(cam, at, 0.2f), w, h);
    const std::uint8_t* px = img.pixel(p.x, p.y);
    return glm::ivec3(px[0], px[1], px[2]);
  };
  const glm::ivec3 over_one = rgb({-0.2f, 0.0f}), over_two = rgb({0.2f, 0.0f}), over_none = rgb({0.0f, 0.5f});
  INFO("over one " << over_one.r << "," << over_one.g << "," << over_one.b << "; over two " << over_two.r << "," << over_two.g << ","
                   << over_two.b);
  CHECK(over_one.r > over_none.r + 20);  // the one layer shows
  CHECK(glm::all(glm::lessThanEqual(glm::abs(over_two - over_one), glm::ivec3(2))));  // and only one
  CHECK(gl_error_count() == 0);
}

TEST_CASE("a label with a leader line sits out from its anchor and a line in its colour joins them, drawn over the scene") {
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 240;  // room for the label right of the anchor (labels are kept inside the view)
  auto shot = [&](bool leader) {
    DrawList list;
    list.floor.visible = false;
    DynamicMesh mesh;
    // A grey square in front of the anchor: the line and dot must still show over it.
    list.meshes.push_back(square(mesh, cam, {0.0f, 0.0f}, 0.6f, 0.3f, glm::vec4(0.3f, 0.3f, 0.3f, 1.0f), false));
    list.dynamic_meshes.push_back(std::move(mesh));
    OverlayLabel l;
    l.anchor = cam.target;
    l.text = "Piriformis (R)";
    l.leader = leader;
    l.away = on_square(cam, {1.0f, 0.0f}, 0.0f) - cam.target;  // to the right on screen
    l.leader_color = glm::vec4(0.0f, 1.0f, 0.0f, 1.0f);
    l.offset_px = {0.0f, 0.0f};
    list.overlay_labels.push_back(l);
    REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
    return session().renderer().read_pixels();
  };
  const Image with = shot(true), without = shot(false);
  const glm::ivec2 anchor = pixel_of(cam, cam.target, w, h);
  auto green = [](const Image& img, int x, int y) {
    const std::uint8_t* p = img.pixel(x, y);
    return p[1] > 150 && p[0] < 120 && p[2] < 120;
  };
  // Halfway along the 72 px leader to the right of the anchor: the line's colour, over the square.
  int on_line = 0;
  for (int dy = -1; dy <= 1; ++dy) on_line += green(with, anchor.x + 30, anchor.y + dy);
  CHECK(on_line >= 1);
  CHECK_FALSE(green(without, anchor.x + 30, anchor.y));
  // The dot at the anchor.
  CHECK(green(with, anchor.x, anchor.y));
  // The label's text box starts past the line's end (left-aligned, the line pointing right): dark
  // background there, the grey square in the plain label's place (centred on the anchor).
  const std::uint8_t* box = with.pixel(anchor.x + 68, anchor.y);  // inside its padding, before the first glyph
  CHECK(box[0] + 40 < without.pixel(anchor.x + 68, anchor.y)[0]);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("a named thing's label stays inside the label area (clear of the panels), its line still reaching the anchor") {
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 240;
  DrawList list;
  list.floor.visible = false;
  list.clear_color = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
  OverlayLabel l;
  l.anchor = cam.target;
  l.text = "Gluteus medius (posterior) (R)";
  l.leader = true;
  l.away = on_square(cam, {-1.0f, 0.0f}, 0.0f) - cam.target;  // toward the left, where a panel is
  l.leader_color = glm::vec4(0.0f, 1.0f, 0.0f, 1.0f);
  l.background = glm::vec4(1.0f, 0.0f, 1.0f, 1.0f);  // magenta box, easy to find
  list.overlay_labels.push_back(l);
  const glm::ivec2 anchor = pixel_of(cam, cam.target, w, h);
  list.label_area = glm::vec4(static_cast<float>(anchor.x) - 60.0f, 0.0f, static_cast<float>(w), static_cast<float>(h));  // a panel covers the rest
  REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
  const Image img = session().renderer().read_pixels();
  int magenta_outside = 0, magenta_inside = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      if (p[0] > 200 && p[1] < 60 && p[2] > 200) (x < anchor.x - 60 ? magenta_outside : magenta_inside)++;
    }
  CHECK(magenta_inside > 200);
  CHECK(magenta_outside == 0);
  CHECK(gl_error_count() == 0);
}

TEST_CASE("in a window every label keeps clear of the panels: a plain label at the edge moves inside the label area") {
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 240;
  DrawList list;
  list.floor.visible = false;
  list.clear_color = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
  OverlayLabel l;
  l.anchor = cam.target;
  l.text = "rotation: + internal / - external";
  l.align_x = 1.0f;  // right-aligned at the anchor: it reaches left, under the panel
  l.background = glm::vec4(1.0f, 0.0f, 1.0f, 1.0f);
  list.overlay_labels.push_back(l);
  const glm::ivec2 anchor = pixel_of(cam, cam.target, w, h);
  list.label_area = glm::vec4(static_cast<float>(anchor.x) - 40.0f, 0.0f, static_cast<float>(w), static_cast<float>(h));
  REQUIRE(session().renderer().render(list, cam, w, h, 4).ok());
  const Image img = session().renderer().read_pixels();
  int outside = 0, inside = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      if (p[0] > 200 && p[1] < 60 && p[2] > 200) (x < anchor.x - 40 ? outside : inside)++;
    }
  CHECK(inside > 200);
  CHECK(outside == 0);
}

TEST_CASE("leader lines go under every label: a later label's line never crosses an earlier label's text") {
  // Two named things side by side (the 90/90's gluteus medius and minimus): the second label meets
  // the first and stacks below it, so its line from the anchor runs down through the first label's
  // box. It must pass under that box, not over its text (it once hid the closing bracket).
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 320;
  DrawList list;
  list.floor.visible = false;
  list.clear_color = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
  for (int i = 0; i < 2; ++i) {
    OverlayLabel l;
    l.anchor = cam.target;
    l.text = i == 0 ? "Gluteus medius (R)" : "Gluteus minimus (R)";
    l.leader = true;
    l.away = on_square(cam, {0.0f, -1.0f}, 0.0f) - cam.target;  // straight down on screen
    l.leader_color = glm::vec4(0.0f, 1.0f, 0.0f, 1.0f);
    l.color = glm::vec4(1.0f, 0.0f, 1.0f, 1.0f);  // text the box's colour: the box reads as one block
    l.background = glm::vec4(1.0f, 0.0f, 1.0f, 1.0f);
    list.overlay_labels.push_back(l);
  }
  REQUIRE(session().renderer().render(list, cam, w, h, 1).ok());
  const Image img = session().renderer().read_pixels();
  const glm::ivec2 anchor = pixel_of(cam, cam.target, w, h);
  // Down the anchor's column: the line (green) to the first box, then the boxes (magenta, read
  // a little to the side of the line); inside the boxes no green near the line's column.
  auto magenta = [&](int x, int y) {
    const std::uint8_t* p = img.pixel(x, y);
    return p[0] > 200 && p[1] < 60 && p[2] > 200;
  };
  auto green_near = [&](int y) {
    for (int x = anchor.x - 2; x <= anchor.x + 2; ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      if (p[1] > 120 && p[0] < 100 && p[2] < 100) return true;
    }
    return false;
  };
  int first_magenta = -1, green_in_boxes = 0, magenta_rows = 0;
  const int step = pixel_of(cam, on_square(cam, {0.0f, -1.0f}, 0.0f), w, h).y > anchor.y ? 1 : -1;
  for (int y = anchor.y + 4 * step; y >= 0 && y < h; y += step) {
    if (magenta(anchor.x + 10, y)) {
      if (first_magenta < 0) first_magenta = y;
      ++magenta_rows;
      green_in_boxes += green_near(y);
    }
  }
  REQUIRE(first_magenta >= 0);
  CHECK(magenta_rows > 30);  // both boxes, one below the other
  CHECK(green_in_boxes == 0);
  CHECK(gl_error_count() == 0);
}

namespace {

// A list with a two-line legend (a heading, a green swatch) over a grey background, no floor.
DrawList legend_list() {
  DrawList list;
  list.floor.visible = false;
  list.clear_color = glm::vec4(0.5f, 0.5f, 0.5f, 1.0f);
  list.legend.push_back({"Arcs: the normal range", glm::vec4(0.0f)});
  list.legend.push_back({"inside it", glm::vec4(0.0f, 1.0f, 0.0f, 1.0f)});
  return list;
}

// The legend's green swatch pixels in the quarter of a w x h picture that `in_quarter(x, y)`
// picks (y down), and elsewhere.
template <typename InQuarter>
std::pair<int, int> green_pixels(const Image& img, int w, int h, InQuarter in_quarter) {
  int inside = 0, elsewhere = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      if (p[1] > 200 && p[0] < 60 && p[2] < 60) (in_quarter(x, y) ? inside : elsewhere)++;
    }
  return {inside, elsewhere};
}

}  // namespace

TEST_CASE("the picture's legend is drawn once in the bottom-left corner, with its colour swatches") {
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 240;
  REQUIRE(session().renderer().render(legend_list(), cam, w, h, 1).ok());
  const auto [bottom_left, elsewhere] =
      green_pixels(session().renderer().read_pixels(), w, h, [&](int x, int y) { return x < w / 2 && y > h / 2; });
  CHECK(bottom_left > 50);  // the swatch
  CHECK(elsewhere == 0);
  CHECK(gl_error_count() == 0);
}

// The legend keeps off the body (DrawList::keep_clear: the posed legs' points): with the body in
// the bottom-left quarter it goes to the next corner, the top left.
TEST_CASE("the legend moves to another corner where the body's keep-clear points fill the bottom left") {
  HIPLAB_SKIP_WITHOUT_GL();
  const OrbitCamera cam = fixed_front_camera();
  const int w = 480, h = 240;
  DrawList list = legend_list();
  for (float z = -4.0f; z <= 4.0f; z += 0.05f)  // the front view looks along -x: z runs across the picture
    for (float y = -2.0f; y <= 4.0f; y += 0.05f) {
      const glm::ivec2 px = pixel_of(cam, {0.0f, y, z}, w, h);
      if (px.x >= 0 && px.x < w / 2 && px.y >= h / 2 && px.y < h) list.keep_clear.push_back({0.0f, y, z});
    }
  REQUIRE(list.keep_clear.size() > 100);
  REQUIRE(session().renderer().render(list, cam, w, h, 1).ok());
  const auto [top_left, elsewhere] =
      green_pixels(session().renderer().read_pixels(), w, h, [&](int x, int y) { return x < w / 2 && y < h / 2; });
  CHECK(top_left > 50);
  CHECK(elsewhere == 0);
  CHECK(gl_error_count() == 0);
}
