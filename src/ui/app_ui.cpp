// app_ui.cpp — see app_ui.h. [SECTION]s: helpers, fonts, shortcuts, left panel (model, view, drills,
// overlay), playback bar and cue, hands-on angles, muscles (highlight, legend, list, group, card,
// explorer), help, screenshot dialog, presentation, status line.
#include "ui/app_ui.h"

#include <algorithm>
#include <cstdarg>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <imgui.h>

#include "anatomy/moment_arm.h"
#include "anatomy/muscle_data.h"
#include "anatomy/rom_norms.h"
#include "core/units.h"
#include "motion/rom_limits.h"
#include "scene/body_scene.h"
#include "scene/highlight.h"

namespace hiplab::ui {
namespace {

namespace fs = std::filesystem;
using anatomy::LegCoord;
using anatomy::Side;
using motion::Channel;

// ---------------------------------------------------------------------------------------------
// [SECTION] helpers
// ---------------------------------------------------------------------------------------------

// Dear ImGui 1.86 indexes keys by the platform backend's codes: GLFW's letter codes are their
// ASCII capitals, F1 = 290, F5 = 294.
constexpr int kKeyF1 = 290, kKeyF5 = 294;
int key(char letter) { return static_cast<int>(letter); }

ImFont* g_font_large = nullptr;

float linear_to_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}
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

const char* side_letter(Side s) { return s == Side::kRight ? "R" : "L"; }

// A dim explanatory line, wrapped to the panel (ImGui's TextDisabled does not wrap).
void hint(const char* fmt, ...) IM_FMTARGS(1);
void hint(const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  va_list args;
  va_start(args, fmt);
  ImGui::TextWrappedV(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

// The six muscles the brief names as internal rotators (gluteus minimus, TFL, semitendinosus,
// adductor longus and brevis, pectineus), as Gait2392 muscles.
bool in_brief_internal_rotators(std::string_view name) {
  for (std::string_view n : {"glut_min1", "glut_min2", "glut_min3", "tfl", "semiten", "add_long", "add_brev", "pect"})
    if (name == n) return true;
  return false;
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(title);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] left panel: model, view, drills, overlay
// ---------------------------------------------------------------------------------------------

void model_and_view(UiState& ui, UiActions& a) {
  ImGui::TextWrapped("%s", fs::path(ui.model_path).filename().string().c_str());
  for (const std::string& line : ui.model_lines) ImGui::TextDisabled("%s", line.c_str());
  if (ImGui::Button("Open model... (Ctrl+O)")) {
    ui.browser_open = true;
    if (ui.browser_dir.empty()) ui.browser_dir = fs::path(ui.model_path).parent_path().string();
  }
  section("View");
  struct B {
    const char* label;
    CameraRequest r;
  };
  const B buttons[] = {{"Front (1)", CameraRequest::kFront}, {"Back (2)", CameraRequest::kBack},
                       {"Left (3)", CameraRequest::kLeft},   {"Right (4)", CameraRequest::kRight},
                       {"Top (5)", CameraRequest::kTop},     {"Working hip (C)", CameraRequest::kWorkingHip},
                       {"Frame (F)", CameraRequest::kFrame}, {"Reset (Home)", CameraRequest::kReset}};
  for (int i = 0; i < 8; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::Button(buttons[i].label)) a.camera = buttons[i].r;
  }
  ImGui::Checkbox("Follow the working hip", &ui.follow_hip);
  ImGui::Checkbox("Landmark labels (L)", &ui.show_labels);
}

void drills_panel(session::Session& s, UiState& ui, UiActions& a) {
  section("Drills");
  const auto& drills = s.drills();
  const char* current = s.drill() ? s.drill()->name.c_str() : "(none: hands-on)";
  if (ImGui::BeginCombo("##drill", current)) {
    if (ImGui::Selectable("(none: hands-on)", s.current_drill() < 0)) {
      (void)s.select_drill(-1);
      a.settings_changed = true;
    }
    for (std::size_t i = 0; i < drills.size(); ++i) {
      std::string label = drills[i].drill.name + (drills[i].user ? "  (yours)" : "");
      if (drills[i].drill.kind == "test") label += "  [test]";
      if (ImGui::Selectable(label.c_str(), s.current_drill() == static_cast<int>(i))) {
        Status st = s.select_drill(static_cast<int>(i));
        if (!st) {
          ui.message = st.error().message;
          ui.message_is_error = true;
        } else {
          s.playback().play();
          a.settings_changed = true;
        }
      }
      if (ImGui::IsItemHovered() && !drills[i].drill.summary.empty()) ImGui::SetTooltip("%s", drills[i].drill.summary.c_str());
    }
    ImGui::EndCombo();
  }
  if (!s.drill_errors().empty() && ImGui::TreeNode("drill_errors", "%zu drill file(s) could not be read", s.drill_errors().size())) {
    for (const std::string& e : s.drill_errors()) ImGui::TextWrapped("%s", e.c_str());
    ImGui::TreePop();
  }
  int side = s.side() == Side::kRight ? 0 : 1;
  ImGui::TextUnformatted("Working side:");
  ImGui::SameLine();
  if (ImGui::RadioButton("right", &side, 0)) s.set_side(Side::kRight), a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("left (S)", &side, 1)) s.set_side(Side::kLeft), a.settings_changed = true;
  if (const motion::Drill* d = s.drill()) {
    ImGui::TextWrapped("%s", d->summary.c_str());
    if (!d->dosage.text.empty()) ImGui::TextWrapped("Dosage: %s", d->dosage.text.c_str());
    for (const motion::MythNote& m : d->myths) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.45f, 1.0f));
      ImGui::TextWrapped("Often said: %s", m.claim.c_str());
      ImGui::PopStyleColor();
      ImGui::TextWrapped("In fact: %s", m.correction.c_str());
    }
    if (!d->safety.empty() && ImGui::TreeNode("Safety")) {
      for (const std::string& t : d->safety) ImGui::BulletText("%s", t.c_str());
      ImGui::TreePop();
    }
  }
}

