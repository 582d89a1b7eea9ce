#include "scene/props.h"

#include <algorithm>
#include <cmath>

namespace hiplab {

namespace {

// An axis-aligned box in the frame (axis, up, side), centre c, half sizes h (along axis, up, side).
void add_box(DynamicMesh& m, glm::vec3 c, glm::vec3 axis, glm::vec3 h) {
  const glm::vec3 up(0.0f, 1.0f, 0.0f);
  const glm::vec3 side = glm::normalize(glm::cross(axis, up));
  const glm::vec3 e[3] = {axis * h.x, up * h.y, side * h.z};
  // Six faces, each a quad wound outward.
  for (int f = 0; f < 3; ++f)
    for (float s : {-1.0f, 1.0f}) {
      const glm::vec3 n = glm::normalize(e[f]) * s;
      const glm::vec3 a = e[(f + 1) % 3], b = e[(f + 2) % 3];
      const glm::vec3 o = c + e[f] * s;
      const auto base = static_cast<std::uint32_t>(m.vertices.size());
      const glm::vec3 corners[4] = {o - a - b, o + a - b, o + a + b, o - a + b};
      for (const glm::vec3& p : corners) {
        Vertex v;
        v.position = p;
        v.normal = n;
        m.vertices.push_back(v);
      }
      const bool flip = glm::dot(glm::cross(corners[1] - corners[0], corners[2] - corners[0]), n) < 0.0f;
      static constexpr std::uint32_t kOut[6] = {0, 1, 2, 0, 2, 3}, kFlipped[6] = {0, 2, 1, 0, 3, 2};
      for (std::uint32_t i : flip ? kFlipped : kOut) m.indices.push_back(base + i);
    }
}

// A capped-open tube of radius r from a to b (8 sides: thin things at a few pixels).
void add_tube(DynamicMesh& m, glm::vec3 a, glm::vec3 b, float r) {
  const glm::vec3 d = b - a;
  const float len = glm::length(d);
  if (len < 1e-5f) return;
  const glm::vec3 t = d / len;
  const glm::vec3 ref = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(t, ref)), w = glm::cross(t, u);
  constexpr int kSides = 8;
  const auto base = static_cast<std::uint32_t>(m.vertices.size());
  for (int end = 0; end < 2; ++end)
    for (int k = 0; k < kSides; ++k) {
      const float ang = 6.2831853f * static_cast<float>(k) / kSides;
      const glm::vec3 n = std::cos(ang) * u + std::sin(ang) * w;
      Vertex v;
      v.position = (end ? b : a) + r * n;
      v.normal = n;
      m.vertices.push_back(v);
    }
  for (std::uint32_t k = 0; k < kSides; ++k) {
    const std::uint32_t k1 = (k + 1) % kSides;
    m.indices.insert(m.indices.end(), {base + k, base + k1, base + kSides + k1, base + k, base + kSides + k1, base + kSides + k});
  }
}

void push_draw(DrawList& out, int dyn, int first, int count, glm::vec4 colour) {
  if (count <= 0) return;
  MeshDraw d;
  d.dynamic_mesh = dyn;
  d.first_index = first;
  d.index_count = count;
  d.tint = colour;
  d.use_tint_only = true;
  d.cull_back = false;  // tubes are open at their ends
  d.casts_shadow = true;
  out.meshes.push_back(d);
}

}  // namespace

float band_radius(float stretch) { return kBandRadius / std::sqrt(std::max(stretch, 1.0f)); }

