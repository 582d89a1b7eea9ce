// muscle_info.h — the plain-language card of each muscle (assets/anatomy/muscles.json, written by
// the model generator with its sources): display name, group, description for patients, origin and
// insertion in words, innervation, actions and how the rotation action changes with hip flexion.
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

}  // namespace hiplab