void overlay_panel(session::Session& s, UiActions& a) {
  section("Joint-limit overlay");
  session::ViewSettings& v = s.view;
  if (ImGui::Checkbox("Rotation arcs at both hips (O)", &v.overlay)) a.settings_changed = true;
  ImGui::Checkbox("Flexion / extension", &v.overlay_flexion);
  ImGui::SameLine();
  ImGui::Checkbox("Abduction / adduction", &v.overlay_abduction);
  if (ImGui::BeginCombo("Normal range", std::string(v.norm.label).c_str())) {
    for (const anatomy::RomNorm& n : anatomy::rom_norms())
      if (ImGui::Selectable(std::string(n.label).c_str(), n.id == v.norm.id)) {
        v.norm = n;
        a.settings_changed = true;
      }
    ImGui::EndCombo();
  }
  ImGui::TextDisabled("IR %.0f-%.0f, ER %.0f-%.0f deg; %s", v.norm.ir_low_deg, v.norm.ir_high_deg, v.norm.er_low_deg,
                      v.norm.er_high_deg, std::string(v.norm.position).c_str());
  hint("Source: %s", std::string(v.norm.source).c_str());
  if (ImGui::TreeNode("Patient's measured limits (deg)")) {
    for (Side side : {Side::kRight, Side::kLeft}) {
      anatomy::MeasuredLimits& m = v.measured[static_cast<std::size_t>(anatomy::side_index(side))];
      ImGui::PushID(anatomy::side_index(side));
      for (auto [label, field] : {std::pair{"internal", &m.internal_rotation_deg}, std::pair{"external", &m.external_rotation_deg}}) {
        bool on = field->has_value();
        float value = static_cast<float>(field->value_or(35.0));
        ImGui::PushID(label);
        if (ImGui::Checkbox("##on", &on)) *field = on ? std::optional<double>(value) : std::nullopt;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        if (ImGui::InputFloat((std::string(side_letter(side)) + " " + label).c_str(), &value, 1.0f, 5.0f, "%.0f")) {
          value = std::clamp(std::isfinite(value) ? value : 35.0f, 0.0f, 90.0f);
          *field = value;
        }
        ImGui::PopID();
      }
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] playback bar and cue
// ---------------------------------------------------------------------------------------------

void scrub_bar(session::Session& s, const motion::Timeline& tl) {
  motion::Playback& pb = s.playback();
  const float width = ImGui::GetContentRegionAvail().x, height = 34.0f * ImGui::GetIO().FontGlobalScale;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("scrub", ImVec2(width, height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double dur = std::max(tl.duration(), 1e-6);
  auto x_of = [&](double t) { return p0.x + static_cast<float>(t / dur) * width; };
  const auto instances = tl.instances();
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const auto& in = instances[i];
    const motion::Phase& ph = tl.drill().phases[static_cast<std::size_t>(in.phase)];
    const ImU32 col = ph.hold ? IM_COL32(70, 110, 170, 255) : (in.phase % 2 ? IM_COL32(70, 72, 80, 255) : IM_COL32(88, 90, 100, 255));
    const float x0 = x_of(in.start_s), x1 = x_of(in.start_s + in.duration_s);
    dl->AddRectFilled(ImVec2(x0, p0.y), ImVec2(x1, p0.y + height), col);
    dl->AddLine(ImVec2(x0, p0.y), ImVec2(x0, p0.y + height), IM_COL32(20, 20, 24, 255));
    const ImVec2 ts = ImGui::CalcTextSize(ph.name.c_str());
    if (ts.x + 6 < x1 - x0) dl->AddText(ImVec2(x0 + 3, p0.y + 2), IM_COL32(235, 235, 240, 255), ph.name.c_str());
  }
  const float xt = x_of(pb.time());
  dl->AddLine(ImVec2(xt, p0.y - 2), ImVec2(xt, p0.y + height + 2), IM_COL32(255, 210, 60, 255), 3.0f);
  if (ImGui::IsItemActive()) {
    const float mx = ImGui::GetIO().MousePos.x;
    pb.scrub(std::clamp((mx - p0.x) / std::max(width, 1.0f), 0.0f, 1.0f) * dur);
    s.set_mode(session::Mode::kDrill);
  }
  if (ImGui::IsItemHovered()) {
    const double t = std::clamp((ImGui::GetIO().MousePos.x - p0.x) / std::max(width, 1.0f), 0.0f, 1.0f) * dur;
    const auto& in = instances[static_cast<std::size_t>(tl.instance_at(t))];
    ImGui::SetTooltip("%s  (%.1f s)", tl.drill().phases[static_cast<std::size_t>(in.phase)].name.c_str(), t);
  }
}

void playback_panel(session::Session& s, UiState& ui) {
  const motion::Timeline* tl = s.timeline();
  if (!tl) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = vp->WorkSize.x * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - ImGui::GetFrameHeight() - 8),
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::Begin("Playback", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  motion::Playback& pb = s.playback();
  const bool drill_mode = s.mode() == session::Mode::kDrill;
  if (ImGui::Button(pb.playing() && drill_mode ? "Pause (Space)" : "Play (Space)")) {
    s.set_mode(session::Mode::kDrill);
    pb.toggle();
  }
  ImGui::SameLine();
  if (ImGui::Button("<< phase")) pb.previous_phase(), s.set_mode(session::Mode::kDrill);
  ImGui::SameLine();
  if (ImGui::Button("< frame")) pb.step(-1), s.set_mode(session::Mode::kDrill);
  ImGui::SameLine();
  if (ImGui::Button("frame >")) pb.step(1), s.set_mode(session::Mode::kDrill);
  ImGui::SameLine();
  if (ImGui::Button("phase >>")) pb.next_phase(), s.set_mode(session::Mode::kDrill);
  ImGui::SameLine();
  bool loop = pb.loop();
  if (ImGui::Checkbox("Loop", &loop)) pb.set_loop(loop);
  if (!drill_mode) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.8f, 0.4f, 1), "hands-on pose (Play returns to the drill)");
  }
  scrub_bar(s, *tl);
  auto f = s.drill_frame();
  if (f) {
    ImGui::Text("%s   %.1f / %.1f s", f->phase_name.c_str(), f->time_s, tl->duration());
    if (f->set > 0) {
      ImGui::SameLine();
      ImGui::Text("   set %d of %d, rep %d of %d", f->set, f->sets, f->rep, f->reps);
    }
    ImGui::SameLine();
  }
  // The speed at the right end of the time line (the button row has no room for it).
  const float speed_w = 130.0f * ImGui::GetIO().FontGlobalScale;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - speed_w));
  float speed = static_cast<float>(pb.speed());
  ImGui::SetNextItemWidth(speed_w);
  if (ImGui::SliderFloat("##speed", &speed, 0.1f, 2.0f, "speed %.1fx", ImGuiSliderFlags_AlwaysClamp)) pb.set_speed(speed);
  if (f && !f->load_description.empty()) hint("Load: %s", f->load_description.c_str());
  (void)ui;
  ImGui::End();
}

