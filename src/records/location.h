// location.h — where the records are kept, as the user names it (`--records`, settings.json's
// "records"), and opening the store there.
//   ""  or "default"                       SQLite at the default path ($XDG_DATA_HOME/hiplab/records.sqlite)
//   "off"                                  records switched off (a classroom install): nothing is read or written
//   "postgresql://...", "service=clinic"   PostgreSQL (records/pg_connection.h; no password allowed)
//   anything else                          an SQLite file at that path ("sqlite:" in front is allowed)
#pragma once
#include <memory>
#include <string>

#include "records/store.h"

namespace hiplab::records {

struct RecordsLocation {
  enum class Kind { kOff, kSqlite, kPostgres };
  Kind kind = Kind::kSqlite;
  std::string target;  // the SQLite path or the PostgreSQL connection string
};

// `field` names where the spec came from, for messages ("--records", "settings.json: records").
Result<RecordsLocation> parse_records_location(const std::string& spec, const std::string& field, const std::string& default_sqlite_path);

// Opens (SQLite: creating when missing) and migrates. Photos live beside an SQLite file
// (<its folder>/photos) and in `local_photos_root` for PostgreSQL (photos are not shared through
// the server). Off is an error saying records are switched off.
Result<std::unique_ptr<Store>> open_store(const RecordsLocation& where, const std::string& local_photos_root);

}  // namespace hiplab::records
