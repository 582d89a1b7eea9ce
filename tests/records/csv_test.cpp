// Tests src/records/csv.h: exact round trip of text and numbers, and a bad row named by its line
// and field with nothing taken from the file.
#include <doctest/doctest.h>

#include "records/csv.h"

namespace hiplab {

namespace {

using namespace records;

const std::string kHead = std::string(kCsvHeader) + "\n";
// Files written before measurements had photos are still read; the row checks below use them.
const std::string kOldHead = std::string(kCsvHeaderWithoutPhotos) + "\n";

TEST_CASE("records CSV: what is written reads back the same, quotes, line breaks and every bit of a double included") {
  std::vector<PatientRecord> recs(1);
  recs[0].patient.name = "O'Neil, \"Pat\"";
  recs[0].patient.notes = "line one\nline two";
  recs[0].patient.birth_year = 1950;
  Visit v;
  v.date = "2024-02-29";
  Measurement m;
  m.degrees = 0.1 + 0.2;
  m.pain = 0;
  v.measurements.push_back(m);
  m.degrees = 179.99999999999997;
  m.pain.reset();
  m.movement = Movement::kAdduction;
  m.method = Method::kVisualEstimate;
  v.measurements.push_back(m);
  v.programme.push_back({0, "clamshell", Side::kLeft, "3 x 10, \"slow\""});
  recs[0].visits.push_back(v);
  const std::string csv = to_csv(recs);
  CHECK(csv.rfind(kHead, 0) == 0);
  CHECK(csv.find("\"O'Neil, \"\"Pat\"\"\"") != std::string::npos);
  CHECK(csv.find(",0.30000000000000004,") != std::string::npos);
  auto back = from_csv(csv, "x.csv");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  REQUIRE(back->size() == 1);
  CHECK((*back)[0].patient.name == recs[0].patient.name);
  CHECK((*back)[0].patient.notes == "line one\nline two");
  REQUIRE((*back)[0].visits.size() == 1);
  CHECK((*back)[0].visits[0].measurements[0].degrees == 0.1 + 0.2);
  CHECK((*back)[0].visits[0].measurements[0].pain == 0);
  CHECK((*back)[0].visits[0].measurements[1].degrees == 179.99999999999997);
  CHECK((*back)[0].visits[0].measurements[1].movement == Movement::kAdduction);
  CHECK((*back)[0].visits[0].programme[0].dosage == "3 x 10, \"slow\"");
  CHECK(to_csv(*back) == csv);
  // A spreadsheet's CRLF line ends and byte-order mark read the same.
  std::string crlf = "\xEF\xBB\xBF";
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) crlf += '\r';  // line ends only; a line break inside a cell stays as it is
    crlf += c;
  }
  auto again = from_csv(crlf, "crlf.csv");
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error().message));
  CHECK((*again)[0].visits[0].measurements.size() == 2);
}

std::string error_of(const std::string& text) {
  auto r = from_csv(text, "in.csv");
  REQUIRE_FALSE(r.ok());
  return r.error().message;
}

TEST_CASE("records CSV: a bad row is named by its line and field, and nothing is read") {
  const std::string good = kOldHead + "patient,1,,Ann,1970,female,,,,,,,,,,\n" + "visit,1,1,,,,2024-01-05,,,,,,,,,\"first\nvisit\"\n";
  REQUIRE(from_csv(good, "in.csv").ok());
  // Line 4: the visit's note spans lines 3 and 4, so the measurement starts on line 5.
  CHECK(error_of(good + "measurement,1,1,,,,,right,internal_rotation,seated,200,goniometer,,,,\n") ==
        "in.csv:5: degrees: expected degrees from 0 to 180, got '200'");
  CHECK(error_of(good + "measurement,1,1,,,,,right,inward,seated,30,goniometer,,,,\n") ==
        "in.csv:5: movement: expected " + movement_names() + ", got 'inward'");
  CHECK(error_of(good + "measurement,1,1,,,,,right,internal_rotation,seated,30,goniometer,11,,,\n") ==
        "in.csv:5: pain: expected a whole number from 0 to 10, or nothing, got '11'");
  CHECK(error_of(good + "measurement,1,9,,,,,right,internal_rotation,seated,30,goniometer,,,,\n") ==
        "in.csv:5: visit: expected the number of a visit row above, got '9'");
  CHECK(error_of(good + "visit,1,2,,,,2024-02-30,,,,,,,,,\n") == "in.csv:5: date: expected a date YYYY-MM-DD, got '2024-02-30'");
  CHECK(error_of(good + "patient,2,,,,female,,,,,,,,,,\n") == "in.csv:5: name: expected a name or pseudonym, got nothing");
  CHECK(error_of(good + "visit,1,2,,,,2024-02-03,left,,,,,,,,\n") == "in.csv:5: side: expected nothing in a visit row, got 'left'");
  CHECK(error_of(good + "measurement,1,1,right\n") == "in.csv:5: expected 16 cells, got 4");
  CHECK(error_of(good + "remark,1,,,,,,,,,,,,,,\n") == "in.csv:5: record: expected patient, visit, measurement or programme, got 'remark'");
  CHECK(error_of(good + "visit,1,2,,,,2024-02-03,,,,,,,,,\"open\n") == "in.csv:5: a quoted cell is not closed (expected '\"')");
  CHECK(error_of("name,degrees\nAnn,30\n").find("in.csv:1: expected the header line") == 0);
  CHECK(error_of("").find("in.csv:1: empty file") == 0);
}