void cue_banner(session::Session& s, UiState& ui) {
  if (!s.timeline() || s.mode() != session::Mode::kDrill) return;
  auto f = s.drill_frame();
  if (!f) return;
  const motion::Phase& ph = s.timeline()->drill().phases[static_cast<std::size_t>(f->phase_index)];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 12), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.15f, 0.16f, 0.18f, 1.0f));  // opaque (see apply_style)
  ImGui::Begin("##cue", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleColor();
  if (g_font_large) ImGui::PushFont(g_font_large);
  // Wrapped to fit between the side panels (presentation mode hides them).
  ImGui::PushTextWrapPos(ui.presentation ? vp->WorkSize.x * 0.8f : std::max(300.0f, vp->WorkSize.x * 0.5f - 120.0f * ui.ui_scale));
  ImGui::TextUnformatted(ph.cues.empty() ? ph.name.c_str() : ph.cues.front().c_str());
  if (f->hold) ImGui::TextColored(ImVec4(0.55f, 0.8f, 1.0f, 1.0f), "Hold: %.0f s", std::ceil(f->hold_remaining_s));
  ImGui::PopTextWrapPos();
  if (g_font_large) ImGui::PopFont();
  for (std::size_t i = 1; i < ph.cues.size(); ++i) ImGui::TextWrapped("%s", ph.cues[i].c_str());
  ImGui::End();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] hands-on angles
// ---------------------------------------------------------------------------------------------

void angle_slider(session::Session& s, Channel c, const char* label) {
  const motion::RomLimit& lim = motion::rom_limit(c);
  float deg = static_cast<float>(rad_to_deg(s.channel(c)));
  const float lo = static_cast<float>(rad_to_deg(lim.min)), hi = static_cast<float>(rad_to_deg(lim.max));
  ImGui::PushID(static_cast<int>(c));
  ImGui::SetNextItemWidth(150);
  const bool changed = ImGui::SliderFloat("##s", &deg, lo, hi, "%.0f", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemActivated()) s.begin_pose_edit();
  if (changed) s.set_channel(c, deg_to_rad(static_cast<double>(deg)));
  if (ImGui::IsItemDeactivated()) s.end_pose_edit();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(70);
  float typed = deg;
  if (ImGui::InputFloat("##n", &typed, 0.0f, 0.0f, "%.1f", ImGuiInputTextFlags_EnterReturnsTrue)) {
    s.begin_pose_edit();
    s.set_channel(c, deg_to_rad(static_cast<double>(typed)));
    s.end_pose_edit();
  }
  ImGui::SameLine();
  if (s.at_limit(c)) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.2f, 1.0f), "%s  AT LIMIT", label);
  else ImGui::TextUnformatted(label);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Range %.0f to %.0f deg (%s)", lo, hi, std::string(lim.source).c_str());
  ImGui::PopID();
}

void pose_panel(session::Session& s) {
  hint("+ flexion, + adduction, + internal rotation, + knee flexion (both legs)");
  for (Side side : {Side::kRight, Side::kLeft}) {
    ImGui::PushID(anatomy::side_index(side));
    ImGui::Text("%s hip and knee", side == Side::kRight ? "Right" : "Left");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipFlexion), "flexion");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipAdduction), "adduction");
    angle_slider(s, motion::leg_channel(side, LegCoord::kHipRotation), "internal rotation");
    angle_slider(s, motion::leg_channel(side, LegCoord::kKneeFlexion), "knee flexion");
    ImGui::PopID();
  }
  if (ImGui::Button("Reset (R)")) s.reset_pose();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.can_undo());
  if (ImGui::Button("Undo (Ctrl+Z)")) s.undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.can_redo());
  if (ImGui::Button("Redo (Ctrl+Shift+Z)")) s.redo();
  ImGui::EndDisabled();
  hint("Drag the thigh or shin in the view to rotate the hip.");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] muscles
// ---------------------------------------------------------------------------------------------

void legend(HighlightMode mode) {
  if (mode == HighlightMode::kNone) return;
  const float w = ImGui::GetContentRegionAvail().x, h = 14.0f * ImGui::GetIO().FontGlobalScale;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int n = 32;
  for (int i = 0; i < n; ++i) {
    const double t = (i + 0.5) / n;
    const glm::vec4 c = mode == HighlightMode::kWorking ? working_colour(t) : stretched_colour(1.0 + t * (kStretchFull - 1.0));
    dl->AddRectFilled(ImVec2(p.x + w * i / n, p.y), ImVec2(p.x + w * (i + 1) / n, p.y + h), to_u32(glm::vec4(glm::vec3(c), 1.0f)));
  }
  ImGui::Dummy(ImVec2(w, h));
  if (mode == HighlightMode::kWorking) {
    ImGui::TextDisabled("activation 0%%");
    ImGui::SameLine(w - ImGui::CalcTextSize("100%").x);
    ImGui::TextDisabled("100%%");
    hint("Muted: at rest (< 2%%). Computed by the effort solve.");
  } else {
    ImGui::TextDisabled("as long as standing");
    ImGui::SameLine(w - ImGui::CalcTextSize("+25%").x);
    ImGui::TextDisabled("+25%%");
    hint("Length vs the anatomical position. Muted: not stretched.");
  }
}

