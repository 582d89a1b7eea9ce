// widgets.cpp — see widgets.h.
#include "ui/widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <string_view>

namespace hiplab::ui {

namespace {

ImFont* g_font_large = nullptr;

float linear_to_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

}  // namespace

ImVec4 to_imgui(const glm::vec4& linear) {
  return ImVec4(linear_to_srgb(linear.r), linear_to_srgb(linear.g), linear_to_srgb(linear.b), linear.a);
}
ImU32 to_u32(const glm::vec4& linear) { return ImGui::ColorConvertFloat4ToU32(to_imgui(linear)); }

bool contains_ci(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  return lower(hay).find(lower(needle)) != std::string::npos;
}

const MuscleInfo* info_for(const std::vector<MuscleInfo>& info, int m) {
  const std::string_view name = anatomy::muscle(m).name;
  for (const MuscleInfo& i : info)
    if (i.name == name) return &i;
  return nullptr;
}

std::string display_name(const std::vector<MuscleInfo>& info, int m) {
  if (const MuscleInfo* i = info_for(info, m)) return i->display_name;
  return std::string(anatomy::muscle(m).label);
}

const char* side_letter(anatomy::Side s) { return s == anatomy::Side::kRight ? "R" : "L"; }

void hint(const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  va_list args;
  va_start(args, fmt);
  ImGui::TextWrappedV(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(title);
}

ImFont* large_font() { return g_font_large; }
void set_large_font(ImFont* font) { g_font_large = font; }

}  // namespace hiplab::ui
