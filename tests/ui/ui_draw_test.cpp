// Tests src/ui/ui_draw.h (with render/ui_pass.h and render/texture.h) against Dear ImGui's own OpenGL 3 backend: the same frame of panels
// (window, text, buttons, slider, checkbox, plot lines) drawn both ways gives the same pixels, so
// splitting each command into plain shapes and text changes nothing that shows.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/headless.h"
#include "render/gl.h"
#include "render/gl_context.h"
#include "ui/app_ui.h"
#include "ui/ui_draw.h"

using namespace hiplab;

namespace {

std::vector<std::uint8_t> draw_into(GLuint fbo, int w, int h, const std::function<void()>& draw) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, w, h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0.3f, 0.35f, 0.4f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  draw();
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return px;
}

}  // namespace

TEST_CASE("the UI drawn with plain shapes and text apart matches Dear ImGui's own backend") {
  auto session = app::HeadlessSession::create(/*debug=*/true);
  REQUIRE_MESSAGE(session.ok(), (session.ok() ? "" : session.error().message));
  const int w = 360, h = 260;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  io.DeltaTime = 1.0f / 60.0f;
  ImGui::StyleColorsDark();
  ui::setup_fonts(1.0f);
  REQUIRE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  auto ui_draw = ui::UiDraw::create();
  REQUIRE(ui_draw);

  // The stock backend makes its own font texture here; ours replaces it in the atlas, so both draw
  // the same text texture and what differs is only how the draw lists are drawn.
  ImGui_ImplOpenGL3_NewFrame();
  ui_draw->upload_fonts();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(10, 10));
  ImGui::SetNextWindowSize(ImVec2(320, 230));
  ImGui::Begin("Hip rotation");
  ImGui::Text("Internal rotation 35 deg");
  ImGui::Button("Working hip (C)");
  static float angle = 20.0f;
  ImGui::SliderFloat("flexion", &angle, 0.0f, 120.0f);
  static bool on = true;
  ImGui::Checkbox("Rotation arcs", &on);
  const float curve[] = {-29.0f, -20.0f, -5.0f, 6.0f, 14.0f};
  ImGui::PlotLines("moment arm", curve, 5, 0, nullptr, -30.0f, 15.0f, ImVec2(200, 50));
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(30, 200), ImVec2(120, 220), IM_COL32(230, 120, 40, 200));
  ImGui::End();
  ImGui::Render();

  GLuint fbo = 0, tex = 0;
  glGenFramebuffers(1, &fbo);
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
  REQUIRE(glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE);

  const auto stock = draw_into(fbo, w, h, [] { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); });
  const auto ours = draw_into(fbo, w, h, [&] { ui_draw->draw(ImGui::GetDrawData(), w, h); });
  int differ = 0, worst = 0, drawn = 0;
  for (std::size_t i = 0; i < stock.size(); i += 4) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(static_cast<int>(stock[i + c]) - static_cast<int>(ours[i + c])));
    worst = std::max(worst, d);
    differ += d > 2;
    drawn += std::abs(static_cast<int>(stock[i]) - 77) > 8;  // not the clear colour (0.3 → 77)
  }
  INFO("pixels differing by more than 2: " << differ << ", worst " << worst);
  CHECK(drawn > w * h / 3);  // the window and its widgets are there
  CHECK(differ <= w * h / 1000);
  CHECK(gl_error_count() == 0);

  glDeleteFramebuffers(1, &fbo);
  glDeleteTextures(1, &tex);
  ui_draw.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}
