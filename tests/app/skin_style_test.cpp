// Tests the skin display choices through the headless renderer on the shipped body (issue "a whole
// person doing the drill": faint and smooth, a silhouette outline, or off): the faint skin veils the
// front of the thighs, the outline leaves the front of the body as it is with the skin off and draws
// only along the silhouette, and off draws nothing.
#include <doctest/doctest.h>

#include <cstdlib>

#include "app/headless.h"
#include "app/paths.h"
#include "assets/model_loader.h"
#include "render/gl_context.h"
#include "session/view_state.h"
#include "test_support.h"

using namespace hiplab;

namespace {

Image shoot(app::HeadlessSession& hs, const Model& model, bool show_skin, bool outline) {
  session::ViewSettings view;
  view.overlay = false;
  view.highlight = HighlightMode::kNone;
  view.show_skin = show_skin;
  view.skin_outline = outline;
  session::ComputedFrame frame;
  session::compute_frame(session::standing_pose(model), view, frame);
  app::ViewRequest req;
  req.frame = frame.request;
  req.view = ViewPreset::kFront;
  req.width = 320;
  req.height = 320;
  auto img = app::render_view(hs, model, NodeTransforms::bind(model), req);
  REQUIRE_MESSAGE(img.ok(), (img.ok() ? "" : img.error().message));
  return img.value();
}

// Pixels whose colour differs from `base` by more than a few levels.
int changed(const Image& a, const Image& base) {
  int n = 0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4)
    n += std::abs(a.rgba[i] - base.rgba[i]) + std::abs(a.rgba[i + 1] - base.rgba[i + 1]) +
             std::abs(a.rgba[i + 2] - base.rgba[i + 2]) > 12;
  return n;
}

}  // namespace

TEST_CASE("skin display: faint veils the thighs, the outline only the silhouette, off nothing") {
  auto hs = app::HeadlessSession::create(true);
  if (!hs.ok() && test::gl_unavailable(hs.error().message)) HIPLAB_SKIP(hs.error().message);
  REQUIRE_MESSAGE(hs.ok(), (hs.ok() ? "" : hs.error().message));
  auto model = load_model(app::default_model_path());  // the shipped body: required
  REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().message));
  const Image off = shoot(*hs.value(), model.value(), false, false);
  const Image faint = shoot(*hs.value(), model.value(), true, false);
  const Image outline = shoot(*hs.value(), model.value(), true, true);
  const int by_faint = changed(faint, off), by_outline = changed(outline, off);
  CAPTURE(by_faint);
  CAPTURE(by_outline);
  // The faint surface covers the legs and trunk; the outline is a line along their edges: visible,
  // but a small part of what the faint skin covers.
  CHECK(by_faint > 3000);
  CHECK(by_outline > 150);
  CHECK(by_outline < by_faint / 3);
  // The front of the right thigh (the picture's left of centre, a third of the way down): veiled by
  // the faint skin, as with the skin off under the outline.
  const int x = 320 / 2 - 28, y = 320 / 3;
  auto differs = [&](const Image& a) {
    const std::uint8_t *p = a.pixel(x, y), *q = off.pixel(x, y);
    return std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]);
  };
  CHECK(differs(faint) > 12);
  CHECK(differs(outline) <= 6);
  CHECK(gl_error_count() == 0);
}
