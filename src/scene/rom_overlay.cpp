#include "scene/rom_overlay.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "anatomy/kinematics.h"
#include "anatomy/skeleton.h"
#include "core/units.h"

namespace hiplab {
namespace {

using anatomy::LegCoord;
using anatomy::Side;

glm::vec3 to_world(const glm::dmat4& m, const glm::dvec3& p) { return glm::vec3(m * glm::dvec4(p, 1.0)); }
glm::vec3 dir_world(const glm::dmat4& m, const glm::dvec3& d) { return glm::normalize(glm::vec3(glm::dmat3(m) * d)); }

std::string degrees_text(double deg, const char* plus, const char* minus) {
  // The label font is ASCII-only, so the degree sign is spelled "deg".
  char buf[64];
  if (std::lround(deg) == 0) return "0 deg";
  std::snprintf(buf, sizeof buf, "%s %.0f deg", deg >= 0 ? plus : minus, std::fabs(deg));
  return buf;
}

// An arc of directions dir(φ) for φ in [a, b] (rad) at `centre`, radius r.
template <class DirFn>
std::vector<glm::vec3> arc_points(glm::vec3 centre, float r, double a, double b, DirFn dir) {
  std::vector<glm::vec3> pts;
  const int n = std::max(2, static_cast<int>(std::ceil(std::fabs(b - a) / deg_to_rad(2.0))));
  for (int i = 0; i <= n; ++i) pts.push_back(centre + r * dir(a + (b - a) * i / n));
  return pts;
}

// A filled annular band between radii r0 and r1.
template <class DirFn>
OverlayTriangles band(glm::vec3 centre, float r0, float r1, double a, double b, DirFn dir, glm::vec4 color) {
  OverlayTriangles t;
  t.color = color;
  const int n = std::max(2, static_cast<int>(std::ceil(std::fabs(b - a) / deg_to_rad(3.0))));
  for (int i = 0; i < n; ++i) {
    const glm::vec3 d0 = dir(a + (b - a) * i / n), d1 = dir(a + (b - a) * (i + 1) / n);
    const glm::vec3 p00 = centre + r0 * d0, p01 = centre + r1 * d0, p10 = centre + r0 * d1, p11 = centre + r1 * d1;
    t.vertices.insert(t.vertices.end(), {p00, p01, p11, p00, p11, p10});
  }
  return t;
}

void add_legend_line(DrawList& out, const std::string& text, glm::vec4 swatch = glm::vec4(0.0f)) {
  for (const LegendEntry& e : out.legend)
    if (e.text == text) return;  // once per picture, whichever hip adds it first
  out.legend.push_back({text, swatch});
}

void add_needle(DrawList& out, glm::vec3 centre, glm::vec3 dir, float r) {
  OverlayLine halo{{centre, centre + 1.2f * r * dir}, {1.0f, 1.0f, 1.0f, 0.9f}, 9.0f, false};
  OverlayLine needle{{centre, centre + 1.2f * r * dir}, kNeedle, 5.0f, false};
  out.overlay_lines.push_back(halo);
  out.overlay_lines.push_back(needle);
}

// The value beside the hip on its lateral side so the two hips' labels never collide; its sign
// convention goes once into the picture's legend.
void add_value_label(DrawList& out, glm::vec3 anchor, glm::vec3 away, float align_x, float offset_y,
                     const std::string& value, const std::string& convention) {
  OverlayLabel label;
  label.anchor = anchor;
  label.away = away;
  label.align_x = align_x;
  label.offset_px = {0.0f, offset_y};
  label.text = value;
  label.size_px = 26.0f;
  out.overlay_labels.push_back(label);
  add_legend_line(out, convention);
}

}  // namespace

glm::vec4 arc_color(anatomy::LimitStatus status) {
  switch (status) {
    case anatomy::LimitStatus::kInside: return kArcInside;
    case anatomy::LimitStatus::kNearLimit: return kArcNear;
    case anatomy::LimitStatus::kPastLimit: return kArcPast;
  }
  return kArcInside;
}

glm::vec3 hip_centre_world(Side side, const glm::dmat4& pelvis_world) {
  return to_world(pelvis_world, anatomy::hip_centre(side));
}

glm::vec3 rotation_direction(const anatomy::LegAngles& pose, Side side, double rotation_rad, const glm::dmat4& pelvis_world) {
  anatomy::LegAngles p = pose;
  p.leg(side)[LegCoord::kHipRotation] = rotation_rad;
  const anatomy::BodyFrames f = anatomy::forward_kinematics(p);
  const glm::dmat3& femur = f[anatomy::leg_body(side, anatomy::LegSegment::kFemur)].rotation;
  return dir_world(pelvis_world, femur[0]);  // femur x axis: anterior
}

void add_rom_overlay(const anatomy::LegAngles& pose, const glm::dmat4& pelvis_world, const RomOverlayOptions& o,
                     DrawList& out) {
  const anatomy::RomNorm& n = o.norm;
  if (o.sides[0] || o.sides[1]) {
    // What the arcs' colours mean, once per picture (the range is the chosen norm's).
    add_legend_line(out, "Arcs: the normal range (" + std::string(n.label) + ")");
    add_legend_line(out, "inside it", kArcInside);
    add_legend_line(out, "near its end", kArcNear);
    add_legend_line(out, "past it", kArcPast);
    if (!o.activity_marks.empty()) add_legend_line(out, "what everyday activities take", kActivityTick);
  }
  // A tick across an arc of radius `radius` at `deg` for each activity mark of that arc.
  auto ticks = [&](anatomy::OverlayArc arc, glm::vec3 centre, float radius, const auto& dir) {
    for (const anatomy::ActivityMark& m : o.activity_marks)
      if (m.arc == arc)
        out.overlay_lines.push_back({{centre + 0.9f * radius * dir(deg_to_rad(m.signed_deg)), centre + 1.1f * radius * dir(deg_to_rad(m.signed_deg))},
                                     kActivityTick, 3.0f, false});
  };
  for (Side side : {Side::kRight, Side::kLeft}) {
    const int si = anatomy::side_index(side);
    if (!o.sides[si]) continue;
    const glm::vec3 centre = hip_centre_world(side, pelvis_world);
    const anatomy::LegPose& leg = pose.leg(side);
    // Labels sit on the hip's lateral side; which screen side that is depends on the view, so
    // align them toward the outside of the body using the pelvis's lateral axis.
    const glm::vec3 lateral = dir_world(pelvis_world, {0.0, 0.0, side == Side::kRight ? 1.0 : -1.0});
    const float align = 0.5f;
    const float r = o.radius_m;
    if (o.rotation) {
      const double rot_deg = rad_to_deg(leg[LegCoord::kHipRotation]);
      const anatomy::MeasuredLimits& ml = o.measured[si];
      const double ir_limit = ml.internal_rotation_deg.value_or(n.ir_high_deg);
      const double er_limit = ml.external_rotation_deg.value_or(n.er_high_deg);
      const glm::vec4 color = arc_color(anatomy::limit_status(rot_deg, er_limit, ir_limit));
      auto dir = [&](double phi) { return rotation_direction(pose, side, phi, pelvis_world); };
      // The normal range from external (−) to internal (+) rotation, thick; the spread of the norm
      // (low..high) as a paler outer band.
      OverlayLine arc{arc_points(centre, r, deg_to_rad(-n.er_high_deg), deg_to_rad(n.ir_high_deg), dir), color, 10.0f, false};
      out.overlay_lines.push_back(arc);
      glm::vec4 pale = color;
      pale.a = 0.35f;
      out.overlay_triangles.push_back(band(centre, r * 1.06f, r * 1.14f, deg_to_rad(n.ir_low_deg),
                                           deg_to_rad(n.ir_high_deg), dir, pale));
      out.overlay_triangles.push_back(band(centre, r * 1.06f, r * 1.14f, deg_to_rad(-n.er_high_deg),
                                           deg_to_rad(-n.er_low_deg), dir, pale));
      // Zero mark and the patient's own limits.
      out.overlay_lines.push_back({{centre + 0.9f * r * dir(0.0), centre + 1.1f * r * dir(0.0)}, {1, 1, 1, 0.95f}, 4.0f, false});
      for (auto [lim, sign] : {std::pair{ml.internal_rotation_deg, 1.0}, std::pair{ml.external_rotation_deg, -1.0}})
        if (lim)
          out.overlay_lines.push_back({{centre + 0.82f * r * dir(deg_to_rad(sign * *lim)),
                                        centre + 1.18f * r * dir(deg_to_rad(sign * *lim))},
                                       {0.55f, 0.1f, 0.75f, 1.0f}, 7.0f, false});
      ticks(anatomy::OverlayArc::kRotation, centre, r, dir);
      add_needle(out, centre, dir(leg[LegCoord::kHipRotation]), r);
      add_value_label(out, centre + 1.3f * r * lateral, lateral, align, 0.0f,
                      std::string(side == Side::kRight ? "R " : "L ") + degrees_text(rot_deg, "IR", "ER"),
                      "rotation: + internal / - external");
    }
    // Flexion/extension: the femur's long axis swept about the pelvis z axis; abduction/adduction:
    // about the pelvis x axis (mirrored on the left). Both shown against AAOS/norm limits.
    auto femur_down = [&](double flex, double add) {
      anatomy::LegAngles p = pose;
      p.leg(side)[LegCoord::kHipFlexion] = flex;
      p.leg(side)[LegCoord::kHipAdduction] = add;
      const anatomy::BodyFrames f = anatomy::forward_kinematics(p);
      return dir_world(pelvis_world, -f[anatomy::leg_body(side, anatomy::LegSegment::kFemur)].rotation[1]);
    };
    if (o.flexion) {
      const double flex_deg = rad_to_deg(leg[LegCoord::kHipFlexion]);
      const glm::vec4 color = arc_color(anatomy::limit_status(flex_deg, n.extension_deg, n.flexion_deg));
      auto dir = [&](double phi) { return femur_down(phi, leg[LegCoord::kHipAdduction]); };
      out.overlay_lines.push_back({arc_points(centre, r * 1.5f, deg_to_rad(-n.extension_deg), deg_to_rad(n.flexion_deg), dir),
                                   color, 8.0f, false});
      ticks(anatomy::OverlayArc::kFlexion, centre, r * 1.5f, dir);
      add_needle(out, centre, dir(leg[LegCoord::kHipFlexion]), r * 1.5f);
      add_value_label(out, centre + 1.3f * r * lateral, lateral, align, -62.0f, degrees_text(flex_deg, "flexion", "extension"),
                      "+ flexion / - extension");
    }
    if (o.abduction) {
      const double add_deg = rad_to_deg(leg[LegCoord::kHipAdduction]);
      const glm::vec4 color = arc_color(anatomy::limit_status(add_deg, n.abduction_deg, n.adduction_deg));
      auto dir = [&](double phi) { return femur_down(leg[LegCoord::kHipFlexion], phi); };
      out.overlay_lines.push_back({arc_points(centre, r * 1.8f, deg_to_rad(-n.abduction_deg), deg_to_rad(n.adduction_deg), dir),
                                   color, 8.0f, false});
      ticks(anatomy::OverlayArc::kAbduction, centre, r * 1.8f, dir);
      add_needle(out, centre, dir(leg[LegCoord::kHipAdduction]), r * 1.8f);
      add_value_label(out, centre + 1.3f * r * lateral, lateral, align, -124.0f, degrees_text(add_deg, "adduction", "abduction"),
                      "+ adduction / - abduction");
    }
  }
}

}  // namespace hiplab
