// playback_bar.cpp — the playback bar at the bottom: play/pause, phase and frame steps, loop, the
// scrub bar with the drill's phases, the set/rep count and the speed. See ui/panels.h.
#include "ui/panels.h"

#include <algorithm>

#include <imgui.h>

#include "ui/widgets.h"

namespace hiplab::ui {

namespace {

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

}  // namespace

void playback_panel(session::Session& s, UiState& ui) {
  const motion::Timeline* tl = s.timeline();
  if (!tl) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = vp->WorkSize.x * 0.5f;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - ImGui::GetFrameHeight() - 8),
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::Begin("Playback", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  note_panel(ui);
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

}  // namespace hiplab::ui
