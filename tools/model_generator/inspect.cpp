// inspect.cpp — see inspect.h.
#include "inspect.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <stb/stb_image_write.h>

namespace hiplab::modelgen {

const char* view_name(View v) {
  switch (v) {
    case View::Front: return "front";
    case View::Side: return "side";
    case View::Top: return "top";
    case View::Back: return "back";
    case View::Medial: return "medial";
    case View::Bottom: return "bottom";
  }
  return "?";
}

glm::vec3 to_screen(View v, glm::vec3 p) {
  switch (v) {
    case View::Front: return {-p.z, p.y, p.x};   // seen from in front: subject's right on the left
    case View::Back: return {p.z, p.y, -p.x};
    case View::Side: return {p.x, p.y, p.z};     // seen from the right: anterior to the right
    case View::Medial: return {-p.x, p.y, -p.z};
    case View::Top: return {p.z, p.x, p.y};      // seen from above: anterior up
    case View::Bottom: return {p.z, -p.x, -p.y};
  }
  return p;
}

bool load_obj(const std::string& path, Mesh& out) {
  std::ifstream f(path);
  if (!f) return false;
  out = Mesh{};
  std::string line;
  while (std::getline(f, line)) {
    if (line.size() < 2) continue;
    if (line[0] == 'v' && line[1] == ' ') {
      std::istringstream s(line.substr(2));
      glm::vec3 p;
      s >> p.x >> p.y >> p.z;
      out.pos.push_back(p);
    } else if (line[0] == 'f' && line[1] == ' ') {
      std::istringstream s(line.substr(2));
      std::string tok;
      std::vector<uint32_t> poly;
      while (s >> tok) poly.push_back(static_cast<uint32_t>(std::stol(tok.substr(0, tok.find('/'))) - 1));
      for (size_t i = 2; i < poly.size(); ++i) out.idx.insert(out.idx.end(), {poly[0], poly[i - 1], poly[i]});
    }
  }
  return !out.pos.empty();
}

void screen_bounds(const std::vector<const Mesh*>& ms, View v, glm::vec2& lo, glm::vec2& hi) {
  lo = glm::vec2(1e30f);
  hi = glm::vec2(-1e30f);
  for (auto* m : ms)
    for (auto& p : m->pos) {
      glm::vec3 s = to_screen(v, p);
      lo = glm::min(lo, glm::vec2(s));
      hi = glm::max(hi, glm::vec2(s));
    }
}

namespace {
template <class F>
void raster(const Mesh& m, View v, glm::vec2 lo, float px, int w, int h, F&& f) {
  for (size_t t = 0; t + 2 < m.idx.size(); t += 3) {
    glm::vec3 s[3];
    for (int q = 0; q < 3; ++q) {
      s[q] = to_screen(v, m.pos[m.idx[t + q]]);
      s[q].x = (s[q].x - lo.x) / px;
      s[q].y = (s[q].y - lo.y) / px;
    }
    float area = (s[1].x - s[0].x) * (s[2].y - s[0].y) - (s[2].x - s[0].x) * (s[1].y - s[0].y);
    if (std::fabs(area) < 1e-12f) continue;
    int x0 = std::max(0, (int)std::floor(std::min({s[0].x, s[1].x, s[2].x})));
    int x1 = std::min(w - 1, (int)std::ceil(std::max({s[0].x, s[1].x, s[2].x})));
    int y0 = std::max(0, (int)std::floor(std::min({s[0].y, s[1].y, s[2].y})));
    int y1 = std::min(h - 1, (int)std::ceil(std::max({s[0].y, s[1].y, s[2].y})));
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        float cx = x + 0.5f, cy = y + 0.5f;
        float w0 = (s[1].x - cx) * (s[2].y - cy) - (s[2].x - cx) * (s[1].y - cy);
        float w1 = (s[2].x - cx) * (s[0].y - cy) - (s[0].x - cx) * (s[2].y - cy);
        float w2 = (s[0].x - cx) * (s[1].y - cy) - (s[1].x - cx) * (s[0].y - cy);
        if (area < 0) { w0 = -w0; w1 = -w1; w2 = -w2; }
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        float a = std::fabs(area);
        float depth = (w0 * s[0].z + w1 * s[1].z + w2 * s[2].z) / a;
        f(x, y, depth, t);
      }
  }
}
}  // namespace

