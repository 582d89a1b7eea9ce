// ui_context.h — the Dear ImGui context of the window and of `hiplab bench`, so that nothing outside
// ui/ calls ImGui: made, styled (ui/style.h) and scaled; fed by the GLFW backend on a window, or by
// a fixed display size and frame time offscreen; one frame at a time (new_frame, then the panels,
// then finish_frame, whose draw data ui/ui_draw.h draws). One UiContext at a time (ImGui's context
// is global). The GLFW backend chains to the window's callbacks installed before it.
#pragma once
#include <memory>

struct GLFWwindow;
struct ImDrawData;

namespace hiplab::ui {

class UiContext {
 public:
  // ImGui on a GLFW window (its content scale read by the caller for set_scale).
  static std::unique_ptr<UiContext> for_window(GLFWwindow* window);
  // ImGui without a window: a display of width x height pixels, 1/30 s per frame (the bench).
  static std::unique_ptr<UiContext> offscreen(int width, int height);
  ~UiContext();
  UiContext(const UiContext&) = delete;
  UiContext& operator=(const UiContext&) = delete;

  // The app's style with every size and the fonts at `scale` (1 = as designed); the caller uploads
  // the new font atlas (UiDraw::upload_fonts) before the next frame is drawn.
  void set_scale(float scale);
  void new_frame();
  // Ends the frame: its draw data (owned by ImGui, valid until the next new_frame).
  ImDrawData* finish_frame();
  // The mouse is over a panel (or a panel holds it): the view should not take the click.
  bool mouse_over_ui() const;
  // This frame's left click began now (ImGui's own edge detection, so a quick tap is not lost).
  bool left_clicked() const;
  bool alt_down() const;
  // How many draw lists (panels and layers) a frame's draw data holds.
  static int draw_list_count(const ImDrawData* data);

 private:
  UiContext() = default;
  struct Impl;
  static std::unique_ptr<Impl> start_context();
  std::unique_ptr<Impl> impl_;
};

}  // namespace hiplab::ui
