#include "anatomy/muscle_names.h"

#include <string>

#include "anatomy/muscle_data.h"

namespace hiplab::anatomy {
namespace {

// Lower case, '_' '-' '(' ')' as spaces, runs of spaces as one, no leading or trailing space.
std::string normal(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_' || c == '-' || c == '(' || c == ')' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The name without the part in parentheses: "gluteus medius (posterior)" -> "gluteus medius".
std::string_view base_of(std::string_view label) {
  const size_t p = label.find(" (");
  return p == std::string_view::npos ? label : label.substr(0, p);
}

}  // namespace

std::optional<MuscleSelection> find_muscles(std::string_view raw) {
  MuscleSelection sel;
  // The model id, with or without its side suffix, exactly as muscle_data.h spells it.
  std::optional<Side> id_side;
  if (const auto m = find_muscle(raw, &id_side)) {
    sel.muscles = {*m};
    sel.side = id_side;
    return sel;
  }
  std::string name = normal(raw);
  auto strip = [&](std::string_view word, Side s, bool leading) {
    const std::string w(word);
    if (leading && name.rfind(w + " ", 0) == 0) {
      name.erase(0, w.size() + 1);
      sel.side = s;
    } else if (!leading && name.size() > w.size() + 1 && name.compare(name.size() - w.size() - 1, std::string::npos, " " + w) == 0) {
      name.erase(name.size() - w.size() - 1);
      sel.side = s;
    }
  };
  for (bool leading : {true, false}) {
    strip("right", Side::kRight, leading);
    strip("left", Side::kLeft, leading);
  }
  strip("r", Side::kRight, false);  // "piriformis_r" (the '_' became a space)
  strip("l", Side::kLeft, false);
  if (name.empty()) return std::nullopt;
  auto collect = [&](auto&& match) {
    for (int i = 0; i < kMuscleCount; ++i)
      if (match(muscle(i))) sel.muscles.push_back(i);
    return !sel.muscles.empty();
  };
  if (collect([&](const MuscleSpec& m) { return normal(m.name) == name; })) return sel;
  if (collect([&](const MuscleSpec& m) { return normal(m.label) == name; })) return sel;
  if (collect([&](const MuscleSpec& m) { return normal(base_of(m.label)) == name; })) return sel;
  if (collect([&](const MuscleSpec& m) { return normal(muscle_group_name(m.group)) == name; })) return sel;
  return std::nullopt;
}

}  // namespace hiplab::anatomy