Mask silhouette(const Mesh& m, View v, glm::vec2 lo, glm::vec2 hi, float px) {
  Mask k;
  k.w = (int)std::ceil((hi.x - lo.x) / px);
  k.h = (int)std::ceil((hi.y - lo.y) / px);
  k.px.assign(size_t(k.w) * k.h, 0);
  raster(m, v, lo, px, k.w, k.h, [&](int x, int y, float, size_t) { k.px[size_t(y) * k.w + x] = 1; });
  return k;
}

double silhouette_iou(const Mesh& a, const Mesh& b, View v, float px) {
  glm::vec2 lo, hi;
  screen_bounds({&a, &b}, v, lo, hi);
  lo -= glm::vec2(2 * px);
  hi += glm::vec2(2 * px);
  Mask ma = silhouette(a, v, lo, hi, px), mb = silhouette(b, v, lo, hi, px);
  long in = 0, un = 0;
  for (size_t i = 0; i < ma.px.size(); ++i) {
    in += ma.px[i] && mb.px[i];
    un += ma.px[i] || mb.px[i];
  }
  return un ? double(in) / double(un) : 0.0;
}

Image render_shaded(const std::vector<Shaded>& items, View v, glm::vec2 lo, glm::vec2 hi, float px) {
  Image img;
  img.w = (int)std::ceil((hi.x - lo.x) / px);
  img.h = (int)std::ceil((hi.y - lo.y) / px);
  img.rgb.assign(size_t(img.w) * img.h * 3, 255);
  std::vector<float> z(size_t(img.w) * img.h, -1e30f);
  const glm::vec3 light = glm::normalize(glm::vec3(-0.4f, 0.6f, 0.7f));  // screen space
  for (auto& it : items) {
    const Mesh& m = *it.mesh;
    raster(m, v, lo, px, img.w, img.h, [&](int x, int y, float d, size_t t) {
      size_t i = size_t(img.h - 1 - y) * img.w + x;
      if (d <= z[i]) return;
      z[i] = d;
      glm::vec3 a = to_screen(v, m.pos[m.idx[t]]), b = to_screen(v, m.pos[m.idx[t + 1]]),
                c = to_screen(v, m.pos[m.idx[t + 2]]);
      glm::vec3 n = glm::normalize(glm::cross(b - a, c - a));
      float l = 0.25f + 0.75f * std::fabs(glm::dot(n, light));
      for (int q = 0; q < 3; ++q) img.rgb[i * 3 + q] = (uint8_t)std::min(255.0f, it.colour[q] * l);
    });
  }
  return img;
}

Image overlay(const Mesh& a, const Mesh& b, View v, float px) {
  glm::vec2 lo, hi;
  screen_bounds({&a, &b}, v, lo, hi);
  lo -= glm::vec2(2 * px);
  hi += glm::vec2(2 * px);
  Mask ma = silhouette(a, v, lo, hi, px), mb = silhouette(b, v, lo, hi, px);
  Image img;
  img.w = ma.w;
  img.h = ma.h;
  img.rgb.assign(size_t(img.w) * img.h * 3, 255);
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      size_t s = size_t(y) * img.w + x, d = (size_t(img.h - 1 - y) * img.w + x) * 3;
      bool A = ma.px[s], B = mb.px[s];
      uint8_t r = 255, g = 255, bl = 255;
      if (A && B) r = g = bl = 150;
      else if (A) { r = 230; g = 60; bl = 60; }
      else if (B) { r = 60; g = 90; bl = 230; }
      img.rgb[d] = r; img.rgb[d + 1] = g; img.rgb[d + 2] = bl;
    }
  return img;
}

Image hstack(const std::vector<Image>& imgs) {
  Image out;
  for (auto& i : imgs) { out.w += i.w + 4; out.h = std::max(out.h, i.h); }
  out.rgb.assign(size_t(out.w) * out.h * 3, 255);
  int x0 = 0;
  for (auto& i : imgs) {
    for (int y = 0; y < i.h; ++y)
      for (int x = 0; x < i.w; ++x)
        for (int q = 0; q < 3; ++q) out.rgb[(size_t(y) * out.w + x0 + x) * 3 + q] = i.rgb[(size_t(y) * i.w + x) * 3 + q];
    x0 += i.w + 4;
  }
  return out;
}

bool write_png(const std::string& path, const Image& img) {
  return stbi_write_png(path.c_str(), img.w, img.h, 3, img.rgb.data(), img.w * 3) != 0;
}

}  // namespace hiplab::modelgen
