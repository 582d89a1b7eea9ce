// pg_connection.h — the PostgreSQL back end of the records store (Debian's libpq), for a clinic
// whose workstations share one database. Same schema as SQLite (records/schema.h), in the
// database's own schema "hiplab".
//
// The connection string is libpq's (a URI "postgresql://user@host/db" or "key=value" words, e.g.
// "service=clinic"). It must not carry a password: HipLab would keep it in settings.json or show it
// in the process list. libpq finds the password in ~/.pgpass (or PGPASSFILE) or a service file
// (~/.pg_service.conf); TLS is libpq's default "sslmode=prefer" — used whenever the server offers
// it — unless the string asks for more (sslmode=verify-full).
//
// What a delete can promise here: the rows are gone for every client at commit. What it cannot:
// PostgreSQL keeps dead row versions in its data files until VACUUM reuses the space, and its
// write-ahead log, archives, replicas and backups keep them as long as they are kept; removing them
// there is the database administrator's part.
#pragma once
#include <memory>
#include <string>

#include "records/sql.h"

namespace hiplab::records {

// True for what names a PostgreSQL database rather than a file: "postgresql://...",
// "postgres://..." or libpq's "key=value" words.
bool looks_like_postgres(const std::string& spec);

// Refuses a connection string that names a password (or cannot be read by libpq), saying where the
// password goes instead. `field` names where the string came from ("--records", "settings.json: records").
Status check_conninfo(const std::string& conninfo, const std::string& field);

// Connects and migrates to the current schema. Errors: "PostgreSQL (dbname=x host=y): ...".
Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& conninfo);
// The same without migrating (the migration tests).
Result<std::unique_ptr<SqlConnection>> open_postgres_unmigrated(const std::string& conninfo);

}  // namespace hiplab::records
