// panel_anchor.h — where a docked side panel goes when the window changes size (maximised, moved to
// a projector, dragged larger or smaller). Dear ImGui keeps a window's place and size once it has
// appeared, so without this the Muscles panel stayed where the old right edge was (in the middle of
// a maximised window) or hung off the right edge of a smaller one, and both side panels kept the old
// height. Pixels of the window's work area, y down; a rect is (x, y, width, height).
#pragma once
#include <glm/glm.hpp>

namespace hiplab {

// The panel `rect` laid out for a window of `old_size`, moved for one of `new_size`:
// - a panel on the right half keeps its distance from the right edge, one on the left from the
//   left edge; both keep their distance from the top;
// - a panel at the default height it was given (`old_default_h`, within a pixel) takes the new
//   default (`new_default_h`); one the user made shorter or taller keeps its height, but no taller
//   than the new default;
// - the result is clamped inside the new window (its width too, where the window is narrower).
glm::vec4 reanchor_panel(const glm::vec4& rect, glm::vec2 old_size, glm::vec2 new_size, float old_default_h, float new_default_h);

}  // namespace hiplab
