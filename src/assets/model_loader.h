// model_loader.h — reads any glTF 2.0 (.gltf/.glb), FBX or COLLADA file that Assimp reads and
// bakes it into the runtime Model (model.h). This is the only code that sees Assimp.
//
// Failures a user can cause (missing/unreadable/corrupt file, no mesh, too many bones, non-finite
// positions or weights) return an Error whose one-line message names the file and the problem.
// Weights that do not sum to 1 are normalised with a warning (through core/log.h); vertices of a
// skinned mesh with no weight at all follow the mesh's own node.
#pragma once
#include <string>
#include <vector>

#include "assets/model.h"
#include "core/result.h"

namespace hiplab {

struct LoadReport {
  std::vector<std::string> warnings;  // also sent to the log
};

Result<Model> load_model(const std::string& path, LoadReport* report = nullptr);

// Checks the invariants stated in model.h; the message names the file and the first broken one.
Status validate_model(const Model& model);

}  // namespace hiplab
