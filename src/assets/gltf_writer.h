// gltf_writer.h — writes a runtime Model as a self-contained glTF 2.0 file (.gltf with an embedded
// base64 buffer, or .glb by extension). Used to make synthetic test and benchmark scenes that then
// go through the same Assimp loader as any user file. Written atomically.
//
// Skinned meshes are placed on their own root-level node (identity transform), which is what the
// runtime model's skinning (world[joint] * inverse_bind) means; rigid meshes hang on their node.
#pragma once
#include <string>

#include "assets/model.h"
#include "core/result.h"

namespace hiplab {

Status write_gltf(const Model& model, const std::string& path);

}  // namespace hiplab
