// peel.cpp — see peel.h.
#include "session/peel.h"

#include <algorithm>

namespace hiplab::session {
namespace {

// Deep rotators: the short external rotators lie under gluteus maximus (superficial) and, at their
// upper edge, gluteus medius (intermediate) — Gray's Anatomy 42nd ed., gluteal region; seen from
// behind once both gluteal layers over them are off (hip region at level 2). Gait2392 models
// obturator internus with the gemelli ("gem") and has no obturator externus.
// Hip flexors: iliacus, psoas, rectus femoris, sartorius and tensor fasciae latae (Neumann 3rd ed.,
// chapter 'Hip': the primary hip flexors), seen from the front with the other hip and thigh
// muscles over and around them taken away; they are kept whatever their layer.
constexpr PeelPreset kPresets[] = {
    {"deep-rotators", "Deep rotators", "Gluteus maximus and medius taken away: piriformis, the gemelli with obturator internus and quadratus femoris from behind.",
     {2, 0, 0}, {"peri", "gem", "quad_fem", "", ""}, ViewPreset::kBack},
    {"hip-flexors", "Hip flexors", "Hip and thigh peeled to the deep layer around iliacus, psoas, rectus femoris, sartorius and TFL, seen from the front.",
     {2, 2, 0}, {"iliacus", "psoas", "rect_fem", "sar", "tfl"}, ViewPreset::kFront},
};

int layer_index(const anatomy::MuscleLayers& layers, int m) { return static_cast<int>(layers.layer[static_cast<std::size_t>(m)]); }
int region_index(const anatomy::MuscleLayers& layers, int m) { return static_cast<int>(layers.region[static_cast<std::size_t>(m)]); }

}  // namespace

Peel whole_body_peel(int level) {
  Peel p;
  p.level.fill(std::clamp(level, 0, kMaxPeelLevel));
  return p;
}

bool is_peeled(const Peel& peel, const anatomy::MuscleLayers& layers, int m) {
  if (m < 0 || m >= anatomy::kMuscleCount || peel.keep.test(static_cast<std::size_t>(m))) return false;
  return layer_index(layers, m) < peel.level[static_cast<std::size_t>(region_index(layers, m))];
}

std::array<bool, anatomy::kMuscleCount> peeled_muscles(const Peel& peel, const anatomy::MuscleLayers& layers) {
  std::array<bool, anatomy::kMuscleCount> out{};
  for (int m = 0; m < anatomy::kMuscleCount; ++m) out[static_cast<std::size_t>(m)] = is_peeled(peel, layers, m);
  return out;
}

std::span<const PeelPreset> peel_presets() { return kPresets; }

const PeelPreset* find_peel_preset(std::string_view id) {
  for (const PeelPreset& p : kPresets)
    if (p.id == id) return &p;
  return nullptr;
}

Peel preset_peel(const PeelPreset& preset) {
  Peel p;
  p.level = preset.level;
  for (std::string_view name : preset.muscles)
    if (auto m = anatomy::find_muscle(name); m && !name.empty()) p.keep.set(static_cast<std::size_t>(*m));
  p.preset = std::string(preset.id);
  return p;
}

std::optional<Peel> parse_peel(std::string_view text) {
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '0' + kMaxPeelLevel) return whole_body_peel(text[0] - '0');
  if (const PeelPreset* p = find_peel_preset(text)) return preset_peel(*p);
  return std::nullopt;
}

std::string peel_values_help() {
  std::string s = "0 (nothing), 1 (superficial layer off), 2 (superficial and intermediate off)";
  for (const PeelPreset& p : kPresets) s += ", " + std::string(p.id);
  return s;
}

Peel peel_to_show(const Peel& peel, const anatomy::MuscleLayers& layers, int m) {
  Peel p = peel;
  if (m < 0 || m >= anatomy::kMuscleCount) return p;
  p.level[static_cast<std::size_t>(region_index(layers, m))] = layer_index(layers, m);
  p.preset.clear();
  return p;
}

bool covered_by_layer(const Peel& peel, const anatomy::MuscleLayers& layers, int m, const std::array<bool, anatomy::kMuscleCount>& hidden) {
  if (m < 0 || m >= anatomy::kMuscleCount || is_peeled(peel, layers, m)) return false;
  for (int k = 0; k < anatomy::kMuscleCount; ++k)
    if (region_index(layers, k) == region_index(layers, m) && layer_index(layers, k) < layer_index(layers, m) &&
        !is_peeled(peel, layers, k) && !hidden[static_cast<std::size_t>(k)])
      return true;
  return false;
}

std::string describe_peel(const Peel& peel) {
  static constexpr const char* kWhat[] = {"all layers on", "superficial layer off", "superficial and intermediate layers off"};
  std::string out;
  // Regions with the same level are named together ("thigh, leg: all layers on").
  for (int level = kMaxPeelLevel; level >= 0; --level) {
    std::string regions;
    for (int r = 0; r < anatomy::kBodyRegionCount; ++r)
      if (peel.level[static_cast<std::size_t>(r)] == level)
        regions += (regions.empty() ? "" : ", ") + std::string(anatomy::body_region_name(static_cast<anatomy::BodyRegion>(r)));
    if (!regions.empty()) out += (out.empty() ? "" : "; ") + regions + ": " + kWhat[level];
  }
  return out;
}

}  // namespace hiplab::session
