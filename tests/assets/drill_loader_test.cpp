// Tests src/assets/drill_loader.h: each malformed-file case gives a one-line message naming the
// file, the field (and line) and what was expected — and never crashes; a folder with bad files
// still loads the good ones.
#include "assets/drill_loader.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/units.h"
#include "test_support.h"

using namespace hiplab;

namespace {
const char* kGood = R"({
  "schema": "hiplab-drill/1",
  "name": "Good",
  "posture": "seated",
  "start": {"hip_flexion_r_deg": 90, "knee_r_deg": 90},
  "phases": [
    {"name": "out", "duration_s": 2,
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 30}]},
    {"name": "back", "duration_s": 2,
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 0}]}
  ],
  "dosage": {"sets": 3, "reps": 15}
})";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto p = s.find(from);
  REQUIRE_MESSAGE(p != std::string::npos, from);
  return s.replace(p, from.size(), to);
}
std::string error_of(const std::string& text) {
  auto r = parse_drill(text, "test.json", "test");
  REQUIRE_FALSE(r.ok());
  INFO(r.error().message);
  CHECK(r.error().message.find('\n') == std::string::npos);
  CHECK(r.error().message.rfind("test.json", 0) == 0);
  return r.error().message;
}
void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("a good drill file loads, degrees become radians") {
  auto r = parse_drill(kGood, "good.json", "good");
  REQUIRE(r.ok());
  CHECK(r->id == "good");
  CHECK(r->posture == biomech::Posture::kSeated);
  CHECK(r->start[motion::Channel::kHipFlexionR] == doctest::Approx(kPi / 2));
  CHECK(r->phases[0].keyframes[0].values[0].second == doctest::Approx(deg_to_rad(30.0)));
  CHECK(r->dosage.reps == 15);
}

TEST_CASE("a missing field is named with its path") {
  const std::string m = error_of(replaced(kGood, R"("name": "out", )", ""));
  CHECK(m.find("phases[0].name: missing") != std::string::npos);
  CHECK(m.find("test.json:7:") != std::string::npos);  // the phase's line
  CHECK(error_of(replaced(kGood, R"("posture": "seated",)", "")).find("posture: missing") != std::string::npos);
}

TEST_CASE("a wrong type names the field, its line and what was expected") {
  const std::string m = error_of(replaced(kGood, R"("hip_rotation_r_deg": 30)", R"("hip_rotation_r_deg": "thirty")"));
  CHECK(m.find("test.json:8: phases[0].keyframes[0].hip_rotation_r_deg: expected degrees, got a string \"thirty\"") != std::string::npos);
  CHECK(error_of(replaced(kGood, R"("sets": 3)", R"("sets": [3])")).find("dosage.sets: expected sets") != std::string::npos);
  CHECK(error_of(replaced(kGood, R"("phases": [)", R"("phases": {"x": [)")).size() > 0);
}

TEST_CASE("an unknown joint is named and the known ones are listed") {
  const std::string m = error_of(replaced(kGood, "hip_rotation_r_deg\": 30", "hip_rotaton_r_deg\": 30"));
  CHECK(m.find("phases[0].keyframes[0].hip_rotaton_r_deg: unknown joint or channel 'hip_rotaton_r'") != std::string::npos);
  CHECK(m.find("hip_rotation_r_deg") != std::string::npos);
  CHECK(error_of(replaced(kGood, "\"knee_r_deg\"", "\"knee_r\"")).find("expected the name knee_r_deg") != std::string::npos);
  CHECK(error_of(replaced(kGood, "\"seated\"", "\"upside_down\"")).find("unknown posture \"upside_down\"") != std::string::npos);
}

TEST_CASE("a negative or zero duration is rejected with the value") {
  const std::string m = error_of(replaced(kGood, R"("duration_s": 2,
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 0}])", R"("duration_s": -2,
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 0}])"));
  CHECK(m.find("phases[1].duration_s: expected a positive number of seconds, got -2") != std::string::npos);
  CHECK(m.find("test.json:9:") != std::string::npos);
}

