// widgets.h — small pieces the panels share: colours from the scene's linear RGB to Dear ImGui's
// sRGB, muscle names from the muscle cards, the dim wrapped hint line, section headings and the
// large font (set by ui::setup_fonts).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <imgui.h>

#include "anatomy/muscle_data.h"
#include "assets/muscle_info.h"

namespace hiplab::ui {

// Linear RGB (what the scene's colours are) to the sRGB Dear ImGui draws with.
ImVec4 to_imgui(const glm::vec4& linear);
ImU32 to_u32(const glm::vec4& linear);

// Whether `needle` occurs in `hay`, ignoring ASCII case; an empty needle is in every string.
bool contains_ci(const std::string& hay, const std::string& needle);

// The card of muscle m (an index into anatomy::muscles()), or null when the cards have none.
const MuscleInfo* info_for(const std::vector<MuscleInfo>& info, int m);
// The card's display name of muscle m, else its built-in label.
std::string display_name(const std::vector<MuscleInfo>& info, int m);

const char* side_letter(anatomy::Side s);

// A dim explanatory line, wrapped to the panel (ImGui's TextDisabled does not wrap).
void hint(const char* fmt, ...) IM_FMTARGS(1);

// A separator and a heading between the parts of a panel.
void section(const char* title);

// The large font for cues and card titles, or null when the default font is in use.
ImFont* large_font();
void set_large_font(ImFont* font);

}  // namespace hiplab::ui
