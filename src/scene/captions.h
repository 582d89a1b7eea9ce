// captions.h — the captions a drill video burns in (scene/draw_list.h Caption), as the window's cue
// banner shows them (ui/cue_banner.cpp): the phase's first cue (or its name) large at the top, the
// hold countdown under it, and which rep this is at the bottom. Sized from the picture's height so
// they stay legible when a phone shows the whole picture in the width of a hand: the cue is 6.5% of
// the height (47 px in a 720-line video; 18 px in a 270-line GIF, which a phone shows about 2.5x
// larger), never under 14 px.
#pragma once
#include <optional>
#include <vector>

#include "motion/drill.h"
#include "motion/timeline.h"
#include "scene/draw_list.h"

namespace hiplab {

struct CaptionOptions {
  int picture_height = 720;  // pixels
  // A hold the clip plays shorter than it lasts (GIFs): the caption says how long to hold ("Hold
  // 30 s") instead of counting down a time the clip does not show.
  std::optional<double> shortened_hold_s;
  int reps = 0;  // the clip's reps ("Rep 2 of 3"); 0: the frame's own count
};

// The bands of the picture captions cover, as fractions of its height (a one-line cue with its
// countdown at the top, the rep at the bottom): a clip's camera frames the body between them.
inline constexpr float kCaptionTopBand = 0.15f, kCaptionBottomBand = 0.08f;

// The captions of drill frame `f` (of `drill`, the one its timeline plays).
std::vector<Caption> drill_captions(const motion::Drill& drill, const motion::DrillFrame& f, const CaptionOptions& o);

}  // namespace hiplab
