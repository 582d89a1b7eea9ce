// Tests src/assets/muscle_info.h: the shipped muscle and bone cards load and cover the model (a
// card for every Gait2392 muscle and every bone mesh of the body), and bad files give one message
// naming the file and the field.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "anatomy/muscle_data.h"
#include "assets/model_loader.h"
#include "assets/muscle_info.h"
#include "test_support.h"

using namespace hiplab;

namespace {

std::string anatomy_dir() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy"; }

std::string write(const std::string& name, const std::string& text) {
  const auto path = test::scratch_dir("cards") / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace

TEST_CASE("anatomy cards: every muscle of the model and every bone mesh of the body has a card") {
  auto muscles = load_muscle_info(anatomy_dir() + "/muscles.json");
  REQUIRE_MESSAGE(muscles.ok(), (muscles.ok() ? "" : muscles.error().message));
  CHECK(muscles.value().size() == static_cast<std::size_t>(anatomy::kMuscleCount));
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const MuscleInfo* card = nullptr;
    for (const MuscleInfo& i : muscles.value())
      if (i.name == anatomy::muscle(m).name) card = &i;
    INFO(anatomy::muscle(m).name);
    REQUIRE(card != nullptr);
    // A card written for patients: what it is, where it runs, what it does, which nerve.
    CHECK(card->description.size() > 25);
    CHECK(!card->origin.empty());
    CHECK(!card->insertion.empty());
    CHECK(!card->innervation.empty());
    CHECK(!card->primary_actions.empty());
  }
  auto bones = load_bone_info(anatomy_dir() + "/bones.json");
  REQUIRE_MESSAGE(bones.ok(), (bones.ok() ? "" : bones.error().message));
  auto model = load_model(std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb");
  REQUIRE(model.ok());
  for (const Mesh& mesh : model.value().meshes) {
    if (mesh.skinned) continue;  // the skin
    INFO(mesh.name);
    const BoneInfo* b = find_bone_info(bones.value(), mesh.name);
    REQUIRE(b != nullptr);
    CHECK(!b->display_name.empty());
    CHECK(b->description.size() > 40);
    CHECK(!b->joints.empty());
    CHECK(!b->landmarks.empty());
  }
  CHECK(find_bone_info(bones.value(), "femur_l") == find_bone_info(bones.value(), "femur_r"));
  CHECK(find_bone_info(bones.value(), "skin") == nullptr);
}

TEST_CASE("anatomy cards: a bad file gives one message naming the file and the field") {
  auto message = [](const Result<std::vector<BoneInfo>>& r) { return r.ok() ? std::string("(loaded)") : r.error().message; };
  CHECK(message(load_bone_info("/nonexistent/bones.json")).find("cannot be read") != std::string::npos);
  CHECK(message(load_bone_info(write("junk.json", "{ not json"))).find("not valid JSON") != std::string::npos);
  CHECK(message(load_bone_info(write("nolist.json", R"({"bones": 3})"))).find("bones: expected an array") != std::string::npos);
  CHECK(message(load_bone_info(write("entry.json", R"({"bones": [7]})"))).find("bones[0]: expected an object") != std::string::npos);
  const std::string missing = message(load_bone_info(write("missing.json", R"({"bones": [{"name": "femur", "display_name": "Femur"}]})")));
  CHECK(missing.find("missing.json: bones[0].description: missing") != std::string::npos);
  const std::string type = message(load_bone_info(
      write("type.json", R"({"bones": [{"name": "femur", "display_name": "Femur", "description": "d", "joints": 4}]})")));
  CHECK(type.find("bones[0].joints: expected a string") != std::string::npos);
  auto m = load_muscle_info(write("muscles.json", R"({"muscles": [{"name": "peri"}]})"));
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().message.find("muscles[0].display_name: missing") != std::string::npos);
}
