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
// knee's flexion shape, body_skin.h knee_flexion_corrective, is made); each vertex in front of the
// knee's centre, within 20 cm of it and blended only among the thigh, the shank and the kneecap is
// pushed straight out from the knee's flexion axis (the way the blend collapsed it) until it lies
// `cover` outside the kneecap, the tibia and the fibula and clear of the femur (their generator
// SDFs, bones.h; covering the femur by the same 5 mm stretched the skin above the kneecap past 3x),
// and the displacement is smoothed over the front of the knee (rounds of push-out and Laplacian
// averaging, so the skin drapes over the kneecap rather than forming spikes). The moved positions
// are mapped back through each vertex's blended matrix as offsets in the skin's rest space (glTF
// morph target "knee_front_r"/"_l"). The runtime (scene/body_pose.cpp) weights it by the knee's
// flexion (anatomy/hip_corrective.h kKneeFront*). Zero behind the knee (the knee's flexion shape's
// part). (Pushing along the bones' distance gradient instead sent vertices deep inside the thin
// kneecap out through its back: the right knee's skin ended 4.8 cm above the mat.)
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

// How far (m) the front-of-knee vertices fall short of the cover at the key pose (the femur: of
// clearing it), with the given offsets or none: for the report and the generator test (0 when
// every vertex is covered).
double knee_front_cover_shortfall(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, const std::vector<PlacedBone>& bones,
                                  int side, double flexion_deg, double cover_m, const std::vector<glm::vec3>* offsets);

}  // namespace hiplab::modelgen
