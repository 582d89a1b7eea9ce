// bone_field.h — a rigid bone mesh as a signed-distance grid in the bone's own (mesh) frame, made
// at load, so the scene can push the packed muscle volumes back out of the bones as the body moves
// (issue 11, section 4: "stays out of bone"; scene/muscle_volume.h push_out_of_bones). The volumes
// follow their paths while the bones are rigid, so however the path frames are shaped, a thick
// belly beside a bone that turns under it (the femur at 90 degrees of hip flexion) enters it.
//
// The grid: samples every kBoneFieldCell metres over the mesh's box and kBoneFieldMargin beyond.
// Distances (m, negative inside) are exact (closest point on the nearest triangle) at the samples
// within about a cell of the surface, carried inward by a chamfer transform (3x3x3, weights of
// 1, sqrt 2, sqrt 3 cells) and capped outside at a few cells: only where a point is inside or
// within the clearance of the surface does the value matter. Inside: the parity of the mesh's
// crossings along y (the mesh must be closed, as the generated bones are). Stored in 0.01 mm steps.
//
// Per muscle volume (MuscleVolume::bone_fields, bone_mask): the bones of its side (and those of
// neither side, the sacrum) whose box, widened by kBoneNearDistance, holds a vertex at the bind
// pose, and per vertex a bit for each of them it lies near: only those vertices are looked at each
// frame, against only those bones.
#pragma once
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace hiplab {

struct Model;

constexpr float kBoneFieldCell = 0.0015f;    // m: resolves the iliac wing (about 4 mm thin at its middle)
constexpr float kBoneFieldMargin = 0.003f;   // m beyond the mesh's box
constexpr float kBoneNearDistance = 0.08f;  // m: a vertex this far outside a bone's box at the bind pose is not looked at

struct BoneField {
  int mesh = -1, node = -1;  // the bone mesh and the node it hangs on (the field is in that node's frame)
  glm::vec3 lo{0.0f};        // first sample's place, mesh frame (m)
  glm::ivec3 n{0};           // samples along x, y, z
  glm::vec3 box_lo{0.0f}, box_hi{0.0f};  // the mesh's own box (mesh frame)
  // Stored sparsely, in bricks of kBrick x kBrick x kBrick cells, each with its own
  // (kBrick + 1)^3 samples (the far faces' repeated), so the 8 samples a point's cell interpolates
  // lie together in a few hundred bytes (the scene reads them for thousands of vertices a frame; a
  // dense grid of megabytes missed the cache on most reads). Only bricks with a sample inside or
  // within kBrickNear of the surface are kept (brick_index -1: none, the point is farther out);
  // brick_inside: whether one of its samples is inside. x fastest throughout.
  static constexpr int kBrick = 4, kBrickSamples = (kBrick + 1) * (kBrick + 1) * (kBrick + 1);
  static constexpr float kBrickNear = 0.003f;
  static constexpr float kStep = 1e-5f;  // m per unit of d
  glm::ivec3 nb{0};
  std::vector<std::int32_t> brick_index;
  std::vector<std::uint8_t> brick_inside;
  std::vector<std::int16_t> d;  // kBrickSamples a kept brick, signed distance in kStep
  glm::vec3 inside_lo{1.0f}, inside_hi{-1.0f};
  // Whether `p` (mesh frame) lies in a brick with an inside sample (else sample() >= 0 there).
  bool may_be_inside(const glm::vec3& p) const;
  // Signed distance (m) at `p` (mesh frame) and, when `grad` is given, its gradient (trilinear, the
  // gradient of the cell's own interpolant); `far` outside the grid or its kept bricks.
  float sample(const glm::vec3& p, glm::vec3* grad = nullptr, float far = 1.0f) const;
};

// The field of a closed triangle mesh (positions in its own frame, 3 indices a triangle).
BoneField make_bone_field(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& indices, float cell = kBoneFieldCell,
                          float margin = kBoneFieldMargin);

// Model::bone_fields for every rigid bone mesh (not skinned, not the skin) of a model with muscle
// volumes, and each volume's bone_fields and bone_mask (see above). Nothing for a model without
// volumes. The same as install_bone_fields(model, make_bone_fields(bone_sources(model))).
void set_bone_fields(Model& model);

// The same in steps, so the fields (the costly part: ~0.3 s for the shipped body's 17 bones in a
// Release build, several seconds in the sanitizer build) can be made on a worker thread from a
// copy of the bones alone while the window draws (app/model_open.h start_deferred_bone_fields):
// - bone_sources: the rigid bone meshes' positions and triangles (none for a model without volumes);
// - make_bone_fields: their fields, `threads` at a time (0: as many as the machine has, up to 8);
// - install_bone_fields: sets Model::bone_fields and each volume's bone_fields and bone_mask (a
//   pass over the volumes' bind positions, a few ms); false, with the model left without fields,
//   when `fields` name meshes the model does not have as bones (they were made from another model).
struct BoneSource {
  int mesh = -1, node = -1;
  std::vector<glm::vec3> position;
  std::vector<std::uint32_t> indices;
};
std::vector<BoneSource> bone_sources(const Model& model);
std::vector<BoneField> make_bone_fields(const std::vector<BoneSource>& bones, unsigned threads = 0);
bool install_bone_fields(Model& model, std::vector<BoneField> fields);

}  // namespace hiplab
