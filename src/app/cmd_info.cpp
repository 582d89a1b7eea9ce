#include "app/cmd_info.h"

#include <cstdio>
#include <memory>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/paths.h"
#include "app/import_sandbox.h"
#include "assets/model_loader.h"

namespace hiplab::app {

Command add_info_command(CLI::App& app) {
  struct Opts {
    std::string model;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("info", "Describe a model: nodes, bones, meshes, triangles, bounds, load time");
  sub->add_option("--model", o->model, "Model file; default: the HipLab body");
  sub->add_flag("--json", o->json, "Print JSON instead of text");
  auto run = [o]() -> int {
    const std::string path = o->model.empty() ? default_model_path() : o->model;
    LoadReport report;
    auto loaded = load_user_model(path, Prep::kNone, &report);  // a file from outside: in the sandbox
    if (!loaded) {
      std::fprintf(stderr, "error: %s\n", loaded.error().message.c_str());
      return 1;
    }
    const Model& m = loaded.value();
    std::set<int> bone_set;
    for (const Mesh& mesh : m.meshes) bone_set.insert(mesh.joint_nodes.begin(), mesh.joint_nodes.end());
    nlohmann::json j;
    j["file"] = path;
    j["load_ms"] = m.load_ms;
    j["triangles"] = m.triangle_count();
    j["bounds"] = {{"min", {m.bind_bounds.min.x, m.bind_bounds.min.y, m.bind_bounds.min.z}},
                   {"max", {m.bind_bounds.max.x, m.bind_bounds.max.y, m.bind_bounds.max.z}}};
    j["nodes"] = nlohmann::json::array();
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
      j["nodes"].push_back({{"name", m.nodes[i].name},
                            {"parent", m.nodes[i].parent >= 0 ? nlohmann::json(m.nodes[m.nodes[i].parent].name) : nlohmann::json()},
                            {"bone", bone_set.count(static_cast<int>(i)) > 0}});
    j["bones"] = nlohmann::json::array();
    for (int b : bone_set) j["bones"].push_back(m.nodes[static_cast<std::size_t>(b)].name);
    j["meshes"] = nlohmann::json::array();
    for (const Mesh& mesh : m.meshes)
      j["meshes"].push_back({{"name", mesh.name},
                             {"vertices", mesh.vertices.size()},
                             {"triangles", mesh.indices.size() / 3},
                             {"skinned", mesh.skinned},
                             {"joints", mesh.joint_nodes.size()},
                             {"morph_targets", mesh.morph_targets.size()},
                             {"material", m.materials[static_cast<std::size_t>(mesh.material)].name},
                             {"node", mesh.node >= 0 ? nlohmann::json(m.nodes[static_cast<std::size_t>(mesh.node)].name) : nlohmann::json()}});
    // Muscle path points carried by the rig as empty nodes named muscle.<name>.p<i>.
    std::map<std::string, int> muscles;
    for (const ModelNode& n : m.nodes)
      if (n.name.rfind("muscle.", 0) == 0) {
        const auto dot = n.name.rfind(".p");
        if (dot != std::string::npos && dot > 7) ++muscles[n.name.substr(7, dot - 7)];
      }
    j["muscles"] = nlohmann::json::object();
    for (const auto& [name, points] : muscles) j["muscles"][name] = points;
    j["materials"] = m.materials.size();
    j["textures"] = m.textures.size();
    j["warnings"] = report.warnings;
    if (o->json) {
      std::printf("%s\n", j.dump(2).c_str());
      return 0;
    }
    std::printf("file       %s\n", path.c_str());
    std::printf("load time  %.1f ms\n", m.load_ms);
    std::printf("nodes      %zu\nbones      %zu\nmeshes     %zu\ntriangles  %zu\nmaterials  %zu\ntextures   %zu\n",
                m.nodes.size(), bone_set.size(), m.meshes.size(), m.triangle_count(), m.materials.size(), m.textures.size());
    std::printf("bounds     (%.4f, %.4f, %.4f) .. (%.4f, %.4f, %.4f) m\n", m.bind_bounds.min.x, m.bind_bounds.min.y,
                m.bind_bounds.min.z, m.bind_bounds.max.x, m.bind_bounds.max.y, m.bind_bounds.max.z);
    if (!muscles.empty()) {
      std::printf("muscles    %zu with path points on the rig:", muscles.size());
      int col = 0;
      for (const auto& [name, points] : muscles) std::printf("%s%s (%d)", col++ % 6 ? ", " : "\n  ", name.c_str(), points);
      std::printf("\n");
    }
    std::printf("\nmeshes:\n");
    for (const Mesh& mesh : m.meshes)
      std::printf("  %-32s %7zu tris  %s%s\n", mesh.name.c_str(), mesh.indices.size() / 3,
                  mesh.skinned ? ("skinned, " + std::to_string(mesh.joint_nodes.size()) + " joints").c_str() : "rigid",
                  mesh.morph_targets.empty() ? "" : (", " + std::to_string(mesh.morph_targets.size()) + " morph targets").c_str());
    std::printf("\nnodes (indented by depth; * = bone):\n");
    std::vector<int> depth(m.nodes.size(), 0);
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
      if (m.nodes[i].parent >= 0) depth[i] = depth[static_cast<std::size_t>(m.nodes[i].parent)] + 1;
      std::printf("  %*s%s%s\n", 2 * depth[i], "", m.nodes[i].name.c_str(), bone_set.count(static_cast<int>(i)) ? " *" : "");
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
