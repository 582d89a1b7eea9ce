// Tests the drills' own views and highlight (motion::Drill::views, ::highlight; issue "a whole
// person doing the drill": views that teach). Every shipped drill names where to look from and the
// highlight that fits it (stretched for the mobility drills, working for the strength drills); the
// other side's drill looks from the mirrored direction; bad entries are refused by field. And from
// each drill's first view, framed as the app frames it, in 50 samples of the drill on both sides:
// the working hip's centre, knee and foot are inside the picture, and the hip centre and knee are
// not hidden behind the other leg, the other hip bone or the sacrum (ray cast against the posed
// bones of the shipped model).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "anatomy/skeleton.h"
#include "assets/drill_loader.h"
#include "assets/model_loader.h"
#include "motion/timeline.h"
#include "scene/body_pose.h"
#include "scene/framing.h"
#include "session/session.h"

using namespace hiplab;
using namespace hiplab::motion;

namespace {

std::string drill_dir() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/drills"; }

// Möller–Trumbore: the ray o + t d (0 < t < t_max) crosses the triangle.
bool hits(const glm::vec3& o, const glm::vec3& d, float t_max, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
  const float det = glm::dot(e1, p);
  if (std::abs(det) < 1e-12f) return false;
  const float inv = 1.0f / det;
  const glm::vec3 s = o - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return false;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(d, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return false;
  const float t = glm::dot(e2, q) * inv;
  return t > 1e-4f && t < t_max;
}

// Whether any triangle of the meshes named in `blockers` lies between the eye and `p`.
bool hidden(const Model& m, const hiplab::NodeTransforms& pose, const std::vector<int>& blockers, const glm::vec3& eye, const glm::vec3& p) {
  const glm::vec3 d = glm::normalize(p - eye);
  const float t_max = glm::length(p - eye) - 0.005f;
  for (int mi : blockers) {
    const Mesh& mesh = m.meshes[static_cast<std::size_t>(mi)];
    const glm::mat4& w = pose.world[static_cast<std::size_t>(mesh.node)];
    // A bounding-sphere test first: most bones are nowhere near the line of sight.
    glm::vec3 lo(1e9f), hi(-1e9f);
    std::vector<glm::vec3> x(mesh.vertices.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      x[i] = glm::vec3(w * glm::vec4(mesh.vertices[i].position, 1.0f));
      lo = glm::min(lo, x[i]);
      hi = glm::max(hi, x[i]);
    }
    const glm::vec3 c = 0.5f * (lo + hi);
    const float r = 0.5f * glm::length(hi - lo);
    const float along = glm::clamp(glm::dot(c - eye, d), 0.0f, t_max);
    if (glm::length(eye + along * d - c) > r) continue;
    for (std::size_t k = 0; k + 2 < mesh.indices.size(); k += 3)
      if (hits(eye, d, t_max, x[mesh.indices[k]], x[mesh.indices[k + 1]], x[mesh.indices[k + 2]])) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("drill views: every shipped drill names its views and the highlight that fits it") {
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(f.errors.empty());
  const std::map<std::string, std::string> expected = {
      {"ninety_ninety_hip_switch", "stretched"}, {"ir_pails_rails_supine", "stretched"}, {"ir_pails_rails_9090", "stretched"},
      {"figure4_self_test", "stretched"},        {"kneeling_windmill", "stretched"},     {"tall_kneeling_foot_windmill", "stretched"}, {"clamshell", "working"},
      {"reverse_clamshell", "working"},          {"seated_band_internal_rotation", "working"},
      {"standing_cable_internal_rotation", "working"}, {"side_lying_hip_abduction", "working"},
      {"clamshell_30", "working"},               {"clamshell_60", "working"}};
  for (const Drill& d : f.drills) {
    CAPTURE(d.id);
    CHECK_FALSE(d.views.empty());
    REQUIRE(expected.count(d.id) == 1);
    CHECK(d.highlight == expected.at(d.id));
    // The other side's drill looks at the other hip: the mirrored direction.
    const Drill m = mirrored_drill(d);
    REQUIRE(m.views.size() == d.views.size());
    CHECK(m.views[0].from.z == doctest::Approx(-d.views[0].from.z));
    CHECK(m.views[0].from.x == doctest::Approx(d.views[0].from.x));
  }
  // The session switches to the drill's highlight when the drill is chosen.
  session::Session s;
  s.load_drills(drill_dir(), "");
  s.view.highlight = HighlightMode::kNone;
  REQUIRE(s.select_drill(s.find_drill("ninety_ninety_hip_switch")).ok());
  CHECK(s.view.highlight == HighlightMode::kStretched);
  REQUIRE(s.select_drill(s.find_drill("clamshell")).ok());
  CHECK(s.view.highlight == HighlightMode::kWorking);
}

TEST_CASE("drill views: a bad view or highlight is refused, naming the field") {
  const std::string head = R"({"schema": "hiplab-drill/2", "name": "T", "posture": "standing", "start": {},
    "phases": [{"name": "a", "duration_s": 1}], )";
  auto bad = parse_drill(head + R"("views": [{"name": "x", "from": [0, 0, 0]}]})", "t.json", "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("views[0].from") != std::string::npos);
  bad = parse_drill(head + R"("views": [{"name": "x", "from": [1, 0]}]})", "t.json", "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("views[0].from") != std::string::npos);
  bad = parse_drill(head + R"("views": [{"from": [1, 0, 0]}]})", "t.json", "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("views[0].name") != std::string::npos);
  bad = parse_drill(head + R"("highlight": "glow"})", "t.json", "t");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("highlight") != std::string::npos);
  auto good = parse_drill(head + R"("views": [{"name": "Side", "from": [0, 0, 2]}], "highlight": "working"})", "t.json", "t");
  REQUIRE_MESSAGE(good.ok(), (good.ok() ? "" : good.error().message));
  CHECK(good.value().views.size() == 1);
}

TEST_CASE("drill views: from each drill's first view the working hip, knee and foot are in the picture and not hidden") {
  auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");  // required
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  const Model& m = loaded.value();
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(f.errors.empty());
  hiplab::NodeTransforms pose = hiplab::NodeTransforms::bind(m);
  const float aspect = 16.0f / 9.0f;
  for (const Drill& drill : f.drills)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      CAPTURE(drill.id);
      CAPTURE(side == anatomy::Side::kRight ? "right" : "left");
      auto tl = Timeline::build(drill, side);
      REQUIRE(tl.ok());
      REQUIRE_FALSE(tl->drill().views.empty());
      const std::string me = side == anatomy::Side::kRight ? "_r" : "_l", other = side == anatomy::Side::kRight ? "_l" : "_r";
      std::vector<int> blockers;
      for (std::size_t i = 0; i < m.meshes.size(); ++i) {
        const std::string& n = m.meshes[i].name;
        if (m.meshes[i].skinned || m.meshes[i].node < 0) continue;
        if (n.ends_with(other) || n == "sacrum") blockers.push_back(static_cast<int>(i));
      }
      int outside = 0, covered = 0;
      const int samples = 50;
      for (int i = 0; i < samples; ++i) {
        const DrillFrame fr = tl->evaluate(tl->duration() * i / (samples - 1.0));
        pose_body_model(m, BodyPoseInput{fr.legs, fr.upper, fr.pelvis_world}, pose);
        OrbitCamera cam;
        look_from_body_direction(cam, fr.pelvis_world, tl->drill().views[0].from);
        frame_focus(cam, m, pose, aspect);
        const glm::mat4 vp = cam.projection(aspect) * cam.view();
        const glm::vec3 hip = glm::vec3(fr.pelvis_world * glm::dvec4(anatomy::hip_centre(side), 1.0));
        auto node_pos = [&](const std::string& name) { return glm::vec3(pose.world[static_cast<std::size_t>(m.find_node(name))][3]); };
        const glm::vec3 knee = node_pos("tibia" + me), foot = node_pos("calcn" + me);
        for (const glm::vec3& p : {hip, knee, foot}) {
          const glm::vec4 c = vp * glm::vec4(p, 1.0f);
          const glm::vec2 ndc = glm::vec2(c) / c.w;
          outside += c.w <= 0.0f || std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f;
        }
        covered += hidden(m, pose, blockers, cam.eye(), hip);
        covered += hidden(m, pose, blockers, cam.eye(), knee);
      }
      CHECK(outside == 0);
      CHECK(covered == 0);
    }
}

// View names are relative to the person (issue 12: "front = facing them, whatever the posture"): in
// the first frame of every shipped drill, both sides, the eye of every view whose name says "front",
// "behind", "side" or "above" lies on that side of the posed body. The body's axes are the posed
// model's pelvis bone (OpenSim: x anterior, y superior, z right), not the drill's own placement, so a
// view written in the wrong sign, or a placement that turns the body away from where the camera
// looks, both fail. The eye direction is the one the app's camera takes (look_from_body_direction).
TEST_CASE("drill views: a view named front, behind, side or above looks at the body from there") {
  auto loaded = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  const Model& m = loaded.value();
  const DrillFolder f = load_drill_folder(drill_dir());
  REQUIRE(f.errors.empty());
  hiplab::NodeTransforms pose = hiplab::NodeTransforms::bind(m);
  const int pelvis = m.find_node("pelvis");
  REQUIRE(pelvis >= 0);
  // At least 15 deg to the named side of the plane that divides the two (sin 15 deg ~ 0.26).
  constexpr float kClear = 0.25f;
  int named = 0;
  for (const Drill& drill : f.drills)
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = Timeline::build(drill, side);
      REQUIRE(tl.ok());
      const DrillFrame fr = tl->evaluate(0.0);
      pose_body_model(m, BodyPoseInput{fr.legs, fr.upper, fr.pelvis_world}, pose);
      const glm::mat3 body(pose.world[static_cast<std::size_t>(pelvis)]);
      const glm::vec3 forward = glm::normalize(body[0]), up = glm::normalize(body[1]);
      const glm::vec3 working = glm::normalize(body[2]) * (side == anatomy::Side::kRight ? 1.0f : -1.0f);
      for (const DrillView& v : tl->drill().views) {
        OrbitCamera cam;
        look_from_body_direction(cam, fr.pelvis_world, v.from);
        const glm::vec3 eye = glm::normalize(cam.eye() - cam.target);
        std::string name = v.name;
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto says = [&](const char* w) { return name.find(w) != std::string::npos; };
        CAPTURE(drill.id);
        CAPTURE(v.name);
        CAPTURE(side == anatomy::Side::kRight ? "right" : "left");
        CAPTURE(glm::dot(eye, forward));
        CAPTURE(glm::dot(eye, working));
        if (says("front")) CHECK(glm::dot(eye, forward) > kClear);
        if (says("behind")) CHECK(glm::dot(eye, forward) < -kClear);
        if (says("working side")) CHECK(glm::dot(eye, working) > kClear);
        else if (says("side")) CHECK(std::abs(glm::dot(eye, body[2])) > kClear);
        if (says("feet")) CHECK(glm::dot(eye, up) < -kClear);
        // "Above" is the room's up (the floor is y = 0), whatever the posture.
        if (says("above")) CHECK(eye.y > kClear);
        named += says("front") || says("behind") || says("side") || says("feet") || says("above");
      }
    }
  CHECK(named > 20);  // the names above are read, not skipped
}