void internal_rotator_group(session::Session& s, const session::ComputedFrame& frame, const std::vector<MuscleInfo>& info) {
  if (!ImGui::TreeNode("Internal rotators (the brief's six)")) return;
  const Side side = s.side();
  const auto& leg = frame.analysis.leg[static_cast<std::size_t>(anatomy::side_index(side))];
  const double flex = rad_to_deg(s.current_pose().legs.leg(side)[LegCoord::kHipFlexion]);
  ImGui::TextWrapped("Rotation moment arms on the %s side at %.0f deg hip flexion (+ internal, mm):",
                     side == Side::kRight ? "right" : "left", flex);
  if (ImGui::Button("Isolate this group")) {
    for (int sd = 0; sd < 2; ++sd)
      for (int m = 0; m < anatomy::kMuscleCount; ++m)
        s.view.visibility[static_cast<std::size_t>(sd)][static_cast<std::size_t>(m)] =
            in_brief_internal_rotators(anatomy::muscle(m).name) ? session::MuscleVisibility::kShown : session::MuscleVisibility::kFaded;
  }
  std::string joined, left_role;
  for (int m = 0; m < anatomy::kMuscleCount; ++m) {
    const double r_mm = leg.muscle[static_cast<std::size_t>(m)].moment_arm_m[2] * 1000.0;
    const bool brief = in_brief_internal_rotators(anatomy::muscle(m).name);
    if (brief) {
      ImGui::BulletText("%-28s %+6.1f %s", display_name(info, m).c_str(), r_mm, r_mm > 2.0 ? "" : "(not an internal rotator here)");
      if (r_mm <= 2.0) left_role += (left_role.empty() ? "" : ", ") + display_name(info, m);
    } else if (r_mm > 2.0) {
      joined += (joined.empty() ? "" : ", ") + display_name(info, m) + " (" + std::to_string(static_cast<int>(std::lround(r_mm))) + ")";
    }
  }
  if (!joined.empty()) ImGui::TextWrapped("Also internal rotators at this flexion: %s.", joined.c_str());
  if (!left_role.empty()) ImGui::TextWrapped("Of the six, not internal rotators at this flexion: %s.", left_role.c_str());
  hint("Moment arms from the Gait2392 paths; they change with hip flexion (Delp et al. 1999).");
  ImGui::TreePop();
}

void moment_arm_explorer(session::Session& s, Side side, int m) {
  const anatomy::LegPose current = s.current_pose().legs.leg(side);
  constexpr int n = 61;
  float values[n];
  float lo = 0.0f, hi = 0.0f;
  for (int i = 0; i < n; ++i) {
    anatomy::LegPose p = current;
    p[LegCoord::kHipFlexion] = deg_to_rad(120.0 * i / (n - 1));
    values[i] = static_cast<float>(anatomy::moment_arm(m, p, LegCoord::kHipRotation) * 1000.0);
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  lo = std::min(lo, -10.0f) - 2.0f;
  hi = std::max(hi, 10.0f) + 2.0f;
  const float w = ImGui::GetContentRegionAvail().x, h = 120.0f * ImGui::GetIO().FontGlobalScale;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), IM_COL32(25, 27, 32, 255));
  auto y_of = [&](float v) { return p0.y + h * (hi - v) / (hi - lo); };
  auto x_of = [&](double deg) { return p0.x + w * static_cast<float>(deg / 120.0); };
  dl->AddRectFilled(ImVec2(p0.x, p0.y), ImVec2(p0.x + w, y_of(0.0f)), IM_COL32(40, 60, 95, 120));
  dl->AddLine(ImVec2(p0.x, y_of(0.0f)), ImVec2(p0.x + w, y_of(0.0f)), IM_COL32(150, 150, 160, 255));
  for (int i = 0; i + 1 < n; ++i)
    dl->AddLine(ImVec2(x_of(120.0 * i / (n - 1)), y_of(values[i])), ImVec2(x_of(120.0 * (i + 1) / (n - 1)), y_of(values[i + 1])),
                IM_COL32(255, 200, 80, 255), 2.5f);
  const double flex = std::clamp(rad_to_deg(current[LegCoord::kHipFlexion]), 0.0, 120.0);
  dl->AddLine(ImVec2(x_of(flex), p0.y), ImVec2(x_of(flex), p0.y + h), IM_COL32(255, 255, 255, 220), 2.0f);
  dl->AddText(ImVec2(p0.x + 4, p0.y + 2), IM_COL32(200, 210, 230, 255), "internal rotator (+)");
  dl->AddText(ImVec2(p0.x + 4, p0.y + h - ImGui::GetTextLineHeight() - 2), IM_COL32(200, 210, 230, 255), "external rotator (-)");
  hint("rotation moment arm (mm) vs hip flexion 0-120 deg; white line: now (%.0f deg)", flex);
}

void muscle_card(session::Session& s, const session::ComputedFrame& frame, const std::vector<MuscleInfo>& info) {
  if (!s.view.selected_muscle) {
    hint("Click a muscle in the view or the list for its card.");
    return;
  }
  const auto [side, m] = *s.view.selected_muscle;
  const MuscleInfo* mi = info_for(info, m);
  if (g_font_large) ImGui::PushFont(g_font_large);
  ImGui::TextWrapped("%s (%s)", display_name(info, m).c_str(), side == Side::kRight ? "right" : "left");
  if (g_font_large) ImGui::PopFont();
  if (mi) {
    ImGui::TextWrapped("%s", mi->description.c_str());
    ImGui::TextWrapped("Origin: %s", mi->origin.c_str());
    ImGui::TextWrapped("Insertion: %s", mi->insertion.c_str());
    ImGui::TextWrapped("Nerve: %s", mi->innervation.c_str());
    ImGui::TextWrapped("Actions: %s", mi->primary_actions.c_str());
    ImGui::TextWrapped("Rotation and hip flexion: %s", mi->rotation_with_hip_flexion.c_str());
  }
  const biomech::MuscleState& st = frame.analysis.leg[static_cast<std::size_t>(anatomy::side_index(side))].muscle[static_cast<std::size_t>(m)];
  ImGui::Text("Length %.1f cm   stretch %+.0f%% vs standing", st.length_m * 100.0, (st.stretch_vs_anatomical - 1.0) * 100.0);
  ImGui::Text("Activation %.0f%%   force %.0f N", st.activation * 100.0, st.force_n);
  ImGui::Text("Rotation moment arm %+.1f mm (%s)", st.moment_arm_m[2] * 1000.0,
              st.moment_arm_m[2] > 0 ? "internal rotator now" : "external rotator now");
  moment_arm_explorer(s, side, m);
  if (ImGui::Button("Deselect (Esc)")) session::clear_selection(s.view);
}

