#include "scene/captions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hiplab {

std::vector<Caption> drill_captions(const motion::Drill& drill, const motion::DrillFrame& f, const CaptionOptions& o) {
  std::vector<Caption> out;
  if (f.phase_index < 0 || f.phase_index >= static_cast<int>(drill.phases.size())) return out;
  const motion::Phase& ph = drill.phases[static_cast<std::size_t>(f.phase_index)];
  const float h = static_cast<float>(std::max(o.picture_height, 1));
  const float cue_px = std::max(14.0f, 0.065f * h), small_px = std::max(12.0f, 0.045f * h);
  Caption top;
  top.top = true;
  top.lines.push_back({ph.cues.empty() ? ph.name : ph.cues.front(), cue_px, glm::vec4(1.0f)});
  const glm::vec4 hold_blue(0.55f, 0.8f, 1.0f, 1.0f);  // the cue banner's hold colour
  char text[64];
  if (f.hold && o.shortened_hold_s) {
    std::snprintf(text, sizeof text, "Hold %.0f s", std::round(*o.shortened_hold_s));
    top.lines.push_back({text, cue_px, hold_blue});
  } else if (f.hold) {
    std::snprintf(text, sizeof text, "Hold: %.0f s", std::ceil(f.hold_remaining_s));
    top.lines.push_back({text, cue_px, hold_blue});
  }
  out.push_back(std::move(top));
  if (f.rep > 0) {
    Caption bottom;
    bottom.top = false;
    std::snprintf(text, sizeof text, "Rep %d of %d", f.rep, o.reps > 0 ? o.reps : f.reps);
    bottom.lines.push_back({text, small_px, glm::vec4(0.92f, 0.93f, 0.96f, 1.0f)});
    out.push_back(std::move(bottom));
  }
  return out;
}

}  // namespace hiplab