TEST_CASE("records CSV: a measurement's photo and landmarks go and come back, an older file has none, a bad name is refused") {
  std::vector<PatientRecord> recs(1);
  recs[0].patient.name = "Ann";
  Visit v;
  v.date = "2026-03-01";
  Measurement m;
  m.method = Method::kPhoto;
  m.degrees = 23.5;
  m.photo = "2026-03-01-0a1b2c3d.jpg";
  m.landmarks = "512,300,400.5,700";
  v.measurements.push_back(m);
  recs[0].visits.push_back(v);
  const std::string csv = to_csv(recs);
  CHECK(csv.find(",photo,,,,,2026-03-01-0a1b2c3d.jpg,\"512,300,400.5,700\"\n") != std::string::npos);  // pain, drill, dosage, note empty
  auto back = from_csv(csv, "x.csv");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().message));
  CHECK((*back)[0].visits[0].measurements[0].photo == m.photo);
  CHECK((*back)[0].visits[0].measurements[0].landmarks == m.landmarks);
  CHECK(to_csv(*back) == csv);
  const std::string old = kOldHead + "patient,1,,Ann,1970,female,,,,,,,,,,\n" + "visit,1,1,,,,2024-01-05,,,,,,,,,\n" +
                          "measurement,1,1,,,,,right,internal_rotation,seated,30,goniometer,,,,\n";
  auto read_old = from_csv(old, "old.csv");
  REQUIRE_MESSAGE(read_old.ok(), (read_old.ok() ? "" : read_old.error().message));
  CHECK((*read_old)[0].visits[0].measurements[0].photo.empty());
  const std::string head = kHead + "patient,1,,Ann,1970,female,,,,,,,,,,,,\n" + "visit,1,1,,,,2024-01-05,,,,,,,,,,,\n";
  REQUIRE(from_csv(head, "in.csv").ok());
  CHECK(error_of(head + "measurement,1,1,,,,,right,internal_rotation,seated,30,photo,,,,,../2/x.jpg,\n").rfind("in.csv:4: photo: expected the name of a kept photo", 0) == 0);
  CHECK(error_of(head + "measurement,1,1,,,,,right,internal_rotation,seated,30,photo,,,,,x.jpg,\"1,2,3\"\n").rfind("in.csv:4: landmarks: expected", 0) == 0);
  CHECK(error_of(head + "visit,1,2,,,,2024-02-03,,,,,,,,,,x.jpg,\n") == "in.csv:4: photo: expected nothing in a visit row, got 'x.jpg'");
  CHECK(error_of(head + "measurement,1,1,right\n") == "in.csv:4: expected 18 cells, got 4");
}

TEST_CASE("csv: a bad cell that holds a line break is quoted on one line in the message (found by fuzzing)") {
  const std::string text = kOldHead + "patient,1,,Ann,1970,\"fe\nmale\",,,,,,,,,,\n";
  auto r = from_csv(text, "in.csv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "in.csv:2: sex: expected unstated, female, male, other, got 'fe\\nmale'");
  CHECK(r.error().message.find('\n') == std::string::npos);
}

}  // namespace

}  // namespace hiplab
