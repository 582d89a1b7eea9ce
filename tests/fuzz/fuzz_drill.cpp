// fuzz_drill.cpp — libFuzzer target (and corpus replay test) for the drill reader: any bytes as a
// drill file (hiplab-drill/1 or /2, JSON). A file the reader accepts must also build a timeline
// for both sides and evaluate anywhere in it; one it refuses must say why. Also the v1 → v2
// upgrade (check-drill --upgrade), whose output must read back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "assets/drill_loader.h"
#include "motion/timeline.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto drill = parse_drill(text, "fuzz.json", "fuzz");
  if (!drill) {
    if (drill.error().message.empty()) std::abort();  // a refusal always says why
  } else {
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = motion::Timeline::build(drill.value(), side);
      if (!tl) continue;
      const double d = tl->duration();
      for (double t : {0.0, 0.37 * d, d, -1.0, d + 1.0}) (void)tl->evaluate(t);
    }
  }
  auto upgraded = upgrade_drill_text(text, "fuzz.json");
  if (upgraded && drill) {
    auto again = parse_drill(upgraded.value(), "fuzz.json", "fuzz");
    if (!again) std::abort();  // an upgrade of a readable file reads back
  }
  return 0;
}
