// morph_blend.cpp — see morph_blend.h.
#include "render/morph_blend.h"

#include <algorithm>

namespace hiplab {

MorphBlend::MorphBlend(const Mesh& mesh, const std::vector<float>& weights) {
  const std::size_t n = mesh.vertices.size();
  base_.resize(n);
  for (std::size_t i = 0; i < n; ++i) base_[i] = {mesh.vertices[i].position, mesh.vertices[i].normal};
  blended_ = base_;
  targets_.resize(mesh.morph_targets.size());
  weights_.assign(mesh.morph_targets.size(), 0.0f);
  for (std::size_t t = 0; t < mesh.morph_targets.size(); ++t) {
    const MorphTarget& src = mesh.morph_targets[t];
    Target& dst = targets_[t];
    for (std::size_t i = 0; i < n; ++i) {
      const glm::vec3 dp = i < src.delta_positions.size() ? src.delta_positions[i] : glm::vec3(0.0f);
      const glm::vec3 dn = i < src.delta_normals.size() ? src.delta_normals[i] : glm::vec3(0.0f);
      if (dp == glm::vec3(0.0f) && dn == glm::vec3(0.0f)) continue;
      dst.index.push_back(static_cast<std::uint32_t>(i));
      dst.delta.push_back({dp, dn});
    }
  }
  dirty_.assign(n, 0);
  update(weights.data(), weights.size());
}

MorphBlend::Span MorphBlend::update(const float* weights, std::size_t n) {
  // The vertices of every target whose weight changes: they go back to rest and are summed again.
  dirty_list_.clear();
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    const float w = t < n ? weights[t] : 0.0f;
    if (w == weights_[t]) continue;  // NaN never equals itself: such a target is always redone
    weights_[t] = w;
    for (std::uint32_t i : targets_[t].index)
      if (!dirty_[i]) {
        dirty_[i] = 1;
        dirty_list_.push_back(i);
      }
  }
  Span span;
  if (dirty_list_.empty()) return span;
  for (std::uint32_t i : dirty_list_) blended_[i] = base_[i];
  // In target order, as morphed_vertex sums them; a vertex a target does not move gets nothing
  // from it (morphed_vertex adds w * 0 there, which leaves the value as it is).
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    const float w = weights_[t];
    if (w == 0.0f) continue;
    const Target& target = targets_[t];
    for (std::size_t k = 0; k < target.index.size(); ++k) {
      const std::uint32_t i = target.index[k];
      if (!dirty_[i]) continue;
      blended_[i].position += w * target.delta[k].position;
      blended_[i].normal += w * target.delta[k].normal;
    }
  }
  span.first = blended_.size();
  for (std::uint32_t i : dirty_list_) {
    dirty_[i] = 0;
    span.first = std::min<std::size_t>(span.first, i);
    span.end = std::max<std::size_t>(span.end, std::size_t{i} + 1);
  }
  return span;
}

}  // namespace hiplab
