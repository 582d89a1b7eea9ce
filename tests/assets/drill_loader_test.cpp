// Tests src/assets/drill_loader.h: each malformed-file case gives a one-line message naming the
// file, the field (and line) and what was expected — and never crashes; a folder with bad files
// still loads the good ones.
#include "assets/drill_loader.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/units.h"
#include "motion/timeline.h"
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

namespace {
// A version-1 drill with whole-segment supports and floor contacts (docs/drills.md, "Version 1").
const char* kV1 = R"({
  "schema": "hiplab-drill/1",
  "name": "Old",
  "posture": "side_lying",
  "start": {"hip_flexion_r_deg": 45, "knee_r_deg": 90, "hip_flexion_l_deg": 45, "knee_l_deg": 90},
  "floor_contacts": ["trochanter_l", "knee_l"],
  "phases": [
    {"name": "lift", "duration_s": 2,
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": -20}],
     "loads": {"description": "top leg lifts", "supports": ["femur_l", "tibia_l"]}},
    {"name": "lower", "duration_s": 2, "floor_contacts": ["heel_l"],
     "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 0}]}
  ]
})";

const char* kV2 = R"({
  "schema": "hiplab-drill/2",
  "name": "New",
  "posture": "side_lying",
  "start": {"hip_flexion_r_deg": 45, "knee_r_deg": 90, "hip_flexion_l_deg": 45, "knee_l_deg": 90},
  "contacts": [{"at": "trochanter_l", "on": "floor"}, {"at": "ankle_r", "on": "ankle_l", "friction": 0.4}],
  "phases": [
    {"name": "lift", "duration_s": 2, "keyframes": [{"time_s": 2, "hip_rotation_r_deg": -20}],
     "contacts": [{"at": "femur_l", "on": "support"}]},
    {"name": "lower", "duration_s": 2, "keyframes": [{"time_s": 2, "hip_rotation_r_deg": 0}]}
  ]
})";
}  // namespace

TEST_CASE("hiplab-drill/2 contacts: landmarks on the floor, on each other, segments on a support") {
  auto r = parse_drill(kV2, "new.json", "new");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  CHECK(r->format_version == 2);
  REQUIRE(r->contacts.size() == 2);
  CHECK(r->contacts[1].on == biomech::ContactSurface::kBody);
  CHECK(r->contacts[1].other == motion::ContactPoint::kAnkleL);
  CHECK(r->contacts[1].friction == doctest::Approx(0.4));
  REQUIRE(r->contacts_of(0).size() == 1);
  CHECK_FALSE(r->contacts_of(0)[0].at.has_value());
  CHECK(r->contacts_of(0)[0].at_body == anatomy::BodyId::kFemurL);
  CHECK(r->contacts_of(1).size() == 2);  // the drill's
  CHECK(r->floor_points_of(1) == std::vector<motion::ContactPoint>{motion::ContactPoint::kTrochanterL});
}

TEST_CASE("a malformed contact gives one message naming the file, line and field") {
  const std::string v2 = kV2;
  CHECK(error_of(replaced(v2, R"("at": "ankle_r")", R"("at": "ankel_r")")).find("contacts[1].at: unknown contact point 'ankel_r'") != std::string::npos);
  CHECK(error_of(replaced(v2, R"("on": "ankle_l")", R"("on": "celing")")).find("contacts[1].on: expected \"floor\", \"support\" or a landmark") != std::string::npos);
  CHECK(error_of(replaced(v2, R"("on": "ankle_l", )", "")).find("contacts[1].on: missing") != std::string::npos);
  CHECK(error_of(replaced(v2, R"("friction": 0.4)", R"("friction": -1)")).find("contacts[1].friction: expected a friction coefficient") != std::string::npos);
  CHECK(error_of(replaced(v2, R"("friction": 0.4)", R"("push": 1)")).find("contacts[1].push: unknown field") != std::string::npos);
  CHECK(error_of(replaced(v2, R"("at": "femur_l", "on": "support")", R"("at": "femur_l", "on": "floor")")).find("phases[0].contacts[0].at: a segment's centre of mass cannot rest on the floor") != std::string::npos);
  const std::string m = error_of(replaced(v2, R"("on": "ankle_l")", R"("on": 3)"));
  CHECK(m.find("test.json:6: contacts[1].on: expected a string") != std::string::npos);
  // A v1 field in a v2 file says what replaced it.
  CHECK(error_of(replaced(v2, R"("contacts": [{"at": "trochanter_l")", R"("floor_contacts": ["heel_l"], "contacts": [{"at": "trochanter_l")")).find("floor_contacts: a hiplab-drill/1 field") != std::string::npos);
}

