// muscle_layers.cpp — see muscle_layers.h.
#include "assets/muscle_layers.h"

#include <array>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hiplab {

Result<anatomy::MuscleLayers> load_muscle_layers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot be read (expected the muscle depth layers, assets/anatomy/muscle_layers.json)");
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error(path + ": not valid JSON");
  if (!doc.is_object()) return make_error(path + ": expected an object with \"sources\" and \"muscles\"");
  if (!doc.contains("sources") || !doc["sources"].is_object() || doc["sources"].empty())
    return make_error(path + ": sources: expected an object naming the works the layers come from");
  for (const auto& [key, text] : doc["sources"].items())
    if (!text.is_string() || text.get<std::string>().empty())
      return make_error(path + ": sources." + key + ": expected the reference as a string");
  if (!doc.contains("muscles") || !doc["muscles"].is_array())
    return make_error(path + ": muscles: expected an array of entries");

  anatomy::MuscleLayers out;
  std::array<bool, anatomy::kMuscleCount> seen{};
  const auto& list = doc["muscles"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    const std::string where = path + ": muscles[" + std::to_string(i) + "]";
    if (!e.is_object()) return make_error(where + ": expected an object");
    auto text = [&](const char* field) -> Result<std::string> {
      if (!e.contains(field) || !e[field].is_string()) return make_error(where + "." + field + ": expected a string");
      return e[field].get<std::string>();
    };
    auto name = text("name");
    if (!name) return name.error();
    std::optional<anatomy::Side> side;
    const auto m = anatomy::find_muscle(name.value(), &side);
    if (!m || side) return make_error(where + ".name: '" + name.value() + "': expected a side-less muscle name such as glut_max1");
    if (seen[static_cast<std::size_t>(*m)]) return make_error(where + ".name: '" + name.value() + "' is listed twice");
    seen[static_cast<std::size_t>(*m)] = true;
    auto layer_name = text("layer");
    if (!layer_name) return layer_name.error();
    const auto layer = anatomy::parse_muscle_layer(layer_name.value());
    if (!layer) return make_error(where + ".layer: '" + layer_name.value() + "': expected superficial, intermediate or deep");
    auto region_name = text("region");
    if (!region_name) return region_name.error();
    const auto region = anatomy::parse_body_region(region_name.value());
    if (!region) return make_error(where + ".region: '" + region_name.value() + "': expected hip, thigh or leg");
    if (!e.contains("sources") || !e["sources"].is_array() || e["sources"].empty())
      return make_error(where + ".sources: expected a list of keys of the file's sources");
    for (const auto& key : e["sources"])
      if (!key.is_string() || !doc["sources"].contains(key.get<std::string>()))
        return make_error(where + ".sources: " + key.dump() + ": expected a key of the file's sources");
    out.layer[static_cast<std::size_t>(*m)] = *layer;
    out.region[static_cast<std::size_t>(*m)] = *region;
  }
  for (int m = 0; m < anatomy::kMuscleCount; ++m)
    if (!seen[static_cast<std::size_t>(m)])
      return make_error(path + ": muscles: " + std::string(anatomy::muscle(m).name) + " is missing (every muscle needs a layer)");
  return out;
}

}  // namespace hiplab
