// Tests src/assets/muscle_layers.h on the shipped assets/anatomy/muscle_layers.json: every muscle
// of the model has one valid layer and region, cited; the layers the anatomy texts give hold
// (Gray's Anatomy 42nd ed.; Netter's Atlas 7th ed.; Neumann, Kinesiology 3rd ed.); and a file with
// a muscle left out, a bad value or an uncited entry is refused with its file and field named.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "anatomy/muscle_data.h"
#include "assets/muscle_layers.h"
#include "test_support.h"

using namespace hiplab;
using anatomy::BodyRegion;
using anatomy::MuscleLayer;

namespace {

std::string layers_path() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy/muscle_layers.json"; }

nlohmann::json shipped_layers_json() {
  std::ifstream in(layers_path());
  return nlohmann::json::parse(in);
}

std::string write(const std::string& name, const nlohmann::json& doc) {
  const auto path = test::scratch_dir("layers") / name;
  std::ofstream(path, std::ios::binary) << doc.dump(1);
  return path.string();
}

MuscleLayer layer_of(const anatomy::MuscleLayers& l, const char* name) {
  return l.layer[static_cast<std::size_t>(*anatomy::find_muscle(name))];
}

}  // namespace

TEST_CASE("muscle layers: the shipped file gives every muscle one valid layer and region, each entry cited") {
  // The raw file first: what the loader is trusted to check, checked here without it.
  const nlohmann::json doc = shipped_layers_json();
  REQUIRE(doc["muscles"].is_array());
  CHECK(doc["muscles"].size() == static_cast<std::size_t>(anatomy::kMuscleCount));
  std::set<std::string> names;
  for (const auto& e : doc["muscles"]) {
    const std::string name = e["name"].get<std::string>();
    INFO(name);
    CHECK(names.insert(name).second);
    CHECK(anatomy::find_muscle(name).has_value());
    const std::string layer = e["layer"].get<std::string>(), region = e["region"].get<std::string>();
    CHECK((layer == "superficial" || layer == "intermediate" || layer == "deep"));
    CHECK((region == "hip" || region == "thigh" || region == "leg"));
    REQUIRE(e["sources"].is_array());
    CHECK_FALSE(e["sources"].empty());
    for (const auto& k : e["sources"]) CHECK(doc["sources"].contains(k.get<std::string>()));
  }
  for (int m = 0; m < anatomy::kMuscleCount; ++m) CHECK(names.count(std::string(anatomy::muscle(m).name)) == 1);
  for (const char* key : {"gray", "netter", "neumann"}) CHECK(doc["sources"][key].get<std::string>().size() > 40);

  auto layers = load_muscle_layers(layers_path());
  REQUIRE_MESSAGE(layers.ok(), (layers.ok() ? "" : layers.error().message));
  // Each of the three layers holds muscles in every region (a peel always takes something away).
  for (int r = 0; r < anatomy::kBodyRegionCount; ++r)
    for (int l = 0; l < anatomy::kMuscleLayerCount; ++l) {
      int n = 0;
      for (int m = 0; m < anatomy::kMuscleCount; ++m)
        n += static_cast<int>(layers.value().region[static_cast<std::size_t>(m)]) == r &&
             static_cast<int>(layers.value().layer[static_cast<std::size_t>(m)]) == l;
      INFO("region " << r << " layer " << l);
      CHECK(n > 0);
    }
}

