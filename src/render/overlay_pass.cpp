#include "render/overlay_pass.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include <stb_truetype.h>

#include "core/label_layout.h"
#include "core/log.h"
#include "render/gl.h"
#include "render/gl_program.h"

namespace hiplab {
namespace {

constexpr int kAtlas = 512;
constexpr float kBakePx = 48.0f;
constexpr int kFirstChar = 32, kCharCount = 95;

struct Font {
  bool ok = false;
  std::vector<unsigned char> pixels;
  stbtt_bakedchar chars[kCharCount];
  float ascent = 0.0f;
};

const Font& font() {
  static Font f;
  static std::once_flag once;
  std::call_once(once, [] {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("HIPLAB_FONT"); env && *env) candidates.emplace_back(env);
    candidates.emplace_back("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    candidates.emplace_back("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    for (const std::string& path : candidates) {
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::vector<unsigned char> ttf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (ttf.size() < 1024) continue;
      f.pixels.assign(kAtlas * kAtlas, 0);
      if (stbtt_BakeFontBitmap(ttf.data(), 0, kBakePx, f.pixels.data(), kAtlas, kAtlas, kFirstChar, kCharCount, f.chars) <= 0)
        continue;
      stbtt_fontinfo info;
      if (stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0))) {
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
        f.ascent = static_cast<float>(ascent) * stbtt_ScaleForPixelHeight(&info, kBakePx);
      }
      f.ok = true;
      return;
    }
    log_warning("no label font found (install fonts-dejavu-core or set HIPLAB_FONT); labels are not drawn");
  });
  return f;
}

struct OverlayVertex {
  glm::vec4 clip;
  glm::vec2 uv;
  glm::vec4 color;
  // Anti-aliasing (the overlay is drawn once per pixel): x = distance in pixels from the shape's
  // core, y = the core's half width; coverage = clamp(y + 0.5 - |x|, 0, 1).
  glm::vec2 aa{0.0f, 1e4f};
};

}  // namespace

float overlay_text_width(const std::string& text, float size_px) {
  const Font& f = font();
  if (!f.ok) return 0.0f;
  float w = 0.0f;
  for (char ch : text) {
    int c = static_cast<unsigned char>(ch);
    if (c < kFirstChar || c >= kFirstChar + kCharCount) c = '?';
    w += f.chars[c - kFirstChar].xadvance;
  }
  return w * size_px / kBakePx;
}

struct OverlayPass::Impl {
  GLuint program = 0, vao = 0, vbo = 0, font_tex = 0;
  GLint loc_alpha = -1, loc_font = -1;
  std::vector<OverlayVertex> shapes, text;
};

Result<std::unique_ptr<OverlayPass>> OverlayPass::create() {
  std::unique_ptr<OverlayPass> o(new OverlayPass());
  o->impl_ = std::make_unique<Impl>();
  Impl& m = *o->impl_;
  auto program = link("overlay.vert.glsl", "overlay.frag.glsl");
  if (!program) return program.error();
  m.program = program.value().id;
  m.loc_alpha = glGetUniformLocation(m.program, "u_alpha_scale");
  m.loc_font = glGetUniformLocation(m.program, "u_font");
  glGenVertexArrays(1, &m.vao);
  glGenBuffers(1, &m.vbo);
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, clip)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, color)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 2, GL_FLOAT, GL_FALSE, sizeof(OverlayVertex), reinterpret_cast<void*>(offsetof(OverlayVertex, aa)));
  glBindVertexArray(0);
  glGenTextures(1, &m.font_tex);
  glBindTexture(GL_TEXTURE_2D, m.font_tex);
  const Font& f = font();
  std::vector<unsigned char> blank(16, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (f.ok) glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kAtlas, kAtlas, 0, GL_RED, GL_UNSIGNED_BYTE, f.pixels.data());
  else glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, 4, 4, 0, GL_RED, GL_UNSIGNED_BYTE, blank.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return o;
}

OverlayPass::~OverlayPass() {
  if (!impl_) return;
  glDeleteProgram(impl_->program);
  glDeleteVertexArrays(1, &impl_->vao);
  glDeleteBuffers(1, &impl_->vbo);
  glDeleteTextures(1, &impl_->font_tex);
}

bool OverlayPass::has_font() const { return font().ok; }

