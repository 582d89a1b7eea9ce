// store.h — patients' records kept in a database: the one interface the command line and the
// window use, whatever the back end (SQLite file by default, PostgreSQL for a clinic; see
// records/location.h for how the user names one and records/sqlite_connection.h,
// records/pg_connection.h for what each promises).
//
// Every change is one transaction: it is all saved when the call returns Ok, or none of it is.
// Optimistic concurrency: patients and visits carry a revision; an update or delete names the
// revision it was made from and is refused, with "changed by someone else", when another instance
// (another window, another workstation) saved a change in between. A visit's measurements and
// programme belong to it and change with it (update_visit replaces them).
// Photos: a patient's photos live in <photos root>/<patient id>/ (owner-only, records/photo.h);
// deleting the patient removes the folder, deleting a visit (or a visit update dropping a
// measurement) removes its measurements' photos; export copies the folder.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "records/records.h"
#include "records/sql.h"

namespace hiplab::records {

struct PatientSummary {
  Patient patient;
  int visits = 0;
  std::string last_visit;  // date, empty when none
};

struct ImportCounts {
  int patients = 0, visits = 0, measurements = 0, programme_items = 0;
};

class Store {
 public:
  // `photos_root` may be empty (no photos kept).
  Store(std::unique_ptr<SqlConnection> connection, std::string photos_root);

  std::string describe() const { return c_->describe(); }
  SqlConnection& connection() { return *c_; }
  // <photos root>/<id>, or empty when the store keeps no photos.
  std::string photos_dir(std::int64_t patient_id) const;
  // The folder holding every patient's photo folder, or empty (records/backup.cpp stages a
  // restore's photos in it).
  const std::string& photos_root() const { return photos_root_; }

  // Patients whose name contains `search` (case-insensitive for ASCII; all when empty), by name.
  Result<std::vector<PatientSummary>> list_patients(std::string_view search = {});
  // The patient with every visit (oldest first), its measurements (in the order entered) and
  // programme. "patient 12: not found" when there is none.
  Result<PatientRecord> load(std::int64_t patient_id);
  // Every patient's record, by id.
  Result<std::vector<PatientRecord>> load_all();

  Result<Patient> add_patient(Patient p);
  // Saves p over the stored patient when the stored revision is still p.revision; returns the
  // patient with its new revision.
  Result<Patient> update_patient(const Patient& p);
  // Removes the patient and everything of theirs: visits, measurements, programme, photos.
  // `revision` 0 deletes whatever the stored revision is (the command line's --yes). Returns a
  // notice (possibly empty) about what the back end could not do at once (records/sql.h after_delete).
  Result<std::string> delete_patient(std::int64_t patient_id, std::int64_t revision = 0);

  // A new visit of v.patient_id with its measurements and programme.
  Result<Visit> add_visit(Visit v);
  Result<Visit> update_visit(const Visit& v);
  Status delete_visit(std::int64_t visit_id, std::int64_t revision);

  // Adds every record as new patients (new ids), all in one transaction; nothing is added when any
  // part fails. Returns the new patients' ids in the order given.
  Result<std::vector<std::int64_t>> import_records(const std::vector<PatientRecord>& records, ImportCounts* counts = nullptr);
  // Restore: everything stored is replaced by `records`, in one transaction.
  // `ids` (optional) gets the new patients' numbers, in the order of `records`.
  Status replace_all(const std::vector<PatientRecord>& records, std::vector<std::int64_t>* ids = nullptr);

 private:
  Status insert_visit_contents(std::int64_t visit_id, const Visit& v);
  static void add_content_rows(std::int64_t visit_id, const Visit& v, std::vector<SqlValue>& measurements, std::vector<SqlValue>& programme);
  // INSERT head + "($1, ...), (...)" for rows of `columns` values, a few hundred rows per statement.
  Status insert_rows(const std::string& head, std::size_t columns, const std::vector<SqlValue>& values);
  // n ids for new rows of `table`, for inserts that give them explicitly.
  Result<std::vector<std::int64_t>> reserve_ids(const char* table, std::size_t n);
  Result<std::int64_t> insert_patient(const Patient& p);
  Result<std::int64_t> insert_visit(std::int64_t patient_id, const Visit& v);
  Status insert_all(const std::vector<PatientRecord>& records, std::vector<std::int64_t>* ids, ImportCounts* counts);
  Error stale(const char* what, std::int64_t id, std::int64_t expected, const char* table);
  // The photo names of a visit's measurements, and its patient (left as is when it has none).
  Result<std::vector<std::string>> visit_photos(std::int64_t visit_id, std::int64_t* patient_id);
  // Removes kept photos and their thumbnails from the patient's folder (after the commit).
  void remove_photos(std::int64_t patient_id, const std::vector<std::string>& names);

  std::unique_ptr<SqlConnection> c_;
  std::string photos_root_;
};

}  // namespace hiplab::records