TEST_CASE("a version-1 file loads converted, with one notice, and its supports become contacts") {
  auto r = parse_drill(kV1, "old.json", "old");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  CHECK(r->format_version == 1);
  // The drill's floor contacts; the lift phase: the drill's floor contacts plus a support under the
  // centre of mass of each supported segment; the lower phase: its own floor contacts.
  REQUIRE(r->contacts.size() == 2);
  CHECK(r->contacts[0].at == motion::ContactPoint::kTrochanterL);
  const auto& lift = r->contacts_of(0);
  REQUIRE(lift.size() == 4);
  CHECK(lift[2].at_body == anatomy::BodyId::kFemurL);
  CHECK(lift[2].on == biomech::ContactSurface::kSupport);
  CHECK(lift[3].at_body == anatomy::BodyId::kTibiaL);
  CHECK(r->floor_points_of(1) == std::vector<motion::ContactPoint>{motion::ContactPoint::kHeelL});
  // A folder names the file once in its notices.
  const auto dir = test::scratch_dir("drill_v1");
  write(dir / "old.json", kV1);
  write(dir / "new.json", kV2);
  const DrillFolder f = load_drill_folder(dir.string());
  CHECK(f.drills.size() == 2);
  REQUIRE(f.notices.size() == 1);
  CHECK(f.notices[0].find("old.json: a hiplab-drill/1 file, converted on loading") != std::string::npos);
  CHECK(f.notices[0].find("check-drill --upgrade") != std::string::npos);
  // A bad v1 support is named at its v1 field.
  CHECK(error_of(replaced(kV1, R"("tibia_l"])", R"("tibai_l"])")).find("phases[0].loads.supports[1]: unknown body 'tibai_l'") != std::string::npos);
}

