// schema.h — the records database's tables, their version and the migrations between versions,
// written once for SQLite and PostgreSQL (the few words that differ are chosen per dialect).
//
// Version history (each step is a migration from the one before; a new version adds a step and
// never edits an old one, so a database of any earlier version opens and is brought up to date):
//   1  patients, visits, measurements; the hiplab_meta table (application marker, schema version)
//   2  programme_items: the drills given at a visit, with side and dosage
//   3  measurements.photo and measurements.landmarks: a measurement made from a photo
//      (records/photo.h, records/photo_angle.h); '' for every older row
// The version lives in hiplab_meta ('schema_version'); SQLite files also carry HipLab's
// application_id and the version as user_version, so `file` and sqlite3 can tell what they are.
// On PostgreSQL the tables live in their own schema, "hiplab", so they never meet a clinic's other
// tables.
#pragma once
#include "records/sql.h"

namespace hiplab::records {

inline constexpr int kSchemaVersion = 3;
// "HPLR": PRAGMA application_id of a HipLab records file.
inline constexpr std::int64_t kSqliteApplicationId = 0x48504C52;
inline constexpr const char* kApplicationMarker = "hiplab records";

// The schema version found: 0 when the database holds none of our tables (a new database).
// A database with tables that are not ours, or with our tables but another application's marker,
// is an error saying so ("not a HipLab records database"): callers never write to it.
Result<int> read_schema_version(SqlConnection& c);

// Brings the schema from the version found to `target` (1..kSchemaVersion), all steps in one write
// transaction (a crash leaves the old version whole). A version newer than this program knows is
// refused ("made by a newer HipLab"); on PostgreSQL an advisory lock keeps two workstations from
// migrating at once. `target` below kSchemaVersion exists for the migration tests.
Status migrate(SqlConnection& c, int target = kSchemaVersion);

}  // namespace hiplab::records
