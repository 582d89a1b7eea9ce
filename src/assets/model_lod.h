// model_lod.h — levels of detail for interactive display on a software renderer. Every mesh
// (rigid, skinned or with morph targets: the triangles change, the vertices, weights and morph
// deltas do not — they are only reordered together) gets a chain of lighter index lists, each about half the triangles of the one before, made with
// meshoptimizer's edge-collapse simplifier (meshopt_simplify: Garland & Heckbert 1997 quadrics)
// from the full mesh, each with its geometric error in mesh units (meshoptimizer's relative error
// × its scale: how far the level strays from the full surface). Vertices are reordered so each
// level uses a prefix of the vertex buffer. The renderer picks, per draw and per frame, the
// coarsest level whose error covers at most one pixel on screen (render/renderer.cpp), so a
// close-up gets the full mesh and a whole-body view a light one, without a visible difference.
#pragma once
#include "assets/model.h"

namespace hiplab {

struct LodOptions {
  std::size_t min_triangles = 1024;  // meshes smaller than this keep only the full level
  std::size_t floor_triangles = 160; // no level below this many triangles
  float max_relative_error = 0.04f;  // a level may not stray more than this × the mesh extent
  int max_levels = 5;
  std::size_t volume_min_triangles = 200;   // muscle volumes: smaller ones keep the full level only
  std::size_t volume_floor_triangles = 60;  // ... and no level below this
};

// Fills Mesh::lods for every eligible mesh and MuscleVolume::levels for every muscle volume (whose
// vertices it reorders); returns the number of levels made.
std::size_t build_lods(Model& model, const LodOptions& options = {});
std::size_t build_volume_lods(MuscleVolume& volume, const LodOptions& options = {});

}  // namespace hiplab
