// inspect.h — looking at generated meshes: orthographic silhouettes (for the fidelity IoU), shaded
// views written as PNG, and a plain OBJ reader for the reference meshes in ../shared/reference
// (read to MEASURE and compare only; nothing read here goes into the generated model).
// Views are in body-frame axes (x anterior, y superior, z right); pixel size in metres.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "mesh.h"

namespace hiplab::modelgen {

enum class View { Front, Side, Top, Back, Medial, Bottom };
const char* view_name(View v);

// screen coordinates (right, up, towards the viewer) of a body-frame point
glm::vec3 to_screen(View v, glm::vec3 p);

bool load_obj(const std::string& path, Mesh& out);


struct Mask {
  int w = 0, h = 0;
  std::vector<uint8_t> px;
};
// Filled silhouette over the screen rectangle [lo, hi] (screen units, metres) with pixel size px.
Mask silhouette(const Mesh& m, View v, glm::vec2 lo, glm::vec2 hi, float px);
// Intersection over union of two meshes' silhouettes, pixel size px, over their joint extent.
double silhouette_iou(const Mesh& a, const Mesh& b, View v, float px);

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgb;
};
struct Shaded {
  const Mesh* mesh;
  std::array<uint8_t, 3> colour;
};
Image render_shaded(const std::vector<Shaded>& items, View v, glm::vec2 lo, glm::vec2 hi, float px);
// Silhouette overlay: a only = red, b only = blue, both = grey.
Image overlay(const Mesh& a, const Mesh& b, View v, float px);
Image hstack(const std::vector<Image>& imgs);
bool write_png(const std::string& path, const Image& img);
void screen_bounds(const std::vector<const Mesh*>& ms, View v, glm::vec2& lo, glm::vec2& hi);

}  // namespace hiplab::modelgen