TEST_CASE("a non-finite number is rejected") {
  // JSON has no NaN/Infinity; 1e999 overflows to infinity when parsed.
  const std::string m = error_of(replaced(kGood, "\"knee_r_deg\": 90", "\"knee_r_deg\": 1e999"));
  CHECK(m.find("test.json:5: number 1e999 is too large (expected a finite number)") != std::string::npos);
  // Inside the model, non-finite values are caught by validate() (tests/motion/drill_test.cpp).
  CHECK(error_of(replaced(kGood, "\"knee_r_deg\": 90", "\"knee_r_deg\": NaN")).find("not valid JSON") != std::string::npos);
}

TEST_CASE("an empty file, binary junk and broken JSON each get their message") {
  CHECK(error_of("").find("empty file") != std::string::npos);
  CHECK(error_of("  \n\t ").find("empty file") != std::string::npos);
  std::string junk = "\x89PNG\r\n\x1a\n";
  junk.push_back('\0');
  junk += "\xff\xfe garbage";
  CHECK(error_of(junk).find("not a text file (binary data at byte") != std::string::npos);
  CHECK(error_of("\xc3\x28").find("not a text file") != std::string::npos);
  const std::string m = error_of("{\n  \"name\": \"x\",\n  \"phases\": [\n}");
  CHECK(m.find("test.json:4: not valid JSON") != std::string::npos);
  CHECK(error_of("[1, 2, 3]").find("expected an object") != std::string::npos);
  CHECK(error_of("42").find("expected an object") != std::string::npos);
}

TEST_CASE("validation errors from the motion layer carry the line too") {
  const std::string m = error_of(replaced(kGood, R"("hip_rotation_r_deg": 30)", R"("hip_rotation_r_deg": 70)"));
  CHECK(m.find("phases[0].keyframes[0].hip_rotation_r_deg: 70 deg is outside the range of motion") != std::string::npos);
  CHECK(m.find("test.json:8:") != std::string::npos);
  const std::string u = error_of(replaced(kGood, R"("dosage")", R"("colour": "red", "dosage")"));
  CHECK(u.find("colour: unknown field") != std::string::npos);
}

TEST_CASE("random bytes never crash the loader") {
  unsigned state = 12345;
  for (int n = 0; n < 300; ++n) {
    std::string s(kGood);
    for (int k = 0; k < 3; ++k) {
      state = state * 1103515245u + 12345u;
      s[state % s.size()] = static_cast<char>("{}[]\":,0-9ae \x01"[(state >> 16) % 15]);
    }
    auto r = parse_drill(s, "fuzz.json", "fuzz");
    if (!r.ok()) CHECK(r.error().message.rfind("fuzz.json", 0) == 0);
  }
}

TEST_CASE("a folder loads every good drill and reports each bad file") {
  const auto dir = test::scratch_dir("drill_folder");
  write(dir / "a_good.json", kGood);
  write(dir / "b_empty.json", "");
  write(dir / "c_bad.json", replaced(kGood, "\"duration_s\": 2", "\"duration_s\": -1"));
  write(dir / "d_good.json", replaced(kGood, "\"Good\"", "\"Also good\""));
  write(dir / "notes.txt", "not a drill");
  const DrillFolder f = load_drill_folder(dir.string());
  REQUIRE(f.drills.size() == 2);
  CHECK(f.drills[0].id == "a_good");
  CHECK(f.drills[1].name == "Also good");
  REQUIRE(f.errors.size() == 2);
  CHECK(f.errors[0].find("b_empty.json: empty file") != std::string::npos);
  CHECK(f.errors[1].find("c_bad.json:7: phases[0].duration_s") != std::string::npos);
  CHECK(load_drill_folder((dir / "missing").string()).drills.empty());
  CHECK(load_drill_file((dir / "nope.json").string()).error().message.find("no such file") != std::string::npos);
}
