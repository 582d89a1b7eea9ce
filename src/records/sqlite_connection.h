// sqlite_connection.h — the SQLite back end of the records store (Debian's libsqlite3).
//
// Opening a path:
//  - a missing file is created owner-only (0600, its folder 0700 when it has to be made; SQLite gives
//    its -wal and -shm files the database file's permissions), the schema written in one transaction
//    in rollback-journal mode, then the file switched to WAL — so HipLab's application_id is in the
//    file's header before any write-ahead log exists;
//  - an existing file is checked before anything is written to it: the SQLite magic, HipLab's
//    application_id, PRAGMA quick_check and the schema's marker. A file that fails any of them is
//    reported ("not a HipLab records database", "damaged") and left byte for byte as it was
//    (checkpoint-on-close is off until the checks pass);
//  - every connection: foreign_keys=ON, secure_delete=ON (deleted rows are zeroed, not only
//    unlinked), synchronous=FULL (a commit is on the disk when it returns, surviving power loss, not
//    only a killed process), journal_mode=WAL, busy_timeout 5 s (a second instance waits for a
//    writer rather than failing at once).
#pragma once
#include <memory>
#include <string>

#include "records/sql.h"

namespace hiplab::records {

// Opens (creating when `create` and the file is missing) and migrates to the current schema.
// Errors name the path: "/x/records.sqlite: not a HipLab records database (not an SQLite file);
// it is left untouched".
Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path, bool create = true);

// The same without migrating: for the migration tests, which build older versions themselves.
// The file is created empty (0600) when missing.
Result<std::unique_ptr<SqlConnection>> open_sqlite_unmigrated(const std::string& path);

// PRAGMA integrity_check's first line ("ok" when whole).
Result<std::string> sqlite_integrity_check(SqlConnection& c);

}  // namespace hiplab::records