TEST_CASE("muscle layers: the gluteal, thigh and leg layers of the anatomy texts") {
  auto loaded = load_muscle_layers(layers_path());
  REQUIRE(loaded.ok());
  const anatomy::MuscleLayers& l = loaded.value();
  // Gluteal region (Gray's; Neumann ch. 'Hip'): gluteus maximus over medius over minimus and the
  // short external rotators.
  for (const char* n : {"glut_max1", "glut_max2", "glut_max3", "tfl"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kSuperficial, n);
  for (const char* n : {"glut_med1", "glut_med2", "glut_med3"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kIntermediate, n);
  for (const char* n : {"glut_min1", "glut_min2", "glut_min3", "peri", "gem", "quad_fem"})
    CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kDeep, n);
  // Thigh: sartorius, rectus femoris, gracilis and adductor longus under the fascia lata; vastus
  // lateralis and medialis, adductor brevis and pectineus under them; vastus intermedius and
  // adductor magnus on the bone.
  for (const char* n : {"sar", "rect_fem", "grac", "add_long"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kSuperficial, n);
  for (const char* n : {"vas_lat", "vas_med", "add_brev", "pect"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kIntermediate, n);
  for (const char* n : {"vas_int", "add_mag1", "add_mag2", "add_mag3"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kDeep, n);
  // Leg: gastrocnemius over soleus over the deep flexors.
  for (const char* n : {"med_gas", "lat_gas"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kSuperficial, n);
  CHECK(layer_of(l, "soleus") == MuscleLayer::kIntermediate);
  for (const char* n : {"tib_post", "flex_dig", "flex_hal"}) CHECK_MESSAGE(layer_of(l, n) == MuscleLayer::kDeep, n);
  // Regions: the peel presets rely on the gluteal muscles and rotators being the hip's.
  for (const char* n : {"glut_max1", "glut_med2", "glut_min3", "peri", "gem", "quad_fem", "tfl", "iliacus", "psoas"})
    CHECK_MESSAGE(l.region[static_cast<std::size_t>(*anatomy::find_muscle(n))] == BodyRegion::kHip, n);
  for (const char* n : {"sar", "rect_fem", "vas_int", "semiten", "add_mag2"})
    CHECK_MESSAGE(l.region[static_cast<std::size_t>(*anatomy::find_muscle(n))] == BodyRegion::kThigh, n);
  for (const char* n : {"soleus", "tib_ant", "per_long"})
    CHECK_MESSAGE(l.region[static_cast<std::size_t>(*anatomy::find_muscle(n))] == BodyRegion::kLeg, n);
}

TEST_CASE("muscle layers: a bad file is refused with the file, the entry and the field named") {
  auto message = [](const nlohmann::json& doc) {
    auto r = load_muscle_layers(write("layers.json", doc));
    return r.ok() ? std::string("(loaded)") : r.error().message;
  };
  auto has = [](const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; };
  const nlohmann::json good = shipped_layers_json();
  REQUIRE(message(good) == "(loaded)");

  nlohmann::json d = good;
  d["muscles"][3]["layer"] = "middle";
  std::string m = message(d);
  CHECK(has(m, "layers.json: muscles[3].layer: 'middle': expected superficial, intermediate or deep"));
  d = good;
  d["muscles"][5]["region"] = "foot";
  CHECK(has(message(d), "muscles[5].region: 'foot': expected hip, thigh or leg"));
  d = good;
  d["muscles"].erase(d["muscles"].begin() + 10);  // peri left out
  CHECK(has(message(d), "peri is missing"));
  d = good;
  d["muscles"][1]["name"] = d["muscles"][0]["name"];
  CHECK(has(message(d), "muscles[1].name: 'glut_med1' is listed twice"));
  d = good;
  d["muscles"][0]["name"] = "glut_med1_r";
  CHECK(has(message(d), "muscles[0].name: 'glut_med1_r': expected a side-less muscle name"));
  d = good;
  d["muscles"][2]["sources"] = nlohmann::json::array({"wikipedia"});
  CHECK(has(message(d), "muscles[2].sources: \"wikipedia\": expected a key of the file's sources"));
  d = good;
  d["muscles"][2].erase("sources");
  CHECK(has(message(d), "muscles[2].sources: expected a list"));
  d = good;
  d["muscles"][4].erase("layer");
  CHECK(has(message(d), "muscles[4].layer: expected a string"));
  d = good;
  d.erase("sources");
  CHECK(has(message(d), "sources: expected an object"));
  CHECK(has(message(nlohmann::json::array()), "expected an object"));
  auto missing = load_muscle_layers((test::scratch_dir("layers") / "none.json").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(has(missing.error().message, "cannot be read"));
}
