// morph_blend.h — the CPU side of drawing a mesh's morph targets (the skin's corrective shapes):
// the mesh's positions and normals blended at the weights a draw asks for, kept between frames and
// brought up to new weights by recomputing only the vertices of the targets whose weight changed.
//
// Why sparse: a corrective shape moves a small part of the skin (each hip shape about 1,100 of its
// 12,002 vertices, an arm shape about 2,400), and a pose moves a few weights a frame. Blending every
// vertex of every target and uploading every attribute each frame (as before) cost the clamshell,
// whose hips sit between the shapes' rest and full angles, a CPU blend of all 12,002 vertices and a
// 0.7 MB upload every frame; the work here grows with the vertices the changed targets move, not
// with the mesh or with the number of targets.
//
// Invariant: blended()[i] is exactly (bit for bit, signs of zero aside) what
// assets/node_transforms.h's morphed_vertex gives for vertex i at weights(): the same sums in the
// same order (targets in mesh order, zero weights skipped). No GL here: GpuModels uploads the span
// update() returns.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace hiplab {

class MorphBlend {
 public:
  // One vertex's blended attributes, as the morph vertex buffer holds them (interleaved).
  struct PositionNormal {
    glm::vec3 position;
    glm::vec3 normal;
  };
  // The vertices [first, end) that changed in an update (empty: none did).
  struct Span {
    std::size_t first = 0, end = 0;
    bool empty() const { return first >= end; }
  };

  MorphBlend() = default;
  // From a mesh's vertices and targets; blended at `weights` (missing weights count as 0). A
  // target's deltas past the mesh's vertices are ignored, missing ones count as 0.
  MorphBlend(const Mesh& mesh, const std::vector<float>& weights);

  // Brings the blend to `weights` (n of them; targets past n are at 0) and returns the vertices
  // that changed. Only the vertices the changed targets move are recomputed.
  Span update(const float* weights, std::size_t n);

  const std::vector<PositionNormal>& blended() const { return blended_; }
  const std::vector<float>& weights() const { return weights_; }
  std::size_t target_count() const { return targets_.size(); }
  // The vertices target `t` moves (its position or normal delta non-zero), ascending.
  const std::vector<std::uint32_t>& moved_by(std::size_t t) const { return targets_[t].index; }

 private:
  struct Target {
    std::vector<std::uint32_t> index;    // the vertices it moves, ascending
    std::vector<PositionNormal> delta;   // their deltas, one per index
  };
  std::vector<PositionNormal> base_;     // at rest
  std::vector<PositionNormal> blended_;  // at weights_
  std::vector<Target> targets_;
  std::vector<float> weights_;           // one per target
  std::vector<char> dirty_;              // per vertex, scratch for update (all 0 between calls)
  std::vector<std::uint32_t> dirty_list_;
};

}  // namespace hiplab
