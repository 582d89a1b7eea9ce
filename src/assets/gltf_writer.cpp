#include "assets/gltf_writer.h"

#include <cstring>
#include <limits>
#include <map>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace hiplab {
namespace {

using nlohmann::json;

std::string base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

struct Writer {
  std::string bin;
  json views = json::array(), accessors = json::array();

  template <class T>
  int add(const std::vector<T>& data, int component_type, const char* type, std::size_t count, int target,
          json min = nullptr, json max = nullptr) {
    while (bin.size() % 4) bin.push_back('\0');
    const std::size_t offset = bin.size();
    bin.append(reinterpret_cast<const char*>(data.data()), data.size() * sizeof(T));
    json view = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", data.size() * sizeof(T)}};
    if (target) view["target"] = target;
    views.push_back(view);
    json acc = {{"bufferView", views.size() - 1}, {"componentType", component_type}, {"count", count}, {"type", type}};
    if (!min.is_null()) acc["min"] = min;
    if (!max.is_null()) acc["max"] = max;
    accessors.push_back(acc);
    return static_cast<int>(accessors.size()) - 1;
  }
};

constexpr int kFloat = 5126, kUShort = 5123, kUInt = 5125, kArray = 34962, kElements = 34963;

json primitive(Writer& w, const Mesh& m) {
  std::vector<float> pos, nrm, uv, wts;
  std::vector<std::uint16_t> jts;
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  for (const Vertex& v : m.vertices) {
    pos.insert(pos.end(), {v.position.x, v.position.y, v.position.z});
    nrm.insert(nrm.end(), {v.normal.x, v.normal.y, v.normal.z});
    uv.insert(uv.end(), {v.uv.x, v.uv.y});
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
    if (m.skinned) {
      jts.insert(jts.end(), {v.joints.x, v.joints.y, v.joints.z, v.joints.w});
      wts.insert(wts.end(), {v.weights.x, v.weights.y, v.weights.z, v.weights.w});
    }
  }
  const std::size_t n = m.vertices.size();
  json attrs;
  attrs["POSITION"] = w.add(pos, kFloat, "VEC3", n, kArray, json{lo.x, lo.y, lo.z}, json{hi.x, hi.y, hi.z});
  attrs["NORMAL"] = w.add(nrm, kFloat, "VEC3", n, kArray);
  attrs["TEXCOORD_0"] = w.add(uv, kFloat, "VEC2", n, kArray);
  if (m.skinned) {
    attrs["JOINTS_0"] = w.add(jts, kUShort, "VEC4", n, kArray);
    attrs["WEIGHTS_0"] = w.add(wts, kFloat, "VEC4", n, kArray);
  }
  json prim = {{"attributes", attrs}, {"material", m.material}, {"mode", 4}};
  prim["indices"] = w.add(m.indices, kUInt, "SCALAR", m.indices.size(), kElements);
  if (!m.morph_targets.empty()) {
    json targets = json::array();
    for (const MorphTarget& t : m.morph_targets) {
      std::vector<float> d;
      glm::vec3 tlo(std::numeric_limits<float>::max()), thi(-std::numeric_limits<float>::max());
      for (const glm::vec3& p : t.delta_positions) {
        d.insert(d.end(), {p.x, p.y, p.z});
        tlo = glm::min(tlo, p);
        thi = glm::max(thi, p);
      }
      targets.push_back({{"POSITION", w.add(d, kFloat, "VEC3", n, kArray, json{tlo.x, tlo.y, tlo.z},
                                             json{thi.x, thi.y, thi.z})}});
    }
    prim["targets"] = targets;
  }
  return prim;
}

}  // namespace

Status write_gltf(const Model& model, const std::string& path) {
  Writer w;
  json nodes = json::array(), meshes = json::array(), skins = json::array(), materials = json::array();
  for (const ModelNode& n : model.nodes) {
    json node = {{"name", n.name}};
    const float* m = &n.local_bind[0][0];
    node["matrix"] = std::vector<float>(m, m + 16);
    nodes.push_back(node);
  }
  std::vector<json> children(model.nodes.size(), json::array());
  json roots = json::array();
  for (std::size_t i = 0; i < model.nodes.size(); ++i) {
    if (model.nodes[i].parent < 0) roots.push_back(i);
    else children[static_cast<std::size_t>(model.nodes[i].parent)].push_back(i);
  }
  for (std::size_t i = 0; i < model.nodes.size(); ++i)
    if (!children[i].empty()) nodes[i]["children"] = children[i];

  std::map<int, json> rigid_prims;  // node -> primitives of the meshes hanging on it
  std::map<int, std::string> rigid_names;
  for (const Mesh& m : model.meshes) {
    if (m.skinned) {
      std::vector<float> ibm;
      for (const glm::mat4& b : m.inverse_bind) ibm.insert(ibm.end(), &b[0][0], &b[0][0] + 16);
      const int acc = w.add(ibm, kFloat, "MAT4", m.inverse_bind.size(), 0);
      skins.push_back({{"joints", m.joint_nodes}, {"inverseBindMatrices", acc}});
      json mesh = {{"name", m.name}, {"primitives", json::array({primitive(w, m)})}};
      if (!m.default_morph_weights.empty()) mesh["weights"] = m.default_morph_weights;
      meshes.push_back(mesh);
      nodes.push_back({{"name", m.name + "_skinned"}, {"mesh", meshes.size() - 1}, {"skin", skins.size() - 1}});
      roots.push_back(nodes.size() - 1);
    } else {
      const int node = m.node >= 0 ? m.node : 0;
      rigid_prims[node].push_back(primitive(w, m));
      rigid_names.emplace(node, m.name);
    }
  }
  for (auto& [node, prims] : rigid_prims) {
    meshes.push_back({{"name", rigid_names[node]}, {"primitives", prims}});
    nodes[static_cast<std::size_t>(node)]["mesh"] = meshes.size() - 1;
  }
  for (const Material& mat : model.materials) {
    materials.push_back({{"name", mat.name},
                         {"doubleSided", mat.double_sided},
                         {"pbrMetallicRoughness",
                          {{"baseColorFactor", {mat.base_color.r, mat.base_color.g, mat.base_color.b, mat.base_color.a}},
                           {"metallicFactor", 0.0},
                           {"roughnessFactor", 0.8}}}});
    if (mat.base_color.a < 1.0f) materials.back()["alphaMode"] = "BLEND";
  }
  json doc = {{"asset", {{"version", "2.0"}, {"generator", "HipLab gltf_writer"}}},
              {"scene", 0},
              {"scenes", {{{"nodes", roots}}}},
              {"nodes", nodes},
              {"meshes", meshes},
              {"materials", materials},
              {"bufferViews", w.views},
              {"accessors", w.accessors}};
  if (!skins.empty()) doc["skins"] = skins;
  doc["buffers"] = {{{"byteLength", w.bin.size()}, {"uri", "data:application/octet-stream;base64," + base64(w.bin)}}};
  return write_file_atomic(path, doc.dump());
}

}  // namespace hiplab
