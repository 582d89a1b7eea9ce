// records_open.h — where this user's patients' records are (the --records value, else settings.json's
// "records", else $XDG_DATA_HOME/hiplab/records.sqlite) and opening them, for the command line and
// the window alike.
#pragma once
#include <memory>
#include <string>

#include "records/location.h"

namespace hiplab::app {

// $XDG_DATA_HOME/hiplab/records.sqlite
std::string default_records_path();

// `cli_spec` empty: the settings' value. Errors name their source ("--records: ...",
// "settings.json: records: ...").
Result<records::RecordsLocation> records_location(const std::string& cli_spec);

// Opens the store there (photos of a PostgreSQL store in $XDG_DATA_HOME/hiplab/photos).
Result<std::unique_ptr<records::Store>> open_records(const records::RecordsLocation& where);

}  // namespace hiplab::app