void bone_card(session::Session& s, const Model& model, const std::vector<MuscleInfo>& info, const BoneCards* bones) {
  const std::string& mesh_name = *s.view.selected_bone;
  int mesh = -1;
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].name == mesh_name) mesh = static_cast<int>(i);
  const BoneInfo* bi = bones ? find_bone_info(bones->info, mesh_name) : nullptr;
  const std::optional<Side> sided = anatomy::split_side_suffix(mesh_name).side;
  const bool right = sided == Side::kRight, left = sided == Side::kLeft;
  if (g_font_large) ImGui::PushFont(g_font_large);
  ImGui::TextWrapped("%s%s", bi ? bi->display_name.c_str() : bone_label(mesh_name).c_str(), right ? " (right)" : left ? " (left)" : "");
  if (g_font_large) ImGui::PopFont();
  if (bi) {
    ImGui::TextWrapped("%s", bi->description.c_str());
    if (!bi->joints.empty()) ImGui::TextWrapped("Joints: %s", bi->joints.c_str());
    if (!bi->landmarks.empty()) ImGui::TextWrapped("Landmarks: %s", bi->landmarks.c_str());
  }
  // The joint this bone turns at, now (sign conventions as on the overlay).
  const Side side = left ? Side::kLeft : Side::kRight;
  const anatomy::LegPose leg = s.current_pose().legs.leg(side);
  if (mesh_name.rfind("femur", 0) == 0)
    ImGui::TextWrapped("Hip now: flexion %.0f deg, adduction %.0f deg, rotation %+.0f deg (+ internal / - external)",
                       rad_to_deg(leg[LegCoord::kHipFlexion]), rad_to_deg(leg[LegCoord::kHipAdduction]),
                       rad_to_deg(leg[LegCoord::kHipRotation]));
  if (mesh_name.rfind("tibia", 0) == 0 || mesh_name.rfind("fibula", 0) == 0 || mesh_name.rfind("patella", 0) == 0)
    ImGui::TextWrapped("Knee now: flexion %.0f deg", rad_to_deg(leg[LegCoord::kKneeFlexion]));
  // The muscles the model attaches here: click one for its card.
  if (bones && mesh >= 0 && static_cast<std::size_t>(mesh) < bones->attachments.size()) {
    const auto& list = bones->attachments[static_cast<std::size_t>(mesh)];
    if (list.empty()) {
      hint("No muscle of the model starts or ends on this bone.");
    } else {
      bool any_shared = false;
      for (const bool origin : {true, false}) {
        bool header = false;
        for (const MuscleAttachment& at : list) {
          if (at.origin != origin) continue;
          if (!header) {
            ImGui::TextUnformatted(origin ? "Muscles that start here:" : "Muscles that end here:");
            header = true;
          }
          ImGui::PushID(at.muscle * 4 + (at.origin ? 2 : 0) + anatomy::side_index(at.side));
          std::string label = "  " + display_name(info, at.muscle);
          if (!right && !left) label += at.side == Side::kRight ? " (R)" : " (L)";
          if (at.shared) label += " *";
          any_shared |= at.shared;
          if (ImGui::Selectable(label.c_str())) session::select_muscle(s.view, std::pair{at.side, at.muscle});
          ImGui::PopID();
        }
      }
      hint("Computed from the model: the bone nearest each end of a muscle's path.%s",
                          any_shared ? " * this end lies between two bones and is listed on both." : "");
    }
  }
  if (ImGui::Button("Deselect (Esc)")) session::clear_selection(s.view);
}

