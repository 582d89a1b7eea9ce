// model_lod.h — a lighter copy of a model's rigid meshes for interactive display on a software
// renderer: each rigid (unskinned) mesh is simplified with meshoptimizer's edge-collapse simplifier
// (meshopt_simplify, Garland & Heckbert 1997 quadrics) to `ratio` of its triangles, stopping early
// where the error would exceed `max_error` of the mesh's extent. Skinned meshes are kept as they are.
// Headless stills (`hiplab render`) use the full model; the window and `hiplab bench` use this.
#pragma once
#include "assets/model.h"

namespace hiplab {

// Returns the number of triangles removed.
std::size_t simplify_for_display(Model& model, float ratio = 0.4f, float max_error = 0.01f);

}  // namespace hiplab
