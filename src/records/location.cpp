#include "records/location.h"

#include <filesystem>

#include "records/pg_connection.h"
#include "records/sqlite_connection.h"

namespace hiplab::records {

Result<RecordsLocation> parse_records_location(const std::string& spec, const std::string& field, const std::string& default_sqlite_path) {
  RecordsLocation out;
  if (spec.empty() || spec == "default") {
    out.target = default_sqlite_path;
    return out;
  }
  if (spec == "off") {
    out.kind = RecordsLocation::Kind::kOff;
    return out;
  }
  if (looks_like_postgres(spec)) {
    if (auto st = check_conninfo(spec, field); !st) return st.error();
    out.kind = RecordsLocation::Kind::kPostgres;
    out.target = spec;
    return out;
  }
  out.target = spec.rfind("sqlite:", 0) == 0 ? spec.substr(7) : spec;
  if (out.target.empty()) return make_error(field + ": expected a file path after 'sqlite:'");
  return out;
}

Result<std::unique_ptr<Store>> open_store(const RecordsLocation& where, const std::string& local_photos_root) {
  switch (where.kind) {
    case RecordsLocation::Kind::kOff:
      return make_error("patient records are switched off (--records off, or \"records\": \"off\" in settings.json)");
    case RecordsLocation::Kind::kPostgres: {
      auto c = open_postgres(where.target);
      if (!c) return c.error();
      return std::make_unique<Store>(std::move(c.value()), local_photos_root);
    }
    case RecordsLocation::Kind::kSqlite:
    default: {
      auto c = open_sqlite(where.target);
      if (!c) return c.error();
      const std::filesystem::path dir = std::filesystem::path(where.target).parent_path();
      return std::make_unique<Store>(std::move(c.value()), (dir / "photos").string());
    }
  }
}

}  // namespace hiplab::records
