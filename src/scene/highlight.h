// highlight.h — colours muscles by what they are doing, computed (biomech::analyze_frame), never
// hand-picked: "working" by activation, "stretched" by length relative to the anatomical position.
// Colour maps are perceptually uniform and colour-blind safe: matplotlib's inferno for effort and
// viridis for stretch (van der Walt & Smith 2015), sampled at nine stops and interpolated in sRGB.
// Muscles at rest (activation < 2 %, or no longer than in the anatomical position) are drawn
// muted (opaque: the packed volumes fill the body, and see-through layers of them read as a murky
// ghost) so the working ones stand out; a highlighted muscle under others is also drawn faintly
// through them (MuscleLook::show_through), so a deep working muscle is never hidden.
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "biomech/frame_analysis.h"
#include "scene/body_scene.h"

namespace hiplab {

enum class HighlightMode { kNone, kWorking, kStretched };
const char* highlight_mode_name(HighlightMode m);  // "none", "working", "stretched"
bool parse_highlight_mode(const std::string& name, HighlightMode& out);

constexpr double kRestActivation = 0.02;
constexpr double kStretchFull = 1.25;  // stretch (L / L anatomical) that takes the top colour
constexpr double kShowThroughActivation = 0.10;  // working at least this: may be named and seen through what covers it
constexpr double kShowThroughStretch = 1.08;     // stretched at least this: the same
// A picture names at most this many muscles (more labels crowd the hip), and only those are seen
// through what covers them: a 90/90 hold stretches some twenty hip muscles past
// kShowThroughStretch, and all of them at once through each other read as a heap of glass.
constexpr int kNamedMuscles = 3;

// Linear-RGB colours of the two maps at t in [0, 1].
glm::vec3 inferno(double t);
glm::vec3 viridis(double t);
inline constexpr glm::vec4 kRestMuscle{0.30f, 0.21f, 0.20f, 1.0f};

glm::vec4 working_colour(double activation);   // rest colour below kRestActivation
glm::vec4 stretched_colour(double stretch);    // rest colour at or below 1.0

// Sets each visible muscle's colour in `options` from the analysis (kNone: the default fibre red),
// and show_through for the kNamedMuscles that muscles_to_name picks.
void apply_highlight(const biomech::BiomechResult& result, HighlightMode mode, BodySceneOptions& options);

struct WorkingMuscle {
  anatomy::Side side;
  int muscle;
  double activation;
  double share;  // of the solve's effort, sum of activation squared (what static optimisation minimises)
};
// The muscles a picture names (issue 12: "the muscles that matter at this moment"): the most
// working (activation >= kShowThroughActivation) or most stretched (>= kShowThroughStretch) by
// the mode, largest first, one part per muscle (gluteus medius once, by its busiest part), at
// most n; none for kNone. Stretched, the muscles that cross the hip come first: HipLab stretches
// the hip, and a bent knee stretches the one-joint vasti more than any hip muscle (the figure-4
// named only the three vasti); they are still coloured, and named after the hip's.
std::vector<std::pair<anatomy::Side, int>> muscles_to_name(const biomech::BiomechResult& result, HighlightMode mode, int n);
// Whether a muscle comes first for the mode (the one rule that muscles_to_name and the key moment
// share): stretched, the muscles that cross the hip (the first anatomy::kHipMuscleCount); working,
// every muscle.
bool leads_for(HighlightMode mode, int muscle);

// Muscles sorted by activation, at most n, only those above rest.
std::vector<WorkingMuscle> top_working_muscles(const biomech::BiomechResult& result, int n);

}  // namespace hiplab
