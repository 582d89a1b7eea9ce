// Checks the transcribed Gait2392 muscle table (src/anatomy/muscle_data.h) against the reference
// CSV it was transcribed from (shared/reference/tables/gait2392_right_hip_muscle_paths.csv).
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

TEST_CASE("muscle table: 28 muscles, unique names, origin on pelvis or femur") {
  REQUIRE(muscles().size() == 28);
  for (int i = 0; i < kMuscleCount; ++i) {
    const MuscleSpec& m = muscle(i);
    CHECK(m.points.size() >= 2);
    CHECK(m.points.front().body != PathBody::kTibia);
    CHECK(find_muscle(muscle_name(i, Side::kLeft)) == i);
    CHECK(m.max_isometric_force_n > 0.0);
  }
  std::optional<Side> s;
  CHECK(find_muscle("peri_l", &s) == find_muscle("peri"));
  CHECK(s == Side::kLeft);
  CHECK_FALSE(find_muscle("nonexistent").has_value());
}

TEST_CASE("muscle table matches the Gait2392 reference CSV point by point") {
  const auto ref = hiplab::test::reference_dir();
  if (ref.empty()) HIPLAB_SKIP(std::string(HIPLAB_REFERENCE_DIR) + " is absent");
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
