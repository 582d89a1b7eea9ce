// display_prep.h — what a model gets between loading and its first frame: baked ambient occlusion
// (assets/ambient_occlusion.h), the bones' distance fields (assets/bone_field.h) and levels of
// detail (assets/model_lod.h), each within a budget, so
// a huge mesh from outside costs a warning rather than minutes of CPU (issue 14). The budgets are
// far above the shipped body (about 0.4 M triangles): it always gets both.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "assets/model.h"

namespace hiplab {

// What a model gets: nothing, its occlusion only (the window's first frame, with the levels and the
// bone fields made after it), or occlusion, levels of detail and the bones' distance fields that
// keep the muscle volumes out of bone (assets/bone_field.h; a model with volumes only).
enum class Prep { kNone, kOcclusion, kFull };

// Together well inside the import child's 20 s of CPU time (app/import_sandbox.h), with room for
// the parse itself.
struct DisplayPrepBudget {
  // The bake costs about a second per 150k vertices on one core (ambient_occlusion.h): ~7 s.
  std::size_t occlusion_vertices = 1'000'000;
  // Simplification is a few seconds of CPU per million triangles: under ~9 s.
  std::size_t lod_triangles = 3'000'000;
};

// Bakes occlusion and builds the levels where the model is within budget; for each step left out,
// a warning naming `model.source` is appended to `warnings` (when given) and the model draws
// without it (ao = 1, full meshes only).
void prepare_for_display(Model& model, std::vector<std::string>* warnings = nullptr,
                         const DisplayPrepBudget& budget = {}, Prep what = Prep::kFull);

}  // namespace hiplab
