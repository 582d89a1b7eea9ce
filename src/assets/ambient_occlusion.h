// ambient_occlusion.h — baked ambient occlusion per vertex, so creases (the hip socket around the
// femoral head, between the trochanter and the pelvis, under the patella) read as soft shadow
// without a screen-space pass a software renderer would pay for every frame.
//
// Method: the bind-pose surfaces of all meshes are voxelised into an occupancy grid (cell ~ 4 mm at
// body size); each vertex casts 16 rays over its normal's hemisphere (a fixed spiral set) and marches
// them through the grid for up to `radius`; ao = 1 - (weighted fraction of blocked rays), cosine
// weighted, so 1 = open, lower = occluded. The result lands in Vertex::ao. Cost: about a second for
// 150k vertices on one core, done once at load (compiled without instrumentation in the sanitizer
// build, as the bone fields are: top-level CMakeLists.txt).
#pragma once
#include "assets/model.h"

namespace hiplab {

// radius: how far occluders count, metres. Returns the mean ao over all vertices (for reports).
double bake_ambient_occlusion(Model& model, float radius = 0.03f);

}  // namespace hiplab
