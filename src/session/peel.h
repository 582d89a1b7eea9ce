// peel.h — taking muscle layers away from the outside in, as a dissection does: per body region
// (hip, thigh, leg) a peel level 0 (nothing taken), 1 (the superficial layer taken) or 2
// (superficial and intermediate taken); the deep layer always stays. Presets peel where a group of
// muscles lies and keep that group whatever its layer ("deep rotators", "hip flexors").
// The layers are data (anatomy/muscle_layers.h, read by assets/muscle_layers.h).
//
// peeled_muscles() is THE mapping from a peel to what it hides: compute_frame (session/view_state.h)
// uses it for the window and `hiplab render`; anything else that draws or writes the view (an
// export) should call it too, or go through compute_frame. Both sides are peeled alike.
#pragma once
#include <array>
#include <bitset>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "anatomy/muscle_layers.h"
#include "scene/camera.h"

namespace hiplab::session {

inline constexpr int kMaxPeelLevel = 2;

struct Peel {
  // Per anatomy::BodyRegion: 0..kMaxPeelLevel; a muscle of that region whose layer index is below
  // the level is taken away.
  std::array<int, anatomy::kBodyRegionCount> level{};
  std::bitset<anatomy::kMuscleCount> keep;  // never taken away (a preset's own muscles)
  std::string preset;                       // the preset's id while the peel is one ("" otherwise)
  bool operator==(const Peel& o) const { return level == o.level && keep == o.keep && preset == o.preset; }
  bool any() const { return level[0] > 0 || level[1] > 0 || level[2] > 0; }
};

// Every region at `level` (clamped to 0..kMaxPeelLevel); what `hiplab render --peel N` asks for.
Peel whole_body_peel(int level);

// True when the peel takes muscle m (0..kMuscleCount-1) away.
bool is_peeled(const Peel& peel, const anatomy::MuscleLayers& layers, int m);
// The same for every muscle (index: anatomy/muscle_data.h order).
std::array<bool, anatomy::kMuscleCount> peeled_muscles(const Peel& peel, const anatomy::MuscleLayers& layers);

struct PeelPreset {
  std::string_view id;     // for the command line and the settings: "deep-rotators"
  std::string_view label;  // for the window: "Deep rotators"
  std::string_view what;   // one line for the window
  std::array<int, anatomy::kBodyRegionCount> level;
  std::array<std::string_view, 5> muscles;  // kept and meant to be in view ("" past the last)
  ViewPreset view;                          // the side they are seen from
};
std::span<const PeelPreset> peel_presets();
const PeelPreset* find_peel_preset(std::string_view id);
Peel preset_peel(const PeelPreset& preset);

// `--peel` values: "0", "1", "2" (every region) or a preset id; nullopt for anything else.
std::optional<Peel> parse_peel(std::string_view text);
std::string peel_values_help();  // "0, 1, 2, deep-rotators or hip-flexors"

// The peel that shows muscle m as the outermost layer of its region: that region's level set to
// m's layer index. It brings back a muscle the peel took away (the layers under it stay off) and
// takes away what lies over a covered one (covered_by_layer). Other regions and the kept muscles
// stay; the preset id is dropped (the peel is no longer the preset).
Peel peel_to_show(const Peel& peel, const anatomy::MuscleLayers& layers, int m);
// True when some muscle of m's region lies in a shallower layer than m and is not peeled: m is
// (at least partly) under it. `hidden[k]` marks muscles hidden otherwise (the user's own hide).
bool covered_by_layer(const Peel& peel, const anatomy::MuscleLayers& layers, int m,
                      const std::array<bool, anatomy::kMuscleCount>& hidden = {});

// "hip: superficial and intermediate off; thigh, leg: all on" — for the window and reports.
std::string describe_peel(const Peel& peel);

}  // namespace hiplab::session
