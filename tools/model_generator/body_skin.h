// body_skin.h — the faint body surface ("skin"): a smooth-union SDF of the trunk, head, arms and
// legs (model space, metres), meshed coarsely, with up to 4 joint weights per vertex.
//
// The skin is meshed in its own rest pose, not the skeleton's bind pose: the hips are flexed
// halfway into the drills' range (kSkinRestHipFlexionDeg) and the arms are raised away from the
// trunk (kSkinRestShoulder*), so that the arm and the trunk are two surfaces joined only
// at the shoulder. Meshed with the arms hanging, the arm's inner side and the trunk's flank are one
// smooth-union surface, and any arm pose tears that web into stretched sheets (issue 12). The
// inverse bind matrices of the arm and leg joints carry that rest pose (skin_rest_world), so the
// skeleton's bind pose (arms hanging, legs straight) turns the skin's limbs to it.
//
// Weights follow the surface, not straight lines through the air: every vertex is first given to
// one bone (its body part by the nearest part SDF, then the nearest bone segment within that part),
// then blended with the bones next to it in the skeleton by their distance ALONG THE MESH (Dijkstra
// over its edges), over a blend width per joint, and averaged a few rounds with its mesh neighbours.
// A point on the flank, beside the arm, is far from the arm along the surface (the path goes round
// the armpit), so it never follows the arm. The two sides' limbs join the trunk by a plain union,
// so the inner thighs meet in a crease rather than a web.
#pragma once
#include <array>
#include <vector>

#include "mesh.h"
#include "skeleton_layout.h"

namespace hiplab::modelgen {

// The skin's rest pose of both arms (body_pose.h angle conventions: + flexion forward, + abduction
// away from the trunk), degrees. Between the drills' arm poses (hanging, forward to 90 deg, out
// to 30 deg) so that no pose turns the shoulder much more than ~70 deg from it, and far enough out
// that the arm clears the trunk by a few centimetres.
constexpr double kSkinRestShoulderFlexionDeg = 30.0;
constexpr double kSkinRestShoulderAbductionDeg = 35.0;
// ... and both hips flexed into the drills' range (standing 0, side-lying 45, seated, supine and
// 90/90 up to 110 deg): linear-blend skinning folds the groin over itself when the hip bends 90 deg
// from the rest shape. 30 deg halves the triangles past the stretch limits over the drills; 40-45
// would lower them further, but then the skin turned back to the straight-legged bind pose thins
// at the top of the thigh below what the muscle volumes fill (generator test: >= 70% at femur 25%).
constexpr double kSkinRestHipFlexionDeg = 30.0;
// ... and the knees flexed a little (drills: 0 standing to 90-110 seated, kneeling, 90/90).
constexpr double kSkinRestKneeFlexionDeg = 30.0;

struct SkinMesh {
  Mesh mesh;
  std::vector<std::array<uint8_t, 4>> joints;  // skeleton node indices
  std::vector<std::array<float, 4>> weights;   // sum 1
  // Each vertex's mirror vertex (x, y, -z), itself on the plane z = 0: the mesh, its weights (on the
  // mirrored joints) and its corrective shapes are mirror-symmetric (build_body_skin,
  // mirror_corrective).
  std::vector<uint32_t> twin;
};

enum class SkinArms {
  kHanging,  // the skeleton's bind pose (arms straight down): what the muscle volumes are packed against
  kRest,     // raised clear of the trunk: the meshed skin
};

// The body surface as a signed-distance function (model space, m; negative inside).
Sdf body_skin_sdf(const std::vector<SkeletonNode>& nodes, SkinArms arms = SkinArms::kHanging);

// World transform of every skeleton node in the skin's rest pose (the bind pose with the arms
// raised and the hips flexed): the inverse of each is the node's inverse bind matrix for the skin.
std::vector<glm::dmat4> skin_rest_world(const std::vector<SkeletonNode>& nodes);
// The skinning matrices of the skeleton's bind pose (every node unrotated, legs straight, arms
// hanging): each node's bind world times its inverse rest world.
std::vector<glm::dmat4> bind_skin_matrices(const std::vector<SkeletonNode>& nodes);

SkinMesh build_body_skin(const std::vector<SkeletonNode>& nodes);

// The corrective shape of the other side: the given one mirrored vertex by vertex (the offset at a
// vertex's twin, z negated). For a shape of both sides at a symmetric pose, symmetric = true gives
// the mean of the shape and its mirror.
std::vector<glm::vec3> mirror_corrective(const SkinMesh& skin, const std::vector<glm::vec3>& shape, bool symmetric = false);

// The skin turned to the skeleton's bind pose (arms hanging, legs straight) by its own weights:
// what the model's report and tests compare with bones and muscles.
Mesh skin_in_bind_pose(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes);

// The corrective shape (pose-space deformation) of one arm overhead (side 0 right, 1 left;
// anatomy::kArmOverheadElevationDeg of shoulder flexion, elbow straight): per vertex, the offset in
// the skin's rest space that undoes what linear-blend skinning does to the armpit there. The skin
// is posed with that arm overhead by the runtime's blend; the vertices blended between the arm and
// the trunk, and the skin of the chest, upper arm, forearm and base of the neck around them, are
// relaxed in the posed space so that each edge is its rest edge turned by its two ends' rotations
// (the blend's rotations without its shrinking), with a little Laplacian smoothing against folds;
// the hand, head, pelvis and other arm stay pinned where the blend puts them. The moved positions are mapped back through the inverse of each vertex's blended matrix.
// The runtime weights it by the posed shoulder's elevation (scene/body_pose.h). Zero elsewhere.
std::vector<glm::vec3> arm_overhead_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side);

