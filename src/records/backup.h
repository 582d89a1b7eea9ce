// backup.h — a backup of the whole records database, photos included, and restoring one: the one
// copy of this that `hiplab patients backup|restore` and the Patients window both call.
//
// A backup is an SQLite records database (any back end is backed up to SQLite) holding every
// patient, and the photos in a table a records database never has: hiplab_backup_photos(patient_id
// = the patient's number IN THE BACKUP, name = the kept file's name, hex = its bytes as hexadecimal
// text). It is written beside the target and renamed over it only when whole, owner-only (0600).
//
// Restoring replaces every patient with the backup's, in one transaction, and their photo folders
// with the backup's photos (0600 files in 0700 folders). Nothing is changed when it fails before
// the records are replaced: a missing, foreign or damaged file (read_backup, which reads a copy so
// the user's file is never written, not even to migrate an older one), photos that cannot be
// written (they are written into a staging folder beside the photo folders first), a transaction
// the database refuses. Backups from before photos travelled restore without photos.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "records/records.h"
#include "records/store.h"

namespace hiplab::records {

struct BackupPhoto {
  std::int64_t patient_id = 0;  // the patient's number in the backup
  std::string name;             // a kept photo's or thumbnail's name (valid_photo_name)
  std::string bytes;
};

struct BackupContents {
  std::vector<PatientRecord> records;
  std::vector<BackupPhoto> photos;
};

struct BackupCounts {
  std::size_t patients = 0, photo_files = 0;
};

struct RestoreCounts {
  std::size_t restored = 0, replaced = 0, photo_files = 0;
};

// Writes every patient of `from` and their photo files to `file`. Errors name the file.
Result<BackupCounts> write_backup(Store& from, const std::string& file);

// Reads a backup without writing to it. Errors name the file: "x: no such backup file", "x: not
// a records database ...", "x: a photo in the backup is damaged or badly named ('...')".
Result<BackupContents> read_backup(const std::string& file);

// Replaces every patient of `into` (and their photos) with the backup's. On an error nothing was
// changed, unless the message says the records were restored and the photos not all (a folder
// renamed into place failing after the commit).
Result<RestoreCounts> restore_backup(Store& into, const BackupContents& backup);

}  // namespace hiplab::records
