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
// The similarity that lays mesh `m` over mesh `to` by bounding-box centre and height (as the
// bodyparts3d pictures and checks align a reference bone with ours): p -> (p - from) * scale + onto.
struct BoxAlignment {
  glm::vec3 from{0.0f}, onto{0.0f};
  float scale = 1.0f;
};
BoxAlignment box_alignment(const Mesh& m, const Mesh& to);
void apply(const BoxAlignment& a, Mesh& m);

}  // namespace hiplab::modelgen