// The arm's corrective shape at any pose (scene/body_pose.h's arm angles, degrees: + flexion,
// + abduction, + elbow flexion), made as the overhead one, the head bent neck_bend_deg toward the
// arm (0: straight). The runtime weights the shapes by how near the posed arm is to each
// (scene/body_pose.cpp). Zero away from this arm's shoulder.
struct ArmAngles {
  double flexion = 0.0, abduction = 0.0, elbow = 0.0;
};
std::vector<glm::vec3> arm_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const ArmAngles& arm,
                                      double neck_bend_deg);

// The elbow's corrective shape (side 0 right, 1 left): the skin's rest arm with the forearm and hand
// bent elbow_deg about the elbow; the skin blended between upper arm and forearm (the inside of the
// elbow folds under linear blending), and rings of the arm's own skin around it, relaxed as the
// arm's shapes and held to the same bounded distortion; the trunk, armpit, wrist and hand pinned.
// The runtime weights it by the elbow's flexion (scene/body_pose.cpp). Zero away from this elbow.
std::vector<glm::vec3> elbow_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double elbow_deg);

// The corrective shape of one hip posed (side 0 right, 1 left; Gait2392 hip flexion, adduction and
// internal rotation in degrees, knee straight; anatomy/hip_corrective.h names the poses), made as the arm's: the vertices blended between the thigh and
// the pelvis (groin in front, buttock behind), and rings of the lower trunk and thigh around them,
// relaxed in the posed space; the shank, foot and other leg pinned. The front of the crotch, blended
// with both thighs, is relaxed too and its offset scaled by this thigh's share of the two (so that
// both hips' shapes together move it once; body_skin.cpp, kSharedCrotch*). The runtime weights it
// by the posed hip's flexion (scene/body_pose.h). Zero elsewhere.
std::vector<glm::vec3> hip_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double flexion_deg,
                                              double adduction_deg, double rotation_deg);

// A hip's pose in Gait2392's coordinates, degrees (adduction + toward the midline, rotation +
// internal).
struct HipAngles {
  double flexion = 0.0, adduction = 0.0, rotation = 0.0;
};
// hip_flexion_corrective's shape, optionally made with the other leg posed too (other_leg): then
// the crotch between the thighs is relaxed with the hip's band (the shape is meant for a pose
// where both hips are held so, e.g. the 90/90's back hip with the front hip beside it).
// sink_limit (per skin vertex, m; infinite where free): how far the relaxed skin may move inward
// along its posed normal from where the blend puts it (it slides along the surface and out freely).
std::vector<glm::vec3> hip_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& self,
                                      const HipAngles* other_leg, const std::vector<double>* sink_limit = nullptr);

// The corrective shape of one hip abducted with both hips and knees straight (side 0 right, 1 left;
// anatomy/hip_corrective.h kHipAbductedCorrectiveDeg): hip_corrective's with this hip alone, but
// the skin of this side, over the abductors and the groin, kept from moving inward from where the
// blend puts it (relaxed freely, it lay in over gluteus medius, minimus and tensor fasciae latae);
// it slides along the surface. The crotch near the midline relaxes freely (body_skin.cpp
// kAbductorKeep*).
std::vector<glm::vec3> hip_abduction_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double abduction_deg);