TEST_CASE("check-drill --upgrade: v2 text loads as the v1 file did, and the old file is kept, never overwritten") {
  auto up = upgrade_drill_text(kV1, "old.json");
  REQUIRE_MESSAGE(up.ok(), (up.ok() ? "" : up.error().message));
  CHECK(up->find("\"schema\": \"hiplab-drill/2\"") != std::string::npos);
  CHECK(up->find("floor_contacts") == std::string::npos);
  CHECK(up->find("supports") == std::string::npos);
  CHECK(up->find(R"({"at": "femur_l", "on": "support"})") != std::string::npos);
  auto a = parse_drill(kV1, "old.json", "old");
  auto b = parse_drill(up.value(), "old.json", "old");
  REQUIRE(b.ok());
  CHECK(b->format_version == 2);
  REQUIRE(a->phases.size() == b->phases.size());
  for (int i = 0; i < static_cast<int>(a->phases.size()); ++i) {
    const auto &ca = a->contacts_of(i), &cb = b->contacts_of(i);
    REQUIRE(ca.size() == cb.size());
    for (size_t k = 0; k < ca.size(); ++k) CHECK(motion::contact_label(ca[k]) == motion::contact_label(cb[k]));
  }
  CHECK(b->phases[0].loads.description == "top leg lifts");
  // A v1 file names nothing under the trunk: converted, and upgraded, it keeps the legs-only balance.
  CHECK_FALSE(a->whole_body);
  CHECK_FALSE(b->whole_body);
  CHECK(up->find("\"whole_body\": false") != std::string::npos);
  auto c = parse_drill(replaced(up.value(), "\"whole_body\": false", "\"whole_body\": 1"), "x.json", "x");
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().message.find("whole_body: expected true or false") != std::string::npos);
  // Upgrading a v2 text is refused; so is a broken v1 file.
  CHECK(upgrade_drill_text(up.value(), "x.json").error().message.find("already hiplab-drill/2") != std::string::npos);
  CHECK_FALSE(upgrade_drill_text(replaced(kV1, "\"duration_s\": 2", "\"duration_s\": -2"), "x.json").ok());
  // On disk: the file becomes v2, the old text goes to FILE.v1.bak, a second backup does not replace it.
  const auto dir = test::scratch_dir("drill_upgrade");
  const std::string path = (dir / "mine.json").string();
  write(path, kV1);
  write(path + ".v1.bak", "an older backup");
  auto backup = upgrade_drill_file(path);
  REQUIRE_MESSAGE(backup.ok(), (backup.ok() ? "" : backup.error().message));
  CHECK(backup.value() == path + ".v1.bak.2");
  std::ifstream keep(path + ".v1.bak");
  CHECK(std::string(std::istreambuf_iterator<char>(keep), {}) == "an older backup");
  std::ifstream old(backup.value());
  CHECK(std::string(std::istreambuf_iterator<char>(old), {}) == kV1);
  auto now = load_drill_file(path);
  REQUIRE(now.ok());
  CHECK(now->format_version == 2);
  CHECK_FALSE(upgrade_drill_file(path).ok());  // already v2: nothing written
  CHECK_FALSE(std::filesystem::exists(path + ".v1.bak.3"));
}

TEST_CASE("the optional handout block: read when present, named when wrong, absent in old files") {
  auto plain = parse_drill(kGood, "good.json", "good");
  REQUIRE(plain.ok());
  CHECK(plain->handout.empty());
  const std::string with = replaced(kGood, R"("dosage": {"sets": 3, "reps": 15})",
                                    R"("dosage": {"sets": 3, "reps": 15},
  "handout": {"_why": "a comment", "how_often": "Daily", "feel": "Effort at the side of the hip",
              "stop_if": ["Pain in the knee"],
              "key_moments": [{"phase": "out", "at": 0, "caption": "Start"}, {"phase": "out", "at": 1, "caption": "Foot out"},
                              {"phase": "back", "caption": "Back"}]})");
  auto r = parse_drill(with, "h.json", "h");
  REQUIRE_MESSAGE(r.ok(), r.error().message);
  CHECK(r->handout.how_often == "Daily");
  CHECK(r->handout.feel == "Effort at the side of the hip");
  CHECK(r->handout.stop_if == std::vector<std::string>{"Pain in the knee"});
  REQUIRE(r->handout.key_moments.size() == 3);
  CHECK(r->handout.key_moments[1].phase == "out");
  CHECK(r->handout.key_moments[1].at == 1.0);
  CHECK(r->handout.key_moments[2].at == 0.5);  // the default: the middle of the phase
  CHECK(r->handout.key_moments[2].caption == "Back");

  CHECK(error_of(replaced(with, R"("feel": "Effort at the side of the hip")", R"("feel": 3)"))
            .find("handout.feel: expected a string, got a number") != std::string::npos);
  CHECK(error_of(replaced(with, R"("stop_if": ["Pain in the knee"])", R"("stop_if": "Pain")"))
            .find("handout.stop_if: expected an array") != std::string::npos);
  CHECK(error_of(replaced(with, R"("how_often": "Daily")", R"("how_ofen": "Daily")"))
            .find("handout.how_ofen: unknown field (expected one of: how_often, feel, stop_if, key_moments)") != std::string::npos);
  CHECK(error_of(replaced(with, R"({"phase": "back", "caption": "Back"})", R"({"phase": "bakc", "caption": "Back"})"))
            .find("handout.key_moments[2].phase: no phase \"bakc\" (expected one of: \"out\", \"back\")") != std::string::npos);
  CHECK(error_of(replaced(with, R"("at": 1, "caption": "Foot out")", R"("at": 1.5, "caption": "Foot out")"))
            .find("handout.key_moments[1].at: expected a fraction of the phase in [0, 1], got 1.5") != std::string::npos);
  CHECK(error_of(replaced(with, R"("at": 1, "caption": "Foot out")", R"("at": "end", "caption": "Foot out")"))
            .find("handout.key_moments[1].at: expected a fraction of the phase, 0 to 1, got a string") != std::string::npos);
  CHECK(error_of(replaced(with, R"(, "caption": "Back")", ""))
            .find("handout.key_moments[2].caption: missing") != std::string::npos);
  const std::string two = replaced(with, R"({"phase": "out", "at": 0, "caption": "Start"}, )", "");
  CHECK(parse_drill(two, "two.json", "two").ok());  // two moments are enough (a drill with two poses) ...
  CHECK(error_of(replaced(two, R"({"phase": "out", "at": 1, "caption": "Foot out"},)", ""))
            .find("handout.key_moments: expected 2 to 4 moments, got 1") != std::string::npos);  // ... one is not
  CHECK(error_of(replaced(kGood, R"("dosage": {"sets": 3, "reps": 15})", R"("dosage": {"sets": 3, "reps": 15}, "handout": 7)"))
            .find("handout: expected an object") != std::string::npos);
}

