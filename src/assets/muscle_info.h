// muscle_info.h — the plain-language card of each muscle (assets/anatomy/muscles.json, written by
// the model generator with its sources): display name, group, description for patients, origin and
// insertion in words, innervation, actions and how the rotation action changes with hip flexion.
// And of each bone (assets/anatomy/bones.json, written by hand with its sources): name,
// description, joints and landmarks (the muscles attached are computed: scene/bone_attachments.h).
#pragma once
#include <string>
#include <vector>

#include "core/result.h"

namespace hiplab {

struct MuscleInfo {
  std::string name;  // side-less Gait2392 name, e.g. "glut_med1"
  std::string display_name, group, description, origin, insertion, innervation, primary_actions,
      rotation_with_hip_flexion, source;
};

// Errors name the file and the entry/field, e.g. "muscles.json: muscles[3].origin: expected a string".
Result<std::vector<MuscleInfo>> load_muscle_info(const std::string& path);

struct BoneInfo {
  std::string name;  // side-less mesh name, e.g. "femur" for femur_r / femur_l
  std::string display_name, description, joints, landmarks;
};

// Errors as for load_muscle_info ("bones.json: bones[2].joints: expected a string").
Result<std::vector<BoneInfo>> load_bone_info(const std::string& path);

// The card of a model mesh ("femur_r", "sacrum"), or null.
const BoneInfo* find_bone_info(const std::vector<BoneInfo>& bones, const std::string& mesh_name);

}  // namespace hiplab
