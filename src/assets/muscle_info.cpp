#include "assets/muscle_info.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hiplab {

Result<std::vector<MuscleInfo>> load_muscle_info(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot be read (expected the muscle descriptions, assets/anatomy/muscles.json)");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error(path + ": not valid JSON");
  if (!doc.is_object() || !doc.contains("muscles") || !doc["muscles"].is_array())
    return make_error(path + ": muscles: expected an array of muscle entries");
  std::vector<MuscleInfo> out;
  const auto& list = doc["muscles"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    MuscleInfo m;
    const std::string where = path + ": muscles[" + std::to_string(i) + "].";
    auto get = [&](const char* key, std::string& field, bool required) -> Status {
      if (!e.is_object() || !e.contains(key)) {
        if (required) return make_error(where + key + ": missing (expected a string)");
        return Status(Ok{});
      }
      if (!e[key].is_string()) return make_error(where + key + ": expected a string");
      field = e[key].get<std::string>();
      return Status(Ok{});
    };
    for (auto [key, field, required] :
         {std::tuple{"name", &m.name, true}, std::tuple{"display_name", &m.display_name, true},
          std::tuple{"group", &m.group, false}, std::tuple{"description", &m.description, false},
          std::tuple{"origin", &m.origin, false}, std::tuple{"insertion", &m.insertion, false},
          std::tuple{"innervation", &m.innervation, false}, std::tuple{"primary_actions", &m.primary_actions, false},
          std::tuple{"rotation_with_hip_flexion", &m.rotation_with_hip_flexion, false},
          std::tuple{"source", &m.source, false}}) {
      Status s = get(key, *field, required);
      if (!s) return s.error();
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace hiplab