bool OverlayPass::prepare(const DrawList& list, const glm::mat4& view_proj, int width, int height) {
  Impl& m = *impl_;
  m.shapes.clear();
  m.text.clear();
  if (list.overlay_lines.empty() && list.overlay_triangles.empty() && list.overlay_labels.empty() && list.legend.empty() &&
      list.captions.empty())
    return false;
  const glm::vec2 size(static_cast<float>(width), static_cast<float>(height));
  const float scale = list.ui_scale;
  const glm::vec2 no_uv(-1.0f, -1.0f);
  // World → (screen pixels, ndc depth); false when behind the eye.
  auto project = [&](const glm::vec3& p, glm::vec2& px, float& depth) {
    const glm::vec4 c = view_proj * glm::vec4(p, 1.0f);
    if (c.w <= 1e-5f) return false;
    const glm::vec3 ndc = glm::vec3(c) / c.w;
    px = (glm::vec2(ndc) * 0.5f + 0.5f) * size;
    depth = std::clamp(ndc.z, -1.0f, 1.0f);
    return true;
  };
  auto to_clip = [&](glm::vec2 px, float depth) { return glm::vec4(px / size * 2.0f - 1.0f, depth, 1.0f); };
  auto quad = [&](std::vector<OverlayVertex>& out, const glm::vec4 c[4], const glm::vec2 uv[4], const glm::vec4& color) {
    const int order[6] = {0, 1, 2, 0, 2, 3};
    for (int i : order) out.push_back({c[i], uv[i], color});
  };
  // A screen-space segment a -> b (pixels) of half width `half`, square caps, its sides fading over
  // one pixel; a == b gives a square dot.
  auto segment = [&](std::vector<OverlayVertex>& out, glm::vec2 a, glm::vec2 b, float half, const glm::vec4& color) {
    glm::vec2 dir = b - a;
    const float len = glm::length(dir);
    dir = len > 1e-3f ? dir / len : glm::vec2(1.0f, 0.0f);
    const glm::vec2 nrm(-dir.y, dir.x);
    a -= dir * half;
    b += dir * half;
    const float w = half + 1.0f;
    const OverlayVertex v[4] = {{to_clip(a - nrm * w, -1.0f), no_uv, color, {-w, half}},
                                {to_clip(b - nrm * w, -1.0f), no_uv, color, {-w, half}},
                                {to_clip(b + nrm * w, -1.0f), no_uv, color, {w, half}},
                                {to_clip(a + nrm * w, -1.0f), no_uv, color, {w, half}}};
    for (int i : {0, 1, 2, 0, 2, 3}) out.push_back(v[i]);
  };
  // A solid screen rectangle (lo, hi: y-up pixels) over the scene.
  auto rect = [&](std::vector<OverlayVertex>& out, glm::vec2 lo, glm::vec2 hi, const glm::vec4& color) {
    const glm::vec4 c[4] = {to_clip(lo, -1), to_clip({hi.x, lo.y}, -1), to_clip(hi, -1), to_clip({lo.x, hi.y}, -1)};
    const glm::vec2 uv[4] = {no_uv, no_uv, no_uv, no_uv};
    quad(out, c, uv, color);
  };
  // A line of text from the font atlas, its baseline starting at `origin` (y-up pixels), `s` atlas
  // pixels to screen pixels; characters the atlas lacks are drawn as '?'.
  auto glyphs = [&](std::vector<OverlayVertex>& out, const Font& f, const std::string& text, glm::vec2 origin, float s,
                    const glm::vec4& color) {
    float x = 0.0f;
    for (char ch : text) {
      int code = static_cast<unsigned char>(ch);
      if (code < kFirstChar || code >= kFirstChar + kCharCount) code = '?';
      stbtt_aligned_quad q;
      float qx = x, qy = 0.0f;
      stbtt_GetBakedQuad(f.chars, kAtlas, kAtlas, code - kFirstChar, &qx, &qy, &q, 1);
      // stb's y grows downward; flip about the baseline.
      const glm::vec2 p0 = origin + glm::vec2(q.x0 * s, -q.y1 * s), p1 = origin + glm::vec2(q.x1 * s, -q.y0 * s);
      const glm::vec4 c[4] = {to_clip(p0, -1), to_clip({p1.x, p0.y}, -1), to_clip(p1, -1), to_clip({p0.x, p1.y}, -1)};
      const glm::vec2 uv[4] = {{q.s0, q.t1}, {q.s1, q.t1}, {q.s1, q.t0}, {q.s0, q.t0}};
      quad(out, c, uv, color);
      x = qx;
    }
  };

  for (const OverlayTriangles& t : list.overlay_triangles) {
    // Edges used by one triangle only are the shape's outline: they get a one-pixel fringe that
    // fades out (shared edges inside the shape get none, so no seams).
    std::map<std::pair<std::size_t, std::size_t>, int> uses;
    auto key = [&](std::size_t a, std::size_t b) {
      auto less = [&](std::size_t i, std::size_t j) {
        const glm::vec3 &p = t.vertices[i], &q = t.vertices[j];
        return p.x < q.x || (p.x == q.x && (p.y < q.y || (p.y == q.y && p.z < q.z)));
      };
      // Vertices are repeated per triangle: identify them by position (the first index holding it).
      return less(b, a) ? std::make_pair(b, a) : std::make_pair(a, b);
    };
    std::map<std::tuple<float, float, float>, std::size_t> first;
    std::vector<std::size_t> id(t.vertices.size());
    for (std::size_t i = 0; i < t.vertices.size(); ++i)
      id[i] = first.try_emplace({t.vertices[i].x, t.vertices[i].y, t.vertices[i].z}, i).first->second;
    for (std::size_t i = 0; i + 2 < t.vertices.size(); i += 3)
      for (int e = 0; e < 3; ++e) ++uses[key(id[i + e], id[i + (e + 1) % 3])];
    for (std::size_t i = 0; i + 2 < t.vertices.size(); i += 3) {
      glm::vec2 px[3];
      float d[3];
      if (!project(t.vertices[i], px[0], d[0]) || !project(t.vertices[i + 1], px[1], d[1]) ||
          !project(t.vertices[i + 2], px[2], d[2]))
        continue;
      for (int k = 0; k < 3; ++k) m.shapes.push_back({to_clip(px[k], d[k]), no_uv, t.color});
      for (int e = 0; e < 3; ++e) {
        const int a = e, b = (e + 1) % 3, c = (e + 2) % 3;
        if (uses[key(id[i + a], id[i + b])] != 1) continue;
        const glm::vec2 along = px[b] - px[a];
        if (glm::length(along) < 1e-4f) continue;
        glm::vec2 out = glm::normalize(glm::vec2(-along.y, along.x));
        if (glm::dot(out, px[c] - px[a]) > 0.0f) out = -out;
        const OverlayVertex in_a{to_clip(px[a], d[a]), no_uv, t.color, {0.0f, 0.0f}};
        const OverlayVertex in_b{to_clip(px[b], d[b]), no_uv, t.color, {0.0f, 0.0f}};
        const OverlayVertex out_a{to_clip(px[a] + out, d[a]), no_uv, t.color, {1.0f, 0.0f}};
        const OverlayVertex out_b{to_clip(px[b] + out, d[b]), no_uv, t.color, {1.0f, 0.0f}};
        m.shapes.insert(m.shapes.end(), {in_a, in_b, out_b, in_a, out_b, out_a});
      }
    }
  }
  for (const OverlayLine& l : list.overlay_lines) {
    const std::size_t n = l.points.size();
    if (n < 2) continue;
    const float half = 0.5f * l.width_px * scale;
    const std::size_t segments = l.closed ? n : n - 1;
    for (std::size_t i = 0; i < segments; ++i) {
      glm::vec2 a, b;
      float da, db;
      if (!project(l.points[i], a, da) || !project(l.points[(i + 1) % n], b, db)) continue;
      glm::vec2 dir = b - a;
      const float len = glm::length(dir);
      if (len < 1e-3f) {  // a zero-length line is a dot
        const glm::vec4 c[4] = {to_clip(a + glm::vec2(-half, -half), da), to_clip(a + glm::vec2(half, -half), da),
                                to_clip(a + glm::vec2(half, half), da), to_clip(a + glm::vec2(-half, half), da)};
        const glm::vec2 uv[4] = {no_uv, no_uv, no_uv, no_uv};
        quad(m.shapes, c, uv, l.color);
        continue;
      }
      dir /= len;
      const glm::vec2 nrm(-dir.y, dir.x);
      a -= dir * half;  // square caps close the joints of a smooth polyline
      b += dir * half;
      // One pixel wider on each side, fading out there (anti-aliasing at one sample per pixel).
      const float w = half + 1.0f;
      const OverlayVertex v[4] = {{to_clip(a - nrm * w, da), no_uv, l.color, {-w, half}},
                                  {to_clip(b - nrm * w, db), no_uv, l.color, {-w, half}},
                                  {to_clip(b + nrm * w, db), no_uv, l.color, {w, half}},
                                  {to_clip(a + nrm * w, da), no_uv, l.color, {w, half}}};
      for (int i : {0, 1, 2, 0, 2, 3}) m.shapes.push_back(v[i]);
    }
  }
  const Font& f = font();
  if (f.ok) {
    // The picture's legend: one box in the bottom-left corner of the label area, a line per entry,
    // a colour swatch before those that have one. Laid out before the labels so that none goes under
    // it (issue 12: "labels never clip under a panel").
    const float legend_px = 15.0f * scale, legend_s = legend_px / kBakePx;
    const float legend_line = kBakePx * 1.35f * legend_s, legend_pad = 0.5f * legend_px, legend_sw = 0.8f * legend_px;
    std::vector<LabelBox> fixed;
    if (!list.legend.empty()) {
      float width = 0.0f;
      for (const LegendEntry& e : list.legend)
        width = std::max(width, overlay_text_width(e.text, legend_px) + (e.swatch.a > 0.0f ? legend_sw + 0.5f * legend_px : 0.0f));
      const glm::vec2 box(width + 2.0f * legend_pad, legend_line * static_cast<float>(list.legend.size()) + legend_pad);
      // The label area in y-up pixels (the whole view when it is unset).
      const glm::vec4& area = list.label_area;
      glm::vec2 area_lo(0.0f), area_hi = size;
      if (area.z > area.x && area.w > area.y) area_lo = glm::vec2(area.x, size.y - area.w), area_hi = glm::vec2(area.z, size.y - area.y);
      // Bottom left, then top left, bottom right, top right: the first corner that covers the
      // fewest of the body's keep-clear points (within a margin), so the legend sits beside the
      // legs rather than over them (the 90/90's front shin lay under it in the window).
      const float inset = 6.0f * scale, margin = 8.0f * scale;
      std::vector<glm::vec2> clear_px;
      clear_px.reserve(list.keep_clear.size());
      for (const glm::vec3& p : list.keep_clear) {
        glm::vec2 px;
        float d;
        if (project(p, px, d)) clear_px.push_back(px);
      }
      glm::vec2 best(0.0f);
      int best_count = -1;
      for (const glm::vec2 corner : {glm::vec2(area_lo.x + inset, area_lo.y + inset), glm::vec2(area_lo.x + inset, area_hi.y - inset - box.y),
                                     glm::vec2(area_hi.x - inset - box.x, area_lo.y + inset),
                                     glm::vec2(area_hi.x - inset - box.x, area_hi.y - inset - box.y)}) {
        int count = 0;
        for (const glm::vec2& px : clear_px)
          count += px.x > corner.x - margin && px.x < corner.x + box.x + margin && px.y > corner.y - margin && px.y < corner.y + box.y + margin;
        if (best_count < 0 || count < best_count) best = corner, best_count = count;
        if (count == 0) break;
      }
      fixed.push_back({best, best + box});
    }
    std::vector<LabelBox> placed;  // screen boxes of the labels laid out so far
    // Every leader line goes under every label: a later label's line must not cross an earlier
    // label's text (the 90/90's stacked gluteal labels lost a bracket to the line below them).
    struct PlacedLabel {
      const OverlayLabel* label;
      glm::vec2 at, origin, box_lo, box_hi;
      float s;
    };
    std::vector<PlacedLabel> laid;
    // Labels without a leader line first (a value beside its arc has to sit by its anchor), then
    // those with one (a named muscle's line joins it to its anchor wherever it goes).
    std::vector<const OverlayLabel*> order;
    order.reserve(list.overlay_labels.size());
    for (const bool leader : {false, true})
      for (const OverlayLabel& l : list.overlay_labels)
        if (l.leader == leader) order.push_back(&l);
    for (const OverlayLabel* label_ptr : order) {
      const OverlayLabel& label = *label_ptr;
      glm::vec2 at;
      float depth;
      if (!project(label.anchor, at, depth) || label.text.empty()) continue;
      const float s = label.size_px * scale / kBakePx;
      const float w = overlay_text_width(label.text, label.size_px * scale);
      float align_x = label.align_x;
      glm::vec2 offset = label.offset_px * scale;
      if (label.leader) {
        // Out from the anchor along `away` as it falls on screen (up where it points at the viewer),
        // the text on the far side of its end.
        glm::vec2 dir(0.0f, 1.0f);
        glm::vec2 toward;
        float d;
        if (glm::dot(label.away, label.away) > 0.0f && project(label.anchor + 0.05f * glm::normalize(label.away), toward, d) &&
            glm::length(toward - at) > 1.5f)
          dir = glm::normalize(toward - at);
        offset = dir * label.leader_px * scale;
        align_x = dir.x > 0.35f ? 0.0f : dir.x < -0.35f ? 1.0f : 0.5f;
      } else if (glm::dot(label.away, label.away) > 0.0f) {
        glm::vec2 toward;
        float d;
        if (project(label.anchor + 0.05f * glm::normalize(label.away), toward, d)) {
          const float dx = toward.x - at.x;
          if (std::abs(dx) > 1.5f) align_x = dx > 0.0f ? 0.0f : 1.0f;
        }
      }
      const float ascent = f.ascent * s, line = kBakePx * 1.15f * s;
      const float pad = 0.3f * label.size_px * scale;
      // Baseline origin (screen pixels, y up).
      glm::vec2 origin = at + offset - glm::vec2(align_x * w, 0.5f * ascent - 0.1f * line);
      // Where a label would cover one already placed (the two hips seen from the side, landmarks
      // close together), it moves down below it: greedy placement in the list's order.
      const glm::vec2 box_lo(-pad, -0.28f * line - pad * 0.5f), box_hi(w + pad, ascent + pad * 0.5f);
      const glm::vec4& area = list.label_area;
      const bool in_area = area.z > area.x && area.w > area.y;
      // A named thing's label stays whole inside the picture, and every label clear of the
      // window's panels (a named thing's line still reaches its anchor). label_area is y-down;
      // these pixels are y-up.
      const float margin = 3.0f * scale;
      glm::vec2 lo(0.0f), hi = size;
      if (in_area) {
        lo = glm::max(lo, glm::vec2(area.x, size.y - area.w));
        hi = glm::min(hi, glm::vec2(area.z, size.y - area.y));
      }
      const bool bounded = label.leader || in_area;
      if (bounded) {
        const glm::vec2 min_origin = lo + glm::vec2(margin) - box_lo;
        origin = glm::clamp(origin, min_origin, glm::max(hi - glm::vec2(margin) - box_hi, min_origin));
      }
      // Off the labels placed before it (greedy, in the list's order) and off the legend.
      origin = place_label(origin, box_lo, box_hi, placed, fixed, {lo + glm::vec2(margin), hi - glm::vec2(margin)}, bounded);
      placed.push_back({origin + box_lo, origin + box_hi});
      laid.push_back({&label, at, origin, box_lo, box_hi, s});
    }
    for (const PlacedLabel& p : laid) {
      const OverlayLabel& label = *p.label;
      if (!label.leader) continue;
      // The line from the anchor to the nearest point of the label's box, and a dot at the anchor,
      // over the scene (in the text layer), with a dark edge so it reads on any colour.
      const glm::vec2 end = glm::clamp(p.at, p.origin + p.box_lo, p.origin + p.box_hi);
      const glm::vec4 edge(0.02f, 0.02f, 0.03f, 0.8f * label.leader_color.a);
      segment(m.text, p.at, end, 1.6f * scale, edge);
      segment(m.text, p.at, end, 0.8f * scale, label.leader_color);
      segment(m.text, p.at, p.at, 3.2f * scale, edge);
      segment(m.text, p.at, p.at, 2.2f * scale, label.leader_color);
    }
    for (const PlacedLabel& p : laid) {
      if (p.label->background.a > 0.0f) rect(m.text, p.origin + p.box_lo, p.origin + p.box_hi, p.label->background);
      glyphs(m.text, f, p.label->text, p.origin, p.s, p.label->color);
    }
    // The legend box laid out above.
    if (!list.legend.empty()) {
      const float px = legend_px, s = legend_s, line = legend_line, pad = legend_pad, sw = legend_sw;
      const glm::vec2 lo = fixed.front().lo, hi = fixed.front().hi;
      rect(m.text, lo, hi, glm::vec4(0.05f, 0.05f, 0.08f, 0.78f));
      float y = hi.y - pad * 0.5f - f.ascent * s;
      for (const LegendEntry& e : list.legend) {
        glm::vec2 origin(lo.x + pad, y);
        if (e.swatch.a > 0.0f) {
          const glm::vec2 a = origin + glm::vec2(0.0f, -0.1f * px);
          rect(m.text, a, a + glm::vec2(sw, sw), glm::vec4(glm::vec3(e.swatch), 1.0f));
          origin.x += sw + 0.5f * px;
        }
        glyphs(m.text, f, e.text, origin, s, glm::vec4(0.92f, 0.93f, 0.96f, 1.0f));
        y -= line;
      }
    }
    // Captions: each line wrapped at spaces to fit, centred, the lines of one caption on one box.
    for (const Caption& cap : list.captions) {
      struct Row {
        std::string text;
        float size, width;
        glm::vec4 color;
      };
      std::vector<Row> rows;
      const float max_w = 0.92f * size.x;
      for (const CaptionLine& cl : cap.lines) {
        std::string row;
        std::size_t i = 0;
        while (i <= cl.text.size()) {
          const std::size_t sp = std::min(cl.text.find(' ', i), cl.text.size());
          const std::string word = cl.text.substr(i, sp - i);
          const std::string tried = row.empty() ? word : row + " " + word;
          if (!row.empty() && overlay_text_width(tried, cl.size_px) > max_w) {
            rows.push_back({row, cl.size_px, overlay_text_width(row, cl.size_px), cl.color});
            row = word;
          } else {
            row = tried;
          }
          i = sp + 1;
        }
        if (!row.empty()) rows.push_back({row, cl.size_px, overlay_text_width(row, cl.size_px), cl.color});
      }
      if (rows.empty()) continue;
      float box_w = 0.0f, box_h = 0.0f, pad = 0.0f;
      for (const Row& r : rows) {
        box_w = std::max(box_w, r.width);
        box_h += 1.25f * r.size;
        pad = std::max(pad, 0.45f * r.size);
      }
      box_w += 2.0f * pad;
      box_h += pad;
      const float margin = 0.5f * pad;
      const float top_y = cap.top ? size.y - margin : margin + box_h;  // y-up pixels
      const glm::vec2 lo(0.5f * (size.x - box_w), top_y - box_h), hi(0.5f * (size.x + box_w), top_y);
      if (cap.background.a > 0.0f) rect(m.text, lo, hi, cap.background);
      float y = top_y - 0.5f * pad;
      for (const Row& r : rows) {
        const float s = r.size / kBakePx;
        y -= 1.25f * r.size;
        glyphs(m.text, f, r.text, glm::vec2(0.5f * (size.x - r.width), y + 0.3f * r.size), s, r.color);
      }
    }
  }

  return !m.shapes.empty() || !m.text.empty();
}

void OverlayPass::draw() {
  Impl& m = *impl_;
  if (m.shapes.empty() && m.text.empty()) return;
  glUseProgram(m.program);
  glUniform1i(m.loc_font, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, m.font_tex);
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  if (!m.shapes.empty()) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.shapes.size() * sizeof(OverlayVertex)), m.shapes.data(),
                 GL_STREAM_DRAW);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_GREATER);  // behind the scene: faded, so the overlay is never lost
    glUniform1f(m.loc_alpha, 0.38f);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m.shapes.size()));
    glDepthFunc(GL_LEQUAL);
    glUniform1f(m.loc_alpha, 1.0f);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m.shapes.size()));
    glDepthFunc(GL_LESS);
  }
  if (!m.text.empty()) {
    glDisable(GL_DEPTH_TEST);
    glUniform1f(m.loc_alpha, 1.0f);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.text.size() * sizeof(OverlayVertex)), m.text.data(),
                 GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m.text.size()));
    glEnable(GL_DEPTH_TEST);
  }
  glDepthMask(GL_TRUE);
  glBindVertexArray(0);
}

}  // namespace hiplab
