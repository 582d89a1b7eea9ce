// fuzz_cli_values.cpp — libFuzzer target (and corpus replay test) for the command-line value
// parsers: the first byte picks the parser, the rest is the value as typed — --pose assignments,
// --size WxH, plain numbers, --side, --highlight and muscle names (--select, --muscle).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "anatomy/muscle_names.h"
#include "app/cli_values.h"
#include "app/cmd_drill_moment.h"
#include "scene/highlight.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 6) {
    case 0: {
      auto p = app::parse_pose_assignments(text);
      if (p) {
        for (const auto& [channel, value] : p.value())
          if (!std::isfinite(value)) std::abort();  // only finite angles get through
      } else if (p.error().message.empty()) {
        std::abort();
      }
      break;
    }
    case 1: {
      auto s = app::parse_size("--size", text, 8192);
      if (s && (s->width < 1 || s->height < 1 || s->width > 8192 || s->height > 8192)) std::abort();
      break;
    }
    case 2: {
      auto n = app::parse_finite_number(text);
      if (n && !std::isfinite(*n)) std::abort();
      break;
    }
    case 3: (void)app::parse_side(text); break;
    case 4: {
      HighlightMode m = HighlightMode::kNone;
      (void)parse_highlight_mode(text, m);
      break;
    }
    default: {
      auto sel = anatomy::find_muscles(text);
      if (sel && sel->muscles.empty()) std::abort();
      break;
    }
  }
  return 0;
}