void muscles_panel(session::Session& s, UiState& ui, UiActions& a, const session::ComputedFrame& frame,
                   const std::vector<MuscleInfo>& info, const Model* model, const BoneCards* bones) {
  session::ViewSettings& v = s.view;
  int mode = static_cast<int>(v.highlight);
  ImGui::TextUnformatted("Highlight (W):");
  ImGui::SameLine();
  if (ImGui::RadioButton("working", &mode, static_cast<int>(HighlightMode::kWorking))) a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("stretched", &mode, static_cast<int>(HighlightMode::kStretched))) a.settings_changed = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("none", &mode, static_cast<int>(HighlightMode::kNone))) a.settings_changed = true;
  v.highlight = static_cast<HighlightMode>(mode);
  legend(v.highlight);

  section("Working now");
  // A fixed-height opaque child: the list changes every frame of a drill, the panel around it does
  // not move with it and is kept from the last frame (app/ui_layers.h).
  ImGui::BeginChild("working_now", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 6.0f), false);
  {
    // Its own opaque background, in its own draw list, so it is drawn again without the panel.
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + sz.x, p.y + sz.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
  }
  const auto top = top_working_muscles(frame.analysis, 6);
  if (top.empty()) hint("No muscle is working (no load or effort in this pose).");
  for (const WorkingMuscle& w : top) {
    ImGui::ColorButton("##c", to_imgui(working_colour(w.activation)), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    if (ImGui::Selectable((display_name(info, w.muscle) + " (" + side_letter(w.side) + ")").c_str(), false,
                          ImGuiSelectableFlags_None, ImVec2(ImGui::GetContentRegionAvail().x - 95, 0)))
      session::select_muscle(v, std::pair{w.side, w.muscle});
    ImGui::SameLine();
    ImGui::Text("%3.0f%%  (%2.0f%%)", w.activation * 100.0, w.share * 100.0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("activation (share of the effort: activation squared, what the solve minimises)");
  }
  for (int sd = 0; sd < 2; ++sd) {
    const auto& leg = frame.analysis.leg[static_cast<std::size_t>(sd)];
    std::string sat;
    for (int k = 0; k < anatomy::kMuscleCoordCount; ++k)
      if (leg.saturated[static_cast<std::size_t>(k)])
        sat += (sat.empty() ? "" : ", ") + std::string(anatomy::coord_name(static_cast<LegCoord>(k)));
    if (!sat.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.3f, 1), "%s leg: the load is beyond the muscles at %s", sd ? "Left" : "Right", sat.c_str());
  }
  ImGui::EndChild();

  section("Show");
  ImGui::Checkbox("Bones", &v.show_bones);
  ImGui::SameLine();
  ImGui::Checkbox("Muscles", &v.show_muscles);
  ImGui::SameLine();
  if (ImGui::Checkbox("Skin (K)", &v.show_skin)) a.settings_changed = true;
  if (ImGui::Button("Show all")) for (auto& side : v.visibility) side.fill(session::MuscleVisibility::kShown);
  internal_rotator_group(s, frame, info);

  char buf[64];
  std::snprintf(buf, sizeof buf, "%s", ui.muscle_search.c_str());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##search", "search muscles by name", buf, sizeof buf)) ui.muscle_search = buf;
  if (ImGui::BeginChild("muscle_list", ImVec2(0, 150 * ImGui::GetIO().FontGlobalScale), true)) {
    // Groups first (isolate / fade / hide a whole group), then muscles.
    std::string last_group;
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const std::string name = display_name(info, m);
      const std::string group(anatomy::muscle_group_name(anatomy::muscle(m).group));
      if (!contains_ci(name, ui.muscle_search) && !contains_ci(group, ui.muscle_search) &&
          !contains_ci(std::string(anatomy::muscle(m).name), ui.muscle_search))
        continue;
      if (group != last_group) {
        last_group = group;
        ImGui::PushID(group.c_str());
        ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "%s", group.c_str());
        ImGui::SameLine();
        auto set_group = [&](session::MuscleVisibility vis, bool others_faded) {
          for (int sd = 0; sd < 2; ++sd)
            for (int k = 0; k < anatomy::kMuscleCount; ++k) {
              const bool in = anatomy::muscle_group_name(anatomy::muscle(k).group) == group;
              auto& slot = v.visibility[static_cast<std::size_t>(sd)][static_cast<std::size_t>(k)];
              if (in) slot = vis;
              else if (others_faded) slot = session::MuscleVisibility::kFaded;
            }
        };
        if (ImGui::SmallButton("isolate")) set_group(session::MuscleVisibility::kShown, true);
        ImGui::SameLine();
        if (ImGui::SmallButton("fade")) set_group(session::MuscleVisibility::kFaded, false);
        ImGui::SameLine();
        if (ImGui::SmallButton("hide")) set_group(session::MuscleVisibility::kHidden, false);
        ImGui::PopID();
      }
      ImGui::PushID(m);
      const Side side = s.side();
      auto& vis = v.visibility[static_cast<std::size_t>(anatomy::side_index(side))][static_cast<std::size_t>(m)];
      const bool selected = v.selected_muscle && v.selected_muscle->second == m;
      if (ImGui::Selectable(name.c_str(), selected, ImGuiSelectableFlags_None, ImVec2(ImGui::GetContentRegionAvail().x - 120, 0)))
        session::select_muscle(v, std::pair{side, m});
      ImGui::SameLine();
      auto both = [&](session::MuscleVisibility value) {
        for (int sd = 0; sd < 2; ++sd) v.visibility[static_cast<std::size_t>(sd)][static_cast<std::size_t>(m)] = value;
      };
      if (ImGui::SmallButton("iso")) {
        for (auto& sdv : v.visibility) sdv.fill(session::MuscleVisibility::kFaded);
        both(session::MuscleVisibility::kShown);
      }
      ImGui::SameLine();
      if (ImGui::SmallButton(vis == session::MuscleVisibility::kFaded ? "unfade" : "fade"))
        both(vis == session::MuscleVisibility::kFaded ? session::MuscleVisibility::kShown : session::MuscleVisibility::kFaded);
      ImGui::SameLine();
      if (ImGui::SmallButton(vis == session::MuscleVisibility::kHidden ? "show" : "hide"))
        both(vis == session::MuscleVisibility::kHidden ? session::MuscleVisibility::kShown : session::MuscleVisibility::kHidden);
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
  section(s.view.selected_bone ? "Bone card" : "Muscle card");
  // A new selection (a click in the view or the lists) scrolls its card into the panel.
  const std::string selection = s.view.selected_bone ? *s.view.selected_bone
                                : s.view.selected_muscle ? std::to_string(anatomy::side_index(s.view.selected_muscle->first)) + ":" +
                                                               std::to_string(s.view.selected_muscle->second)
                                                         : std::string();
  if (!selection.empty() && selection != ui.card_scrolled_to) ImGui::SetScrollHereY(0.0f);
  ui.card_scrolled_to = selection;
  if (s.view.selected_bone && model) bone_card(s, *model, info, bones);
  else muscle_card(s, frame, info);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] help, screenshot, file browser
// ---------------------------------------------------------------------------------------------

