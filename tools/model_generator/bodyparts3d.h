// bodyparts3d.h — reading the BodyParts3D reference meshes (../shared/reference/bodyparts3d) for
// the generator's pictures and checks, never for the model itself: nothing read here goes into the
// generated file. Kept out of the generator library (it needs Assimp); built into
// hiplab_model_inspect and test_model_generator only.
#pragma once
#include <string>

#include "mesh.h"

namespace hiplab::modelgen {

// A BodyParts3D mesh (../shared/reference/bodyparts3d: mm, Z-up, right side at -X) turned into
// body-frame axes (x anterior, y up, z right), metres; appended to `out`. For comparing only.
bool load_bodyparts3d(const std::string& path, Mesh& out);
// A similarity laying a reference mesh over ours: p -> rot ((p - from) scale) + onto.
struct BoxAlignment {
  glm::vec3 from{0.0f}, onto{0.0f};
  float scale = 1.0f;
  glm::mat3 rot{1.0f};
};
// By bounding-box centre and height, no rotation (the bone pictures' alignment).
BoxAlignment box_alignment(const Mesh& m, const Mesh& to);
// The box alignment's scale, then the rotation and translation that lay bone `m` on bone `to`
// (iterative closest points, Horn's quaternion fit, starting from the box alignment). Needed where
// the two bodies stand differently: BodyParts3D's man was scanned lying down, legs turned out.
BoxAlignment rigid_alignment(const Mesh& m, const Mesh& to);
// The rotation's angles about the body axes x, y, z (degrees; R = Rz Ry Rx), for printing.
glm::vec3 rotation_degrees(const glm::mat3& r);
void apply(const BoxAlignment& a, Mesh& m);

}  // namespace hiplab::modelgen
