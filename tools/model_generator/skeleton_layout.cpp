// skeleton_layout.cpp — see skeleton_layout.h.
#include "skeleton_layout.h"

#include "anatomy/patella.h"
#include "anatomy/skeleton.h"
#include "model.h"

namespace hiplab::modelgen {
using anatomy::BodyId;

namespace {
// Lowest point of the foot below the calcn origin (Gait2392 foot mesh: y min -0.0098 m).
constexpr double kSoleBelowCalcn = 0.0098;
}  // namespace

double standing_pelvis_height() {
  const glm::dvec3 knee = anatomy::knee_tibia_origin(0.0);
  const auto& talus = anatomy::body_info(BodyId::kTalusR);
  const auto& calcn = anatomy::body_info(BodyId::kCalcnR);
  return -(anatomy::kRightHipCentre.y + knee.y + talus.joint_in_parent.y + calcn.joint_in_parent.y) + kSoleBelowCalcn;
}

int find_node(const std::vector<SkeletonNode>& nodes, const std::string& name) {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<SkeletonNode> skeleton_layout() {
  std::vector<SkeletonNode> n;
  auto add = [&](const std::string& name, int parent, glm::dvec3 t) {
    glm::dvec3 w = parent < 0 ? t : n[parent].world + t;
    n.push_back({name, parent, t, w});
    return static_cast<int>(n.size()) - 1;
  };
  const int pelvis = add("pelvis", -1, {0.0, standing_pelvis_height(), 0.0});
  const int torso = add("torso", pelvis, anatomy::body_info(BodyId::kTorso).joint_in_parent);
  const UpperBody ub;
  add("head", torso, ub.neck);
  for (int s = 0; s < 2; ++s) {
    const char* sfx = s == 0 ? "_r" : "_l";
    const double zs = s == 0 ? 1.0 : -1.0;
    auto m = [&](glm::dvec3 v) { return glm::dvec3(v.x, v.y, v.z * zs); };
    const int hum = add(std::string("humerus") + sfx, torso, m(ub.shoulder_r));
    const int fore = add(std::string("forearm") + sfx, hum, m(ub.elbow_in_humerus));
    add(std::string("hand") + sfx, fore, m(ub.wrist_in_forearm));
  }
  // The kneecap at extension, where the patellofemoral coupling puts it (anatomy/patella.h).
  const glm::dvec3 patella_rest = anatomy::patella_in_tibia(0.0).origin;
  for (int s = 0; s < 2; ++s) {
    const anatomy::Side side = s == 0 ? anatomy::Side::kRight : anatomy::Side::kLeft;
    const std::string sfx(anatomy::side_suffix(side));
    auto seg = [&](anatomy::LegSegment g) { return anatomy::body_info(anatomy::leg_body(side, g)); };
    const int femur = add("femur" + sfx, pelvis, anatomy::hip_centre(side));
    glm::dvec3 knee = anatomy::knee_tibia_origin(0.0);
    if (s == 1) knee = anatomy::mirror_point(knee);
    const int tibia = add("tibia" + sfx, femur, knee);
    add("patella" + sfx, tibia, s == 0 ? patella_rest : anatomy::mirror_point(patella_rest));
    const int talus = add("talus" + sfx, tibia, seg(anatomy::LegSegment::kTalus).joint_in_parent);
    const int calcn = add("calcn" + sfx, talus, seg(anatomy::LegSegment::kCalcn).joint_in_parent);
    add("toes" + sfx, calcn, seg(anatomy::LegSegment::kToes).joint_in_parent);
  }
  return n;
}

std::vector<std::string> skeleton_node_names() {
  std::vector<std::string> out;
  for (auto& s : skeleton_layout()) out.push_back(s.name);
  return out;
}

}  // namespace hiplab::modelgen
