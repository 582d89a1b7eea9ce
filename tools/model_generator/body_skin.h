// body_skin.h — the faint body surface ("skin"): a smooth-union SDF of the trunk, head, arms and
// legs in the bind pose (model space, metres), meshed coarsely, with 2-4 joint weights per vertex
// that blend smoothly across hip, knee and the other joints.
#pragma once
#include <array>
#include <vector>

#include "mesh.h"
#include "skeleton_layout.h"

namespace hiplab::modelgen {

struct SkinMesh {
  Mesh mesh;
  std::vector<std::array<uint8_t, 4>> joints;  // skeleton node indices
  std::vector<std::array<float, 4>> weights;   // sum 1
};

// The body surface as a signed-distance function (model space, bind pose, m; negative inside).
Sdf body_skin_sdf(const std::vector<SkeletonNode>& nodes);

SkinMesh build_body_skin(const std::vector<SkeletonNode>& nodes);

}  // namespace hiplab::modelgen
