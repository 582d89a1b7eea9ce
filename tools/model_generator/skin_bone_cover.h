// skin_bone_cover.h — corrective shapes that keep the skin over the front of a deeply bent knee
// outside the bones by a soft-tissue thickness (issue 12: "contacts with the floor, mat, chair or
// bench stay within 1 cm in holds" — the kneeling drills rest on the front of the knee).
//
// Why: linear-blend skinning shrinks the convex side of a bent joint (the blended matrix of two
// frames 110 deg apart scales the section across the joint by about cos 55 deg). At the kneeling
// drills' knees (104-115 deg) the skin in front of the knee fell 0.7 cm inside the kneecap, so the
// kneecap and tibial plateau poked through the skin exactly where the knee rests on the mat.
//
// The shape: the skin posed with the thigh straight and the knee flexed to the key angle (as the
// knee's flexion shape, body_skin.h knee_flexion_corrective, is made), each vertex in front of the
// knee's centre and blended only among the thigh, shank and kneecap is pushed out of the posed bones
// (femur, patella, tibia, fibula: their generator SDFs, bones.h) to lie `cover` outside them, and
// the pushed displacement is smoothed over the front of the knee (projection and Laplacian rounds,
// so the skin drapes over the kneecap rather than forming spikes); the moved positions are mapped back
// through each vertex's blended matrix as offsets in the skin's rest space (glTF morph target
// "knee_front_r"/"_l"). The runtime (scene/body_pose.cpp) weights it by the knee's flexion
// (anatomy/hip_corrective.h kKneeFront*). Zero behind the knee (the knee's flexion shape's part).
//
// Units: metres, degrees (knee flexion, + flexed). Deterministic.
#pragma once
#include <vector>

#include <glm/vec3.hpp>

#include "body_skin.h"
#include "muscle_volumes.h"

namespace hiplab::modelgen {

// `bones`: the right-side bones as placed for the packed volumes (model.cpp right_bones; the left
// side uses their mirror image). side 0 right, 1 left.
std::vector<glm::vec3> knee_front_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes,
                                             const std::vector<PlacedBone>& bones, int side, double flexion_deg,
                                             double cover_m);

// The largest depth (m) by which any posed bone of that knee lies outside the given skin
// positions' cover there: for the report and the generator test (max over the front-of-knee
// vertices of cover - distance to the nearest bone, 0 when every vertex is at least `cover_m` out).
double knee_front_cover_shortfall(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, const std::vector<PlacedBone>& bones,
                                  int side, double flexion_deg, double cover_m, const std::vector<glm::vec3>* offsets);

}  // namespace hiplab::modelgen
