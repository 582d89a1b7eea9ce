#include "scene/landmarks.h"

#include <array>
#include <string>

#include "anatomy/kinematics.h"

namespace hiplab {
namespace {
using anatomy::BodyId;
constexpr std::array<Landmark, 14> kLandmarks{{
    {"ASIS", BodyId::kPelvis, {0.0, 0.004, 0.12}},
    {"PSIS", BodyId::kPelvis, {-0.137, 0.038, 0.06}},
    {"iliac crest", BodyId::kPelvis, {-0.06, 0.075, 0.115}},
    {"acetabulum", BodyId::kPelvis, {-0.0707, -0.0661, 0.0835}},
    {"ischial tuberosity", BodyId::kPelvis, {-0.11, -0.118, 0.047}},
    {"pubic symphysis", BodyId::kPelvis, {-0.012, -0.075, 0.0}},
    {"femoral head", BodyId::kFemurR, {0.0, 0.0, 0.0}},
    {"greater trochanter", BodyId::kFemurR, {-0.015, 0.0, 0.058}},
    {"lesser trochanter", BodyId::kFemurR, {-0.015, -0.058, 0.012}},
    {"lateral condyle", BodyId::kFemurR, {-0.005, -0.39, 0.035}},
    {"medial condyle", BodyId::kFemurR, {-0.005, -0.39, -0.035}},
    {"tibial tuberosity", BodyId::kTibiaR, {0.032, -0.07, 0.0}},
    {"medial malleolus", BodyId::kTibiaR, {0.0, -0.415, -0.03}},
    {"lateral malleolus", BodyId::kTibiaR, {-0.012, -0.43, 0.037}},
}};
}  // namespace

std::span<const Landmark> landmarks() { return kLandmarks; }

void add_landmark_labels(const BodyPoseInput& input, anatomy::Side side, DrawList& out) {
  const anatomy::BodyFrames frames = anatomy::forward_kinematics(input.legs);
  for (const Landmark& l : kLandmarks) {
    BodyId body = l.body;
    glm::dvec3 local = l.local;
    if (side == anatomy::Side::kLeft) {
      local = anatomy::mirror_point(local);
      if (body == BodyId::kFemurR) body = BodyId::kFemurL;
      if (body == BodyId::kTibiaR) body = BodyId::kTibiaL;
    }
    const glm::dvec3 p = frames[body].apply(local);
    const glm::vec3 world = glm::vec3(input.pelvis_world * glm::dvec4(p, 1.0));
    out.overlay_lines.push_back({{world, world}, {1.0f, 0.9f, 0.3f, 1.0f}, 9.0f, false});  // a dot
    OverlayLabel label;
    label.anchor = world;
    label.offset_px = {0.0f, 18.0f};
    label.text = std::string(l.name);
    label.size_px = 15.0f;
    label.color = {1.0f, 0.95f, 0.75f, 1.0f};
    out.overlay_labels.push_back(label);
  }
}

}  // namespace hiplab
