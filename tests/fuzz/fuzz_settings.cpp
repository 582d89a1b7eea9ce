// fuzz_settings.cpp — libFuzzer target (and corpus replay test) for the settings reader: any bytes
// as settings.json. Whatever it reads stays in range (the reader replaces what it cannot use).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "assets/settings.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool corrupt = false;
  const SettingsLoad s = parse_settings(std::string_view(reinterpret_cast<const char*>(data), size), "settings.json", &corrupt);
  const Settings& v = s.settings;
  if (v.window_width < 320 || v.window_width > 16384 || v.window_height < 240 || v.window_height > 16384) std::abort();
  if (!(v.ui_scale >= 1.0f && v.ui_scale <= 2.5f)) std::abort();
  if (v.side != "left" && v.side != "right") std::abort();
  if (v.highlight != "none" && v.highlight != "working" && v.highlight != "stretched") std::abort();
  if (corrupt && s.warning.empty()) std::abort();
  return 0;
}
