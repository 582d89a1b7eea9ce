#include "scene/highlight.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace hiplab {
namespace {

// matplotlib inferno and viridis at t = 0, 1/8, ..., 1 (sRGB 0..255).
constexpr std::array<glm::vec3, 9> kInferno{{{0, 0, 4},
                                             {31, 12, 72},
                                             {85, 15, 109},
                                             {136, 34, 106},
                                             {186, 54, 85},
                                             {227, 89, 51},
                                             {249, 140, 10},
                                             {249, 201, 50},
                                             {252, 255, 164}}};
constexpr std::array<glm::vec3, 9> kViridis{{{68, 1, 84},
                                             {71, 44, 122},
                                             {59, 81, 139},
                                             {44, 113, 142},
                                             {33, 144, 141},
                                             {39, 173, 129},
                                             {92, 200, 99},
                                             {170, 220, 50},
                                             {253, 231, 37}}};

float srgb_to_linear(float c) {
  c /= 255.0f;
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

glm::vec3 sample(const std::array<glm::vec3, 9>& map, double t) {
  t = std::clamp(t, 0.0, 1.0) * 8.0;
  const int i = std::min(static_cast<int>(t), 7);
  const float f = static_cast<float>(t - i);
  const glm::vec3 c = map[static_cast<std::size_t>(i)] * (1.0f - f) + map[static_cast<std::size_t>(i) + 1] * f;
  return {srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b)};
}

}  // namespace

const char* highlight_mode_name(HighlightMode m) {
  switch (m) {
    case HighlightMode::kNone: return "none";
    case HighlightMode::kWorking: return "working";
    case HighlightMode::kStretched: return "stretched";
  }
  return "none";
}

bool parse_highlight_mode(const std::string& name, HighlightMode& out) {
  for (HighlightMode m : {HighlightMode::kNone, HighlightMode::kWorking, HighlightMode::kStretched})
    if (name == highlight_mode_name(m)) {
      out = m;
      return true;
    }
  return false;
}

glm::vec3 inferno(double t) { return sample(kInferno, t); }
glm::vec3 viridis(double t) { return sample(kViridis, t); }

glm::vec4 working_colour(double activation) {
  if (!(activation >= kRestActivation)) return kRestMuscle;
  // From a visible purple at rest-threshold to pale yellow at full activation.
  return glm::vec4(inferno(0.3 + 0.68 * std::clamp(activation, 0.0, 1.0)), 1.0f);
}

glm::vec4 stretched_colour(double stretch) {
  if (!(stretch > 1.0 + 1e-3)) return kRestMuscle;
  return glm::vec4(viridis(0.12 + 0.88 * std::clamp((stretch - 1.0) / (kStretchFull - 1.0), 0.0, 1.0)), 1.0f);
}

void apply_highlight(const biomech::BiomechResult& result, HighlightMode mode, BodySceneOptions& options) {
  const std::vector<std::pair<anatomy::Side, int>> named = muscles_to_name(result, mode, kNamedMuscles);
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      MuscleLook& look = options.muscles[static_cast<std::size_t>(s)][static_cast<std::size_t>(m)];
      const biomech::MuscleState& st = result.leg[static_cast<std::size_t>(s)].muscle[static_cast<std::size_t>(m)];
      switch (mode) {
        case HighlightMode::kNone: look.colour = MuscleLook{}.colour; break;
        case HighlightMode::kWorking: look.colour = working_colour(st.activation); break;
        case HighlightMode::kStretched: look.colour = stretched_colour(st.stretch_vs_anatomical); break;
      }
      // Seen through what covers them: the muscles the picture names (the ones that work or stretch
      // most), not every one past the rest threshold (a mobility pose stretches dozens a little, and
      // all of them through each other would be a rainbow fog).
      look.show_through =
          std::find(named.begin(), named.end(), std::pair{static_cast<anatomy::Side>(s), m}) != named.end();
    }
}

bool leads_for(HighlightMode mode, int muscle) { return mode != HighlightMode::kStretched || muscle < anatomy::kHipMuscleCount; }

std::vector<std::pair<anatomy::Side, int>> muscles_to_name(const biomech::BiomechResult& result, HighlightMode mode, int n) {
  struct Candidate {
    anatomy::Side side;
    int muscle;
    double value;
  };
  std::vector<Candidate> all;
  if (mode == HighlightMode::kNone) return {};
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const biomech::MuscleState& st = result.leg[static_cast<std::size_t>(s)].muscle[static_cast<std::size_t>(m)];
      const double v = mode == HighlightMode::kWorking ? st.activation : st.stretch_vs_anatomical;
      const double floor = mode == HighlightMode::kWorking ? kShowThroughActivation : kShowThroughStretch;
      if (v >= floor) all.push_back({static_cast<anatomy::Side>(s), m, v});
    }
  // Stretched: the hip's muscles before the knee's and ankle's (leads_for).
  std::stable_sort(all.begin(), all.end(), [mode](const Candidate& a, const Candidate& b) {
    const bool la = leads_for(mode, a.muscle), lb = leads_for(mode, b.muscle);
    if (la != lb) return la;
    return a.value > b.value;
  });
  // One part per muscle: the family is the label before its part in brackets.
  auto family = [](int m) {
    const std::string_view l = anatomy::muscle(m).label;
    return std::string(l.substr(0, l.find(" (")));
  };
  std::vector<std::pair<anatomy::Side, int>> out;
  std::vector<std::pair<anatomy::Side, std::string>> seen;
  for (const Candidate& c : all) {
    if (static_cast<int>(out.size()) >= n) break;
    const std::pair<anatomy::Side, std::string> f{c.side, family(c.muscle)};
    if (std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    out.emplace_back(c.side, c.muscle);
  }
  return out;
}

std::vector<WorkingMuscle> top_working_muscles(const biomech::BiomechResult& result, int n) {
  std::vector<WorkingMuscle> all;
  double total = 0.0;
  for (int s = 0; s < anatomy::kSideCount; ++s)
    for (int m = 0; m < anatomy::kMuscleCount; ++m) {
      const double a = result.leg[static_cast<std::size_t>(s)].muscle[static_cast<std::size_t>(m)].activation;
      total += a * a;
      if (a >= kRestActivation) all.push_back({static_cast<anatomy::Side>(s), m, a, 0.0});
    }
  for (WorkingMuscle& w : all) w.share = total > 0.0 ? w.activation * w.activation / total : 0.0;
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.activation > b.activation; });
  if (static_cast<int>(all.size()) > n) all.resize(static_cast<std::size_t>(std::max(n, 0)));
  return all;
}

}  // namespace hiplab
