// activity_demands_loader.cpp — see activity_demands_loader.h.
#include "assets/activity_demands_loader.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hiplab {

Result<anatomy::ActivityDemands> load_activity_demands(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot be read (expected the activities' hip range, assets/anatomy/activity_demands.json)");
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error(path + ": not valid JSON");
  if (!doc.is_object()) return make_error(path + ": expected an object with \"sources\" and \"activities\"");
  if (!doc.contains("sources") || !doc["sources"].is_object() || doc["sources"].empty())
    return make_error(path + ": sources: expected an object naming the works the figures come from");
  anatomy::ActivityDemands out;
  for (const auto& [key, s] : doc["sources"].items()) {
    const std::string where = path + ": sources." + key;
    if (!s.is_object()) return make_error(where + ": expected an object with citation and url");
    for (const char* f : {"citation", "url"})
      if (!s.contains(f) || !s[f].is_string() || s[f].get<std::string>().empty()) return make_error(where + "." + f + ": expected a non-empty string");
    out.sources.push_back({key, s["citation"].get<std::string>(), s["url"].get<std::string>()});
  }
  if (!doc.contains("activities") || !doc["activities"].is_array()) return make_error(path + ": activities: expected an array of entries");
  std::set<std::string> ids;
  const auto& list = doc["activities"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    const std::string where = path + ": activities[" + std::to_string(i) + "]";
    if (!e.is_object()) return make_error(where + ": expected an object");
    anatomy::ActivityDemand a;
    for (auto [field, target] : {std::pair{"id", &a.id}, std::pair{"label", &a.label}, std::pair{"movement", &a.movement},
                                 std::pair{"statistic", &a.statistic}, std::pair{"source", &a.source}}) {
      if (!e.contains(field) || !e[field].is_string() || e[field].get<std::string>().empty())
        return make_error(where + "." + field + ": expected a non-empty string");
      *target = e[field].get<std::string>();
    }
    if (!ids.insert(a.id).second) return make_error(where + ".id: '" + a.id + "' is used twice");
    if (!anatomy::known_demand_movement(a.movement))
      return make_error(where + ".movement: '" + a.movement + "': expected internal_rotation, external_rotation, flexion, extension, abduction or adduction");
    if (!e.contains("degrees") || !e["degrees"].is_number()) return make_error(where + ".degrees: expected a number");
    a.degrees = e["degrees"].get<double>();
    if (!(a.degrees > 0.0 && a.degrees <= 180.0)) return make_error(where + ".degrees: expected more than 0 and at most 180, got " + e["degrees"].dump());
    if (!out.source(a.source)) return make_error(where + ".source: '" + a.source + "': expected a key of the file's sources");
    out.activities.push_back(std::move(a));
  }
  return out;
}

}  // namespace hiplab
