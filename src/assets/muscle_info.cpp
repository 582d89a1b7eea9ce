#include "assets/muscle_info.h"

#include "anatomy/skeleton.h"

#include <fstream>
#include <functional>
#include <tuple>
#include <vector>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hiplab {

namespace {

using FieldList = std::vector<std::tuple<const char*, std::string*, bool>>;

// Reads `path` as JSON with an array `key` of objects; fill(i) names the string fields of entry i
// (key, where to store it, required) — each is read and checked.
template <typename T>
Result<std::vector<T>> load_cards(const std::string& path, const char* key, const char* what,
                                  const std::function<FieldList(T&)>& fields) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot be read (expected " + what + ")");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error(path + ": not valid JSON");
  if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array())
    return make_error(path + ": " + key + ": expected an array of entries");
  std::vector<T> out;
  const auto& list = doc[key];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    T card;
    const std::string where = path + ": " + key + "[" + std::to_string(i) + "].";
    if (!e.is_object()) return make_error(where.substr(0, where.size() - 1) + ": expected an object");
    for (auto [field, target, required] : fields(card)) {
      if (!e.contains(field)) {
        if (required) return make_error(where + field + ": missing (expected a string)");
        continue;
      }
      if (!e[field].is_string()) return make_error(where + field + ": expected a string");
      *target = e[field].template get<std::string>();
    }
    out.push_back(std::move(card));
  }
  return out;
}

}  // namespace

Result<std::vector<MuscleInfo>> load_muscle_info(const std::string& path) {
  return load_cards<MuscleInfo>(path, "muscles", "the muscle descriptions, assets/anatomy/muscles.json", [](MuscleInfo& m) {
    return FieldList{{"name", &m.name, true},
                     {"display_name", &m.display_name, true},
                     {"group", &m.group, false},
                     {"description", &m.description, false},
                     {"origin", &m.origin, false},
                     {"insertion", &m.insertion, false},
                     {"innervation", &m.innervation, false},
                     {"primary_actions", &m.primary_actions, false},
                     {"rotation_with_hip_flexion", &m.rotation_with_hip_flexion, false},
                     {"source", &m.source, false}};
  });
}

Result<std::vector<BoneInfo>> load_bone_info(const std::string& path) {
  return load_cards<BoneInfo>(path, "bones", "the bone descriptions, assets/anatomy/bones.json", [](BoneInfo& b) {
    return FieldList{{"name", &b.name, true},
                     {"display_name", &b.display_name, true},
                     {"description", &b.description, true},
                     {"joints", &b.joints, false},
                     {"landmarks", &b.landmarks, false}};
  });
}

const BoneInfo* find_bone_info(const std::vector<BoneInfo>& bones, const std::string& mesh_name) {
  const std::string_view base = anatomy::split_side_suffix(mesh_name).base;
  for (const BoneInfo& b : bones)
    if (b.name == base) return &b;
  return nullptr;
}

}  // namespace hiplab
