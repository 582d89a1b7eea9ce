// muscle_names.h — muscles by the names people use, for every command and the window: the model
// id ("peri", "glut_med1_r"), the plain name ("piriformis", "gluteus medius (posterior)"), a
// muscle's name without its part ("gluteus medius" = its three parts, "biceps femoris" = both
// heads), or a group ("hamstrings", "adductors", "deep external rotators"; muscle_group_name()).
// Case, spaces, '-', '_' and parentheses do not matter; a side is named by a "_r"/"_l" suffix or a
// leading or trailing word "right"/"left". Names come from muscle_data.h, so muscles added there
// are found without changes here.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "anatomy/skeleton.h"

namespace hiplab::anatomy {

struct MuscleSelection {
  std::vector<int> muscles;  // indices into muscle_data.h, in model order; never empty
  std::optional<Side> side;  // when the name said one
};

std::optional<MuscleSelection> find_muscles(std::string_view name);

}  // namespace hiplab::anatomy
