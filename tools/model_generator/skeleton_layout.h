// skeleton_layout.h — the node tree of the generated model: Gait2392 bodies (from hiplab_anatomy,
// both legs, torso), plus patellae and a simplified upper body (head, upper arms, forearms, hands)
// hanging off the torso. Translations in the parent's body frame, metres; all frames parallel in
// the bind pose (Gait2392's default pose: every coordinate zero).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace hiplab::modelgen {

struct SkeletonNode {
  std::string name;
  int parent;               // index into the list, -1 for the root
  glm::dvec3 translation;   // in the parent frame
  glm::dvec3 world;         // bind-pose position in model space
};

// Upper-body joints (torso frame, origin at Gait2392's back joint): adult proportions after
// Winter 2009 (Biomechanics and Motor Control of Human Movement, 4th ed., Table 4.1) scaled to
// Gait2392's 1.8 m generic subject.
struct UpperBody {
  glm::dvec3 neck{-0.005, 0.445, 0.0};
  glm::dvec3 shoulder_r{-0.02, 0.395, 0.175};
  glm::dvec3 elbow_in_humerus{0.0, -0.29, 0.02};
  glm::dvec3 wrist_in_forearm{0.02, -0.255, 0.005};
};

std::vector<SkeletonNode> skeleton_layout();
int find_node(const std::vector<SkeletonNode>& nodes, const std::string& name);

}  // namespace hiplab::modelgen