TEST_CASE("every shipped drill has a handout block: how often, what it feels like, when to stop, 2-4 key moments") {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(HIPLAB_SOURCE_DIR) + "/assets/drills")) {
    if (e.path().extension() != ".json") continue;
    auto d = load_drill_file(e.path().string());
    REQUIRE_MESSAGE(d.ok(), d.error().message);
    CAPTURE(e.path().filename().string());
    CHECK_FALSE(d->handout.how_often.empty());
    CHECK_FALSE(d->handout.feel.empty());
    CHECK_FALSE(d->handout.stop_if.empty());
    CHECK(d->handout.key_moments.size() >= 3);
    CHECK(d->handout.key_moments.size() <= 4);
    ++n;
  }
  CHECK(n >= 9);
}

TEST_CASE("a view may be the therapist's view (at most one), a contact may rest without carrying") {
  std::string v2 = replaced(kGood, "\"hiplab-drill/1\"", "\"hiplab-drill/2\"");
  v2 = replaced(v2, "\"dosage\"",
                "\"views\": [{\"name\": \"near\", \"from\": [1, 0, 0]}, "
                "{\"name\": \"whole\", \"from\": [1, 0.5, 1], \"therapist\": true}],\n"
                "  \"contacts\": [{\"at\": \"hand_r\", \"on\": \"thigh_lower_r\", \"carries\": false}, "
                "{\"at\": \"heel_l\", \"on\": \"floor\"}],\n  \"dosage\"");
  auto r = parse_drill(v2, "test.json", "test");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  REQUIRE(r->views.size() == 2);
  CHECK_FALSE(r->views[0].therapist);
  CHECK(r->views[1].therapist);
  REQUIRE(r->contacts.size() == 2);
  CHECK_FALSE(r->contacts[0].carries);
  CHECK(r->contacts[1].carries);
  // Only the carrying contact reaches the effort solve.
  const auto solve = motion::solve_contacts(r->contacts, anatomy::UpperBodyPose{});
  REQUIRE(solve.size() == 1);
  CHECK(solve[0].label == "heel_l on floor");
  const std::string two = replaced(v2, "{\"name\": \"near\", \"from\": [1, 0, 0]}",
                                   "{\"name\": \"near\", \"from\": [1, 0, 0], \"therapist\": true}");
  const std::string e = error_of(two);
  CHECK(e.find("views[1].therapist") != std::string::npos);
  CHECK(e.find("at most one") != std::string::npos);
  CHECK(error_of(replaced(v2, "\"carries\": false", "\"carries\": 0")).find("contacts[0].carries") != std::string::npos);
}

