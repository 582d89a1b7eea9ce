// cli_values.h — parsing command-line values shared by several commands; errors name the option.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"

namespace hiplab::app {

struct Size2 {
  int width = 0, height = 0;
};

// The whole text as one finite number ("12", "-0.5", "1e3"); empty on anything else (trailing
// characters, "nan", "inf", overflow).
std::optional<double> parse_finite_number(const std::string& text);

// "1280x720" → {1280, 720}; each side 1..max_side.
Result<Size2> parse_size(const std::string& option, const std::string& text, int max_side);

}  // namespace hiplab::app