// The corrective shape of one hip turned in (rotation_deg, Gait2392 + internal) with both hips and
// knees straight (side 0 right, 1 left; anatomy/hip_corrective.h kHipTurnedInCorrectiveDeg): made
// as hip_abduction_corrective's, this hip alone, the skin of its side away from the midline kept
// from moving inward from where the blend puts it.
std::vector<glm::vec3> hip_turned_in_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double rotation_deg);

// A hip shape as the model carries it: its offsets faded down each thigh toward the knee (none from
// nine tenths of the way from the hip centre to the knee's), where the knee's shapes move the skin,
// and up the trunk (none from 20 cm above the hip centres; body_skin.cpp kHipShapeFade*). The
// shapes made over others are made over the unfaded ones.
void fade_hip_shape(const std::vector<SkeletonNode>& nodes, const SkinMesh& skin, std::vector<glm::vec3>& shape);

// The crotch's corrective shape with both hips posed together (right, left: Gait2392 degrees, knees
// straight), over the hips' own shapes at that pose (hip_shapes: the sum of their offsets at the
// weights the runtime gives them there), which keep out of the crotch: the skin within a few cm of
// the midline blended with both thighs, and rings of the crotch around it, relaxed in the posed
// space; everything the hips' shapes move stays where they put it but the front of the crotch,
// which both hips' shapes share (it is relaxed further from where they put it). Elsewhere its
// offsets are zero wherever hip_shapes' are not, so the shapes add. The runtime weights it by both
// hips' flexion (scene/body_pose.cpp). long_bound: held to bounded distortion for as many sweeps
// as the arms' shapes (body_skin.cpp kArmBoundSweeps, kArmBoundEven; the same bounds), not
// kPairBoundSweeps. front_over_hips: the whole front of the crotch it relaxes (in front of the
// shared front's edge, within its half-width of the midline, body_skin.cpp kPairCrotchHalfWidth)
// is relaxed further from where the hips' shapes put it, not only the shared front.
std::vector<glm::vec3> hip_pair_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, const HipAngles& right,
                                           const HipAngles& left, const std::vector<glm::vec3>& hip_shapes, bool whole_band = false,
                                           bool long_bound = false, bool front_over_hips = false);

// The corrective shape of one hip extended from the skin's rest flexion (side 0 right, 1 left; pose in
// Gait2392 degrees, knee straight; anatomy/hip_corrective.h kHipExtendedCorrectiveDeg), made as
// hip_corrective's with one hip posed, but with none of the skin blended with the other thigh (the
// crotch, its front too) relaxed: the buttock folded under the hip's back turn, where linear
// blending collapses it (the kneeling windmill's back hip at 7 deg of extension, 37 from the skin's
// rest: 0.0077x). The runtime weights it by how far the hip is extended (scene/body_pose.cpp).
std::vector<glm::vec3> hip_extension_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& pose);

// The corrective shape of one knee flexed (side 0 right, 1 left; degrees, thigh straight), made as
// the hip's: the vertices blended between thigh and shank, and rings of thigh and calf around them,
// relaxed in the posed space; the foot and everything above the thigh pinned. The runtime weights
// it by the knee's flexion (scene/body_pose.h). Zero elsewhere.
std::vector<glm::vec3> knee_flexion_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double flexion_deg);

// The corrective shape of one hip flexed with its knee bent (side 0 right, 1 left; anatomy/
// hip_corrective.h kHipKneeFlexed*: the 90/90 switch's hips passing 96-110 deg with the knees at
// 90): the lower thigh's skin that carries a tail of the pelvis's share (the weight averaging's,
// body_skin.cpp kReach*) lags the thigh as the hip flexes; relaxed with its neighbours in the
// posed space from where base (the shapes the runtime applies at that pose) puts it.
std::vector<glm::vec3> hip_knee_flexed_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, const HipAngles& hip,
                                                  double knee_deg, const std::vector<glm::vec3>& base);

// The corrective shape of one foot posed (side 0 right, 1 left; Gait2392 ankle angle, + dorsiflexion,
// and mtp angle, + extension, in degrees, leg straight; anatomy/foot_corrective.h names the poses),
// made as the arm's: the vertices blended between the turned part of the foot (the whole foot
// about the ankle, or the toes alone when the ankle is at 0) and the rest, and rings of the shank
// and foot around them, relaxed in the posed space and held to bounded distortion; the knee's
// blend and everything above it pinned. The runtime weights it by the joint's angle
// (scene/body_pose.cpp). Zero elsewhere.
std::vector<glm::vec3> foot_corrective(const SkinMesh& skin, const std::vector<SkeletonNode>& nodes, int side, double ankle_deg, double mtp_deg);

}  // namespace hiplab::modelgen
