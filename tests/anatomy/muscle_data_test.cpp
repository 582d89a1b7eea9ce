// Checks the transcribed Gait2392 muscle table (src/anatomy/muscle_data.h) against what it was
// transcribed from: the reference CSV of the 28 hip muscles
// (shared/reference/tables/gait2392_right_hip_muscle_paths.csv) and, for the vasti and the lower
// leg, the Thelen2003Muscle entries of shared/reference/opensim-gait2392/gait2392_simbody.osim.
#include "anatomy/muscle_data.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using namespace hiplab::anatomy;

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) { out.push_back(cur); cur.clear(); }
    else cur += c;
  }
  out.push_back(cur);
  return out;
}

}  // namespace

TEST_CASE("muscle table: 43 muscles per leg, unique names, origins above the ankle") {
  // Gait2392 has 43 muscles per leg (Delp et al. 1990; 92 actuators in all, with the back).
  REQUIRE(muscles().size() == 43);
  REQUIRE(kHipMuscleCount == 28);
  for (int i = 0; i < kMuscleCount; ++i) {
    const MuscleSpec& m = muscle(i);
    CAPTURE(m.name);
    CHECK(m.points.size() >= 2);
    CHECK(m.points.size() <= 8);
    CHECK(m.points.front().body != PathBody::kCalcn);
    CHECK(m.points.front().body != PathBody::kToes);
    if (i < kHipMuscleCount) CHECK(m.points.front().body != PathBody::kTibia);
    for (int j = 0; j < i; ++j) CHECK(muscle(j).name != m.name);
    CHECK(find_muscle(muscle_name(i, Side::kLeft)) == i);
    CHECK(m.max_isometric_force_n > 0.0);
  }
  std::optional<Side> s;
  CHECK(find_muscle("peri_l", &s) == find_muscle("peri"));
  CHECK(s == Side::kLeft);
  CHECK(find_muscle("soleus_l", &s) == find_muscle("soleus"));
  CHECK(s == Side::kLeft);
  CHECK_FALSE(find_muscle("nonexistent").has_value());
}

TEST_CASE("muscle table matches the Gait2392 reference CSV point by point") {
  const auto ref = hiplab::test::reference_dir();
  if (ref.empty()) return;
  std::ifstream f(ref / "tables" / "gait2392_right_hip_muscle_paths.csv");
  REQUIRE(f.good());
  std::string line;
  std::getline(f, line);  // header
  std::map<std::string, int> rows_per_muscle;
  while (std::getline(f, line)) {
    const auto c = split_csv(line);
    REQUIRE(c.size() >= 13);
    const std::string name = c[1];
    const auto idx = find_muscle(name);
    REQUIRE_MESSAGE(idx.has_value(), name);
    const MuscleSpec& m = muscle(*idx);
    const int k = std::stoi(c[2]) - 1;
    REQUIRE(k < static_cast<int>(m.points.size()));
    const PathPointSpec& p = m.points[k];
    const std::string body = c[5];
    CHECK(((body == "pelvis" && p.body == PathBody::kPelvis) ||
           (body == "femur_r" && p.body == PathBody::kFemur) ||
           (body == "tibia_r" && p.body == PathBody::kTibia)));
    CHECK(p.location.x == doctest::Approx(std::stod(c[6])).epsilon(1e-5));
    CHECK(p.location.y == doctest::Approx(std::stod(c[7])).epsilon(1e-5));
    CHECK(p.location.z == doctest::Approx(std::stod(c[8])).epsilon(1e-5));
    CHECK(m.max_isometric_force_n == doctest::Approx(std::stod(c[9])));
    CHECK(m.optimal_fiber_length_m == doctest::Approx(std::stod(c[10])));
    CHECK(m.tendon_slack_length_m == doctest::Approx(std::stod(c[11])));
    CHECK(m.pennation_at_optimal_rad == doctest::Approx(std::stod(c[12])).epsilon(1e-6));
    CHECK((c[4] == "ConditionalPathPoint") == (p.condition != Condition::kNone));
    CHECK((c[4] == "MovingPathPoint") == (p.moving >= 0));
    ++rows_per_muscle[name];
  }
  CHECK(rows_per_muscle.size() == 28);
  for (const auto& [name, n] : rows_per_muscle)
    CHECK(n == static_cast<int>(muscle(*find_muscle(name)).points.size()));
}