// The neck channels (issue 12) are optional like every channel: a file written before they existed
// (hiplab-drill/1, or /2 without them: users' own files too) loads unchanged and plays with the head
// in line with the trunk; a file that names them gets them, in degrees, mirrored on the other side.
// No new format version: hiplab-drill/2 already reads any subset of the channels.
TEST_CASE("old drill files without the neck fields load and play with the neck neutral, new ones pose the head") {
  for (const char* text : {kGood, kV1, kV2}) {
    auto r = parse_drill(text, "old.json", "old");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    for (anatomy::Side side : {anatomy::Side::kRight, anatomy::Side::kLeft}) {
      auto tl = motion::Timeline::build(r.value(), side);
      REQUIRE(tl.ok());
      for (int i = 0; i <= 10; ++i) {
        const motion::DrillFrame f = tl->evaluate(tl->duration() * i / 10.0);
        CHECK(f.upper.neck_flexion == 0.0);
        CHECK(f.upper.neck_bending == 0.0);
        CHECK(f.upper.neck_rotation == 0.0);
      }
    }
  }
  const std::string with_neck =
      replaced(kV2, R"("knee_l_deg": 90})", R"("knee_l_deg": 90, "neck_bending_deg": -40, "neck_flexion_deg": 10})");
  auto r = parse_drill(with_neck, "new.json", "new");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  CHECK(r->start[motion::Channel::kNeckBending] == doctest::Approx(deg_to_rad(-40.0)));
  CHECK(r->start[motion::Channel::kNeckFlexion] == doctest::Approx(deg_to_rad(10.0)));
  // The mirrored drill (working side left) bends the neck the other way; flexion is unchanged.
  auto left = motion::Timeline::build(r.value(), anatomy::Side::kLeft);
  REQUIRE(left.ok());
  const motion::DrillFrame f = left->evaluate(0.0);
  CHECK(f.upper.neck_bending == doctest::Approx(deg_to_rad(40.0)));
  CHECK(f.upper.neck_flexion == doctest::Approx(deg_to_rad(10.0)));
  // A neck past its range (AAOS 1965: 45 deg of lateral bending) is rejected like any joint.
  CHECK(error_of(replaced(with_neck, "-40", "-70")).find("neck_bending") != std::string::npos);
}

TEST_CASE("a phase's grip: read in metres, mirrored with the drill, a bad one named") {
  const std::string with_grip = replaced(kV2, R"("contacts": [{"at": "femur_l", "on": "support"}]},)",
                                         R"("contacts": [{"at": "femur_l", "on": "support"}],
     "grip": {"hand": "hand_l", "at_m": [-0.25, 0.1, -0.65]}},)");
  auto r = parse_drill(with_grip, "new.json", "new");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  REQUIRE(r->phases[0].grip.has_value());
  CHECK(r->phases[0].grip->hand == anatomy::Side::kLeft);
  CHECK(r->phases[0].grip->at.z == doctest::Approx(-0.65));
  CHECK_FALSE(r->phases[1].grip.has_value());
  const motion::Drill m = motion::drill_for_side(r.value(), anatomy::Side::kLeft);
  CHECK(m.phases[0].grip->hand == anatomy::Side::kRight);
  CHECK(m.phases[0].grip->at.z == doctest::Approx(0.65));
  CHECK(error_of(replaced(with_grip, R"("hand_l", "at_m")", R"("hand_x", "at_m")")).find("phases[0].grip.hand: expected \"hand_r\" or \"hand_l\"") != std::string::npos);
  CHECK(error_of(replaced(with_grip, "[-0.25, 0.1, -0.65]", "[-0.25, 0.1]")).find("phases[0].grip.at_m: expected [x, y, z]") != std::string::npos);
  CHECK(error_of(replaced(with_grip, "[-0.25, 0.1, -0.65]", "[-25, 10, -65]")).find("within 1.5 m") != std::string::npos);
}
