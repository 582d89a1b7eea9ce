// records.h — what a patient's record holds: the patient, their visits, each visit's measured range
// of motion and the exercise programme given. Plain data, the same for every back end (records/store.h).
//
// Units: degrees, as measured and as a therapist writes them (the record is an edge of the program,
// DESIGN.md); a measurement's `degrees` is the size of the range in that movement (≥ 0), the
// direction being the movement itself. Pain is the patient's 0–10 numeric rating (optional).
// Dates are ISO 8601 calendar dates, "YYYY-MM-DD".
// Every stored row has an id (≥ 1, given by the store) and a revision (1 when added, +1 at each
// change): an update names the revision it read and is refused when the stored one moved on.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace hiplab::records {

enum class Side { kLeft, kRight };
enum class Movement { kInternalRotation, kExternalRotation, kFlexion, kExtension, kAbduction, kAdduction };
// The norms depend on the measuring position (anatomy/rom_norms.h: Kouyoumdjian 2012 by position).
enum class Position { kSupine, kProne, kSeated };
enum class Method { kGoniometer, kInclinometer, kVisualEstimate, kPhoto };
enum class Sex { kUnstated, kFemale, kMale, kOther };

// The words used in files, on the command line and in the database ("internal_rotation", ...).
std::string_view side_name(Side s);
std::string_view movement_name(Movement m);
std::string_view position_name(Position p);
std::string_view method_name(Method m);
std::string_view sex_name(Sex s);
std::optional<Side> parse_side(std::string_view s);
std::optional<Movement> parse_movement(std::string_view s);
std::optional<Position> parse_position(std::string_view s);
std::optional<Method> parse_method(std::string_view s);
std::optional<Sex> parse_sex(std::string_view s);
// "internal_rotation, external_rotation, ..." for messages that say what was expected.
std::string movement_names();
std::string position_names();
std::string method_names();
std::string sex_names();

struct Measurement {
  std::int64_t id = 0;
  Side side = Side::kRight;
  Movement movement = Movement::kInternalRotation;
  Position position = Position::kSupine;
  double degrees = 0.0;         // 0..180
  Method method = Method::kGoniometer;
  std::optional<int> pain;      // 0..10
  std::string note;
  // Measured from a photo (method photo, records/photo_angle.h): the kept photo's name in the
  // patient's photo folder (records/photo.h; empty: none) and the landmarks clicked on it
  // ("x1,y1,x2,y2,...", its pixels; empty: none).
  std::string photo;
  std::string landmarks;
};

// One drill of the programme given at a visit: which drill (its id, motion/drill.h), which side
// and the dosage as the therapist wrote it ("3 x 10, daily").
struct ProgrammeItem {
  std::int64_t id = 0;
  std::string drill;
  Side side = Side::kRight;
  std::string dosage;
};

struct Visit {
  std::int64_t id = 0, patient_id = 0, revision = 0;
  std::string date;  // YYYY-MM-DD
  std::string note;
  std::vector<Measurement> measurements;
  std::vector<ProgrammeItem> programme;
};

struct Patient {
  std::int64_t id = 0, revision = 0;
  std::string name;  // name or pseudonym, as the therapist chooses
  std::optional<int> birth_year;
  Sex sex = Sex::kUnstated;
  std::string notes;
};

// A patient with all their visits, oldest first (by date, then by id).
struct PatientRecord {
  Patient patient;
  std::vector<Visit> visits;
};

// Checks what a user can get wrong; the message names the field and what was expected
// ("date: expected YYYY-MM-DD, got '2024-13-01'"). Called by every store before it writes.
Status validate(const Patient& p);
Status validate(const Visit& v);
Status validate(const Measurement& m);
Status validate(const ProgrammeItem& item);
bool valid_date(std::string_view date);
// Today in local time as YYYY-MM-DD (a new visit's default date).
std::string today_date();

// The latest measurement of a movement on a side (by visit date, then visit id; within a visit the
// last one entered), or none.
std::optional<Measurement> latest(const PatientRecord& r, Side side, Movement movement);

// Shortest decimal text that reads back as exactly the same double (std::to_chars), so numbers
// written to CSV or sent to PostgreSQL come back bit for bit.
std::string exact_decimal(double v);

}  // namespace hiplab::records