void help_window(UiState& ui) {
  if (!ui.show_help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::Begin("Keyboard and mouse (F1)", &ui.show_help, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  const char* rows[][2] = {{"Space", "play / pause the drill"},
                           {"Left / Right", "step one frame"},
                           {"Page Up / Page Down", "previous / next phase"},
                           {"S", "switch the working side"},
                           {"W", "highlight: working / stretched"},
                           {"O", "joint-limit overlay on / off"},
                           {"K", "skin on / off"},
                           {"L", "landmark labels on / off"},
                           {"R", "reset the pose to the anatomical position"},
                           {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo a pose edit"},
                           {"1 2 3 4 5", "front, back, left, right, top view"},
                           {"C / F / Home", "close-up of the working hip / frame / reset view"},
                           {"Ctrl+P", "screenshot"},
                           {"Ctrl+O", "open a model"},
                           {"F5", "presentation mode"},
                           {"F1", "this help"},
                           {"Esc", "deselect / close"},
                           {"Ctrl+Q", "quit"},
                           {"Left drag", "orbit; on the thigh or shin: turn the hip (Alt+drag: always orbit)"},
                           {"Right / middle drag", "pan"},
                           {"Wheel", "zoom toward the cursor"},
                           {"Click / double-click", "select a muscle or bone (its card) / centre on a point"}};
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "%s", r[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r[1]);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

void screenshot_window(UiState& ui, UiActions& a) {
  if (!ui.screenshot_open) return;
  ImGui::Begin("Screenshot", &ui.screenshot_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  char path[512];
  std::snprintf(path, sizeof path, "%s", ui.screenshot.path.c_str());
  if (ImGui::InputText("File", path, sizeof path)) ui.screenshot.path = path;
  ImGui::InputInt("Width", &ui.screenshot.width, 64, 256);
  ImGui::InputInt("Height", &ui.screenshot.height, 64, 256);
  ui.screenshot.width = std::clamp(ui.screenshot.width, 16, 8192);
  ui.screenshot.height = std::clamp(ui.screenshot.height, 16, 8192);
  ImGui::Checkbox("Transparent background", &ui.screenshot.transparent);
  hint("Panels and gizmos are left out; the overlay and labels stay.");
  if (ImGui::Button("Save PNG")) {
    a.screenshot = ui.screenshot;
    ui.screenshot_open = false;
  }
  ImGui::End();
}

void file_browser(UiState& s, UiActions& a) {
  if (!s.browser_open) return;
  ImGui::SetNextWindowSize(ImVec2(520, 420), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Open model", &s.browser_open)) {
    ImGui::End();
    return;
  }
  std::error_code ec;
  if (s.browser_dir.empty() || !fs::is_directory(s.browser_dir, ec)) s.browser_dir = fs::current_path(ec).string();
  ImGui::TextWrapped("%s", s.browser_dir.c_str());
  if (ImGui::Button("Up")) s.browser_dir = fs::path(s.browser_dir).parent_path().string();
  ImGui::SameLine();
  ImGui::TextDisabled("glTF / GLB / FBX / COLLADA - or drop a file on the window");
  ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(s.browser_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec))
    entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    std::error_code e1, e2;
    const bool dx = x.is_directory(e1), dy = y.is_directory(e2);
    return dx != dy ? dx : x.path().filename() < y.path().filename();
  });
  for (const auto& e : entries) {
    std::error_code e1;
    const std::string name = e.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    std::string ext = e.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (e.is_directory(e1)) {
      if (ImGui::Selectable((name + "/").c_str())) s.browser_dir = e.path().string();
    } else if (ext == ".gltf" || ext == ".glb" || ext == ".fbx" || ext == ".dae") {
      if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) && ImGui::IsMouseDoubleClicked(0)) {
        a.open_file = e.path().string();
        s.browser_open = false;
      }
    }
  }
  ImGui::EndChild();
  if (ImGui::Button("Cancel")) s.browser_open = false;
  ImGui::End();
}

// Presentation mode hides a panel until the mouse comes near its edge.
bool panel_visible(const UiState& ui, bool left_edge) {
  if (!ui.presentation) return true;
  const float margin = 40.0f;
  return left_edge ? ui.mouse.x < margin : ui.mouse.x > ui.viewport.x - margin;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] fonts, shortcuts, entry point
// ---------------------------------------------------------------------------------------------

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& st = ImGui::GetStyle();
  // Panels are opaque rectangles: an unchanged panel is then left in the image from the last frame
  // and the scene is not drawn under it (app/ui_layers.h), which halves what the UI costs a
  // software renderer.
  st.WindowRounding = 0.0f;
  st.Colors[ImGuiCol_WindowBg].w = 1.0f;
  st.WindowBorderSize = 0.0f;
  st.Colors[ImGuiCol_ResizeGrip].w = 0.0f;  // shown on hover (its anti-aliased edge reaches past the panel)
  st.FrameRounding = 3.0f;
}

void setup_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const char* regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const char* bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  // Glyphs baked one texel per pixel at the UI scale and snapped to whole pixels: the atlas can
  // then be sampled nearest (app/ui_font_texture.h), which gives the same text and costs a software
  // renderer much less than bilinear filtering of oversampled glyphs.
  ImFontConfig cfg;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  std::error_code ec;
  if (fs::exists(regular, ec)) {
    io.Fonts->AddFontFromFileTTF(regular, std::round(16.0f * scale), &cfg);
    g_font_large = io.Fonts->AddFontFromFileTTF(fs::exists(bold, ec) ? bold : regular, std::round(30.0f * scale), &cfg);
  } else {
    cfg.SizePixels = std::round(13.0f * scale);
    io.Fonts->AddFontDefault(&cfg);
    g_font_large = nullptr;
  }
  io.FontGlobalScale = 1.0f;
  // Anti-aliased lines from geometry, not from the atlas (which needs bilinear sampling).
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;
}

