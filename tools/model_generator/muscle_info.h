// muscle_info.h — the words that go with each Gait2392 muscle (display name, plain-language
// description, origin/insertion, innervation, actions incl. how rotation changes with hip flexion,
// colour) merged with the model's numbers from hiplab_anatomy into assets/anatomy/muscles.json.
#pragma once
#include <string>

namespace hiplab::modelgen {

// The JSON text (deterministic; two-space indent, trailing newline).
std::string muscles_json();

}  // namespace hiplab::modelgen