void add_props(const Props& props, DrawList& out) {
  if (props.mat) {
    // Flat in the floor (the floor pass draws it, with the body's contact shadow on it).
    out.floor.mat = true;
    out.floor.mat_centre = {props.mat_centre.x, props.mat_centre.z};
    const glm::vec2 axis(props.mat_axis.x, props.mat_axis.z);
    out.floor.mat_axis = glm::length(axis) > 1e-6f ? glm::normalize(axis) : glm::vec2(1.0f, 0.0f);
    out.floor.mat_half = 0.5f * props.mat_size;
  }
  if (!props.seat_top && props.pulls.empty() && !props.partner_hand && !props.grip) return;
  DynamicMesh m;
  const int dyn = static_cast<int>(out.dynamic_meshes.size());
  std::vector<std::pair<glm::ivec2, glm::vec4>> parts;  // index range and colour of each part
  auto part = [&](glm::vec4 colour, auto&& build) {
    const int first = static_cast<int>(m.indices.size());
    build();
    parts.push_back({{first, static_cast<int>(m.indices.size()) - first}, colour});
  };
  // Colours, linear RGB: a light wooden bench, a green band, a dark steel cable.
  if (props.seat_top) {
    part({0.45f, 0.32f, 0.20f, 1.0f}, [&] {
      const glm::vec3 top = *props.seat_top;
      const float board = 0.03f, leg = 0.025f;
      const glm::vec3 side = glm::normalize(glm::cross(props.seat_axis, glm::vec3(0, 1, 0)));
      add_box(m, top - glm::vec3(0, 0.5f * board, 0), props.seat_axis, {0.5f * props.seat_size.x, 0.5f * board, 0.5f * props.seat_size.y});
      const float leg_h = std::max(0.0f, top.y - board);
      for (float sa : {-1.0f, 1.0f})
        for (float ss : {-1.0f, 1.0f}) {
          const glm::vec3 at = top + props.seat_axis * (sa * (0.5f * props.seat_size.x - leg)) + side * (ss * (0.5f * props.seat_size.y - leg));
          add_box(m, glm::vec3(at.x, 0.5f * leg_h, at.z), props.seat_axis, {leg * 0.5f, 0.5f * leg_h, leg * 0.5f});
        }
    });
  }
  for (const PropPull& p : props.pulls) {
    if (p.elastic) {
      part({0.05f, 0.42f, 0.16f, 1.0f}, [&] {
        add_tube(m, p.attachment, p.target, band_radius(p.stretch));
        add_box(m, p.target, glm::vec3(1, 0, 0), glm::vec3(0.02f));  // the anchor
      });
    } else {
      part({0.08f, 0.08f, 0.09f, 1.0f}, [&] {
        add_tube(m, p.attachment, p.target, kCableRadius);
        // Over the pulley and straight down to the stack on the floor.
        const glm::vec3 bottom(p.target.x, 0.35f, p.target.z);
        add_tube(m, p.target, bottom, kCableRadius);
        add_box(m, p.target, glm::vec3(1, 0, 0), glm::vec3(0.03f));  // the pulley housing
      });
      part({0.30f, 0.30f, 0.32f, 1.0f}, [&] {
        add_box(m, glm::vec3(p.target.x, 0.175f, p.target.z), glm::vec3(1, 0, 0), {0.12f, 0.175f, 0.08f});  // weight stack
      });
    }
  }
  if (props.grip) {
    part({0.08f, 0.08f, 0.09f, 1.0f}, [&] {
      const glm::vec3 g = *props.grip;
      // The handle: a vertical bar 12 cm long and 3 cm thick (a cable machine's stirrup grip)
      // through the middle of the fist.
      add_tube(m, g - glm::vec3(0, 0.06f, 0), g + glm::vec3(0, 0.06f, 0), 0.015f);
      // Its arm, level, out from the machine's column (at the first cable's pulley, or 30 cm
      // beyond the handle away from the body's vertical line when there is no cable), and the
      // column from the floor to above it.
      glm::vec3 column = g;
      for (const PropPull& p : props.pulls)
        if (!p.elastic) {
          column = p.target;
          break;
        }
      if (column == g) column = g + glm::vec3(0.3f, 0.0f, 0.0f);
      const glm::vec3 foot(column.x, 0.0f, column.z), top(column.x, std::max(g.y, column.y) + 0.25f, column.z);
      add_tube(m, g + glm::vec3(0, 0.06f, 0), glm::vec3(column.x, g.y + 0.06f, column.z), 0.012f);
      add_tube(m, g - glm::vec3(0, 0.06f, 0), glm::vec3(column.x, g.y - 0.06f, column.z), 0.012f);
      add_box(m, 0.5f * (foot + top), glm::vec3(1, 0, 0), {0.03f, 0.5f * (top.y - foot.y), 0.03f});
    });
  }
  if (props.partner_hand) {
    part({0.60f, 0.42f, 0.33f, 1.0f}, [&] {  // skin-toned: a person's hand, not equipment
      const Props::Hand& h = *props.partner_hand;
      glm::vec3 press(h.press.x, 0.0f, h.press.z);  // add_box's frame keeps y up
      press = glm::length(press) > 1e-4f ? glm::normalize(press) : glm::vec3(1.0f, 0.0f, 0.0f);
      // The palm: 2.4 cm thick along the press, 9 cm tall, 8 cm wide (adult hand, de Leva 1996
      // hand length 0.108 of height); the forearm a 3 cm tube to the partner.
      add_box(m, h.palm, press, {0.012f, 0.045f, 0.04f});
      add_tube(m, h.palm - 0.012f * press, h.forearm_end, 0.03f);
    });
  }
  out.dynamic_meshes.push_back(std::move(m));
  for (const auto& [range, colour] : parts) push_draw(out, dyn, range.x, range.y, colour);
}

}  // namespace hiplab