void handle_shortcuts(UiState& ui, session::Session& s, UiActions& a) {
  ImGuiIO& io = ImGui::GetIO();
  const std::vector<std::pair<int, int>> keys = std::move(ui.keys_pressed);
  ui.keys_pressed.clear();
  if (io.WantTextInput) return;
  constexpr int kShift = 1, kCtrl = 2;
  // Key codes are GLFW's (letters are their ASCII capitals; see the constants above).
  constexpr int kSpace = 32, kEscape = 256, kRight = 262, kLeft = 263, kPageUp = 266, kPageDown = 267, kHome = 268;
  for (const auto& [k, mods] : keys) {
    const bool ctrl = (mods & kCtrl) != 0, shift = (mods & kShift) != 0;
    if (ctrl) {
      if (k == key('Q')) a.quit = true;
      if (k == key('Z')) shift ? s.redo() : s.undo();
      if (k == key('P')) ui.screenshot_open = true;
      if (k == key('O')) ui.browser_open = true;
      continue;
    }
    if (k == kKeyF1) ui.show_help = !ui.show_help;
    if (k == kKeyF5) ui.presentation = !ui.presentation;
    if (k == kEscape) {
      if (ui.show_help) ui.show_help = false;
      else if (ui.screenshot_open) ui.screenshot_open = false;
      else session::clear_selection(s.view);
    }
    if (s.timeline()) {
      motion::Playback& pb = s.playback();
      if (k == kSpace) {
        s.set_mode(session::Mode::kDrill);
        pb.toggle();
      }
      if (k == kRight) pb.step(1), s.set_mode(session::Mode::kDrill);
      if (k == kLeft) pb.step(-1), s.set_mode(session::Mode::kDrill);
      if (k == kPageDown) pb.next_phase(), s.set_mode(session::Mode::kDrill);
      if (k == kPageUp) pb.previous_phase(), s.set_mode(session::Mode::kDrill);
    }
    if (k == key('S')) {
      s.set_side(s.side() == Side::kRight ? Side::kLeft : Side::kRight);
      a.settings_changed = true;
    }
    if (k == key('W')) {
      s.view.highlight = s.view.highlight == HighlightMode::kWorking ? HighlightMode::kStretched : HighlightMode::kWorking;
      a.settings_changed = true;
    }
    if (k == key('O')) s.view.overlay = !s.view.overlay, a.settings_changed = true;
    if (k == key('K')) s.view.show_skin = !s.view.show_skin, a.settings_changed = true;
    if (k == key('L')) ui.show_labels = !ui.show_labels, a.settings_changed = true;
    if (k == key('R')) s.reset_pose();
    const CameraRequest views[] = {CameraRequest::kFront, CameraRequest::kBack, CameraRequest::kLeft, CameraRequest::kRight,
                                   CameraRequest::kTop};
    for (int i = 0; i < 5; ++i)
      if (k == '1' + i) a.camera = views[i];
    if (k == key('C')) a.camera = CameraRequest::kWorkingHip;
    if (k == key('F')) a.camera = CameraRequest::kFrame;
    if (k == kHome) a.camera = CameraRequest::kReset;
  }
}

UiActions draw_app_ui(UiState& ui, session::Session& s, const session::ComputedFrame& frame, const Model* model,
                      const std::vector<MuscleInfo>& info, const BoneCards* bones) {
  UiActions a;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ui.viewport = {vp->WorkSize.x, vp->WorkSize.y};
  ui.mouse = {ImGui::GetIO().MousePos.x - vp->WorkPos.x, ImGui::GetIO().MousePos.y - vp->WorkPos.y};
  handle_shortcuts(ui, s, a);
  const bool body = model && model->find_node("pelvis") >= 0;

  // The side panels end above the playback bar and the status line, so nothing overlaps them.
  const float side_h = std::max(200.0f, vp->WorkSize.y - 196.0f * ui.ui_scale);
  if (panel_visible(ui, true)) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8, vp->WorkPos.y + 8), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330 * ui.ui_scale, side_h), ImGuiCond_FirstUseEver);
    ImGui::Begin("HipLab", nullptr, ImGuiWindowFlags_NoCollapse);
    model_and_view(ui, a);
    if (body) {
      drills_panel(s, ui, a);
      overlay_panel(s, a);
      if (ImGui::CollapsingHeader("Hands-on angles", ImGuiTreeNodeFlags_DefaultOpen)) pose_panel(s);
    }
    ImGui::End();
  }
  if (body && panel_visible(ui, false)) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8, vp->WorkPos.y + 8), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(360 * ui.ui_scale, side_h), ImGuiCond_FirstUseEver);
    ImGui::Begin("Muscles", nullptr, ImGuiWindowFlags_NoCollapse);
    muscles_panel(s, ui, a, frame, info, model, bones);
    ImGui::End();
  }
  if (body) {
    if (!ui.presentation || ui.mouse.y > ui.viewport.y - 160) playback_panel(s, ui);
    cue_banner(s, ui);
  }
  help_window(ui);
  screenshot_window(ui, a);
  file_browser(ui, a);

  if (!ui.message.empty()) {
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.3f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::Begin("##message", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.message_is_error ? ImVec4(1.0f, 0.5f, 0.45f, 1) : ImVec4(1, 0.85f, 0.4f, 1));
    ImGui::PushTextWrapPos(vp->WorkSize.x * 0.6f);
    ImGui::TextUnformatted(ui.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (ImGui::Button("Dismiss")) ui.message.clear();
    ImGui::End();
  }
  if (!ui.hover_text.empty() && !ImGui::GetIO().WantCaptureMouse) ImGui::SetTooltip("%s", ui.hover_text.c_str());

  if (ui.presentation) {
    // Laser pointer: a bright dot with a soft halo at the cursor.
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const ImVec2 m = ImGui::GetIO().MousePos;
    fg->AddCircleFilled(m, 16.0f * ui.ui_scale, IM_COL32(255, 40, 40, 60), 24);
    fg->AddCircleFilled(m, 6.0f * ui.ui_scale, IM_COL32(255, 30, 30, 235), 16);
  } else {
    const float h = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    UiState::StatusFigures& st = ui.status;
    st.sum_frame += ui.frame_ms;
    st.sum_gpu += std::max(ui.gpu_ms, 0.0);
    ++st.count;
    const double now = ImGui::GetTime();
    if (st.since < 0.0 || now - st.since >= 0.25) {
      st.frame_ms = st.sum_frame / st.count;
      st.gpu_ms = st.sum_gpu / st.count;
      st.sum_frame = st.sum_gpu = 0.0;
      st.count = 0;
      st.since = now;
    }
    ImGui::Text("frame %.1f ms   GPU %.1f ms   %dx MSAA   %s   F1: help", st.frame_ms, st.gpu_ms, ui.samples,
                ui.renderer_name.c_str());
    ImGui::End();
  }
  return a;
}

}  // namespace hiplab::ui
