// Tests src/scene/bone_attachments.h on the HipLab body: the bone each muscle's ends are computed to
// lie on matches the anatomy books (Gray's Anatomy 42nd ed.; Moore, Clinically Oriented Anatomy 8th
// ed.): the gluteals, deep rotators, iliopsoas and adductors insert on the femur, the hamstrings
// and the sartorius-gracilis-semitendinosus group on the leg bones below the knee — the biceps
// femoris on the fibula and tibia — and the piriformis starts on the sacrum.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "assets/model_loader.h"
#include "scene/bone_attachments.h"

using namespace hiplab;

namespace {

// The bones the given end is listed on, joined with '+'.
std::string bone_of(const Model& model, const std::vector<std::vector<MuscleAttachment>>& att, const char* muscle,
                    anatomy::Side side, bool origin) {
  const int m = *anatomy::find_muscle(muscle);
  std::string on;
  for (std::size_t i = 0; i < att.size(); ++i)
    for (const MuscleAttachment& a : att[i])
      if (a.muscle == m && a.side == side && a.origin == origin) on += (on.empty() ? "" : "+") + model.meshes[i].name;
  return on.empty() ? "(none)" : on;
}

}  // namespace

TEST_CASE("bone attachments: computed from the model, they match where the books put each muscle's ends") {
  const std::string path = std::string(HIPLAB_SOURCE_DIR) + "/assets/models/hiplab_body.glb";
  REQUIRE(std::filesystem::exists(path));
  auto loaded = load_model(path);
  REQUIRE(loaded.ok());
  const Model& model = loaded.value();
  const auto att = compute_bone_attachments(model);
  REQUIRE(att.size() == model.meshes.size());
  using anatomy::Side;
  for (Side side : {Side::kRight, Side::kLeft}) {
    const std::string s = side == Side::kRight ? "_r" : "_l";
    INFO("side " << s);
    for (const char* m : {"glut_med1", "glut_med2", "glut_med3", "glut_min1", "glut_min2", "glut_min3", "peri", "gem",
                          "quad_fem", "psoas", "iliacus", "add_brev", "add_long", "add_mag1", "add_mag2", "add_mag3", "pect",
                          "glut_max1", "glut_max2", "glut_max3"}) {
      INFO(m << " insertion");
      CHECK(bone_of(model, att, m, side, false) == "femur" + s);
    }
    for (const char* m : {"glut_med1", "glut_min1", "tfl", "sar", "rect_fem", "add_long", "add_brev", "grac", "semiten",
                          "semimem", "bifemlh", "pect", "quad_fem", "gem", "iliacus"}) {
      INFO(m << " origin");
      CHECK(bone_of(model, att, m, side, true) == "hip_bone" + s);
    }
    CHECK(bone_of(model, att, "peri", side, true) == "sacrum");
    CHECK(bone_of(model, att, "glut_max3", side, true) == "sacrum");  // the lowest part, from the sacrum's edge
    CHECK(bone_of(model, att, "psoas", side, true) == "(none)");      // the lumbar spine is not in the model
    CHECK(bone_of(model, att, "rect_fem", side, false) == "patella" + s);  // into the quadriceps tendon
    CHECK(bone_of(model, att, "bifemsh", side, true) == "femur" + s);  // short head: from the linea aspera
    // Both heads end on the fibular head with a slip to the tibia's lateral condyle; the model's
    // end lies between the two bones and is listed on both.
    CHECK(bone_of(model, att, "bifemlh", side, false) == "tibia" + s + "+fibula" + s);
    CHECK(bone_of(model, att, "bifemsh", side, false) == "tibia" + s + "+fibula" + s);
    for (const char* m : {"sar", "grac", "semiten", "semimem"}) {
      INFO(m << " insertion");
      CHECK(bone_of(model, att, m, side, false) == "tibia" + s);
    }
  }
  // Nothing attaches to the talus, and every end is close to the bone it was given (the generator
  // puts each path end on or within about a centimetre of its bone).
  for (std::size_t i = 0; i < att.size(); ++i) {
    if (model.meshes[i].name.rfind("talus", 0) == 0) CHECK(att[i].empty());
    for (const MuscleAttachment& a : att[i]) {
      INFO(model.meshes[i].name << " " << anatomy::muscle(a.muscle).name);
      CHECK(a.distance_m <= kMaxAttachmentDistance + kSharedAttachmentMargin);
    }
  }
}
