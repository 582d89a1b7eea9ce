// Tests the kept-region arithmetic of src/render/compositing.h (no GL needed): the caller's kept
// regions (top-left origin) become GL's bottom-left rectangles clipped to the view, the open
// rectangles tile exactly what they leave, and the multisampled rectangle shrinks to the bounding
// box of its visible part; a plain list (the bench baseline) keeps nothing.
#include <doctest/doctest.h>

#include "core/pixel_rects.h"
#include "render/compositing.h"

using namespace hiplab;

namespace {

long long area(const std::vector<glm::ivec4>& rects) {
  long long a = 0;
  for (const glm::ivec4& r : rects) a += static_cast<long long>(r.z) * r.w;
  return a;
}

DrawList kept_top_left_panel() {
  DrawList list;
  list.kept_regions.push_back(glm::ivec4(0, 0, 100, 50));  // top-left origin: the view's top-left quarter
  return list;
}

}  // namespace

TEST_CASE("kept regions: open rectangles tile the view minus the kept panel, in GL's bottom-left pixels") {
  const KeptRegions kept(kept_top_left_panel(), 200, 100);
  CHECK_FALSE(kept.empty());
  CHECK(area(kept.open_rects()) == 200 * 100 - 100 * 50);
  for (const glm::ivec4& o : kept.open_rects()) {
    INFO("open rect " << o.x << "," << o.y << " " << o.z << "x" << o.w);
    // In GL pixels the panel is x 0..100, y 50..100: no open rectangle overlaps it.
    CHECK_FALSE(rects_overlap(o, glm::ivec4(0, 50, 100, 50)));
    CHECK(rect_intersection(o, glm::ivec4(0, 0, 200, 100)) == o);
  }
}

TEST_CASE("kept regions: the multisampled rectangle shrinks to what the kept panel leaves of it") {
  const KeptRegions kept(kept_top_left_panel(), 200, 100);
  CHECK(kept.visible_part(glm::ivec4(0, 0, 200, 100)) == glm::ivec4(0, 0, 200, 100));  // its bounding box is whole
  CHECK(kept.visible_part(glm::ivec4(10, 60, 50, 30)) == glm::ivec4(0));                 // wholly under the panel
  CHECK(kept.visible_part(glm::ivec4(50, 60, 100, 20)) == glm::ivec4(100, 60, 50, 20));  // its left half hidden
  CHECK(kept.visible_part(glm::ivec4(0)) == glm::ivec4(0));
}

TEST_CASE("kept regions: clipped to the view, and none for a plain list or outside it") {
  DrawList list;
  list.kept_regions.push_back(glm::ivec4(150, 80, 100, 100));  // reaches past the bottom-right corner
  list.kept_regions.push_back(glm::ivec4(300, 0, 10, 10));     // wholly outside
  const KeptRegions clipped(list, 200, 100);
  CHECK(area(clipped.open_rects()) == 200 * 100 - 50 * 20);
  CHECK(clipped.visible_part(glm::ivec4(150, 0, 50, 20)) == glm::ivec4(0));  // GL y 0..20 is the bottom strip

  list.plain = true;
  const KeptRegions plain(list, 200, 100);
  CHECK(plain.empty());
  REQUIRE(plain.open_rects().size() == 1);
  CHECK(plain.open_rects()[0] == glm::ivec4(0, 0, 200, 100));
  CHECK(plain.visible_part(glm::ivec4(150, 0, 50, 20)) == glm::ivec4(150, 0, 50, 20));
}
