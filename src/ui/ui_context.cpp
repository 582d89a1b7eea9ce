// ui_context.cpp — see ui_context.h.
#include "ui/ui_context.h"

#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include "ui/style.h"

namespace hiplab::ui {

struct UiContext::Impl {
  bool glfw_backend = false;
  ImGuiStyle base_style;  // the app's style at scale 1, scaled again from here on every change
};

std::unique_ptr<UiContext::Impl> UiContext::start_context() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  apply_style();
  auto impl = std::make_unique<UiContext::Impl>();
  impl->base_style = ImGui::GetStyle();
  return impl;
}

std::unique_ptr<UiContext> UiContext::for_window(GLFWwindow* window) {
  std::unique_ptr<UiContext> c(new UiContext());
  c->impl_ = start_context();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  c->impl_->glfw_backend = true;
  return c;
}

std::unique_ptr<UiContext> UiContext::offscreen(int width, int height) {
  std::unique_ptr<UiContext> c(new UiContext());
  c->impl_ = start_context();
  ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  return c;
}

UiContext::~UiContext() {
  if (!impl_) return;
  if (impl_->glfw_backend) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void UiContext::set_scale(float scale) {
  ImGui::GetStyle() = impl_->base_style;
  ImGui::GetStyle().ScaleAllSizes(scale);
  setup_fonts(scale);
}

void UiContext::new_frame() {
  if (impl_->glfw_backend) ImGui_ImplGlfw_NewFrame();
  else ImGui::GetIO().DeltaTime = 1.0f / 30.0f;
  ImGui::NewFrame();
}

ImDrawData* UiContext::finish_frame() {
  ImGui::Render();
  return ImGui::GetDrawData();
}

bool UiContext::mouse_over_ui() const { return ImGui::GetIO().WantCaptureMouse; }
bool UiContext::left_clicked() const { return ImGui::IsMouseClicked(ImGuiMouseButton_Left); }
bool UiContext::alt_down() const { return ImGui::GetIO().KeyAlt; }
int UiContext::draw_list_count(const ImDrawData* data) { return data ? data->CmdListsCount : 0; }

}  // namespace hiplab::ui
