#include "app/cli_values.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace hiplab::app {

std::optional<double> parse_finite_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* stop = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &stop);
  if (*stop != '\0' || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

Result<Size2> parse_size(const std::string& option, const std::string& text, int max_side) {
  const std::string expected = option + " '" + text + "': expected WIDTHxHEIGHT with each side 1.." +
                               std::to_string(max_side) + " (for example 1280x720)";
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos || x == 0 || x + 1 >= text.size()) return make_error(expected);
  auto parse = [](const std::string& s, int& out) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::atoi(s.c_str());
    return true;
  };
  Size2 size;
  if (!parse(text.substr(0, x), size.width) || !parse(text.substr(x + 1), size.height)) return make_error(expected);
  if (size.width < 1 || size.height < 1 || size.width > max_side || size.height > max_side) return make_error(expected);
  return size;
}

}  // namespace hiplab::app
