#include "scene/bone_attachments.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include "assets/node_transforms.h"

namespace hiplab {

std::vector<std::vector<MuscleAttachment>> compute_bone_attachments(const Model& model) {
  std::vector<std::vector<MuscleAttachment>> out(model.meshes.size());
  NodeTransforms pose = NodeTransforms::bind(model);
  pose.update_world(model);
  // Path points per muscle and side: node names muscle.<name>_<r|l>.p<i>.
  std::map<std::pair<int, int>, std::map<int, glm::vec3>> paths;
  for (std::size_t n = 0; n < model.nodes.size(); ++n) {
    const std::string& name = model.nodes[n].name;
    if (name.rfind("muscle.", 0) != 0) continue;
    const std::size_t dot = name.rfind(".p");
    if (dot == std::string::npos || dot <= 7 || dot + 2 >= name.size()) continue;
    std::optional<anatomy::Side> side;
    const auto m = anatomy::find_muscle(name.substr(7, dot - 7), &side);
    if (!m || !side) continue;
    int index = 0;
    for (std::size_t c = dot + 2; c < name.size(); ++c) {
      if (name[c] < '0' || name[c] > '9') {
        index = -1;
        break;
      }
      index = index * 10 + (name[c] - '0');
    }
    if (index < 0) continue;
    paths[{*m, anatomy::side_index(*side)}][index] = glm::vec3(pose.world[n][3]);
  }
  // Bone vertices in model space, once.
  std::vector<std::vector<glm::vec3>> bones(model.meshes.size());
  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const Mesh& mesh = model.meshes[i];
    if (mesh.skinned || mesh.node < 0 || mesh.vertices.empty()) continue;
    const glm::mat4& world = pose.world[static_cast<std::size_t>(mesh.node)];
    bones[i].reserve(mesh.vertices.size());
    for (const Vertex& v : mesh.vertices) bones[i].push_back(glm::vec3(world * glm::vec4(v.position, 1.0f)));
  }
  for (const auto& [key, points] : paths) {
    if (points.size() < 2) continue;
    for (const bool origin : {true, false}) {
      const glm::vec3 p = origin ? points.begin()->second : points.rbegin()->second;
      std::vector<float> dist(bones.size(), std::numeric_limits<float>::max());
      float best = std::numeric_limits<float>::max();
      for (std::size_t i = 0; i < bones.size(); ++i) {
        for (const glm::vec3& v : bones[i]) {
          const glm::vec3 d = v - p;
          dist[i] = std::min(dist[i], glm::dot(d, d));
        }
        dist[i] = std::sqrt(dist[i]);
        best = std::min(best, dist[i]);
      }
      std::vector<std::size_t> on;
      if (best > kMaxAttachmentDistance) continue;
      for (std::size_t i = 0; i < bones.size(); ++i)
        if (!bones[i].empty() && dist[i] <= best + kSharedAttachmentMargin) on.push_back(i);
      for (std::size_t i : on) {
        MuscleAttachment a;
        a.muscle = key.first;
        a.side = key.second == anatomy::side_index(anatomy::Side::kLeft) ? anatomy::Side::kLeft : anatomy::Side::kRight;
        a.origin = origin;
        a.distance_m = dist[i];
        a.shared = on.size() > 1;
        out[i].push_back(a);
      }
    }
  }
  for (auto& list : out)
    std::sort(list.begin(), list.end(), [](const MuscleAttachment& a, const MuscleAttachment& b) {
      return a.origin != b.origin ? a.origin : a.muscle < b.muscle;
    });
  return out;
}

}  // namespace hiplab