namespace {

// The text between the first <tag> and </tag> at or after `from` (no nesting; enough for the .osim).
std::string xml_text(const std::string& doc, const std::string& tag, std::size_t from, std::size_t to) {
  const std::size_t a = doc.find("<" + tag + ">", from);
  if (a == std::string::npos || a > to) return {};
  const std::size_t b = doc.find("</" + tag + ">", a);
  return doc.substr(a + tag.size() + 2, b - a - tag.size() - 2);
}

std::vector<double> numbers(const std::string& text) {
  std::istringstream in(text);
  std::vector<double> v;
  for (double x; in >> x;) v.push_back(x);
  return v;
}

}  // namespace

TEST_CASE("vasti and lower-leg muscles match gait2392_simbody.osim point by point") {
  const auto ref = hiplab::test::reference_dir();
  if (ref.empty()) return;
  std::ifstream f(ref / "opensim-gait2392" / "gait2392_simbody.osim");
  REQUIRE(f.good());
  const std::string doc((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  for (int i = kHipMuscleCount; i < kMuscleCount; ++i) {
    const MuscleSpec& m = muscle(i);
    const std::string name = muscle_name(i, Side::kRight);
    CAPTURE(name);
    const std::size_t start = doc.find("<Thelen2003Muscle name=\"" + name + "\">");
    REQUIRE(start != std::string::npos);
    const std::size_t end = doc.find("</Thelen2003Muscle>", start);
    CHECK(m.max_isometric_force_n == doctest::Approx(numbers(xml_text(doc, "max_isometric_force", start, end))[0]));
    CHECK(m.optimal_fiber_length_m == doctest::Approx(numbers(xml_text(doc, "optimal_fiber_length", start, end))[0]));
    CHECK(m.tendon_slack_length_m == doctest::Approx(numbers(xml_text(doc, "tendon_slack_length", start, end))[0]));
    CHECK(m.pennation_at_optimal_rad ==
          doctest::Approx(numbers(xml_text(doc, "pennation_angle_at_optimal", start, end))[0]));
    // Path points in order: each "<...PathPoint name=\"<name>-P<k>\"" with its <location> and <body>.
    std::size_t at = start;
    std::size_t k = 0;
    for (;; ++k) {
      const std::string key = "name=\"" + name + "-P" + std::to_string(k + 1) + "\"";
      const std::size_t p = doc.find(key, at);
      if (p == std::string::npos || p > end) break;
      REQUIRE(k < m.points.size());
      const PathPointSpec& pp = m.points[k];
      const std::size_t tag = doc.rfind('<', p);
      const std::string kind = doc.substr(tag + 1, p - tag - 2);
      CHECK((kind == "ConditionalPathPoint") == (pp.condition == Condition::kKneeAngle));
      CHECK((kind == "MovingPathPoint") == (pp.moving >= 0));
      const std::size_t next = doc.find("PathPoint name=", p + key.size());
      const auto loc = numbers(xml_text(doc, "location", p, next));
      REQUIRE(loc.size() == 3);
      CHECK(pp.location.x == doctest::Approx(loc[0]));
      CHECK(pp.location.y == doctest::Approx(loc[1]));
      CHECK(pp.location.z == doctest::Approx(loc[2]));
      const std::string body = xml_text(doc, "body", p, next);
      CHECK(((body == "femur_r" && pp.body == PathBody::kFemur) ||
             (body == "tibia_r" && pp.body == PathBody::kTibia) ||
             (body == "calcn_r" && pp.body == PathBody::kCalcn) ||
             (body == "toes_r" && pp.body == PathBody::kToes)));
      if (kind == "ConditionalPathPoint") {
        const auto range = numbers(xml_text(doc, "range", p, next));
        REQUIRE(range.size() == 2);
        CHECK(pp.range_min == doctest::Approx(range[0]));
        CHECK(pp.range_max == doctest::Approx(range[1]));
      }
      if (kind == "MovingPathPoint") {
        // The spline's knot at knee_angle 0 is the point's location (x, y); z is constant.
        const glm::dvec3 at0 = moving_point_location(pp.moving, 0.0);
        CHECK(at0.x == doctest::Approx(loc[0]));
        CHECK(at0.y == doctest::Approx(loc[1]));
        CHECK(at0.z == doctest::Approx(loc[2]));
      }
      at = p + key.size();
    }
    CHECK(k == m.points.size());
  }
}

TEST_CASE("Gait2392 figures spot-checked by hand: soleus, vasti, tibialis anterior") {
  // gait2392_simbody.osim: soleus_r max_isometric_force 3549 N, optimal fibre 0.05 m, tendon slack
  // 0.25 m, pennation 0.436 rad (25 deg); vas_lat_r 1871 N; tib_ant_r 905 N, 0.098 m, 0.223 m.
  const MuscleSpec& sol = muscle(*find_muscle("soleus"));
  CHECK(sol.max_isometric_force_n == 3549.0);
  CHECK(sol.optimal_fiber_length_m == 0.05);
  CHECK(sol.tendon_slack_length_m == 0.25);
  CHECK(sol.pennation_at_optimal_rad == doctest::Approx(25.0 * 3.14159265358979 / 180.0).epsilon(1e-6));
  CHECK(muscle(*find_muscle("vas_lat")).max_isometric_force_n == 1871.0);
  const MuscleSpec& ta = muscle(*find_muscle("tib_ant"));
  CHECK(ta.max_isometric_force_n == 905.0);
  CHECK(ta.optimal_fiber_length_m == 0.098);
  CHECK(ta.tendon_slack_length_m == 0.223);
  CHECK(muscle(*find_muscle("flex_dig")).points.back().body == PathBody::kToes);
  CHECK(muscle(*find_muscle("med_gas")).points.front().body == PathBody::kFemur);
}

TEST_CASE("vasti moving points reproduce their Gait2392 knots") {
  // vas_med_r-P5 at knee_angle_r = -1.0472 (60 deg flexion): (0.0307959, 0.0239462, -0.0146);
  // vas_lat_r-P5 at -1.5708: x 0.0262145, y 0.0232362 (gait2392_simbody.osim).
  const glm::dvec3 vm = moving_point_location(1, 1.0472);
  CHECK(vm.x == doctest::Approx(0.0307959));
  CHECK(vm.y == doctest::Approx(0.0239462));
  CHECK(vm.z == doctest::Approx(-0.0146));
  const glm::dvec3 vl = moving_point_location(3, 1.5708);
  CHECK(vl.x == doctest::Approx(0.0262145));
  CHECK(vl.y == doctest::Approx(0.0232362));
}

TEST_CASE("rectus femoris moving point reproduces its Gait2392 knots") {
  // rect_fem_r-P3 at knee_angle_r = 0 is (0.0617576, 0.020984, 0.0014) and at -1.0472 rad
  // (60 deg flexion) x = 0.0365695, y = 0.0249184 (gait2392_simbody.osim).
  glm::dvec3 d;
  const glm::dvec3 p0 = moving_point_location(0, 0.0, &d);
  CHECK(p0.x == doctest::Approx(0.0617576));
  CHECK(p0.y == doctest::Approx(0.020984));
  CHECK(p0.z == doctest::Approx(0.0014));
  const glm::dvec3 p60 = moving_point_location(0, 1.0472);
  CHECK(p60.x == doctest::Approx(0.0365695));
  CHECK(p60.y == doctest::Approx(0.0249184));
}
