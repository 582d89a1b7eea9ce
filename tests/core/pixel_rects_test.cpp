// Tests src/core/pixel_rects.h against a brute-force pixel grid.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "core/pixel_rects.h"

using namespace hiplab;

namespace {

bool contains(const glm::ivec4& r, int x, int y) { return x >= r.x && x < r.x + r.z && y >= r.y && y < r.y + r.w; }

}  // namespace

TEST_CASE("rectangles: overlap and intersection share their edges correctly") {
  CHECK(rects_overlap({0, 0, 10, 10}, {5, 5, 10, 10}));
  CHECK_FALSE(rects_overlap({0, 0, 10, 10}, {10, 0, 5, 5}));  // touching edges do not overlap
  CHECK_FALSE(rects_overlap({0, 0, 0, 10}, {0, 0, 5, 5}));    // empty
  CHECK(rect_intersection({0, 0, 10, 10}, {5, 2, 10, 3}) == glm::ivec4(5, 2, 5, 3));
  CHECK(rect_empty(rect_intersection({0, 0, 10, 10}, {20, 20, 5, 5})));
}

TEST_CASE("rectangles: the uncovered part of an area is exactly the pixels no cover holds, each once") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pos(-10, 70), len(0, 40), count(0, 7);
  for (int trial = 0; trial < 300; ++trial) {
    const glm::ivec4 area(pos(rng) / 4, pos(rng) / 4, 20 + len(rng), 20 + len(rng));
    std::vector<glm::ivec4> covers(static_cast<std::size_t>(count(rng)));
    for (glm::ivec4& c : covers) c = glm::ivec4(pos(rng), pos(rng), len(rng), len(rng));
    const std::vector<glm::ivec4> open = uncovered_rects(area, covers);
    for (const glm::ivec4& o : open) REQUIRE_FALSE(rect_empty(o));
    for (int y = -15; y < 120; ++y)
      for (int x = -15; x < 120; ++x) {
        bool covered = false;
        for (const glm::ivec4& c : covers) covered = covered || contains(c, x, y);
        const bool want = contains(area, x, y) && !covered;
        int hits = 0;
        for (const glm::ivec4& o : open) hits += contains(o, x, y);
        REQUIRE_MESSAGE(hits == (want ? 1 : 0), "trial " << trial << " pixel " << x << "," << y);
      }
  }
}

TEST_CASE("rectangles: an area under one cover leaves nothing, and side panels leave one middle piece") {
  CHECK(uncovered_rects({0, 0, 100, 50}, {{-5, -5, 200, 200}}).empty());
  // Two full-height side panels: the middle comes back as a single rectangle (bands merged).
  const auto open = uncovered_rects({0, 0, 1280, 720}, {{0, 0, 330, 720}, {912, 0, 368, 720}});
  REQUIRE(open.size() == 1);
  CHECK(open[0] == glm::ivec4(330, 0, 582, 720));
}
