// pick_drag.cpp — see pick_drag.h.
#include "app/pick_drag.h"

#include <cmath>

#include "anatomy/muscle_data.h"
#include "core/units.h"
#include "scene/body_scene.h"

namespace hiplab::app {

std::optional<MusclePick> muscle_of_pick(std::uint32_t id) {
  if (id < kMusclePickBase) return std::nullopt;
  const int side = static_cast<int>((id - kMusclePickBase) / 100), m = static_cast<int>((id - kMusclePickBase) % 100);
  return MusclePick{side ? anatomy::Side::kLeft : anatomy::Side::kRight, m};
}

std::optional<std::size_t> mesh_of_pick(const Model& model, std::uint32_t id) {
  if (id < kBonePickBase || id >= kMusclePickBase || id - kBonePickBase >= model.meshes.size()) return std::nullopt;
  return id - kBonePickBase;
}

std::string pick_name(std::uint32_t id, const Model& model, bool body, const std::vector<MuscleInfo>& muscle_info,
                      const std::vector<BoneInfo>& bone_info) {
  if (const auto mp = muscle_of_pick(id)) {
    if (mp->muscle >= anatomy::kMuscleCount) return {};
    const std::string suffix = mp->side == anatomy::Side::kLeft ? " (left)" : " (right)";
    for (const MuscleInfo& i : muscle_info)
      if (i.name == anatomy::muscle(mp->muscle).name) return i.display_name + suffix;
    return std::string(anatomy::muscle(mp->muscle).label);
  }
  if (const auto mesh = mesh_of_pick(model, id)) {
    const std::string& name = model.meshes[*mesh].name;
    if (const BoneInfo* b = body ? find_bone_info(bone_info, name) : nullptr) {
      const auto side = anatomy::split_side_suffix(name).side;
      return b->display_name + (!side ? "" : *side == anatomy::Side::kRight ? " (right)" : " (left)");
    }
    return name;
  }
  return {};
}

int hip_of_pick(const Model& model, std::uint32_t id) {
  if (const auto mp = muscle_of_pick(id)) return anatomy::side_index(mp->side);
  const auto mesh = mesh_of_pick(model, id);
  if (!mesh) return -1;
  const std::string& name = model.meshes[*mesh].name;
  for (const char* part : {"femur", "tibia", "fibula", "patella"})
    if (name.rfind(part, 0) == 0) return name.size() > 2 && name.substr(name.size() - 2) == "_l" ? 1 : 0;
  return -1;
}

bool is_click(double press_x, double press_y, double x, double y) {
  return std::abs(x - press_x) < kClickSlopPx && std::abs(y - press_y) < kClickSlopPx;
}

bool is_double_click(double last_click_s, double last_x, double last_y, double now_s, double x, double y) {
  return now_s - last_click_s < kDoubleClickS && std::abs(x - last_x) < kDoubleClickSlopPx &&
         std::abs(y - last_y) < kDoubleClickSlopPx;
}

double hip_drag_step(double press_x, double x, double dx) {
  if (std::abs(x - press_x) < kClickSlopPx) return 0.0;
  return deg_to_rad(kHipRotationDegPerPx * dx);
}

}  // namespace hiplab::app
