#include "assets/model.h"

#include <set>

namespace hiplab {

int Model::find_node(const std::string& name) const {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == name) return static_cast<int>(i);
  return -1;
}

std::size_t Model::triangle_count() const {
  std::size_t n = 0;
  for (const auto& m : meshes) n += m.indices.size() / 3;
  return n;
}

std::size_t Model::bone_count() const {
  std::set<int> joints;
  for (const auto& m : meshes) joints.insert(m.joint_nodes.begin(), m.joint_nodes.end());
  return joints.size();
}

}  // namespace hiplab
