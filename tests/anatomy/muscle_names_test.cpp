// Checks src/anatomy/muscle_names.h: muscles are found by the names people use (issue 13: today
// `moment-arms --muscle piriformis` is refused), as well as by their model ids.
#include "anatomy/muscle_names.h"

#include <doctest/doctest.h>

#include "anatomy/muscle_data.h"

using namespace hiplab::anatomy;

namespace {
std::vector<std::string> ids(const char* name) {
  std::vector<std::string> out;
  if (const auto sel = find_muscles(name))
    for (int m : sel->muscles) out.emplace_back(muscle(m).name);
  return out;
}
}  // namespace

TEST_CASE("a muscle by its model id, its plain name, its name without the part, or its group") {
  CHECK(ids("peri") == std::vector<std::string>{"peri"});
  CHECK(ids("piriformis") == std::vector<std::string>{"peri"});
  CHECK(ids("Piriformis") == std::vector<std::string>{"peri"});
  CHECK(ids("TFL") == std::vector<std::string>{"tfl"});
  CHECK(ids("tensor fasciae latae") == std::vector<std::string>{"tfl"});
  CHECK(ids("gluteus medius") == std::vector<std::string>{"glut_med1", "glut_med2", "glut_med3"});
  CHECK(ids("gluteus_medius") == std::vector<std::string>{"glut_med1", "glut_med2", "glut_med3"});
  CHECK(ids("gluteus maximus (superior)") == std::vector<std::string>{"glut_max1"});
  CHECK(ids("biceps femoris") == std::vector<std::string>{"bifemlh", "bifemsh"});
  const auto ham = ids("hamstrings");
  CHECK(ham.size() >= 4);
  CHECK(ids("piriformus").empty());
  CHECK(ids("").empty());
}

TEST_CASE("a side by suffix or word") {
  auto s = find_muscles("glut_med1_r");
  REQUIRE(s);
  CHECK(s->side == Side::kRight);
  s = find_muscles("piriformis_l");
  REQUIRE(s);
  CHECK(s->side == Side::kLeft);
  CHECK(muscle(s->muscles[0]).name == "peri");
  s = find_muscles("right gluteus medius");
  REQUIRE(s);
  CHECK(s->side == Side::kRight);
  CHECK(s->muscles.size() == 3);
  s = find_muscles("gluteus medius left");
  REQUIRE(s);
  CHECK(s->side == Side::kLeft);
  s = find_muscles("piriformis");
  REQUIRE(s);
  CHECK_FALSE(s->side.has_value());
}
