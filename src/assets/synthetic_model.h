// synthetic_model.h — skinned models made in code, for tests and benchmarks. They are written with
// gltf_writer and read back through the Assimp loader, so they exercise the same path as user files.
#pragma once
#include "assets/model.h"

namespace hiplab {

// A square tube along +y from 0 to 2 m, 0.4 m wide: joint "root" at the origin, joint "tip" at
// y = 1 (child of root). Vertices below y = 0.8 follow root, above 1.2 follow tip, blended between.
// Base colour pure red (linear 1,0,0), opaque. Turning "tip" swings the upper half.
Model make_two_bone_model();

// A grid of skinned tubes (4 bones each) with at least `triangles` triangles in all, for benchmarks.
Model make_benchmark_model(std::size_t triangles);

// A skinned tube with `bones` joints in a chain (for the bone-count limits).
Model make_chain_model(int bones);

}  // namespace hiplab
